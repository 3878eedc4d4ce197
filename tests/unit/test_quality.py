"""Quality: first contact resolution, abandonment rate, cost per resolution, and raising FCR."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CalculatorError, Period, round_money
from calculators.kpis.abandonment_rate import abandonment_rate
from calculators.kpis.cost_per_resolution import contacts_per_resolution, cost_per_resolution
from calculators.kpis.first_contact_resolution import (
    SQM_GOOD,
    SQM_WORLD_CLASS,
    fcr_band,
    first_contact_resolution,
    raise_fcr,
)
from calculators.numbers import CONTEXT
from calculators.scenarios import DEFAULT_VARIABLE_SHARE, Assumption
from tests.unit.budget import examples

D = Decimal


def raises(call: Callable[[], object], code: str, field: str) -> CalculatorError:
    with pytest.raises(CalculatorError) as caught:
        call()
    assert (caught.value.code, caught.value.field) == (code, field)
    return caught.value


# --- first contact resolution ------------------------------------------------------------------


def test_first_contact_resolution() -> None:
    assert first_contact_resolution(7, 10) == 70
    assert first_contact_resolution(0, 10) == 0
    assert first_contact_resolution(10, 10) == 100
    assert first_contact_resolution(7000, 9800) == CONTEXT.divide(700000, 9800)


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((11, 10), "exceeds", "resolved_first"),
        ((1, 0), "zero_divisor", "contacts"),
        (("1.5", 10), "not_whole", "resolved_first"),
        ((1, "10.5"), "not_whole", "contacts"),
        ((-1, 10), "negative", "resolved_first"),
    ],
)
def test_first_contact_resolution_errors(args: tuple[object, ...], code: str, field: str) -> None:
    error = raises(lambda: first_contact_resolution(*args), code, field)  # type: ignore[arg-type]
    if code == "exceeds":
        assert error.details == {"other": "contacts"}


def test_sqm_bands() -> None:
    assert SQM_GOOD == 70
    assert SQM_WORLD_CLASS == 80
    assert fcr_band(0) == "below"
    assert fcr_band("69.999999") == "below"
    assert fcr_band(SQM_GOOD) == "good"
    assert fcr_band("79.999999") == "good"
    assert fcr_band(SQM_WORLD_CLASS) == "world_class"
    assert fcr_band(100) == "world_class"
    assert fcr_band(first_contact_resolution(7000, 9800)) == "good"


# --- abandonment -------------------------------------------------------------------------------


def test_abandonment_rate() -> None:
    assert abandonment_rate(50, 1000) == 5
    assert abandonment_rate(0, 1000) == 0
    assert abandonment_rate(1000, 1000) == 100
    # Short abandons are left out of both counts: (60 - 10) / (1010 - 10).
    assert abandonment_rate(60, 1010, short=10) == 5
    assert abandonment_rate(10, 1010, short=10) == 0
    assert abandonment_rate(999, 1000, short=999) == 0


@pytest.mark.parametrize(
    ("args", "code", "field", "other"),
    [
        ((1001, 1000, 0), "exceeds", "abandoned", "offered"),
        ((50, 1000, 1000), "short_not_below", "short", "offered"),
        ((50, 1000, 1001), "short_not_below", "short", "offered"),
        ((50, 1000, 51), "exceeds", "short", "abandoned"),
        ((50, 0, 0), "zero_divisor", "offered", None),
        (("0.5", 10, 0), "not_whole", "abandoned", None),
        ((5, 10, "0.5"), "not_whole", "short", None),
        ((5, 10, -1), "negative", "short", None),
    ],
)
def test_abandonment_rate_errors(
    args: tuple[object, ...], code: str, field: str, other: str | None
) -> None:
    error = raises(lambda: abandonment_rate(*args), code, field)  # type: ignore[arg-type]
    assert error.details == ({"other": other} if other else {})


# --- cost per resolution -----------------------------------------------------------------------


def test_cost_per_resolution() -> None:
    assert cost_per_resolution(70000, 7000) == 10
    assert cost_per_resolution("0.5", 1) == D("0.5")
    raises(lambda: cost_per_resolution(100, 0), "zero_divisor", "resolved")
    raises(lambda: cost_per_resolution(-1, 10), "negative", "costs")
    raises(lambda: cost_per_resolution(100, "2.5"), "not_whole", "resolved")


def test_contacts_per_resolution() -> None:
    assert contacts_per_resolution(9800, 7000) == D("1.4")
    assert contacts_per_resolution(7000, 7000) == 1
    error = raises(lambda: contacts_per_resolution(9800, 9801), "exceeds", "resolved")
    assert error.details == {"other": "contacts"}
    raises(lambda: contacts_per_resolution(9800, 0), "zero_divisor", "resolved")
    raises(lambda: contacts_per_resolution("1.5", 1), "not_whole", "contacts")


def test_cost_per_resolution_is_cost_per_contact_times_contacts_per_case() -> None:
    per_contact = CONTEXT.divide(76600, 9800)
    product = CONTEXT.multiply(per_contact, contacts_per_resolution(9800, 7000))
    assert round_money(product) == round_money(cost_per_resolution(76600, 7000))


# --- raising FCR -------------------------------------------------------------------------------


def test_raise_fcr_worked_example() -> None:
    # 9,800 first contacts, 7,000 resolved (71.4 %), target 80 %, 76,600 a month, 70 % variable.
    result = raise_fcr(9800, 7000, 80, 76600, Period.MONTH, DEFAULT_VARIABLE_SHARE)
    assert result.fcr_now == first_contact_resolution(7000, 9800)
    assert result.fcr_target == 80
    assert result.handled_now == 9800 + 2800
    assert result.contacts_avoided == 840  # 9,800 x 80 % - 7,000
    assert result.handled_after == 12600 - 840
    assert result.variable_costs == 53620
    assert round_money(result.variable_cost_per_contact) == D("4.26")  # 53,620 / 12,600 = 4.2556
    # variable costs x contacts avoided / contacts handled, not 840 x the rounded 4.26 = 3,578.40
    assert round_money(result.saving_per_period) == D("3574.67")
    assert round_money(result.saving_per_year) == D("42896.00")
    assert result.assumptions == {
        "fcr_target": Assumption("fcr_target", D(80), "percent"),
        "variable_share": Assumption("variable_share", D(70), "percent"),
        "repeats_per_unresolved": Assumption("repeats_per_unresolved", D(1), "count"),
    }


def test_raise_fcr_of_the_articles_centre_is_the_formula_of_the_prose() -> None:
    # 10,000 first contacts, 7,200 resolved, target 80 %, 76,600 a month, 70 % variable (issue 18):
    # 53,620 x 800 / 12,800 = 3,351.25, not 800 x the rounded 4.19 = 3,352.
    result = raise_fcr(10000, 7200, 80, 76600, Period.MONTH, DEFAULT_VARIABLE_SHARE)
    assert (result.handled_now, result.contacts_avoided) == (12800, 800)
    assert round_money(result.variable_cost_per_contact) == D("4.19")
    assert result.saving_per_period == D("3351.25")
    assert result.saving_per_year == D("40215")


def test_raise_fcr_prices_the_unrounded_contacts() -> None:
    # 3 contacts, 1 resolved, target 50 %: 3 x (50 - 33.33) / 100 = 0.5 contacts avoided.
    result = raise_fcr(3, 1, 50, 500, Period.YEAR, 100)
    assert result.contacts_avoided == D("0.5")
    assert result.variable_cost_per_contact == 100  # 500 / (3 + 2)
    assert result.saving_per_period == result.saving_per_year == 50


def test_raise_fcr_to_a_hundred_percent() -> None:
    result = raise_fcr(10, 5, 100, 150, Period.QUARTER, 100)
    assert result.contacts_avoided == 5
    assert result.handled_after == 10
    assert result.saving_per_year == 4 * 5 * 10


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((10, 7, 70, 100, 70), "target_not_higher", "fcr_target"),
        ((10, 7, 60, 100, 70), "target_not_higher", "fcr_target"),
        ((10, 10, 100, 100, 70), "target_not_higher", "fcr_target"),
        ((10, 7, "100.000001", 100, 70), "over_hundred", "fcr_target"),
        ((10, 7, -1, 100, 70), "negative", "fcr_target"),
        ((10, 11, 80, 100, 70), "exceeds", "resolved_first"),
        ((0, 0, 80, 100, 70), "zero_divisor", "contacts"),
        ((10, 7, 80, -1, 70), "negative", "costs"),
        ((10, 7, 80, 100, 0), "percent_range", "variable_share"),
        ((10, 7, 80, 100, 101), "percent_range", "variable_share"),
    ],
)
def test_raise_fcr_errors(args: tuple[object, ...], code: str, field: str) -> None:
    raises(lambda: raise_fcr(*args[:4], Period.MONTH, args[4]), code, field)  # type: ignore[arg-type, call-arg]


# --- properties --------------------------------------------------------------------------------

counts = st.integers(1, 10**12)


@settings(max_examples=examples(200))
@given(counts, st.data())
def test_fcr_is_a_percent(contacts: int, data: st.DataObject) -> None:
    resolved = data.draw(st.integers(0, contacts))
    assert 0 <= first_contact_resolution(resolved, contacts) <= 100


@settings(max_examples=examples(200))
@given(counts, st.data())
def test_abandonment_is_a_percent(offered: int, data: st.DataObject) -> None:
    abandoned = data.draw(st.integers(0, offered))
    short = data.draw(st.integers(0, min(abandoned, offered - 1)))
    assert 0 <= abandonment_rate(abandoned, offered, short) <= 100


@settings(max_examples=examples(200))
@given(
    st.integers(1, 10**9),
    st.data(),
    st.integers(0, 10**12).map(lambda n: Decimal(n).scaleb(-2)),
    st.integers(1, 100),
    st.sampled_from(list(Period)),
)
def test_raise_fcr_rows_multiply(
    contacts: int, data: st.DataObject, costs: Decimal, share: int, period: Period
) -> None:
    resolved = data.draw(st.integers(0, contacts - 1))
    fcr = CONTEXT.divide(resolved * 100, contacts)
    target = data.draw(st.integers(int(fcr) + 1, 100))
    result = raise_fcr(contacts, resolved, target, costs, period, share)
    assert 0 <= result.contacts_avoided <= contacts - resolved
    product = CONTEXT.multiply(result.contacts_avoided, result.variable_cost_per_contact)
    assert abs(result.saving_per_period - product) <= max(product, D(1)).scaleb(-24)
    assert result.saving_per_year == CONTEXT.multiply(result.saving_per_period, period.per_year)
    assert result.handled_after == CONTEXT.subtract(result.handled_now, result.contacts_avoided)
