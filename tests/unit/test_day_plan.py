"""Service level's day plan: the list of interval volumes (its link form and what readers type in
each locale), the day computed interval by interval, its totals, and its bounds."""

from __future__ import annotations

import math
import time
from decimal import Decimal

import pytest

from calculators import CalculatorError, staffing
from calculators.calculations import Inputs
from calculators.kpis import SPECS
from calculators.numbers import MAX_SERIES, canonical_series, parse_series
from calculators.web import respond

D = Decimal
SPEC = SPECS["service-level"]
#: The separators of the site's five locales (decimal, group), as the browser's Intl gives them
#: (CLDR's; tests/unit/test_parsing.py holds the same table). No Babel: this file runs in Pyodide.
LOCALES = {
    "nb": (",", "\u00a0"),
    "ru": (",", "\u00a0"),
    "it": (",", "."),
    "nl": (",", "."),
    "vi": (",", "."),
}
#: The figures every interval shares (Call Centre Helper's example: AHT 180 s, 80 % in 20 s).
SHARED = {"interval": "30", "aht": "180", "target": "80", "answer_time": "20"}
VOLUMES = (D(0), D(0), D(40), D(85), D(1250), D(1250), D(1250), D(100))


# --- the list ---------------------------------------------------------------------------------


def test_the_link_form_joins_values_and_writes_runs() -> None:
    assert canonical_series(VOLUMES) == "0x2_40_85_1250x3_100"
    assert parse_series("0x2_40_85_1250x3_100", link=True) == VOLUMES
    assert parse_series("7.5_2", "number", link=True) == (D("7.5"), D(2))


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_a_pasted_column_in_each_locale(lang: str) -> None:
    decimal, group = LOCALES[lang]
    column = f"0\n0\n40\n85\n1{group}250\n1{group}250\n1250\n100\n"
    assert parse_series(column, "count", decimal, group) == VOLUMES
    # a spreadsheet's row (tabs), semicolons, Windows line ends and runs read the same
    row = f"0\t0\t40;85;\r\n1{group}250x2\r\n1250\r\n100\r\n\r\n"
    assert parse_series(row, "count", decimal, group) == VOLUMES


def test_an_empty_line_between_values_is_an_interval_without_calls() -> None:
    # an empty cell of the pasted column keeps every later interval in its place
    assert parse_series("12\n\n\n25") == (D(12), D(0), D(0), D(25))
    assert parse_series("\n\n12\n25\n\n") == (D(12), D(25))  # none before or after


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("12\nmany\n3", "series_not_a_number", 2),
        ("12\n\n40\t1e3", "series_not_a_number", 3),  # an empty line still counts as a line
        ("12\n-3", "series_negative", 2),
        ("12\n8,5", "series_not_whole", 2),
        ("4x0", "series_not_a_number", 1),
    ],
)
def test_a_bad_line_is_named(text: str, code: str, line: int) -> None:
    with pytest.raises(CalculatorError) as caught:
        parse_series(text, "count", ",", "\u00a0", "volumes")
    assert (caught.value.code, caught.value.field, caught.value.details) == (
        code,
        "volumes",
        {"line": line},
    )


def test_at_most_a_day_of_quarter_hours() -> None:
    assert len(parse_series(f"5x{MAX_SERIES}", link=True)) == MAX_SERIES
    for text in (f"5x{MAX_SERIES + 1}", "\n".join(["1"] * (MAX_SERIES + 1))):
        with pytest.raises(CalculatorError) as caught:
            parse_series(text, link="x" in text)
        assert caught.value.code == "series_too_many"
    with pytest.raises(CalculatorError) as caught:
        parse_series(" \n\t;\n")
    assert caught.value.code == "series_empty"


# --- the day ----------------------------------------------------------------------------------


def day(volumes: str, **extra: str) -> dict[str, object]:
    values = SHARED | {"plan": "day", "volumes": volumes} | extra
    reply = respond({"calculator": "service-level", "values": values, "source": "link"})
    assert reply["errors"] == {}, reply["errors"]
    return reply


def one(calls: Decimal, **extra: str) -> dict[str, str]:
    values = SHARED | {"calls": str(calls)} | extra
    reply = respond({"calculator": "service-level", "values": values, "source": "link"})
    return dict(reply["result"]["values"])


