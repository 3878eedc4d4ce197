"""Staffing: handle time, occupancy, paid time, and Erlang C against an independent implementation."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CalculatorError
from calculators.kpis.average_handle_time import (
    average_handle_time,
    labour_cost_per_contact,
    paid_hours,
)
from calculators.kpis.occupancy import occupancy
from calculators.numbers import CONTEXT
from calculators.staffing import (
    INTERVALS,
    MAX_AGENTS,
    MAX_MINUTES,
    StaffingRow,
    agents_for_occupancy,
    agents_for_target,
    average_speed_of_answer,
    erlang_c,
    interval_length,
    occupancy_percent,
    scheduled_agents,
    service_level,
    shrinkage_percent,
    staffing_table,
    target_percent,
    traffic,
)
from tests.unit.budget import examples

D = Decimal


def third(numerator: int) -> Decimal:
    """numerator / 3 in the calculators' 34-digit context."""
    return CONTEXT.divide(numerator, 3)


def close(ours: Decimal, expected: Decimal) -> bool:
    """Equal to 32 significant digits: the same value computed in another order of operations."""
    return abs(ours - expected) <= abs(expected) * D("1E-32")


def raises(call: Callable[[], object], code: str, field: str) -> CalculatorError:
    with pytest.raises(CalculatorError) as caught:
        call()
    assert (caught.value.code, caught.value.field) == (code, field)
    return caught.value


# --- the brief's known check -------------------------------------------------------------------


def test_known_check_from_the_brief() -> None:
    # 360 calls in 60 minutes, AHT 240 s, 80 % within 20 s -> 24 erlangs, 29 agents, 84.0 %.
    load = traffic(360, 60, 240)
    assert load == 24
    agents = agents_for_target(360, 60, 240, 80, 20)
    assert agents == 29
    assert round(service_level(load, agents, 240, 20), 1) == D("84.0")
    assert round(service_level(load, agents - 1, 240, 20), 1) == D("76.1")  # 28 agents miss 80 %
    assert scheduled_agents(agents, 30) == 42


# --- average handle time, occupancy, paid time -------------------------------------------------


def test_average_handle_time() -> None:
    # (2400 + 300 + 500) minutes x 60 / 800 contacts = 240 s.
    assert average_handle_time(2400, 300, 500, 800) == 240
    assert average_handle_time("1.5", 0, 0, 1) == 90
    assert average_handle_time(MAX_MINUTES, MAX_MINUTES, MAX_MINUTES, 1) == 3 * MAX_MINUTES * 60


@pytest.mark.parametrize("field", ["talk", "hold", "wrap"])
def test_average_handle_time_bounds_each_time(field: str) -> None:
    values = {"talk": D(1), "hold": D(1), "wrap": D(1), "contacts": D(1)}
    values[field] = MAX_MINUTES + 1
    error = raises(lambda: average_handle_time(**values), "too_large", field)
    assert error.details == {"max": MAX_MINUTES}


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((-1, 0, 0, 1), "negative", "talk"),
        ((0, "x", 0, 1), "not_a_number", "hold"),
        ((0, 0, -1, 1), "negative", "wrap"),
        ((1, 1, 1, 0), "zero_divisor", "contacts"),
        ((1, 1, 1, "2.5"), "not_whole", "contacts"),
    ],
)
def test_average_handle_time_errors(args: tuple[object, ...], code: str, field: str) -> None:
    raises(lambda: average_handle_time(*args), code, field)  # type: ignore[arg-type]


def test_occupancy() -> None:
    assert occupancy(85, 15) == 85
    assert occupancy(0, 5) == 0
    assert occupancy(5, 0) == 100
    error = raises(lambda: occupancy(0, 0), "both_zero", "handle")
    assert error.details == {"other": "idle"}
    raises(lambda: occupancy(-1, 0), "negative", "handle")
    raises(lambda: occupancy(1, "y"), "not_a_number", "idle")


