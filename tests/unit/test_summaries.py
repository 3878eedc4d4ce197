"""Everything a calculator shows in one call, and the articles' worked examples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import (
    CalculatorError,
    Period,
    round_money,
    summarise_cost_per_call,
    summarise_cost_per_contact,
)
from calculators.examples import (
    COST_PER_CALL_INPUTS,
    cost_per_call_example,
    cost_per_contact_example,
)
from calculators.rates import CURRENCIES, INDICATIVE_USD_RATES, RATES_DATE

D = Decimal


def test_cost_per_contact_example() -> None:
    summary = cost_per_contact_example()
    assert summary.period is Period.MONTH
    assert summary.currency == "USD"
    assert (summary.costs.value, summary.costs.source) == (D(76600), "breakdown")
    assert (summary.contacts.value, summary.contacts.source) == (D(9800), "breakdown")
    assert round_money(summary.cost_per_contact) == D("7.82")
    assert summary.annual_costs == D(919200)
    assert summary.annual_contacts == D(117600)
    assert summary.comparison is not None
    assert summary.comparison.position == "above"
    assert round_money(summary.comparison.percent, 1) == D("9.2")
    assert summary.scenario is not None
    assert round_money(summary.scenario.new_cost_per_contact) == D("6.35")
    assert round_money(summary.scenario.saving_per_year) == D("172080.00")


def test_cost_per_call_examples() -> None:
    inbound = cost_per_call_example()
    assert (inbound.mode, inbound.volume, inbound.result) == ("inbound", D(11800), D("3.5"))
    assert inbound.comparison is not None
    assert inbound.comparison.position == "within"
    assert inbound.scenario is not None
    assert round_money(inbound.scenario.calls_avoided, 0) == D(1388)
    assert round_money(inbound.scenario.saving_per_year) == D("58305.88")
    outbound = cost_per_call_example("outbound")
    assert (outbound.mode, outbound.volume, outbound.result) == ("outbound", D(1150), D(24))
    assert outbound.comparison is None
    assert outbound.scenario is None
    assert outbound.annual_volume == D(13800)
    assert set(COST_PER_CALL_INPUTS) == {"inbound", "outbound"}


def test_summary_without_scenario_or_rate() -> None:
    summary = summarise_cost_per_contact(costs=7160, contacts=1000, currency="NOK")
    assert summary.cost_per_contact == D("7.16")
    assert summary.comparison is None
    assert summary.scenario is None


def test_summary_in_another_currency_with_a_rate() -> None:
    summary = summarise_cost_per_contact(
        costs=71600, contacts=1000, currency="NOK", usd_rate=10, period=Period.YEAR
    )
    assert summary.comparison is not None
    assert (summary.comparison.position, summary.comparison.reference) == ("near", D("71.60"))
    assert summary.annual_costs == D(71600)


def test_outbound_ignores_calls_and_repeat_calls() -> None:
    summary = summarise_cost_per_call(
        mode="outbound", costs=27600, sales=1150, calls=99, repeat_calls=(25, 15)
    )
    assert summary.volume == 1150
    assert summary.scenario is None
    assert summary.comparison is None


def test_inbound_ignores_sales() -> None:
    summary = summarise_cost_per_call(costs=41300, calls=11800, sales=1)
    assert summary.result == D("3.5")


def test_call_summary_with_a_breakdown() -> None:
    summary = summarise_cost_per_call(
        cost_breakdown={"salaries": 30000, "technology": 11300}, calls=11800, period=Period.WEEK
    )
    assert (summary.costs.value, summary.costs.source) == (D(41300), "breakdown")
    assert summary.annual_costs == D(41300 * 52)


def test_unknown_mode_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="mode must be one of") as caught:
        summarise_cost_per_call(mode="sideways", costs=1, calls=1)
    assert not isinstance(caught.value, CalculatorError)


def test_indicative_rates() -> None:
    assert CURRENCIES == ("USD", "EUR", "NOK", "RUB", "VND")
    assert INDICATIVE_USD_RATES["USD"] == 1
    assert all(rate > 0 for rate in INDICATIVE_USD_RATES.values())
    assert len(RATES_DATE) == 10
