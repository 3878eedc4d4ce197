"""Abandonment rate, with short abandons left out of both counts when they are given, and the
callers' patience it implies.
"""

from __future__ import annotations

from decimal import Decimal

from .. import staffing
from ..benchmarks import Benchmark, Reference, band
from ..calculations import Inputs, Outcome
from ..errors import CalculatorError, at_fields
from ..formulas import Number, count, divisor, not_above
from ..numbers import CONTEXT
from ..specs import Carry, Field, Formula, Row, Spec

#: The term's place in the glossary (the registry sorts by it).
ORDER = 80

_HUNDRED = Decimal(100)


def abandonment_rate(abandoned: Number, offered: Number, short: Number = 0) -> Decimal:
    """Abandonment rate in percent = (abandoned - short) / (offered - short) x 100.

    ``abandoned`` are contacts that hung up before an agent answered, out of ``offered``; ``short``
    abandons (callers who hang up within a few seconds) are left out of both counts when given, as
    many centers do; with ``short=0`` it is abandoned / offered. Source: the content brief, part 2.

    >>> abandonment_rate(50, 1000)
    Decimal('5')
    >>> abandonment_rate(50, 1000, short=60)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: short: exceeds
    """
    lost = count(abandoned, "abandoned")
    total = divisor(offered, "offered")
    brief = count(short, "short")
    not_above(lost, total, "abandoned", "offered")
    if brief >= total:
        raise CalculatorError("short_not_below", "short", other="offered")
    not_above(brief, lost, "short", "abandoned")
    return CONTEXT.divide(CONTEXT.multiply(lost - brief, _HUNDRED), total - brief)


#: The note when the estimated patience is beyond the hour service level accepts.
_PATIENCE_BEYOND = "note.patience_beyond"


def compute(inputs: Inputs) -> Outcome:
    """Abandonment rate, with short abandons left out of both counts when they are given."""
    abandoned, offered = inputs.need("abandoned"), inputs.need("offered")
    short = inputs.get("short") or Decimal(0)
    rate = abandonment_rate(abandoned, offered, short)
    values = {
        "abandonment-rate": rate,
        "counted-abandoned": abandoned - short,
        "counted-offered": offered - short,
    }
    if short:
        values["abandonment-rate-all"] = abandonment_rate(abandoned, offered)
    wait = inputs.get("wait")
    notes: tuple[str, ...] = ()
    if wait is not None and abandoned > 0:
        with at_fields(mean_wait="wait"):
            patience = staffing.patience_estimate(wait, abandoned, offered)
        if patience <= staffing.MAX_PATIENCE:  # what service level accepts, so the carry computes
            values["patience"] = patience
        else:  # said, not left out in silence
            notes = (_PATIENCE_BEYOND,)
    return Outcome(values=values, band=band(rate, REFERENCE), notes=notes)


SPEC = Spec(
    id="abandonment-rate",
    fields=(
        Field("abandoned", "count", "field.abandoned"),
        Field("offered", "count", "field.offered"),
        Field("short", "count", "field.short", group="group.short"),
        Field("wait", "seconds", "field.mean_wait", group="group.patience"),
    ),
    compute=compute,
    results=(
        Row("abandonment-rate", "result.abandonment-rate", "percent", main=True),
        Row("abandonment-rate-all", "result.abandonment-rate-all", "percent"),
        Row("counted-abandoned", "result.counted-abandoned", "count"),
        Row("counted-offered", "result.counted-offered", "count"),
        Row("patience", "result.patience", "seconds"),
    ),
    carry=(Carry("service-level", (), optional=(("patience", "patience"),)),),
    notes=(_PATIENCE_BEYOND,),
    formula=(Formula("abandonment-rate", "formula.abandonment-rate"),),
)


BENCHMARK: Benchmark | None = None


REFERENCE = Reference(
    key="abandonment-rate",
    unit="percent",
    figures={"value": Decimal(5), "high": Decimal(10)},
    bands=(("below", Decimal(5), True), ("between", Decimal(10), True)),
    beyond="above",
    source="Commonly quoted abandonment targets are below about 5 %, up to 10 % in some sectors "
    "(content brief, part 2).",
)
