"""One compute function per calculator: checked inputs in, every figure the calculator shows out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CalculatorError, round_money
from calculators import calculations as calc
from calculators.calculations import Inputs, Outcome
from calculators.kpis import MODULES as KPIS
from calculators.kpis import SPECS
from calculators.numbers import CONTEXT
from calculators.scenarios import variable_share_for
from tests.unit.budget import examples

D = Decimal
Compute = Callable[[Inputs], Outcome]

#: The cost-per-contact article's breakdown: staff (salaries, benefits) 58,200 of 76,600.
BREAKDOWN = {
    "salaries": "48500",
    "benefits": "9700",
    "technology": "6800",
    "hardware": "1900",
    "facilities": "5600",
    "taxes": "2300",
    "other": "1800",
}
CHANNELS = {"phone": "4900", "email": "2000", "chat": "2300", "social": "600"}


def inputs(choices: Mapping[str, str] | None = None, /, **numbers: str | int) -> Inputs:
    """Inputs as the bridge hands them over: numbers by field name, choices by name."""
    return Inputs({name: D(value) for name, value in numbers.items()}, dict(choices or {}))


def shown(value: Decimal, places: int = 2) -> Decimal:
    return round_money(value, places)


def raises(compute: Compute, given: Inputs, code: str, field: str) -> CalculatorError:
    with pytest.raises(CalculatorError) as caught:
        compute(given)
    assert (caught.value.code, caught.value.field) == (code, field)
    return caught.value


# --- inputs -----------------------------------------------------------------------------------


def test_inputs_read_numbers_and_choices() -> None:
    given = inputs({"period": "week", "currency": "NOK"}, costs=1, rate=10)
    assert given.get("costs") == 1
    assert given.get("contacts") is None
    assert given.pick(["costs", "contacts", "rate"]) == {"costs": 1, "rate": 10}
    assert given.both("costs", "rate")
    assert not given.both("costs", "contacts")
    assert (given.period.value, given.currency) == ("week", "NOK")


def test_inputs_default_to_a_month_in_usd() -> None:
    assert (inputs().period.value, inputs().currency) == ("month", "USD")


def test_a_missing_required_number_is_empty_at_its_field() -> None:
    with pytest.raises(CalculatorError) as caught:
        inputs(costs=1).need("contacts")
    assert (caught.value.code, caught.value.field) == ("empty", "contacts")


# --- cost per contact -------------------------------------------------------------------------


def test_cost_per_contact_worked_example() -> None:
    outcome = KPIS["cost-per-contact"].compute(inputs(costs=76600, contacts=9800))
    assert shown(outcome.values["cost-per-contact"]) == D("7.82")
    assert (outcome.values["annual-costs"], outcome.values["annual-volume"]) == (
        D(919200),
        D(117600),
    )
    assert outcome.comparison is not None
    assert outcome.comparison.position == "above"
    assert (outcome.source, outcome.notes, outcome.scenario, outcome.band) == (
        "total",
        (),
        None,
        None,
    )
    assert outcome.shares is not None
    assert outcome.shares.parts == ()


def test_self_service_counts_only_the_variable_costs() -> None:
    """The article's example: 20 % to self-service at 0.50, staff share of the breakdown variable."""
    outcome = KPIS["cost-per-contact"].compute(
        inputs(**BREAKDOWN, **CHANNELS, share=20, unit_cost="0.50")
    )
    assert outcome.source == "breakdown"
    scenario = outcome.scenario
    assert scenario is not None
    assert scenario["moved"] == 1960
    assert shown(scenario["variable_cost_per_contact"]) == D("5.94")
    assert shown(scenario["saving_per_moved"]) == D("5.44")
    assert shown(scenario["saving_period"]) == D("10660.00")  # exact, not 1,960 x 5.44
    assert shown(scenario["saving_year"]) == D("127920.00")
    assert shown(scenario["new_cost_per_contact"]) == D("6.73")
    assert (scenario["share"], scenario["unit_cost"]) == (D(20), D("0.5"))


@pytest.mark.parametrize(
    ("currency", "rate", "notes", "compared"),
    [
        ("USD", None, (), True),
        ("NOK", None, ("compare.no_rate",), False),
        ("NOK", "10", (), True),
    ],
)
def test_cost_per_contact_without_a_rate_says_why_it_is_not_compared(
    currency: str, rate: str | None, notes: tuple[str, ...], compared: bool
) -> None:
    numbers = {"costs": "78200", "contacts": "1000"} | ({"rate": rate} if rate else {})
    outcome = KPIS["cost-per-contact"].compute(inputs({"currency": currency}, **numbers))
    assert outcome.notes == notes
    assert (outcome.comparison is not None) == compared


