"""The JSON bridge of the browser widget: fields as typed (or as a link carried them) in, data out.

The bridge names no calculator: everything here is read from the specs, so the same checks run for
all eight calculators.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from calculators import ERROR_CODES, CalculatorError, canonical
from calculators import calculations as calc
from calculators.kpis import SPECS
from calculators.specs import Carry, Field, Row, Spec
from calculators.staffing import INTERVALS, agents_for_target
from calculators.web import handle, respond
from sitebuild import examples

NB = {"decimal": ",", "group": "\u00a0"}
IT = {"decimal": ",", "group": "."}
#: The separators of the site's five locales, as the browser's Intl gives them.
LOCALES = {
    "nb": (",", "\u00a0"),
    "ru": (",", "\u00a0"),
    "it": (",", "."),
    "nl": (",", "."),
    "vi": (",", "."),
}
Problems = Callable[[dict[str, Any]], list[tuple[str, Any]]]
#: Keys of a reply whose values are words (a band, catalog keys of notes, a calculator's id, the
#: other field an error names), besides those the conftest's number check already sets aside.
WORDS = frozenset({"band", "notes", "calculator", "other"})


def words_aside(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: words_aside(value) for key, value in node.items() if key not in WORDS}
    if isinstance(node, list):
        return [words_aside(value) for value in node]
    return node


@pytest.fixture(scope="session")
def number_problems(number_problems: Problems) -> Problems:
    """The conftest's check of every number a reply holds, for replies with words beside them."""

    def check(reply: dict[str, Any]) -> list[tuple[str, Any]]:
        return number_problems(words_aside(reply))

    return check


def ask(calculator: str, values: dict[str, Any], **request: Any) -> dict[str, Any]:
    """Ask the bridge through its JSON entry point, as the Web Worker does."""
    body = {"calculator": calculator, "values": values, **NB} | request
    reply: dict[str, Any] = json.loads(handle(json.dumps(body)))
    return reply


def contact(values: dict[str, Any], **request: Any) -> dict[str, Any]:
    return ask("cost-per-contact", values, **request)


def call(values: dict[str, Any], **request: Any) -> dict[str, Any]:
    return ask("cost-per-call", values, **request)


def main(reply: dict[str, Any], calculator: str = "cost-per-contact") -> str:
    value: str = reply["result"]["values"][SPECS[calculator].main.key]
    return value


EXAMPLE = {"costs": "76\u00a0600", "contacts": "9\u00a0800"}


def written(value: str, decimal: str, group: str) -> str:
    """A canonical number as a reader of a locale writes it.

    >>> written("76600.5", ",", "\u00a0"), written("240", ",", ".")
    ('76\xa0600,5', '240')
    """
    whole, _, fraction = value.partition(".")
    groups = [whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)][::-1]
    return group.join(groups) + (decimal + fraction if fraction else "")


def worked_example(calculator: str) -> dict[str, str]:
    """The article's worked example (sitebuild/kpis/<module>.py) as a link carries it."""
    given = examples.inputs(calculator)
    return {name: canonical(value) for name, value in given.numbers.items()} | dict(given.choices)


def typed(calculator: str, group: str = "\u00a0", decimal: str = ",") -> dict[str, str]:
    """Each calculator's worked example as a reader types it, grouped and with a decimal comma."""
    spec = SPECS[calculator]
    return {
        name: value if name in spec.choices else written(value, decimal, group)
        for name, value in worked_example(calculator).items()
    }


def expected_main(calculator: str) -> str:
    """The worked example's main result, as its link gives it."""
    return main(ask(calculator, worked_example(calculator), source="link"), calculator)


#: Every registered calculator (each test below runs for each).
TYPED = sorted(SPECS)


def test_typed_worked_example(number_problems: Problems) -> None:
    reply = contact(EXAMPLE)
    assert reply["errors"] == {}
    assert reply["result"] == {
        "values": {"cost-per-contact": "7.82", "annual-costs": "919200", "annual-volume": "117600"},
        "source": "total",
        "notes": [],
        "comparison": {
            "position": "above",
            "rate": "1",
            "percent": "9.2",
            "difference": "0.66",
            "reference": "7.16",
            "benchmark": {
                "low": "7.16",
                "high": "7.16",
                "currency": "USD",
                "foreign": ["VND"],
            },
        },
        "band": None,
        "shares": [],
        "scenario": None,
        "table": [],
        "carry": [
            {
                "calculator": "cost-per-resolution",
                "params": {
                    "costs": "76600",
                    "contacts": "9800",
                    "period": "month",
                    "currency": "USD",
                },
            }
        ],
    }
    assert reply["link"] == {
        "costs": "76600",
        "contacts": "9800",
        "cover": "all",
        "period": "month",
        "currency": "USD",
    }
    assert number_problems(reply) == []


def test_handle_answers_compact_json() -> None:
    text = handle(json.dumps({"calculator": "cost-per-contact", "values": EXAMPLE, **NB}))
    assert ", " not in text
    assert ": " not in text
    assert main(json.loads(text)) == "7.82"


@pytest.mark.parametrize("locale", sorted(LOCALES))
@pytest.mark.parametrize("calculator", sorted(TYPED))
def test_typed_values_follow_the_locale(
    calculator: str, locale: str, number_problems: Problems
) -> None:
    decimal, group = LOCALES[locale]
    reply = ask(calculator, typed(calculator, group), decimal=decimal, group=group)
    assert reply["errors"] == {}
    assert main(reply, calculator) == expected_main(calculator)
    assert number_problems(reply) == []


@pytest.mark.parametrize(
    ("separators", "costs", "contacts"),
    [
        (NB, "kr 76\u202f600", "9\u00a0800"),
        (NB, "76 600,00", "9 800"),
        (IT, "€ 76.600", "9800"),
        ({"decimal": ",", "group": "\u202f"}, "76\u202f600", "9 800"),
    ],
)
def test_typed_values_with_signs_and_any_space(
    separators: dict[str, str], costs: str, contacts: str
) -> None:
    reply = contact({"costs": costs, "contacts": contacts}, **separators)
    assert reply["errors"] == {}
    assert main(reply) == "7.82"


def test_missing_separators_default_to_comma_and_space() -> None:
    reply = respond({"calculator": "cost-per-contact", "values": {"costs": "7,5", "contacts": "1"}})
    assert main(reply) == "7.5"


def test_the_same_text_reads_differently_by_locale() -> None:
    values = {"costs": "1.234", "contacts": "1"}
    assert main(contact(values, **IT)) == "1234"
    assert contact(values, **NB)["errors"] == {"costs": {"code": "ambiguous"}}


# --- link source ------------------------------------------------------------------------------


def test_link_source_reads_canonical_numbers(number_problems: Problems) -> None:
    values = {
        "costs": "76600",
        "contacts": "9800",
        "share": "20",
        "unit_cost": "0.50",
        "period": "year",
        "currency": "USD",
    }
    reply = contact(values, source="link")
    assert reply["errors"] == {}
    result = reply["result"]
    assert result["values"] == {
        "cost-per-contact": "7.82",
        "annual-costs": "76600",
        "annual-volume": "9800",
    }
    assert result["scenario"]["new_cost_per_contact"] == "6.82"
    assert reply["link"] == values | {"unit_cost": "0.5", "cover": "all"}
    assert number_problems(reply) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("76 600", "not_a_number"),
        ("76600,5", "not_a_number"),
        ("1e5", "not_a_number"),
        ("-76600", "negative"),
        ("1000000000000001", "too_large"),
        ("0.1234567", "too_many_decimals"),
    ],
)
def test_link_source_refuses_locale_text(text: str, code: str) -> None:
    reply = contact({"costs": text, "contacts": "9800"}, source="link")
    assert reply["errors"]["costs"]["code"] == code
    assert reply["result"] is None


