"""Reporting periods and annualisation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import Period, annualise


@pytest.mark.parametrize(
    ("period", "per_year"),
    [(Period.WEEK, 52), (Period.MONTH, 12), (Period.QUARTER, 4), (Period.YEAR, 1)],
)
def test_periods_per_year(period: Period, per_year: int) -> None:
    assert period.per_year == per_year
    assert annualise(Decimal("76600"), period) == Decimal(76600 * per_year)


def test_annualise_keeps_decimals() -> None:
    assert annualise(Decimal("7.16"), Period.MONTH) == Decimal("85.92")
    assert annualise(Decimal("0.000001"), Period.WEEK) == Decimal("0.000052")


def test_annualise_the_largest_amount() -> None:
    assert annualise(Decimal(10) ** 15, Period.WEEK) == Decimal("52E+15")


@pytest.mark.parametrize("name", ["week", "month", "quarter", "year"])
def test_from_param_reads_each_name(name: str) -> None:
    assert Period.from_param(name).value == name


@pytest.mark.parametrize("value", [None, "", "fortnight", "MONTH", "Week", " year", "12"])
def test_from_param_falls_back_to_a_month(value: str | None) -> None:
    assert Period.from_param(value) is Period.MONTH


def test_from_param_uses_the_given_default() -> None:
    assert Period.from_param("decade", Period.YEAR) is Period.YEAR
    assert Period.from_param("week", Period.YEAR) is Period.WEEK


def test_periods_are_strings() -> None:
    assert Period.QUARTER == "quarter"
    assert [period.value for period in Period] == ["week", "month", "quarter", "year"]