# --- variable share ---------------------------------------------------------------------------


STAFF_SHARE = CONTEXT.divide(D(58200 * 100), D(76600))


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ({"variable_share": "60", **BREAKDOWN}, D(60)),
        (BREAKDOWN, STAFF_SHARE),
        ({"costs": "76600"}, D(70)),
        ({"technology": "50000", "other": "26600"}, D(70)),
    ],
    ids=["readers-value", "staff-share-of-breakdown", "default", "breakdown-without-staff"],
)
def test_variable_share_fallbacks(numbers: dict[str, str], expected: Decimal) -> None:
    """The reader's share, else the breakdown's staff share, else the stated default of 70 %."""
    contact = KPIS["cost-per-contact"].compute(
        inputs(contacts=9800, share=20, unit_cost="0.5", **numbers)
    )
    call = KPIS["cost-per-call"].compute(
        inputs(calls=11800, repeat_now=25, repeat_target=15, **numbers)
    )
    for outcome in (contact, call):
        assert outcome.scenario is not None
        assert outcome.scenario["variable_share"] == expected


def test_variable_share_for_without_a_breakdown() -> None:
    assert variable_share_for(None) == 70
    assert variable_share_for(D(45)) == 45


@pytest.mark.parametrize(("given", "expected"), [({"variable_share": "50"}, "2.99"), ({}, "4.19")])
def test_fcr_what_if_takes_the_readers_variable_share_or_the_default(
    given: dict[str, str], expected: str
) -> None:
    outcome = KPIS["first-contact-resolution"].compute(
        inputs(resolved_first=7200, contacts=10000, fcr_target=80, costs=76600, **given)
    )
    assert outcome.scenario is not None
    assert shown(outcome.scenario["variable_cost_per_contact"]) == D(expected)


# --- cost per call ----------------------------------------------------------------------------


def test_cost_per_call_inbound_with_fewer_repeat_calls() -> None:
    """The article's example: 25 % repeat calls down to 15 %, 70 % of costs variable (the default)."""
    outcome = KPIS["cost-per-call"].compute(
        inputs(costs=41300, calls=11800, repeat_now=25, repeat_target=15)
    )
    assert outcome.values["cost-per-call"] == D("3.5")
    assert outcome.comparison is not None
    assert outcome.comparison.position == "within"
    assert outcome.notes == ()
    scenario = outcome.scenario
    assert scenario is not None
    assert (shown(scenario["calls_avoided"], 0), shown(scenario["calls_after"], 0)) == (1388, 10412)
    assert scenario["variable_cost_per_call"] == D("2.45")
    assert shown(scenario["saving_period"]) == D("3401.18")  # 28,910 x 10 / 85
    assert shown(scenario["saving_year"]) == D("40814.12")
    assert (scenario["first_share_now"], scenario["first_share_target"]) == (D(75), D(85))


def test_cost_per_call_outbound_is_per_sale_and_not_compared() -> None:
    outcome = KPIS["cost-per-call"].compute(
        inputs(
            {"mode": "outbound", "currency": "NOK"},
            costs=27600,
            sales=1150,
            calls=99,
            repeat_now=25,
            repeat_target=15,
        )
    )
    assert outcome.values["cost-per-call"] == 24
    assert outcome.values["annual-volume"] == 13800
    assert (outcome.comparison, outcome.scenario, outcome.notes) == (None, None, ("compare.none",))


def test_cost_per_call_in_another_currency_without_a_rate() -> None:
    outcome = KPIS["cost-per-call"].compute(inputs({"currency": "EUR"}, costs=41300, calls=11800))
    assert (outcome.comparison, outcome.notes) == (None, ("compare.no_rate",))


# --- average handle time ----------------------------------------------------------------------


def test_average_handle_time_worked_example() -> None:
    outcome = KPIS["average-handle-time"].compute(
        inputs(
            talk=26000,
            hold=2400,
            wrap=6600,
            contacts=10000,
            hourly_cost=30,
            occupancy=85,
            shrinkage=30,
        )
    )
    values = outcome.values
    assert values["average-handle-time"] == 210
    assert values["handle-minutes"] == 35000
    assert shown(values["handle-hours"], 1) == D("583.3")
    assert shown(values["paid-hours"], 1) == D("980.4")
    assert shown(values["labour-cost-per-contact"]) == D("2.94")
    assert outcome.band == "within"