@pytest.mark.parametrize("calculator", sorted(TYPED))
def test_link_round_trip_gives_the_same_result(calculator: str) -> None:
    typed_reply = ask(calculator, typed(calculator))
    assert typed_reply["errors"] == {}
    linked = ask(calculator, typed_reply["link"], source="link")
    assert linked == typed_reply


# --- errors by field --------------------------------------------------------------------------


def test_each_field_gets_its_own_error() -> None:
    reply = contact({"costs": "abc", "contacts": "-5", "share": "1,2,3", "unit_cost": "0,50"})
    assert reply["errors"] == {
        "costs": {"code": "not_a_number"},
        "contacts": {"code": "negative_number"},
        "share": {"code": "malformed"},
    }
    assert reply["result"] is None
    assert reply["link"] == {
        "unit_cost": "0.5",
        "cover": "all",
        "period": "month",
        "currency": "USD",
    }


def test_each_field_of_a_new_calculator_gets_its_own_error() -> None:
    values = {"talk": "1.5.5", "hold": "x", "wrap": "-1", "contacts": "2,5", "hourly_cost": "30"}
    reply = ask("average-handle-time", values)
    assert reply["errors"] == {
        "talk": {"code": "malformed"},
        "hold": {"code": "not_a_number"},
        "wrap": {"code": "negative_time"},
    }
    assert reply["link"] == {
        "contacts": "2.5",
        "hourly_cost": "30",
        "period": "month",
        "currency": "USD",
    }


def test_too_many_decimals_carries_the_allowed_places() -> None:
    reply = contact({"costs": "7,1234567", "contacts": "1"})
    assert reply["errors"] == {"costs": {"code": "too_many_decimals", "places": "6"}}


SL = {"calls": "360", "interval": "60", "aht": "240", "target": "80", "answer_time": "20"}
AHT = {"talk": "26000", "hold": "2400", "wrap": "6600", "contacts": "10000"}
FCR = {"resolved_first": "7200", "contacts": "10000", "fcr_target": "80", "costs": "76600"}

#: Service level's day plan: the same figures, interval volumes instead of the calls.
DAY = {"plan": "day", "interval": "30", "aht": "240", "target": "80", "answer_time": "20"}

WEB_ERRORS: list[tuple[str, dict[str, str], str, str]] = [
    ("service-level", DAY | {"volumes": "12\nmange"}, "series_not_a_number", "volumes"),
    ("service-level", DAY | {"volumes": "12\n-3"}, "series_negative", "volumes"),
    ("service-level", DAY | {"volumes": "12\n8,5"}, "series_not_whole", "volumes"),
    ("service-level", DAY | {"volumes": "1\n" * 97}, "series_too_many", "volumes"),
    ("service-level", DAY | {"volumes": "\n;\t\n"}, "series_empty", "volumes"),
    ("service-level", DAY | {"volumes": "0\n0"}, "series_no_calls", "volumes"),
    ("service-level", DAY, "empty", "volumes"),
    ("cost-per-contact", {"contacts": "9800"}, "empty", "costs"),
    ("cost-per-contact", {"costs": "76600"}, "empty", "contacts"),
    ("cost-per-call", {"costs": "41300"}, "empty", "calls"),
    ("cost-per-call", {"costs": "41300", "mode": "outbound"}, "empty", "sales"),
    ("occupancy", {"handle": "1240"}, "empty", "idle"),
    ("service-level", SL | {"aht": ""}, "empty", "aht"),
    ("cost-per-contact", {"costs": "NaN", "contacts": "1"}, "not_a_number", "costs"),
    ("cost-per-contact", {"costs": "-1", "contacts": "1"}, "negative", "costs"),
    ("cost-per-contact", {"costs": "1", "contacts": "-1"}, "negative_number", "contacts"),
    ("service-level", SL | {"aht": "-4:30"}, "negative_time", "aht"),
    ("service-level", SL | {"aht": "4:75"}, "clock", "aht"),
    ("cost-per-contact", {"costs": "1", "contacts": "0"}, "zero_divisor", "contacts"),
    ("cost-per-call", {"costs": "1", "calls": "0"}, "zero_divisor", "calls"),
    ("cost-per-call", {"costs": "1", "sales": "0", "mode": "outbound"}, "zero_divisor", "sales"),
    (
        "cost-per-contact",
        {"costs": "1", "contacts": "1", "rate": "0", "currency": "NOK"},
        "zero_divisor",
        "rate",
    ),
    ("service-level", SL | {"answer_time": "0"}, "zero_divisor", "answer_time"),
    ("service-level", SL | {"aht": "0"}, "zero_divisor", "aht"),
    ("average-handle-time", AHT | {"contacts": "0"}, "zero_divisor", "contacts"),
    (
        "average-handle-time",
        AHT | {"hourly_cost": "30", "occupancy": "0"},
        "zero_divisor",
        "occupancy",
    ),
    ("cost-per-resolution", {"costs": "1", "resolved": "0"}, "zero_divisor", "resolved"),
    (
        "shrinkage",
        {"scheduled": "100", "breaks": "60", "absence": "40"},
        "lost_not_below",
        "scheduled",
    ),
    (
        "agent-attrition",
        {"leavers": "1", "start_headcount": "0", "end_headcount": "0"},
        "zero_headcount",
        "start_headcount",
    ),
    ("cost-per-contact", {"costs": "1" * 50, "contacts": "1"}, "too_large", "costs"),
    (
        "cost-per-contact",
        {"salaries": "1000000000000000", "other": "1", "contacts": "1"},
        "too_large",
        "costs",
    ),
    ("average-handle-time", AHT | {"hold": "1 000 000 001"}, "too_large", "hold"),
    ("cost-per-call", {"costs": "1", "calls": "1,2,3"}, "malformed", "calls"),
    ("cost-per-contact", {"costs": "1.234", "contacts": "1"}, "ambiguous", "costs"),
    ("cost-per-contact", {"costs": "1,234.50", "contacts": "1"}, "wrong_locale", "costs"),
    ("cost-per-contact", {"costs": "1", "contacts": "10,5"}, "not_whole", "contacts"),
    ("cost-per-contact", {"costs": "1", "chat": "2,5"}, "not_whole", "chat"),
    ("cost-per-call", {"costs": "1", "calls": "7,5"}, "not_whole", "calls"),
    ("service-level", SL | {"calls": "360,5"}, "not_whole", "calls"),
    ("abandonment-rate", {"abandoned": "1,5", "offered": "10"}, "not_whole", "abandoned"),
    (
        "cost-per-contact",
        {"costs": "1", "contacts": "1", "share": "0,0000001"},
        "too_many_decimals",
        "share",
    ),
    (
        "cost-per-contact",
        {"costs": "76600", "contacts": "9800", "share": "101", "unit_cost": "0,5"},
        "percent_range",
        "share",
    ),
    (
        "cost-per-call",
        {"costs": "41300", "calls": "11800", "repeat_now": "100", "repeat_target": "15"},
        "percent_range",
        "repeat_now",
    ),
    (
        "cost-per-contact",
        {
            "costs": "76600",
            "contacts": "9800",
            "share": "20",
            "unit_cost": "0,5",
            "variable_share": "100,1",
        },
        "percent_range",
        "variable_share",
    ),
    ("first-contact-resolution", FCR | {"variable_share": "0"}, "percent_range", "variable_share"),
    ("service-level", SL | {"shrinkage": "100"}, "percent_range", "shrinkage"),
    (
        "average-handle-time",
        AHT | {"hourly_cost": "30", "shrinkage": "100"},
        "percent_range",
        "shrinkage",
    ),
    (
        "cost-per-call",
        {"costs": "41300", "calls": "11800", "repeat_now": "15", "repeat_target": "25"},
        "target_not_lower",
        "repeat_target",
    ),
    (
        "cost-per-contact",
        {"costs": "76600", "contacts": "9800", "share": "20", "unit_cost": "8"},
        "not_cheaper",
        "unit_cost",
    ),
    ("first-contact-resolution", FCR | {"resolved_first": "10 001"}, "exceeds", "resolved_first"),
    ("abandonment-rate", {"abandoned": "12 001", "offered": "12 000"}, "exceeds", "abandoned"),
    (
        "abandonment-rate",
        {"abandoned": "100", "offered": "12 000", "short": "180"},
        "exceeds",
        "short",
    ),
    (
        "cost-per-resolution",
        {"costs": "1", "resolved": "9 801", "contacts": "9 800"},
        "exceeds",
        "resolved",
    ),
    (
        "abandonment-rate",
        {"abandoned": "12 000", "offered": "12 000", "short": "12 000"},
        "short_not_below",
        "short",
    ),
    ("first-contact-resolution", FCR | {"fcr_target": "72"}, "target_not_higher", "fcr_target"),
    ("service-level", SL | {"target": "100"}, "target_range", "target"),
    ("service-level", SL | {"target": "0"}, "target_range", "target"),
    ("occupancy", {"handle": "0", "idle": "0,0"}, "both_zero", "handle"),
    ("service-level", SL | {"calls": "1 000 000"}, "too_many_agents", "calls"),
    ("service-level", SL | {"agents": "24"}, "too_few_agents", "agents"),
    ("first-contact-resolution", FCR | {"fcr_target": "100,5"}, "over_hundred", "fcr_target"),
    (
        "average-handle-time",
        AHT | {"hourly_cost": "30", "occupancy": "101"},
        "over_hundred",
        "occupancy",
    ),
]


