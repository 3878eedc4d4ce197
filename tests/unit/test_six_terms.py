"""The six terms of issue 21 (shrinkage, ASA, utilization, adherence, CSAT, attrition): each formula
against the worked example and an independent computation, their bad inputs through the bridge, and
the figures they carry to the next calculator."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from calculators.calculations import Inputs
from calculators.errors import CalculatorError
from calculators.kpis import (
    agent_attrition,
    agent_utilization,
    average_handle_time,
    average_speed_of_answer,
    customer_satisfaction,
    schedule_adherence,
    shrinkage,
)
from calculators.periods import Period
from calculators.web import respond
from sitebuild import examples

D = Decimal


def ask(calculator: str, values: dict[str, str], **request: Any) -> dict[str, Any]:
    return respond(
        {"calculator": calculator, "values": values, "decimal": ",", "group": " "} | request
    )


def shown(calculator: str, case: str = "") -> dict[str, str]:
    """The worked example as the bridge shows it (canonical, rounded for each kind)."""
    reply = ask(calculator, examples.EXAMPLES[calculator][case], source="link")
    assert not reply["errors"], reply["errors"]
    values: dict[str, str] = reply["result"]["values"]
    return values


# ---- the worked examples of COMMON.md, as the bridge shows them -----------------------------------
@pytest.mark.parametrize(
    ("calculator", "expected"),
    [
        (
            "shrinkage",
            {
                "shrinkage": "30",
                "lost-hours": "1200",
                "available-hours": "2800",
                "agents-uplift": "42.9",
                "scheduled-agents": "42",
            },
        ),
        (
            "average-speed-of-answer",
            {"average-speed-of-answer": "30", "offered": "12420", "abandonment-rate": "5"},
        ),
        (
            "agent-utilization",
            {
                "agent-utilization": "59.5",
                "occupancy": "85",
                "shrinkage": "30",
                "idle-hours": "420",
                "labour-cost-per-contact": "3.36",
            },
        ),
        (
            "schedule-adherence",
            {
                "schedule-adherence": "93",
                "minutes-out-of-adherence": "672",
                "hours-out-of-adherence": "11.2",
                "conformance": "99",
            },
        ),
        (
            "customer-satisfaction",
            {
                "customer-satisfaction": "82",
                "margin-of-error": "1.7",
                "confidence-low": "80.3",
                "confidence-high": "83.7",
                "responses-needed": "5671",
            },
        ),
        (
            "agent-attrition",
            {
                "agent-attrition": "10.3",
                "average-headcount": "39",
                "annual-attrition": "41",
                "leavers-per-year": "16",
                "attrition-cost-per-year": "192000",
                "contacts-per-year": "117600",
                "attrition-cost-per-contact": "1.63",
            },
        ),
    ],
)
def test_the_worked_example(calculator: str, expected: dict[str, str]) -> None:
    assert shown(calculator) == expected


def test_the_examples_are_one_centre() -> None:
    """Utilization's logged-in hours give shrinkage's 30 % and occupancy's 85 %; shrinkage's 29
    agents are service level's example; attrition's contacts are 9 800 a month for a quarter."""
    util = examples.EXAMPLES["agent-utilization"][""]
    assert util["paid"] == examples.EXAMPLES["shrinkage"][""]["scheduled"]
    assert examples.outcome("service-level").values["agents"] == D(
        examples.EXAMPLES["shrinkage"][""]["agents_needed"]
    )
    assert D(examples.EXAMPLES["agent-attrition"][""]["contacts"]) == 9800 * 3


# ---- shrinkage -------------------------------------------------------------------------------------
def test_shrinkage_uplift_is_the_agents_it_adds() -> None:
    """1 / (1 − s) − 1 is what dividing by (1 − s) adds, for any shrinkage below 100 %."""
    for percent in (D(0), D(10), D(30), D("33.3"), D(50), D("99.9")):
        uplift = shrinkage.agents_uplift(percent)
        assert abs(uplift - (100 / (1 - percent / 100) - 100)) < D("1e-20")
    assert shrinkage.agents_uplift(30).quantize(D("0.1")) == D("42.9")  # "about 43 % more"


def test_scheduled_agents_round_up_but_not_a_whole_number() -> None:
    assert shrinkage.scheduled_agents(29, 30) == 42  # 41.43 -> 42
    assert shrinkage.scheduled_agents(28, 30) == 40  # exactly 40: not 41
    assert shrinkage.scheduled_agents(28, shrinkage.shrinkage(1200, 4000)) == 40


def test_empty_causes_count_as_zero() -> None:
    values = ask("shrinkage", {"scheduled": "4000", "absence": "400"})["result"]["values"]
    assert values["shrinkage"] == "10" and values["lost-hours"] == "400"


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"scheduled": "", "breaks": "10"}, "empty", "scheduled"),
        ({"scheduled": "abc"}, "not_a_number", "scheduled"),
        ({"scheduled": "100", "meetings": "-5"}, "negative_time", "meetings"),
        ({"scheduled": "0", "breaks": "0"}, "zero_divisor", "scheduled"),
        ({"scheduled": "100", "breaks": "60", "other": "40"}, "lost_not_below", "scheduled"),
        ({"scheduled": "100", "training": "101"}, "lost_not_below", "scheduled"),
        (
            {"scheduled": "100", "breaks": "10", "agents_needed": "2,5"},
            "not_whole",
            "agents_needed",
        ),
    ],
)
def test_shrinkage_bad_input(values: dict[str, str], code: str, field: str) -> None:
    assert ask("shrinkage", values)["errors"] == {field: {"code": code}}


# ---- average speed of answer -----------------------------------------------------------------------
def test_asa_is_the_mean_wait_of_answered_calls() -> None:
    waits = [0, 5, 20, 45, 80]  # seconds each answered caller waited
    minutes = D(sum(waits)) / 60
    expected = D(sum(waits)) / len(waits)
    got = average_speed_of_answer.average_speed_of_answer(minutes, len(waits))
    assert abs(got - expected) < D("1e-25")


def test_asa_takes_a_clock_time() -> None:
    """98 h 20 min typed as a clock in the minutes field is 5 900 minutes."""
    reply = ask("average-speed-of-answer", {"wait": "98:20:00", "answered": "11 800"})
    assert reply["result"]["values"]["average-speed-of-answer"] == "30"


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"wait": "5900"}, "empty", "answered"),
        ({"wait": "x", "answered": "1"}, "not_a_number", "wait"),
        ({"wait": "-1", "answered": "1"}, "negative_time", "wait"),
        ({"wait": "10", "answered": "0"}, "zero_divisor", "answered"),
        ({"wait": "10", "answered": "1", "abandoned": "-2"}, "negative_number", "abandoned"),
        ({"wait": "10", "answered": "1,5"}, "not_whole", "answered"),
    ],
)
def test_asa_bad_input(values: dict[str, str], code: str, field: str) -> None:
    assert ask("average-speed-of-answer", values)["errors"] == {field: {"code": code}}


# ---- agent utilization -----------------------------------------------------------------------------
def test_utilization_is_occupancy_times_one_less_shrinkage() -> None:
    """The brief's identity, from three independent figures."""
    for handling, logged_in, paid in ((2380, 2800, 4000), (100, 130, 200), (7, 7, 9)):
        util = agent_utilization.agent_utilization(handling, paid)
        occ = agent_utilization.occupancy(handling, logged_in)
        shrink = agent_utilization.shrinkage(logged_in, paid)
        assert abs(util - occ * (100 - shrink) / 100) < D("1e-25")


