"""Every error code is reachable through the public API and names the right field."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

import calculators as calc
from calculators import (
    ERROR_CODES,
    CalculatorError,
    Period,
    calculations,
    formulas,
    staffing,
)
from calculators.kpis import (
    abandonment_rate,
    agent_attrition,
    average_handle_time,
    first_contact_resolution,
    occupancy,
    service_level,
    shrinkage,
)
from calculators.kpis import cost_per_resolution as resolution
from calculators.numbers import parse_series

#: The brief's staffing check: 360 calls an hour of 240 s, 80 % within 20 s (24 erlangs).
BRIEF = {"calls": 360, "aht": 240, "target": 80, "answer_time": 20}

NB = (",", "\u00a0")

#: code -> (field it must name, a public call that raises it)
REACHED: list[tuple[str, str, Callable[[], object]]] = [
    ("empty", "costs", lambda: calc.parse_amount("  ", *NB, field="costs")),
    ("empty", "contacts", lambda: calc.total_contacts()),
    ("empty", "calls", lambda: calc.summarise_cost_per_call(costs=100)),
    ("empty", "sales", lambda: calc.summarise_cost_per_call(mode="outbound", costs=100)),
    ("not_a_number", "rate", lambda: calc.parse_amount("1e9", *NB, field="rate")),
    ("not_a_number", "costs", lambda: calc.parse_canonical("NaN", "costs")),
    ("negative", "costs", lambda: calc.cost_per_contact(-1, 10)),
    ("negative", "share", lambda: calc.parse_amount("-5", *NB, field="share")),
    ("zero_divisor", "contacts", lambda: calc.cost_per_contact(100, 0)),
    ("zero_divisor", "calls", lambda: calc.cost_per_call_inbound(100, 0)),
    ("zero_divisor", "sales", lambda: calc.cost_per_call_outbound(100, 0)),
    (
        "zero_divisor",
        "usd_rate",
        lambda: calc.compare(Decimal(40), calc.COST_PER_CONTACT, "NOK", usd_rate=0),
    ),
    ("too_large", "costs", lambda: calc.cost_per_contact(10**15 + 1, 1)),
    ("too_large", "costs", lambda: calc.parse_amount("7" * 10_000, *NB, field="costs")),
    ("too_large", "costs", lambda: calc.total_costs(breakdown={"salaries": 10**15, "other": 1})),
    ("malformed", "costs", lambda: calc.parse_amount("1,2,3", *NB, field="costs")),
    ("ambiguous", "costs", lambda: calc.parse_amount("1.234", *NB, field="costs")),
    ("wrong_locale", "costs", lambda: calc.parse_amount("1,234,567.89", ",", ".", "costs")),
    ("not_whole", "contacts", lambda: calc.cost_per_contact(100, "10.5")),
    ("not_whole", "chat", lambda: calc.total_contacts(by_channel={"chat": "0.5"})),
    ("too_many_decimals", "unit_cost", lambda: calc.parse_canonical("0.1234567", "unit_cost")),
    (
        "percent_range",
        "share",
        lambda: calc.self_service_shift(76600, 9800, 101, "0.50", Period.MONTH, 70),
    ),
    (
        "percent_range",
        "repeat_now",
        lambda: calc.fewer_repeat_calls(41300, 11800, 100, 15, Period.MONTH, 70),
    ),
    (
        "target_not_lower",
        "repeat_target",
        lambda: calc.fewer_repeat_calls(41300, 11800, 15, 25, Period.MONTH, 70),
    ),
    (
        "not_cheaper",
        "unit_cost",
        lambda: calc.self_service_shift(76600, 9800, 20, 8, Period.MONTH, 70),
    ),
    (
        "exceeds",
        "resolved_first",
        lambda: first_contact_resolution.first_contact_resolution(11, 10),
    ),
    ("exceeds", "abandoned", lambda: abandonment_rate.abandonment_rate(11, 10)),
    ("exceeds", "short", lambda: abandonment_rate.abandonment_rate(2, 10, short=3)),
    ("exceeds", "resolved", lambda: resolution.contacts_per_resolution(10, 11)),
    ("short_not_below", "short", lambda: abandonment_rate.abandonment_rate(10, 10, short=10)),
    (
        "target_not_higher",
        "fcr_target",
        lambda: first_contact_resolution.raise_fcr(10, 7, 70, 100, Period.MONTH, 70),
    ),
    (
        "over_hundred",
        "fcr_target",
        lambda: first_contact_resolution.raise_fcr(10, 7, 101, 100, Period.MONTH, 70),
    ),
    ("over_hundred", "occupancy", lambda: average_handle_time.paid_hours(10, 101, 0)),
    ("target_range", "target", lambda: staffing.agents_for_target(360, 60, 240, 100, 20)),
    ("both_zero", "handle", lambda: occupancy.occupancy(0, 0)),
    ("lost_not_below", "scheduled", lambda: shrinkage.shrinkage(4000, 4000)),
    ("zero_headcount", "start_headcount", lambda: agent_attrition.average_headcount(0, 0)),
    ("too_many_agents", "calls", lambda: staffing.agents_for_target(10**6, 15, 240, 80, 20)),
    ("not_in_list", "interval_minutes", lambda: staffing.agents_for_target(360, 45, 240, 80, 20)),
    ("too_large", "hold", lambda: average_handle_time.average_handle_time(0, 10**9 + 1, 0, 1)),
    ("zero_divisor", "answer_seconds", lambda: staffing.agents_for_target(360, 60, 240, 80, 0)),
    ("zero_divisor", "aht_seconds", lambda: staffing.traffic(360, 60, 0)),
    ("percent_range", "shrinkage", lambda: staffing.scheduled_agents(29, 100)),
    (
        "percent_range",
        "variable_share",
        lambda: calc.fewer_repeat_calls(41300, 11800, 25, 15, Period.MONTH, 0),
    ),
    ("solve_target", "target_cost", lambda: formulas.costs_for_unit_cost(0, 9800)),
    (
        "too_few_agents",
        "agents",
        lambda: service_level.compute(
            calculations.Inputs(
                {name: Decimal(v) for name, v in BRIEF.items()} | {"agents": Decimal(24)},
                {"interval": "60"},
            )
        ),
    ),
    ("clock", "aht", lambda: calc.parse_input("4:75", "seconds", *NB, field="aht")),
    ("series_not_a_number", "volumes", lambda: parse_series("12\nmany", field="volumes")),
    ("series_negative", "volumes", lambda: parse_series("12\n-3", field="volumes")),
    ("series_not_whole", "volumes", lambda: parse_series("12,5", "count", *NB, field="volumes")),
    ("series_too_many", "volumes", lambda: parse_series("0x97", field="volumes", link=True)),
    ("series_empty", "volumes", lambda: parse_series("\n\t;\n", field="volumes")),
    ("series_no_calls", "shares", lambda: staffing.weighted_share([(0, 0)])),
]

#: Codes no formula raises: the page raises them itself, or the bridge answers a solve with them
#: (``solve_inexact``, ``solve_needs``: see tests/unit/test_solve.py), or the bridge names a negative
#: count or time with them (tests/unit/test_web.py).
PAGE_CODES = {"compute_failed", "solve_inexact", "solve_needs", "negative_number", "negative_time"}


@pytest.mark.parametrize(
    ("code", "field", "call"), REACHED, ids=[f"{code}-{field}" for code, field, _ in REACHED]
)
def test_error_reached_with_its_field(code: str, field: str, call: Callable[[], object]) -> None:
    with pytest.raises(CalculatorError) as caught:
        call()
    assert caught.value.code == code
    assert caught.value.field == field
    assert str(caught.value) == f"{field}: {code}"


def test_every_code_is_reached() -> None:
    assert {code for code, _, _ in REACHED} | PAGE_CODES == ERROR_CODES


def test_the_page_can_raise_its_own_code() -> None:
    error = CalculatorError("compute_failed", None)
    assert (error.code, str(error)) == ("compute_failed", "value: compute_failed")


def test_there_are_thirty_seven_codes() -> None:
    assert len(ERROR_CODES) == 37


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown error code") as caught:
        CalculatorError("oops", "costs")
    assert not isinstance(caught.value, CalculatorError)


def test_calculator_errors_are_value_errors() -> None:
    error = CalculatorError("too_many_decimals", "costs", places=6)
    assert isinstance(error, ValueError)
    assert (error.code, error.field, error.details) == ("too_many_decimals", "costs", {"places": 6})
    assert str(CalculatorError("empty")) == "value: empty"