@pytest.mark.parametrize(
    ("calculator", "values", "code", "field"),
    WEB_ERRORS,
    ids=[f"{calculator}-{code}-{field}" for calculator, _, code, field in WEB_ERRORS],
)
def test_error_codes_through_the_bridge(
    calculator: str, values: dict[str, str], code: str, field: str
) -> None:
    reply = ask(calculator, values)
    # a mistake in a what-if field leaves the main result standing, without the what-if
    if field in SPECS[calculator].what_if:
        assert reply["result"] is not None and reply["result"]["scenario"] is None
    else:
        assert reply["result"] is None
    assert list(reply["errors"]) == [field]
    assert reply["errors"][field]["code"] == code


#: Codes no reply of the bridge carries, and why.
OUTSIDE_THE_BRIDGE = {
    # The interval is a choice: an unknown interval in a link falls back to the default (see
    # test_an_unknown_interval_falls_back_to_the_default), so only a direct call of the staffing
    # formulas meets it (test_an_interval_not_in_the_list_is_refused_by_the_formulas).
    "not_in_list",
    # Set by the page's script when the worker's Python fails; Python never raises it.
    "compute_failed",
}


#: Refused solves: the code is in the reply's ``solve``, not at a field.
SOLVE_ERRORS = [
    ("cost-per-contact", {"costs": "76600"}, "contacts", "0", "solve_target"),
    ("cost-per-contact", {"costs": "76600"}, "contacts", "-6", "solve_target"),
    ("cost-per-contact", {"costs": "10"}, "contacts", "3", "solve_inexact"),
    ("cost-per-call", {"mode": "outbound", "costs": "10"}, "sales", "3", "solve_inexact"),
    ("cost-per-call", {"mode": "inbound"}, "calls", "3", "solve_needs"),
]


@pytest.mark.parametrize(
    ("calculator", "values", "solve", "target", "code"),
    SOLVE_ERRORS,
    ids=[f"{c}-{s}-{t}-{code}" for c, _, s, t, code in SOLVE_ERRORS],
)
def test_solve_errors_through_the_bridge(
    calculator: str, values: dict[str, str], solve: str, target: str, code: str
) -> None:
    reply = respond({"calculator": calculator, "values": values, "solve": solve, "target": target})
    # an inexact solve still answers, with the nearest whole number (test_solve.py)
    assert (reply["result"] is None) == (code != "solve_inexact") and reply["errors"] == {}
    assert reply["solve"]["error"]["code"] == code


def test_the_bridge_reaches_every_error_code() -> None:
    reached = {code for _, _, code, _ in WEB_ERRORS} | {code for *_, code in SOLVE_ERRORS}
    assert reached == ERROR_CODES - OUTSIDE_THE_BRIDGE
    assert OUTSIDE_THE_BRIDGE <= ERROR_CODES


def test_an_interval_not_in_the_list_is_refused_by_the_formulas() -> None:
    with pytest.raises(CalculatorError) as caught:
        agents_for_target(360, 45, 240, 80, 20)
    assert (caught.value.code, caught.value.field) == ("not_in_list", "interval_minutes")
    assert caught.value.details == {"allowed": INTERVALS}
    numbers = {name: Decimal(value) for name, value in SL.items() if name != "interval"}
    with pytest.raises(CalculatorError) as caught:
        SPECS["service-level"].compute(calc.Inputs(numbers, {"interval": "45"}))
    assert (caught.value.code, caught.value.field) == ("not_in_list", "interval")


@pytest.mark.parametrize("interval", ["45", "0", "", "60.0", "-15", "<b>15</b>"])
def test_an_unknown_interval_falls_back_to_the_default(interval: str) -> None:
    reply = ask("service-level", SL | {"interval": interval}, source="link")
    assert reply["errors"] == {}
    assert reply["link"]["interval"] == SPECS["service-level"].field("interval").initial == "30"
    assert reply["result"]["values"]["traffic"] == "48"


@pytest.mark.parametrize(
    ("calculator", "values", "error"),
    [
        (
            "first-contact-resolution",
            FCR | {"resolved_first": "10 001"},
            {"code": "exceeds", "other": "contacts"},
        ),
        ("occupancy", {"handle": "0", "idle": "0"}, {"code": "both_zero", "other": "idle"}),
        (
            "service-level",
            SL | {"calls": "1 000 000"},
            {"code": "too_many_agents", "max": "5000"},
        ),
        ("average-handle-time", AHT | {"wrap": "2e9"}, {"code": "not_a_number"}),
        (
            "average-handle-time",
            AHT | {"wrap": "2 000 000 000"},
            {"code": "too_large", "max": "1000000000"},
        ),
    ],
)
def test_errors_carry_what_their_message_names(
    calculator: str, values: dict[str, str], error: dict[str, str]
) -> None:
    errors = ask(calculator, values)["errors"]
    assert list(errors.values()) == [error]


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "1<b>2</b>",
    "{{7*7}}",
    "${7*7}",
    "1; DROP TABLE contacts",
    "../../etc/passwd",
    "%3Cscript%3E",
    "\u0000",
    "１２<svg/onload=alert(1)>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("calculator", sorted(SPECS))
