"""Every error code is reachable through the public API and names the right field."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

import calculators as calc
from calculators import ERROR_CODES, CalculatorError, Period

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
        "rate",
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
        lambda: calc.self_service_shift(76600, 9800, 101, "0.50", Period.MONTH),
    ),
    (
        "percent_range",
        "repeat_now",
        lambda: calc.fewer_repeat_calls(41300, 11800, 100, 15, Period.MONTH),
    ),
    (
        "target_not_lower",
        "repeat_target",
        lambda: calc.fewer_repeat_calls(41300, 11800, 15, 25, Period.MONTH),
    ),
    (
        "not_cheaper",
        "unit_cost",
        lambda: calc.self_service_shift(76600, 9800, 20, 8, Period.MONTH),
    ),
]


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
    assert {code for code, _, _ in REACHED} == ERROR_CODES


def test_there_are_thirteen_codes() -> None:
    assert len(ERROR_CODES) == 13


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown error code") as caught:
        CalculatorError("oops", "costs")
    assert not isinstance(caught.value, CalculatorError)


def test_calculator_errors_are_value_errors() -> None:
    error = CalculatorError("too_many_decimals", "costs", places=6)
    assert isinstance(error, ValueError)
    assert (error.code, error.field, error.details) == ("too_many_decimals", "costs", {"places": 6})
    assert str(CalculatorError("empty")) == "value: empty"