def test_paid_hours() -> None:
    # 680 handle hours at 85 % occupancy and 20 % shrinkage: 680 / (0.85 x 0.8) = 1000 paid hours.
    assert paid_hours(680, 85, 20) == 1000
    assert paid_hours(100, 100, 0) == 100
    raises(lambda: paid_hours(-1, 85, 20), "negative", "handle")


def test_labour_cost_per_contact() -> None:
    # 30 an hour, 240 s, 80 % occupancy, 25 % shrinkage: 30 x 240/3600 / (0.8 x 0.75) = 3.33...
    assert labour_cost_per_contact(30, 240, 80, 25) == third(10)
    assert labour_cost_per_contact(36, 100, 100, 0) == 1
    raises(lambda: labour_cost_per_contact(-1, 240, 80, 25), "negative", "hourly_cost")
    raises(lambda: labour_cost_per_contact(30, -1, 80, 25), "negative", "aht")


@pytest.mark.parametrize(
    ("value", "code"),
    [(0, "zero_divisor"), ("100.000001", "over_hundred"), (-1, "negative")],
)
def test_occupancy_percent_bounds(value: object, code: str) -> None:
    raises(lambda: occupancy_percent(value, "occupancy"), code, "occupancy")  # type: ignore[arg-type]
    raises(lambda: paid_hours(1, value, 0), code, "occupancy")  # type: ignore[arg-type]
    raises(lambda: labour_cost_per_contact(1, 1, value, 0), code, "occupancy")  # type: ignore[arg-type]


def test_occupancy_percent_accepts_its_ends() -> None:
    assert occupancy_percent(100, "cap") == 100
    assert occupancy_percent("0.000001", "cap") == D("0.000001")


@pytest.mark.parametrize(("value", "code"), [(100, "percent_range"), (-1, "negative")])
def test_shrinkage_bounds(value: int, code: str) -> None:
    raises(lambda: shrinkage_percent(value, "shrinkage"), code, "shrinkage")
    raises(lambda: paid_hours(1, 80, value), code, "shrinkage")
    raises(lambda: scheduled_agents(10, value), code, "shrinkage")
    assert shrinkage_percent("99.999999", "shrinkage") == D("99.999999")


# --- traffic and Erlang C ----------------------------------------------------------------------


def test_traffic() -> None:
    assert traffic(360, 60, 240) == 24
    assert traffic(2000, 30, 240) == third(800)
    assert traffic(1, 45, "0.5") == CONTEXT.divide(1, 5400)  # any interval length here


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((0, 30, 240), "zero_divisor", "calls"),
        (("1.5", 30, 240), "not_whole", "calls"),
        ((10, 0, 240), "zero_divisor", "interval_minutes"),
        ((10, 30, 0), "zero_divisor", "aht_seconds"),
        ((10, 30, -1), "negative", "aht_seconds"),
    ],
)
def test_traffic_errors(args: tuple[object, ...], code: str, field: str) -> None:
    raises(lambda: traffic(*args), code, field)  # type: ignore[arg-type]


def test_erlang_c() -> None:
    assert round(erlang_c(24, 29), 10) == D("0.2422739847")
    assert erlang_c(24, 24) == 1
    assert erlang_c(24, 0) == 1
    assert erlang_c("23.5", 23) == 1
    assert erlang_c(0, 1) == 0
    assert erlang_c(1, 2) == third(1)  # C(1, 2) = (1/2 x 2) / (1 + 1 + 1) = 1/3
    raises(lambda: erlang_c(24, "2.5"), "not_whole", "agents")
    raises(lambda: erlang_c(-1, 2), "negative", "traffic")


def test_erlang_c_does_not_overflow() -> None:
    # A^N / N! alone would overflow a float long before this; the recurrence never forms it.
    wait = erlang_c("4990.5", 5000)
    assert 0 < wait < 1
    assert erlang_c(4999, 5000) > D("0.98")