def test_labour_cost_matches_average_handle_times() -> None:
    """The same centre priced through AHT's labour cost (occupancy 85 %, shrinkage 30 %)."""
    ours = agent_utilization.labour_cost_per_contact(30, 240, D("59.5"))
    theirs = average_handle_time.labour_cost_per_contact(30, 240, 85, 30)
    assert abs(ours - theirs) < D("1e-25")


@pytest.mark.parametrize(
    ("values", "code", "field", "other"),
    [
        ({"handling": "4001", "paid": "4000"}, "exceeds", "handling", "paid"),
        ({"handling": "10", "paid": "40", "logged_in": "41"}, "exceeds", "logged_in", "paid"),
        ({"handling": "30", "paid": "40", "logged_in": "20"}, "exceeds", "handling", "logged_in"),
        ({"handling": "1", "paid": "0"}, "zero_divisor", "paid", None),
        (
            {"handling": "0", "paid": "10", "hourly_cost": "30", "aht": "240"},
            "zero_divisor",
            "handling",
            None,
        ),
        (
            {"handling": "5", "paid": "10", "hourly_cost": "30", "aht": "0"},
            "zero_divisor",
            "aht",
            None,
        ),
        ({"handling": "", "paid": "10"}, "empty", "handling", None),
        ({"handling": "-1", "paid": "10"}, "negative_time", "handling", None),
    ],
)
def test_utilization_bad_input(
    values: dict[str, str], code: str, field: str, other: str | None
) -> None:
    error = {"code": code} | ({"other": other} if other else {})
    assert ask("agent-utilization", values)["errors"] == {field: error}


