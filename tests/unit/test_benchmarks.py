"""Where a result stands against the industry benchmarks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import BENCHMARKS, COST_PER_CALL, COST_PER_CONTACT, CalculatorError, compare
from calculators.benchmarks import NEAR_PERCENT, Benchmark, Comparison

D = Decimal


def test_benchmark_data() -> None:
    assert BENCHMARKS == {"cost-per-contact": COST_PER_CONTACT, "cost-per-call": COST_PER_CALL}
    assert (COST_PER_CONTACT.low, COST_PER_CONTACT.high) == (D("7.16"), D("7.16"))
    assert not COST_PER_CONTACT.is_range
    assert (COST_PER_CALL.low, COST_PER_CALL.high) == (D("2.70"), D("5.60"))
    assert COST_PER_CALL.is_range
    assert {b.currency for b in BENCHMARKS.values()} == {"USD"}
    assert all(b.source for b in BENCHMARKS.values())


# --- an average: below, near, above ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "position"),
    [
        ("0", "below"),
        ("6.80", "below"),  # -5.03 %
        ("6.802", "near"),  # exactly -5 %
        ("6.81", "near"),
        ("7.16", "near"),
        ("7.518", "near"),  # exactly +5 %
        ("7.52", "above"),  # +5.03 %
        ("7.82", "above"),
        ("1000000000000000", "above"),
    ],
)
def test_average_positions(value: str, position: str) -> None:
    comparison = compare(D(value), COST_PER_CONTACT)
    assert comparison is not None
    assert comparison.position == position
    assert comparison.reference == D("7.16")
    assert comparison.difference == D(value) - D("7.16")


def test_near_is_five_percent() -> None:
    assert NEAR_PERCENT == 5


def test_above_average_figures() -> None:
    comparison = compare(D("7.82"), COST_PER_CONTACT)
    assert comparison == Comparison(
        "above", D("7.16"), D("0.66"), D("9.217877094972067039106145251396648")
    )


def test_below_average_percent_is_negative() -> None:
    comparison = compare(D("3.58"), COST_PER_CONTACT)
    assert comparison is not None
    assert (comparison.position, comparison.percent) == ("below", D(-50))


# --- a range: below, within, above -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "position", "reference"),
    [
        ("0", "below", "2.70"),
        ("2.69", "below", "2.70"),
        ("2.70", "within", "2.70"),
        ("3.50", "within", "3.50"),
        ("5.60", "within", "5.60"),
        ("5.61", "above", "5.60"),
        ("24", "above", "5.60"),
    ],
)
def test_range_positions(value: str, position: str, reference: str) -> None:
    comparison = compare(D(value), COST_PER_CALL)
    assert comparison is not None
    assert comparison.position == position
    assert comparison.reference == D(reference)
    if position == "within":
        assert (comparison.difference, comparison.percent) == (0, 0)
    else:
        assert comparison.difference == D(value) - D(reference)
        expected = comparison.difference * 100 / D(reference)
        assert abs(comparison.percent - expected) < D("1E-25")


def test_a_range_is_never_near() -> None:
    # 1 % above the range's top is "above", not "near": "near" is for averages only.
    comparison = compare(D("5.656"), COST_PER_CALL)
    assert comparison is not None
    assert comparison.position == "above"


def test_just_below_a_range_is_below_not_near() -> None:
    comparison = compare(D("2.69"), COST_PER_CALL)
    assert comparison is not None
    assert comparison.position == "below"


# --- currencies and exchange rates -------------------------------------------------------------


@pytest.mark.parametrize("benchmark", [COST_PER_CONTACT, COST_PER_CALL])
@pytest.mark.parametrize("currency", ["NOK", "EUR", "RUB", "VND", "usd"])
def test_another_currency_without_a_rate_has_no_comparison(
    benchmark: Benchmark, currency: str
) -> None:
    assert compare(D("40"), benchmark, currency) is None
    assert compare(D("40"), benchmark, currency, usd_rate=None) is None


def test_the_rate_converts_the_benchmark() -> None:
    comparison = compare(D("78.20"), COST_PER_CONTACT, "NOK", usd_rate=10)
    assert comparison is not None
    assert (comparison.position, comparison.reference, comparison.difference) == (
        "above",
        D("71.60"),
        D("6.60"),
    )
    within = compare(D("35"), COST_PER_CALL, "NOK", usd_rate="10.0")
    assert within is not None
    assert within.position == "within"
    # 2.70-5.60 USD is 2.322-4.816 EUR: 2.70 EUR is within, 5.00 EUR above.
    assert compare(D("2.70"), COST_PER_CALL, "EUR", usd_rate=D("0.86")).position == "within"  # type: ignore[union-attr]
    above = compare(D("5.00"), COST_PER_CALL, "EUR", usd_rate=D("0.86"))
    assert above is not None
    assert (above.position, above.reference) == ("above", D("4.816"))


def test_the_same_currency_ignores_the_rate() -> None:
    assert compare(D("7.82"), COST_PER_CONTACT, "USD", usd_rate=10) == compare(
        D("7.82"), COST_PER_CONTACT
    )
    # even a rate that would be refused elsewhere
    assert compare(D("3.5"), COST_PER_CALL, "USD", usd_rate=0) is not None


@pytest.mark.parametrize("rate", [0, "0", D("0.000"), "0.0"])
def test_a_zero_rate_is_refused(rate: object) -> None:
    with pytest.raises(CalculatorError) as caught:
        compare(D("40"), COST_PER_CONTACT, "NOK", usd_rate=rate)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == ("zero_divisor", "usd_rate")


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"value": -1}, "negative", "value"),
        ({"value": "abc"}, "not_a_number", "value"),
        ({"value": 1, "currency": "NOK", "usd_rate": -1}, "negative", "usd_rate"),
        ({"value": 1, "currency": "NOK", "usd_rate": 10**16}, "too_large", "usd_rate"),
    ],
)
def test_compare_errors(kwargs: dict[str, object], code: str, field: str) -> None:
    value = kwargs.pop("value")
    with pytest.raises(CalculatorError) as caught:
        compare(value, COST_PER_CONTACT, **kwargs)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == (code, field)


def test_compare_accepts_canonical_strings_and_ints() -> None:
    assert compare("7.82", COST_PER_CONTACT) == compare(D("7.82"), COST_PER_CONTACT)
    assert compare(3, COST_PER_CALL) == compare(D(3), COST_PER_CALL)
