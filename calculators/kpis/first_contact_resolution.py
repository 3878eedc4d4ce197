"""First contact resolution (FCR) against SQM Group's bands, and what a higher FCR saves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..benchmarks import Benchmark, Reference, band
from ..calculations import Inputs, Outcome, assumed
from ..errors import CalculatorError
from ..formulas import Number, count, divisor, not_above
from ..numbers import CONTEXT, to_decimal
from ..periods import Period, annualise
from ..scenarios import Assumption, variable_percent, variable_share_for
from ..specs import (
    KEEP_MONEY,
    Carry,
    Field,
    Formula,
    Row,
    Scenario,
    Spec,
    currency_field,
    period_field,
)

#: The term's place in the glossary (the registry sorts by it).
ORDER = 70

_HUNDRED = Decimal(100)


#: SQM Group's lower bound of a "good" FCR, in percent (North American call centers, survey method,
#: 2022); 70 % is also about SQM's industry average.
SQM_GOOD = Decimal(70)


#: SQM Group's lower bound of a "world-class" FCR, in percent (same source).
SQM_WORLD_CLASS = Decimal(80)


def first_contact_resolution(resolved_first: Number, contacts: Number) -> Decimal:
    """FCR in percent = contacts resolved at the first contact / first contacts x 100.

    ``contacts`` are the first contacts of the period (or all contacts, if that is what the center
    measures: say which); resolved is measured by customer survey or by the absence of a repeat
    contact within a window, for example 7 days. Source: the content brief, part 2.

    >>> first_contact_resolution(7, 10)
    Decimal('70')
    >>> first_contact_resolution(11, 10)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: resolved_first: exceeds
    """
    resolved = count(resolved_first, "resolved_first")
    total = divisor(contacts, "contacts")
    not_above(resolved, total, "resolved_first", "contacts")
    return CONTEXT.divide(CONTEXT.multiply(resolved, _HUNDRED), total)


def fcr_band(percent: Number) -> str:
    """Where an FCR stands in SQM Group's bands: ``"below"`` (under 70 %), ``"good"`` (70 % to under
    80 %) or ``"world_class"`` (80 % and above).

    These are SQM Group's figures (2022, North American call centers, FCR measured by customer
    survey), not a universal standard: :data:`SQM_GOOD` and :data:`SQM_WORLD_CLASS`.

    >>> fcr_band(69), fcr_band(70), fcr_band("79.99"), fcr_band(80)
    ('below', 'good', 'good', 'world_class')
    """
    value = to_decimal(percent, "fcr")
    if value >= SQM_WORLD_CLASS:
        return "world_class"
    if value >= SQM_GOOD:
        return "good"
    return "below"


@dataclass(frozen=True)
class FcrScenario:
    """Contacts and money saved when FCR rises from ``fcr_now`` to ``fcr_target`` percent.

    ``handled_now`` and ``handled_after`` count first contacts plus one repeat contact per unresolved
    first contact. Every figure is exact: ``contacts_avoided x variable_cost_per_contact`` is
    ``saving_per_period``; round only to show.
    """

    fcr_now: Decimal
    fcr_target: Decimal
    handled_now: Decimal
    contacts_avoided: Decimal
    handled_after: Decimal
    variable_costs: Decimal
    variable_cost_per_contact: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    assumptions: Mapping[str, Assumption]


def raise_fcr(
    contacts: Number,
    resolved_first: Number,
    fcr_target: Number,
    costs: Number,
    period: Period,
    variable_share: Number,
) -> FcrScenario:
    """What raising FCR to ``fcr_target`` percent saves, with costs that are ``variable_share`` % variable.

    The model, each assumption in words:

    - ``contacts`` are the period's first contacts; each one not resolved brings exactly one more
      contact. The brief says *at least* one, so the saving is a floor. Contacts handled now =
      contacts + (contacts - resolved_first).
    - Contacts avoided = contacts x (target - FCR now) / 100.
    - Only the variable share of costs (staff, chiefly) falls with volume: variable cost per contact =
      costs x variable_share / 100 / contacts handled now. Rent, technology and other fixed costs stay.
    - Saving per period = contacts avoided x variable cost per contact (= variable costs x contacts
      avoided / contacts handled now); per year, x periods per year. Nothing is rounded before it is
      multiplied.

    ``fcr_target`` must be above today's FCR (``target_not_higher``) and at most 100 (``over_hundred``).

    >>> from calculators.numbers import round_money
    >>> result = raise_fcr(9800, 7000, 80, 76600, Period.MONTH, 70)
    >>> result.handled_now, result.contacts_avoided, round_money(result.variable_cost_per_contact)
    (Decimal('12600'), Decimal('840'), Decimal('4.26'))
    >>> round_money(result.saving_per_period), round_money(result.saving_per_year)
    (Decimal('3574.67'), Decimal('42896.00'))
    """
    fcr = first_contact_resolution(resolved_first, contacts)
    total = divisor(contacts, "contacts")
    resolved = count(resolved_first, "resolved_first")
    target = to_decimal(fcr_target, "fcr_target")
    if target > _HUNDRED:
        raise CalculatorError("over_hundred", "fcr_target")
    if target <= fcr:
        raise CalculatorError("target_not_higher", "fcr_target")
    cost_total = to_decimal(costs, "costs")
    share = variable_percent(variable_share, "variable_share")
    handled_now = total + (total - resolved)
    avoided = CONTEXT.subtract(CONTEXT.divide(CONTEXT.multiply(total, target), _HUNDRED), resolved)
    variable_costs = CONTEXT.divide(CONTEXT.multiply(cost_total, share), _HUNDRED)
    unit = CONTEXT.divide(variable_costs, handled_now)
    saving = CONTEXT.divide(CONTEXT.multiply(avoided, variable_costs), handled_now)
    return FcrScenario(
        fcr_now=fcr,
        fcr_target=target,
        handled_now=handled_now,
        contacts_avoided=avoided,
        handled_after=handled_now - avoided,
        variable_costs=variable_costs,
        variable_cost_per_contact=unit,
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        assumptions={
            "fcr_target": Assumption("fcr_target", target, "percent"),
            "variable_share": Assumption("variable_share", share, "percent"),
            "repeats_per_unresolved": Assumption("repeats_per_unresolved", Decimal(1), "count"),
        },
    )


def compute(inputs: Inputs) -> Outcome:
    """FCR against SQM's bands; with a target and costs, the contacts and money a higher FCR saves."""
    resolved, contacts = inputs.need("resolved_first"), inputs.need("contacts")
    percent = first_contact_resolution(resolved, contacts)
    scenario = None
    if inputs.both("fcr_target", "costs"):
        what_if = raise_fcr(
            contacts,
            resolved,
            inputs.need("fcr_target"),
            inputs.need("costs"),
            inputs.period,
            variable_share_for(inputs.get("variable_share")),
        )
        scenario = {
            **assumed(what_if.assumptions),
            "handled_now": what_if.handled_now,
            "contacts_avoided": what_if.contacts_avoided,
            "variable_costs": what_if.variable_costs,
            "variable_cost_per_contact": what_if.variable_cost_per_contact,
            "saving_period": what_if.saving_per_period,
            "saving_year": what_if.saving_per_year,
        }
    return Outcome(
        values={"first-contact-resolution": percent, "unresolved": contacts - resolved},
        band=band(percent, REFERENCE),
        scenario=scenario,
    )