@pytest.mark.parametrize("extra", [{}, {"patience": "120", "max_occupancy": "85"}])
def test_each_interval_is_the_single_interval_computation(extra: dict[str, str]) -> None:
    reply = day(canonical_series(VOLUMES), opens="7", **extra)
    lines = reply["result"]["table"]
    assert [line["start"] for line in lines] == [str(7 * 60 + 30 * i) for i in range(8)]
    for calls, line in zip(VOLUMES, lines, strict=True):
        assert line["calls"] == str(calls)
        if calls == 0:
            assert (line["agents"], line["scheduled-agents"]) == ("0", "0")
            assert "service-level" not in line and "occupancy" not in line
            continue
        single = one(calls, **extra)
        for key in ("agents", "scheduled-agents", "service-level", "occupancy"):
            assert line[key] == single[key], (calls, key)
        if extra:
            assert line["abandoned"] == single["abandoned"]


def test_the_published_example_in_a_day() -> None:
    # Call Centre Helper: 100 calls in 30 minutes need 14 agents, 20 scheduled with 30 % shrinkage.
    values = day("100x4", shrinkage="30")["result"]["values"]
    assert (values["agents"], values["scheduled-agents"]) == ("14", "20")
    assert values["agent-hours"] == "40"  # 20 scheduled x 4 half-hours


def test_the_day_totals_multiply() -> None:
    reply = day(canonical_series(VOLUMES), hourly_cost="30", shrinkage="25")
    values, lines = reply["result"]["values"], reply["result"]["table"]
    scheduled = [D(line["scheduled-agents"]) for line in lines]
    hours = D(30) / 60
    assert D(values["agent-hours"]) == sum(scheduled) * hours
    assert D(values["day-staff-cost"]) == D(values["agent-hours"]) * 30
    for line in lines:
        assert D(line["staff-cost"]) == D(line["scheduled-agents"]) * hours * 30
    assert sum(D(line["staff-cost"]) for line in lines) == D(values["day-staff-cost"])
    assert values["day-calls"] == str(sum(VOLUMES))
    assert values["agents"] == str(max(int(line["agents"]) for line in lines))
    assert values["scheduled-agents"] == str(max(scheduled))
    assert reply["result"]["notes"] == ["note.erlang_c", "note.day_plan"]


def test_the_day_service_level_is_weighted_by_calls() -> None:
    inputs = Inputs(
        {name: D(v) for name, v in SHARED.items() if name != "interval"} | {"patience": D(90)},
        {"plan": "day", "interval": "30"},
        {"volumes": VOLUMES},
    )
    outcome = SPEC.compute(inputs)
    busy = [line for line in outcome.table if line["calls"] > 0]
    calls = sum(line["calls"] for line in busy)
    for key in ("service-level", "abandoned"):
        weighted = sum(line["calls"] * line[key] for line in busy) / calls
        assert math.isclose(outcome.values[key], weighted, rel_tol=D("1e-20"))


def test_the_interval_rows_and_fields_give_way_to_the_day() -> None:
    reply = day("40_85", calls="oops", agents="3")  # neither applies to a day
    values = reply["result"]["values"]
    assert {"asa", "traffic", "staff-cost", "calls-at-target"}.isdisjoint(values)
    assert "calls" not in reply["link"] and "agents" not in reply["link"]
    assert reply["link"]["volumes"] == "40_85" and reply["link"]["plan"] == "day"
    interval = respond({"calculator": "service-level", "values": SHARED | {"calls": "100"}})
    assert {"day-calls", "agent-hours"}.isdisjoint(interval["result"]["values"])
    assert all("start" not in line for line in interval["result"]["table"])


def test_a_typed_column_gives_the_link_and_the_same_day() -> None:
    decimal, group = LOCALES["vi"]
    typed = respond(
        {
            "calculator": "service-level",
            "values": SHARED | {"plan": "day", "volumes": f"0\n0\n40\t85\n1{group}250x3\n100"},
            "decimal": decimal,
            "group": group,
        }
    )
    assert typed["link"]["volumes"] == "0x2_40_85_1250x3_100"
    assert typed["result"] == day(typed["link"]["volumes"])["result"]


def test_a_day_without_calls_is_refused() -> None:
    values = SHARED | {"plan": "day", "volumes": "0x48"}
    reply = respond({"calculator": "service-level", "values": values, "source": "link"})
    assert reply["errors"] == {"volumes": {"code": "series_no_calls"}}
    with pytest.raises(CalculatorError):
        staffing.weighted_share([])


def test_a_full_day_of_five_thousand_calls_with_patience_answers_in_bounded_time() -> None:
    started = time.perf_counter()
    reply = day(f"5000x{MAX_SERIES}", interval="15", patience="120", max_occupancy="85")
    assert time.perf_counter() - started < 20  # about 1 s on the shared 2-core machine
    assert len(reply["result"]["table"]) == MAX_SERIES
    assert reply["result"]["table"][-1]["start"] == str((8 * 60 + 95 * 15) % (24 * 60))
