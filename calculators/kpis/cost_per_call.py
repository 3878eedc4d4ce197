"""Cost per call: inbound, the costs over the calls; outbound, over the sales or leads; the
repeat-call what-if and the comparison with the USD benchmark range.

The cost-per-call article's example (a month, the site's default variable share of 70 %):

>>> from calculators.numbers import round_money
>>> from calculators.scenarios import DEFAULT_VARIABLE_SHARE
>>> result = fewer_repeat_calls(41300, 11800, 25, 15, Period.MONTH, DEFAULT_VARIABLE_SHARE)
>>> round_money(result.calls_avoided, 0), result.variable_cost_per_call, round_money(result.saving_per_period)
(Decimal('1388'), Decimal('2.45'), Decimal('3401.18'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..benchmarks import NOT_VIETNAMESE, Benchmark, Comparison, Reference, compare
from ..breakdowns import COST_COMPONENTS, Total, total_costs
from ..calculations import Inputs, Outcome, assumed, comparison_notes
from ..errors import CalculatorError, at_fields
from ..formulas import Number, costs_for_unit_cost, count, divisor, volume_for_unit_cost
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
    RATE,
    Field,
    Formula,
    Row,
    Scenario,
    Solve,
    Spec,
    currency_field,
    period_field,
)

#: The term's place in the glossary (the registry sorts by it).
ORDER = 20

_HUNDRED = Decimal(100)


def cost_per_call_inbound(costs: Number, calls: Number) -> Decimal:
    """Cost per call (inbound) = total cost of all calls / total number of calls.

    Source: the glossary's content brief, article 2 ("cost per call"), inbound centers.

    >>> cost_per_call_inbound(41300, 11800)
    Decimal('3.5')
    """
    return CONTEXT.divide(to_decimal(costs, "costs"), divisor(calls, "calls"))


def cost_per_call_outbound(costs: Number, sales: Number) -> Decimal:
    """Cost per call (outbound) = total operating costs / number of sales or leads.

    Not every outbound call converts, so the cost is spread over the calls that produced a sale or a
    lead. Source: the glossary's content brief, article 2 ("cost per call"), outbound centers.

    >>> cost_per_call_outbound(27600, 1150)
    Decimal('24')
    """
    return CONTEXT.divide(to_decimal(costs, "costs"), divisor(sales, "sales"))


@dataclass(frozen=True)
class RepeatCallsResult:
    """Calls and money saved when better first contact resolution (FCR) cuts repeat calls.

    Shares are repeat calls / all calls; ``first_share_now`` and ``first_share_target`` are the
    first calls' shares (100 - repeat share). Every figure is exact, so
    ``calls_avoided x variable_cost_per_call == saving_per_period``; round only to show.
    ``assumptions`` has ``repeat_now``, ``repeat_target`` and ``variable_share``.
    """

    cost_per_call: Decimal
    first_share_now: Decimal
    first_share_target: Decimal
    calls_avoided: Decimal
    calls_after: Decimal
    variable_cost_per_call: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    new_cost_per_call: Decimal
    assumptions: Mapping[str, Assumption]


def fewer_repeat_calls(
    costs: Number,
    calls: Number,
    repeat_now: Number,
    repeat_target: Number,
    period: Period,
    variable_share: Number,
) -> RepeatCallsResult:
    """Calls avoided when repeat calls fall from ``repeat_now`` to ``repeat_target`` percent.

    The model, each assumption in words:

    - The shares are repeat calls / all calls. The first calls remain: they are 100 - repeat share
      of the calls, so calls after = calls x (100 - repeat now) / (100 - repeat target). From 25 %
      to 15 % that is 11,800 x 75 / 85, not 10 % fewer calls.
    - Calls avoided = calls - calls after (calls after is above zero: the repeat share is below 100).
    - Only ``variable_share`` percent of costs varies with the number of calls (staff, chiefly):
      variable cost per call = costs x variable share / 100 / calls.
    - Saving per period = calls avoided x variable cost per call; per year, x periods per year.
      Nothing is rounded before it is multiplied.
    - New cost per call = (costs - saving) / (calls - calls avoided).

    Lever: first contact resolution (FCR).

    >>> result = fewer_repeat_calls(5000, 1000, 50, 0, Period.WEEK, 100)
    >>> result.calls_avoided, result.saving_per_period, result.new_cost_per_call
    (Decimal('500'), Decimal('2500'), Decimal('5'))
    """
    current = cost_per_call_inbound(costs, calls)
    cost_total = to_decimal(costs, "costs")
    total_calls = divisor(calls, "calls")
    now = percent(repeat_now, "repeat_now", below_hundred=True)
    target = percent(repeat_target, "repeat_target", below_hundred=True)
    if target > now:
        raise CalculatorError("target_not_lower", "repeat_target")
    variable = variable_percent(variable_share, "variable_share")
    first_now = _HUNDRED - now
    first_target = _HUNDRED - target
    new_calls = CONTEXT.divide(CONTEXT.multiply(total_calls, first_now), first_target)
    avoided = CONTEXT.subtract(total_calls, new_calls)
    unit_variable = variable_unit_cost(cost_total, variable, total_calls)
    variable_costs = CONTEXT.divide(CONTEXT.multiply(cost_total, variable), _HUNDRED)
    saving = CONTEXT.divide(CONTEXT.multiply(avoided, variable_costs), total_calls)
    calls_after = new_calls
    return RepeatCallsResult(
        cost_per_call=current,
        first_share_now=first_now,
        first_share_target=first_target,
        calls_avoided=avoided,
        calls_after=calls_after,
        variable_cost_per_call=unit_variable,
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        new_cost_per_call=CONTEXT.divide(CONTEXT.subtract(cost_total, saving), calls_after),
        assumptions={
            "repeat_now": Assumption("repeat_now", now, "percent"),
            "repeat_target": Assumption("repeat_target", target, "percent"),
            "variable_share": Assumption("variable_share", variable, "percent"),
        },
    )


MODES = ("inbound", "outbound")


@dataclass(frozen=True)
class CostPerCallSummary:
    """Cost per call (inbound) or per sale or lead (outbound), with the same companions.

    ``volume`` is the number of calls (inbound) or of sales or leads (outbound). Outbound results are
    per sale or lead, so they are not compared with the per-call benchmark.
    """

    mode: str
    period: Period
    currency: str
    costs: Total
    volume: Decimal
    result: Decimal
    annual_costs: Decimal
    annual_volume: Decimal
    comparison: Comparison | None
    scenario: RepeatCallsResult | None


def summarise_cost_per_call(
    *,
    mode: str = "inbound",
    costs: Number | None = None,
    cost_breakdown: Mapping[str, Number | None] | None = None,
    calls: Number | None = None,
    sales: Number | None = None,
    period: Period = Period.MONTH,
    currency: str = "USD",
    usd_rate: Number | None = None,
    repeat_calls: tuple[Number, Number] | None = None,
    variable_share: Number | None = None,
) -> CostPerCallSummary:
    """Compute cost per call for ``mode`` (``inbound`` or ``outbound``) and all that goes with it.

    ``repeat_calls`` is (repeat calls now %, after improvement %), used inbound only.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    cost_total = total_costs(costs, cost_breakdown)
    if mode == "inbound":
        volume = count(calls if calls is not None else "", "calls")
        result = cost_per_call_inbound(cost_total.value, volume)
        with at_fields(usd_rate="rate"):
            comparison = compare(result, BENCHMARK, currency, usd_rate)
        scenario = None
        if repeat_calls is not None:
            scenario = fewer_repeat_calls(
                cost_total.value,
                volume,
                *repeat_calls,
                period=period,
                variable_share=variable_share_for(variable_share, cost_total),
            )
    else:
        volume = count(sales if sales is not None else "", "sales")
        result = cost_per_call_outbound(cost_total.value, volume)
        comparison, scenario = None, None
    return CostPerCallSummary(
        mode=mode,
        period=period,
        currency=currency,
        costs=cost_total,
        volume=volume,
        result=result,
        annual_costs=annualise(cost_total.value, period),
        annual_volume=annualise(volume, period),
        comparison=comparison,
        scenario=scenario,
    )


