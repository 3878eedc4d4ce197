"""Time and staffing: average handle time, occupancy, and the staff a service level needs (Erlang C).

The chain a manager follows: handle time -> traffic -> agents for a service-level target -> how busy
they are -> what a contact costs. Source of every formula: the glossary's content brief, part 2
(average handle time, occupancy, service level).

The brief's known check: 360 calls in 60 minutes, AHT 240 s, 80 % answered within 20 s.

>>> traffic(360, 60, 240)
Decimal('24')
>>> agents_for_target(360, 60, 240, 80, 20)
29
>>> round(service_level(24, 29, 240, 20), 2)  # 84.0 % to one decimal
Decimal('84.03')
>>> scheduled_agents(29, 30)
42
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from .errors import CalculatorError
from .formulas import Number, count, divisor, positive
from .numbers import CONTEXT, to_decimal

#: Largest total of talk, hold or wrap time accepted, in minutes: 10^9 (about 1,900 years).
MAX_MINUTES = Decimal(10) ** 9
#: The interval lengths a staffing calculation accepts, in minutes.
INTERVALS = (15, 30, 60)
#: Most agents a staffing calculation looks for; more answers ``too_many_agents`` at once.
MAX_AGENTS = 5000

_HUNDRED = Decimal(100)
_ONE = Decimal(1)
_ZERO = Decimal(0)


# --- checks -----------------------------------------------------------------------------------


def occupancy_percent(value: Number, field: str = "occupancy") -> Decimal:
    """An occupancy in percent: above 0 (paid hours divide by it) and at most 100.

    >>> occupancy_percent(0)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: occupancy: zero_divisor
    """
    number = to_decimal(value, field)
    if number == 0:
        raise CalculatorError("zero_divisor", field)
    if number > _HUNDRED:
        raise CalculatorError("over_hundred", field)
    return number


def shrinkage_percent(value: Number, field: str = "shrinkage") -> Decimal:
    """A shrinkage in percent: 0 or more and below 100 (at 100 % nobody is ever available).

    >>> shrinkage_percent(100)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: shrinkage: percent_range
    """
    number = to_decimal(value, field)
    if number >= _HUNDRED:
        raise CalculatorError("percent_range", field)
    return number


def interval_length(value: Number, field: str = "interval") -> int:
    """An interval length in minutes, one of :data:`INTERVALS`.

    >>> interval_length("30")
    30
    >>> interval_length(45)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: interval: not_in_list
    """
    number = to_decimal(value, field)
    for allowed in INTERVALS:
        if number == allowed:
            return allowed
    raise CalculatorError("not_in_list", field, allowed=INTERVALS)


def target_percent(value: Number, field: str = "target") -> Decimal:
    """A service-level target in percent: above 0 and below 100 (100 % needs infinitely many agents).

    >>> target_percent(100)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: target: target_range
    """
    number = to_decimal(value, field)
    if number == 0 or number >= _HUNDRED:
        raise CalculatorError("target_range", field)
    return number


def _available(occupancy: Decimal, shrinkage: Decimal) -> Decimal:
    """The share of paid time spent handling contacts, in hundredths of a percent (10,000 = all):
    occupancy x (100 - shrinkage), kept exact so that the divisions after it round only once."""
    return CONTEXT.multiply(occupancy, CONTEXT.subtract(_HUNDRED, shrinkage))


# --- handle time, occupancy, paid time --------------------------------------------------------


def average_handle_time(talk: Number, hold: Number, wrap: Number, contacts: Number) -> Decimal:
    """Average handle time (AHT) in seconds = (talk + hold + wrap) x 60 / contacts handled.

    ``talk``, ``hold`` and ``wrap`` (after-call work) are the totals of the period in minutes; queue
    time before an agent answers is not part of handle time. Each is bounded by :data:`MAX_MINUTES`.
    Source: the content brief, part 2, "Average handle time (AHT)".

    >>> average_handle_time(2400, 300, 500, 800)
    Decimal('240')
    >>> average_handle_time(10**9 + 1, 0, 0, 1)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: talk: too_large
    """
    minutes = _ZERO
    for value, field in ((talk, "talk"), (hold, "hold"), (wrap, "wrap")):
        number = to_decimal(value, field)
        if number > MAX_MINUTES:
            raise CalculatorError("too_large", field, max=MAX_MINUTES)
        minutes = CONTEXT.add(minutes, number)
    return CONTEXT.divide(CONTEXT.multiply(minutes, 60), divisor(contacts, "contacts"))


def occupancy(handle_hours: Number, idle_hours: Number) -> Decimal:
    """Occupancy in percent = handling time / (handling time + idle time) x 100.

    Handling time is talk, hold and after-call work; idle time is logged in and waiting for the next
    contact. Breaks, training and absence are shrinkage, not idle time. Source: the content brief,
    part 2, "Occupancy".

    >>> occupancy(85, 15)
    Decimal('85')
    >>> occupancy(0, 0)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: handle: both_zero
    """
    handle = to_decimal(handle_hours, "handle")
    idle = to_decimal(idle_hours, "idle")
    if handle == 0 and idle == 0:
        raise CalculatorError("both_zero", "handle", other="idle")
    return CONTEXT.divide(CONTEXT.multiply(handle, _HUNDRED), CONTEXT.add(handle, idle))


def paid_hours(handle_hours: Number, occupancy: Number, shrinkage: Number) -> Decimal:
    """Paid hours = handle hours / (occupancy / 100 x (1 - shrinkage / 100)).

    Agents are paid while they wait for the next contact (occupancy) and while they are off the
    phones on breaks, training or absence (shrinkage). Source: the content brief, part 2, "Average
    handle time (AHT)".

    >>> paid_hours(680, 85, 20)
    Decimal('1000')
    """
    handle = to_decimal(handle_hours, "handle")
    available = _available(occupancy_percent(occupancy), shrinkage_percent(shrinkage))
    return CONTEXT.divide(CONTEXT.multiply(handle, 10_000), available)


def labour_cost_per_contact(
    hourly_cost: Number, aht_seconds: Number, occupancy: Number, shrinkage: Number
) -> Decimal:
    """Labour cost per contact = hourly cost x AHT / 3600 / (occupancy / 100 x (1 - shrinkage / 100)).

    ``hourly_cost`` is the loaded cost of one paid agent hour (salary, benefits, taxes on pay).
    Source: the content brief, part 2, "Average handle time (AHT)".

    >>> labour_cost_per_contact(30, 240, 80, 25)
    Decimal('3.333333333333333333333333333333333')
    """
    cost = to_decimal(hourly_cost, "hourly_cost")
    aht = to_decimal(aht_seconds, "aht")
    available = _available(occupancy_percent(occupancy), shrinkage_percent(shrinkage))
    return CONTEXT.divide(CONTEXT.multiply(cost, aht), CONTEXT.multiply(available, Decimal("0.36")))


# --- Erlang C ---------------------------------------------------------------------------------


def traffic(calls: Number, interval_minutes: Number, aht_seconds: Number) -> Decimal:
    """Traffic in erlangs = calls per interval x AHT / (interval length in seconds).

    ``calls`` must be whole and above zero, ``interval_minutes`` and ``aht_seconds`` above zero (any
    length here; :func:`agents_for_target` accepts only :data:`INTERVALS`). Source: the content
    brief, part 2, "Service level".

    >>> traffic(2000, 30, 240)
    Decimal('266.6666666666666666666666666666667')
    """
    number = divisor(calls, "calls")
    interval = positive(interval_minutes, "interval")
    aht = positive(aht_seconds, "aht")
    return CONTEXT.divide(CONTEXT.multiply(number, aht), CONTEXT.multiply(interval, 60))


def _erlang_b(load: Decimal) -> Iterator[Decimal]:
    """Erlang B for 0, 1, 2, ... agents: B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1))."""
    blocking = _ONE
    agents = 0
    while True:
        yield blocking
        agents += 1
        carried = CONTEXT.multiply(load, blocking)
        blocking = CONTEXT.divide(carried, CONTEXT.add(agents, carried))


def _erlang_c(load: Decimal, agents: int, blocking: Decimal) -> Decimal:
    """Erlang C from Erlang B of the same N > A: C = N B / (N - A (1 - B))."""
    return CONTEXT.divide(
        CONTEXT.multiply(agents, blocking),
        CONTEXT.subtract(agents, CONTEXT.multiply(load, CONTEXT.subtract(_ONE, blocking))),
    )


def _service_level(
    load: Decimal, agents: int, wait: Decimal, aht: Decimal, answer: Decimal
) -> Decimal:
    """Service level in percent of N agents with probability of waiting ``wait``; 0 when N <= A."""
    if agents <= load:
        return _ZERO
    spare = CONTEXT.subtract(load, agents)  # -(N - A)
    decay = CONTEXT.exp(CONTEXT.divide(CONTEXT.multiply(spare, answer), aht))
    return CONTEXT.multiply(CONTEXT.subtract(_ONE, CONTEXT.multiply(wait, decay)), _HUNDRED)


def erlang_c(traffic: Number, agents: Number) -> Decimal:
    """Probability that a call waits (0 to 1) with ``traffic`` erlangs offered to ``agents`` agents.

    Computed by the Erlang B recurrence, B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)), then
    C = N B / (N - A (1 - B)): no factorials, no powers, no overflow. With no more agents than
    erlangs the queue never clears and every call waits: 1. Erlang C assumes nobody abandons.
    Source: the content brief, part 2, "Service level".

    >>> round(erlang_c(24, 29), 6)
    Decimal('0.242274')
    >>> erlang_c(24, 24)
    Decimal('1')
    """
    load = to_decimal(traffic, "traffic")
    number = int(count(agents, "agents"))
    if number <= load:
        return _ONE
    values = _erlang_b(load)
    blocking = _ONE
    for _ in range(number + 1):
        blocking = next(values)
    return _erlang_c(load, number, blocking)


def service_level(
    traffic: Number, agents: Number, aht_seconds: Number, answer_seconds: Number
) -> Decimal:
    """Service level in percent = (1 - P_w x e^(-(N - A) x T / AHT)) x 100.

    The share of calls answered within ``answer_seconds`` (T), with P_w = :func:`erlang_c` (A, N).
    With no more agents than erlangs (N <= A) the queue grows without end: 0. Source: the content
    brief, part 2, "Service level".

    >>> round(service_level(24, 29, 240, 20), 4)
    Decimal('84.0283')
    >>> service_level(24, 24, 240, 20)
    Decimal('0')
    """
    load = to_decimal(traffic, "traffic")
    number = int(count(agents, "agents"))
    aht = positive(aht_seconds, "aht")
    answer = to_decimal(answer_seconds, "answer_time")
    return _service_level(load, number, erlang_c(load, number), aht, answer)


def average_speed_of_answer(traffic: Number, agents: Number, aht_seconds: Number) -> Decimal:
    """Average speed of answer (ASA) in seconds = P_w x AHT / (N - A), for N > A only.

    With N <= A the queue grows without end and there is no average: calling it so is a programming
    error (:class:`ValueError`, not :class:`CalculatorError`). Source: the content brief, part 2,
    "Service level".

    >>> round(average_speed_of_answer(24, 29, 240), 2)
    Decimal('11.63')
    """
    load = to_decimal(traffic, "traffic")
    number = int(count(agents, "agents"))
    aht = positive(aht_seconds, "aht")
    if number <= load:
        raise ValueError("average speed of answer needs more agents than erlangs")
    return CONTEXT.divide(
        CONTEXT.multiply(erlang_c(load, number), aht), CONTEXT.subtract(number, load)
    )


def _first_above(load: Decimal) -> int:
    """The smallest whole number of agents above ``load`` erlangs, or too_many_agents."""
    if load >= MAX_AGENTS:
        raise CalculatorError("too_many_agents", "calls", max=MAX_AGENTS)
    return int(load.to_integral_value(rounding=ROUND_FLOOR)) + 1


def agents_for_target(
    calls: Number,
    interval_minutes: Number,
    aht_seconds: Number,
    target: Number,
    answer_seconds: Number,
) -> int:
    """Agents needed: the smallest N above the traffic A whose service level reaches ``target`` %.

    Traffic A = ``calls`` x AHT / interval; the service level of N agents is :func:`service_level`.
    Erlang B is carried forward as N grows, so the work is one step per agent, at most
    :data:`MAX_AGENTS` steps; more agents than that (or A >= MAX_AGENTS) answers ``too_many_agents``
    before any step. Erlang C assumes nobody abandons, so it slightly overstates the staff needed.
    Source: the content brief, part 2, "Service level".

    >>> agents_for_target(360, 60, 240, 80, 20)
    29
    >>> agents_for_target(1_000_000, 15, 240, 80, 20)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: calls: too_many_agents
    """
    load, aht, goal, answer = _staffing_inputs(
        calls, interval_minutes, aht_seconds, answer_seconds, target
    )
    first = _first_above(load)
    values = _erlang_b(load)
    for _ in range(first):
        next(values)
    for agents in range(first, MAX_AGENTS + 1):
        blocking = next(values)
        wait = _erlang_c(load, agents, blocking)
        if _service_level(load, agents, wait, aht, answer) >= goal:
            return agents
    raise CalculatorError("too_many_agents", "calls", max=MAX_AGENTS)


def _staffing_inputs(
    calls: Number,
    interval_minutes: Number,
    aht_seconds: Number,
    answer_seconds: Number,
    target: Number | None,
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Checked (traffic, AHT, target, answer time) of a staffing calculation."""
    number = divisor(calls, "calls")
    interval = interval_length(interval_minutes)
    aht = positive(aht_seconds, "aht")
    goal = target_percent(target) if target is not None else _ZERO
    answer = positive(answer_seconds, "answer_time")
    load = CONTEXT.divide(CONTEXT.multiply(number, aht), Decimal(interval * 60))
    return load, aht, goal, answer