def test_service_level() -> None:
    assert service_level(24, 24, 240, 20) == 0
    assert service_level(24, 23, 240, 20) == 0
    assert service_level(0, 1, 240, 20) == 100
    # T = 0: the share that does not wait at all.
    assert close(
        service_level(24, 29, 240, 0), CONTEXT.multiply(CONTEXT.subtract(1, erlang_c(24, 29)), 100)
    )
    raises(lambda: service_level(24, 29, 0, 20), "zero_divisor", "aht_seconds")
    raises(lambda: service_level(24, 29, 240, -1), "negative", "answer_seconds")


def test_average_speed_of_answer() -> None:
    # P_w x AHT / (N - A) = 0.24227... x 240 / 5.
    assert close(average_speed_of_answer(24, 29, 240), CONTEXT.multiply(erlang_c(24, 29), 48))
    assert average_speed_of_answer(0, 1, 240) == 0
    with pytest.raises(ValueError, match="more agents than erlangs") as caught:
        average_speed_of_answer(24, 24, 240)
    assert not isinstance(caught.value, CalculatorError)
    raises(lambda: average_speed_of_answer(24, 29, 0), "zero_divisor", "aht_seconds")


# --- agents for a target -----------------------------------------------------------------------


def test_agents_for_target_answers_small_volumes() -> None:
    assert agents_for_target(1, 60, 1, 80, 20) == 1
    assert agents_for_target(1, 15, 240, "99.999999", 1) > 1


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((0, 60, 240, 80, 20), "zero_divisor", "calls"),
        (("3.5", 60, 240, 80, 20), "not_whole", "calls"),
        ((360, 45, 240, 80, 20), "not_in_list", "interval_minutes"),
        ((360, 0, 240, 80, 20), "not_in_list", "interval_minutes"),
        ((360, "x", 240, 80, 20), "not_a_number", "interval_minutes"),
        ((360, 60, 0, 80, 20), "zero_divisor", "aht_seconds"),
        ((360, 60, 240, 0, 20), "target_range", "target"),
        ((360, 60, 240, 100, 20), "target_range", "target"),
        ((360, 60, 240, "100.5", 20), "target_range", "target"),
        ((360, 60, 240, -1, 20), "negative", "target"),
        ((360, 60, 240, 80, 0), "zero_divisor", "answer_seconds"),
        ((360, 60, 240, 80, -1), "negative", "answer_seconds"),
    ],
)
def test_agents_for_target_errors(args: tuple[object, ...], code: str, field: str) -> None:
    raises(lambda: agents_for_target(*args), code, field)  # type: ignore[arg-type]


def test_interval_length() -> None:
    lengths = [interval_length(value, "interval_minutes") for value in ("15", D(30), 60)]
    assert lengths == list(INTERVALS)
    error = raises(
        lambda: interval_length("30.5", "interval_minutes"), "not_in_list", "interval_minutes"
    )
    assert error.details == {"allowed": INTERVALS}


def test_target_percent_ends() -> None:
    assert target_percent("0.000001", "target") == D("0.000001")
    assert target_percent("99.999999", "target") == D("99.999999")


def test_too_many_agents_is_caught_before_any_step() -> None:
    # A million calls of 240 s in 15 minutes is 266,667 erlangs: refused before any iteration
    # (how fast is measured in bench/, part 8).
    error = raises(
        lambda: agents_for_target(1_000_000, 15, 240, 80, 20), "too_many_agents", "calls"
    )
    assert error.details == {"max": MAX_AGENTS}
    raises(lambda: agents_for_target(10**15, 15, 10**15, 80, 10**15), "too_many_agents", "calls")
    raises(lambda: agents_for_target(1, 15, MAX_AGENTS * 900, 80, 20), "too_many_agents", "calls")


def test_too_many_agents_when_the_target_lies_beyond_the_cap() -> None:
    # 4,997.5 erlangs fit under the cap, but 80/20 needs more than 5,000 agents: the loop stops there.
    raises(lambda: agents_for_target(19990, 60, 900, 80, 20), "too_many_agents", "calls")


