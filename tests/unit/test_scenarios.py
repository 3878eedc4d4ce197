"""What-if scenarios: moving contacts to self-service, and fewer repeat calls.

Only the variable share of costs falls; every figure is exact and only what is shown is rounded
(issue 18 item 1), so a saving is the model's: 78 000, not 77 997,60 from a unit cost in cents.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import (
    CalculatorError,
    Period,
    fewer_repeat_calls,
    round_money,
    self_service_shift,
)
from calculators.numbers import CONTEXT
from calculators.scenarios import (
    DEFAULT_VARIABLE_SHARE,
    STAFF_COMPONENTS,
    Assumption,
    percent,
    staff_share,
    variable_percent,
)
from tests.unit.budget import examples

D = Decimal

#: The cost-per-contact article's breakdown (a month, USD).
BREAKDOWN = {
    "salaries": D(48500),
    "benefits": D(9700),
    "technology": D(6800),
    "hardware": D(1900),
    "facilities": D(5600),
    "taxes": D(2300),
    "other": D(1800),
}


def raises(call: Callable[[], object], code: str, field: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        call()
    assert (caught.value.code, caught.value.field) == (code, field)


# --- staff share -------------------------------------------------------------------------------


def test_staff_share_of_the_worked_example() -> None:
    share = staff_share(BREAKDOWN)
    assert share == CONTEXT.divide(58200 * 100, 76600)
    assert round(share, 1) == D("76.0")


def test_staff_share_needs_salaries_or_benefits() -> None:
    assert STAFF_COMPONENTS == ("salaries", "benefits")
    assert staff_share({"salaries": D(60), "technology": D(40)}) == 60
    assert staff_share({"benefits": 25, "other": "75"}) == 25
    assert staff_share({"technology": D(40), "other": D(60)}) is None
    assert staff_share({}) is None
    assert staff_share({"salaries": None, "other": D(1)}) is None
    assert staff_share({"salaries": D(0), "technology": D(0)}) is None  # a total of zero


def test_staff_share_checks_its_parts() -> None:
    raises(lambda: staff_share({"salaries": D(-1)}), "negative", "salaries")
    with pytest.raises(ValueError, match="unknown costs parts"):
        staff_share({"rent": D(1)})


def test_default_variable_share_is_seventy_percent() -> None:
    assert DEFAULT_VARIABLE_SHARE == 70


def test_variable_percent_bounds() -> None:
    assert variable_percent(100, "variable_share") == 100
    assert variable_percent("0.000001", "variable_share") == D("0.000001")
    raises(lambda: variable_percent(0, "variable_share"), "percent_range", "variable_share")
    raises(lambda: variable_percent("100.5", "variable_share"), "percent_range", "variable_share")
    raises(lambda: variable_percent(-1, "variable_share"), "negative", "variable_share")


# --- self-service shift ------------------------------------------------------------------------


def test_self_service_worked_example() -> None:
    share = staff_share(BREAKDOWN)
    assert share is not None
    result = self_service_shift(76600, 9800, 20, "0.50", Period.MONTH, share)
    assert round_money(result.current_cost_per_contact) == D("7.82")
    assert result.moved == 1960
    assert round_money(result.variable_cost_per_contact) == D("5.94")  # 58,200 / 9,800 = 5.9388
    assert round_money(result.saving_per_moved) == D("5.44")
    # 1,960 x (5.9388 - 0.50) = 58,200 x 20 % - 1,960 x 0.50, not 1,960 x the rounded 5.44
    assert round_money(result.saving_per_period) == D("10660.00")
    assert round_money(result.saving_per_year) == D("127920.00")
    assert round_money(result.new_cost_per_contact) == D("6.73")
    assert round_money(result.new_cost_per_contact, 6) == round_money(
        CONTEXT.divide(D(65940), 9800), 6
    )
    assert result.assumptions == {
        "share": Assumption("share", D(20), "percent"),
        "unit_cost": Assumption("unit_cost", D("0.50"), "money"),
        "variable_share": Assumption("variable_share", share, "percent"),
    }
    assert list(result.assumptions) == ["share", "unit_cost", "variable_share"]


def test_self_service_formula() -> None:
    # 1000 contacts, 10,000 of costs of which 60 % vary: 6.00 a contact; 30 % move at 2: 300 x 4.
    result = self_service_shift(10000, 1000, 30, 2, Period.QUARTER, 60)
    assert result.current_cost_per_contact == 10
    assert result.moved == 300
    assert result.variable_cost_per_contact == 6
    assert result.saving_per_period == 1200
    assert result.saving_per_year == 4800
    assert result.new_cost_per_contact == D("8.8")


def test_the_issues_norwegian_centre_saves_exactly_78_000_a_month() -> None:
    # 1 250 000 kr, 18 400 contacts, 15 % moved at 12,50 kr, 60 % variable (issue 18 item 1):
    # 2 760 x (40,76... - 12,50) = 750 000 x 15 % - 2 760 x 12,50 = 78 000, not 2 760 x 28,26.
    result = self_service_shift(1250000, 18400, 15, "12.50", Period.MONTH, 60)
    assert result.moved == 2760
    assert round_money(result.variable_cost_per_contact) == D("40.76")
    assert round_money(result.saving_per_moved) == D("28.26")
    assert result.saving_per_period == 78000
    assert result.saving_per_year == 936000


def test_self_service_moves_a_share_not_a_rounded_count() -> None:
    # 25 % of 10 contacts is 2.5 contacts: the saving is 2.5 x 9, shown as 2,5 rounded to 3.
    result = self_service_shift(100, 10, 25, 1, Period.MONTH, 100)
    assert result.moved == D("2.5")
    assert result.saving_per_period == D("22.5")


def test_self_service_prices_the_unrounded_unit_cost() -> None:
    # 100 x 70 % / 3 = 23.333... a contact: all 3 moved save 70, not 3 x 23.33 = 69.99.
    result = self_service_shift(100, 3, 100, 0, Period.MONTH, 70)
    assert round_money(result.variable_cost_per_contact) == D("23.33")
    assert result.saving_per_period == 70


def test_nothing_moved_saves_nothing() -> None:
    result = self_service_shift(10000, 1000, 0, 2, Period.MONTH, DEFAULT_VARIABLE_SHARE)
    assert result.moved == 0
    assert result.saving_per_period == 0
    assert result.new_cost_per_contact == result.current_cost_per_contact


def test_everything_moved_with_all_costs_variable() -> None:
    result = self_service_shift(10000, 1000, 100, 2, Period.YEAR, 100)
    assert result.new_cost_per_contact == 2
    assert result.saving_per_year == result.saving_per_period == 8000


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((10000, 1000, 101, 2, 70), "percent_range", "share"),
        ((10000, 1000, "100.5", 2, 70), "percent_range", "share"),
        ((10000, 1000, -1, 2, 70), "negative", "share"),
        ((10000, 1000, 20, 7, 70), "not_cheaper", "unit_cost"),  # the variable 7.00 a contact
        ((10000, 1000, 20, "7.01", 70), "not_cheaper", "unit_cost"),
        ((10000, 1000, 20, -1, 70), "negative", "unit_cost"),
        ((10000, 0, 20, 2, 70), "zero_divisor", "contacts"),
        ((10000, "10.5", 20, 2, 70), "not_whole", "contacts"),
        ((-1, 1000, 20, 2, 70), "negative", "costs"),
        ((10000, 1000, 20, 2, 0), "percent_range", "variable_share"),
        ((10000, 1000, 20, 2, 101), "percent_range", "variable_share"),
    ],
)
def test_self_service_errors(args: tuple[object, ...], code: str, field: str) -> None:
    raises(
        lambda: self_service_shift(*args[:4], Period.MONTH, args[4]),  # type: ignore[arg-type, call-arg]
        code,
        field,
    )


# --- fewer repeat calls ------------------------------------------------------------------------


def test_repeat_calls_worked_example() -> None:
    result = fewer_repeat_calls(41300, 11800, 25, 15, Period.MONTH, DEFAULT_VARIABLE_SHARE)
    assert result.cost_per_call == D("3.5")
    assert (result.first_share_now, result.first_share_target) == (D(75), D(85))
    assert round_money(result.calls_avoided, 0) == 1388  # 11,800 - 11,800 x 75 / 85 = 1,388.2
    assert round_money(result.calls_after, 0) == 10412
    assert result.variable_cost_per_call == D("2.45")  # 41,300 x 70 % / 11,800, exactly
    # 28,910 of variable costs x 10 / 85 of the calls
    assert round_money(result.saving_per_period) == D("3401.18")
    assert round_money(result.saving_per_year) == D("40814.12")
    assert round_money(result.new_cost_per_call) == D("3.64")
    assert result.assumptions == {
        "repeat_now": Assumption("repeat_now", D(25), "percent"),
        "repeat_target": Assumption("repeat_target", D(15), "percent"),
        "variable_share": Assumption("variable_share", D(70), "percent"),
    }


def test_ten_points_of_repeat_rate_are_not_ten_percent_of_calls() -> None:
    result = fewer_repeat_calls(41300, 11800, 25, 15, Period.MONTH, 70)
    assert round_money(result.calls_avoided, 0) != 1180
    assert result.calls_avoided == CONTEXT.subtract(11800, CONTEXT.divide(11800 * 75, 85))


def test_repeat_calls_formula() -> None:
    # 1000 calls at 5 each, all variable, 50 % repeats now, 0 % after: the 500 first calls remain.
    result = fewer_repeat_calls(5000, 1000, 50, 0, Period.WEEK, 100)
    assert result.calls_avoided == 500
    assert result.saving_per_period == 2500
    assert result.saving_per_year == 2500 * 52
    assert result.new_cost_per_call == 5


def test_an_unchanged_repeat_rate_avoids_no_calls() -> None:
    result = fewer_repeat_calls(5000, 1000, 20, 20, Period.MONTH, 70)
    assert result.calls_avoided == 0
    assert result.saving_per_year == 0
    assert result.new_cost_per_call == result.cost_per_call


def test_the_first_calls_always_remain() -> None:
    # 1 call, 99 % repeats now, none after: the 0.01 first calls remain, priced as such.
    result = fewer_repeat_calls(10, 1, 99, 0, Period.MONTH, 100)
    assert result.calls_after == D("0.01")
    assert result.calls_avoided == D("0.99")
    assert result.saving_per_period == D("9.9")
    assert result.new_cost_per_call == 10


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((5000, 1000, 15, 25, 70), "target_not_lower", "repeat_target"),
        ((5000, 1000, 100, 15, 70), "percent_range", "repeat_now"),
        ((5000, 1000, 101, 15, 70), "percent_range", "repeat_now"),
        ((5000, 1000, 25, 100, 70), "percent_range", "repeat_target"),
        ((5000, 1000, -5, 0, 70), "negative", "repeat_now"),
        ((5000, 1000, 25, -5, 70), "negative", "repeat_target"),
        ((5000, 0, 25, 15, 70), "zero_divisor", "calls"),
        ((5000, "2.5", 25, 15, 70), "not_whole", "calls"),
        (("x", 1000, 25, 15, 70), "not_a_number", "costs"),
        ((5000, 1000, 25, 15, 0), "percent_range", "variable_share"),
        ((5000, 1000, 25, 15, "x"), "not_a_number", "variable_share"),
    ],
)
def test_repeat_calls_errors(args: tuple[object, ...], code: str, field: str) -> None:
    raises(
        lambda: fewer_repeat_calls(*args[:4], Period.MONTH, args[4]),  # type: ignore[arg-type, call-arg]
        code,
        field,
    )


def test_percent_bounds() -> None:
    assert percent(100, "share") == 100
    assert percent(0, "share") == 0
    assert percent("99.999999", "repeat_now", below_hundred=True) == D("99.999999")
    with pytest.raises(CalculatorError):
        percent(100, "repeat_now", below_hundred=True)


# --- properties: every row multiplies ----------------------------------------------------------


def close(exact: Decimal, product: Decimal) -> bool:
    """Equal to far below a cent: the figures are exact, up to the 34 digits of the context."""
    return abs(CONTEXT.subtract(exact, product)) <= max(abs(exact), D(1)).scaleb(-24)


money = st.integers(0, 10**13).map(lambda n: Decimal(n).scaleb(-2))
shares = st.integers(1, 100_000_000).map(lambda n: Decimal(n).scaleb(-6))  # 0.000001 to 100


@settings(max_examples=examples(200))
@given(
    costs=money,
    contacts=st.integers(1, 10**9),
    share=st.integers(0, 100),
    unit_cost=st.integers(0, 500).map(lambda n: Decimal(n).scaleb(-2)),
    variable=shares,
    period=st.sampled_from(list(Period)),
)
def test_self_service_rows_multiply(
    costs: Decimal,
    contacts: int,
    share: int,
    unit_cost: Decimal,
    variable: Decimal,
    period: Period,
) -> None:
    try:
        result = self_service_shift(costs, contacts, share, unit_cost, period, variable)
    except CalculatorError as error:
        assert (error.code, error.field) == ("not_cheaper", "unit_cost")
        return
    assert 0 <= result.moved <= contacts
    assert result.saving_per_moved == CONTEXT.subtract(result.variable_cost_per_contact, unit_cost)
    assert result.saving_per_moved > 0
    assert close(result.saving_per_period, result.moved * result.saving_per_moved)
    assert result.saving_per_year == CONTEXT.multiply(result.saving_per_period, period.per_year)
    assert result.new_cost_per_contact <= result.current_cost_per_contact


@settings(max_examples=examples(200))
@given(
    costs=money,
    calls=st.integers(1, 10**9),
    now=st.integers(0, 99),
    data=st.data(),
    variable=shares,
    period=st.sampled_from(list(Period)),
)
def test_repeat_call_rows_multiply(
    costs: Decimal,
    calls: int,
    now: int,
    data: st.DataObject,
    variable: Decimal,
    period: Period,
) -> None:
    target = data.draw(st.integers(0, now))
    result = fewer_repeat_calls(costs, calls, now, target, period, variable)
    assert 0 <= result.calls_avoided < calls
    assert close(CONTEXT.add(result.calls_after, result.calls_avoided), D(calls))
    assert close(result.saving_per_period, result.calls_avoided * result.variable_cost_per_call)
    assert result.saving_per_year == CONTEXT.multiply(result.saving_per_period, period.per_year)
    assert result.first_share_now + now == result.first_share_target + target == 100
