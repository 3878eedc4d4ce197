"""Service level: the agents a target needs (Erlang C, or Erlang A with a patience), what they
achieve and what they cost. The queue maths is shared, in :mod:`calculators.staffing`.
"""

from __future__ import annotations

from decimal import Decimal

from .. import staffing
from ..benchmarks import Benchmark, Reference
from ..calculations import DEFAULT_SHRINKAGE, Inputs, Outcome
from ..errors import CalculatorError, at_fields
from ..formulas import count, divisor
from ..numbers import CONTEXT
from ..specs import Carry, Field, Formula, Row, Spec, currency_field

#: The term's place in the glossary (the registry sorts by it).
ORDER = 60

#: The field of each parameter of :mod:`calculators.staffing` this form names otherwise.
_FIELDS = {
    "interval_minutes": "interval",
    "aht_seconds": "aht",
    "answer_seconds": "answer_time",
    "cap": "max_occupancy",
    "shares": "volumes",
}


@at_fields(**_FIELDS)
def compute(inputs: Inputs) -> Outcome:
    """Agents for a target (Erlang C, or Erlang A with a patience), raised to an occupancy cap, or
    the figures of a fixed number of agents; what they achieve, and what they cost.

    An empty shrinkage counts as :data:`DEFAULT_SHRINKAGE`, as on average handle time. Under the
    plan ``day`` the figures are those of a day of intervals (:func:`day_plan`).
    """
    if inputs.choices.get("plan") == "day":
        return day_plan(inputs)
    calls = count(inputs.need("calls"), "calls")
    interval = int(inputs.choices.get("interval", "30"))
    aht, target, answer = (inputs.need(name) for name in ("aht", "target", "answer_time"))
    patience = inputs.get("patience")
    basis = inputs.choices.get("basis", staffing.SL_BASES[0])
    traffic = staffing.traffic(calls, interval, aht)
    agents, decided = _service_level_agents(inputs, calls, interval, traffic, patience, basis)
    shrinkage = inputs.numbers.get("shrinkage", DEFAULT_SHRINKAGE)
    scheduled = staffing.scheduled_agents(agents, shrinkage)
    figures = _staffing_row(traffic, agents, aht, answer, patience, basis)
    answered = staffing.answered_calls(calls, figures.abandoned or 0)
    values: dict[str, Decimal] = {
        "agents": Decimal(agents),
        "scheduled-agents": Decimal(scheduled),
        "traffic": traffic,
        "service-level": figures.service_level,
        "asa": figures.asa,
        "wait-minutes": staffing.wait_minutes(figures.asa, answered),
        "occupancy": figures.occupancy,
        "wait-probability": _wait(traffic, agents, aht, patience) * 100,
    }
    most = staffing.calls_for_target(agents, interval, aht, target, answer, patience, basis)
    if most is not None:
        values["calls-at-target"] = Decimal(most)
    if figures.abandoned is not None:
        values["abandoned"] = figures.abandoned
        values["answered"] = answered
    rows = staffing.staffing_table(
        calls, interval, aht, answer, agents, patience=patience, basis=basis
    )
    hourly_cost = inputs.get("hourly_cost")
    hours = CONTEXT.divide(Decimal(interval), 60)
    table = []
    for row in rows:
        line = {
            "agents": Decimal(row.agents),
            "scheduled-agents": Decimal(staffing.scheduled_agents(row.agents, shrinkage)),
            "service-level": row.service_level,
            "asa": row.asa,
            "occupancy": row.occupancy,
        }
        if row.abandoned is not None:
            line["abandoned"] = row.abandoned
        if hourly_cost is not None:  # calls > 0: agents_for_target refuses zero calls
            staff = line["scheduled-agents"] * hours * hourly_cost
            line["staff-cost-per-call"] = CONTEXT.divide(staff, calls)
        table.append(line)
    if hourly_cost is not None:
        staff_cost = scheduled * hours * hourly_cost
        values["staff-cost"] = staff_cost
        values["staff-cost-per-call"] = CONTEXT.divide(staff_cost, calls)
    model = "note.erlang_c" if patience is None else f"note.erlang_a.{basis}"
    return Outcome(values=values, table=tuple(table), notes=(model, decided))


