"""Occupancy: handling time over logged-in time, against the quoted goal of 80-85 %."""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference, band
from ..calculations import Inputs, Outcome
from ..errors import CalculatorError
from ..formulas import Number
from ..numbers import CONTEXT, to_decimal
from ..specs import Carry, Field, Formula, Row, Spec

#: The term's place in the glossary (the registry sorts by it).
ORDER = 50

_HUNDRED = Decimal(100)


def occupancy(handle_hours: Number, idle_hours: Number) -> Decimal:
    """Occupancy in percent = handling time / (handling time + idle time) x 100.

    Handling time is talk, hold and after-call work; idle time is logged in and waiting for the next
    contact. Breaks, training and absence are shrinkage, not idle time. Source: the content brief,
    part 2, "Occupancy".

    >>> occupancy(85, 15)
    Decimal('85')
    >>> occupancy(0, 0)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: handle: both_zero
    """
    handle = to_decimal(handle_hours, "handle")
    idle = to_decimal(idle_hours, "idle")
    if handle == 0 and idle == 0:
        raise CalculatorError("both_zero", "handle", other="idle")
    return CONTEXT.divide(CONTEXT.multiply(handle, _HUNDRED), CONTEXT.add(handle, idle))


def compute(inputs: Inputs) -> Outcome:
    """Occupancy, the hours it rests on, and what the same work needs at the top and the bottom of
    the quoted goal (85 % and 80 %)."""
    handle, idle = inputs.need("handle"), inputs.need("idle")
    percent = occupancy(handle, idle)
    logged_in = handle + idle
    values = {"occupancy": percent, "logged-in-hours": logged_in}
    # against the top of the quoted goal (85 %) and its bottom (80 %): both, so none is implied
    for suffix, figure in (("goal", "goal"), ("low", "low")):
        needed = CONTEXT.divide(handle * 100, REFERENCE.figures[figure])
        values[f"hours-at-{suffix}"] = needed
        if logged_in > needed:
            values[f"idle-hours-above-{suffix}"] = logged_in - needed
    return Outcome(values=values, band=band(percent, REFERENCE))


SPEC = Spec(
    id="occupancy",
    fields=(
        Field("handle", "hours", "field.handle_hours"),
        Field("idle", "hours", "field.idle_hours"),
    ),
    compute=compute,
    results=(
        Row("occupancy", "result.occupancy", "percent", main=True),
        Row("logged-in-hours", "result.logged-in-hours", "hours"),
        Row("hours-at-goal", "result.hours-at-goal", "hours"),
        Row("idle-hours-above-goal", "result.idle-hours-above-goal", "hours"),
        Row("hours-at-low", "result.hours-at-low", "hours"),
        Row("idle-hours-above-low", "result.idle-hours-above-low", "hours"),
    ),
    # Agent utilization's hours handling contacts and its hours logged in; it asks for the paid hours.
    carry=(Carry("agent-utilization", (("handling", "handle"), ("logged_in", "logged-in-hours"))),),
    formula=(Formula("occupancy", "formula.occupancy"),),
)


BENCHMARK: Benchmark | None = None


REFERENCE = Reference(
    key="occupancy",
    unit="percent",
    figures={"low": Decimal(80), "high": Decimal(85), "goal": Decimal(85), "burnout": Decimal(90)},
    bands=(
        ("below", Decimal(80), False),
        ("within", Decimal(85), True),
        ("above", Decimal(90), False),
    ),
    beyond="burnout",
    source="Commonly quoted occupancy goals of about 80-85 %; sustained occupancy near 90 % and above "
    "is widely linked to burnout and attrition (content brief, part 2).",
    limit="burnout",
)
