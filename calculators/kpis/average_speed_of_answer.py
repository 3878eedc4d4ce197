"""Average speed of answer (ASA): how long answered callers waited, with the abandonment beside it.

Source of every formula: the glossary's content brief, part 3, "Average speed of answer (ASA)".

>>> average_speed_of_answer(5900, 11800), offered(11800, 620)
(Decimal('30'), Decimal('12420'))
"""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference
from ..calculations import Inputs, Outcome
from ..formulas import Number, count, divisor
from ..numbers import CONTEXT, to_decimal
from ..specs import Carry, Field, Formula, Row, Spec

#: The term's place in the glossary (the registry sorts by it): after service level.
ORDER = 61

_HUNDRED = Decimal(100)


def average_speed_of_answer(wait_minutes: Number, answered: Number) -> Decimal:
    """ASA in seconds = total minutes answered callers waited in the queue x 60 / answered calls.

    Abandoned calls are not in it: a low ASA can hide a high abandonment rate. Source: the content
    brief, part 3.

    >>> average_speed_of_answer(5900, 11800)
    Decimal('30')
    >>> average_speed_of_answer(10, 0)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: answered: zero_divisor
    """
    wait = to_decimal(wait_minutes, "wait")
    calls = divisor(answered, "answered")
    return CONTEXT.divide(CONTEXT.multiply(wait, Decimal(60)), calls)


def offered(answered: Number, abandoned: Number) -> Decimal:
    """Offered calls = answered calls + abandoned calls.

    >>> offered(11800, 620)
    Decimal('12420')
    """
    return CONTEXT.add(count(answered, "answered"), count(abandoned, "abandoned"))


def abandonment_rate(answered: Number, abandoned: Number) -> Decimal:
    """Abandonment rate in percent = abandoned calls / (answered + abandoned calls) x 100.

    Source: the content brief, part 2, "Abandonment rate" (all abandons counted, no short abandons
    left out).

    >>> abandonment_rate(11800, 620)
    Decimal('4.991948470209339774557165861513688')
    """
    lost = count(abandoned, "abandoned")
    return CONTEXT.divide(CONTEXT.multiply(lost, _HUNDRED), offered(answered, lost))


def compute(inputs: Inputs) -> Outcome:
    """ASA; with the abandoned calls, the calls offered and the abandonment rate beside it."""
    answered = inputs.need("answered")
    values = {"average-speed-of-answer": average_speed_of_answer(inputs.need("wait"), answered)}
    abandoned = inputs.get("abandoned")
    if abandoned is not None:
        values["offered"] = offered(answered, abandoned)
        values["abandonment-rate"] = abandonment_rate(answered, abandoned)
    return Outcome(values=values)


SPEC: Spec = Spec(
    id="average-speed-of-answer",
    fields=(
        Field("wait", "minutes", "field.wait_minutes"),
        Field("answered", "count", "field.answered"),
        Field("abandoned", "count", "field.abandoned", group="group.abandoned"),
    ),
    compute=compute,
    results=(
        Row("average-speed-of-answer", "result.average-speed-of-answer", "duration", main=True),
        Row("offered", "result.offered", "count"),
        Row("abandonment-rate", "result.abandonment-rate", "percent"),
    ),
    # Back to the queue it follows from: a period's answered calls are no interval's calls, and the
    # wait of the answered gives no patience (that needs the wait of those who hung up): a plain link.
    carry=(Carry("service-level", ()),),
    formula=(Formula("average-speed-of-answer", "formula.average-speed-of-answer"),),
)

BENCHMARK: Benchmark | None = None
#: No universal benchmark: ASA follows from the service-level target a centre chooses.
REFERENCE: Reference | None = None