def test_scheduled_agents() -> None:
    assert scheduled_agents(29, 30) == 42  # 29 / 0.7 = 41.43 -> 42
    assert scheduled_agents(28, 30) == 40  # exactly 40: not rounded up to 41
    assert scheduled_agents(29, 0) == 29
    assert scheduled_agents(0, 50) == 0
    assert scheduled_agents(1, "99.999999") == 100_000_000
    raises(lambda: scheduled_agents("2.5", 30), "not_whole", "agents")


# --- staffing table ----------------------------------------------------------------------------


def test_staffing_table_rows() -> None:
    rows = staffing_table(360, 60, 240, 20, 29)
    assert [row.agents for row in rows] == [27, 28, 29, 30, 31, 32]
    for row in rows:
        assert row == StaffingRow(
            agents=row.agents,
            service_level=service_level(24, row.agents, 240, 20),
            asa=average_speed_of_answer(24, row.agents, 240),
            occupancy=CONTEXT.divide(2400, row.agents),
        )
    assert round(rows[2].service_level, 1) == D("84.0")
    assert round(rows[2].occupancy, 1) == D("82.8")


def test_staffing_table_skips_agents_that_cannot_keep_up() -> None:
    assert [row.agents for row in staffing_table(360, 60, 240, 20, 25)] == [25, 26, 27, 28]
    assert [row.agents for row in staffing_table(360, 60, 240, 20, 26, 5, 0)] == [25, 26]
    assert staffing_table(360, 60, 240, 20, 10) == ()


def test_staffing_table_stops_at_the_cap() -> None:
    rows = staffing_table(19990, 60, 900, 20, MAX_AGENTS - 1, below=0, above=3)
    assert [row.agents for row in rows] == [MAX_AGENTS - 1, MAX_AGENTS]


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((360, 45, 240, 20, 29), "not_in_list", "interval_minutes"),
        ((360, 60, 240, 0, 29), "zero_divisor", "answer_seconds"),
        ((360, 60, 0, 20, 29), "zero_divisor", "aht_seconds"),
        ((360, 60, 240, 20, "2.5"), "not_whole", "agents"),
        ((10**6, 15, 240, 20, 29), "too_many_agents", "calls"),
    ],
)
def test_staffing_table_errors(args: tuple[object, ...], code: str, field: str) -> None:
    raises(lambda: staffing_table(*args), code, field)  # type: ignore[arg-type]


# --- an independent implementation: exact factorial sums --------------------------------------


def reference_wait(load: Fraction, agents: int) -> Fraction:
    """Erlang C from its textbook form, in exact fractions:
    C = (A^N / N!) (N / (N - A)) / (sum_{k<N} A^k / k! + (A^N / N!) (N / (N - A)))."""
    head = sum(
        (
            Fraction(load.numerator**k, load.denominator**k * math.factorial(k))
            for k in range(agents)
        ),
        Fraction(0),
    )
    top = (
        Fraction(load.numerator**agents, load.denominator**agents * math.factorial(agents))
        * Fraction(agents)
        / (agents - load)
    )
    return top / (head + top)


def reference_level(wait: Fraction, load: Fraction, agents: int, aht: int, answer: int) -> Decimal:
    """Service level in percent, the exponential at 60 digits."""
    with localcontext() as ctx:
        ctx.prec = 60
        exponent = -(agents - load) * answer / Fraction(aht)
        decay = (Decimal(exponent.numerator) / Decimal(exponent.denominator)).exp()
        return (1 - Decimal(wait.numerator) / Decimal(wait.denominator) * decay) * 100


def reference_agents(
    calls: int, interval: int, aht: int, target: int, answer: int
) -> tuple[int, Decimal]:
    load = Fraction(calls * aht, interval * 60)
    agents = math.floor(load) + 1
    while True:
        level = reference_level(reference_wait(load, agents), load, agents, aht, answer)
        if level >= target:
            return agents, level
        agents += 1


