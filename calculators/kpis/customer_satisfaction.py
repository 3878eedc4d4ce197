"""Customer satisfaction score (CSAT): the share of satisfied responses, how precise that estimate is,
and how many responses a wanted margin of error takes.

Source of every formula: the glossary's content brief, part 3, "Customer satisfaction score (CSAT)".
The margin is the normal approximation at 95 % confidence (z = 1.96); it covers chance only, not
response bias (who answers).

>>> customer_satisfaction(1640, 2000), margin_of_error(82, 2000).quantize(Decimal("0.01"))
(Decimal('82'), Decimal('1.68'))
>>> responses_needed(82, 1)
5671
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from ..benchmarks import Benchmark, Reference
from ..calculations import Inputs, Outcome
from ..errors import CalculatorError
from ..formulas import Number, count, divisor, positive
from ..numbers import CONTEXT, to_decimal
from ..specs import Carry, Field, Formula, Row, Spec

#: The term's place in the glossary (the registry sorts by it): after abandonment rate.
ORDER = 85

#: The confidence level of the margin of error, in percent, and its two-sided z value.
CONFIDENCE = Decimal(95)
Z_95 = Decimal("1.96")

_HUNDRED = Decimal(100)


def customer_satisfaction(satisfied: Number, responses: Number) -> Decimal:
    """CSAT in percent = satisfied responses / all responses to the question x 100.

    Which answers count as satisfied (for example four and five on a five-point scale) is the
    centre's choice; keep the question and the scale to compare. Source: the content brief, part 3.

    >>> customer_satisfaction(1640, 2000)
    Decimal('82')
    >>> customer_satisfaction(2001, 2000)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: satisfied: exceeds
    """
    happy = count(satisfied, "satisfied")
    total = divisor(responses, "responses")
    if happy > total:
        raise CalculatorError("exceeds", "satisfied", other="responses")
    return CONTEXT.divide(CONTEXT.multiply(happy, _HUNDRED), total)


def _variance(csat_percent: Number) -> Decimal:
    """p x (1 - p) of a CSAT in percent, p as a fraction."""
    p = CONTEXT.divide(to_decimal(csat_percent, "satisfied"), _HUNDRED)
    return CONTEXT.multiply(p, 1 - p)


def margin_of_error(csat_percent: Number, responses: Number) -> Decimal:
    """Margin of error in percentage points at 95 % = 1.96 x sqrt(p x (1 - p) / n) x 100.

    ``p`` is the CSAT as a fraction and ``n`` the responses. Source: the content brief, part 3 (the
    normal approximation of a share's confidence interval).

    >>> margin_of_error(82, 2000).quantize(Decimal("0.0001"))
    Decimal('1.6838')
    >>> margin_of_error(50, 100).normalize()
    Decimal('9.8')
    """
    n = divisor(responses, "responses")
    return CONTEXT.multiply(CONTEXT.multiply(Z_95, CONTEXT.sqrt(_variance(csat_percent) / n)), 100)


def responses_needed(csat_percent: Number, margin_points: Number) -> int:
    """Responses for a margin of ``margin_points`` = 1.96^2 x p x (1 - p) / (margin / 100)^2,
    rounded up.

    Computed with exact fractions, so a whole result is not rounded up by one. The margin must be
    above 0 and at most 100 points. Source: the content brief, part 3.

    >>> responses_needed(82, 1), responses_needed(50, "9.8")
    (5671, 100)
    """
    margin = positive(margin_points, "margin")
    if margin > _HUNDRED:
        raise CalculatorError("over_hundred", "margin")
    p = Fraction(to_decimal(csat_percent, "satisfied")) / 100
    return math.ceil(Fraction(Z_95) ** 2 * p * (1 - p) / (Fraction(margin) / 100) ** 2)


def compute(inputs: Inputs) -> Outcome:
    """CSAT with its margin of error and range at 95 %; with a wanted margin, the responses it takes."""
    responses = inputs.need("responses")
    percent = customer_satisfaction(inputs.need("satisfied"), responses)
    margin = margin_of_error(percent, responses)
    values = {
        "customer-satisfaction": percent,
        "margin-of-error": margin,
        "confidence-low": max(percent - margin, Decimal(0)),
        "confidence-high": min(percent + margin, _HUNDRED),
    }
    wanted = inputs.get("margin")
    if wanted is not None:
        values["responses-needed"] = Decimal(responses_needed(percent, wanted))
    return Outcome(values=values)


SPEC: Spec = Spec(
    id="customer-satisfaction",
    fields=(
        Field("satisfied", "count", "field.satisfied"),
        Field("responses", "count", "field.responses"),
        Field("margin", "number", "field.margin", group="group.margin"),
    ),
    compute=compute,
    results=(
        Row("customer-satisfaction", "result.customer-satisfaction", "percent", main=True),
        Row("margin-of-error", "result.margin-of-error", "points", main=True),
        Row("confidence-low", "result.confidence-low", "percent"),
        Row("confidence-high", "result.confidence-high", "percent"),
        Row("responses-needed", "result.responses-needed", "count", main=True),
    ),
    assumption="assumption.margin",
    assumption_values=(("confidence", CONFIDENCE),),
    # Satisfied responses are not resolved contacts: the two share no figure, a plain link.
    carry=(Carry("first-contact-resolution", ()),),
    formula=(Formula("customer-satisfaction", "formula.customer-satisfaction"),),
)

BENCHMARK: Benchmark | None = None

#: No benchmark is quoted (scales and questions differ too much between surveys): these are the
#: model's constants, the confidence level and its z value, not figures to compare with.
REFERENCE = Reference(
    key="customer-satisfaction",
    unit="percent",
    figures={"confidence": CONFIDENCE, "z": Z_95},
    bands=(),
    beyond="",
    source="The margin of error's confidence level (95 %) and z value (1.96); no CSAT benchmark is "
    "quoted (content brief, part 3).",
    units={"z": "number"},
)