# ---- schedule adherence ----------------------------------------------------------------------------
def test_conformance_can_pass_a_hundred_percent_adherence_cannot() -> None:
    assert schedule_adherence.conformance(9700, 9600) > 100
    with pytest.raises(CalculatorError) as error:
        schedule_adherence.schedule_adherence(9601, 9600)
    assert (error.value.code, error.value.details) == ("exceeds", {"other": "scheduled_minutes"})


def test_adherence_band_is_swpps_typical_goal() -> None:
    bands = [
        schedule_adherence.compute(
            Inputs({"scheduled_minutes": D(100), "adherent_minutes": D(value)})
        ).band
        for value in ("91.9", "92", "94", "94.1")
    ]
    assert bands == ["below", "within", "within", "above"]


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"scheduled_minutes": "9600"}, "empty", "adherent_minutes"),
        ({"scheduled_minutes": "0", "adherent_minutes": "0"}, "zero_divisor", "scheduled_minutes"),
        (
            {"scheduled_minutes": "60", "adherent_minutes": "-1"},
            "negative_time",
            "adherent_minutes",
        ),
        ({"scheduled_minutes": "60", "adherent_minutes": "4:75"}, "clock", "adherent_minutes"),
    ],
)
def test_adherence_bad_input(values: dict[str, str], code: str, field: str) -> None:
    assert ask("schedule-adherence", values)["errors"] == {field: {"code": code}}


def test_adherent_over_scheduled_names_both() -> None:
    reply = ask("schedule-adherence", {"scheduled_minutes": "60", "adherent_minutes": "61"})
    assert reply["errors"] == {
        "adherent_minutes": {"code": "exceeds", "other": "scheduled_minutes"}
    }


# ---- customer satisfaction -------------------------------------------------------------------------
@pytest.mark.parametrize(("satisfied", "responses"), [(1640, 2000), (1, 3), (99, 100), (500, 1000)])
def test_margin_of_error_against_the_direct_formula(satisfied: int, responses: int) -> None:
    p = satisfied / responses
    direct = 1.96 * math.sqrt(p * (1 - p) / responses) * 100
    percent = customer_satisfaction.customer_satisfaction(satisfied, responses)
    got = customer_satisfaction.margin_of_error(percent, responses)
    assert math.isclose(float(got), direct, rel_tol=1e-12)


@pytest.mark.parametrize(("percent", "margin"), [(82, 1), (50, 3), (90, D("0.5")), (D("33.3"), 2)])
def test_responses_needed_is_the_first_n_that_reaches_the_margin(percent: Any, margin: Any) -> None:
    n = customer_satisfaction.responses_needed(percent, margin)
    assert customer_satisfaction.margin_of_error(percent, n) <= margin
    assert customer_satisfaction.margin_of_error(percent, n - 1) > margin


def test_the_range_stays_within_nought_and_a_hundred() -> None:
    values = ask("customer-satisfaction", {"satisfied": "10", "responses": "10"})["result"][
        "values"
    ]
    assert values["confidence-high"] == "100" and values["margin-of-error"] == "0"
    values = ask("customer-satisfaction", {"satisfied": "1", "responses": "10"})["result"]["values"]
    assert values["confidence-low"] == "0"


@pytest.mark.parametrize(
    ("values", "error"),
    [
        (
            {"satisfied": "2001", "responses": "2000"},
            {"satisfied": {"code": "exceeds", "other": "responses"}},
        ),
        ({"satisfied": "1", "responses": "0"}, {"responses": {"code": "zero_divisor"}}),
        ({"satisfied": "1,5", "responses": "10"}, {"satisfied": {"code": "not_whole"}}),
        (
            {"satisfied": "1", "responses": "10", "margin": "0"},
            {"margin": {"code": "zero_divisor"}},
        ),
        (
            {"satisfied": "1", "responses": "10", "margin": "101"},
            {"margin": {"code": "over_hundred"}},
        ),
        (
            {"satisfied": "1", "responses": "10", "margin": "-1"},
            {"margin": {"code": "negative_number"}},
        ),
        ({"responses": "10"}, {"satisfied": {"code": "empty"}}),
    ],
)
def test_csat_bad_input(values: dict[str, str], error: dict[str, Any]) -> None:
    assert ask("customer-satisfaction", values)["errors"] == error