def day_plan(inputs: Inputs) -> Outcome:
    """A day of intervals: each interval's calls (the list ``volumes``, the first interval starting
    at the hour ``opens``) staffed as one interval is, with the same interval length, AHT, target,
    answer time, patience, occupancy cap, shrinkage and hourly cost in every interval.

    Per interval: calls, agents, scheduled agents, service level, occupancy (and abandonment with a
    patience, and the staff cost with an hourly cost); an interval without calls needs no agents.
    For the day: the peak agents and scheduled agents, the calls, the service level (and the
    abandonment) weighted by calls, the agent hours = sum of scheduled agents x interval hours, and
    the staff cost = agent hours x hourly cost.
    """
    volumes = inputs.series.get("volumes")
    if volumes is None:
        raise CalculatorError("empty", "volumes")
    interval = int(inputs.choices.get("interval", "30"))
    aht, answer = inputs.need("aht"), inputs.need("answer_time")
    inputs.need("target")
    patience = inputs.get("patience")
    basis = inputs.choices.get("basis", staffing.SL_BASES[0])
    shrinkage = inputs.numbers.get("shrinkage", DEFAULT_SHRINKAGE)
    hourly_cost = inputs.get("hourly_cost")
    hours = CONTEXT.divide(Decimal(interval), 60)
    start = int(inputs.choices.get("opens", "8")) * 60
    table: list[dict[str, Decimal]] = []
    served: list[tuple[Decimal, Decimal]] = []
    lost: list[tuple[Decimal, Decimal]] = []
    for index, calls in enumerate(volumes):
        line = {
            "start": Decimal((start + index * interval) % _DAY_MINUTES),
            "calls": calls,
            "agents": Decimal(0),
            "scheduled-agents": Decimal(0),
        }
        if calls > 0:
            try:
                traffic = staffing.traffic(calls, interval, aht)
                agents, _ = _service_level_agents(inputs, calls, interval, traffic, patience, basis)
            except CalculatorError as error:  # an interval's calls: said at the list, with its line
                if error.field != "calls":
                    raise
                raise CalculatorError(
                    error.code, "volumes", **error.details, line=index + 1
                ) from None
            row = _staffing_row(traffic, agents, aht, answer, patience, basis)
            line |= {
                "agents": Decimal(agents),
                "scheduled-agents": Decimal(staffing.scheduled_agents(agents, shrinkage)),
                "service-level": row.service_level,
                "occupancy": row.occupancy,
            }
            served.append((calls, row.service_level))
            if row.abandoned is not None:
                line["abandoned"] = row.abandoned
                lost.append((calls, row.abandoned))
        if hourly_cost is not None:
            line["staff-cost"] = line["scheduled-agents"] * hours * hourly_cost
        table.append(line)
    if not served:
        raise CalculatorError("series_no_calls", "volumes")
    agent_hours = staffing.agent_hours((line["scheduled-agents"] for line in table), interval)
    values: dict[str, Decimal] = {
        "agents": max(line["agents"] for line in table),
        "scheduled-agents": max(line["scheduled-agents"] for line in table),
        "service-level": staffing.weighted_share(served),
        "day-calls": sum(volumes, Decimal(0)),
        "agent-hours": agent_hours,
    }
    if lost:
        values["abandoned"] = staffing.weighted_share(lost)
    if hourly_cost is not None:
        values["day-staff-cost"] = agent_hours * hourly_cost
    model = "note.erlang_c" if patience is None else f"note.erlang_a.{basis}"
    return Outcome(values=values, table=tuple(table), notes=(model, "note.day_plan"))


#: Minutes in a day: an interval's start wraps past midnight.
_DAY_MINUTES = 24 * 60