def compute(inputs: Inputs) -> Outcome:
    """Cost per call (inbound) or per sale or lead (outbound), with the repeat-call what-if."""
    mode = inputs.choices.get("mode", "inbound")
    inbound = mode == "inbound"
    summary = summarise_cost_per_call(
        mode=mode,
        costs=inputs.get("costs"),
        cost_breakdown=inputs.pick(COST_COMPONENTS),
        calls=inputs.get("calls"),
        sales=inputs.get("sales"),
        period=inputs.period,
        currency=inputs.currency,
        usd_rate=inputs.get("rate"),
        repeat_calls=(
            (inputs.need("repeat_now"), inputs.need("repeat_target"))
            if inbound and inputs.both("repeat_now", "repeat_target")
            else None
        ),
        variable_share=inputs.get("variable_share"),
    )
    scenario = summary.scenario
    notes = (
        comparison_notes(summary.comparison, inputs.currency, BENCHMARK.currency)
        if inbound
        else ("compare.none",)
    )
    return Outcome(
        values={
            "cost-per-call": summary.result,
            "annual-costs": summary.annual_costs,
            "annual-volume": summary.annual_volume,
        },
        comparison=summary.comparison,
        source=summary.costs.source,
        notes=notes,
        shares=summary.costs,
        scenario=None
        if scenario is None
        else {
            **assumed(scenario.assumptions),
            "calls_after": scenario.calls_after,
            "calls_avoided": scenario.calls_avoided,
            "variable_cost_per_call": scenario.variable_cost_per_call,
            "saving_period": scenario.saving_per_period,
            "saving_year": scenario.saving_per_year,
            "first_share_now": scenario.first_share_now,
            "first_share_target": scenario.first_share_target,
        },
    )


