"""What-if scenarios: moving contacts to self-service, and fewer repeat calls."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import (
    CalculatorError,
    Period,
    fewer_repeat_calls,
    round_money,
    self_service_shift,
)
from calculators.scenarios import Assumption, percent

D = Decimal


# --- self-service shift ------------------------------------------------------------------------


def test_self_service_worked_example() -> None:
    result = self_service_shift(76600, 9800, 20, "0.50", Period.MONTH)
    assert round_money(result.current_cost_per_contact) == D("7.82")
    assert round_money(result.new_cost_per_contact) == D("6.35")
    assert round_money(result.saving_per_period) == D("14340.00")
    assert round_money(result.saving_per_year) == D("172080.00")
    assert result.assumptions == (
        Assumption("share", D(20), "percent"),
        Assumption("unit_cost", D("0.50"), "money"),
    )


def test_self_service_formula() -> None:
    # 1000 contacts at 10 each; 30 % move to self-service at 2 each: 300 x 8 = 2400 saved.
    result = self_service_shift(10000, 1000, 30, 2, Period.QUARTER)
    assert result.current_cost_per_contact == 10
    assert result.saving_per_period == 2400
    assert result.saving_per_year == 9600
    assert result.new_cost_per_contact == D("7.6")


def test_nothing_moved_saves_nothing() -> None:
    result = self_service_shift(10000, 1000, 0, 2, Period.MONTH)
    assert result.saving_per_period == 0
    assert result.new_cost_per_contact == result.current_cost_per_contact


def test_everything_moved_costs_the_self_service_price() -> None:
    result = self_service_shift(10000, 1000, 100, 2, Period.YEAR)
    assert result.new_cost_per_contact == 2
    assert result.saving_per_year == result.saving_per_period == 8000


def test_self_service_at_the_current_cost_saves_nothing() -> None:
    result = self_service_shift(10000, 1000, 50, 10, Period.MONTH)
    assert result.saving_per_period == 0


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((10000, 1000, 101, 2), "percent_range", "share"),
        ((10000, 1000, "100.5", 2), "percent_range", "share"),
        ((10000, 1000, -1, 2), "negative", "share"),
        ((10000, 1000, 20, "10.01"), "not_cheaper", "unit_cost"),
        ((10000, 1000, 20, -1), "negative", "unit_cost"),
        ((10000, 0, 20, 2), "zero_divisor", "contacts"),
        ((10000, "10.5", 20, 2), "not_whole", "contacts"),
        ((-1, 1000, 20, 2), "negative", "costs"),
    ],
)
def test_self_service_errors(args: tuple[object, ...], code: str, field: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        self_service_shift(*args, Period.MONTH)  # type: ignore[arg-type, call-arg]
    assert (caught.value.code, caught.value.field) == (code, field)


# --- fewer repeat calls ------------------------------------------------------------------------


def test_repeat_calls_worked_example() -> None:
    result = fewer_repeat_calls(41300, 11800, 25, 15, Period.MONTH)
    assert result.cost_per_call == D("3.5")
    assert round_money(result.calls_avoided, 0) == D("1388")
    assert round_money(result.saving_per_period) == D("4858.82")
    assert round_money(result.saving_per_year) == D("58305.88")
    assert result.assumptions == (
        Assumption("repeat_now", D(25), "percent"),
        Assumption("repeat_target", D(15), "percent"),
    )


def test_repeat_calls_formula() -> None:
    # 1000 calls at 5 each, 50 % repeats now, 0 % after: the 500 first calls remain.
    result = fewer_repeat_calls(5000, 1000, 50, 0, Period.WEEK)
    assert result.calls_avoided == 500
    assert result.saving_per_period == 2500
    assert result.saving_per_year == 2500 * 52


def test_an_unchanged_repeat_rate_avoids_no_calls() -> None:
    result = fewer_repeat_calls(5000, 1000, 20, 20, Period.MONTH)
    assert result.calls_avoided == 0
    assert result.saving_per_year == 0


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((5000, 1000, 15, 25), "target_not_lower", "repeat_target"),
        ((5000, 1000, 100, 15), "percent_range", "repeat_now"),
        ((5000, 1000, 101, 15), "percent_range", "repeat_now"),
        ((5000, 1000, 25, 100), "percent_range", "repeat_target"),
        ((5000, 1000, -5, 0), "negative", "repeat_now"),
        ((5000, 1000, 25, -5), "negative", "repeat_target"),
        ((5000, 0, 25, 15), "zero_divisor", "calls"),
        ((5000, "2.5", 25, 15), "not_whole", "calls"),
        (("x", 1000, 25, 15), "not_a_number", "costs"),
    ],
)
def test_repeat_calls_errors(args: tuple[object, ...], code: str, field: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        fewer_repeat_calls(*args, Period.MONTH)  # type: ignore[arg-type, call-arg]
    assert (caught.value.code, caught.value.field) == (code, field)


def test_percent_bounds() -> None:
    assert percent(100, "share") == 100
    assert percent(0, "share") == 0
    assert percent("99.999999", "repeat_now", below_hundred=True) == D("99.999999")
    with pytest.raises(CalculatorError):
        percent(100, "repeat_now", below_hundred=True)