def _service_level_agents(
    inputs: Inputs,
    calls: Decimal,
    interval: int,
    traffic: Decimal,
    patience: Decimal | None,
    basis: str,
) -> tuple[int, str]:
    """The agents to show and the note saying what decided them: the reader's fixed number, the
    service-level target, or the occupancy cap."""
    aht, target, answer = (inputs.need(name) for name in ("aht", "target", "answer_time"))
    cap = inputs.get("max_occupancy")
    if cap is not None:
        staffing.occupancy_percent(cap, "max_occupancy")
    fixed = inputs.get("agents")
    if fixed is not None:
        agents = int(divisor(fixed, "agents"))
        if agents > staffing.MAX_AGENTS:
            raise CalculatorError("too_many_agents", "agents", max=staffing.MAX_AGENTS)
        if patience is None and agents <= traffic:
            raise CalculatorError("too_few_agents", "agents")
        return agents, "note.decided.fixed"
    if patience is None:
        agents = staffing.agents_for_target(calls, interval, aht, target, answer)
    else:
        agents = staffing.agents_for_target_a(calls, interval, aht, target, answer, patience, basis)
    if cap is None:
        return agents, "note.decided.target"
    with at_fields(traffic="calls"):  # too much traffic: too many calls
        capped = staffing.agents_for_occupancy(traffic, cap, aht, patience)
    if capped > agents:
        return capped, "note.decided.occupancy"
    return agents, "note.decided.target"


def _staffing_row(
    traffic: Decimal,
    agents: int,
    aht: Decimal,
    answer: Decimal,
    patience: Decimal | None,
    basis: str,
) -> staffing.StaffingRow:
    """Service level, ASA, occupancy (and abandonment) of ``agents`` by the model that applies."""
    if patience is not None:
        return staffing.erlang_a_row(traffic, agents, aht, answer, patience, basis)
    return staffing.StaffingRow(
        agents=agents,
        service_level=staffing.service_level(traffic, agents, aht, answer),
        asa=staffing.average_speed_of_answer(traffic, agents, aht),
        occupancy=CONTEXT.divide(traffic * 100, agents),
    )


def _wait(traffic: Decimal, agents: int, aht: Decimal, patience: Decimal | None) -> Decimal:
    """Probability that a call waits, 0 to 1, by Erlang C or (with a patience) Erlang A."""
    if patience is None:
        return staffing.erlang_c(traffic, agents)
    return staffing.erlang_a(traffic, agents, aht, patience)


_COST = "group.cost"


_HANG_UP = "group.hang_up"


_PLAN = "group.plan"


#: The rows of one interval's figures, hidden while a day is planned, and those of a day.
_INTERVAL = (("plan", "interval"),)
_DAY = (("plan", "day"),)


