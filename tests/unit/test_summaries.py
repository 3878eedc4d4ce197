"""Everything the cost calculators show in one call, on the articles' worked examples."""

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

D = Decimal

#: The cost-per-contact article's month, as test data (the site's copy is build-time data).
COST_BREAKDOWN = {
    "salaries": 48500,
    "benefits": 9700,
    "technology": 6800,
    "hardware": 1900,
    "facilities": 5600,
    "taxes": 2300,
    "other": 1800,
}
CONTACTS_BY_CHANNEL = {"phone": 4900, "email": 2000, "chat": 2300, "social": 600}


def test_cost_per_contact_example() -> None:
    """20 % of contacts to self-service at 0.50 each; only staff costs (76 %) fall with volume."""
    summary = summarise_cost_per_contact(
        cost_breakdown=COST_BREAKDOWN,
        contacts_by_channel=CONTACTS_BY_CHANNEL,
        self_service=(20, D("0.50")),
    )
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
    scenario = summary.scenario
    assert scenario is not None
    assert (scenario.moved, round_money(scenario.saving_per_moved)) == (D(1960), D("5.44"))
    assert round_money(scenario.saving_per_period) == D("10660.00")  # exact, not 1,960 x 5.44
    assert round_money(scenario.saving_per_year) == D("127920.00")
    assert round_money(scenario.new_cost_per_contact) == D("6.73")
    assert round_money(scenario.assumptions["variable_share"].value, 1) == D("76.0")


def test_cost_per_call_examples() -> None:
    """25 % repeat calls down to 15 %, with the site's default variable share of 70 %."""
    inbound = summarise_cost_per_call(costs=41300, calls=11800, repeat_calls=(25, 15))
    assert (inbound.mode, inbound.volume, inbound.result) == ("inbound", D(11800), D("3.5"))
    assert inbound.comparison is not None
    assert inbound.comparison.position == "within"
    scenario = inbound.scenario
    assert scenario is not None
    assert (round_money(scenario.calls_avoided, 0), scenario.variable_cost_per_call) == (
        D(1388),
        D("2.45"),
    )
    assert round_money(scenario.saving_per_period) == D("3401.18")  # not 1,388 x 2.45 = 3,400.60
    assert round_money(scenario.saving_per_year) == D("40814.12")
    assert scenario.assumptions["variable_share"].value == D(70)
    outbound = summarise_cost_per_call(mode="outbound", costs=27600, sales=1150)
    assert (outbound.mode, outbound.volume, outbound.result) == ("outbound", D(1150), D(24))
    assert outbound.comparison is None
    assert outbound.scenario is None
    assert outbound.annual_volume == D(13800)


@pytest.mark.parametrize(
    ("variable_share", "expected"), [(None, D("0.35")), (D(20), D("0.14")), (D(100), D("0.70"))]
)
def test_the_readers_variable_share_replaces_the_staff_share(
    variable_share: Decimal | None, expected: Decimal
) -> None:
    """With a breakdown of 50 % staff, 0.70 per call: the variable cost per call follows the share."""
    summary = summarise_cost_per_call(
        cost_breakdown={"salaries": 3500, "technology": 3500},
        calls=10000,
        repeat_calls=(20, 10),
        variable_share=variable_share,
    )
    assert summary.scenario is not None
    assert summary.scenario.variable_cost_per_call == expected


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