def test_payloads_become_error_codes(calculator: str, payload: str) -> None:
    """A payload in any field is refused with a code; nothing of it comes back in the reply."""
    field = SPECS[calculator].numbers[0].name
    for source in ("typed", "link"):
        text = handle(
            json.dumps(
                {"calculator": calculator, "values": {field: payload}, "source": source, **NB}
            )
        )
        reply = json.loads(text)
        assert reply["result"] is None
        assert reply["errors"][field]["code"] in ERROR_CODES - {"empty"}
        assert field not in reply["link"]
        assert "<" not in text
        assert "alert" not in text


# --- what is ignored, and defaults ------------------------------------------------------------


@pytest.mark.parametrize("calculator", sorted(TYPED))
def test_unknown_parameters_are_ignored(calculator: str) -> None:
    values = typed(calculator) | {"utm_source": "newsletter", "fbclid": "x", "": "1", "x": "<b>"}
    reply = ask(calculator, values, extra="ignored", lang="nb")
    assert reply["errors"] == {}
    assert main(reply, calculator) == expected_main(calculator)
    assert set(reply["link"]) <= {field.name for field in SPECS[calculator].fields}


def test_fields_that_do_not_apply_are_ignored() -> None:
    reply = call({"costs": "41300", "calls": "11800", "sales": "-5", "mode": "inbound"})
    assert reply["errors"] == {}
    assert "sales" not in reply["link"]


def test_blank_and_null_fields_are_missing_not_errors() -> None:
    reply = contact(EXAMPLE | {"share": "  ", "unit_cost": None, "rate": "\u00a0", "chat": ""})
    assert reply["errors"] == {}
    assert reply["result"]["scenario"] is None
    assert set(reply["link"]) == {"costs", "contacts", "cover", "period", "currency"}


def test_numbers_from_json_are_read_as_text() -> None:
    reply = contact({"costs": 76600, "contacts": 9800})
    assert main(reply) == "7.82"


def test_missing_values_object() -> None:
    reply = respond({"calculator": "cost-per-call", "values": None})
    assert reply["errors"] == {"costs": {"code": "empty"}}
    assert reply["link"] == {
        "mode": "inbound",
        "cover": "all",
        "period": "month",
        "currency": "USD",
    }


CHOICE_FIELDS = [
    (spec.id, field) for spec in SPECS.values() for field in spec.fields if field.kind == "choice"
]


@pytest.mark.parametrize("bogus", [None, "", "fortnight", "bogus", " "])
@pytest.mark.parametrize(
    ("calculator", "field"), CHOICE_FIELDS, ids=[f"{c}-{f.name}" for c, f in CHOICE_FIELDS]
)
def test_an_unknown_choice_falls_back_to_its_default(
    calculator: str, field: Field, bogus: str | None
) -> None:
    reply = ask(calculator, typed(calculator) | {field.name: bogus})
    assert reply["link"][field.name] == field.initial
    assert reply["errors"] == {}


@pytest.mark.parametrize(
    ("calculator", "field"), CHOICE_FIELDS, ids=[f"{c}-{f.name}" for c, f in CHOICE_FIELDS]
)
def test_choices_are_matched_exactly(calculator: str, field: Field) -> None:
    for value in field.choices:
        assert ask(calculator, {field.name: value})["link"][field.name] == value
        if value.upper() != value:
            assert ask(calculator, {field.name: value.upper()})["link"][field.name] == field.initial


@pytest.mark.parametrize(
    ("period", "annual_costs", "annual_volume"),
    [
        ("week", "3983200", "509600"),
        ("month", "919200", "117600"),
        ("quarter", "306400", "39200"),
        ("year", "76600", "9800"),
    ],
)
def test_period_annualises(period: str, annual_costs: str, annual_volume: str) -> None:
    reply = contact(EXAMPLE | {"period": period})
    assert reply["link"]["period"] == period
    values = reply["result"]["values"]
    assert (values["annual-costs"], values["annual-volume"]) == (annual_costs, annual_volume)


@pytest.mark.parametrize("mode", [None, "", "sideways", "OUTBOUND"])
def test_mode_defaults_to_inbound(mode: str | None) -> None:
    reply = call({"costs": "41300", "calls": "11800", "sales": "1150", "mode": mode})
    assert reply["link"]["mode"] == "inbound"
    assert main(reply, "cost-per-call") == "3.5"


# --- breakdowns -------------------------------------------------------------------------------


def test_a_breakdown_replaces_the_total(number_problems: Problems) -> None:
    values = {
        "costs": "1",
        "salaries": "48\u00a0500",
        "benefits": "9\u00a0700",
        "technology": "6\u00a0800",
        "hardware": "1\u00a0900",
        "facilities": "5\u00a0600",
        "taxes": "2\u00a0300",
        "other": "1\u00a0800",
        "phone": "4900",
        "email": "2000",
        "chat": "2300",
        "social": "600",
        "contacts": "1",
    }
    reply = contact(values)
    result = reply["result"]
    assert main(reply) == "7.82"
    assert result["source"] == "breakdown"
    assert [part["key"] for part in result["shares"]] == [
        "salaries",
        "benefits",
        "technology",
        "hardware",
        "facilities",
        "taxes",
        "other",
    ]
    assert result["shares"][0] == {"key": "salaries", "value": "48500", "percent": "63.3"}
    assert result["shares"][5] == {"key": "taxes", "value": "2300", "percent": "3"}
    assert result["values"]["annual-volume"] == "117600"
    assert number_problems(reply) == []


def test_call_breakdown() -> None:
    reply = call({"salaries": "30000", "other": "11300", "calls": "11800"})
    result = reply["result"]
    assert result["source"] == "breakdown"
    assert [part["key"] for part in result["shares"]] == ["salaries", "other"]
    assert result["values"]["annual-costs"] == "495600"
    assert main(reply, "cost-per-call") == "3.5"


# --- currencies, rates and comparisons --------------------------------------------------------


def test_the_rate_converts_for_the_comparison() -> None:
    reply = contact(
        {"costs": "782\u00a0000", "contacts": "10\u00a0000", "rate": "10", "currency": "NOK"}
    )
    comparison = reply["result"]["comparison"]
    assert comparison == {
        "position": "above",
        "rate": "10",
        "percent": "9.2",
        "difference": "6.6",
        "reference": "71.6",
        "benchmark": {"low": "7.16", "high": "7.16", "currency": "USD", "foreign": ["VND"]},
        "local": {"low": "71.6", "high": "71.6"},
    }
    assert reply["result"]["notes"] == []


def test_the_rate_converts_a_range() -> None:
    reply = call({"costs": "35000", "calls": "1000", "rate": "10,0", "currency": "NOK"})
    assert reply["result"]["comparison"]["position"] == "within"
    assert reply["result"]["comparison"]["rate"] == "10"


def test_another_currency_without_a_rate_is_not_compared() -> None:
    reply = contact(EXAMPLE | {"currency": "EUR"})
    assert reply["errors"] == {}
    assert reply["result"]["comparison"] is None
    assert reply["result"]["notes"] == ["compare.no_rate"]


def test_usd_ignores_the_rate() -> None:
    reply = contact(EXAMPLE | {"rate": "0", "currency": "USD"})
    assert reply["errors"] == {}
    assert reply["result"]["comparison"]["rate"] == "1"
    assert "rate" not in reply["link"]


