"""Schedule adherence: the scheduled minutes agents spent in the activity they were scheduled for,
with conformance (worked minutes over scheduled minutes) beside it.

Source of every formula: the glossary's content brief, part 3, "Schedule adherence".

>>> schedule_adherence(8928, 9600), conformance(9504, 9600)
(Decimal('93'), Decimal('99'))
"""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference, band
from ..calculations import Inputs, Outcome
from ..errors import CalculatorError
from ..formulas import Number, positive
from ..numbers import CONTEXT, to_decimal
from ..specs import Carry, Field, Formula, Row, Spec

#: The term's place in the glossary (the registry sorts by it): after agent utilization.
ORDER = 64

_HUNDRED = Decimal(100)


def schedule_adherence(adherent_minutes: Number, scheduled_minutes: Number) -> Decimal:
    """Adherence in percent = minutes in the scheduled activity / scheduled minutes x 100.

    On the phones when scheduled to be, on a break when scheduled to be: a minute counts only in the
    activity the schedule says. Source: the content brief, part 3.

    >>> schedule_adherence(8928, 9600)
    Decimal('93')
    >>> schedule_adherence(9601, 9600)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: adherent_minutes: exceeds
    """
    adherent = to_decimal(adherent_minutes, "adherent_minutes")
    scheduled = positive(scheduled_minutes, "scheduled_minutes")
    if adherent > scheduled:
        raise CalculatorError("exceeds", "adherent_minutes", other="scheduled_minutes")
    return CONTEXT.divide(CONTEXT.multiply(adherent, _HUNDRED), scheduled)


def conformance(worked_minutes: Number, scheduled_minutes: Number) -> Decimal:
    """Conformance in percent = minutes worked / scheduled minutes x 100, whenever they were worked.

    It can be above 100 % (overtime) and says nothing about timing; adherence does. Source: the
    content brief, part 3.

    >>> conformance(9504, 9600), conformance(9700, 9600).quantize(Decimal("0.1"))
    (Decimal('99'), Decimal('101.0'))
    """
    worked = to_decimal(worked_minutes, "worked_minutes")
    scheduled = positive(scheduled_minutes, "scheduled_minutes")
    return CONTEXT.divide(CONTEXT.multiply(worked, _HUNDRED), scheduled)


def compute(inputs: Inputs) -> Outcome:
    """Adherence and the minutes out of adherence; with the minutes worked, conformance."""
    scheduled, adherent = inputs.need("scheduled_minutes"), inputs.need("adherent_minutes")
    percent = schedule_adherence(adherent, scheduled)
    out = scheduled - adherent
    values = {
        "schedule-adherence": percent,
        "minutes-out-of-adherence": out,
        "hours-out-of-adherence": CONTEXT.divide(out, Decimal(60)),
    }
    worked = inputs.get("worked_minutes")
    if worked is not None:
        values["conformance"] = conformance(worked, scheduled)
    return Outcome(values=values, band=band(percent, REFERENCE))


SPEC: Spec = Spec(
    id="schedule-adherence",
    fields=(
        Field("scheduled_minutes", "minutes", "field.scheduled_minutes"),
        Field("adherent_minutes", "minutes", "field.adherent_minutes"),
        Field("worked_minutes", "minutes", "field.worked_minutes", group="group.conformance"),
    ),
    compute=compute,
    results=(
        Row("schedule-adherence", "result.schedule-adherence", "percent", main=True),
        Row("minutes-out-of-adherence", "result.minutes-out-of-adherence", "minutes"),
        Row("hours-out-of-adherence", "result.hours-out-of-adherence", "hours"),
        Row("conformance", "result.conformance", "percent", main=True),
    ),
    # Minutes out of adherence act like unplanned shrinkage: shrinkage's "other" lost hours.
    carry=(Carry("shrinkage", (("other", "hours-out-of-adherence"),)),),
    remarks=(((), "remark.adherence_to_shrinkage"),),
    formula=(Formula("schedule-adherence", "formula.schedule-adherence"),),
)

BENCHMARK: Benchmark | None = None

REFERENCE = Reference(
    key="schedule-adherence",
    unit="percent",
    figures={"low": Decimal(92), "high": Decimal(94), "share": Decimal(80)},
    bands=(("below", Decimal(92), False), ("within", Decimal(94), True)),
    beyond="above",
    source="SWPP's winter 2019 survey, as reported by Call Centre Helper in 2021: about 80 % of contact "
    "centres set an adherence goal, typically 92-94 %; 100 % is neither realistic nor wanted "
    "(content brief, part 3).",
)