def same_to_ten_digits(ours: Decimal, reference: Decimal) -> bool:
    return abs(ours - reference) <= abs(reference) * D("1E-10")


GRID = [
    *itertools.product((12, 360), (15, 60), (60, 240, 600), (80, 90), (10, 30)),
    (2000, 30, 240, 80, 20),
    (700, 15, 180, 95, 15),
    (1, 60, 30, 50, 5),
    (48, 30, 300, 70, 60),
]


@pytest.mark.parametrize(("calls", "interval", "aht", "target", "answer"), GRID)
def test_agents_and_service_level_match_factorial_sums(
    calls: int, interval: int, aht: int, target: int, answer: int
) -> None:
    agents, level = reference_agents(calls, interval, aht, target, answer)
    assert agents_for_target(calls, interval, aht, target, answer) == agents
    load = traffic(calls, interval, aht)
    assert same_to_ten_digits(service_level(load, agents, aht, answer), level)
    load_fraction = Fraction(calls * aht, interval * 60)
    wait = reference_wait(load_fraction, agents)
    exact = Decimal(wait.numerator) / Decimal(wait.denominator)
    assert same_to_ten_digits(erlang_c(load, agents), exact)


# --- properties --------------------------------------------------------------------------------

volumes = st.tuples(
    st.integers(1, 3000),
    st.sampled_from(INTERVALS),
    st.integers(1, 1200),
    st.integers(1, 99),
    st.integers(1, 120),
)


@settings(max_examples=examples(60))
@given(volumes)
def test_agents_for_target_is_the_smallest_that_reaches_it(
    case: tuple[int, int, int, int, int],
) -> None:
    calls, interval, aht, target, answer = case
    load = traffic(calls, interval, aht)
    if load >= MAX_AGENTS:
        raises(lambda: agents_for_target(*case), "too_many_agents", "calls")
        return
    agents = agents_for_target(*case)
    assert agents > load
    assert service_level(load, agents, aht, answer) >= target
    if agents - 1 > load:
        assert service_level(load, agents - 1, aht, answer) < target


@settings(max_examples=examples(60))
@given(
    st.integers(0, 2000).map(lambda n: Decimal(n).scaleb(-1)),
    st.integers(1, 300),
    st.integers(1, 600),
    st.integers(0, 120),
)
def test_service_level_rises_and_waiting_falls_with_agents(
    load: Decimal, agents: int, aht: int, answer: int
) -> None:
    if agents <= load:
        assert erlang_c(load, agents) == 1
        assert service_level(load, agents, aht, answer) == 0
        return
    wait, more = erlang_c(load, agents), erlang_c(load, agents + 1)
    assert 0 <= more <= wait <= 1
    level = service_level(load, agents, aht, answer)
    assert 0 <= level <= service_level(load, agents + 1, aht, answer) <= 100


@settings(max_examples=examples(100))
@given(st.integers(0, 10_000), st.integers(0, 99_999_999).map(lambda n: Decimal(n).scaleb(-6)))
def test_scheduled_agents_is_the_ceiling(agents: int, shrinkage: Decimal) -> None:
    scheduled = scheduled_agents(agents, shrinkage)
    available = 1 - Fraction(shrinkage) / 100
    assert scheduled * available >= agents
    assert (scheduled - 1) * available < agents or scheduled == 0


@settings(max_examples=examples(100))
@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_occupancy_is_a_percent(handle: int, idle: int) -> None:
    if handle == idle == 0:
        return
    assert 0 <= occupancy(handle, idle) <= 100


def test_an_occupancy_cap_near_zero_is_refused_not_staffed() -> None:
    """A cap of 0.0001 % would need millions of agents: the calculator says so at once."""
    with pytest.raises(CalculatorError) as caught:
        agents_for_occupancy(24, Decimal("0.0001"), 240)
    assert (caught.value.code, caught.value.field) == ("too_many_agents", "cap")