def test_a_zero_rate_is_an_error_of_the_rate_field() -> None:
    reply = contact(EXAMPLE | {"rate": "0,00", "currency": "NOK"})
    assert reply["errors"] == {"rate": {"code": "zero_divisor"}}
    assert reply["result"] is None
    assert reply["link"]["rate"] == "0"


@pytest.mark.parametrize("currency", [None, "", "GBP", "usd"])
def test_currency_defaults_to_usd(currency: str | None) -> None:
    reply = contact(EXAMPLE | {"currency": currency, "rate": "10"})
    assert reply["link"]["currency"] == "USD"
    assert reply["result"]["comparison"]["position"] == "above"


@pytest.mark.parametrize(
    ("digits", "value"),
    [(0, "8"), (1, "7.8"), (2, "7.82"), (4, "7.8163"), (9, "7.8163"), (-3, "8")],
)
def test_digits_follow_the_currency(digits: int, value: str) -> None:
    reply = contact(EXAMPLE, digits=digits)
    assert main(reply) == value
    assert reply["result"]["values"]["annual-costs"] == "919200"


# --- outbound ---------------------------------------------------------------------------------


def test_outbound_has_no_comparison_and_no_scenario(number_problems: Problems) -> None:
    reply = call(
        {
            "mode": "outbound",
            "costs": "27\u00a0600",
            "sales": "1\u00a0150",
            "calls": "99",
            "repeat_now": "25",
            "repeat_target": "15",
            "rate": "10",
            "currency": "NOK",
        }
    )
    assert reply["errors"] == {}
    result = reply["result"]
    assert result["values"] == {
        "cost-per-call": "24",
        "annual-costs": "331200",
        "annual-volume": "13800",
    }
    assert (result["comparison"], result["scenario"]) == (None, None)
    assert result["notes"] == ["compare.none"]
    assert reply["link"] == {
        "mode": "outbound",
        "costs": "27600",
        "sales": "1150",
        "rate": "10",
        "cover": "all",
        "period": "month",
        "currency": "NOK",
    }
    assert number_problems(reply) == []


def test_outbound_ignores_repeat_call_errors() -> None:
    reply = call(
        {"mode": "outbound", "costs": "1", "sales": "1", "repeat_now": "15", "repeat_target": "25"}
    )
    assert reply["errors"] == {}


# --- scenarios --------------------------------------------------------------------------------


def test_self_service_scenario_with_the_default_variable_share() -> None:
    reply = contact(EXAMPLE | {"share": "20", "unit_cost": "0,50"})
    assert reply["result"]["scenario"] == {
        "share": "20",
        "unit_cost": "0.5",
        "variable_share": "70",
        "moved": "1960",
        "variable_cost_per_contact": "5.47",
        "saving_per_moved": "4.97",
        "new_cost_per_contact": "6.82",
        "saving_period": "9744",
        "saving_year": "116928",
    }


def test_self_service_scenario_with_the_staff_share_of_the_breakdown() -> None:
    values = {"salaries": "48500", "benefits": "9700", "other": "18400", "contacts": "9800"}
    reply = contact(values | {"share": "20", "unit_cost": "0,50"})
    scenario = reply["result"]["scenario"]
    assert scenario["variable_share"] == "76"
    assert (scenario["moved"], scenario["saving_per_moved"]) == ("1960", "5.44")
    assert (scenario["new_cost_per_contact"], scenario["saving_year"]) == ("6.73", "127920")


@pytest.mark.parametrize("half", [{"share": "20"}, {"unit_cost": "0,5"}])
def test_half_a_scenario_is_no_scenario(half: dict[str, str]) -> None:
    reply = contact(EXAMPLE | half)
    assert reply["errors"] == {}
    assert reply["result"]["scenario"] is None


def test_repeat_calls_scenario(number_problems: Problems) -> None:
    reply = call(
        {"costs": "41\u00a0300", "calls": "11\u00a0800", "repeat_now": "25", "repeat_target": "15"}
    )
    result = reply["result"]
    assert result["comparison"]["position"] == "within"
    assert result["scenario"] == {
        "repeat_now": "25",
        "repeat_target": "15",
        "variable_share": "70",
        "calls_after": "10412",
        "calls_avoided": "1388",
        "variable_cost_per_call": "2.45",
        "saving_period": "3401.18",
        "saving_year": "40814.12",
    }
    assert number_problems(reply) == []


def test_fcr_what_if(number_problems: Problems) -> None:
    reply = ask("first-contact-resolution", FCR | {"variable_share": "70"})
    result = reply["result"]
    assert result["values"] == {"first-contact-resolution": "72", "unresolved": "2800"}
    assert result["band"] == "good"
    assert result["scenario"] == {
        "fcr_target": "80",
        "variable_share": "70",
        "handled_now": "12800",
        "contacts_avoided": "800",
        "variable_costs": "53620",
        "variable_cost_per_contact": "4.19",
        "saving_period": "3351.25",
        "saving_year": "40215",
    }
    assert number_problems(reply) == []


# --- the new calculators: bands, tables ---------------------------------------------------------


@pytest.mark.parametrize(
    ("calculator", "values", "figures", "band"),
    [
        (
            "average-handle-time",
            AHT | {"hourly_cost": "30", "occupancy": "85", "shrinkage": "30"},
            {
                "average-handle-time": "210",
                "labour-cost-per-contact": "2.94",
                "handle-minutes": "35000",
                "handle-hours": "583.33",
                "paid-hours": "980.39",
            },
            "within",
        ),
        (
            "average-handle-time",
            AHT,
            {"average-handle-time": "210", "handle-minutes": "35000", "handle-hours": "583.33"},
            "within",
        ),
        (
            "occupancy",
            {"handle": "1 240", "idle": "360"},
            {
                "occupancy": "77.5",
                "logged-in-hours": "1600",
                "hours-at-goal": "1458.82",
                "idle-hours-above-goal": "141.18",
                "hours-at-low": "1550",  # the bottom of the quoted 80-85 % as well
                "idle-hours-above-low": "50",
            },
            "below",
        ),
        (
            "abandonment-rate",
            {"abandoned": "780", "offered": "12 000", "short": "180"},
            {
                "abandonment-rate": "5.1",
                "abandonment-rate-all": "6.5",
                "counted-abandoned": "600",
                "counted-offered": "11820",
            },
            "between",
        ),
        (
            "cost-per-resolution",
            {"costs": "78 400", "resolved": "7 000", "contacts": "9 800"},
            {
                "cost-per-resolution": "11.2",
                "contacts-per-resolution": "1.4",
                "cost-per-contact": "8",
                "annual-costs": "940800",
            },
            None,
        ),
    ],
)
def test_results_and_bands(
    calculator: str,
    values: dict[str, str],
    figures: dict[str, str],
    band: str | None,
    number_problems: Problems,
) -> None:
    reply = ask(calculator, values)
    assert reply["result"]["values"] == figures
    assert reply["result"]["band"] == band
    assert reply["result"]["comparison"] is None
    assert number_problems(reply) == []


