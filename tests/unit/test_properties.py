"""Properties that hold for any input, checked with Hypothesis.

The Babel round trip needs Babel, which the site build has and Pyodide does not: there (and only
there) it is skipped.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import (
    CONTACT_CHANNELS,
    COST_COMPONENTS,
    MAX_VALUE,
    CalculatorError,
    canonical,
    cost_per_contact,
    parse_amount,
    round_money,
    total_contacts,
    total_costs,
)
from calculators.kpis import SPECS
from calculators.numbers import MAX_DECIMALS, parse_canonical
from calculators.specs import CURRENCIES
from calculators.web import handle
from tests.unit.budget import examples

LOCALES = {
    "nb": (",", "\u00a0"),
    "ru": (",", "\u00a0"),
    "it": (",", "."),
    "nl": (",", "."),
    "vi": (",", "."),
}
Problems = Callable[[dict[str, Any]], list[tuple[str, Any]]]


def amounts(
    places: int = MAX_DECIMALS, max_value: Decimal = MAX_VALUE
) -> st.SearchStrategy[Decimal]:
    """Non-negative amounts with up to ``places`` decimals, as a reader could type them."""
    return st.integers(0, int(max_value * 10**places)).map(lambda n: Decimal(n).scaleb(-places))


any_amount = st.integers(0, MAX_DECIMALS).flatmap(amounts)
counts = st.integers(1, 10**15)


# --- formulas ---------------------------------------------------------------------------------


@settings(max_examples=examples(300))
@given(costs=amounts(places=2), contacts=counts)
def test_cost_per_contact_times_contacts_gives_the_costs(costs: Decimal, contacts: int) -> None:
    result = cost_per_contact(costs, contacts)
    assert round_money(result * contacts) == round_money(costs)


@settings(max_examples=examples(300))
@given(costs=any_amount, contacts=counts)
def test_cost_per_contact_is_exact_to_34_digits(costs: Decimal, contacts: int) -> None:
    result = cost_per_contact(costs, contacts)
    assert result >= 0
    assert abs(result * contacts - costs) <= max(costs, Decimal(1)) * Decimal("1E-32")


# --- breakdowns -------------------------------------------------------------------------------


def breakdowns(names: tuple[str, ...], values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.dictionaries(st.sampled_from(names), values, min_size=1)


@settings(max_examples=examples(300))
@given(parts=breakdowns(COST_COMPONENTS, amounts(max_value=MAX_VALUE / len(COST_COMPONENTS))))
def test_cost_parts_sum_to_the_total_and_shares_to_100(parts: dict[str, Decimal]) -> None:
    total = total_costs(costs=1, breakdown=parts)
    assert total.source == "breakdown"
    assert sum((value for _, value in total.parts), Decimal(0)) == total.value
    assert dict(total.parts) == parts
    shares = total.shares()
    assert set(shares) == set(parts)
    assert all(0 <= share <= 100 for share in shares.values())
    if total.value == 0:
        assert sum(shares.values()) == 0
    else:
        assert abs(sum(shares.values(), Decimal(0)) - 100) <= Decimal("0.0001")


@settings(max_examples=examples(200))
@given(parts=breakdowns(CONTACT_CHANNELS, st.integers(0, 10**14)))
def test_contact_channels_sum_to_the_total_and_shares_to_100(parts: dict[str, int]) -> None:
    total = total_contacts(by_channel=parts)
    assert total.value == sum(parts.values())
    shares = total.shares()
    if total.value:
        assert abs(sum(shares.values(), Decimal(0)) - 100) <= Decimal("0.0001")
    else:
        assert set(shares.values()) == {Decimal(0)}


# --- parsing ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def babel_numbers() -> Any:
    """Babel's number formatting; only Pyodide, which does not ship Babel, may skip."""
    if sys.platform == "emscripten":
        pytest.importorskip("babel")
    import babel.numbers  # a dev dependency: in CPython a missing Babel fails, never skips

    return babel.numbers


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_babel_symbols_are_the_ones_the_site_uses(locale: str, babel_numbers: Any) -> None:
    symbols = (babel_numbers.get_decimal_symbol(locale), babel_numbers.get_group_symbol(locale))
    assert symbols == LOCALES[locale]


