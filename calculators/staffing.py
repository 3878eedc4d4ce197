"""Time and staffing: average handle time, occupancy, and the staff a service level needs (Erlang C).

The chain a manager follows: handle time -> traffic -> agents for a service-level target -> how busy
they are -> what a contact costs. Source of every formula: the glossary's content brief, part 2
(average handle time, occupancy, service level).

An error names the parameter it concerns (``interval_minutes``, ``aht_seconds``), never a form's
field: the KPI module maps them (:func:`calculators.errors.at_fields`).

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from .errors import CalculatorError
from .formulas import Number, count, divisor, positive, round_half_up
from .numbers import CONTEXT, to_decimal

#: Largest total of talk, hold or wrap time accepted, in minutes: 10^9 (about 1,900 years).
MAX_MINUTES = Decimal(10) ** 9
#: The interval lengths a staffing calculation accepts, in minutes.
INTERVALS = (15, 30, 60)
#: Most agents a staffing calculation looks for; more answers ``too_many_agents`` at once.
MAX_AGENTS = 5000
#: How a service level with abandonment counts: answered within the target time over all offered
#: calls, or over offered calls less those who hung up within the target time.
SL_BASES = ("offered", "excl_early")

_HUNDRED = Decimal(100)
_ONE = Decimal(1)
_ZERO = Decimal(0)


# --- checks -----------------------------------------------------------------------------------


def occupancy_percent(value: Number, field: str) -> Decimal:
    """An occupancy in percent: above 0 (paid hours divide by it) and at most 100.

    >>> occupancy_percent(0, "cap")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: cap: zero_divisor
    """
    number = to_decimal(value, field)
    if number == 0:
        raise CalculatorError("zero_divisor", field)
    if number > _HUNDRED:
        raise CalculatorError("over_hundred", field)
    return number


def shrinkage_percent(value: Number, field: str) -> Decimal:
    """A shrinkage in percent: 0 or more and below 100 (at 100 % nobody is ever available).

    >>> shrinkage_percent(100, "shrinkage")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: shrinkage: percent_range
    """
    number = to_decimal(value, field)
    if number >= _HUNDRED:
        raise CalculatorError("percent_range", field)
    return number


def interval_length(value: Number, field: str) -> int:
    """An interval length in minutes, one of :data:`INTERVALS`.

    >>> interval_length("30", "interval_minutes")
    30
    >>> interval_length(45, "interval_minutes")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: interval_minutes: not_in_list
    """
    number = to_decimal(value, field)
    for allowed in INTERVALS:
        if number == allowed:
            return allowed
    raise CalculatorError("not_in_list", field, allowed=INTERVALS)


def target_percent(value: Number, field: str) -> Decimal:
    """A service-level target in percent: above 0 and below 100 (100 % needs infinitely many agents).

    >>> target_percent(100, "target")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: target: target_range
    """
    number = to_decimal(value, field)
    if number == 0 or number >= _HUNDRED:
        raise CalculatorError("target_range", field)
    return number


def available_share(occupancy: Decimal, shrinkage: Decimal) -> Decimal:
    """The share of paid time spent handling contacts, in hundredths of a percent (10,000 = all):
    occupancy x (100 - shrinkage), kept exact so that the divisions after it round only once."""
    return CONTEXT.multiply(occupancy, CONTEXT.subtract(_HUNDRED, shrinkage))


# --- handle time, occupancy, paid time --------------------------------------------------------


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
    interval = positive(interval_minutes, "interval_minutes")
    aht = positive(aht_seconds, "aht_seconds")
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
    aht = positive(aht_seconds, "aht_seconds")
    answer = to_decimal(answer_seconds, "answer_seconds")
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
    aht = positive(aht_seconds, "aht_seconds")
    if number <= load:
        raise ValueError("average speed of answer needs more agents than erlangs")
    return CONTEXT.divide(
        CONTEXT.multiply(erlang_c(load, number), aht), CONTEXT.subtract(number, load)
    )


def _first_above(load: Decimal, field: str) -> int:
    """The smallest whole number of agents above ``load`` erlangs, or too_many_agents at ``field``."""
    if load >= MAX_AGENTS:
        raise CalculatorError("too_many_agents", field, max=MAX_AGENTS)
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
    first = _first_above(load, "calls")
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
    interval = interval_length(interval_minutes, "interval_minutes")
    aht = positive(aht_seconds, "aht_seconds")
    goal = target_percent(target, "target") if target is not None else _ZERO
    answer = positive(answer_seconds, "answer_seconds")
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
    loss = shrinkage_percent(shrinkage, "shrinkage")
    return math.ceil(Fraction(number) / (1 - Fraction(loss) / 100))


@dataclass(frozen=True)
class StaffingRow:
    """One line of a staffing table: ``agents`` on the phones, the ``service_level`` they reach (%),
    their average speed of answer ``asa`` (seconds), ``occupancy`` (%, = traffic / agents, or the
    answered traffic / agents with abandonment), and with abandonment the share ``abandoned`` (%)."""

    agents: int
    service_level: Decimal
    asa: Decimal
    occupancy: Decimal
    abandoned: Decimal | None = None


def staffing_table(
    calls: Number,
    interval_minutes: Number,
    aht_seconds: Number,
    answer_seconds: Number,
    agents: Number,
    below: int = 2,
    above: int = 3,
    patience: Number | None = None,
    basis: str = SL_BASES[0],
) -> tuple[StaffingRow, ...]:
    """Service level, ASA and occupancy for ``agents - below`` ... ``agents + above`` agents.

    By Erlang C, rows with no more agents than erlangs (N <= A) are left out: those agents cannot
    answer everyone, ever. With a ``patience`` (Erlang A, :func:`erlang_a_row`) every row from one
    agent on is shown. Rows above :data:`MAX_AGENTS` are left out too. Source: the content brief,
    part 2, "Service level" (occupancy = A / N).

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
    if patience is not None:
        numbers = range(max(centre - below, 1), min(centre + above, MAX_AGENTS) + 1)
        return tuple(erlang_a_row(load, n, aht, answer, patience, basis) for n in numbers)
    low = max(centre - below, _first_above(load, "calls"))
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