# ---- reverse solving: one input from a target main result ------------------------------------------
def _volume_name(inputs: Inputs) -> str:
    """The volume a cost per call is spread over: calls (inbound) or sales and leads (outbound)."""
    return "sales" if inputs.choices.get("mode") == "outbound" else "calls"


def costs_for_cost_per_call(inputs: Inputs, target: Decimal) -> Decimal:
    """The costs that give ``target`` per call (inbound) or per sale or lead (outbound).

    >>> costs_for_cost_per_call(Inputs({"sales": Decimal(1150)}, {"mode": "outbound"}), Decimal(24))
    Decimal('27600')
    """
    volume = _volume_name(inputs)
    with at_fields(target_cost="target", volume=volume):
        return costs_for_unit_cost(target, inputs.need(volume))


def volume_for_cost_per_call(inputs: Inputs, target: Decimal) -> Decimal:
    """The calls (inbound) or sales and leads (outbound) that give ``target`` per call or sale.

    >>> volume_for_cost_per_call(Inputs({"costs": Decimal(41300)}), Decimal("3.5"))
    Decimal('11800')
    """
    with at_fields(target_cost="target"):
        return volume_for_unit_cost(inputs.need("costs"), target)


_INBOUND = (("mode", "inbound"),)


_OUTBOUND_LABEL = "mode", "outbound"


#: Costs that cover everything (a period's total) or only the staff cost of one interval, as the
#: service-level calculator carries them: then there is no period, no yearly row and no comparison
#: with the all-in benchmark, and the page says so.
_ALL_COSTS = (("cover", "all"),)


_STAFF_ONLY = (("cover", "staff"),)