# ---- agent attrition -------------------------------------------------------------------------------
@pytest.mark.parametrize(("period", "per_year"), [("month", 12), ("quarter", 4), ("year", 1)])
def test_annualisation_by_period(period: str, per_year: int) -> None:
    values = {"leavers": "3", "start_headcount": "50", "end_headcount": "50", "period": period}
    got = ask("agent-attrition", values)["result"]["values"]
    assert D(got["agent-attrition"]) == 6
    assert D(got["annual-attrition"]) == 6 * per_year
    assert D(got["leavers-per-year"]) == 3 * per_year


def test_attrition_offers_no_week() -> None:
    """A week's rate times 52 says little; the periods are the brief's month, quarter and year."""
    assert agent_attrition.SPEC.choices["period"] == ("month", "quarter", "year")
    reply = ask(
        "agent-attrition",
        {"leavers": "1", "start_headcount": "10", "end_headcount": "10", "period": "week"},
    )
    assert reply["link"]["period"] == "month"


def test_attrition_cost_per_contact_is_the_yearly_cost_over_the_years_contacts() -> None:
    cost = agent_attrition.attrition_cost_per_year(4, Period.QUARTER, 12000)
    per_contact = agent_attrition.attrition_cost_per_contact(cost, 29400, Period.QUARTER)
    assert per_contact * 29400 * 4 == cost  # the same as the quarter's cost over its contacts
    assert abs(per_contact - D(4 * 12000) / 29400) < D("1e-25")


@pytest.mark.parametrize(
    ("values", "error"),
    [
        (
            {"leavers": "1", "start_headcount": "0", "end_headcount": "0"},
            {"start_headcount": {"code": "zero_headcount", "other": "end_headcount"}},
        ),
        (
            {"leavers": "1,5", "start_headcount": "10", "end_headcount": "10"},
            {"leavers": {"code": "not_whole"}},
        ),
        (
            {"leavers": "-1", "start_headcount": "10", "end_headcount": "10"},
            {"leavers": {"code": "negative_number"}},
        ),
        ({"leavers": "1", "end_headcount": "10"}, {"start_headcount": {"code": "empty"}}),
        (
            {
                "leavers": "1",
                "start_headcount": "10",
                "end_headcount": "10",
                "replacement_cost": "1",
                "contacts": "0",
            },
            {"contacts": {"code": "zero_divisor"}},
        ),
        (
            {
                "leavers": "1",
                "start_headcount": "10",
                "end_headcount": "10",
                "replacement_cost": "-5",
            },
            {"replacement_cost": {"code": "negative"}},
        ),
    ],
)
def test_attrition_bad_input(values: dict[str, str], error: dict[str, Any]) -> None:
    assert ask("agent-attrition", values)["errors"] == error


def test_the_references() -> None:
    assert shrinkage.REFERENCE.figures == {"value": 30}
    assert schedule_adherence.REFERENCE.figures == {"low": 92, "high": 94, "share": 80}
    attrition = agent_attrition.REFERENCE.figures
    assert (attrition["low"], attrition["high"]) == (30, 45)
    assert (attrition["replacement_low"], attrition["replacement_high"]) == (10000, 15000)
    assert agent_attrition.REFERENCE.unit_of("replacement_low") == "USD"
    assert customer_satisfaction.REFERENCE.figures == {"confidence": 95, "z": D("1.96")}
    assert customer_satisfaction.REFERENCE.bands == ()  # constants, not a benchmark
    assert average_speed_of_answer.REFERENCE is None and agent_utilization.REFERENCE is None
    assert examples.outcome("agent-attrition").band == "within"  # 41 % a year


# ---- carry-overs: the figure keeps its meaning on the next page ------------------------------------
def carried(calculator: str) -> dict[str, dict[str, str]]:
    reply = ask(calculator, examples.EXAMPLES[calculator][""], source="link")
    return {link["calculator"]: link["params"] for link in reply["result"]["carry"]}


