"""The build and the browser write every kind of figure the same way, in all five languages.

The build formats a figure with Babel (``overrides/hooks/figures.py``) from the exact value; the page
formats the value the bridge sends (rounded for its kind, ``calculators/web.py``) with ``Intl``, in the
``Formats`` class of ``calculator/formats.js``, both reading the one table ``calculators/kinds.py``.
Here that very module runs in Node (full ICU, as a browser has) on the same values.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal
from figures import UNIT_NOTE, Formatter, reference_tokens

from calculators.kinds import KINDS, as_config, currency_codes
from calculators.kpis import REFERENCES
from calculators.web import show
from sitebuild.catalog import load

from .conftest import LANGUAGES, ROOT

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "calculator" / "formats.js"
#: Values that cross each kind's edges: rounding, 1 000, whole values, a minute, an hour, midnight.
SAMPLES: dict[str, tuple[str, ...]] = {
    "money": ("0.5", "7.816", "67.9348", "999.994", "999.996", "1000", "3351.25", "1234567.891"),
    "sum": ("840", "919200.4", "1234567.5"),
    "count": ("0", "7", "1388.235", "117600"),
    "percent": ("0", "9.2", "84.27", "100", "3.05"),
    "seconds": ("36", "11.56", "240", "1234.5"),
    "duration": ("30", "59.6", "60", "210", "214.5", "3725"),
    "hours": ("1600", "1458.8235", "0.5", "1240", "141.18"),
    "minutes": ("35000", "26000.4"),
    "erlangs": ("24", "1.4", "12.345"),
    "number": ("1.4", "0.75", "1234.5678"),
    "points": ("1.68", "0", "9.8", "12.25"),
    "clock": ("0", "480", "510", "1425", "1440", "1470"),
}
CURRENCIES = ("USD", "NOK", "EUR", "RUB", "VND")
#: Calls a method of ``Formats`` per case (its arguments, then the message lookup ``t``).
_RUNNER = """
import { readFileSync } from "node:fs";
const { Formats } = await import(process.argv[1]);
const cases = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(([lang, messages, kinds, display, method, args]) => {
  const t = (key, values) => messages[key].replace(/\\{(\\w+)\\}/g, (w, n) => (n in values ? values[n] : w));
  return new Formats(lang, kinds, display)[method](...args, t);
});
process.stdout.write(JSON.stringify(out));
"""


def in_the_browser(lang: str, method: str, calls: list[list[str]]) -> list[str]:
    """What the page's ``Formats`` of ``lang`` writes for each call of ``method``, in Node."""
    context = [lang, load(lang), as_config(), currency_codes(lang, CURRENCIES)]
    run = subprocess.run(
        ["node", "--input-type=module", "-e", _RUNNER, SCRIPT.as_uri()],
        input=json.dumps([[*context, method, args] for args in calls]),
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(run.stdout))


def test_every_kind_has_samples() -> None:
    assert set(SAMPLES) == set(KINDS)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (Intl with full ICU)")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_build_and_browser_write_every_figure_alike(lang: str) -> None:
    calls, expected = [], []
    for kind, values in SAMPLES.items():
        currencies = CURRENCIES if KINDS[kind].unit == "currency" else ("USD",)
        for currency in currencies:
            digits = 0 if currency == "VND" else 2
            for value in values:
                sent = show(Decimal(value), kind, digits)  # what the bridge replies
                calls.append([sent, kind, currency])
                built = Formatter(lang).figure(Decimal(value), kind, currency)
                expected.append((kind, currency, value, built))
    browser = in_the_browser(lang, "figure", calls)
    differ = [
        f"{kind} {value} {currency}: build {built!r}, browser {shown!r}"
        for (kind, currency, value, built), shown in zip(expected, browser, strict=True)
        if built != shown
    ]
    assert differ == []


def test_vietnamese_money_names_the_currency_by_code() -> None:
    """Vietnamese business writing: "76.600 USD", not CLDR's "US$" (review 3); others keep CLDR."""
    assert Formatter("vi").figure(Decimal(76600), "money", "USD") == "76.600\u00a0USD"
    assert Formatter("vi").figure(Decimal("7.82"), "money", "USD") == "7,82\u00a0USD"
    assert Formatter("vi").figure(Decimal(1250000), "money", "VND") == "1.250.000\u00a0₫"
    assert Formatter("nl").figure(Decimal("7.82"), "money", "USD") == "US$\u00a07,82"