SPEC = Spec(
    id="service-level",
    fields=(
        Field("plan", "choice", "field.plan", choices=("interval", "day"), radio=True),
        Field("calls", "count", "field.calls_per_interval", unless=_DAY),
        Field("volumes", "series", "field.volumes", when=_DAY),
        Field(
            "interval",
            "choice",
            "field.interval",
            choices=tuple(str(minutes) for minutes in staffing.INTERVALS),
            default="30",
            unit="minutes",
        ),
        Field(
            "opens",
            "choice",
            "field.opens",
            when=_DAY,
            choices=tuple(str(hour) for hour in range(24)),
            default="8",
            unit="clock",
        ),
        Field("aht", "seconds", "field.aht_seconds"),
        Field("target", "percent", "field.target"),
        Field("answer_time", "seconds", "field.answer_time"),
        Field("patience", "seconds", "field.patience", group=_HANG_UP),
        Field("basis", "choice", "field.basis", group=_HANG_UP, choices=staffing.SL_BASES),
        Field("max_occupancy", "percent", "field.max_occupancy", group=_PLAN),
        Field("agents", "count", "field.fixed_agents", group=_PLAN, unless=_DAY),
        Field("shrinkage", "percent", "field.shrinkage", group=_COST),
        Field("hourly_cost", "money", "field.hourly_cost", group=_COST),
        currency_field(_COST),
    ),
    compute=compute,
    results=(
        Row(
            "agents",
            "result.agents",
            "count",
            main=True,
            labels=(("plan", "day", "result.peak-agents"),),
        ),
        Row(
            "scheduled-agents",
            "result.scheduled-agents",
            "count",
            main=True,
            labels=(("plan", "day", "result.peak-scheduled-agents"),),
        ),
        Row(
            "service-level",
            "result.service-level",
            "percent",
            main=True,
            labels=(("plan", "day", "result.day-service-level"),),
        ),
        Row("asa", "result.asa", "seconds", when=_INTERVAL),
        Row("abandoned", "result.abandoned", "percent"),
        Row("answered", "result.answered", "count", when=_INTERVAL),
        Row("wait-minutes", "result.wait-minutes", "minutes", when=_INTERVAL),
        Row("wait-probability", "result.wait-probability", "percent", when=_INTERVAL),
        Row("occupancy", "result.occupancy", "percent", when=_INTERVAL),
        Row("traffic", "result.traffic", "erlangs", when=_INTERVAL),
        Row("calls-at-target", "result.calls-at-target", "count", when=_INTERVAL),
        Row("staff-cost", "result.staff-cost", "money", when=_INTERVAL),
        Row("staff-cost-per-call", "result.staff-cost-per-call", "money", when=_INTERVAL),
        Row("day-calls", "result.day-calls", "count", when=_DAY),
        Row("agent-hours", "result.agent-hours", "hours", when=_DAY),
        Row("day-staff-cost", "result.day-staff-cost", "money", when=_DAY),
    ),
    table=(
        Row("start", "table.start", "clock", when=_DAY),
        Row("calls", "table.calls", "count", when=_DAY),
        Row("agents", "table.agents", "count"),
        Row("scheduled-agents", "table.scheduled_agents", "count"),
        Row("service-level", "result.service-level", "percent"),
        Row("asa", "result.asa", "seconds", when=_INTERVAL),
        Row("abandoned", "table.abandoned", "percent"),
        Row("occupancy", "result.occupancy", "percent"),
        Row("staff-cost", "table.staff_cost", "money", when=_DAY),
        Row("staff-cost-per-call", "result.staff-cost-per-call", "money", when=_INTERVAL),
    ),
    table_caption="table.staffing_caption",
    table_labels=(("plan", "day", "table.day_caption"),),
    chart="agents",
    chart_when=_DAY,
    assumption="assumption.erlang",
    assumption_values=(("shrinkage", DEFAULT_SHRINKAGE),),
    notes=(
        "note.erlang_c",
        *(f"note.erlang_a.{basis}" for basis in staffing.SL_BASES),
        "note.decided.target",
        "note.decided.occupancy",
        "note.decided.fixed",
        "note.day_plan",
    ),
    compared="service-level",
    carry=(
        # One interval's staff cost and calls: no period, not an all-in cost (the cost-per-call page says so).
        Carry(
            "cost-per-call",
            (("costs", "staff-cost"), ("calls", "calls"), ("currency", "currency")),
            fixed=(("cover", "staff"),),
        ),
        # The interval's queue time and answered calls: the ASA page divides them back into the ASA.
        # Under Erlang C every call is answered (the calls typed); with a patience the answered row
        # replaces them.
        Carry(
            "average-speed-of-answer",
            (("wait", "wait-minutes"), ("answered", "calls")),
            when=_INTERVAL,
            optional=(("answered", "answered"),),
        ),
    ),
    formula=(Formula("traffic", "formula.service-level"),),
)


BENCHMARK: Benchmark | None = None


REFERENCE = Reference(
    key="service-level",
    unit="percent",
    figures={"target": Decimal(80), "answer_time": Decimal(20)},
    bands=(),
    beyond="",
    source="80/20 is the most common target but no standard: ICMI says there is no industry-standard "
    "service level (content brief, part 2).",
    ratio=("target", "answer_time"),
)