def test_labour_cost_assumes_the_stated_occupancy_and_shrinkage() -> None:
    """Without occupancy and shrinkage the site's assumptions apply; the reader's replace them."""
    base = {"talk": 26000, "hold": 2400, "wrap": 6600, "contacts": 10000, "hourly_cost": 30}
    assumed = KPIS["average-handle-time"].compute(inputs(**base)).values
    assert shown(assumed["labour-cost-per-contact"]) == D("2.94")
    all_busy = (
        KPIS["average-handle-time"].compute(inputs(**base, occupancy=100, shrinkage=0)).values
    )
    assert all_busy["labour-cost-per-contact"] == D("1.75")
    assert all_busy["paid-hours"] == all_busy["handle-hours"]


def test_average_handle_time_without_an_hourly_cost() -> None:
    outcome = KPIS["average-handle-time"].compute(
        inputs(talk=2400, hold=300, wrap=500, contacts=800, occupancy=500)
    )
    assert set(outcome.values) == {"average-handle-time", "handle-minutes", "handle-hours"}
    assert outcome.values["average-handle-time"] == 240


@pytest.mark.parametrize(
    ("extra", "code", "field"),
    [
        ({"hold": "1000000001"}, "too_large", "hold"),
        ({"contacts": "0"}, "zero_divisor", "contacts"),
        ({"hourly_cost": "30", "occupancy": "0"}, "zero_divisor", "occupancy"),
        ({"hourly_cost": "30", "occupancy": "100.5"}, "over_hundred", "occupancy"),
        ({"hourly_cost": "30", "shrinkage": "100"}, "percent_range", "shrinkage"),
    ],
)
def test_average_handle_time_errors(extra: dict[str, str], code: str, field: str) -> None:
    numbers = {"talk": "26000", "hold": "2400", "wrap": "6600", "contacts": "10000"} | extra
    raises(KPIS["average-handle-time"].compute, inputs(**numbers), code, field)


# --- occupancy --------------------------------------------------------------------------------


def test_occupancy_worked_example() -> None:
    outcome = KPIS["occupancy"].compute(inputs(handle=1240, idle=360))
    values = outcome.values
    assert values["occupancy"] == D("77.5")
    assert values["logged-in-hours"] == 1600
    assert shown(values["hours-at-goal"], 1) == D("1458.8")
    assert shown(values["idle-hours-above-goal"], 1) == D("141.2")
    assert shown(values["hours-at-goal"] * D("0.85"), 6) == 1240  # the same work at 85 %
    assert shown(values["logged-in-hours"] - values["hours-at-goal"], 6) == shown(
        values["idle-hours-above-goal"], 6
    )
    assert outcome.band == "below"


@pytest.mark.parametrize(("handle", "idle", "band"), [(85, 15, "within"), (92, 8, "burnout")])
def test_occupancy_at_or_above_the_goal_has_no_idle_hours_to_spare(
    handle: int, idle: int, band: str
) -> None:
    outcome = KPIS["occupancy"].compute(inputs(handle=handle, idle=idle))
    assert "idle-hours-above-goal" not in outcome.values
    assert outcome.band == band


def test_occupancy_of_nothing_is_an_error() -> None:
    error = raises(KPIS["occupancy"].compute, inputs(handle=0, idle=0), "both_zero", "handle")
    assert error.details == {"other": "idle"}


# --- service level ----------------------------------------------------------------------------

BRIEF_CHECK = {"calls": 360, "aht": 240, "target": 80, "answer_time": 20}


def test_service_level_matches_the_briefs_erlang_c_check() -> None:
    """360 calls in 60 minutes, AHT 240 s, 80 % in 20 s: 29 agents reach 84.0 %; 30 % shrinkage: 42."""
    outcome = KPIS["service-level"].compute(inputs({"interval": "60"}, **BRIEF_CHECK, shrinkage=30))
    values = outcome.values
    assert (values["agents"], values["scheduled-agents"]) == (D(29), D(42))
    assert shown(values["service-level"], 1) == D("84.0")
    assert values["traffic"] == 24
    assert shown(values["asa"], 1) == D("11.6")
    assert shown(values["occupancy"], 1) == D("82.8")
    assert "staff-cost" not in values
    assert [line["agents"] for line in outcome.table] == [27, 28, 29, 30, 31, 32]
    assert outcome.table[2]["service-level"] == values["service-level"]
    assert all("staff-cost-per-call" not in line for line in outcome.table)


