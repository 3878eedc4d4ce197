"""The build-time data in sitebuild/: the articles' worked examples and the indicative rates, and that
none of it is part of the calculators wheel (CPython only: sitebuild never reaches the browser)."""

from __future__ import annotations

import ast
import importlib.util
import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculators.numbers import round_money
from calculators.kpis import SPECS
from calculators.specs import CURRENCIES
from calculators.web import respond, show
from sitebuild import examples
from sitebuild.rates import CURRENCIES as RATE_CURRENCIES
from sitebuild.rates import INDICATIVE_USD_RATES, RATES_DATE

ROOT = Path(__file__).resolve().parents[2]
D = Decimal
#: Every case of every registered calculator's worked example (the registry's order).
CASES = [(calculator, case) for calculator in SPECS for case in examples.cases(calculator)]


def value(calculator: str, key: str, case: str = "", places: int = 2) -> Decimal:
    return round_money(examples.outcome(calculator, case).values[key], places)


def scenario(calculator: str, key: str, case: str = "", places: int = 2) -> Decimal:
    """A what-if figure of the example, rounded as shown (the model keeps it exact)."""
    figures = examples.outcome(calculator, case).scenario
    assert figures is not None
    return round_money(figures[key], places)


# --- the worked examples ----------------------------------------------------------------------


@pytest.mark.parametrize(("calculator", "case"), CASES)
def test_each_case_names_fields_of_its_calculator(calculator: str, case: str) -> None:
    names = {field.name for field in SPECS[calculator].fields}
    assert set(examples.EXAMPLES[calculator][case]) <= names


@pytest.mark.parametrize(("calculator", "case"), CASES)
def test_each_case_computes_every_result_it_shows(calculator: str, case: str) -> None:
    spec = SPECS[calculator]
    outcome = examples.outcome(calculator, case)
    assert spec.main.key in outcome.values
    assert set(outcome.values) <= {row.key for row in spec.results}


@pytest.mark.parametrize(("calculator", "case"), CASES)
def test_each_case_reads_as_a_link_and_the_widget_agrees(calculator: str, case: str) -> None:
    """The article's example opened as a deep link gives the figures the article prints."""
    given = examples.inputs(calculator, case)
    link = examples.EXAMPLES[calculator][case] | dict(given.choices)
    reply = respond({"calculator": calculator, "values": link, "source": "link"})
    assert reply["errors"] == {}
    row = SPECS[calculator].main
    expected = examples.outcome(calculator, case).values[row.key]
    assert reply["result"]["values"][row.key] == show(expected, row.kind)


def test_examples_are_a_month_in_us_dollars_and_the_first_case_is_the_main_one() -> None:
    inbound = examples.inputs("cost-per-call")
    outbound = examples.inputs("cost-per-call", "outbound")
    assert examples.cases("cost-per-call")[0] == "inbound"
    assert (inbound.choices["mode"], outbound.choices["mode"]) == ("inbound", "outbound")
    assert (inbound.period.value, inbound.currency) == ("month", "USD")
    assert examples.inputs("service-level").choices["interval"] == "60"
    assert "period" not in examples.inputs("occupancy").choices


def test_cost_per_contact_example() -> None:
    """Staff costs (76 %) fall with volume; rent, technology and taxes stay."""
    assert value("cost-per-contact", "cost-per-contact") == D("7.82")
    outcome = examples.outcome("cost-per-contact")
    assert outcome.source == "breakdown"
    assert outcome.comparison is not None
    assert outcome.comparison.position == "above"
    assert scenario("cost-per-contact", "moved") == 1960
    assert scenario("cost-per-contact", "saving_per_moved") == D("5.44")
    assert scenario("cost-per-contact", "saving_period") == D("10660.00")  # not 1,960 x 5.44
    assert scenario("cost-per-contact", "saving_year") == D("127920.00")
    assert round_money(scenario("cost-per-contact", "new_cost_per_contact")) == D("6.73")


def test_cost_per_call_examples() -> None:
    assert value("cost-per-call", "cost-per-call", "inbound") == D("3.50")
    assert scenario("cost-per-call", "calls_avoided", "inbound", 0) == 1388
    assert scenario("cost-per-call", "variable_cost_per_call", "inbound") == D("2.45")
    assert scenario("cost-per-call", "saving_period", "inbound") == D("3401.18")
    assert value("cost-per-call", "cost-per-call", "outbound") == D("24.00")
    assert examples.outcome("cost-per-call", "outbound").scenario is None


def test_cost_per_resolution_example() -> None:
    assert value("cost-per-resolution", "cost-per-resolution") == D("10.94")  # 76,600 / 7,000
    assert value("cost-per-resolution", "contacts-per-resolution") == D("1.40")
    assert value("cost-per-resolution", "cost-per-contact") == D("7.82")  # as in cost per contact


def test_average_handle_time_example() -> None:
    assert value("average-handle-time", "average-handle-time", places=0) == 210
    assert value("average-handle-time", "labour-cost-per-contact") == D("2.94")
    assert examples.outcome("average-handle-time").band == "within"


def test_occupancy_example() -> None:
    assert value("occupancy", "occupancy", places=1) == D("77.5")
    assert examples.outcome("occupancy").band == "below"


def test_service_level_example() -> None:
    """The brief's Erlang C check."""
    assert value("service-level", "agents", places=0) == 29
    assert value("service-level", "service-level", places=1) == D("84.0")
    assert value("service-level", "scheduled-agents", places=0) == 42


def test_first_contact_resolution_example() -> None:
    assert value("first-contact-resolution", "first-contact-resolution", places=1) == 72
    assert examples.outcome("first-contact-resolution").band == "good"
    assert scenario("first-contact-resolution", "contacts_avoided") == 800


def test_abandonment_rate_example() -> None:
    assert value("abandonment-rate", "abandonment-rate", places=1) == D("5.1")
    assert examples.outcome("abandonment-rate").band == "between"


# --- the indicative rates ---------------------------------------------------------------------


def test_the_rates_are_for_exactly_the_calculators_currencies() -> None:
    assert RATE_CURRENCIES == CURRENCIES
    assert tuple(INDICATIVE_USD_RATES) == CURRENCIES
    assert INDICATIVE_USD_RATES["USD"] == 1
    assert all(rate > 0 for rate in INDICATIVE_USD_RATES.values())


def test_the_rates_date_is_iso() -> None:
    assert date.fromisoformat(RATES_DATE).isoformat() == RATES_DATE


# --- not in the wheel -------------------------------------------------------------------------


def test_the_wheel_holds_only_the_calculators() -> None:
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]
    assert build["build"]["targets"]["wheel"]["packages"] == ["calculators"]
    assert "sitebuild" not in json.dumps(build)


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize(
    "path", sorted((ROOT / "calculators").glob("*.py")), ids=lambda path: path.name
)
def test_no_calculator_module_imports_build_time_code(path: Path) -> None:
    assert not {module.split(".")[0] for module in imported_modules(path)} & {
        "sitebuild",
        "overrides",
        "scripts",
        "babel",
        "mkdocs",
    }


def test_build_time_data_left_the_package() -> None:
    assert not list((ROOT / "calculators").rglob("*.json"))
    assert importlib.util.find_spec("calculators.examples") is None
    assert importlib.util.find_spec("calculators.rates") is None
