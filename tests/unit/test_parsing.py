"""Reading numbers: what a reader of each of the five locales types or pastes, links, API arguments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import MAX_CHARS, MAX_VALUE, CalculatorError, canonical, parse_amount
from calculators.numbers import MAX_DECIMALS, parse_canonical, parse_input, round_money, to_decimal

#: The site's locales and their CLDR separators (decimal, group).
LOCALES = {
    "nb": (",", "\u00a0"),
    "ru": (",", "\u00a0"),
    "it": (",", "."),
    "nl": (",", "."),
    "vi": (",", "."),
}
#: Ordinary space, no-break space (CLDR's group for nb and ru), narrow no-break space (what some
#: browsers' Intl and word processors produce).
SPACES = {"space": " ", "nbsp": "\u00a0", "nnbsp": "\u202f"}
SPACE_GROUPED = ("nb", "ru")
DOT_GROUPED = ("it", "nl", "vi")


def read(text: str, locale: str, field: str | None = "costs") -> Decimal | str:
    """The parsed value, or the error code (checking the error names ``field``)."""
    decimal_sep, group_sep = LOCALES[locale]
    try:
        return parse_amount(text, decimal_sep, group_sep, field)
    except CalculatorError as error:
        assert error.field == field
        return error.code


def everywhere(expected: Decimal | str) -> dict[str, Decimal | str]:
    return dict.fromkeys(LOCALES, expected)


def split(space_grouped: Decimal | str, dot_grouped: Decimal | str) -> dict[str, Decimal | str]:
    return dict.fromkeys(SPACE_GROUPED, space_grouped) | dict.fromkeys(DOT_GROUPED, dot_grouped)


D = Decimal
TEN_KB = "7" * 10_240

CASES: list[tuple[str, dict[str, Decimal | str]]] = [
    # grouping by any kind of space, with and without decimals
    *[(f"71{space}600", everywhere(D("71600"))) for space in SPACES.values()],
    *[(f"71{space}600,50", everywhere(D("71600.50"))) for space in SPACES.values()],
    *[(f"1{space}234{space}567,89", everywhere(D("1234567.89"))) for space in SPACES.values()],
    # grouping by dots where the decimal separator is a comma
    ("71.600,50", everywhere(D("71600.50"))),
    ("1.234.567,89", everywhere(D("1234567.89"))),
    ("1.000.000", everywhere(D("1000000"))),
    # decimals
    ("7,16", everywhere(D("7.16"))),
    (",5", everywhere(D("0.5"))),
    ("0,000001", everywhere(D("0.000001"))),
    ("1,234", everywhere(D("1.234"))),
    # the canonical form of links
    ("71600.5", everywhere(D("71600.5"))),
    ("71600", everywhere(D("71600"))),
    ("0.50", everywhere(D("0.50"))),
    ("71 600.50", everywhere(D("71600.50"))),
    # one dot and three digits: a group in it/nl/vi, a guess in nb/ru
    ("1.234", split("ambiguous", D("1234"))),
    ("71.600", split("ambiguous", D("71600"))),
    # malformed grouping and separators
    ("1,2,3", everywhere("malformed")),
    ("12,", everywhere("malformed")),
    ("1 2", everywhere("malformed")),
    ("12.34.567", everywhere("malformed")),
    ("1234 567", everywhere("malformed")),
    ("1 234.567,5", everywhere("malformed")),
    # a number written for an English locale
    ("1,234,567.89", everywhere("wrong_locale")),
    ("1,234.56", everywhere("wrong_locale")),
    # pasted with a currency sign or code, before or after
    ("kr 71 600", everywhere(D("71600"))),
    ("kr\u00a071\u00a0600", everywhere(D("71600"))),
    ("71 600,00 kr", everywhere(D("71600.00"))),
    ("€ 1.234,56", everywhere(D("1234.56"))),
    ("€1.234,56", everywhere(D("1234.56"))),
    ("1.234,56 €", everywhere(D("1234.56"))),
    ("71 600 ₽", everywhere(D("71600"))),
    ("71\u00a0600,50\u00a0₽", everywhere(D("71600.50"))),
    ("71 600 руб.", everywhere(D("71600"))),
    ("71 600 р.", everywhere(D("71600"))),
    ("71.600 ₫", split("ambiguous", D("71600"))),
    ("71.600 đ", split("ambiguous", D("71600"))),
    ("$7.16", everywhere(D("7.16"))),
    ("US$ 7,16", everywhere(D("7.16"))),
    ("NOK 71 600", everywhere(D("71600"))),
    ("71 600 EUR", everywhere(D("71600"))),
    ("7,16 USD", everywhere(D("7.16"))),
    # full-width, Arabic-Indic and other Unicode digits
    ("７１ ６００,５０", everywhere(D("71600.50"))),
    ("７,１６", everywhere(D("7.16"))),
    ("٧١٦٠٠", everywhere(D("71600"))),
    ("٧١\u00a0٦٠٠,٥٠", everywhere(D("71600.50"))),
    ("٧,١٦", everywhere(D("7.16"))),
    ("۷۱۶۰۰", everywhere(D("71600"))),
    ("७१६००", everywhere(D("71600"))),
    # signs
    ("+5", everywhere(D("5"))),
    ("+ 71 600,50", everywhere(D("71600.50"))),
    ("-5", everywhere("negative")),
    ("\u22125", everywhere("negative")),
    ("- 7,16", everywhere("negative")),
    ("-0", everywhere(D("0"))),
    ("++5", everywhere("not_a_number")),
    # not numbers at all
    ("1e9", everywhere("not_a_number")),
    ("1E9", everywhere("not_a_number")),
    ("NaN", everywhere("not_a_number")),
    ("nan", everywhere("not_a_number")),
    ("∞", everywhere("not_a_number")),
    ("Infinity", everywhere("not_a_number")),
    ("inf", everywhere("not_a_number")),
    ("abc", everywhere("not_a_number")),
    ("12abc", everywhere("not_a_number")),
    ("😀", everywhere("not_a_number")),
    ("7,16 😀", everywhere("not_a_number")),
    ("7😀16", everywhere("not_a_number")),
    ("½", everywhere("not_a_number")),
    ("Ⅻ", everywhere("not_a_number")),
    ("0x1F", everywhere("not_a_number")),
    ("1_000", everywhere("not_a_number")),
    ("5$ 5", everywhere("not_a_number")),
    ("kr", everywhere("not_a_number")),
    ("€", everywhere("not_a_number")),
    (",", everywhere("not_a_number")),
    (".", everywhere("not_a_number")),
    ("1/2", everywhere("not_a_number")),
    ("(5)", everywhere("not_a_number")),
    # nothing typed
    ("", everywhere("empty")),
    ("   ", everywhere("empty")),
    ("\u00a0\u202f", everywhere("empty")),
    ("\t\n", everywhere("empty")),
    ("\u200f\u200e", everywhere("empty")),
    # invisible direction marks around or inside a number
    ("\u200f71 600,50\u200f", everywhere(D("71600.50"))),
    ("\u200e7,16", everywhere(D("7.16"))),
    ("\u202b71\u00a0600\u202c", everywhere(D("71600"))),
    ("\u206671 600\u2069", everywhere(D("71600"))),
    ("7\u200b,16", everywhere(D("7.16"))),
    ("\ufeff7,16", everywhere(D("7.16"))),
    # too long, too large, too precise
    (TEN_KB, everywhere("too_large")),
    ("1" * (MAX_CHARS + 1), everywhere("too_large")),
    ("1000000000000000", everywhere(MAX_VALUE)),
    ("1 000 000 000 000 000", everywhere(MAX_VALUE)),
    ("1.000.000.000.000.000", everywhere(MAX_VALUE)),
    ("1000000000000001", everywhere("too_large")),
    ("1 000 000 000 000 001", everywhere("too_large")),
    ("1000000000000000,01", everywhere("too_large")),
    ("99999999999999999999", everywhere("too_large")),
    ("0,0000001", everywhere("too_many_decimals")),
    ("7,1234567", everywhere("too_many_decimals")),
    ("7,123456", everywhere(D("7.123456"))),
]


@pytest.mark.parametrize("locale", sorted(LOCALES))
@pytest.mark.parametrize(("text", "expected"), CASES, ids=[repr(text[:24]) for text, _ in CASES])
def test_parse_amount_table(text: str, expected: dict[str, Decimal | str], locale: str) -> None:
    result = read(text, locale)
    want = expected[locale]
    assert result == want
    if isinstance(want, Decimal):
        assert isinstance(result, Decimal)
        assert result.as_tuple() == want.as_tuple(), "the typed decimals are kept"


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_locale_group_separator_is_accepted(locale: str) -> None:
    decimal_sep, group_sep = LOCALES[locale]
    text = f"1{group_sep}234{group_sep}567{decimal_sep}89"
    assert parse_amount(text, decimal_sep, group_sep) == Decimal("1234567.89")


def test_defaults_are_norwegian_separators() -> None:
    assert parse_amount("71\u00a0600,50") == Decimal("71600.50")
    assert parse_amount("7,16") == Decimal("7.16")


def test_separators_given_as_narrow_no_break_space_are_normalised() -> None:
    # Some browsers' Intl give U+202F as the group separator; the reader may still type a space.
    assert parse_amount("71 600,50", ",", "\u202f") == Decimal("71600.50")
    assert parse_amount("71\u202f600", ",", "\u202f") == Decimal("71600")


def test_empty_group_separator_falls_back_to_spaces() -> None:
    assert parse_amount("71 600,5", ",", "") == Decimal("71600.5")


def test_a_number_of_exactly_max_chars_is_read() -> None:
    text = "0" * (MAX_CHARS - 1) + "1"
    assert len(text) == MAX_CHARS
    assert parse_amount(text) == Decimal(1)


def test_the_field_defaults_to_none() -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_amount("abc")
    assert caught.value.field is None
    assert str(caught.value) == "value: not_a_number"


def test_too_many_decimals_says_how_many_are_allowed() -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_amount("0,1234567", field="unit_cost")
    assert (caught.value.code, caught.value.field) == ("too_many_decimals", "unit_cost")
    assert caught.value.details == {"places": MAX_DECIMALS}


def test_a_leading_zero_group_is_never_read_as_thousands() -> None:
    """No locale writes a thousands group after a lone 0, so "0.125" cannot mean 125.

    Reading it so would silently multiply a unit cost by 1000 (it, nl, vi: "0.500" becomes 500); the
    only acceptable answers are the decimal reading or an error that asks the reader to check.
    """
    misread = {
        (text, locale): result
        for text in ("0.125", "0.500", "0.125,5", "0 125", "0\u00a0500")
        for locale in LOCALES
        if not isinstance(result := read(text, locale), str) and result >= 1
    }
    assert misread == {}


# --- the canonical form of links and APIs -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("71600.5", Decimal("71600.5")),
        ("0.50", Decimal("0.50")),
        ("+12", Decimal("12")),
        ("  7.16  ", Decimal("7.16")),
        ("0", Decimal("0")),
        ("1000000000000000", MAX_VALUE),
        ("0.000001", Decimal("0.000001")),
    ],
)
def test_parse_canonical_reads(text: str, expected: Decimal) -> None:
    assert parse_canonical(text, "costs") == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("-5", "negative"),
        ("-7.16", "negative"),
        ("1e9", "not_a_number"),
        ("NaN", "not_a_number"),
        ("Infinity", "not_a_number"),
        ("7,16", "not_a_number"),
        ("71 600", "not_a_number"),
        ("$7.16", "not_a_number"),
        ("--5", "not_a_number"),
        (".5", "not_a_number"),
        ("1" * (MAX_CHARS + 1), "too_large"),
        ("1000000000000001", "too_large"),
        ("1.1234567", "too_many_decimals"),
    ],
)
def test_parse_canonical_rejects(text: str, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_canonical(text, "costs")
    assert (caught.value.code, caught.value.field) == (code, "costs")


@pytest.mark.parametrize(
    "value",
    [Decimal("71600.5"), Decimal("7.16"), Decimal("1000"), Decimal("0.000001"), MAX_VALUE],
)
def test_canonical_text_reads_back(value: Decimal) -> None:
    assert parse_canonical(canonical(value)) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("71600.50"), "71600.5"),
        (Decimal("1E+3"), "1000"),
        (Decimal("0.00"), "0"),
        (Decimal("-0"), "0"),
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("1E+15"), "1000000000000000"),
        (Decimal("7.160"), "7.16"),
    ],
)
def test_canonical(value: Decimal, text: str) -> None:
    assert canonical(value) == text


# --- API arguments ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7.16", Decimal("7.16")),
        (3, Decimal(3)),
        (Decimal("0.5"), Decimal("0.5")),
        (0, Decimal(0)),
        (10**15, MAX_VALUE),
        (Decimal("1.1234567"), Decimal("1.1234567")),
    ],
)
def test_to_decimal_accepts(value: Decimal | int | str, expected: Decimal) -> None:
    assert to_decimal(value, "costs") == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (-1, "negative"),
        (Decimal("-0.01"), "negative"),
        ("-1", "negative"),
        (10**15 + 1, "too_large"),
        (Decimal("1E+16"), "too_large"),
        (Decimal("NaN"), "not_a_number"),
        (Decimal("sNaN"), "not_a_number"),
        (Decimal("Infinity"), "not_a_number"),
        (Decimal("-Infinity"), "not_a_number"),
        ("1e3", "not_a_number"),
        ("", "empty"),
    ],
)
def test_to_decimal_rejects(value: Decimal | int | str, code: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        to_decimal(value, "costs")
    assert (caught.value.code, caught.value.field) == (code, "costs")


@pytest.mark.parametrize("value", [7.16, True, False, None, [1], b"7"])
def test_to_decimal_refuses_other_types(value: object) -> None:
    with pytest.raises(TypeError):
        to_decimal(value)  # type: ignore[arg-type]


# --- rounding for display -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("7.165"), 2, Decimal("7.17")),
        (Decimal("2.675"), 2, Decimal("2.68")),
        (Decimal("0.005"), 2, Decimal("0.01")),
        (Decimal("0.004999"), 2, Decimal("0.00")),
        (Decimal("7.825"), 2, Decimal("7.83")),
        (Decimal("1387.5"), 0, Decimal("1388")),
        (Decimal("1387.49"), 0, Decimal("1387")),
        (Decimal("9.25"), 1, Decimal("9.3")),
        (Decimal("7.81632653"), 4, Decimal("7.8163")),
        (Decimal("76600"), 2, Decimal("76600.00")),
        (Decimal("52000000000000000"), 4, Decimal("52000000000000000.0000")),
    ],
)
def test_round_money_half_up(value: Decimal, places: int, expected: Decimal) -> None:
    result = round_money(value, places)
    assert result == expected
    assert result.as_tuple().exponent == -places


# --- input as people type it: a percent sign, a clock time (issue 18 item 6) -------------------


def typed(text: str, kind: str, locale: str, field: str = "value") -> Decimal | str:
    """What a field of ``kind`` reads from ``text``, or the error code (naming ``field``)."""
    try:
        return parse_input(text, kind, *LOCALES[locale], field)
    except CalculatorError as error:
        assert error.field == field
        return error.code


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("80 %", D(80)),
        ("80%", D(80)),
        ("80\u00a0%", D(80)),
        ("80\u202f%", D(80)),
        ("12,5 %", D("12.5")),
        ("  7 %  ", D(7)),
        ("80", D(80)),
        ("-5 %", "negative"),
        ("%", "empty"),
        ("80 %%", "not_a_number"),
        ("% 80", "not_a_number"),
    ],
)
def test_a_percent_field_takes_a_trailing_percent_sign(
    locale: str, text: str, expected: Decimal | str
) -> None:
    assert typed(text, "percent", locale) == expected


def test_only_a_percent_field_takes_a_percent_sign() -> None:
    assert typed("80 %", "count", "nb") == "not_a_number"
    assert typed("80 %", "money", "nb") == "not_a_number"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("5:10", "seconds", D(310)),
        ("4:30", "seconds", D(270)),
        ("0:45", "seconds", D(45)),
        ("1:02:03", "seconds", D(3723)),
        ("0:00", "seconds", D(0)),
        (" 4 : 30 ", "seconds", D(270)),
        ("4:30", "minutes", D("4.5")),
        ("4:10", "minutes", D("4.166667")),
        ("1:30:00", "minutes", D(90)),
        ("240", "seconds", D(240)),
        ("4:75", "seconds", "clock"),
        ("1:60:00", "seconds", "clock"),
        ("4:3", "seconds", "clock"),
        ("4:30:", "seconds", "clock"),
        ("1:2:3:4", "seconds", "clock"),
        ("4,5:30", "seconds", "clock"),
        ("-4:30", "seconds", "negative"),
        ("-0:00", "seconds", D(0)),
    ],
)
def test_a_time_field_takes_minutes_and_seconds(
    locale: str, text: str, kind: str, expected: Decimal | str
) -> None:
    assert typed(text, kind, locale) == expected


def test_only_a_time_in_seconds_or_minutes_is_a_clock() -> None:
    assert typed("4:30", "hours", "nb") == "not_a_number"
    assert typed("4:30", "count", "nb") == "not_a_number"