def test_the_samples_show_the_rules() -> None:
    """What the table declares, as a reader reads it (nb): whole sums, durations, units, hours."""
    fmt = Formatter("nb")
    assert fmt.figure(Decimal("3351.25"), "money") == "3\u00a0351\u00a0USD"
    assert fmt.figure(Decimal("999.99"), "money") == "999,99\u00a0USD"
    assert fmt.figure(Decimal(210), "duration") == "3\u00a0min 30\u00a0sek"
    assert fmt.figure(Decimal(1600), "hours") == "1\u00a0600\u00a0t"
    assert fmt.figure(Decimal("1458.8235"), "hours") == "1\u00a0458,82\u00a0t"
    assert fmt.figure(Decimal(36), "seconds") == "36,0\u00a0sek"
    assert Formatter("vi").figure(Decimal(210), "duration") == "3\u00a0phút 30\u00a0giây"
    assert (
        fmt.figure(Decimal(510), "clock") == "08:30"
    )  # minutes after midnight, a day plan's start


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "vi"])
def test_dates_read_as_cldr_writes_them(lang: str) -> None:
    """The catalog's ``format.date`` puts CLDR's parts together as CLDR's long form does, every
    month of a year (Russian's month in its genitive form), so the catalogs cannot drift from it."""
    for month in range(1, 13):
        day = date(2025, month, 9)
        assert Formatter(lang).date(day.isoformat()) == format_date(day, "long", locale=lang)


def test_the_first_of_a_month_reads_as_editors_write_it() -> None:
    """Italian writes the first day as an ordinal ("1° ottobre 2025"); the others as any day."""
    assert Formatter("it").date("2025-10-01") == "1° ottobre 2025"
    for lang in ("nb", "ru", "nl"):
        assert Formatter(lang).date("2025-10-01") == format_date(date(2025, 10, 1), "long", locale=lang)


def test_vietnamese_dates_read_as_vietnamese_editors_write_them() -> None:
    """ "1 tháng 10 năm 2025" (content review 3), not CLDR's "1 tháng 10, 2025"."""
    assert Formatter("vi").date("2025-10-01") == "1 tháng 10 năm 2025"
    assert (
        load("vi")["rate.note"]
        .format(date=Formatter("vi").date("2025-10-01"))
        .startswith("Mặc định: tỷ giá tham khảo ngày 1 tháng 10 năm 2025.")
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_quoted_range_keeps_both_ends(lang: str) -> None:
    """A range a reference quotes (``x_low`` and ``x_high``) is written with both its figures, in
    the notation its figures are shown in: SWPP's 10 000–15 000 USD came out as "15 000 USD" when
    the sum lost its cents and the range its low end."""
    fmt = Formatter(lang)
    for reference in REFERENCES.values():
        tokens = reference_tokens(reference, fmt)
        for low_name in (name for name in reference.figures if name.endswith("low")):
            name = low_name.removesuffix("low").removesuffix("_") or "value"
            if low_name.replace("low", "high") not in reference.figures or reference.ratio:
                continue
            low, high = reference.figures[low_name], reference.figures[low_name.replace("low", "high")]
            if reference.unit_of(low_name) == "USD":  # the decimals the high end is shown with
                shown = fmt.fixed(low, fmt.money_digits(high, "USD"))
            else:
                shown = format_decimal(low, locale=lang)
            assert shown in tokens[name], (reference.key, name, shown, tokens[name])


@pytest.mark.parametrize(
    ("label", "in_a_table"),
    [
        ("Samlet samtaletid (minutter)", "Samlet samtaletid"),
        ("Время ожидания (с)", "Время ожидания"),
        ("Quota (%)", "Quota"),
        ("Conformità (conformance)", "Conformità (conformance)"),
        ("Avbrutte (% av alle samtaler)", "Avbrutte (% av alle samtaler)"),
        ("Tỷ lệ nghỉ việc cả năm (quy đổi đơn giản)", "Tỷ lệ nghỉ việc cả năm (quy đổi đơn giản)"),
        ("Average handle time (AHT)", "Average handle time (AHT)"),
    ],
)
def test_a_table_drops_only_a_unit_in_brackets(label: str, in_a_table: str) -> None:
    """A row label loses a bracketed unit its cells show, and keeps a term or an explanation."""
    assert UNIT_NOTE.sub("", label) == in_a_table


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node (Intl with full ICU)")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_build_and_browser_write_a_money_range_alike(lang: str) -> None:
    """A benchmark's range, small or converted into a large sum, the same on the page as built."""
    ranges = [("2.7", "5.6", "USD"), ("193.32", "400.96", "NOK"), ("10000", "15000", "USD")]
    ranges += [("850", "1500", "RUB"), ("67500", "140000", "VND")]
    built = [Formatter(lang).money_range(Decimal(lo), Decimal(hi), cur) for lo, hi, cur in ranges]
    assert in_the_browser(lang, "moneyRange", [list(r) for r in ranges]) == built