# --- Erlang A: callers who hang up ------------------------------------------------------------
#
# The M/M/n+M queue (Garnett, Mandelbaum and Reiman, "Designing a call center with impatient
# customers", Manufacturing & Service Operations Management 4(3), 2002): Poisson arrivals at rate
# lambda, N agents with exponential handle times of mean AHT (mu = 1 / AHT), and callers who hang up
# after an exponential patience of mean ``patience`` (theta = 1 / patience) if nobody has answered.
# Its states are the callers in the system; with x = N mu / theta and y = lambda / theta, the state
# N + j (j waiting) has weight pi_N c_j, c_j = y^j / ((x + 1) ... (x + j)). A caller who finds j
# waiting is answered with probability x / (x + j + 1), and exp(-theta x wait) is Beta(x, j + 1)
# distributed, which turns every figure below into a sum over j of the form
# S(a, z) = sum_j z^j / ((a + 1) ... (a + j)): computed term by term from its largest term outward,
# in floating point (about 15 significant digits), so the work grows with the square root of the
# queue, not with its length. Erlang C is the limit of an infinite patience.

#: Longest average patience accepted, in seconds: an hour, already very patient on a phone line.
MAX_PATIENCE = Decimal(3_600)

_TINY = 1e-18  # a sum stops when what is left of it is below this share of it
#: Most callers arriving within one average patience (lambda / theta) a figure works with: its sums
#: take about 10 x the square root of that many terms, so this bounds the time of any input.
MAX_PATIENT_CALLERS = 10**5