def test_service_level_staff_cost() -> None:
    outcome = KPIS["service-level"].compute(
        inputs({"interval": "60"}, **BRIEF_CHECK, shrinkage=30, hourly_cost=30)
    )
    assert outcome.values["staff-cost"] == 42 * 30
    assert outcome.values["staff-cost-per-call"] == D("3.5")
    per_call = [shown(line["staff-cost-per-call"]) for line in outcome.table]
    assert per_call == [D(x) for x in ("3.25", "3.33", "3.50", "3.58", "3.75", "3.83")]


def test_an_empty_shrinkage_counts_as_on_average_handle_time() -> None:
    # one rule on both calculators: an empty shrinkage is the site's stated 30 %
    outcome = KPIS["service-level"].compute(inputs({"interval": "60"}, **BRIEF_CHECK))
    assert calc.DEFAULT_SHRINKAGE == 30
    assert (outcome.values["agents"], outcome.values["scheduled-agents"]) == (29, 42)
    assert SPECS["service-level"].assumption_values == (("shrinkage", calc.DEFAULT_SHRINKAGE),)
    assert ("shrinkage", calc.DEFAULT_SHRINKAGE) in SPECS["average-handle-time"].assumption_values


def test_the_interval_defaults_to_30_minutes() -> None:
    assert KPIS["service-level"].compute(inputs(**BRIEF_CHECK)).values["traffic"] == 48


def test_2000_calls_per_half_hour_get_an_answer() -> None:
    outcome = KPIS["service-level"].compute(
        inputs({"interval": "30"}, calls=2000, aht=240, target=80, answer_time=20)
    )
    agents = outcome.values["agents"]
    assert agents > outcome.values["traffic"]
    assert outcome.values["service-level"] >= 80
    fewer = next(line for line in outcome.table if line["agents"] == agents - 1)
    assert fewer["service-level"] < 80


def test_a_million_calls_per_interval_are_too_many_agents() -> None:
    error = raises(
        KPIS["service-level"].compute,
        inputs({"interval": "15"}, calls=1_000_000, aht=240, target=80, answer_time=20),
        "too_many_agents",
        "calls",
    )
    assert error.details == {"max": 5000}


@pytest.mark.parametrize(
    ("extra", "code", "field"),
    [
        ({"target": "100"}, "target_range", "target"),
        ({"target": "0"}, "target_range", "target"),
        ({"answer_time": "0"}, "zero_divisor", "answer_time"),
        ({"aht": "0"}, "zero_divisor", "aht"),
        ({"calls": "0"}, "zero_divisor", "calls"),
        ({"calls": "2.5"}, "not_whole", "calls"),
        ({"shrinkage": "100"}, "percent_range", "shrinkage"),
    ],
)
def test_service_level_errors(extra: dict[str, str], code: str, field: str) -> None:
    numbers = {name: str(value) for name, value in BRIEF_CHECK.items()} | extra
    raises(KPIS["service-level"].compute, inputs(**numbers), code, field)


@settings(max_examples=examples(60))
@given(
    calls=st.integers(1, 3000),
    interval=st.sampled_from(["15", "30", "60"]),
    aht=st.integers(10, 900),
    target=st.integers(1, 99),
    answer=st.integers(1, 120),
)
def test_the_agents_are_the_fewest_that_reach_the_target(
    calls: int, interval: str, aht: int, target: int, answer: int
) -> None:
    """N agents reach the target and N - 1 do not (when N - 1 can answer at all)."""
    outcome = KPIS["service-level"].compute(
        inputs({"interval": interval}, calls=calls, aht=aht, target=target, answer_time=answer)
    )
    agents = outcome.values["agents"]
    lines = {line["agents"]: line for line in outcome.table}
    assert lines[agents]["service-level"] >= target
    assert agents - 1 not in lines or lines[agents - 1]["service-level"] < target
    assert all(agents - 2 <= n <= agents + 3 for n in lines)


# --- first contact resolution -----------------------------------------------------------------


def test_first_contact_resolution_worked_example() -> None:
    outcome = KPIS["first-contact-resolution"].compute(
        inputs(resolved_first=7200, contacts=10000, fcr_target=80, costs=76600, variable_share=70)
    )
    assert outcome.values == {"first-contact-resolution": 72, "unresolved": 2800}
    assert outcome.band == "good"
    scenario = outcome.scenario
    assert scenario is not None
    assert (scenario["handled_now"], scenario["contacts_avoided"]) == (D(12800), D(800))
    assert scenario["variable_costs"] == 53620
    assert shown(scenario["variable_cost_per_contact"]) == D("4.19")
    # 53,620 x 800 / 12,800, the formula the article gives: not 800 x 4.19 = 3,352
    assert scenario["saving_period"] == D("3351.25")
    assert scenario["saving_year"] == D("40215")
    assert (scenario["fcr_target"], scenario["variable_share"]) == (D(80), D(70))