def test_shrinkage_carries_to_service_level() -> None:
    assert carried("shrinkage") == {"service-level": {"shrinkage": "30"}}
    sl = examples.EXAMPLES["service-level"][""] | {"shrinkage": "30"}
    assert ask("service-level", sl, source="link")["result"]["values"]["scheduled-agents"] == "42"


def test_utilization_carries_its_occupancy() -> None:
    params = carried("agent-utilization")["occupancy"]
    assert params == {"handle": "2380", "idle": "420"}
    got = ask("occupancy", params, source="link")["result"]["values"]["occupancy"]
    assert got == shown("agent-utilization")["occupancy"] == "85"


def test_occupancy_carries_to_utilization() -> None:
    params = carried("occupancy")["agent-utilization"]
    assert params == {"handling": "1240", "logged_in": "1600"}
    reply = ask("agent-utilization", params | {"paid": "2000"}, source="link")
    assert reply["result"]["values"]["occupancy"] == shown("occupancy")["occupancy"] == "77.5"


def test_adherence_carries_unplanned_shrinkage() -> None:
    params = carried("schedule-adherence")["shrinkage"]
    assert params == {"other": "11.2"}  # 672 minutes out of adherence
    assert D(params["other"]) * 60 == D(shown("schedule-adherence")["minutes-out-of-adherence"])
    assert schedule_adherence.SPEC.remarks == (((), "remark.adherence_to_shrinkage"),)


def main_of(calculator: str, params: dict[str, str]) -> str:
    """The main figure the next calculator shows for a carried link, as a link opens it."""
    reply = ask(calculator, params, source="link")
    assert not reply["errors"], reply["errors"]
    figure: str = reply["result"]["values"][calculator]
    return figure


SL_EXAMPLE = examples.EXAMPLES["service-level"][""]


@pytest.mark.parametrize(
    ("extra", "params"),
    [
        ({}, {"wait": "69.77", "answered": "360"}),  # Erlang C: every call is answered
        ({"patience": "120"}, {"wait": "27.14", "answered": "344"}),  # 4.4 % hang up
        ({"patience": "60", "calls": "37", "interval": "15"}, {"wait": "2.74", "answered": "33"}),
        ({"calls": "8", "interval": "15", "aht": "300"}, None),
    ],
)
def test_service_level_carries_its_asa(
    extra: dict[str, str], params: dict[str, str] | None
) -> None:
    """The interval's queue time and answered calls: the ASA page divides them back into service
    level's ASA (to the tenth of a second service level shows; the ASA page shows whole seconds)."""
    reply = ask("service-level", SL_EXAMPLE | extra, source="link")["result"]
    values = reply["values"]
    links = {link["calculator"]: link["params"] for link in reply["carry"]}
    carried = links["average-speed-of-answer"]
    if params is not None:
        assert carried == params
    assert ("answered" in values) == ("patience" in extra)  # the answered row only with hang-ups
    answered = D(values.get("answered", (SL_EXAMPLE | extra)["calls"]))
    assert carried["answered"] == str(answered)
    if "patience" in extra:  # offered calls less the share who hang up
        offered = D((SL_EXAMPLE | extra)["calls"])
        assert abs(answered - offered * (1 - D(values["abandoned"]) / 100)) <= D(
            "0.5"
        ) + offered * D("0.0005")
    exact = D(carried["wait"]) * 60 / D(carried["answered"])
    assert exact.quantize(D("0.1"), ROUND_HALF_UP) == D(values["asa"])
    asa = main_of("average-speed-of-answer", carried)
    assert D(asa) == D(values["asa"]).quantize(D(1), ROUND_HALF_UP)


def test_a_day_plan_carries_no_asa() -> None:
    """A day has no single ASA (service level shows none): no link to the ASA page."""
    day = SL_EXAMPLE | {"plan": "day", "volumes": "100_200_150", "interval": "30"}
    reply = ask("service-level", day, source="link")["result"]
    assert "asa" not in reply["values"] and reply["carry"] == []


def test_asa_links_back_to_service_level() -> None:
    """A period's answered calls are not an interval's calls, and the answered callers' wait gives no
    patience: the link carries no figure."""
    assert carried("average-speed-of-answer") == {"service-level": {}}