_WHAT_IF = "group.what_if"


SPEC = Spec(
    id="first-contact-resolution",
    fields=(
        Field("resolved_first", "count", "field.resolved_first"),
        Field("contacts", "count", "field.first_contacts"),
        Field("fcr_target", "percent", "field.fcr_target", group=_WHAT_IF),
        Field("costs", "money", "field.costs", group=_WHAT_IF),
        Field("variable_share", "percent", "field.variable_share", group=_WHAT_IF),
        period_field(_WHAT_IF),
        currency_field(_WHAT_IF),
    ),
    compute=compute,
    results=(
        Row("first-contact-resolution", "result.first-contact-resolution", "percent", main=True),
        Row("unresolved", "result.unresolved", "count"),
    ),
    scenario=Scenario(
        title="scenario.fcr_target.title",
        assumption="assumption.fcr",
        group=_WHAT_IF,
        share="variable_share",
        costs="costs",
        assumptions=(
            Row("fcr_target", "field.fcr_target", "percent"),
            Row("variable_share", "field.variable_share", "percent"),
        ),
        rows=(
            Row("handled_now", "result.handled-now", "count"),
            Row("contacts_avoided", "result.contacts-avoided", "count", main=True),
            Row("variable_costs", "result.variable-costs", "sum"),
            Row("variable_cost_per_contact", "result.variable_cost_per_contact", "money"),
            Row("saving_period", "result.saving_period", "money"),
            Row("saving_year", "result.saving_year", "money", main=True),
        ),
    ),
    carry=(
        Carry(
            "cost-per-resolution",
            (
                ("costs", "costs"),
                ("resolved", "contacts"),
                ("contacts", "handled_now"),
                *KEEP_MONEY,
            ),
        ),
        # Resolved contacts are not satisfied responses: a plain link to the survey figure.
        Carry("customer-satisfaction", ()),
    ),
    formula=(Formula("first-contact-resolution", "formula.first-contact-resolution"),),
)


BENCHMARK: Benchmark | None = None


REFERENCE = Reference(
    key="first-contact-resolution",
    unit="percent",
    figures={
        "value": Decimal(70),
        "good_low": Decimal(70),
        "good_high": Decimal(79),
        "world_class": Decimal(80),
        "sqm_gain": Decimal(1),
    },
    bands=(("below", Decimal(70), False), ("good", Decimal(80), False)),
    beyond="world_class",
    source="SQM Group (2022, North American call centers, survey method): about 70 % on average, "
    "70-79 % good, 80 % and above world-class (content brief, part 2).",
)