def patience_seconds(value: Number, field: str) -> Decimal:
    """Callers' average patience in seconds: above 0 and at most :data:`MAX_PATIENCE`.

    >>> patience_seconds("90", "patience")
    Decimal('90')
    >>> patience_seconds(0, "patience")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: patience: zero_divisor
    """
    number = positive(value, field)
    if number > MAX_PATIENCE:
        raise CalculatorError("too_large", field, max=MAX_PATIENCE)
    return number


def _peak(a: float, z: float) -> tuple[int, float]:
    """The index of the largest term of S(a, z) and the logarithm of that term."""
    top = max(0, math.floor(z - a))
    if top == 0:
        return 0, 0.0
    return top, top * math.log(z) - (math.lgamma(a + top + 1) - math.lgamma(a + 1))


def _series(a: float, z: float) -> Iterator[tuple[int, float]]:
    """(j, term j / the largest term) of S(a, z), from the largest term up, then down to j = 0,
    each way until the rest (bounded by a geometric series) is below :data:`_TINY` of the sum."""
    top, _ = _peak(a, z)
    total, term, j = 0.0, 1.0, top
    while True:
        yield j, term
        total += term
        ratio = z / (a + j + 1)
        term *= ratio
        j += 1
        if term < _TINY * total * (1 - ratio):
            break
    term = 1.0
    for j in range(top - 1, -1, -1):
        ratio = (a + j + 1) / z
        term *= ratio
        yield j, term
        total += term
        if term * ratio < _TINY * total * (1 - ratio):
            break


def _digamma(z: float) -> float:
    """psi(z) for z > 0: the recurrence up to z >= 6, then the asymptotic series."""
    shift = 0.0
    while z < 6:
        shift -= 1 / z
        z += 1
    w = 1 / (z * z)
    tail = w * (1 / 12 - w * (1 / 120 - w * (1 / 252 - w * (1 / 240 - w / 132))))
    return shift + math.log(z) - 0.5 / z - tail


def _harmonic(x: float, j: int) -> float:
    """sum_{i=1}^{j+1} 1 / (x + i): added up for a short sum, psi(x + j + 2) - psi(x + 1) otherwise."""
    if j < 64:
        return math.fsum(1 / (x + i) for i in range(1, j + 2))
    return _digamma(x + j + 2) - _digamma(x + 1)


def _erlang_b_float(load: float, agents: int) -> float:
    """Erlang B in floating point by the recurrence 1/B(n) = 1 + n / (A B(n - 1)); 0 on underflow."""
    inverse = 1.0
    for n in range(1, agents + 1):
        inverse = 1 + inverse * n / load
        if inverse == math.inf:
            return 0.0
    return 1 / inverse


@dataclass(frozen=True)
class _Queue:
    """Figures of one M/M/n+M interval as shares of offered calls (floats): ``wait`` waits at all,
    ``abandoned`` hangs up, ``queued`` is the mean number waiting (per arrival rate: E[Q] / lambda in
    seconds is ``queued * aht / load``), ``answered_within`` is answered within the answer time,
    ``early`` hangs up within it, ``served_wait`` the mean wait of answered calls x P(answered)."""

    wait: float
    abandoned: float
    queued: float
    answered_within: float
    early: float
    served_wait: float


