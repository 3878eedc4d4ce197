"""Cost per resolution: the costs over the cases resolved, with contacts per case beside it."""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference
from ..calculations import Inputs, Outcome
from ..formulas import Number, count, divisor, not_above
from ..numbers import CONTEXT, to_decimal
from ..periods import annualise
from ..specs import KEEP_MONEY, KEEP_RATE, MONEY, Carry, Field, Formula, Row, Spec
from .cost_per_contact import cost_per_contact

#: The term's place in the glossary (the registry sorts by it).
ORDER = 30


def cost_per_resolution(costs: Number, resolved: Number) -> Decimal:
    """Cost per resolution = total contact-center costs / cases resolved, over one period.

    Never lower than cost per contact, since one case may take several contacts: cost per
    resolution = cost per contact x :func:`contacts_per_resolution`. Source: the content brief, part 2.

    >>> cost_per_resolution(76600, 7000)
    Decimal('10.94285714285714285714285714285714')
    """
    return CONTEXT.divide(to_decimal(costs, "costs"), divisor(resolved, "resolved"))


def contacts_per_resolution(contacts: Number, resolved: Number) -> Decimal:
    """Contacts per resolved case = contacts / cases resolved (1 or more).

    >>> contacts_per_resolution(9800, 7000)
    Decimal('1.4')
    >>> contacts_per_resolution(9800, 9801)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: resolved: exceeds
    """
    total = count(contacts, "contacts")
    cases = divisor(resolved, "resolved")
    not_above(cases, total, "resolved", "contacts")
    return CONTEXT.divide(total, cases)


def compute(inputs: Inputs) -> Outcome:
    """Cost per resolved case; with contacts, contacts per case and the cost per contact beside it."""
    costs, resolved = inputs.need("costs"), inputs.need("resolved")
    values = {
        "cost-per-resolution": cost_per_resolution(costs, resolved),
        "annual-costs": annualise(costs, inputs.period),
    }
    contacts = inputs.get("contacts")
    if contacts is not None:
        values["contacts-per-resolution"] = contacts_per_resolution(contacts, resolved)
        values["cost-per-contact"] = cost_per_contact(costs, contacts)
    return Outcome(values=values)


SPEC = Spec(
    id="cost-per-resolution",
    fields=(
        Field("costs", "money", "field.costs"),
        Field("resolved", "count", "field.resolved"),
        *MONEY,
        Field("contacts", "count", "field.contacts", group="group.contacts"),
    ),
    compute=compute,
    results=(
        Row("cost-per-resolution", "result.cost-per-resolution", "money", main=True),
        Row("contacts-per-resolution", "result.contacts-per-resolution", "number"),
        Row("cost-per-contact", "result.cost-per-contact", "money"),
        Row("annual-costs", "result.annual_costs", "sum"),
    ),
    carry=(
        Carry(
            "cost-per-contact",
            (("costs", "costs"), ("contacts", "contacts"), *KEEP_MONEY),
            optional=KEEP_RATE,
        ),
    ),
    formula=(Formula("cost-per-resolution", "formula.cost-per-resolution"),),
)


BENCHMARK: Benchmark | None = None


REFERENCE: Reference | None = None
