"""Everything one calculator shows, computed in one call: the article's worked example at build time
and the widget in the browser both go through these functions, so the two cannot disagree.

>>> summary = summarise_cost_per_contact(costs=76600, contacts=9800)
>>> round_money(summary.cost_per_contact), summary.comparison.position
(Decimal('7.82'), 'above')
>>> round_money(summarise_cost_per_call(mode="outbound", costs=27600, sales=1150).result)
Decimal('24.00')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .benchmarks import COST_PER_CALL, COST_PER_CONTACT, Comparison, compare
from .breakdowns import Total, total_contacts, total_costs
from .formulas import Number, cost_per_call_inbound, cost_per_call_outbound, cost_per_contact, count
from .numbers import round_money
from .periods import Period, annualise
from .scenarios import (
    DEFAULT_VARIABLE_SHARE,
    RepeatCallsResult,
    SelfServiceResult,
    fewer_repeat_calls,
    self_service_shift,
    staff_share,
)

__all__ = ["round_money", "summarise_cost_per_call", "summarise_cost_per_contact"]

MODES = ("inbound", "outbound")


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
    return CostPerContactSummary(
        period=period,
        currency=currency,
        costs=cost_total,
        contacts=contact_total,
        cost_per_contact=result,
        annual_costs=annualise(cost_total.value, period),
        annual_contacts=annualise(contact_total.value, period),
        comparison=compare(result, COST_PER_CONTACT, currency, usd_rate),
        scenario=scenario,
    )


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
        comparison = compare(result, COST_PER_CALL, currency, usd_rate)
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


def variable_share_for(given: Number | None, costs: Total | None = None) -> Number:
    """The reader's share of costs that varies with volume, else the breakdown's staff share, else
    the stated default.

    >>> variable_share_for(None), variable_share_for("60")
    (Decimal('70'), '60')
    """
    if given is not None:
        return given
    return (costs and staff_share(dict(costs.parts))) or DEFAULT_VARIABLE_SHARE
