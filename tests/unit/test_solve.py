"""Reverse solving: the inverse formulas and the bridge's ``solve`` path (imports only ``calculators``).

A reader fixes the main result (``target``) and solves for one input the spec declares in ``solve``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import calculators
from calculators import CalculatorError, formulas
from calculators.errors import ERROR_CODES
from calculators.kpis import SPECS
from calculators.web import respond


def ask(calculator: str, values: dict[str, str], **request: Any) -> dict[str, Any]:
    return respond({"calculator": calculator, "values": values, "source": "link", **request})


def test_new_error_codes_are_known() -> None:
    assert {"solve_target", "solve_inexact", "solve_needs"} <= ERROR_CODES


@pytest.mark.parametrize(
    ("target", "volume", "costs"),
    [
        ("6", "9800", "58800"),
        ("3.5", "11800", "41300"),
        ("24", "1150", "27600"),
        ("0.01", "1", "0.01"),
    ],
)
def test_costs_and_volume_invert_each_other(target: str, volume: str, costs: str) -> None:
    assert formulas.costs_for_unit_cost(target, volume) == Decimal(costs)
    assert formulas.volume_for_unit_cost(costs, target) == Decimal(volume)
    assert calculators.cost_per_contact(costs, volume) == Decimal(target)


@pytest.mark.parametrize("target", ["0", "0.0", "-6"])
def test_a_target_of_zero_or_below_has_no_answer(target: str) -> None:
    with pytest.raises(CalculatorError) as error:
        formulas.target(target, "target")
    assert error.value.code == "solve_target"


def test_whole_volume_rounds_up() -> None:
    assert formulas.whole_volume(Decimal("12766.0001")) == 12767
    assert formulas.whole_volume(Decimal("12766")) == 12766


def test_every_solvable_field_is_a_number_field() -> None:
    for spec in SPECS.values():
        names = {field.name for field in spec.numbers}
        for solve in spec.solve:
            assert solve.field in names, (spec.id, solve.field)
            assert solve.field not in {"solve", "target"}
        if spec.solve:
            assert not {"solve", "target"} & names, spec.id


def test_solving_for_costs_is_exact() -> None:
    reply = ask("cost-per-contact", {"contacts": "9800"}, solve="costs", target="6")
    assert reply["solve"] == {"field": "costs", "target": "6", "value": "58800"}
    assert reply["result"]["values"]["cost-per-contact"] == "6"
    assert reply["link"]["solve"] == "costs" and reply["link"]["target"] == "6"
    assert "costs" not in reply["link"]


def test_solving_for_contacts_rounds_up_to_a_whole_volume_that_shows_the_target() -> None:
    reply = ask("cost-per-contact", {"costs": "76600"}, solve="contacts", target="6")
    assert reply["solve"]["value"] == "12767"
    assert reply["result"]["values"]["cost-per-contact"] == "6"


def test_a_whole_volume_that_cannot_show_the_target_gives_the_nearest_and_its_result() -> None:
    reply = ask("cost-per-contact", {"costs": "10"}, solve="contacts", target="3")
    assert reply["solve"]["error"] == {"code": "solve_inexact", "nearest": "4", "result": "2.5"}
    assert reply["solve"]["value"] == "4"
    assert reply["result"]["values"]["cost-per-contact"] == "2.5"


@pytest.mark.parametrize("target", ["0", "-6"])
def test_the_bridge_refuses_zero_and_negative_targets(target: str) -> None:
    reply = ask("cost-per-contact", {"costs": "76600"}, solve="contacts", target=target)
    assert reply["result"] is None
    assert reply["solve"]["error"]["code"] == "solve_target"


def test_the_other_input_is_needed() -> None:
    reply = ask("cost-per-contact", {}, solve="contacts", target="6")
    assert reply["solve"]["error"] == {"code": "solve_needs", "other": "costs"}


def test_typed_target_follows_the_locale() -> None:
    reply = respond(
        {
            "calculator": "cost-per-contact",
            "values": {"contacts": "9 800"},
            "solve": "costs",
            "target": "7,82",
            "decimal": ",",
            "group": " ",
        }
    )
    assert reply["solve"]["value"] == "76636"


@pytest.mark.parametrize(
    ("mode", "field", "values", "value"),
    [
        ("inbound", "calls", {"costs": "41300"}, "11800"),
        ("inbound", "costs", {"calls": "11800"}, "41300"),
        ("outbound", "sales", {"costs": "27600"}, "1150"),
        ("outbound", "costs", {"sales": "1150"}, "27600"),
    ],
)
def test_cost_per_call_solves_in_both_modes(
    mode: str, field: str, values: dict[str, str], value: str
) -> None:
    target = "3.5" if mode == "inbound" else "24"
    reply = ask("cost-per-call", {"mode": mode, **values}, solve=field, target=target)
    assert reply["solve"]["value"] == value
    assert reply["result"]["values"]["cost-per-call"] == target


@pytest.mark.parametrize("mode", ["inbound", "outbound"])
def test_cost_per_call_refuses_an_inexact_volume_in_both_modes(mode: str) -> None:
    field = "calls" if mode == "inbound" else "sales"
    reply = ask("cost-per-call", {"mode": mode, "costs": "10"}, solve=field, target="3")
    assert reply["solve"]["error"]["code"] == "solve_inexact"
    assert reply["solve"]["error"]["nearest"] == "4"


def test_a_field_that_does_not_apply_is_not_solved() -> None:
    reply = ask("cost-per-call", {"mode": "outbound", "costs": "27600"}, solve="calls", target="3")
    assert "solve" not in reply and "solve" not in reply["link"]


def test_unknown_or_unsolvable_field_is_ignored() -> None:
    reply = ask(
        "cost-per-contact", {"costs": "76600", "contacts": "9800"}, solve="period", target="6"
    )
    assert "solve" not in reply
    assert reply["result"]["values"]["cost-per-contact"] == "7.82"


def test_the_breakdown_of_a_solved_total_is_ignored() -> None:
    reply = ask(
        "cost-per-contact", {"contacts": "9800", "salaries": "1000"}, solve="costs", target="6"
    )
    assert reply["solve"]["value"] == "58800"
    assert "salaries" not in reply["link"]


def test_every_formula_names_known_rows() -> None:
    for spec in SPECS.values():
        keys = {row.key for row in spec.results}
        for formula in spec.formula:
            assert formula.result in keys, (spec.id, formula.result)


def test_a_summed_breakdown_is_the_total_the_formula_shows() -> None:
    reply = ask("cost-per-contact", {"contacts": "9800", "salaries": "50000.5", "other": "26599.5"})
    assert reply["result"]["totals"] == {"costs": "76600"}
    assert "totals" not in ask("cost-per-contact", {"costs": "1", "contacts": "1"})["result"]