_STAFF_LABEL = "cover", "staff"


SPEC = Spec(
    id="cost-per-call",
    fields=(
        Field("mode", "choice", "field.mode", choices=("inbound", "outbound"), radio=True),
        Field(
            "costs",
            "money",
            "field.call_costs",
            labels=(
                (*_STAFF_LABEL, "field.staff_costs_interval"),
                (*_OUTBOUND_LABEL, "field.operating_costs"),
            ),
        ),
        Field("calls", "count", "field.calls", when=_INBOUND),
        Field("sales", "count", "field.sales", when=(_OUTBOUND_LABEL,)),
        Field("cover", "choice", "field.cover", choices=("all", "staff")),
        period_field(unless=_STAFF_ONLY),
        currency_field(),
        RATE,
        *COSTS_GROUP,
        Field(
            "repeat_now",
            "percent",
            "scenario.fcr.repeat_now",
            group="scenario.heading",
            when=_INBOUND,
        ),
        Field(
            "repeat_target",
            "percent",
            "scenario.fcr.repeat_target",
            group="scenario.heading",
            when=_INBOUND,
        ),
        Field(
            "variable_share",
            "percent",
            "field.variable_share",
            group="scenario.heading",
            when=_INBOUND,
        ),
    ),
    compute=compute,
    results=(
        Row(
            "cost-per-call",
            "result.cost_per_call",
            "money",
            main=True,
            labels=(
                (*_OUTBOUND_LABEL, "result.cost_per_sale"),
                (*_STAFF_LABEL, "result.staff-cost-per-call"),
            ),
        ),
        Row("annual-costs", "result.annual_costs", "sum", when=_ALL_COSTS),
        Row(
            "annual-volume",
            "result.annual_calls",
            "count",
            labels=((*_OUTBOUND_LABEL, "result.annual_sales"),),
            when=_ALL_COSTS,
        ),
    ),
    scenario=Scenario(
        title="scenario.fcr.title",
        assumption="scenario.fcr.assumption",
        share="variable_share",
        costs="costs",
        shares=("first_share_now", "first_share_target"),
        when=_INBOUND,
        assumptions=(
            Row("repeat_now", "scenario.fcr.repeat_now", "percent"),
            Row("repeat_target", "scenario.fcr.repeat_target", "percent"),
            Row("variable_share", "field.variable_share", "percent"),
        ),
        rows=(
            Row("calls_after", "result.calls_after", "count"),
            Row(
                "calls_avoided",
                "result.calls_avoided",
                "count",
                main=True,
                labels=((*_STAFF_LABEL, "result.calls_avoided_interval"),),
            ),
            Row("variable_cost_per_call", "result.variable_cost_per_call", "money"),
            Row(
                "saving_period",
                "result.saving_period",
                "money",
                labels=((*_STAFF_LABEL, "result.saving_interval"),),
            ),
            Row("saving_year", "result.saving_year", "money", main=True, when=_ALL_COSTS),
        ),
    ),
    benchmark_when=_ALL_COSTS,
    remarks=((_STAFF_ONLY, "remark.staff_cost_only"),),
    solve=(
        Solve("costs", costs_for_cost_per_call),
        Solve("calls", volume_for_cost_per_call),
        Solve("sales", volume_for_cost_per_call),
    ),
    formula=(
        Formula("cost-per-call", "formula.cost-per-call.inbound", when=_INBOUND),
        Formula("cost-per-call", "formula.cost-per-call.outbound", when=(_OUTBOUND_LABEL,)),
    ),
)


BENCHMARK = Benchmark(
    key="cost-per-call",
    low=Decimal("2.70"),
    high=Decimal("5.60"),
    currency="USD",
    source="Commonly cited industry range of cost per call for call centers (content brief, "
    "article 2); depends heavily on the type of business.",
    foreign=NOT_VIETNAMESE,
)


REFERENCE: Reference | None = None
