"""Shrinkage: the share of paid hours in which agents cannot handle contacts, and the agents it adds.

Source of every formula: the glossary's content brief, part 3, "Shrinkage".

>>> shrinkage(1200, 4000), agents_uplift(30), scheduled_agents(29, 30)
(Decimal('30'), Decimal('42.85714285714285714285714285714286'), 42)
"""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference
from ..calculations import Inputs, Outcome
from ..errors import CalculatorError
from ..formulas import Number, count, positive
from ..numbers import CONTEXT, MAX_VALUE, to_decimal
from ..specs import Carry, Field, Formula, Row, Spec
from ..staffing import scheduled_agents as _scheduled_agents

#: The term's place in the glossary (the registry sorts by it): after service level.
ORDER = 62

#: The hours lost by cause, in the form's order; each is optional and empty counts as 0.
CAUSES = ("breaks", "meetings", "training", "absence", "other")

_HUNDRED = Decimal(100)


def lost_hours(*hours: Number) -> Decimal:
    """Lost hours = breaks + meetings + training + absence + other (each 0 or more), in the order
    of :data:`CAUSES` (an error names the cause).

    >>> lost_hours(330, 160, 200, 380, 130)
    Decimal('1200')
    >>> lost_hours(10**15, 1)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: breaks: too_large
    >>> lost_hours(330, -1)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: meetings: negative
    """
    parts = {name: to_decimal(value, name) for name, value in zip(CAUSES, hours, strict=False)}
    total = sum(parts.values(), Decimal(0))
    if total > MAX_VALUE:  # too large at the cause that makes most of it
        raise CalculatorError("too_large", max(parts, key=parts.__getitem__))
    return total


def shrinkage(lost: Number, scheduled: Number) -> Decimal:
    """Shrinkage in percent = paid hours in which agents cannot handle contacts / paid hours x 100.

    Planned parts (breaks, meetings, coaching, training, holidays) and unplanned ones (sickness,
    absence, lateness, outages) count alike. The lost hours must be fewer than the paid hours: at
    100 % nobody is ever available (``lost_not_below``). Source: the content brief, part 3.

    >>> shrinkage(1200, 4000)
    Decimal('30')
    >>> shrinkage(4000, 4000)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: scheduled: lost_not_below
    """
    hours = to_decimal(lost, "lost")
    paid = positive(scheduled, "scheduled")
    if hours >= paid:
        raise CalculatorError("lost_not_below", "scheduled")
    return CONTEXT.divide(CONTEXT.multiply(hours, _HUNDRED), paid)


def agents_uplift(shrinkage_percent: Number) -> Decimal:
    """Agents added by shrinkage, in percent = (1 / (1 - shrinkage / 100) - 1) x 100.

    So 30 % shrinkage means about 43 % more agents than the Erlang figure, not 30 % more. Source:
    the content brief, part 3.

    >>> agents_uplift(30)
    Decimal('42.85714285714285714285714285714286')
    >>> agents_uplift(0)
    Decimal('0')
    """
    share = CONTEXT.divide(to_decimal(shrinkage_percent, "shrinkage"), _HUNDRED)
    return CONTEXT.multiply(CONTEXT.divide(share, 1 - share), _HUNDRED)


def scheduled_agents(agents_needed: Number, shrinkage_percent: Number) -> int:
    """Scheduled agents = agents needed / (1 - shrinkage / 100), rounded up.

    ``agents_needed`` are the agents on the phones that the service-level target asks for (Erlang C).
    Exact fractions, so a whole result is never rounded up by one. Source: the content brief, part 3.

    >>> scheduled_agents(29, 30), scheduled_agents(28, 30)
    (42, 40)
    """
    return _scheduled_agents(count(agents_needed, "agents_needed"), shrinkage_percent)


def compute(inputs: Inputs) -> Outcome:
    """Shrinkage from the lost hours by cause; with the agents needed, the agents to schedule."""
    scheduled = inputs.need("scheduled")
    lost = lost_hours(*(inputs.get(name) or Decimal(0) for name in CAUSES))
    percent = shrinkage(lost, scheduled)
    values = {
        "shrinkage": percent,
        "lost-hours": lost,
        "available-hours": scheduled - lost,
        "agents-uplift": agents_uplift(percent),
    }
    needed = inputs.get("agents_needed")
    if needed is not None:
        values["scheduled-agents"] = Decimal(scheduled_agents(needed, percent))
    return Outcome(values=values)


SPEC: Spec = Spec(
    id="shrinkage",
    fields=(
        Field("scheduled", "hours", "field.scheduled_hours"),
        *(Field(name, "hours", f"field.lost.{name}") for name in CAUSES),
        Field("agents_needed", "count", "field.agents_needed", group="group.agents_needed"),
    ),
    compute=compute,
    results=(
        Row("shrinkage", "result.shrinkage", "percent", main=True),
        Row("lost-hours", "result.lost-hours", "hours"),
        Row("available-hours", "result.available-hours", "hours"),
        Row("agents-uplift", "result.agents-uplift", "percent"),
        Row("scheduled-agents", "result.scheduled-agents", "count", main=True),
    ),
    carry=(Carry("service-level", (("shrinkage", "shrinkage"),)),),
    formula=(Formula("shrinkage", "formula.shrinkage"),),
)

BENCHMARK: Benchmark | None = None

REFERENCE = Reference(
    key="shrinkage",
    unit="percent",
    figures={"value": Decimal(30)},
    bands=(),
    beyond="",
    source="30 % is the example figure of Call Centre Helper's Erlang example, not a target and not a "
    "benchmark (content brief, part 3).",
)