def test_service_level_with_its_table(number_problems: Problems) -> None:
    reply = ask("service-level", SL | {"shrinkage": "30", "hourly_cost": "30"})
    result = reply["result"]
    assert result["values"] == {
        "agents": "29",
        "scheduled-agents": "42",
        "service-level": "84",
        "asa": "11.6",
        "wait-minutes": "69.77",
        "wait-probability": "24.2",
        "occupancy": "82.8",
        "traffic": "24",
        "calls-at-target": "367",
        "staff-cost": "1260",
        "staff-cost-per-call": "3.5",
    }
    assert result["notes"] == ["note.erlang_c", "note.decided.target"]
    assert [line["agents"] for line in result["table"]] == ["27", "28", "29", "30", "31", "32"]
    assert result["table"][2] == {
        "agents": "29",
        "scheduled-agents": "42",
        "service-level": "84",
        "asa": "11.6",
        "occupancy": "82.8",
        "staff-cost-per-call": "3.5",
    }
    assert number_problems(reply) == []


def test_service_level_table_without_a_cost() -> None:
    table = ask("service-level", SL)["result"]["table"]
    columns = {"agents", "scheduled-agents", "service-level", "asa", "occupancy"}
    assert all(set(line) == columns for line in table)


def test_the_table_shows_the_scheduled_agents_its_cost_uses() -> None:
    # 27 agents at 30 % shrinkage are 39 scheduled: 39 x 30 / 360 = 3.25 a call, as the row says
    table = ask("service-level", SL | {"shrinkage": "30", "hourly_cost": "30"})["result"]["table"]
    for line in table:
        cost = Decimal(line["scheduled-agents"]) * 30 / 360
        assert Decimal(line["staff-cost-per-call"]) == round(cost, 2)
    assert (table[0]["agents"], table[0]["scheduled-agents"]) == ("27", "39")


# --- service level: Erlang A, occupancy cap, fixed agents ----------------------------------------


def test_a_patience_runs_erlang_a(number_problems: Problems) -> None:
    reply = ask("service-level", SL | {"patience": "120"})
    result = reply["result"]
    values = result["values"]
    assert (values["agents"], values["service-level"], values["abandoned"]) == ("26", "82.3", "5.8")
    assert values["wait-probability"] == "31.4"
    assert result["notes"] == ["note.erlang_a.offered", "note.decided.target"]
    assert all("abandoned" in line for line in result["table"])
    assert result["table"][0]["agents"] == "24"  # as many agents as erlangs is shown too
    assert reply["link"]["patience"] == "120"
    assert number_problems(reply) == []


def test_the_basis_excludes_early_hang_ups() -> None:
    # the same 27 agents reach a higher level over fewer calls, so the target needs fewer of them
    fixed = SL | {"patience": "120", "agents": "27"}
    offered = ask("service-level", fixed)["result"]["values"]
    early = ask("service-level", fixed | {"basis": "excl_early"})
    assert early["link"]["basis"] == "excl_early"
    assert early["result"]["notes"][0] == "note.erlang_a.excl_early"
    assert (offered["service-level"], early["result"]["values"]["service-level"]) == (
        "86.5",
        "89.1",
    )
    needed = {
        basis: ask("service-level", SL | {"patience": "120", "basis": basis})["result"]["values"]
        for basis in ("offered", "excl_early")
    }
    assert (needed["offered"]["agents"], needed["excl_early"]["agents"]) == ("26", "25")


def test_the_basis_needs_no_patience_to_be_ignored() -> None:
    # without a patience nobody hangs up: the basis changes nothing and Erlang C runs
    reply = ask("service-level", SL | {"basis": "excl_early"})
    assert reply["result"]["notes"][0] == "note.erlang_c"
    assert reply["result"]["values"]["agents"] == "29"


@pytest.mark.parametrize(
    ("cap", "agents", "decided"),
    [("80", "30", "note.decided.occupancy"), ("85", "29", "note.decided.target")],
)
def test_an_occupancy_cap_raises_the_agents(cap: str, agents: str, decided: str) -> None:
    result = ask("service-level", SL | {"max_occupancy": cap})["result"]
    assert result["values"]["agents"] == agents
    assert Decimal(result["values"]["occupancy"]) <= Decimal(cap)
    assert result["notes"][1] == decided


def test_fixed_agents_answer_what_they_give() -> None:
    result = ask("service-level", SL | {"agents": "27", "max_occupancy": "50"})["result"]
    values = result["values"]
    assert (values["agents"], values["service-level"], values["asa"]) == ("27", "65", "36")
    assert values["occupancy"] == "88.9"  # the cap does not move a fixed number
    assert values["calls-at-target"] == "339"
    assert result["notes"][1] == "note.decided.fixed"
    with_patience = ask("service-level", SL | {"agents": "20", "patience": "90"})["result"]
    assert with_patience["values"]["agents"] == "20"  # fewer than the erlangs: callers hang up
    assert Decimal(with_patience["values"]["abandoned"]) > 10


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"patience": "0"}, "zero_divisor", "patience"),
        ({"patience": "-30"}, "negative_time", "patience"),
        ({"patience": "100 000"}, "too_large", "patience"),
        ({"max_occupancy": "101"}, "over_hundred", "max_occupancy"),
        ({"max_occupancy": "0"}, "zero_divisor", "max_occupancy"),
        ({"agents": "27,5"}, "not_whole", "agents"),
        ({"agents": "0"}, "zero_divisor", "agents"),
        ({"agents": "24"}, "too_few_agents", "agents"),
    ],
)
def test_service_level_options_refuse_bad_values(
    values: dict[str, str], code: str, field: str
) -> None:
    reply = ask("service-level", SL | values)
    assert list(reply["errors"]) == [field]
    assert reply["errors"][field]["code"] == code
    assert reply["result"] is None


# --- carried over -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calculator", "values", "carry"),
    [
        ("average-handle-time", AHT, [{"calculator": "service-level", "params": {"aht": "210"}}]),
        (
            "service-level",
            SL | {"hourly_cost": "30", "shrinkage": "30", "currency": "EUR"},
            [
                {
                    "calculator": "cost-per-call",
                    "params": {
                        "costs": "1260",
                        "calls": "360",
                        "currency": "EUR",
                        "cover": "staff",
                    },
                },
                {
                    "calculator": "average-speed-of-answer",
                    "params": {"wait": "69.77", "answered": "360"},
                },
            ],
        ),
        (
            "service-level",
            SL,
            [
                {
                    "calculator": "average-speed-of-answer",
                    "params": {"wait": "69.77", "answered": "360"},
                }
            ],
        ),
        (
            "abandonment-rate",
            {"abandoned": "780", "offered": "12 000"},
            [{"calculator": "service-level", "params": {}}],
        ),
        (
            "cost-per-resolution",
            {"costs": "78 400", "resolved": "7 000", "contacts": "9 800", "currency": "NOK"},
            [
                {
                    "calculator": "cost-per-contact",
                    "params": {
                        "costs": "78400",
                        "contacts": "9800",
                        "period": "month",
                        "currency": "NOK",
                    },
                }
            ],
        ),
        ("cost-per-resolution", {"costs": "78 400", "resolved": "7 000"}, []),
        (
            "occupancy",
            {"handle": "1", "idle": "1"},
            [{"calculator": "agent-utilization", "params": {"handling": "1", "logged_in": "2"}}],
        ),
        (
            "average-speed-of-answer",
            {"wait": "5900", "answered": "11800"},
            [{"calculator": "service-level", "params": {}}],
        ),
        (
            "customer-satisfaction",
            {"satisfied": "1640", "responses": "2000"},
            [{"calculator": "first-contact-resolution", "params": {}}],
        ),
    ],
)
def test_results_carry_over_to_the_next_calculator(
    calculator: str, values: dict[str, str], carry: list[dict[str, Any]]
) -> None:
    assert ask(calculator, values)["result"]["carry"] == carry


