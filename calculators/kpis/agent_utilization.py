"""Agent utilization: handling time over paid time, with occupancy and shrinkage beside it and the
labour cost per contact it gives.

Source of every formula: the glossary's content brief, part 3, "Agent utilization".

>>> agent_utilization(2380, 4000), occupancy(2380, 2800), shrinkage(2800, 4000)
(Decimal('59.5'), Decimal('85'), Decimal('30'))
"""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference
from ..calculations import Inputs, Outcome
from ..errors import CalculatorError
from ..formulas import Number, positive
from ..numbers import CONTEXT, to_decimal
from ..specs import Carry, Field, Formula, Row, Spec, currency_field

#: The term's place in the glossary (the registry sorts by it): after shrinkage.
ORDER = 63

_HUNDRED = Decimal(100)


def _part(part: Number, whole: Number, field: str, other: str) -> tuple[Decimal, Decimal]:
    """A part and the whole it is a share of: the whole above zero, the part not above it."""
    number = to_decimal(part, field)
    total = positive(whole, other)
    if number > total:
        raise CalculatorError("exceeds", field, other=other)
    return number, total


def agent_utilization(handling: Number, paid: Number) -> Decimal:
    """Utilization in percent = hours handling contacts / paid hours x 100.

    Unlike occupancy it counts shrinkage: utilization = occupancy x (1 - shrinkage). Source: the
    content brief, part 3.

    >>> agent_utilization(2380, 4000)
    Decimal('59.5')
    >>> agent_utilization(4001, 4000)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: handling: exceeds
    """
    hours, total = _part(handling, paid, "handling", "paid")
    return CONTEXT.divide(CONTEXT.multiply(hours, _HUNDRED), total)


def occupancy(handling: Number, logged_in: Number) -> Decimal:
    """Occupancy in percent = hours handling contacts / hours logged in and available x 100.

    Source: the content brief, part 2, "Occupancy".

    >>> occupancy(2380, 2800)
    Decimal('85')
    """
    hours, total = _part(handling, logged_in, "handling", "logged_in")
    return CONTEXT.divide(CONTEXT.multiply(hours, _HUNDRED), total)


def shrinkage(logged_in: Number, paid: Number) -> Decimal:
    """Shrinkage in percent = (1 - hours logged in and available / paid hours) x 100.

    Source: the content brief, part 3, "Shrinkage" and "Agent utilization".

    >>> shrinkage(2800, 4000)
    Decimal('30')
    """
    hours, total = _part(logged_in, paid, "logged_in", "paid")
    return CONTEXT.divide(CONTEXT.multiply(total - hours, _HUNDRED), total)


def labour_cost_per_contact(
    hourly_cost: Number, aht_seconds: Number, utilization: Number
) -> Decimal:
    """Labour cost per contact = loaded cost per paid hour x AHT / 3600 / (utilization / 100).

    Every paid hour is paid for, but only the utilized share of it handles contacts. Source: the
    content brief, part 3.

    >>> labour_cost_per_contact(30, 240, "59.5").quantize(Decimal("0.01"))
    Decimal('3.36')
    """
    cost = to_decimal(hourly_cost, "hourly_cost")
    hours = CONTEXT.divide(positive(aht_seconds, "aht"), Decimal(3600))
    share = CONTEXT.divide(positive(utilization, "handling"), _HUNDRED)
    return CONTEXT.divide(CONTEXT.multiply(cost, hours), share)


def compute(inputs: Inputs) -> Outcome:
    """Utilization; with the logged-in hours, occupancy and shrinkage; with a cost, per contact."""
    handling, paid = inputs.need("handling"), inputs.need("paid")
    percent = agent_utilization(handling, paid)
    values = {"agent-utilization": percent}
    logged_in = inputs.get("logged_in")
    if logged_in is not None:
        values["occupancy"] = occupancy(handling, logged_in)
        values["shrinkage"] = shrinkage(logged_in, paid)
        values["idle-hours"] = logged_in - handling
    if inputs.both("hourly_cost", "aht"):
        values["labour-cost-per-contact"] = labour_cost_per_contact(
            inputs.need("hourly_cost"), inputs.need("aht"), percent
        )
    return Outcome(values=values)


_COST = "group.labour_cost"
SPEC: Spec = Spec(
    id="agent-utilization",
    fields=(
        Field("handling", "hours", "field.handle_hours"),
        Field("paid", "hours", "field.paid_hours"),
        Field("logged_in", "hours", "field.logged_in_hours", group="group.logged_in"),
        Field("hourly_cost", "money", "field.hourly_cost", group=_COST),
        Field("aht", "seconds", "field.aht_seconds", group=_COST),
        currency_field(_COST),
    ),
    compute=compute,
    results=(
        Row("agent-utilization", "result.agent-utilization", "percent", main=True),
        Row("occupancy", "result.occupancy", "percent"),
        Row("shrinkage", "result.shrinkage", "percent"),
        Row("idle-hours", "result.idle-hours", "hours"),
        Row("labour-cost-per-contact", "result.labour-cost-per-contact", "money", main=True),
    ),
    # The hours handling contacts and the idle hours logged in are occupancy's own two inputs.
    carry=(Carry("occupancy", (("handle", "handling"), ("idle", "idle-hours"))),),
    formula=(Formula("agent-utilization", "formula.agent-utilization"),),
)

BENCHMARK: Benchmark | None = None
#: No benchmark: a high utilization is a result of planning, not a goal for agents.
REFERENCE: Reference | None = None