def test_csat_and_fcr_link_to_each_other() -> None:
    """Satisfied responses are not resolved contacts: plain links both ways (FCR keeps its carry to
    cost per resolution first)."""
    assert carried("customer-satisfaction") == {"first-contact-resolution": {}}
    fcr = ask("first-contact-resolution", examples.EXAMPLES["first-contact-resolution"][""])
    links = [c["calculator"] for c in fcr["result"]["carry"]]
    assert links == ["cost-per-resolution", "customer-satisfaction"]
    assert fcr["result"]["carry"][1]["params"] == {}


@pytest.mark.parametrize(
    ("extra", "period"),
    [
        ({}, "quarter"),
        ({"period": "month", "contacts": "9800"}, "month"),
        ({"period": "year"}, "year"),
    ],
)
def test_attrition_carries_its_cost_to_cost_per_contact(extra: dict[str, str], period: str) -> None:
    """A year's attrition cost over the year's contacts, in the reader's currency: the cost per
    contact page shows the attrition page's cost per contact."""
    values = examples.EXAMPLES["agent-attrition"][""] | extra | {"currency": "NOK"}
    reply = ask("agent-attrition", values, source="link")["result"]
    figures = reply["values"]
    per_year = {"month": 12, "quarter": 4, "year": 1}[period]
    assert D(figures["contacts-per-year"]) == D(values["contacts"]) * per_year
    (link,) = reply["carry"]
    assert link == {
        "calculator": "cost-per-contact",
        "params": {
            "costs": figures["attrition-cost-per-year"],
            "contacts": figures["contacts-per-year"],
            "currency": "NOK",
            "period": "year",
            "cover": "attrition",
        },
    }
    assert main_of("cost-per-contact", link["params"]) == figures["attrition-cost-per-contact"]


def test_attrition_cost_alone_is_not_set_against_the_all_in_benchmark() -> None:
    """On cost per contact the carried cost is one part of the cost per contact: no comparison with
    the benchmark (which covers all costs), the page's remark, and no carry as a cost per
    resolution's costs; the same figures as all costs compare and carry."""
    (link,) = ask("agent-attrition", examples.EXAMPLES["agent-attrition"][""])["result"]["carry"]
    part = ask("cost-per-contact", link["params"], source="link")["result"]
    assert part["comparison"] is None and part["notes"] == ["remark.attrition_cost_only"]
    assert part["carry"] == []
    whole = ask("cost-per-contact", link["params"] | {"cover": "all"}, source="link")["result"]
    assert whole["comparison"]["position"] == "below"
    assert [c["calculator"] for c in whole["carry"]] == ["cost-per-resolution"]


def test_attrition_cost_offers_no_self_service_what_if() -> None:
    """Self-service saves the staff time of the contacts it takes, not the cost of replacing
    leavers: under the attrition cost the what-if's figures are ignored (its group is hidden), and
    they count again under all costs."""
    (link,) = ask("agent-attrition", examples.EXAMPLES["agent-attrition"][""])["result"]["carry"]
    what_if = {"share": "20", "unit_cost": "0.5", "variable_share": "60"}
    part = ask("cost-per-contact", link["params"] | what_if, source="link")
    assert part["errors"] == {} and part["result"]["scenario"] is None
    assert not set(what_if) & set(part["link"])
    whole = ask("cost-per-contact", link["params"] | what_if | {"cover": "all"}, source="link")
    assert whole["result"]["scenario"] is not None and set(what_if) <= set(whole["link"])


def test_attrition_cost_takes_no_breakdown_of_all_costs() -> None:
    """Salaries, rent and technology break down all costs, not the cost of attrition: under it the
    breakdown is ignored (its group hides), and the carried cost stays what it was."""
    (link,) = ask("agent-attrition", examples.EXAMPLES["agent-attrition"][""])["result"]["carry"]
    part = ask("cost-per-contact", link["params"] | {"salaries": "500000"}, source="link")
    assert part["errors"] == {} and "salaries" not in part["link"]
    assert part["link"]["costs"] == link["params"]["costs"]


def test_attrition_without_its_cost_carries_nothing() -> None:
    plain = {"leavers": "4", "start_headcount": "40", "end_headcount": "38", "period": "quarter"}
    assert ask("agent-attrition", plain)["result"]["carry"] == []
    costs = plain | {"replacement_cost": "12000"}  # no contacts: no cost per contact to carry
    assert ask("agent-attrition", costs)["result"]["carry"] == []