def test_fcr_carries_over_to_cost_per_resolution() -> None:
    carry = ask("first-contact-resolution", FCR)["result"]["carry"]
    assert [link["calculator"] for link in carry] == [
        "cost-per-resolution",
        "customer-satisfaction",
    ]
    params = carry[0]["params"]
    assert params == {
        "costs": "76600",
        "resolved": "10000",
        "contacts": "12800",
        "period": "month",
        "currency": "USD",
    }


@pytest.mark.parametrize("hourly_cost", ["10.01", "30", "17.49"])
def test_a_carried_staff_cost_keeps_its_cents(hourly_cost: str) -> None:
    values = {"calls": "1", "interval": "15", "aht": "60", "target": "80", "answer_time": "20"}
    result = ask("service-level", values | {"hourly_cost": hourly_cost})["result"]
    (carry,) = [link for link in result["carry"] if link["calculator"] == "cost-per-call"]
    following = ask(carry["calculator"], carry["params"], source="link")
    assert main(following, carry["calculator"]) == result["values"]["staff-cost-per-call"]


def test_cost_per_contact_carries_over_to_cost_per_resolution() -> None:
    carry = contact(EXAMPLE)["result"]["carry"]
    assert [link["calculator"] for link in carry] == ["cost-per-resolution"]


@pytest.mark.parametrize("calculator", sorted(TYPED))
def test_carried_links_open_in_the_next_calculator(calculator: str) -> None:
    """The carried parameters are canonical: the next calculator reads each one without an error."""
    values = typed(calculator) | {"hourly_cost": "30", "contacts": "9800"}
    if calculator == "cost-per-resolution":
        values["resolved"] = "7000"
    for carry in ask(calculator, values)["result"]["carry"]:
        reply = ask(carry["calculator"], carry["params"], source="link")
        assert set(carry["params"]).isdisjoint(reply["errors"])
        assert carry["params"].items() <= reply["link"].items()


# --- the bridge is generic --------------------------------------------------------------------


def fake_spec(compute: Callable[[calc.Inputs], calc.Outcome], **spec: Any) -> Spec:
    return Spec(
        id="fake",
        fields=(
            Field("mode", "choice", "k", choices=("a", "b")),
            Field("amount", "number", "k"),
        ),
        compute=compute,
        results=(Row("total", "k", "number", main=True),),
        **spec,
    )


def test_an_error_without_a_field_is_shown_at_the_first_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(inputs: calc.Inputs) -> calc.Outcome:
        raise CalculatorError("too_large")

    monkeypatch.setitem(SPECS, "fake", fake_spec(failing))
    reply = respond({"calculator": "fake", "values": {"amount": "1"}})
    assert reply["errors"] == {"amount": {"code": "too_large"}}
    assert reply["result"] is None


def test_a_carry_holds_only_under_its_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    def total(inputs: calc.Inputs) -> calc.Outcome:
        return calc.Outcome(values={"total": inputs.need("amount")})

    carry = Carry("occupancy", (("handle", "total"),), when=(("mode", "b"),))
    monkeypatch.setitem(SPECS, "fake", fake_spec(total, carry=(carry,)))
    reply = respond({"calculator": "fake", "values": {"amount": "1", "mode": "a"}})
    assert reply["result"]["carry"] == []


# --- output hygiene ---------------------------------------------------------------------------

EXTREMES: list[tuple[str, dict[str, str]]] = [
    (
        "cost-per-contact",
        {
            "costs": "1000000000000000",
            "contacts": "1",
            "rate": "0.000001",
            "share": "100",
            "unit_cost": "0",
            "variable_share": "100",
        },
    ),
    (
        "cost-per-contact",
        {"costs": "0.000001", "contacts": "1000000000000000", "rate": "1000000000000000"},
    ),
    ("cost-per-contact", {"salaries": "0", "phone": "0", "contacts": "1", "email": "3"}),
    (
        "cost-per-call",
        {
            "costs": "1000000000000000",
            "calls": "1",
            "rate": "0.000001",
            "repeat_now": "99.999999",
            "repeat_target": "0",
            "variable_share": "0.000001",
        },
    ),
    ("cost-per-call", {"mode": "outbound", "costs": "1000000000000000", "sales": "1"}),
    (
        "cost-per-resolution",
        {"costs": "1000000000000000", "resolved": "1", "contacts": "1000000000000000"},
    ),
    ("cost-per-resolution", {"costs": "0.000001", "resolved": "1000000000000000"}),
    ("average-handle-time", {"talk": "0", "hold": "0", "wrap": "0.000001", "contacts": "1"}),
    (
        "average-handle-time",
        {
            "talk": "1000000000",
            "hold": "1000000000",
            "wrap": "1000000000",
            "contacts": "1",
            "hourly_cost": "1000000000000000",
        },
    ),
    ("occupancy", {"handle": "1000000000000000", "idle": "0.000001"}),
    ("occupancy", {"handle": "0", "idle": "1000000000000000"}),
    (
        "service-level",
        {
            "calls": "1",
            "aht": "0.000001",
            "target": "99.999999",
            "answer_time": "1000000000000000",
            "shrinkage": "99.999999",
            "hourly_cost": "1000000000000000",
        },
    ),
    (
        "service-level",
        {
            "calls": "1",
            "interval": "15",
            "aht": "4000000",
            "target": "0.000001",
            "answer_time": "0.000001",
            "shrinkage": "99.999999",
            "hourly_cost": "999999999999999.999999",
        },
    ),
    (
        "first-contact-resolution",
        {
            "resolved_first": "0",
            "contacts": "1000000000000000",
            "fcr_target": "100",
            "costs": "1000000000000000",
            "variable_share": "100",
        },
    ),
    ("abandonment-rate", {"abandoned": "1000000000000000", "offered": "1000000000000000"}),
    ("abandonment-rate", {"abandoned": "1", "offered": "1000000000000000", "short": "1"}),
]


@pytest.mark.parametrize(("calculator", "values"), EXTREMES, ids=[c for c, _ in EXTREMES])
@pytest.mark.parametrize("period", ["week", "year"])
@pytest.mark.parametrize("digits", [0, 4])
def test_extreme_inputs_give_plain_numbers(
    calculator: str, values: dict[str, str], period: str, digits: int, number_problems: Problems
) -> None:
    values = values | {"period": period, "currency": "VND"}
    reply = ask(calculator, values, source="link", digits=digits)
    assert reply["errors"] == {}
    assert reply["result"] is not None
    assert number_problems(reply) == []


@pytest.mark.parametrize("digits", [0, 2])
def test_the_largest_labour_cost_gives_plain_numbers(
    digits: int, number_problems: Problems
) -> None:
    values = {
        "talk": "1000000000",
        "hold": "1000000000",
        "wrap": "1000000000",
        "contacts": "1",
        "hourly_cost": "1000000000000000",
        "occupancy": "0.000001",
        "shrinkage": "99.999999",
    }
    reply = ask("average-handle-time", values, source="link", digits=digits)
    assert reply["errors"] == {"talk": {"code": "too_large"}}
    assert reply["result"] is None
    assert number_problems(reply) == []