@pytest.mark.parametrize("locale", sorted(LOCALES))
@settings(max_examples=examples(200))
@given(value=any_amount)
def test_babel_formatted_amounts_read_back(locale: str, value: Decimal, babel_numbers: Any) -> None:
    text = babel_numbers.format_decimal(value, locale=locale, decimal_quantization=False)
    decimal_sep = babel_numbers.get_decimal_symbol(locale)
    group_sep = babel_numbers.get_group_symbol(locale)
    assert parse_amount(text, decimal_sep, group_sep) == value, text


@settings(max_examples=examples(300))
@given(value=any_amount)
def test_canonical_text_reads_back(value: Decimal) -> None:
    text = canonical(value)
    assert parse_canonical(text) == value
    assert "E" not in text
    assert "-" not in text


def check_parse(text: str, decimal_sep: str, group_sep: str) -> None:
    """parse_amount returns a checked amount or raises CalculatorError, never anything else."""
    try:
        value = parse_amount(text, decimal_sep, group_sep, "costs")
    except CalculatorError as error:
        assert error.field == "costs"
        return
    assert value.is_finite()
    assert 0 <= value <= MAX_VALUE
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    assert -exponent <= MAX_DECIMALS


locale_seps = st.sampled_from(sorted(LOCALES.values()))


@settings(max_examples=examples(300))
@given(text=st.text(), seps=locale_seps)
def test_parse_amount_on_any_text_raises_only_calculator_errors(
    text: str, seps: tuple[str, str]
) -> None:
    check_parse(text, *seps)


NUMBER_ALPHABET = "0123456789 .,+-\u00a0\u202f\u2212\u200f\u200e€$₽₫krUSDđ٠١٢٣٤٥٦٧٨٩０１２"


@settings(max_examples=examples(300))
@given(text=st.text(alphabet=NUMBER_ALPHABET, max_size=45), seps=locale_seps)
def test_parse_amount_on_number_like_text_raises_only_calculator_errors(
    text: str, seps: tuple[str, str]
) -> None:
    check_parse(text, *seps)


@settings(max_examples=examples(300))
@given(
    whole=st.lists(st.integers(0, 999), min_size=1, max_size=5),
    fraction=st.text(alphabet="0123456789", max_size=6),
    seps=locale_seps,
    spacer=st.sampled_from([" ", "\u00a0", "\u202f"]),
)
def test_grouped_numbers_read_as_written(
    whole: list[int], fraction: str, seps: tuple[str, str], spacer: str
) -> None:
    decimal_sep, group_sep = seps
    first, *rest = whole
    if rest:
        first = max(first, 1)  # a grouped number does not start with a 0 group
    groups = [str(first), *(f"{group:03d}" for group in rest)]
    digits = "".join(groups)
    expected = Decimal(f"{digits}.{fraction}" if fraction else digits)
    separator = group_sep if group_sep == "." else spacer
    text = separator.join(groups) + (decimal_sep + fraction if fraction else "")
    assert parse_amount(text, decimal_sep, group_sep) == expected, text


@settings(max_examples=examples(200))
@given(text=st.text(), ascii_text=st.text(alphabet="0123456789.+- e"))
def test_parse_canonical_raises_only_calculator_errors(text: str, ascii_text: str) -> None:
    for candidate in (text, ascii_text):
        try:
            value = parse_canonical(candidate)
        except CalculatorError:
            continue
        assert 0 <= value <= MAX_VALUE


# --- the web bridge ---------------------------------------------------------------------------

field_text = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=NUMBER_ALPHABET, max_size=20),
    any_amount.map(canonical),
    st.sampled_from(["0", "1", "100", "0,5", "1.234", "76 600", "1e9", "NaN", "-1", ""]),
    st.integers(0, 3000).map(str),
)


