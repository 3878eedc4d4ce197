"""Every table row a reader can work out by hand works out: recomputed from the figures the built page
shows (rounded, in the page's language), each figure matches what the page prints, to the digits it
prints, within the rounding of the computed figures it is recomputed from (the what-if tables say
so: a saving is computed from the exact unit cost, not from the cents shown). Managers copy these
tables into budget decks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from babel.numbers import get_decimal_symbol

from calculators.breakdowns import CONTACT_CHANNELS
from calculators.kpis import SPECS
from sitebuild import examples, kpis
from sitebuild.catalog import load
from overrides.hooks.figures import unit_text

from .conftest import LANGUAGES, page_file, soup

D = Decimal
Shown = Mapping[str, Decimal]
#: For each calculator: result key -> how a reader recomputes it from the other shown figures, and
#: the rows a model gives (no reader works them out by hand); both from ``sitebuild/kpis/<module>.py``.
RELATIONS = kpis.RELATIONS
BY_MODEL = kpis.BY_MODEL
_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f.,]*")


def number(text: str, lang: str, duration: bool = False) -> tuple[Decimal, int]:
    """A shown figure and its decimals: "7,82 USD" -> (7.82, 2); a duration "3 min, 30 sek" ->
    (210, 0)."""
    decimal = get_decimal_symbol(lang)
    parts = [part.strip().rstrip(".,") for part in _NUMBER.findall(text)]
    if duration:  # minutes and seconds, or one of them alone: "30 sek", "2 min"
        figures = [D(part) for part in parts]
        if len(figures) == 2:
            return figures[0] * 60 + figures[1], 0
        (only,) = figures
        minutes = text.strip() == unit_text(only, "duration-minute", lang)
        return only * 60 if minutes else only, 0
    (part,) = parts
    whole, _, fraction = part.partition(decimal)
    digits = re.sub(r"\D", "", whole)
    return D(f"{digits}.{fraction}" if fraction else digits), len(fraction)


def tolerance(
    recompute: Callable[[Shown], Decimal],
    values: Mapping[str, Decimal],
    places: Mapping[str, int],
    exclude: set[str],
) -> Decimal:
    """How far ``recompute`` can move when each computed figure it reads moves by half a unit of its
    last shown digit (typed figures are exact): the stated rounding of the shown unit figures."""
    base = recompute(values)
    slack = D(0)
    for name, value in values.items():
        if name in exclude or name not in places:
            continue
        half = D(1).scaleb(-places[name]) / 2
        moved = [recompute({**values, name: value + sign * half}) for sign in (1, -1)]
        slack += max(abs(m - base) for m in moved)
    return slack


def shown_figures(
    page: object, lang: str, column: int, durations: set[str]
) -> tuple[dict[str, Decimal], dict[str, int]]:
    values: dict[str, Decimal] = {}
    places: dict[str, int] = {}
    for row in page.select("tr[data-row]"):  # type: ignore[attr-defined]
        cells = row.find_all("td")
        if len(cells) <= column or cells[column].get_text() == load(lang)["format.empty"]:
            continue
        key = row["data-row"]
        if key in values and row.find_parent("table", class_="glossary-table--breakdown"):
            continue
        values[key], places[key] = number(cells[column].get_text(), lang, key in durations)
    return values, places


def test_relations_name_rows_of_their_calculator() -> None:
    """A relation (or a model's row) for a row the spec does not have checks nothing."""
    unknown = {c: sorted((set(r) | BY_MODEL[c]) - row_keys(c)) for c, r in RELATIONS.items()}
    assert not any(unknown.values()), f"relations for rows the specs do not have: {unknown}"


def row_keys(calculator: str) -> set[str]:
    spec = SPECS[calculator]
    rows = spec.results + spec.table
    if spec.scenario is not None:
        rows += spec.scenario.rows + spec.scenario.assumptions
    return {row.key for row in rows}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("calculator", list(SPECS))
def test_every_row_recomputes_from_the_shown_figures(
    site: Path, lang: str, calculator: str
) -> None:
    """Every shown row with a relation recomputes from the other shown figures; every shown figure
    that is not a given input has a relation, and a relation the shown figures cannot feed fails,
    naming what it needs."""
    page = soup(page_file(site, lang, f"glossary/{calculator}"))
    fields = {field.name for field in SPECS[calculator].fields}
    failures = []
    for column, case in enumerate(examples.cases(calculator)):
        durations = {row.key for row in SPECS[calculator].results if row.kind == "duration"}
        values, places = shown_figures(page, lang, column, durations)
        choices = examples.inputs(calculator, case).choices
        values |= {k: D(v) for k, v in choices.items() if v.isdigit()}  # e.g. a 60-minute interval
        where = f"{lang}/{calculator} ({case or 'example'})"
        by_model = BY_MODEL[calculator]
        unrelated = sorted(set(places) - fields - set(RELATIONS[calculator]) - by_model)
        if unrelated:
            failures.append(f"{where}: shown rows without a relation: {unrelated}")
        for key, recompute in RELATIONS[calculator].items():
            if key not in values:
                continue  # not shown in this case (the what-if of another mode)
            try:
                expected = recompute(values)
            except KeyError as missing:
                failures.append(f"{where}: {key} needs {missing}, which the page does not show")
                continue
            exponent = D(1).scaleb(-places[key])
            typed = fields | set(choices)
            slack = tolerance(recompute, values, places, exclude=typed | {key})
            if abs(expected - values[key]) > slack + exponent / 2:
                failures.append(
                    f"{where}: {key} is shown as {values[key]}, but the shown figures give "
                    f"{expected} (± {slack} from their rounding)"
                )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_breakdowns_add_up_and_their_shares_too(site: Path, lang: str) -> None:
    page = soup(page_file(site, lang, "glossary/cost-per-contact"))
    tables = page.select("table.glossary-table--breakdown")
    assert len(tables) == 2
    for table in tables:
        rows = table.select("tr[data-row]")
        amounts = [number(row.find_all("td")[0].get_text(), lang)[0] for row in rows]
        shares = [number(row.find_all("td")[1].get_text(), lang) for row in rows]
        *parts, total = amounts
        assert sum(parts) == total
        for part, (share, decimals) in zip(parts, shares, strict=False):
            exponent = D(1).scaleb(-decimals)
            assert (part / total * 100).quantize(exponent, rounding=ROUND_HALF_UP) == share
