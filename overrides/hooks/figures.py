"""Figures computed by ``calculators`` and formatted for a page's locale with Babel (CLDR).

Inline tokens (``{{ result.<key> }}``) and block tokens (``{{ example_table }}``) of an
article resolve here, by looping over the calculator's spec: nothing below names a calculator. The
worked examples are computed, never typed; every table row a reader can multiply by hand multiplies,
because the calculators round counts and unit costs before they multiply them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import time
from decimal import Decimal
from html import escape

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import (
    format_decimal,
    format_percent,
    get_currency_precision,
    parse_pattern,
)
from babel.units import format_unit

from calculators.benchmarks import Reference
from calculators.breakdowns import Total
from calculators.calculations import Outcome
from calculators.kinds import (
    DURATION_UNITS,
    KINDS,
    LARGE_SUM,
    RANGE_MESSAGE,
    UNIT_SPACE,
    FigureKind,
    currency_codes,
)
from calculators.kpis import BENCHMARKS, REFERENCES, SPECS
from calculators.numbers import round_money
from calculators.specs import Field, Row, Spec, holds
from sitebuild import examples
from sitebuild.catalog import load, translate

#: The CLDR unit of each field kind typed with a unit of time.
_UNITS = {name: KINDS[name].unit for name in ("seconds", "minutes", "hours")}
#: Babel writes the raw unit id where CLDR has no name of that length (vi "duration-minute").
_RAW_UNIT = re.compile(r"duration-|length-|area-")


def unit_text(
    value: Decimal | int, unit: str, lang: str, number: str | None = None, long: bool = False
) -> str:
    """``value`` with a CLDR unit after a no-break space; a long name where CLDR has one, else the
    short one (as ``Intl`` falls back), never a raw unit id.

    >>> unit_text(60, "duration-minute", "vi", long=True), unit_text(3, "duration-second", "nb")
    ('60\xa0phút', '3\xa0sek')
    """
    text = ""
    for length in ("long", "short") if long else ("short",):
        text = format_unit(value, unit, length=length, format=number, locale=lang)
        if not _RAW_UNIT.search(text):
            return text.replace(" ", UNIT_SPACE)
    raise ValueError(f"CLDR has no name of {unit!r} in {lang!r}: {text!r}")


def _pattern(kind: FigureKind, value: Decimal, places: int) -> str:
    """The Babel number pattern of a kind for this (rounded) value: its decimals, fewer if allowed."""
    fewest = places if kind.min_places is None else kind.min_places
    return "#,##0" + ("." + "0" * fewest + "#" * (places - fewest) if places else "")


#: The parts of a date in running text and their CLDR patterns (the month name in its format form:
#: Russian "октября").
DATE_PARTS = (("day", "d"), ("month", "MMMM"), ("year", "y"))


class Formatter:
    """Locale-aware formatting of every kind of figure for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = Locale.parse(lang)

    def money(self, value: Decimal, currency: str = "USD") -> str:
        """An amount of money: with the currency's cents, in whole units from 1 000 up.

        >>> Formatter("nb").money(Decimal("7.16")), Formatter("nb").money(Decimal("3351.25"))
        ('7,16\xa0USD', '3\xa0351\xa0USD')
        """
        return self.currency(value, currency, self.money_digits(value, currency))

    def money_digits(self, value: Decimal, currency: str = "USD") -> int:
        """The decimals an amount is shown with: the currency's cents, none from 1 000 up.

        >>> Formatter("nb").money_digits(Decimal("999.99")), Formatter("nb").money_digits(Decimal(1000))
        (2, 0)
        """
        digits = get_currency_precision(currency)
        return 0 if abs(round_money(value, digits)) >= LARGE_SUM else digits

    def currency(self, value: Decimal, currency: str, digits: int) -> str:
        """Money with exactly ``digits`` decimals in the locale's currency pattern (naming the
        currency by its code where the language writes it so: ``kinds.currency_codes``).

        >>> Formatter("vi").currency(Decimal("76600"), "USD", 0)
        '76.600\xa0USD'
        """
        standard = self.locale.currency_formats["standard"].pattern.split(";")[0]
        if currency_codes(self.lang, (currency,)):
            standard = standard.replace("¤", "¤¤")
        pattern = parse_pattern(standard)
        pattern.frac_prec = (digits, digits)
        return str(
            pattern.apply(
                round_money(value, digits), self.locale, currency=currency, currency_digits=False
            )
        )

    def sum(self, value: Decimal, currency: str = "USD") -> str:
        """A sum, without cents.

        >>> Formatter("nb").sum(Decimal("919200.40"))
        '919\\xa0200\\xa0USD'
        """
        return self.currency(value, currency, 0)

    def amount(self, value: Decimal, currency: str = "USD") -> str:
        """Money as typed into a form: a sum without cents from :data:`LARGE_SUM` up."""
        return self.money(value, currency)

    def count(self, value: Decimal) -> str:
        return format_decimal(round_money(value, 0), locale=self.lang)

    def percent(self, value: Decimal) -> str:
        """A computed percentage (20 for 20 %), always with one decimal: "3,0 %" beside "12,7 %"."""
        pattern = parse_pattern(self.locale.percent_formats[None].pattern)
        pattern.frac_prec = (1, 1)
        return str(pattern.apply(round_money(value, 1) / 100, self.locale))

    def share(self, value: Decimal) -> str:
        """A percentage someone chose (20 %, 12.5 %), with only the decimals it has."""
        rounded = round_money(value, 1).normalize()
        return format_percent(rounded / 100, locale=self.lang, decimal_quantization=False)

    def number(self, value: Decimal, kind: FigureKind) -> str:
        """A plain number with the kind's decimals, grouped as the locale groups."""
        places = kind.places or 0
        rounded = round_money(value, places)
        return format_decimal(rounded, _pattern(kind, rounded, places), locale=self.lang)

    def unit(self, value: Decimal, kind: str, long: bool = False) -> str:
        """Seconds, minutes or hours with the kind's decimals: "36,0 sek" beside "11,6 sek", but
        "1 600 t" beside "1 458,82 t"; with ``long``, the unit's name ("1 600 timer")."""
        declared = KINDS[kind]
        places = declared.places or 0
        rounded = round_money(value, places)
        if declared.min_places == 0 and rounded == rounded.to_integral_value():
            rounded = rounded.to_integral_value()  # shown whole: its plural is a whole number's
        number = _pattern(declared, rounded, places)
        return unit_text(rounded, declared.unit, self.lang, number, long=long)

    def duration(self, seconds: Decimal) -> str:
        """Minutes and seconds, without a list comma: "3 min 30 sek" (nb), "3 phút 30 giây" (vi).

        >>> Formatter("nb").duration(Decimal(210)), Formatter("vi").duration(Decimal("59.6"))
        ('3\xa0min 30\xa0sek', '1\xa0phút')
        """
        minutes, rest = divmod(int(round_money(seconds, 0)), 60)
        parts = [(minutes, DURATION_UNITS[0])] if minutes else []
        if rest or not minutes:
            parts.append((rest, DURATION_UNITS[1]))
        return " ".join(unit_text(value, unit, self.lang) for value, unit in parts)

    def figure(self, value: Decimal, kind: str, currency: str = "USD") -> str:
        """``value`` shown as its kind of figure, as :data:`calculators.kinds.KINDS` declares it."""
        declared = KINDS[kind]
        if declared.duration:
            return self.duration(value)
        if declared.clock:
            return self.clock(value)
        if declared.unit == "currency":
            return (
                self.money(value, currency)
                if declared.places is None
                else self.sum(value, currency)
            )
        if declared.unit == "percent":
            return self.percent(value)
        if declared.unit.startswith("duration-"):
            return self.unit(value, kind)
        number = self.number(value, declared)
        if declared.unit:  # a unit CLDR has no name for: the catalog's, after a no-break space
            return self.t(declared.unit, value=number).replace(
                f"{number} ", f"{number}{UNIT_SPACE}"
            )
        return number

    def prose(self, value: Decimal, kind: str, currency: str = "USD") -> str:
        """A figure in a sentence: as in a table, but a percentage with only the decimal it has
        ("a shrinkage of 30 %", the table's "30,0 %"; "42,9 %" either way) and a time in hours,
        minutes or seconds with its unit's name ("4 000 ore", the table's "4.000 h").

        >>> Formatter("nb").prose(Decimal("30.0"), "percent"), Formatter("nb").prose(Decimal("42.857"), "percent")
        ('30\xa0%', '42,9\xa0%')
        >>> Formatter("it").prose(Decimal(4000), "hours"), Formatter("ru").prose(Decimal("583.333"), "hours")
        ('4.000\xa0ore', '583,33\xa0часа')
        >>> Formatter("ru").prose(Decimal(35000), "minutes"), Formatter("ru").prose(Decimal(1), "hours")
        ('35\xa0000\xa0минут', '1\xa0час')
        """
        if kind == "percent":
            return self.share(value)
        if kind in _UNITS:
            return self.unit(value, kind, long=True)
        return self.figure(value, kind, currency)

    def field(
        self, field: Field, value: str | Decimal, currency: str = "USD", long: bool = False
    ) -> str:
        """An input as the reader would write it; with ``long``, a time with its unit's name (in a
        sentence: "a shift of 480 minutes")."""
        if field.kind == "choice":
            return self.choice(field, str(value))
        number = Decimal(value)
        if field.kind == "money":
            return self.amount(number, currency)
        if field.kind == "percent":
            return self.share(number)
        if field.kind in _UNITS:
            return unit_text(number.normalize(), _UNITS[field.kind], self.lang, long=long)
        return self.plain(number)

    def plain(self, value: Decimal) -> str:
        """A number as a reader types it, with the locale's separators and no unit.

        >>> Formatter("nb").plain(Decimal("12500.5")), Formatter("vi").plain(Decimal("80"))
        ('12\u00a0500,5', '80')
        """
        return format_decimal(value, locale=self.lang)

    def clock(self, minutes: Decimal | int) -> str:
        """Minutes after midnight as the locale writes a time of day: "08:30".

        >>> Formatter("nb").clock(510), Formatter("vi").clock(1380)
        ('08:30', '23:00')
        """
        whole = int(minutes) % (24 * 60)
        return format_time(time(whole // 60, whole % 60), "short", locale=self.lang)

    def choice(self, field: Field, value: str) -> str:
        """A choice's label: a time of day for an hour, a duration for minute intervals, the
        catalog's word, or the code."""
        if field.unit == "clock":
            return self.clock(int(value) * 60)
        if field.unit:
            return unit_text(int(value), _UNITS[field.unit], self.lang, long=True)
        key = f"{field.name}.{value}"
        return self.t(key) if key in load(self.lang) else value

    def fixed(self, value: Decimal, places: int) -> str:
        """A plain number with exactly ``places`` decimals, grouped as the locale groups."""
        pattern = parse_pattern(self.locale.decimal_formats[None].pattern)
        pattern.frac_prec = (places, places)
        return str(pattern.apply(round_money(value, places), self.locale))

    def between(self, low: str, high: str, high_text: str) -> str:
        """A range with the unit once: ``high_text`` (the high figure with its unit) with its number
        replaced by the language's range of the two numbers. A ``high`` written otherwise than in
        ``high_text`` stops the build: the range would lose its low figure."""
        if high not in high_text:
            raise ValueError(f"range: {high!r} is not how {high_text!r} writes its number")
        return high_text.replace(high, self.t(RANGE_MESSAGE, low=low, high=high), 1)

    def money_range(self, low: Decimal, high: Decimal, currency: str = "USD") -> str:
        """A range of money with the currency once, both ends with the decimals the high one is
        shown with (none from 1 000 up).

        >>> Formatter("ru").money_range(Decimal("2.7"), Decimal("5.6"))
        'от 2,70 до 5,60\\xa0$'
        >>> Formatter("nb").money_range(Decimal(10000), Decimal(15000))
        '10\\xa0000–15\\xa0000\\xa0USD'
        """
        if low == high:
            return self.money(low, currency)
        digits = self.money_digits(high, currency)
        return self.between(
            self.fixed(low, digits), self.fixed(high, digits), self.money(high, currency)
        )

    def date(self, iso: str) -> str:
        """A date as the language's editors write it in running text: CLDR's day, month name and
        year, put together by the catalog's ``format.date`` (CLDR's long form, except Vietnamese,
        which writes "1 tháng 10 năm 2025" where CLDR has "1 tháng 10, 2025"), or on the first of a
        month by ``format.date.first`` (Italian "1° ottobre 2025").

        >>> Formatter("it").date("2025-10-01"), Formatter("it").date("2025-10-09")
        ('1° ottobre 2025', '9 ottobre 2025')
        """
        from datetime import date

        day = date.fromisoformat(iso)
        parts = {name: format_date(day, pattern, locale=self.lang) for name, pattern in DATE_PARTS}
        return self.t("format.date.first" if day.day == 1 else "format.date", **parts)

    def t(self, key: str, **values: str) -> str:
        return translate(self.lang, key, **values)

    def label(self, key: str, period: str = "month", **values: str) -> str:
        """A row label; "… per period" reads "… per month" where the figures are for a month;
        ``values`` fill placeholders such as the quoted goal in "hours needed at {goal}"."""
        catalog = load(self.lang)
        for specific in (key.replace("_period", f"_{period}"), f"{key}_{period}"):
            if specific != key and specific in catalog:
                return self.t(specific, **values)
        return self.t(key, **values)

    def caption(self, title: str, period: str | None = "month") -> str:
        """A worked example's caption, one whole catalog sentence per table and period (never a
        title with "per month" glued on): ``caption.<title key>[.<period>]``.

        >>> Formatter("ru").caption("scenario.fcr_target.title")
        'Пример расчёта: сколько экономит рост FCR за месяц'
        """
        return self.t(f"caption.{title}" + (f".{period}" if period else ""))


# ---- tokens ---------------------------------------------------------------------------------


def token_key(name: str) -> str:
    """Tokens may spell a name with "-" or "_": ``result.some-key`` is ``result.some_key``."""
    return name.replace("-", "_")


def reference_tokens(reference: Reference, fmt: Formatter) -> dict[str, str]:
    """Quoted figures of a non-money benchmark: single figures, and ``x_low``/``x_high`` as ranges."""
    figures = reference.figures

    def one(value: Decimal, unit: str, ranged: bool = False) -> str:
        if unit == "percent":
            return fmt.share(value)
        if unit == "number":
            return format_decimal(value, locale=fmt.lang)
        if unit == "USD":
            return fmt.money(value, unit)
        if value >= 60 and not ranged:
            return fmt.duration(value)
        return unit_text(value, KINDS["seconds"].unit, fmt.lang)

    tokens = {name: one(value, reference.unit_of(name)) for name, value in figures.items()}
    for name in {n.rsplit("_", 1)[0] for n in figures if n.endswith("_low")} | {""}:
        low, high = f"{name}_low" if name else "low", f"{name}_high" if name else "high"
        if low in figures and high in figures and reference.unit_of(high) == "USD":
            tokens[name or "value"] = fmt.money_range(figures[low], figures[high], "USD")
        elif low in figures and high in figures:
            tokens[name or "value"] = fmt.between(
                format_decimal(figures[low], locale=fmt.lang),
                format_decimal(figures[high], locale=fmt.lang),
                one(figures[high], reference.unit_of(high), ranged=True),
            )
    if reference.ratio:
        first, second = reference.ratio
        tokens["value"] = f"{figures[first]}/{figures[second]}"
    if reference.limit:
        tokens["limit"] = tokens[reference.limit]
    if "value" in figures and "high" in figures and "low" not in figures:  # a target and a ceiling
        tokens["cell"] = fmt.t("table.up_to", value=tokens["value"], high=tokens["high"])
    return tokens


def benchmark_tokens(spec: Spec, fmt: Formatter) -> dict[str, str]:
    if spec.id in BENCHMARKS:
        benchmark = BENCHMARKS[spec.id]
        return {"value": fmt.money_range(benchmark.low, benchmark.high, benchmark.currency)}
    if spec.id in REFERENCES:
        return reference_tokens(REFERENCES[spec.id], fmt)
    return {}


def inline_tokens(calculator: str, fmt: Formatter) -> dict[str, str]:
    """Every inline token of an article and its formatted value; ``-`` and ``_`` are the same."""
    spec = SPECS[calculator]
    tokens: dict[str, str] = {}
    for index, case in enumerate(examples.cases(calculator)):
        inputs, outcome = examples.inputs(calculator, case), examples.outcome(calculator, case)
        prefixes = ("", f"{case}.") if index == 0 else (f"{case}.",)
        numbers = _with_totals(spec, inputs.numbers)
        given = _given(spec, numbers, inputs.choices)
        values = {f.name: fmt.field(f, v, long=True) for f, v in given}
        results = {
            r.key: fmt.prose(outcome.values[r.key], r.kind)
            for r in spec.results
            if r.key in outcome.values
        }
        for prefix in prefixes:
            tokens |= {f"example.{prefix}{k}": v for k, v in values.items()}
            tokens |= {f"result.{prefix}{k}": v for k, v in results.items()}
        if index == 0:
            tokens |= {f"scenario.{k}": v for k, v in scenario_figures(spec, outcome, fmt).items()}
            if outcome.comparison is not None:
                tokens["comparison.percent"] = fmt.percent(abs(outcome.comparison.percent))
                tokens["comparison.difference"] = fmt.money(abs(outcome.comparison.difference))
    tokens |= {f"benchmark.{k}": v for k, v in benchmark_tokens(spec, fmt).items()}
    return {token_key(name): value for name, value in tokens.items()}


def _given(
    spec: Spec, numbers: Mapping[str, Decimal], choices: Mapping[str, str]
) -> Iterable[tuple[Field, str | Decimal]]:
    for field in spec.fields:
        if field.name in numbers:
            yield field, numbers[field.name]
        elif field.kind == "choice" and field.name in choices:
            yield field, choices[field.name]


def scenario_figures(spec: Spec, outcome: Outcome, fmt: Formatter) -> dict[str, str]:
    """The what-if's assumptions and figures by name, formatted."""
    if spec.scenario is None or outcome.scenario is None:
        return {}
    rows = spec.scenario.assumptions + spec.scenario.rows
    shown = {
        row.key: (
            fmt.share
            if row in spec.scenario.assumptions and row.kind == "percent"
            else lambda v, r=row: fmt.figure(v, r.kind)
        )(outcome.scenario[row.key])
        for row in rows
        if row.key in outcome.scenario
    }
    scenario = spec.scenario
    extra = {k: fmt.share(outcome.scenario[k]) for k in scenario.shares if k in outcome.scenario}
    numbers = _example_numbers(spec)
    if scenario.share in outcome.scenario and scenario.costs in numbers:
        share = outcome.scenario[scenario.share]
        extra["variable_costs"] = fmt.sum(numbers[scenario.costs] * share / 100)
    return shown | extra


def period_of(spec: Spec, choices: Mapping[str, str]) -> str | None:
    """The period chosen in ``choices``, when the calculator has a choice of period (its role)."""
    field = spec.with_role("period")
    return None if field is None else choices.get(field.name)


def _with_totals(spec: Spec, numbers: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """``numbers`` plus the total of each breakdown group given in parts (costs from components)."""
    totals = dict(numbers)
    for field in spec.fields:
        if field.group.startswith("breakdown.") and field.name in numbers:
            total = field.group.split(".", 1)[1]
            if total not in numbers:
                totals[total] = totals.get(total, Decimal(0)) + numbers[field.name]
    return totals


def _example_numbers(spec: Spec) -> dict[str, Decimal]:
    return _with_totals(spec, examples.inputs(spec.id).numbers)


# ---- tables ---------------------------------------------------------------------------------


def table(
    headers: Iterable[str],
    rows: Iterable[list[str]],
    caption: str,
    css: str,
    keys: Iterable[str] = (),
) -> str:
    """An HTML table of already-escaped cells; the first cell of a row is its header. ``keys`` name
    the rows (``data-row``: the field or result each shows), so tests can check their arithmetic."""
    names = list(keys)
    body = "".join(
        (f'<tr data-row="{escape(names[index])}">' if index < len(names) else "<tr>")
        + f'<th scope="row">{first}</th>'
        + "".join(f"<td>{cell}</td>" for cell in rest)
        + "</tr>"
        for index, (first, *rest) in enumerate(rows)
    )
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in headers)
    return (
        # A wide table scrolls sideways on a phone: its wrapper can take focus, so keyboards scroll it.
        f'<div class="glossary-table-wrap" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="glossary-table {css}">'
        f"<caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


#: Kinds whose figures carry their unit ("20 %", "240 s", "26 000 min"), so a label's "(%)" or
#: "(minutes)" would say it twice.
UNIT_KINDS = frozenset(
    name for name, kind in KINDS.items() if kind.unit and kind.unit != "currency"
)
#: A unit in brackets at the end of a label: one short word ("(minutter)", "(ч)", "(%)"), not an
#: abbreviation (AHT), a figure ("(85 %)"), a term ("(conformance)") or an explanation
#: ("(% av alle samtaler)", "(enkel omregning)"), which the table keeps.
UNIT_NOTE = re.compile(r"\s*\((?![A-Z]{2,5}\))(?=[^()\s\d]{1,8}\)$)[^()]*\)$")


def _label(
    fmt: Formatter,
    item: Field | Row,
    choices: Mapping[str, str],
    figures: Mapping[str, str] = {},
    unit: bool = False,
) -> str:
    """A table row's label in the language, without a unit in brackets that its cells show (with
    it when ``unit``: two rows of one figure in two units)."""
    key = item.label
    for name, value, other in item.labels:
        if choices.get(name) == value:
            key = other
    text = fmt.label(key, **figures)
    return UNIT_NOTE.sub("", text) if item.kind in UNIT_KINDS and not unit else text


def _case_labels(
    fmt: Formatter,
    item: Field | Row,
    cases: list[Mapping[str, str]],
    figures: Mapping[str, str] = {},
) -> tuple[str, str]:
    """A row's label under each case's choices, joined by " / " where they differ: without its
    unit in brackets, and with it."""
    short, full = (
        " / ".join(dict.fromkeys(_label(fmt, item, choices, figures, unit) for choices in cases))
        for unit in (False, True)
    )
    return short, full


def _distinct(labels: list[tuple[str, str]]) -> list[str]:
    """Row labels without their unit in brackets, except where two would read the same: "Total
    handle time" in minutes and in hours keep "(minutes)" and "(hours)".

    >>> _distinct([("Time", "Time (hours)"), ("Time", "Time (min)"), ("Cost", "Cost")])
    ['Time (hours)', 'Time (min)', 'Cost']
    """
    shorts = [short for short, _ in labels]
    return [full if shorts.count(short) > 1 else short for short, full in labels]


def _breakdown_tables(spec: Spec, fmt: Formatter) -> tuple[list[str], set[str]]:
    """One table per breakdown group the example fills in (``breakdown.costs`` sums into ``costs``)."""
    numbers = _example_numbers(spec)
    tables, used = [], set()
    for group in dict.fromkeys(f.group for f in spec.fields if f.group.startswith("breakdown.")):
        parts = [f for f in spec.fields if f.group == group and f.name in numbers]
        if not parts:
            continue
        total_field = spec.field(group.split(".", 1)[1])
        total = Total(
            sum((numbers[f.name] for f in parts), Decimal(0)),
            "breakdown",
            tuple((f.name, numbers[f.name]) for f in parts),
        )
        shares = total.shares()
        show: Callable[[Decimal], str] = fmt.sum if total_field.kind == "money" else fmt.count
        rows = [
            [escape(fmt.t(f.label)), show(numbers[f.name]), fmt.percent(shares[f.name])]
            for f in parts
        ]
        money = total_field.kind == "money"
        rows.append(
            [
                escape(fmt.t("table.total")),
                f"<strong>{show(total.value)}</strong>",
                fmt.percent(Decimal(100)),
            ]
        )
        column = "table.component" if money else "table.channel"
        amount = "table.amount" if money else "table.count"  # over the lines, not the total's name
        tables.append(
            table(
                [fmt.t(column), fmt.t(amount), fmt.t("table.share")],
                rows,
                fmt.caption(total_field.label, period_of(spec, examples.inputs(spec.id).choices)),
                "glossary-table--numbers glossary-table--breakdown",
                keys=[*(f.name for f in parts), total_field.name],
            )
        )
        used |= {f.name for f in parts}
    return tables, used


def example_table(calculator: str, fmt: Formatter) -> str:
    """The worked example: breakdowns with their shares, then inputs and results by case."""
    spec = SPECS[calculator]
    breakdowns, used = _breakdown_tables(spec, fmt)
    cases = examples.cases(calculator)
    data = [(examples.inputs(calculator, c), examples.outcome(calculator, c)) for c in cases]
    scenario_fields = {row.key for row in spec.scenario.assumptions} if spec.scenario else set()
    rows: list[list[str]] = []
    labels: list[tuple[str, str]] = []
    keys: list[str] = []
    for field in spec.fields:
        if field.name in used or field.name in scenario_fields or field.kind == "choice":
            continue
        cells = [
            fmt.field(field, i.numbers[field.name])
            if field.name in i.numbers
            else fmt.t("format.empty")
            for i, _ in data
        ]
        if any(name in i.numbers for i, _ in data for name in [field.name]):
            labels.append(_case_labels(fmt, field, [i.choices for i, _ in data]))
            rows.append(cells)
            keys.append(field.name)
    quoted = benchmark_tokens(spec, fmt)
    for row in spec.results:
        if not any(row.key in o.values for _, o in data):
            continue
        cells = [
            fmt.figure(o.values[row.key], row.kind)
            if row.key in o.values
            else fmt.t("format.empty")
            for _, o in data
        ]
        if row.main:
            cells = [f"<strong>{cell}</strong>" for cell in cells]
        labels.append(_case_labels(fmt, row, [i.choices for i, _ in data], quoted))
        rows.append(cells)
        keys.append(row.key)
    rows = [[escape(label), *cells] for label, cells in zip(_distinct(labels), rows, strict=True)]
    if len(cases) > 1:
        mode = next(
            f
            for f in spec.fields
            if f.kind == "choice" and len({i.choices[f.name] for i, _ in data}) > 1
        )
        headers = [fmt.t("table.item"), *(fmt.choice(mode, i.choices[mode.name]) for i, _ in data)]
    else:
        headers = [fmt.t("table.item"), fmt.t("table.value")]
    period = period_of(spec, data[0][0].choices)
    main = table(
        headers,
        rows,
        fmt.caption("result.heading", period),
        "glossary-table--numbers glossary-table--result",
        keys=keys,
    )
    stated = [
        note for _, o in data for note in o.notes if note.startswith("assumption.")
    ]  # e.g. how shared costs are spread over the channels
    return (
        "".join(breakdowns)
        + main
        + model_assumption(spec, fmt)
        + "".join(
            f'<p class="glossary-source"><strong>{escape(fmt.t("table.assumption"))}:</strong> '
            f"{escape(fmt.t(note))}</p>"
            for note in dict.fromkeys(stated)
        )
    )


def model_assumption(spec: Spec, fmt: Formatter) -> str:
    """The calculator's model assumptions in words (labour cost, Erlang C), where it has them."""
    if not spec.assumption:
        return ""
    values = {name: fmt.share(value) for name, value in spec.assumption_values}
    return (
        f'<p class="glossary-source"><strong>{escape(fmt.t("table.assumption"))}:</strong> '
        f"{escape(fmt.t(spec.assumption, **values))}</p>"
    )


def benchmark_table(calculator: str, fmt: Formatter) -> str:
    """The benchmark, the worked example's figure and how they compare, with a note on the figure."""
    spec = SPECS[calculator]
    outcome = examples.outcome(calculator)
    main = (
        next(row for row in spec.results if row.key == spec.compared)
        if spec.compared
        else spec.main
    )
    value = fmt.figure(outcome.values[main.key], main.kind)
    quoted = benchmark_tokens(spec, fmt)
    benchmark = quoted.get("cell", quoted["value"])
    headers = [fmt.t("table.metric"), fmt.t("table.benchmark"), fmt.t("table.example")]
    if outcome.comparison is not None:
        comparison = outcome.comparison
        difference = (
            fmt.t("format.empty")
            if comparison.position == "within"
            else f"{fmt.money(abs(comparison.difference))} ({fmt.percent(abs(comparison.percent))})"
        )
        headers += [fmt.t("table.difference"), fmt.t("table.position")]
        row = [
            escape(fmt.t(main.label)),
            benchmark,
            value,
            difference,
            escape(fmt.t(f"position.{comparison.position}")),
        ]
    else:
        row = [escape(fmt.t(main.label)), benchmark, value]
        if outcome.band is not None:
            headers.append(fmt.t("table.position"))
            row.append(escape(fmt.t(f"position.{outcome.band}")))
    body = table(
        headers,
        [row],
        fmt.t("table.benchmark"),
        "glossary-table--numbers glossary-table--benchmark",
    )
    note_key = f"benchmark.{calculator}.source"
    if note_key not in load(fmt.lang):
        return body
    return body + (
        f'<p class="glossary-source"><strong>{escape(fmt.t("table.source"))}:</strong> '
        f"{escape(fmt.t(note_key))}</p>"
    )


def scenario_table(calculator: str, fmt: Formatter) -> str:
    """The what-if of the worked example: assumptions, then figures, then the model in words."""
    spec = SPECS[calculator]
    outcome = examples.outcome(calculator)
    if spec.scenario is None or outcome.scenario is None:
        return ""
    figures = scenario_figures(spec, outcome, fmt)
    choices = examples.inputs(calculator).choices
    shown = [row for row in spec.scenario.assumptions + spec.scenario.rows if row.key in figures]
    rows = [
        [
            escape(_label(fmt, row, choices)),
            f"<strong>{figures[row.key]}</strong>" if row.main else figures[row.key],
        ]
        for row in shown
    ]
    body = table(
        [fmt.t("table.item"), fmt.t("table.value")],
        rows,
        fmt.caption(spec.scenario.title, period_of(spec, choices)),
        "glossary-table--numbers glossary-table--scenario",
        keys=[row.key for row in shown],
    )
    share = figures.get(spec.scenario.share, "")
    default = fmt.share(spec.scenario.default_share)
    notes = [fmt.t(spec.scenario.assumption, share=share, default=default)]
    if spec.scenario.share in outcome.scenario and "assumption.variable_share" in load(fmt.lang):
        source = (
            "breakdown"
            if any(
                f.group.startswith("breakdown.") and f.name in _example_numbers(spec)
                for f in spec.fields
            )
            else "default"
        )
        notes.append(
            fmt.t(
                "assumption.variable_share",
                share=share,
                source=fmt.t(f"assumption.source.{source}"),
            )
        )
    # One assumption, one paragraph: the variable share goes on from the what-if's own note.
    return (
        body
        + f'<p class="glossary-source"><strong>{escape(fmt.t("table.assumption"))}:</strong> '
        + f"{escape(' '.join(notes))}</p>"
        + f'<p class="glossary-source">{escape(fmt.t("table.rounding"))}</p>'
    )


def staffing_table(calculator: str, fmt: Formatter) -> str:
    """The spec's extra table for the worked example (service level: what each agent buys), with
    the row of the main result in bold."""
    spec = SPECS[calculator]
    outcome = examples.outcome(calculator)
    choices = examples.inputs(calculator).choices
    columns = [col for col in spec.table if holds(col.when, choices)]
    needed = outcome.values.get(spec.main.key)
    rows = []
    for line in outcome.table:
        cells = [
            fmt.figure(line[col.key], col.kind) if col.key in line else fmt.t("format.empty")
            for col in columns
        ]
        if line.get(columns[0].key) == needed:
            cells = [f"<strong>{cell}</strong>" for cell in cells]
        rows.append(cells)
    return table(
        [_label(fmt, col, choices) for col in columns],
        rows,
        fmt.t(spec.table_caption),
        "glossary-table--numbers glossary-table--staffing",
    )


BLOCKS: dict[str, Callable[[str, Formatter], str]] = {
    "example_table": example_table,
    "benchmark_table": benchmark_table,
    "scenario_table": scenario_table,
    "staffing_table": staffing_table,
}
