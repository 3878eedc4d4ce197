"""Every table row a reader can work out by hand works out: recomputed from the figures the built page
shows (rounded, in the page's language), each figure matches what the page prints, to the digits it
prints, within the rounding of the computed figures it is recomputed from (the what-if tables say
so: a saving is computed from the exact unit cost, not from the cents shown). Managers copy these
tables into budget decks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from babel.numbers import get_decimal_symbol

from calculators.breakdowns import CONTACT_CHANNELS
from calculators.specs import SPECS
from overrides.hooks.figures import unit_text
from sitebuild import examples
from sitebuild.kpis import NEW

from .conftest import LANGUAGES, page_file, soup

D = Decimal
Shown = Mapping[str, Decimal]
#: For each calculator: result key -> how a reader recomputes it from the other shown figures.
RELATIONS: dict[str, dict[str, Callable[[Shown], Decimal]]] = {
    "cost-per-contact": {
        "cost-per-contact": lambda v: v["costs"] / v["contacts"],
        "annual-costs": lambda v: v["costs"] * 12,
        "annual-volume": lambda v: v["contacts"] * 12,
        "moved": lambda v: v["contacts"] * v["share"] / 100,
        "variable_cost_per_contact": lambda v: (
            v["costs"] * v["variable_share"] / 100 / v["contacts"]
        ),
        "saving_per_moved": lambda v: v["variable_cost_per_contact"] - v["unit_cost"],
        "saving_period": lambda v: v["moved"] * v["saving_per_moved"],
        "saving_year": lambda v: v["saving_period"] * 12,
        "new_cost_per_contact": lambda v: (v["costs"] - v["saving_period"]) / v["contacts"],
        **{
            f"cost-per-contact-{channel}": lambda v, c=channel: v["costs"]
            * v[f"{c}_minutes"]
            / sum(v[name] * v[f"{name}_minutes"] for name in CONTACT_CHANNELS)
            for channel in CONTACT_CHANNELS
        },
    },
    "cost-per-call": {
        "cost-per-call": lambda v: v["costs"] / v["calls"],
        "annual-costs": lambda v: v["costs"] * 12,
        "annual-volume": lambda v: v["calls"] * 12,
        "calls_after": lambda v: v["calls"] * (100 - v["repeat_now"]) / (100 - v["repeat_target"]),
        "calls_avoided": lambda v: v["calls"] - v["calls_after"],
        "variable_cost_per_call": lambda v: v["costs"] * v["variable_share"] / 100 / v["calls"],
        "saving_period": lambda v: v["calls_avoided"] * v["variable_cost_per_call"],
        "saving_year": lambda v: v["saving_period"] * 12,
    },
    "cost-per-resolution": {
        "cost-per-resolution": lambda v: v["costs"] / v["resolved"],
        "contacts-per-resolution": lambda v: v["contacts"] / v["resolved"],
        "cost-per-contact": lambda v: v["costs"] / v["contacts"],
        "annual-costs": lambda v: v["costs"] * 12,
    },
    "average-handle-time": {
        "handle-minutes": lambda v: v["talk"] + v["hold"] + v["wrap"],
        "average-handle-time": lambda v: v["handle-minutes"] * 60 / v["contacts"],
        "handle-hours": lambda v: v["handle-minutes"] / 60,
        "paid-hours": lambda v: (
            v["handle-hours"] / (v["occupancy"] / 100 * (1 - v["shrinkage"] / 100))
        ),
        "labour-cost-per-contact": lambda v: v["hourly_cost"] * v["paid-hours"] / v["contacts"],
    },
    "occupancy": {
        "logged-in-hours": lambda v: v["handle"] + v["idle"],
        "occupancy": lambda v: v["handle"] / v["logged-in-hours"] * 100,
        "hours-at-goal": lambda v: v["handle"] / D("0.85"),
        "idle-hours-above-goal": lambda v: v["logged-in-hours"] - v["hours-at-goal"],
        "hours-at-low": lambda v: v["handle"] / D("0.80"),
        "idle-hours-above-low": lambda v: v["logged-in-hours"] - v["hours-at-low"],
    },
    "service-level": {
        "traffic": lambda v: v["calls"] * v["aht"] / (v["interval"] * 60),
        "occupancy": lambda v: v["traffic"] / v["agents"] * 100,
        "scheduled-agents": lambda v: D(math.ceil(v["agents"] / (1 - v["shrinkage"] / 100))),
        "staff-cost": lambda v: v["scheduled-agents"] * v["interval"] / 60 * v["hourly_cost"],
        "staff-cost-per-call": lambda v: v["staff-cost"] / v["calls"],
    },
    "first-contact-resolution": {
        "first-contact-resolution": lambda v: v["resolved_first"] / v["contacts"] * 100,
        "unresolved": lambda v: v["contacts"] - v["resolved_first"],
        "handled_now": lambda v: v["contacts"] + v["unresolved"],
        "contacts_avoided": lambda v: (
            v["contacts"] * (v["fcr_target"] - v["first-contact-resolution"]) / 100
        ),
        "variable_costs": lambda v: v["costs"] * v["variable_share"] / 100,
        "variable_cost_per_contact": lambda v: v["variable_costs"] / v["handled_now"],
        "saving_period": lambda v: v["contacts_avoided"] * v["variable_cost_per_contact"],
        "saving_year": lambda v: v["saving_period"] * 12,
    },
    "abandonment-rate": {
        "counted-abandoned": lambda v: v["abandoned"] - v["short"],
        "counted-offered": lambda v: v["offered"] - v["short"],
        "abandonment-rate": lambda v: v["counted-abandoned"] / v["counted-offered"] * 100,
        "abandonment-rate-all": lambda v: v["abandoned"] / v["offered"] * 100,
    },
}
#: Shown rows no reader works out by hand, by calculator: what a model gives (Erlang C's agents,
#: service level, average speed of answer, probability of waiting and the calls N agents take;
#: tests/unit/test_staffing.py and test_erlang_a.py check them).
BY_MODEL: dict[str, set[str]] = {
    "service-level": {"agents", "service-level", "asa", "wait-probability", "calls-at-target"}
}
# issue 21: the six new terms, from their modules until the sitebuild.kpis registry lands
RELATIONS.update({slug: dict(module.RELATIONS) for slug, module in NEW.items()})
BY_MODEL.update({slug: set(module.BY_MODEL) for slug, module in NEW.items() if module.BY_MODEL})
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
        if len(cells) <= column or cells[column].get_text() == "\u2013":
            continue
        key = row["data-row"]
        if key in values and row.find_parent("table", class_="glossary-table--breakdown"):
            continue
        values[key], places[key] = number(cells[column].get_text(), lang, key in durations)
    return values, places


def test_every_calculator_has_its_relations() -> None:
    """A registered calculator without relations would have its tables go unchecked."""
    missing = [calculator for calculator in SPECS if calculator not in RELATIONS]
    assert not missing, f"no table relations for {missing}: add them to RELATIONS"
    unknown = {
        c: sorted((set(r) | BY_MODEL.get(c, set())) - row_keys(c))
        for c, r in RELATIONS.items()
        if c in SPECS
    }
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
    if calculator not in RELATIONS:
        pytest.fail(f"{calculator}: no table relations (RELATIONS in {Path(__file__).name})")
    page = soup(page_file(site, lang, f"glossary/{calculator}"))
    fields = {field.name for field in SPECS[calculator].fields}
    failures = []
    for column, case in enumerate(examples.cases(calculator)):
        durations = {row.key for row in SPECS[calculator].results if row.kind == "duration"}
        values, places = shown_figures(page, lang, column, durations)
        choices = examples.inputs(calculator, case).choices
        values |= {k: D(v) for k, v in choices.items() if v.isdigit()}  # e.g. a 60-minute interval
        if "mode" in choices and choices["mode"] == "outbound":
            values["calls"] = values.pop("sales")
        where = f"{lang}/{calculator} ({case or 'example'})"
        by_model = BY_MODEL.get(calculator, set())
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
