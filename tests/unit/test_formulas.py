"""The glossary's three formulas and the counts they divide by."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from calculators import (
    MAX_VALUE,
    CalculatorError,
    cost_per_call_inbound,
    cost_per_call_outbound,
    cost_per_contact,
    round_money,
)
from calculators.formulas import Number, count, divisor

Formula = Callable[[Number, Number], Decimal]

FORMULAS: dict[str, Formula] = {
    "contacts": cost_per_contact,
    "calls": cost_per_call_inbound,
    "sales": cost_per_call_outbound,
}


def test_cost_per_contact_worked_example() -> None:
    result = cost_per_contact(76600, 9800)
    assert round_money(result) == Decimal("7.82")
    assert result == Decimal("7.816326530612244897959183673469388")


def test_cost_per_call_inbound_worked_example() -> None:
    assert cost_per_call_inbound(41300, 11800) == Decimal("3.5")


def test_cost_per_call_outbound_worked_example() -> None:
    assert cost_per_call_outbound(27600, 1150) == Decimal("24")


@pytest.mark.parametrize("formula", FORMULAS.values(), ids=list(FORMULAS))
@pytest.mark.parametrize(
    ("costs", "volume", "expected"),
    [
        ("7160", "1000", Decimal("7.16")),
        (Decimal("100"), 3, Decimal("33.33333333333333333333333333333333")),
        (0, 5, Decimal("0")),
        (Decimal("0.000001"), 10**15, Decimal("1E-21")),
        (10**15, 1, MAX_VALUE),
        ("2", "3", Decimal("0.6666666666666666666666666666666667")),
    ],
)
def test_division_is_exact_to_34_digits(
    formula: Formula, costs: Number, volume: Number, expected: Decimal
) -> None:
    result = formula(costs, volume)
    assert isinstance(result, Decimal)
    assert result == expected


def test_results_are_unrounded() -> None:
    assert cost_per_contact(76600, 9800) != round_money(cost_per_contact(76600, 9800))


@pytest.mark.parametrize(("volume_field", "formula"), FORMULAS.items())
@pytest.mark.parametrize(
    ("costs", "volume", "code", "field"),
    [
        (-1, 10, "negative", "costs"),
        ("-0.01", 10, "negative", "costs"),
        (10**15 + 1, 10, "too_large", "costs"),
        ("1e3", 10, "not_a_number", "costs"),
        ("", 10, "empty", "costs"),
        (100, 0, "zero_divisor", None),
        (100, "0", "zero_divisor", None),
        (100, "10.5", "not_whole", None),
        (100, Decimal("0.5"), "not_whole", None),
        (100, -3, "negative", None),
        (100, 10**15 + 1, "too_large", None),
        (100, "", "empty", None),
    ],
)
def test_formula_errors_name_the_field(
    volume_field: str,
    formula: Formula,
    costs: Number,
    volume: Number,
    code: str,
    field: str | None,
) -> None:
    with pytest.raises(CalculatorError) as caught:
        formula(costs, volume)
    assert caught.value.code == code
    assert caught.value.field == (field or volume_field)


def test_count_accepts_whole_numbers_written_with_decimals() -> None:
    assert count("9800", "contacts") == Decimal(9800)
    assert count("10.0", "contacts") == Decimal(10)
    assert count(0, "contacts") == Decimal(0)


def test_divisor_refuses_zero_but_count_does_not() -> None:
    assert count(0, "calls") == 0
    with pytest.raises(CalculatorError) as caught:
        divisor(0, "calls")
    assert (caught.value.code, caught.value.field) == ("zero_divisor", "calls")
    assert divisor(1, "calls") == 1


@pytest.mark.parametrize("bad", [7.5, True, None])
def test_formulas_refuse_floats_and_other_types(bad: object) -> None:
    with pytest.raises(TypeError):
        cost_per_contact(bad, 10)  # type: ignore[arg-type]