@pytest.mark.parametrize("half", [{"fcr_target": 80}, {"costs": 76600}])
def test_half_an_fcr_what_if_is_none(half: dict[str, int]) -> None:
    outcome = KPIS["first-contact-resolution"].compute(
        inputs(resolved_first=7200, contacts=10000, **half)
    )
    assert outcome.scenario is None


@pytest.mark.parametrize(
    ("extra", "code", "field"),
    [
        ({"resolved_first": "10001"}, "exceeds", "resolved_first"),
        ({"fcr_target": "72"}, "target_not_higher", "fcr_target"),
        ({"fcr_target": "100.1"}, "over_hundred", "fcr_target"),
        ({"variable_share": "0"}, "percent_range", "variable_share"),
        ({"contacts": "0", "resolved_first": "0"}, "zero_divisor", "contacts"),
    ],
)
def test_first_contact_resolution_errors(extra: dict[str, str], code: str, field: str) -> None:
    numbers = {"resolved_first": "7200", "contacts": "10000", "fcr_target": "80", "costs": "1"}
    raises(KPIS["first-contact-resolution"].compute, inputs(**numbers | extra), code, field)


# --- abandonment ------------------------------------------------------------------------------


def test_abandonment_rate_worked_example() -> None:
    outcome = KPIS["abandonment-rate"].compute(inputs(abandoned=780, offered=12000, short=180))
    values = outcome.values
    assert shown(values["abandonment-rate"], 1) == D("5.1")
    assert values["abandonment-rate-all"] == D("6.5")
    assert (values["counted-abandoned"], values["counted-offered"]) == (D(600), D(11820))
    assert outcome.band == "between"


def test_abandonment_rate_without_short_abandons() -> None:
    outcome = KPIS["abandonment-rate"].compute(inputs(abandoned=50, offered=1000))
    assert outcome.values == {
        "abandonment-rate": 5,
        "counted-abandoned": 50,
        "counted-offered": 1000,
    }
    assert outcome.band == "below"


@pytest.mark.parametrize(
    ("numbers", "code", "field"),
    [
        ({"abandoned": "12001", "offered": "12000"}, "exceeds", "abandoned"),
        ({"abandoned": "12000", "offered": "12000", "short": "12000"}, "short_not_below", "short"),
        ({"abandoned": "100", "offered": "12000", "short": "180"}, "exceeds", "short"),
        ({"abandoned": "0", "offered": "0"}, "zero_divisor", "offered"),
        ({"abandoned": "1.5", "offered": "10"}, "not_whole", "abandoned"),
    ],
)
def test_abandonment_rate_errors(numbers: dict[str, str], code: str, field: str) -> None:
    raises(KPIS["abandonment-rate"].compute, inputs(**numbers), code, field)


# --- cost per resolution ----------------------------------------------------------------------


def test_cost_per_resolution_worked_example() -> None:
    outcome = KPIS["cost-per-resolution"].compute(inputs(costs=78400, resolved=7000, contacts=9800))
    assert outcome.values == {
        "cost-per-resolution": D("11.2"),
        "annual-costs": 940800,
        "contacts-per-resolution": D("1.4"),
        "cost-per-contact": 8,
    }
    assert outcome.values["cost-per-resolution"] == D("1.4") * outcome.values["cost-per-contact"]


def test_cost_per_resolution_without_contacts() -> None:
    outcome = KPIS["cost-per-resolution"].compute(
        inputs({"period": "quarter"}, costs=78400, resolved=7000)
    )
    assert set(outcome.values) == {"cost-per-resolution", "annual-costs"}
    assert outcome.values["annual-costs"] == 4 * 78400


@pytest.mark.parametrize(
    ("numbers", "code", "field"),
    [
        ({"costs": "1", "resolved": "0"}, "zero_divisor", "resolved"),
        ({"costs": "1", "resolved": "9801", "contacts": "9800"}, "exceeds", "resolved"),
        ({"resolved": "1"}, "empty", "costs"),
    ],
)
def test_cost_per_resolution_errors(numbers: dict[str, str], code: str, field: str) -> None:
    raises(KPIS["cost-per-resolution"].compute, inputs(**numbers), code, field)