def scheduled_agents(agents: Number, shrinkage: Number) -> int:
    """Agents to schedule = agents on the phones / (1 - shrinkage / 100), rounded up.

    Shrinkage is the share of paid time not available for contacts: breaks, training, meetings,
    absence. Computed with exact fractions, so a whole result is never rounded up by one. Source: the
    content brief, part 2, "Service level".

    >>> scheduled_agents(29, 30), scheduled_agents(28, 30), scheduled_agents(29, 0)
    (42, 40, 29)
    """
    number = count(agents, "agents")
    loss = shrinkage_percent(shrinkage)
    return math.ceil(Fraction(number) / (1 - Fraction(loss) / 100))


@dataclass(frozen=True)
class StaffingRow:
    """One line of a staffing table: ``agents`` on the phones, the ``service_level`` they reach (%),
    their average speed of answer ``asa`` (seconds) and ``occupancy`` (%, = traffic / agents)."""

    agents: int
    service_level: Decimal
    asa: Decimal
    occupancy: Decimal


def staffing_table(
    calls: Number,
    interval_minutes: Number,
    aht_seconds: Number,
    answer_seconds: Number,
    agents: Number,
    below: int = 2,
    above: int = 3,
) -> tuple[StaffingRow, ...]:
    """Service level, ASA and occupancy for ``agents - below`` ... ``agents + above`` agents.

    Rows with no more agents than erlangs (N <= A) are left out: those agents cannot answer
    everyone, ever. Rows above :data:`MAX_AGENTS` are left out too. Source: the content brief, part 2,
    "Service level" (occupancy = A / N).

    >>> [row.agents for row in staffing_table(360, 60, 240, 20, 26)]
    [25, 26, 27, 28, 29]
    >>> row = staffing_table(360, 60, 240, 20, 29, below=0, above=0)[0]
    >>> round(row.service_level, 1), round(row.asa, 1), round(row.occupancy, 1)
    (Decimal('84.0'), Decimal('11.6'), Decimal('82.8'))
    """
    load, aht, _, answer = _staffing_inputs(
        calls, interval_minutes, aht_seconds, answer_seconds, None
    )
    centre = int(count(agents, "agents"))
    low = max(centre - below, _first_above(load))
    high = min(centre + above, MAX_AGENTS)
    rows = []
    values = _erlang_b(load)
    for _ in range(low):
        next(values)
    for number in range(low, high + 1):
        blocking = next(values)
        wait = _erlang_c(load, number, blocking)
        rows.append(
            StaffingRow(
                agents=number,
                service_level=_service_level(load, number, wait, aht, answer),
                asa=CONTEXT.divide(CONTEXT.multiply(wait, aht), CONTEXT.subtract(number, load)),
                occupancy=CONTEXT.divide(CONTEXT.multiply(load, _HUNDRED), number),
            )
        )
    return tuple(rows)
