"""Cost per contact: total contact-center costs over the contacts they handled, the annual
totals, the channel split, the comparison with the USD benchmark and the self-service what-if.

The cost-per-contact article's example (a month, staff 48,500 + 9,700 of 76,600):

>>> from calculators.numbers import round_money
>>> from calculators.scenarios import staff_share
>>> share = staff_share({"salaries": Decimal(48500), "benefits": Decimal(9700), "other": Decimal(18400)})
>>> result = self_service_shift(76600, 9800, 20, "0.50", Period.MONTH, share)
>>> result.moved, round_money(result.variable_cost_per_contact), round_money(result.saving_per_moved)
(Decimal('1960'), Decimal('5.94'), Decimal('5.44'))
>>> [round_money(figure) for figure in (result.saving_per_period, result.saving_per_year)]
[Decimal('10660.00'), Decimal('127920.00')]
>>> round_money(result.new_cost_per_contact)
Decimal('6.73')

The issue's Norwegian centre (1 250 000 kr, 18 400 contacts, 15 % moved at 12,50 kr, 60 % variable):

>>> result = self_service_shift(1250000, 18400, 15, "12.50", Period.MONTH, 60)
>>> result.saving_per_period, result.saving_per_year
(Decimal('78000.00'), Decimal('936000.00'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from ..benchmarks import NOT_VIETNAMESE, Benchmark, Comparison, Reference, compare
from ..breakdowns import (
    CONTACT_CHANNELS,
    COST_COMPONENTS,
    Total,
    channel_costs,
    total_contacts,
    total_costs,
)
from ..calculations import Inputs, Outcome, assumed, comparison_notes
from ..errors import CalculatorError, at_fields
from ..formulas import Number, costs_for_unit_cost, divisor, volume_for_unit_cost
from ..numbers import CONTEXT, to_decimal
from ..periods import Period, annualise
from ..scenarios import (
    Assumption,
    percent,
    variable_percent,
    variable_share_for,
    variable_unit_cost,
)
from ..specs import (
    COSTS_GROUP,
    KEEP_MONEY,
    KEEP_RATE,
    MONEY,
    Carry,
    Field,
    Formula,
    Row,
    Scenario,
    Solve,
    Spec,
)

#: The term's place in the glossary (the registry sorts by it).
ORDER = 10

_HUNDRED = Decimal(100)


def cost_per_contact(costs: Number, contacts: Number) -> Decimal:
    """Cost per contact = total contact-center costs / number of customer contacts.

    Costs and contacts must cover the same period. A contact is any interaction the center handles
    (calls in or out, e-mails, chats, social-media messages); which channels count is the caller's
    definition and should stay the same between periods. Source: the glossary's content brief,
    article 1 ("cost per contact").

    >>> cost_per_contact(76600, 9800)
    Decimal('7.816326530612244897959183673469388')
    >>> cost_per_contact("7160", "1000")
    Decimal('7.16')
    """
    return CONTEXT.divide(to_decimal(costs, "costs"), divisor(contacts, "contacts"))


@dataclass(frozen=True)
class SelfServiceResult:
    """Cost per contact after moving a share of contacts to self-service.

    Every figure is exact (``moved x saving_per_moved == saving_per_period``); round only to show.
    ``assumptions`` has ``share``, ``unit_cost`` and ``variable_share``.
    """

    current_cost_per_contact: Decimal
    moved: Decimal
    variable_cost_per_contact: Decimal
    saving_per_moved: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    new_cost_per_contact: Decimal
    assumptions: Mapping[str, Assumption]


def self_service_shift(
    costs: Number,
    contacts: Number,
    share: Number,
    self_served_cost: Number,
    period: Period,
    variable_share: Number,
) -> SelfServiceResult:
    """Move ``share`` percent of contacts to self-service costing ``self_served_cost`` each.

    The model, each assumption in words:

    - Moved = contacts x share / 100.
    - Only ``variable_share`` percent of costs varies with the number of contacts handled (staff,
      chiefly); rent, technology, hardware and taxes stay. Variable cost per contact = costs x
      variable share / 100 / contacts.
    - A moved contact saves its variable cost less what self-service costs for it: saving per moved
      contact = variable cost per contact - self-served cost, which must be above zero
      (``not_cheaper`` on ``unit_cost`` otherwise).
    - Saving per period = moved x saving per moved contact; per year, x periods per year. Nothing is
      rounded before it is multiplied.
    - Every contact, self-served or not, still counts: new cost per contact = (costs - saving) /
      contacts.

    Lever: self-service (knowledge base, FAQ).

    >>> result = self_service_shift(10000, 1000, 30, 2, Period.QUARTER, 50)
    >>> result.moved, result.saving_per_moved, result.saving_per_period, result.new_cost_per_contact
    (Decimal('300'), Decimal('3'), Decimal('900'), Decimal('9.1'))
    """
    current = cost_per_contact(costs, contacts)
    cost_total = to_decimal(costs, "costs")
    total_contacts = divisor(contacts, "contacts")
    moved_share = percent(share, "share")
    unit_cost = to_decimal(self_served_cost, "unit_cost")
    variable = variable_percent(variable_share, "variable_share")
    moved = CONTEXT.divide(CONTEXT.multiply(total_contacts, moved_share), _HUNDRED)
    unit_variable = variable_unit_cost(cost_total, variable, total_contacts)
    per_moved = CONTEXT.subtract(unit_variable, unit_cost)
    if per_moved <= 0:
        raise CalculatorError("not_cheaper", "unit_cost")
    # moved x per moved, with one division last: exact whenever the saving is a finite decimal
    variable_costs = CONTEXT.divide(CONTEXT.multiply(cost_total, variable), _HUNDRED)
    per_moved_times_contacts = variable_costs - CONTEXT.multiply(unit_cost, total_contacts)
    saving = CONTEXT.divide(CONTEXT.multiply(moved, per_moved_times_contacts), total_contacts)
    return SelfServiceResult(
        current_cost_per_contact=current,
        moved=moved,
        variable_cost_per_contact=unit_variable,
        saving_per_moved=per_moved,
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        new_cost_per_contact=CONTEXT.divide(CONTEXT.subtract(cost_total, saving), total_contacts),
        assumptions={
            "share": Assumption("share", moved_share, "percent"),
            "unit_cost": Assumption("unit_cost", unit_cost, "money"),
            "variable_share": Assumption("variable_share", variable, "percent"),
        },
    )


@dataclass(frozen=True)
class CostPerContactSummary:
    """Cost per contact with its inputs, annual totals, benchmark comparison and scenario."""

    period: Period
    currency: str
    costs: Total
    contacts: Total
    cost_per_contact: Decimal
    annual_costs: Decimal
    annual_contacts: Decimal
    comparison: Comparison | None
    scenario: SelfServiceResult | None


def summarise_cost_per_contact(
    *,
    costs: Number | None = None,
    cost_breakdown: Mapping[str, Number | None] | None = None,
    contacts: Number | None = None,
    contacts_by_channel: Mapping[str, Number | None] | None = None,
    period: Period = Period.MONTH,
    currency: str = "USD",
    usd_rate: Number | None = None,
    self_service: tuple[Number, Number] | None = None,
    variable_share: Number | None = None,
) -> CostPerContactSummary:
    """Compute cost per contact and all that goes with it; ``self_service`` is (share %, unit cost).

    The what-if saves only the share of costs that varies with volume: ``variable_share`` if given,
    else salaries and benefits from the breakdown, else :data:`DEFAULT_VARIABLE_SHARE`.
    """
    cost_total = total_costs(costs, cost_breakdown)
    contact_total = total_contacts(contacts, contacts_by_channel)
    result = cost_per_contact(cost_total.value, contact_total.value)
    scenario = None
    if self_service is not None:
        share, unit_cost = self_service
        scenario = self_service_shift(
            cost_total.value,
            contact_total.value,
            share,
            unit_cost,
            period,
            variable_share_for(variable_share, cost_total),
        )
    with at_fields(usd_rate="rate"):
        comparison = compare(result, BENCHMARK, currency, usd_rate)
    return CostPerContactSummary(
        period=period,
        currency=currency,
        costs=cost_total,
        contacts=contact_total,
        cost_per_contact=result,
        annual_costs=annualise(cost_total.value, period),
        annual_contacts=annualise(contact_total.value, period),
        comparison=comparison,
        scenario=scenario,
    )


def compute(inputs: Inputs) -> Outcome:
    """Cost per contact with annual totals, the benchmark and the self-service what-if."""
    summary = summarise_cost_per_contact(
        costs=inputs.get("costs"),
        cost_breakdown=inputs.pick(COST_COMPONENTS),
        contacts=inputs.get("contacts"),
        contacts_by_channel=inputs.pick(CONTACT_CHANNELS),
        period=inputs.period,
        currency=inputs.currency,
        usd_rate=inputs.get("rate"),
        self_service=(
            (inputs.need("share"), inputs.need("unit_cost"))
            if inputs.both("share", "unit_cost")
            else None
        ),
        variable_share=inputs.get("variable_share"),
    )
    scenario = summary.scenario
    minutes = {name: f"{name}_minutes" for name in CONTACT_CHANNELS}
    with at_fields(**minutes):
        by_channel = channel_costs(
            summary.costs.value,
            summary.contacts,
            {
                name: inputs.numbers[field]
                for name, field in minutes.items()
                if field in inputs.numbers
            },
        )
    spread = ("assumption.channel_cost",) if by_channel else ()
    return Outcome(
        values={
            "cost-per-contact": summary.cost_per_contact,
            "annual-costs": summary.annual_costs,
            "annual-volume": summary.annual_contacts,
            **{f"cost-per-contact-{name}": value for name, value in (by_channel or {}).items()},
        },
        comparison=summary.comparison,
        source=summary.costs.source,
        notes=comparison_notes(summary.comparison, inputs.currency, BENCHMARK.currency) + spread,
        shares=summary.costs,
        scenario=None
        if scenario is None
        else {
            **assumed(scenario.assumptions),
            "moved": scenario.moved,
            "variable_cost_per_contact": scenario.variable_cost_per_contact,
            "saving_per_moved": scenario.saving_per_moved,
            "new_cost_per_contact": scenario.new_cost_per_contact,
            "saving_period": scenario.saving_per_period,
            "saving_year": scenario.saving_per_year,
        },
    )


def costs_for_cost_per_contact(inputs: Inputs, target: Decimal) -> Decimal:
    """The total costs that give ``target`` per contact with the given contacts.

    >>> costs_for_cost_per_contact(Inputs({"contacts": Decimal(9800)}), Decimal(6))
    Decimal('58800')
    """
    with at_fields(target_cost="target", volume="contacts"):
        return costs_for_unit_cost(target, inputs.need("contacts"))


def contacts_for_cost_per_contact(inputs: Inputs, target: Decimal) -> Decimal:
    """The contacts that give ``target`` per contact with the given costs (unrounded).

    >>> contacts_for_cost_per_contact(Inputs({"costs": Decimal(76600)}), Decimal("7.816"))
    Decimal('9800.409416581371545547594677584442')
    """
    with at_fields(target_cost="target"):
        return volume_for_unit_cost(inputs.need("costs"), target)


_CHANNELS_GROUP = tuple(
    Field(name, "count", f"channel.{name}", group="breakdown.contacts") for name in CONTACT_CHANNELS
)


#: Minutes per contact of each channel: with contacts by channel, the cost per contact of each.
_CHANNEL_MINUTES = tuple(
    Field(f"{name}_minutes", "minutes", f"channel_minutes.{name}", group="group.channel_minutes")
    for name in CONTACT_CHANNELS
)


#: Costs that cover everything or only the cost of attrition, as the agent-attrition calculator
#: carries it (one part of the cost per contact): then no comparison with the all-in benchmark, no
#: carry as a cost per resolution's costs, no self-service what-if (moving contacts to self-service
#: saves staff time, not the cost of replacing leavers), and the page says so.
_ALL_COSTS = (("cover", "all"),)


_ATTRITION_LABEL = "cover", "attrition"


_ATTRITION_ONLY = (_ATTRITION_LABEL,)


SPEC = Spec(
    id="cost-per-contact",
    fields=(
        Field(
            "costs",
            "money",
            "field.costs",
            labels=((*_ATTRITION_LABEL, "field.attrition_costs"),),
        ),
        Field("contacts", "count", "field.contacts"),
        Field("cover", "choice", "field.cover", choices=("all", "attrition")),
        *MONEY,
        # a breakdown of all costs: not of the cost of attrition alone
        *(replace(part, when=_ALL_COSTS) for part in COSTS_GROUP),
        *_CHANNELS_GROUP,
        # all costs spread over the channels: the cost of attrition alone has no channels
        *(replace(minutes, when=_ALL_COSTS) for minutes in _CHANNEL_MINUTES),
        Field(
            "share",
            "percent",
            "scenario.self_service.share",
            group="scenario.heading",
            when=_ALL_COSTS,
        ),
        Field(
            "unit_cost",
            "money",
            "scenario.self_service.unit_cost",
            group="scenario.heading",
            when=_ALL_COSTS,
        ),
        Field(
            "variable_share",
            "percent",
            "field.variable_share",
            group="scenario.heading",
            when=_ALL_COSTS,
        ),
    ),
    compute=compute,
    results=(
        Row(
            "cost-per-contact",
            "result.cost_per_contact",
            "money",
            main=True,
            labels=((*_ATTRITION_LABEL, "result.attrition-cost-per-contact"),),
        ),
        Row(
            "annual-costs",
            "result.annual_costs",
            "sum",
            labels=((*_ATTRITION_LABEL, "result.attrition-cost-per-year"),),
        ),
        Row("annual-volume", "result.annual_contacts", "count"),
        *(
            Row(f"cost-per-contact-{name}", f"result.channel_cost.{name}", "money", when=_ALL_COSTS)
            for name in CONTACT_CHANNELS
        ),
    ),
    scenario=Scenario(
        title="scenario.self_service.title",
        assumption="scenario.self_service.assumption",
        share="variable_share",
        costs="costs",
        when=_ALL_COSTS,
        assumptions=(
            Row("share", "scenario.self_service.share", "percent"),
            Row("unit_cost", "scenario.self_service.unit_cost", "money"),
            Row("variable_share", "field.variable_share", "percent"),
        ),
        rows=(
            Row("moved", "result.moved", "count"),
            Row("variable_cost_per_contact", "result.variable_cost_per_contact", "money"),
            Row("saving_per_moved", "result.saving_per_moved", "money"),
            Row("new_cost_per_contact", "result.new_cost_per_contact", "money", main=True),
            Row("saving_period", "result.saving_period", "money"),
            Row("saving_year", "result.saving_year", "money", main=True),
        ),
    ),
    carry=(
        Carry(
            "cost-per-resolution",
            (("costs", "costs"), ("contacts", "contacts"), *KEEP_MONEY),
            when=_ALL_COSTS,
            optional=KEEP_RATE,
        ),
    ),
    benchmark_when=_ALL_COSTS,
    remarks=((_ATTRITION_ONLY, "remark.attrition_cost_only"),),
    solve=(
        Solve("costs", costs_for_cost_per_contact),
        Solve("contacts", contacts_for_cost_per_contact),
    ),
    formula=(Formula("cost-per-contact", "formula.cost-per-contact"),),
)


BENCHMARK = Benchmark(
    key="cost-per-contact",
    low=Decimal("7.16"),
    high=Decimal("7.16"),
    currency="USD",
    source="Commonly cited industry average cost per contact for contact centers (content brief, "
    "article 1); varies with the channels used and with the complexity of the business.",
    foreign=NOT_VIETNAMESE,
)


REFERENCE: Reference | None = None