def _queue(load: float, agents: int, aht: float, patience: float, answer: float) -> _Queue:
    """The M/M/n+M figures of ``agents`` agents (see the section's comment for the sums)."""
    blocking = _erlang_b_float(load, agents)
    if blocking == 0:  # nobody ever waits, to the precision of a float
        return _Queue(0.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    ratio = aht / patience  # theta / mu
    x, y = agents / ratio, load / ratio
    top, peak = _peak(x, y)
    # sums over j relative to the largest term: weights, j x weights, hang-ups, waits of the answered
    mass = queued = hung_up = waited = 0.0
    up = down = _harmonic(x, top)  # sum_{i=1}^{j+1} 1 / (x + i), carried up and down from j = top
    for j, term in _series(x, y):
        if j > top:
            up += 1 / (x + j + 1)
        elif j < top:
            down -= 1 / (x + j + 2)
        mass += term
        queued += j * term
        hung_up += term * (j + 1) / (x + j + 1)
        waited += term * x / (x + j + 1) * (up if j >= top else down)
    below = math.exp(min(math.log1p(-blocking) - math.log(blocking) - peak, 700.0))
    total = mass + below
    # Within the answer time T, with u = exp(-theta T) and S' = S(x + 1, y u): answered after a wait
    # x / y (S(x, y) - 1) - x K, K = u^{x+1} e^{y (1-u)} S'/(x+1); still waiting at T (not answered,
    # sum_j c_j I_u(x, j + 1) = y K + u^x e^{y (1 - u)}, and not hung up, u): u (y K + u^x e^{y (1 - u)})
    log_u = -answer / patience
    spread = y * -math.expm1(log_u)  # y (1 - u)
    _, peak_u = _peak(x + 1, y * math.exp(log_u))
    later = math.fsum(term for _, term in _series(x + 1, y * math.exp(log_u)))
    log_k = (x + 1) * log_u + spread + peak_u - peak
    k = math.exp(min(log_k, 700.0)) * later / (x + 1)
    first = math.exp(max(-peak, -745.0))  # the term j = 0 relative to the largest
    served_early = x / y * (mass - first) - x * k
    still_waiting = y * k * math.exp(log_u) + math.exp(max((x + 1) * log_u + spread - peak, -745.0))
    early = max(mass - served_early - still_waiting, 0.0)
    return _Queue(
        wait=mass / total,
        abandoned=hung_up / total,
        queued=queued / total,
        answered_within=(below + max(served_early, 0.0)) / total,
        early=early / total,
        served_wait=waited * patience / total,
    )


def _decimal(value: float) -> Decimal:
    """A float figure as a Decimal of its shortest exact repr (no binary tail)."""
    return Decimal(repr(value))


def _erlang_a(
    traffic: Number,
    agents: Number,
    aht_seconds: Number,
    patience: Number,
    answer_seconds: Number = 0,
) -> _Queue:
    """Checked inputs of an Erlang A figure, and the queue they describe."""
    load = positive(traffic, "traffic")
    number = int(divisor(agents, "agents"))
    aht = positive(aht_seconds, "aht_seconds")
    wait = _patience_for(load, aht, patience)
    answer = to_decimal(answer_seconds, "answer_seconds")
    return _queue(float(load), number, float(aht), wait, float(answer))


def _patience_for(load: Decimal, aht: Decimal, patience: Number) -> float:
    """A checked patience that keeps the callers arriving within it at most
    :data:`MAX_PATIENT_CALLERS` (too_large otherwise, with the longest patience this load allows)."""
    wait = patience_seconds(patience, "patience")
    if CONTEXT.multiply(load, wait) > CONTEXT.multiply(aht, MAX_PATIENT_CALLERS):
        longest = CONTEXT.divide(CONTEXT.multiply(aht, MAX_PATIENT_CALLERS), load)
        raise CalculatorError("too_large", "patience", max=longest.to_integral_value(ROUND_FLOOR))
    return float(wait)


def erlang_a(traffic: Number, agents: Number, aht_seconds: Number, patience: Number) -> Decimal:
    """Probability that a call waits (0 to 1) when callers hang up after ``patience`` seconds on average.

    P_w = sum_{j>=0} pi_{N+j}: the share of callers who find all N agents busy, in the M/M/n+M
    queue with theta = 1 / patience (Garnett, Mandelbaum and Reiman, M&SOM 2002). Unlike Erlang C
    it is below 1 for any number of agents: callers who hang up keep the queue finite.

    >>> round(erlang_a(24, 29, 240, 120), 4), round(erlang_c(24, 29), 4)
    (Decimal('0.1548'), Decimal('0.2423'))
    >>> round(erlang_a(24, 20, 240, 120), 4)  # fewer agents than erlangs: still a finite queue
    Decimal('0.7143')
    """
    return _decimal(_erlang_a(traffic, agents, aht_seconds, patience).wait)


def abandonment(traffic: Number, agents: Number, aht_seconds: Number, patience: Number) -> Decimal:
    """Share of offered calls that hang up before an agent answers (0 to 1).

    P(Ab) = sum_j pi_{N+j} (j + 1) / (x + j + 1), x = N x patience / AHT: a caller who finds j
    waiting is answered with probability x / (x + j + 1). Equal to theta x E[W] (the hang-up rate
    times the mean wait of all callers, :func:`mean_wait`). Source: Garnett, Mandelbaum and
    Reiman, M&SOM 2002.

    >>> round(abandonment(24, 29, 240, 120) * 100, 2)
    Decimal('2.41')
    """
    return _decimal(_erlang_a(traffic, agents, aht_seconds, patience).abandoned)


def mean_wait(traffic: Number, agents: Number, aht_seconds: Number, patience: Number) -> Decimal:
    """Mean wait of all callers (answered or not) in seconds = E[Q] / lambda (Little's law).

    >>> round(mean_wait(24, 29, 240, 120), 3)
    Decimal('2.887')
    """
    queue = _erlang_a(traffic, agents, aht_seconds, patience)
    return _decimal(queue.queued * float(to_decimal(aht_seconds)) / float(to_decimal(traffic)))


def service_level_a(
    traffic: Number,
    agents: Number,
    aht_seconds: Number,
    answer_seconds: Number,
    patience: Number,
    basis: str = SL_BASES[0],
) -> Decimal:
    """Service level in percent with abandonment: calls answered within T seconds over offered calls
    (``basis`` "offered"), or over offered calls less those who hang up within T ("excl_early").

    Answered within T = sum_{k<N} pi_k + sum_j pi_{N+j} x / (x + j + 1) (1 - I_u(x + 1, j + 1)),
    u = e^(-T / patience), I the regularised incomplete beta function, summed in closed form as
    x / y (S(x, y) - 1) - x u^(x+1) e^(y (1 - u)) S(x + 1, y u) / (x + 1), y = traffic x patience / AHT.
    Source: Garnett, Mandelbaum and Reiman, M&SOM 2002.

    >>> round(service_level_a(24, 29, 240, 20, 120), 2), round(service_level(24, 29, 240, 20), 2)
    (Decimal('92.68'), Decimal('84.03'))
    >>> round(service_level_a(24, 29, 240, 20, 120, "excl_early"), 2)
    Decimal('94.24')
    """
    queue = _erlang_a(traffic, agents, aht_seconds, patience, answer_seconds)
    return _decimal(_share(queue, basis) * 100)


def _share(queue: _Queue, basis: str) -> float:
    """The share answered within the answer time on the ``basis`` (one of :data:`SL_BASES`)."""
    if basis not in SL_BASES:
        raise CalculatorError("not_in_list", "basis", allowed=SL_BASES)
    if basis == "offered":
        return queue.answered_within
    return queue.answered_within / (1 - queue.early)


def average_speed_of_answer_a(
    traffic: Number, agents: Number, aht_seconds: Number, patience: Number
) -> Decimal:
    """ASA of answered calls in seconds, with abandonment: E[W; answered] / P(answered).

    E[W; answered] = patience x sum_j pi_{N+j} x / (x + j + 1) (1 / (x + 1) + ... + 1 / (x + j + 1)):
    a caller who finds j waiting moves up at the rates N mu + i theta. Source: Garnett, Mandelbaum
    and Reiman, M&SOM 2002.

    >>> round(average_speed_of_answer_a(24, 29, 240, 120), 2)
    Decimal('2.55')
    """
    queue = _erlang_a(traffic, agents, aht_seconds, patience)
    return _decimal(queue.served_wait / (1 - queue.abandoned))


def agents_for_target_a(
    calls: Number,
    interval_minutes: Number,
    aht_seconds: Number,
    target: Number,
    answer_seconds: Number,
    patience: Number,
    basis: str = SL_BASES[0],
) -> int:
    """Agents needed with abandonment: the smallest N whose :func:`service_level_a` reaches ``target``.

    Service level grows with N, so N is found by bisection between 1 and :data:`MAX_AGENTS` (at most
    13 evaluations, each bounded: see the section's comment). Fewer agents than Erlang C's when
    callers hang up. Source: Garnett, Mandelbaum and Reiman, M&SOM 2002.

    >>> agents_for_target(360, 60, 240, 80, 20), agents_for_target_a(360, 60, 240, 80, 20, 120)
    (29, 26)
    """
    load, aht, goal, answer = _staffing_inputs(
        calls, interval_minutes, aht_seconds, answer_seconds, target
    )
    _first_above(load / 2, "calls")  # too_many_agents at once when even half the load is too much
    wait = _patience_for(load, aht, patience)

    def reaches(agents: int) -> bool:
        queue = _queue(float(load), agents, float(aht), wait, float(answer))
        return _share(queue, basis) * 100 >= float(goal)

    return _smallest(reaches, 1, MAX_AGENTS, "calls")


def _smallest(reaches: Callable[[int], bool], low: int, high: int, field: str) -> int:
    """The smallest whole n in [low, high] with ``reaches(n)`` (which holds from some n on), by
    bisection; too_many_agents at ``field`` when even ``high`` does not reach."""
    if not reaches(high):
        raise CalculatorError("too_many_agents", field, max=MAX_AGENTS)
    while low < high:
        middle = (low + high) // 2
        if reaches(middle):
            high = middle
        else:
            low = middle + 1
    return low


def calls_for_target(
    agents: Number,
    interval_minutes: Number,
    aht_seconds: Number,
    target: Number,
    answer_seconds: Number,
    patience: Number | None = None,
    basis: str = SL_BASES[0],
) -> int | None:
    """The most calls per interval ``agents`` agents answer at the ``target`` service level.

    Service level falls as calls grow, so the number is found by bisection: by Erlang C without a
    ``patience`` (below N x interval / AHT calls, where the queue would never clear), by Erlang A
    with one (first up to N erlangs, then doubling; on "offered" below N / target erlangs, as a
    service level cannot exceed N / A); 0 when even one call misses the target, None when the
    answer is beyond :data:`MAX_AGENTS` erlangs or :data:`MAX_PATIENT_CALLERS` arriving within
    one patience. Source: the content brief, part 2, "Service level"; Garnett, Mandelbaum and
    Reiman, M&SOM 2002.

    >>> calls_for_target(29, 60, 240, 80, 20), calls_for_target(29, 60, 240, 80, 20, 120)
    (367, 414)
    """
    number = int(divisor(agents, "agents"))
    interval = interval_length(interval_minutes, "interval_minutes")
    aht = positive(aht_seconds, "aht_seconds")
    goal = target_percent(target, "target")
    answer = positive(answer_seconds, "answer_seconds")
    capacity = CONTEXT.divide(Decimal(number * interval * 60), aht)  # calls that make A = N
    if patience is None:
        highest = int(capacity.to_integral_value(rounding=ROUND_FLOOR)) + 1

        def misses(calls: int) -> bool:
            load = CONTEXT.divide(CONTEXT.multiply(calls, aht), Decimal(interval * 60))
            return service_level(load, number, aht, answer) < goal

    else:
        wait = float(patience_seconds(patience, "patience"))
        # at most A = MAX_AGENTS, and at most MAX_PATIENT_CALLERS arriving within one patience
        erlangs = min(Decimal(MAX_AGENTS), CONTEXT.divide(aht * MAX_PATIENT_CALLERS, Decimal(wait)))
        limit = CONTEXT.divide(erlangs * interval * 60, aht)
        bound = min(capacity * 100 / goal, limit) if basis == "offered" else limit
        highest = int(bound.to_integral_value(rounding=ROUND_FLOOR)) + 1

        def misses(calls: int) -> bool:
            load = calls * float(aht) / (interval * 60)
            return _share(
                _queue(load, number, float(aht), wait, float(answer)), basis
            ) * 100 < float(goal)

    if misses(1):
        return 0
    low = 1
    probe = max(min(int(capacity), highest), 2)  # A = N first: beyond it every probe costs more
    while not misses(probe):
        if probe >= highest:
            return None
        low, probe = probe, min(probe * 2, highest)
    return _smallest_missing(misses, low, probe) - 1


def _smallest_missing(misses: Callable[[int], bool], low: int, high: int) -> int:
    """The smallest n in (low, high] with ``misses(n)``, given not misses(low) and misses(high)."""
    while high - low > 1:
        middle = (low + high) // 2
        if misses(middle):
            high = middle
        else:
            low = middle
    return high


def erlang_a_row(
    traffic: Number,
    agents: Number,
    aht_seconds: Number,
    answer_seconds: Number,
    patience: Number,
    basis: str = SL_BASES[0],
) -> StaffingRow:
    """Service level, ASA, occupancy and abandonment of ``agents`` agents by Erlang A.

    Occupancy = A (1 - P(Ab)) / N: only answered calls keep an agent busy.

    >>> row = erlang_a_row(24, 29, 240, 20, 120)
    >>> [round(value, 1) for value in (row.service_level, row.asa, row.occupancy, row.abandoned)]
    [Decimal('92.7'), Decimal('2.6'), Decimal('80.8'), Decimal('2.4')]
    """
    load = positive(traffic, "traffic")
    number = int(divisor(agents, "agents"))
    queue = _erlang_a(load, number, aht_seconds, patience, answer_seconds)
    return StaffingRow(
        agents=number,
        service_level=_decimal(_share(queue, basis) * 100),
        asa=_decimal(queue.served_wait / (1 - queue.abandoned)),
        occupancy=_decimal(float(load) * (1 - queue.abandoned) * 100 / number),
        abandoned=_decimal(queue.abandoned * 100),
    )


def agents_for_occupancy(
    traffic: Number, cap: Number, aht_seconds: Number, patience: Number | None = None
) -> int:
    """The fewest agents whose occupancy is at or below ``cap`` %.

    By Erlang C occupancy = A / N, so N = the smallest whole number >= 100 A / cap that is above A;
    by Erlang A (with a ``patience``) only answered calls occupy agents, A (1 - P(Ab)) / N, which
    falls as N grows: found by bisection. Source: the content brief, part 2, "Occupancy".

    >>> agents_for_occupancy(24, 85, 240), agents_for_occupancy(24, 85, 240, 120)
    (29, 27)
    """
    load = positive(traffic, "traffic")
    limit = occupancy_percent(cap, "cap")
    if patience is None:
        needed = CONTEXT.divide(CONTEXT.multiply(load, _HUNDRED), limit)
        if needed > MAX_AGENTS:  # a cap near 0 %: more agents than the calculator staffs
            raise CalculatorError("too_many_agents", "cap", max=MAX_AGENTS)
        return max(math.ceil(needed), _first_above(load, "traffic"))
    aht = positive(aht_seconds, "aht_seconds")
    wait = _patience_for(load, aht, patience)

    def within(agents: int) -> bool:
        queue = _queue(float(load), agents, float(aht), wait, 0.0)
        return float(load) * (1 - queue.abandoned) * 100 <= float(limit) * agents

    return _smallest(within, 1, MAX_AGENTS, "traffic")


def patience_estimate(mean_wait: Number, abandoned: Number, offered: Number) -> Decimal:
    """Callers' average patience in seconds, estimated from a period's figures:
    mean wait of all callers x offered / abandoned (the total wait over the number who hung up).

    In the M/M/n+M queue P(Ab) = theta x E[W], so 1 / theta = E[W] / P(Ab); the mean wait is of
    every caller, answered or not, and every abandon counts, short ones too. Source: Garnett,
    Mandelbaum and Reiman, M&SOM 2002.

    >>> patience_estimate(30, 780, 12000)
    Decimal('461.5384615384615384615384615384615')
    """
    wait = positive(mean_wait, "mean_wait")
    lost = divisor(abandoned, "abandoned")
    return CONTEXT.divide(CONTEXT.multiply(wait, divisor(offered, "offered")), lost)


# --- A day plan: the same queue, interval by interval ------------------------------------------


def agent_hours(scheduled: Iterable[Number], interval_minutes: Number) -> Decimal:
    """A day's agent hours: the sum of the scheduled agents of every interval x its length in hours.

    Agent hours = sum(scheduled agents) x interval minutes / 60. Source: the content brief, part 2
    ("Service level": staff cost = scheduled agents x hours x hourly cost), summed over the day.

    >>> agent_hours([0, 4, 6, 6], 30)
    Decimal('8')
    """
    total = sum((count(agents, "scheduled") for agents in scheduled), Decimal(0))
    return CONTEXT.divide(CONTEXT.multiply(total, to_decimal(interval_minutes)), 60)


def weighted_share(shares: Iterable[tuple[Number, Number]]) -> Decimal:
    """A day's share (service level, abandonment) from each interval's ``(calls, share)``, weighted
    by its calls: sum(calls x share) / sum(calls); an interval without calls weighs nothing.

    >>> weighted_share([(100, 90), (300, 80), (0, 0)])
    Decimal('82.5')
    >>> weighted_share([(0, 0)])
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: shares: series_no_calls
    """
    pairs = [(to_decimal(calls), to_decimal(share)) for calls, share in shares]
    total = sum((calls for calls, _ in pairs), Decimal(0))
    if total == 0:
        raise CalculatorError("series_no_calls", "shares")
    weighted = sum((CONTEXT.multiply(calls, share) for calls, share in pairs), Decimal(0))
    return CONTEXT.divide(weighted, total)


def answered_calls(calls: Number, abandoned_percent: Number = 0) -> Decimal:
    """Answered calls of an interval = offered calls x (1 - abandoned % / 100), to whole calls.

    The calls the model expects to be answered (Erlang C: every call; Erlang A: all but those who hang
    up), rounded half up: the average speed of answer counts answered calls. Source: the content brief,
    part 2 ("Abandonment rate": offered = answered + abandoned).

    >>> answered_calls(360), answered_calls(360, Decimal("2.4"))
    (Decimal('360'), Decimal('351'))
    """
    offered = count(calls, "calls")
    share = CONTEXT.subtract(_ONE, CONTEXT.divide(to_decimal(abandoned_percent), _HUNDRED))
    return round_half_up(CONTEXT.multiply(offered, share))


def wait_minutes(asa_seconds: Number, answered: Number) -> Decimal:
    """Total minutes answered callers waited = ASA (seconds) x answered calls / 60.

    The average speed of answer's formula turned round (ASA = total wait of the answered / answered):
    with the ASA of the answered calls (:func:`average_speed_of_answer`; with abandonment
    :func:`average_speed_of_answer_a`, the mean wait of those answered, not of everyone) it is the
    queue time the ASA page divides. Source: the content brief, part 3, "Average speed of answer".

    >>> wait_minutes(Decimal("11.63"), 360)
    Decimal('69.78')
    """
    asa = to_decimal(asa_seconds, "asa_seconds")
    return CONTEXT.divide(CONTEXT.multiply(asa, count(answered, "answered")), Decimal(60))
