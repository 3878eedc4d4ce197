"""Every calculator's declaration is consistent with itself, its compute function and the bridge."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import get_args

import pytest

from calculators.calculations import Inputs, Outcome
from calculators.kinds import KINDS
from calculators.kpis import SPECS
from calculators.specs import CURRENCIES, Field, FieldKind, Kind, Row, Spec, holds
from sitebuild import examples

SPEC_LIST = list(SPECS.values())
by_id = pytest.mark.parametrize("spec", SPEC_LIST, ids=list(SPECS))


def example(spec: Spec) -> Inputs:
    """The article's worked example (sitebuild/kpis/<module>.py), complete enough for every row the
    calculator shows."""
    return examples.inputs(spec.id)


def compute(spec: Spec, choices: dict[str, str] | None = None, **extra: str) -> Outcome:
    given = example(spec)
    numbers = dict(given.numbers) | {name: Decimal(value) for name, value in extra.items()}
    return spec.compute(Inputs(numbers, dict(given.choices) | (choices or {})))


def every_row(spec: Spec) -> Iterator[Row]:
    yield from spec.results
    yield from spec.table
    if spec.scenario is not None:
        yield from spec.scenario.rows
        yield from spec.scenario.assumptions


def conditions(spec: Spec) -> Iterator[tuple[str, str, str]]:
    """Every (where, choice name, value) a field, row, scenario or carry of ``spec`` depends on."""
    for field in spec.fields:
        for name, value in field.when + field.unless:
            yield f"field {field.name}", name, value
        for name, value, _ in field.labels:
            yield f"label of field {field.name}", name, value
    for row in every_row(spec):
        for name, value in row.when:
            yield f"row {row.key}", name, value
        for name, value, _ in row.labels:
            yield f"label of row {row.key}", name, value
    if spec.scenario is not None:
        for name, value in spec.scenario.when:
            yield "scenario", name, value
    for carry in spec.carry:
        for name, value in carry.when:
            yield f"carry to {carry.calculator}", name, value


# --- the declarations -------------------------------------------------------------------------


def test_every_spec_is_listed_under_its_id() -> None:
    assert all(key == spec.id for key, spec in SPECS.items())


@by_id
def test_field_names_are_unique(spec: Spec) -> None:
    names = [field.name for field in spec.fields]
    assert len(names) == len(set(names))


@by_id
def test_row_keys_are_unique_in_each_place(spec: Spec) -> None:
    places = [spec.results, spec.table]
    if spec.scenario is not None:
        places.append(spec.scenario.rows + spec.scenario.assumptions)
    for rows in places:
        keys = [row.key for row in rows]
        assert len(keys) == len(set(keys))


@by_id
def test_every_condition_names_a_choice_and_one_of_its_values(spec: Spec) -> None:
    for where, name, value in conditions(spec):
        assert name in spec.choices, f"{where}: {name} is not a choice of {spec.id}"
        assert value in spec.choices[name], f"{where}: {value!r} is not a value of {name}"


@by_id
def test_choices_start_from_one_of_their_values(spec: Spec) -> None:
    for field in spec.fields:
        if field.kind == "choice":
            assert field.choices
            assert field.initial in field.choices
            assert spec.defaults()[field.name] == field.initial
        else:
            assert (field.choices, field.default, field.radio) == ((), "", False)
            assert field.initial == ""


@by_id
def test_the_main_result_exists_and_comes_first(spec: Spec) -> None:
    assert spec.results[0].main
    assert spec.main is spec.results[0]


@by_id
def test_kinds_are_ones_the_bridge_and_the_form_know(spec: Spec) -> None:
    assert all(field.kind in get_args(FieldKind) for field in spec.fields)
    assert all(row.kind in get_args(Kind) for row in every_row(spec))


def test_the_bridge_can_show_every_kind_of_figure() -> None:
    assert set(get_args(Kind)) == set(KINDS)


@by_id
def test_a_breakdown_adds_up_to_a_field_of_its_calculator(spec: Spec) -> None:
    for field in spec.fields:
        if field.group.startswith("breakdown."):
            total = spec.field(field.group.removeprefix("breakdown."))
            assert (total.kind, total.group) == (field.kind, "")


@by_id
def test_currencies_are_the_sites(spec: Spec) -> None:
    for field in spec.fields:
        if field.name == "currency":
            assert field.choices == CURRENCIES
            assert field.initial == "USD"


@by_id
def test_the_compared_result_is_a_result_row(spec: Spec) -> None:
    if spec.compared:
        assert spec.compared in {row.key for row in spec.results}


# --- carried over -----------------------------------------------------------------------------


@by_id
def test_carries_open_another_calculator_with_its_own_fields(spec: Spec) -> None:
    for carry in spec.carry:
        assert carry.calculator in SPECS
        assert carry.calculator != spec.id
        target = {field.name for field in SPECS[carry.calculator].fields}
        assert {param for param, _ in carry.params} <= target


@by_id
def test_carried_figures_are_results_fields_or_choices(spec: Spec) -> None:
    known = {field.name for field in spec.fields} | {row.key for row in spec.results}
    if spec.scenario is not None:
        known |= {row.key for row in spec.scenario.rows}
    for carry in spec.carry:
        assert {source for _, source in carry.params} <= known, carry.calculator


# --- declarations against the compute functions -----------------------------------------------


@by_id
def test_the_example_inputs_are_fields(spec: Spec) -> None:
    assert set(example(spec).numbers) <= {field.name for field in spec.numbers}


@by_id
def test_every_row_is_computed(spec: Spec) -> None:
    """The example computes every row, with the optional inputs that only some rows need."""
    outcome = compute(spec, **examples.OPTIONAL_INPUTS[spec.id])
    choices = example(spec).choices
    assert {row.key for row in spec.results if holds(row.when, choices)} == set(outcome.values)
    if spec.scenario is not None:
        assert outcome.scenario is not None
        keys = {row.key for row in spec.scenario.rows + spec.scenario.assumptions}
        assert keys <= set(outcome.scenario)
    assert bool(spec.table) == bool(outcome.table)
    for line in outcome.table:
        assert {row.key for row in spec.table if holds(row.when, choices)} <= set(line)


def test_an_outbound_cost_per_call_shows_its_main_result() -> None:
    spec = SPECS["cost-per-call"]
    outcome = compute(spec, {"mode": "outbound"}, sales="1150")
    assert spec.main.key in outcome.values
    assert outcome.scenario is None  # the what-if is inbound only
    assert spec.scenario is not None
    assert spec.scenario.when == (("mode", "inbound"),)


# --- the spec's helpers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calculator", "field", "choices", "applies"),
    [
        ("cost-per-call", "sales", {"mode": "outbound"}, True),
        ("cost-per-call", "sales", {"mode": "inbound"}, False),
        ("cost-per-call", "calls", {"mode": "inbound"}, True),
        ("cost-per-call", "calls", {}, False),
        ("cost-per-contact", "rate", {"currency": "USD"}, False),
        ("cost-per-contact", "rate", {"currency": "NOK"}, True),
        ("cost-per-contact", "rate", {}, True),
        ("cost-per-contact", "costs", {}, True),
    ],
)
def test_a_field_applies_under_its_choices(
    calculator: str, field: str, choices: dict[str, str], applies: bool
) -> None:
    assert SPECS[calculator].field(field).applies(choices) is applies


def test_a_field_starts_from_its_default_or_its_first_choice() -> None:
    assert Field("x", "choice", "k", choices=("a", "b"), default="b").initial == "b"
    assert Field("x", "choice", "k", choices=("a", "b")).initial == "a"
    assert Field("x", "money", "k").initial == ""


@by_id
def test_numbers_choices_and_series_split_the_fields(spec: Spec) -> None:
    numbers = {field.name for field in spec.numbers}
    series = {field.name for field in spec.series}
    assert numbers.isdisjoint(spec.choices) and series.isdisjoint(numbers | set(spec.choices))
    assert numbers | set(spec.choices) | series == {field.name for field in spec.fields}