def requests(calculator: str) -> st.SearchStrategy[dict[str, Any]]:
    spec = SPECS[calculator]
    names = [field.name for field in spec.fields] + ["unknown"]
    choice_values = st.sampled_from([*(v for f in spec.choices.values() for v in f), "bogus"])
    return st.fixed_dictionaries(
        {
            "calculator": st.just(calculator),
            "values": st.dictionaries(
                st.sampled_from(names), st.one_of(field_text, choice_values), max_size=14
            ),
            "source": st.sampled_from(["typed", "link"]),
            "decimal": st.just(","),
            "group": st.sampled_from([" ", "\u00a0", "\u202f", "."]),
            "digits": st.integers(0, 4),
        }
    )


#: Keys of a reply whose values are words, besides those the conftest's number check sets aside.
WORDS = frozenset({"band", "notes", "calculator", "other"})


def words_aside(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: words_aside(value) for key, value in node.items() if key not in WORDS}
    if isinstance(node, list):
        return [words_aside(value) for value in node]
    return node


def no_constants(name: str) -> None:
    raise AssertionError(f"the reply contains {name}")


@pytest.mark.parametrize("calculator", sorted(SPECS))
@settings(max_examples=examples(100))
@given(data=st.data())
def test_handle_never_raises_and_emits_plain_numbers(
    calculator: str, data: st.DataObject, number_problems: Problems
) -> None:
    request = data.draw(requests(calculator))
    text = handle(json.dumps(request))
    reply = json.loads(text, parse_constant=no_constants)
    assert set(reply) == {"errors", "result", "link"}
    # no result while a field the main result reads has a mistake (one in a what-if field only
    # leaves the what-if out)
    assert (reply["result"] is None) == bool(set(reply["errors"]) - SPECS[calculator].what_if)
    spec = SPECS[calculator]
    assert set(reply["errors"]) <= {field.name for field in spec.numbers + spec.series}
    assert set(reply["link"]) <= {field.name for field in spec.fields}
    for field in spec.series:  # a list's link form: plain numbers joined by _, runs as <n>x<count>
        if field.name in reply["link"]:
            assert CANONICAL_SERIES.fullmatch(reply["link"].pop(field.name))
    assert number_problems(words_aside(reply)) == []


#: A list's canonical link form (calculators.numbers.canonical_series).
CANONICAL_SERIES = re.compile(r"[0-9]+(\.[0-9]+)?(x[0-9]+)?(_[0-9]+(\.[0-9]+)?(x[0-9]+)?)*")


@pytest.mark.parametrize("calculator", sorted(SPECS))
@settings(max_examples=examples(100))
@given(data=st.data())
def test_a_link_gives_the_reply_it_was_made_from(calculator: str, data: st.DataObject) -> None:
    request = data.draw(requests(calculator)) | {"source": "typed"}
    reply = json.loads(handle(json.dumps(request)))
    linked = json.loads(handle(json.dumps(request | {"values": reply["link"], "source": "link"})))
    assert linked["link"] == reply["link"]
    if not reply["errors"]:
        assert linked == reply


@settings(max_examples=examples(200))
@given(
    values=st.fixed_dictionaries(
        {"costs": any_amount.map(canonical), "contacts": counts.map(str)},
        optional={
            "share": st.integers(0, 100).map(str),
            "unit_cost": amounts(places=2, max_value=Decimal(10)).map(canonical),
            "rate": amounts(places=4, max_value=Decimal(100000)).map(canonical),
        },
    ),
    currency=st.sampled_from(CURRENCIES),
)
def test_valid_links_give_a_result_or_a_scenario_error(
    values: dict[str, str], currency: str, number_problems: Problems
) -> None:
    request = {"calculator": "cost-per-contact", "source": "link"}
    reply = json.loads(handle(json.dumps(request | {"values": values | {"currency": currency}})))
    assert set(reply["errors"]) <= {"unit_cost", "rate"}
    if not reply["errors"]:
        assert reply["result"]["values"]["cost-per-contact"] == canonical(
            round_money(cost_per_contact(values["costs"], values["contacts"]))
        )
    assert number_problems(words_aside(reply)) == []