def test_the_number_check_catches_bad_numbers(number_problems: Problems) -> None:
    assert number_problems({"a": ["1", "1.5", None, {"position": "above"}]}) == []
    bad = {"a": "NaN", "b": "1E+3", "c": "-1", "d": "Infinity", "e": 1.5, "f": "1.", "g": "٣"}
    assert [path for path, _ in number_problems(bad)] == [f"reply.{key}" for key in "abcdefg"]


def test_unknown_calculator_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown calculator"):
        respond({"calculator": "cost-per-smile", "values": {}})


def test_abandonment_carries_the_readers_patience_to_service_level() -> None:
    # 780 of 12 000 hung up after a mean wait of 30 s for everyone: patience 30 x 12 000 / 780 s
    values = {"abandoned": "780", "offered": "12 000", "wait": "30"}
    result = ask("abandonment-rate", values)["result"]
    assert result["values"]["patience"] == "461.5"
    assert result["carry"] == [{"calculator": "service-level", "params": {"patience": "461.5"}}]
    carried = ask("service-level", SL | result["carry"][0]["params"], source="link")["result"]
    assert carried["notes"][0] == "note.erlang_a.offered"
    assert "abandoned" in carried["values"]
    # without the wait there is nothing to estimate: the link opens service level as it is
    plain = ask("abandonment-rate", {"abandoned": "780", "offered": "12 000"})["result"]
    assert "patience" not in plain["values"]
    assert plain["carry"] == [{"calculator": "service-level", "params": {}}]


def test_staff_cost_only_has_no_year_and_no_benchmark() -> None:
    """Cost per call of one interval's staff cost (as service level carries it): no yearly rows,
    no comparison, the page's remark; the same figures as all costs compare and have a year."""
    values = {"costs": "8400", "calls": "210", "currency": "NOK", "rate": "10"}
    staff = call({**values, "cover": "staff"}, source="link")["result"]
    assert set(staff["values"]) == {"cost-per-call"}
    assert staff["comparison"] is None
    assert staff["notes"] == ["remark.staff_cost_only"]
    whole = call(values, source="link")["result"]
    assert {"annual-costs", "annual-volume"} <= set(whole["values"])
    assert whole["comparison"]["local"] == {"low": "27", "high": "56"}


def test_every_carry_keeps_its_period_or_has_none() -> None:
    """A carried money figure takes its period along when both calculators have one; a figure of
    an interval (no period in the next calculator's sense) goes with a choice that drops the year."""
    for spec in SPECS.values():
        for carry in spec.carry:
            target = SPECS[carry.calculator]
            params = {param for param, _ in carry.params} | {p for p, _ in carry.fixed}
            carried_money = any(
                target.field(p).kind == "money"
                for p in params
                if p in {f.name for f in target.fields}
            )
            if not carried_money or "period" not in {f.name for f in target.fields}:
                continue
            if "period" in {f.name for f in spec.fields}:
                assert "period" in params, f"{spec.id} -> {carry.calculator} drops the period"
            else:
                choices = dict(carry.fixed)
                assert not target.field("period").applies(choices), (
                    f"{spec.id} -> {carry.calculator}: a figure without a period gets the default one"
                )


# --- input as people type it (issue 18 item 6) -----------------------------------------------

#: What "cannot be negative" says for each kind of field: an amount, a number, a time.
NEGATIVE_BY_KIND = {
    "money": "negative",
    "count": "negative_number",
    "number": "negative_number",
    "percent": "negative_number",
    "seconds": "negative_time",
    "minutes": "negative_time",
    "hours": "negative_time",
}
EVERY_NUMBER_FIELD = [(spec.id, field) for spec in SPECS.values() for field in spec.numbers]


def applying(calculator: str, field: Field) -> dict[str, str]:
    """Choices under which ``field`` applies (the rate needs a currency other than USD)."""
    spec = SPECS[calculator]
    choices = dict(field.when)
    for name, value in field.unless:
        choices[name] = next(other for other in spec.choices[name] if other != value)
    return choices


@pytest.mark.parametrize(
    ("calculator", "field"),
    EVERY_NUMBER_FIELD,
    ids=[f"{c}-{f.name}" for c, f in EVERY_NUMBER_FIELD],
)
def test_a_negative_value_gets_the_message_of_its_kind(calculator: str, field: Field) -> None:
    for source, text in (("typed", "-5"), ("link", "-5")):
        reply = ask(calculator, applying(calculator, field) | {field.name: text}, source=source)
        assert reply["errors"].get(field.name) == {"code": NEGATIVE_BY_KIND[field.kind]}


PERCENT_FIELDS = [(c, f) for c, f in EVERY_NUMBER_FIELD if f.kind == "percent"]
CLOCK_FIELDS = [(c, f) for c, f in EVERY_NUMBER_FIELD if f.kind in ("seconds", "minutes")]


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize(
    ("calculator", "field"), PERCENT_FIELDS, ids=[f"{c}-{f.name}" for c, f in PERCENT_FIELDS]
)
def test_a_percent_sign_is_accepted_in_every_percent_field(
    lang: str, calculator: str, field: Field
) -> None:
    for text in ("30 %", "30%", "30\u00a0%"):
        reply = ask(
            calculator, {field.name: text}, decimal=LOCALES[lang][0], group=LOCALES[lang][1]
        )
        assert field.name not in reply["errors"]
        assert reply["link"][field.name] == "30"


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize(
    ("calculator", "field"), CLOCK_FIELDS, ids=[f"{c}-{f.name}" for c, f in CLOCK_FIELDS]
)
def test_minutes_and_seconds_are_accepted_in_every_time_field(
    lang: str, calculator: str, field: Field
) -> None:
    expected = {"seconds": ("310", "3723"), "minutes": ("5.166667", "62.05")}[field.kind]
    for text, value in zip(("5:10", "1:02:03"), expected, strict=True):
        reply = ask(
            calculator, {field.name: text}, decimal=LOCALES[lang][0], group=LOCALES[lang][1]
        )
        assert field.name not in reply["errors"]
        assert reply["link"][field.name] == value
    reply = ask(calculator, {field.name: "5:75"}, decimal=LOCALES[lang][0], group=LOCALES[lang][1])
    assert reply["errors"][field.name] == {"code": "clock"}


def test_the_service_level_example_typed_as_a_clock() -> None:
    reply = ask("service-level", SL | {"aht": "4:00"})
    assert reply["errors"] == {}
    assert (
        reply["result"]["values"]["agents"]
        == ask("service-level", SL)["result"]["values"]["agents"]
    )


def test_a_patience_beyond_the_hour_is_said_not_dropped_in_silence() -> None:
    # 45 s of waiting per offered call with 5 of 1 000 hanging up: 9 000 s of patience
    reply = ask("abandonment-rate", {"abandoned": "5", "offered": "1000", "wait": "45"})
    result = reply["result"]
    assert "patience" not in result["values"]
    assert "note.patience_beyond" in result["notes"]
    assert result["carry"][0]["params"] == {}, "service level opens without a patience"
    within = ask("abandonment-rate", {"abandoned": "13", "offered": "1000", "wait": "45"})
    assert within["result"]["values"]["patience"] == "3461.5"
    assert "note.patience_beyond" not in within["result"]["notes"]


def test_a_limit_the_calculator_names_reaches_the_page() -> None:
    reply = ask("service-level", SL | {"patience": "3750"})
    assert reply["errors"]["patience"] == {"code": "too_large", "max": "3600"}
