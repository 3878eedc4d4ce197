"""Agent attrition: agents who left over the average headcount, a year's rate and what replacing them
costs, in all and per contact.

Source of every formula: the glossary's content brief, part 3, "Agent attrition".

>>> attrition(4, average_headcount(40, 38)), annual_attrition(Decimal(10), Period.QUARTER)
(Decimal('10.25641025641025641025641025641026'), Decimal('40'))
"""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference, band
from ..calculations import Inputs, Outcome
from ..errors import CalculatorError
from ..formulas import Number, count, divisor
from ..numbers import CONTEXT, to_decimal
from ..periods import Period, annualise
from ..specs import Carry, Field, Formula, Row, Spec, currency_field

#: The term's place in the glossary (the registry sorts by it): the last of the cost terms.
ORDER = 35

_HUNDRED = Decimal(100)


def average_headcount(start_headcount: Number, end_headcount: Number) -> Decimal:
    """Average headcount = (agents at the start + agents at the end of the period) / 2.

    Both may not be zero (``zero_headcount``): there is nobody to leave. Source: the content brief,
    part 3.

    >>> average_headcount(40, 38)
    Decimal('39')
    >>> average_headcount(0, 0)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: start_headcount: zero_headcount
    """
    start = count(start_headcount, "start_headcount")
    end = count(end_headcount, "end_headcount")
    if start == 0 and end == 0:
        raise CalculatorError("zero_headcount", "start_headcount", other="end_headcount")
    return CONTEXT.divide(CONTEXT.add(start, end), Decimal(2))


def attrition(leavers: Number, average: Number) -> Decimal:
    """Attrition in percent of the period = agents who left / average headcount x 100.

    Say whether internal moves and dismissals count. Source: the content brief, part 3.

    >>> attrition(4, 39).quantize(Decimal("0.01"))
    Decimal('10.26')
    """
    left = count(leavers, "leavers")
    return CONTEXT.divide(CONTEXT.multiply(left, _HUNDRED), to_decimal(average, "start_headcount"))


def annual_attrition(period_percent: Number, period: Period) -> Decimal:
    """Attrition a year = the period's attrition x periods per year (12 months, 4 quarters, 1 year).

    A simple annualization: it assumes every period loses the same share. Source: the content brief,
    part 3.

    >>> annual_attrition(Decimal("10.25"), Period.QUARTER), annual_attrition(3, Period.MONTH)
    (Decimal('41.00'), Decimal('36'))
    """
    return annualise(to_decimal(period_percent, "leavers"), period)


def attrition_cost_per_year(leavers: Number, period: Period, replacement_cost: Number) -> Decimal:
    """Attrition cost a year = leavers per year x the cost of replacing one agent.

    The replacement cost covers recruiting, training and the time until a new agent is fully
    productive. Source: the content brief, part 3.

    >>> attrition_cost_per_year(4, Period.QUARTER, 12000)
    Decimal('192000')
    """
    per_year = annualise(count(leavers, "leavers"), period)
    return CONTEXT.multiply(per_year, to_decimal(replacement_cost, "replacement_cost"))


def attrition_cost_per_contact(cost_per_year: Number, contacts: Number, period: Period) -> Decimal:
    """Attrition cost per contact = attrition cost a year / contacts a year: a part of the cost per
    contact. Source: the content brief, part 3.

    >>> attrition_cost_per_contact(192000, 29400, Period.QUARTER).quantize(Decimal("0.01"))
    Decimal('1.63')
    """
    per_year = annualise(divisor(contacts, "contacts"), period)
    return CONTEXT.divide(to_decimal(cost_per_year, "replacement_cost"), per_year)


def contacts_per_year(contacts: Number, period: Period) -> Decimal:
    """Contacts a year = contacts in the period x periods per year (12 months, 4 quarters, 1 year):
    what the attrition cost a year is spread over. Source: the content brief, part 3.

    >>> contacts_per_year(29400, Period.QUARTER)
    Decimal('117600')
    """
    return annualise(count(contacts, "contacts"), period)


def compute(inputs: Inputs) -> Outcome:
    """Attrition in the period and a year; with a replacement cost, the cost a year and per contact."""
    period = inputs.period
    leavers = inputs.need("leavers")
    average = average_headcount(inputs.need("start_headcount"), inputs.need("end_headcount"))
    percent = attrition(leavers, average)
    annual = annual_attrition(percent, period)
    values = {
        "agent-attrition": percent,
        "average-headcount": average,
        "annual-attrition": annual,
        "leavers-per-year": annualise(leavers, period),
    }
    replacement = inputs.get("replacement_cost")
    if replacement is not None:
        cost = attrition_cost_per_year(leavers, period, replacement)
        values["attrition-cost-per-year"] = cost
        contacts = inputs.get("contacts")
        if contacts is not None:
            values["contacts-per-year"] = contacts_per_year(contacts, period)
            values["attrition-cost-per-contact"] = attrition_cost_per_contact(
                cost, contacts, period
            )
    return Outcome(values=values, band=band(annual, REFERENCE))


_PERIODS = tuple(period.value for period in (Period.MONTH, Period.QUARTER, Period.YEAR))
_COST = "group.attrition_cost"
SPEC: Spec = Spec(
    id="agent-attrition",
    fields=(
        Field("leavers", "count", "field.leavers"),
        Field("start_headcount", "count", "field.start_headcount"),
        Field("end_headcount", "count", "field.end_headcount"),
        Field("period", "choice", "field.period", choices=_PERIODS, default="month", role="period"),
        Field("replacement_cost", "money", "field.replacement_cost", group=_COST),
        Field("contacts", "count", "field.contacts_per_period", group=_COST),
        currency_field(_COST),
    ),
    compute=compute,
    results=(
        Row("agent-attrition", "result.agent-attrition", "percent", main=True),
        Row("average-headcount", "result.average-headcount", "number"),
        Row("annual-attrition", "result.annual-attrition", "percent", main=True),
        Row("leavers-per-year", "result.leavers-per-year", "number"),
        Row("attrition-cost-per-year", "result.attrition-cost-per-year", "sum", main=True),
        Row("contacts-per-year", "result.contacts-per-year", "count"),
        Row("attrition-cost-per-contact", "result.attrition-cost-per-contact", "money", main=True),
    ),
    compared="annual-attrition",
    # A year's attrition cost over the year's contacts: the cost per contact page divides them back
    # into the attrition cost per contact, in the reader's currency.
    carry=(
        Carry(
            "cost-per-contact",
            (
                ("costs", "attrition-cost-per-year"),
                ("contacts", "contacts-per-year"),
                ("currency", "currency"),
            ),
            fixed=(("period", "year"), ("cover", "attrition")),
        ),
    ),
    formula=(Formula("agent-attrition", "formula.agent-attrition"),),
)

BENCHMARK: Benchmark | None = None

REFERENCE = Reference(
    key="agent-attrition",
    unit="percent",
    figures={
        "low": Decimal(30),
        "high": Decimal(45),
        "replacement_low": Decimal(10000),
        "replacement_high": Decimal(15000),
    },
    bands=(("below", Decimal(30), False), ("within", Decimal(45), True)),
    beyond="above",
    source="Call Centre Helper (undated article on the cost of attrition): contact centres have "
    "historically seen attrition of 30-45 % a year, some much higher; it quotes SWPP's estimate of "
    "USD 10 000-15 000 to replace a frontline agent (content brief, part 3).",
    units={"replacement_low": "USD", "replacement_high": "USD"},
)
