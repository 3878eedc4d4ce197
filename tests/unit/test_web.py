"""The JSON bridge of the browser widget: fields as typed (or as a link carried them) in, data out."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from calculators import ERROR_CODES
from calculators.web import CHOICES, FIELDS, handle, respond

NB = {"decimal": ",", "group": "\u00a0"}
IT = {"decimal": ",", "group": "."}
Problems = Callable[[dict[str, Any]], list[tuple[str, Any]]]


def ask(calculator: str, values: dict[str, Any], **request: Any) -> dict[str, Any]:
    """Ask the bridge through its JSON entry point, as the Web Worker does."""
    body = {"calculator": calculator, "values": values, **NB} | request
    return json.loads(handle(json.dumps(body)))


def contact(values: dict[str, Any], **request: Any) -> dict[str, Any]:
    return ask("cost-per-contact", values, **request)


def call(values: dict[str, Any], **request: Any) -> dict[str, Any]:
    return ask("cost-per-call", values, **request)


EXAMPLE = {"costs": "76\u00a0600", "contacts": "9\u00a0800"}


def test_typed_worked_example(number_problems: Problems) -> None:
    reply = contact(EXAMPLE)
    assert reply["errors"] == {}
    result = reply["result"]
    assert result["main"] == "7.82"
    assert result["costs"] == {"value": "76600", "source": "total", "parts": []}
    assert result["volume"] == {"value": "9800", "source": "total", "parts": []}
    assert (result["annual_costs"], result["annual_volume"]) == ("919200", "117600")
    assert result["comparison"] == {
        "position": "above",
        "rate": "1",
        "percent": "9.2",
        "difference": "0.66",
        "reference": "7.16",
        "benchmark": {"low": "7.16", "high": "7.16", "currency": "USD"},
    }
    assert result["scenario"] is None
    assert reply["link"] == {
        "costs": "76600",
        "contacts": "9800",
        "period": "month",
        "mode": "inbound",
    }
    assert number_problems(reply) == []


def test_handle_answers_compact_json() -> None:
    text = handle(json.dumps({"calculator": "cost-per-contact", "values": EXAMPLE, **NB}))
    assert ", " not in text
    assert ": " not in text
    assert json.loads(text)["result"]["main"] == "7.82"


@pytest.mark.parametrize(
    ("separators", "costs", "contacts"),
    [
        (NB, "76 600,00", "9 800"),
        (NB, "kr 76\u202f600", "9\u00a0800"),
        (IT, "76.600,00", "9.800"),
        (IT, "€ 76.600", "9800"),
        ({"decimal": ",", "group": "\u202f"}, "76\u202f600", "9 800"),
    ],
)
def test_typed_values_follow_the_locale(
    separators: dict[str, str], costs: str, contacts: str
) -> None:
    reply = contact({"costs": costs, "contacts": contacts}, **separators)
    assert reply["errors"] == {}
    assert reply["result"]["main"] == "7.82"


def test_missing_separators_default_to_comma_and_space() -> None:
    reply = respond({"calculator": "cost-per-contact", "values": {"costs": "7,5", "contacts": "1"}})
    assert reply["result"]["main"] == "7.5"


def test_the_same_text_reads_differently_by_locale() -> None:
    values = {"costs": "1.234", "contacts": "1"}
    assert contact(values, **IT)["result"]["main"] == "1234"
    assert contact(values, **NB)["errors"] == {"costs": {"code": "ambiguous"}}


# --- link source ------------------------------------------------------------------------------


def test_link_source_reads_canonical_numbers(number_problems: Problems) -> None:
    values = {
        "costs": "76600",
        "contacts": "9800",
        "share": "20",
        "unit_cost": "0.5",
        "period": "year",
    }
    reply = contact(values, source="link")
    assert reply["errors"] == {}
    result = reply["result"]
    assert result["main"] == "7.82"
    assert result["annual_costs"] == "76600"
    assert result["scenario"]["new_value"] == "6.35"
    assert reply["link"] == {
        "costs": "76600",
        "contacts": "9800",
        "share": "20",
        "unit_cost": "0.5",
        "period": "year",
        "mode": "inbound",
    }
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


def test_link_round_trip_gives_the_same_result() -> None:
    typed = contact({"costs": "76\u00a0600,50", "contacts": "9\u00a0800", "period": "week"})
    linked = contact(typed["link"], source="link")
    assert linked == typed


# --- errors by field --------------------------------------------------------------------------


def test_each_field_gets_its_own_error() -> None:
    reply = contact({"costs": "abc", "contacts": "-5", "share": "1,2,3", "unit_cost": "0,50"})
    assert reply["errors"] == {
        "costs": {"code": "not_a_number"},
        "contacts": {"code": "negative"},
        "share": {"code": "malformed"},
    }
    assert reply["result"] is None
    assert reply["link"] == {"unit_cost": "0.5", "period": "month", "mode": "inbound"}


def test_too_many_decimals_carries_the_allowed_places() -> None:
    reply = contact({"costs": "7,1234567", "contacts": "1"})
    assert reply["errors"] == {"costs": {"code": "too_many_decimals", "places": "6"}}


WEB_ERRORS: list[tuple[str, dict[str, str], str, str]] = [
    ("cost-per-contact", {"contacts": "9800"}, "empty", "costs"),
    ("cost-per-contact", {"costs": "76600"}, "empty", "contacts"),
    ("cost-per-call", {"costs": "41300"}, "empty", "calls"),
    ("cost-per-call", {"costs": "41300", "mode": "outbound"}, "empty", "sales"),
    ("cost-per-contact", {"costs": "NaN", "contacts": "1"}, "not_a_number", "costs"),
    ("cost-per-contact", {"costs": "1", "contacts": "-1"}, "negative", "contacts"),
    ("cost-per-contact", {"costs": "1", "contacts": "0"}, "zero_divisor", "contacts"),
    ("cost-per-call", {"costs": "1", "calls": "0"}, "zero_divisor", "calls"),
    ("cost-per-call", {"costs": "1", "sales": "0", "mode": "outbound"}, "zero_divisor", "sales"),
    ("cost-per-contact", {"costs": "1", "contacts": "1", "rate": "0"}, "zero_divisor", "rate"),
    ("cost-per-contact", {"costs": "1" * 50, "contacts": "1"}, "too_large", "costs"),
    (
        "cost-per-contact",
        {"salaries": "1000000000000000", "other": "1", "contacts": "1"},
        "too_large",
        "costs",
    ),
    ("cost-per-call", {"costs": "1", "calls": "1,2,3"}, "malformed", "calls"),
    ("cost-per-contact", {"costs": "1.234", "contacts": "1"}, "ambiguous", "costs"),
    ("cost-per-contact", {"costs": "1,234.50", "contacts": "1"}, "wrong_locale", "costs"),
    ("cost-per-contact", {"costs": "1", "contacts": "10,5"}, "not_whole", "contacts"),
    ("cost-per-contact", {"costs": "1", "chat": "2,5"}, "not_whole", "chat"),
    ("cost-per-call", {"costs": "1", "calls": "7,5"}, "not_whole", "calls"),
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
]


@pytest.mark.parametrize(
    ("calculator", "values", "code", "field"),
    WEB_ERRORS,
    ids=[f"{code}-{field}" for _, _, code, field in WEB_ERRORS],
)
def test_error_codes_through_the_bridge(
    calculator: str, values: dict[str, str], code: str, field: str
) -> None:
    reply = ask(calculator, values, currency="NOK")
    assert reply["result"] is None
    assert list(reply["errors"]) == [field]
    assert reply["errors"][field]["code"] == code


def test_the_bridge_reaches_every_error_code() -> None:
    assert {code for _, _, code, _ in WEB_ERRORS} == ERROR_CODES


# --- what is ignored, and defaults ------------------------------------------------------------


def test_unknown_parameters_are_ignored() -> None:
    values = EXAMPLE | {"utm_source": "newsletter", "sales": "5", "fbclid": "x", "": "1"}
    reply = contact(values, extra="ignored", lang="nb")
    assert reply["errors"] == {}
    assert reply["result"]["main"] == "7.82"
    assert set(reply["link"]) == {"costs", "contacts", "period", "mode"}


def test_blank_and_null_fields_are_missing_not_errors() -> None:
    reply = contact(EXAMPLE | {"share": "  ", "unit_cost": None, "rate": "\u00a0", "chat": ""})
    assert reply["errors"] == {}
    assert reply["result"]["scenario"] is None


def test_numbers_from_json_are_read_as_text() -> None:
    reply = contact({"costs": 76600, "contacts": 9800})
    assert reply["result"]["main"] == "7.82"


def test_missing_values_object() -> None:
    reply = respond({"calculator": "cost-per-call", "values": None})
    assert reply["errors"] == {"costs": {"code": "empty"}}
    assert reply["link"] == {"period": "month", "mode": "inbound"}


@pytest.mark.parametrize("period", [None, "", "fortnight", "MONTH", "decade"])
def test_period_defaults_to_a_month(period: str | None) -> None:
    reply = contact(EXAMPLE | {"period": period})
    assert reply["link"]["period"] == "month"
    assert reply["result"]["annual_costs"] == "919200"


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
    assert (reply["result"]["annual_costs"], reply["result"]["annual_volume"]) == (
        annual_costs,
        annual_volume,
    )


@pytest.mark.parametrize("mode", [None, "", "sideways", "OUTBOUND"])
def test_mode_defaults_to_inbound(mode: str | None) -> None:
    reply = call({"costs": "41300", "calls": "11800", "sales": "1150", "mode": mode})
    assert reply["link"]["mode"] == "inbound"
    assert reply["result"]["mode"] == "inbound"
    assert reply["result"]["main"] == "3.5"


def test_choices() -> None:
    assert CHOICES == {
        "period": ("month", "week", "quarter", "year"),
        "mode": ("inbound", "outbound"),
    }
    assert "rate" in FIELDS["cost-per-contact"]
    assert "rate" in FIELDS["cost-per-call"]


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
    assert result["main"] == "7.82"
    assert result["costs"]["source"] == "breakdown"
    assert result["costs"]["value"] == "76600"
    assert [part["key"] for part in result["costs"]["parts"]] == [
        "salaries",
        "benefits",
        "technology",
        "hardware",
        "facilities",
        "taxes",
        "other",
    ]
    assert result["costs"]["parts"][0] == {"key": "salaries", "value": "48500", "percent": "63.3"}
    assert result["volume"]["source"] == "breakdown"
    assert result["volume"]["value"] == "9800"
    assert result["volume"]["parts"][0] == {"key": "phone", "value": "4900", "percent": "50"}
    assert number_problems(reply) == []


def test_call_breakdown_and_volume() -> None:
    reply = call({"salaries": "30000", "other": "11300", "calls": "11800"})
    result = reply["result"]
    assert result["costs"]["source"] == "breakdown"
    assert result["costs"]["value"] == "41300"
    assert result["volume"] == {"value": "11800", "source": "total", "parts": []}
    assert result["main"] == "3.5"


# --- currencies, rates and comparisons --------------------------------------------------------


def test_the_rate_converts_for_the_comparison() -> None:
    reply = contact(
        {"costs": "782\u00a0000", "contacts": "10\u00a0000", "rate": "10"}, currency="NOK"
    )
    comparison = reply["result"]["comparison"]
    assert comparison["position"] == "above"
    assert comparison["rate"] == "10"
    assert comparison["reference"] == "71.6"
    assert comparison["difference"] == "6.6"
    assert comparison["percent"] == "9.2"
    assert comparison["benchmark"] == {"low": "7.16", "high": "7.16", "currency": "USD"}


def test_the_rate_converts_a_range() -> None:
    reply = call({"costs": "35000", "calls": "1000", "rate": "10,0"}, currency="NOK")
    assert reply["result"]["comparison"]["position"] == "within"
    assert reply["result"]["comparison"]["rate"] == "10"


def test_another_currency_without_a_rate_is_not_compared() -> None:
    reply = contact(EXAMPLE, currency="EUR")
    assert reply["errors"] == {}
    assert reply["result"]["comparison"] == {
        "position": None,
        "benchmark": {"low": "7.16", "high": "7.16", "currency": "USD"},
    }


def test_usd_ignores_the_rate() -> None:
    reply = contact(EXAMPLE | {"rate": "0"}, currency="USD")
    assert reply["errors"] == {}
    assert reply["result"]["comparison"]["rate"] == "1"


def test_a_zero_rate_is_an_error_of_the_rate_field() -> None:
    reply = contact(EXAMPLE | {"rate": "0,00"}, currency="NOK")
    assert reply["errors"] == {"rate": {"code": "zero_divisor"}}
    assert reply["result"] is None
    assert reply["link"]["rate"] == "0"


def test_currency_defaults_to_usd() -> None:
    reply = respond({"calculator": "cost-per-contact", "values": EXAMPLE, **NB, "currency": None})
    assert reply["result"]["comparison"]["position"] == "above"


@pytest.mark.parametrize(
    ("digits", "main"), [(0, "8"), (1, "7.8"), (2, "7.82"), (4, "7.8163"), (9, "7.8163"), (-3, "8")]
)
def test_digits_follow_the_currency(digits: int, main: str) -> None:
    reply = contact(EXAMPLE, digits=digits)
    assert reply["result"]["main"] == main


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
        },
        currency="NOK",
    )
    assert reply["errors"] == {}
    result = reply["result"]
    assert (result["mode"], result["main"]) == ("outbound", "24")
    assert result["volume"]["value"] == "1150"
    assert result["annual_volume"] == "13800"
    assert result["comparison"] == {
        "position": None,
        "benchmark": {"low": "2.7", "high": "5.6", "currency": "USD"},
    }
    assert result["scenario"] is None
    assert reply["link"]["mode"] == "outbound"
    assert number_problems(reply) == []


def test_outbound_ignores_repeat_call_errors() -> None:
    reply = call(
        {"mode": "outbound", "costs": "1", "sales": "1", "repeat_now": "15", "repeat_target": "25"}
    )
    assert reply["errors"] == {}


# --- scenarios --------------------------------------------------------------------------------


def test_self_service_scenario() -> None:
    reply = contact(EXAMPLE | {"share": "20", "unit_cost": "0,50"})
    assert reply["result"]["scenario"] == {
        "new_value": "6.35",
        "saving_period": "14340",
        "saving_year": "172080",
        "assumptions": [
            {"key": "share", "unit": "percent", "value": "20"},
            {"key": "unit_cost", "unit": "money", "value": "0.5"},
        ],
    }


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
        "calls_avoided": "1388",
        "saving_period": "4858.82",
        "saving_year": "58305.88",
        "assumptions": [
            {"key": "repeat_now", "unit": "percent", "value": "25"},
            {"key": "repeat_target", "unit": "percent", "value": "15"},
        ],
    }
    assert number_problems(reply) == []


# --- output hygiene ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        {
            "costs": "1000000000000000",
            "contacts": "1",
            "rate": "0,000001",
            "share": "100",
            "unit_cost": "0",
        },
        {"costs": "0,000001", "contacts": "1000000000000000", "rate": "1000000000000000"},
        {"costs": "0", "contacts": "1", "share": "0", "unit_cost": "0"},
        {"salaries": "0", "phone": "0", "contacts": "1", "email": "3"},
    ],
)
@pytest.mark.parametrize("period", ["week", "year"])
@pytest.mark.parametrize("digits", [0, 4])
def test_extreme_inputs_give_plain_numbers(
    values: dict[str, str], period: str, digits: int, number_problems: Problems
) -> None:
    reply = contact(values | {"period": period}, currency="NOK", digits=digits)
    assert reply["errors"] == {}
    assert reply["result"] is not None
    assert number_problems(reply) == []


def test_extreme_call_inputs_give_plain_numbers(number_problems: Problems) -> None:
    for mode in ("inbound", "outbound"):
        values = {
            "mode": mode,
            "costs": "1000000000000000",
            "calls": "1",
            "sales": "1",
            "rate": "0,000001",
            "repeat_now": "99,999999",
            "repeat_target": "0",
            "period": "week",
        }
        reply = call(values, currency="VND", digits=4)
        assert reply["errors"] == {}
        assert number_problems(reply) == []


def test_the_number_check_catches_bad_numbers(number_problems: Problems) -> None:
    assert number_problems({"a": ["1", "1.5", None, {"position": "above"}]}) == []
    bad = {"a": "NaN", "b": "1E+3", "c": "-1", "d": "Infinity", "e": 1.5, "f": "1.", "g": "٣"}
    assert [path for path, _ in number_problems(bad)] == [f"reply.{key}" for key in "abcdefg"]


def test_unknown_calculator_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown calculator"):
        respond({"calculator": "cost-per-smile", "values": {}})
