"""One function per calculator: checked inputs in, every figure it shows out, named like its spec's rows.

The bridge (:mod:`calculators.web`) calls these in the browser and the site build calls them for the
articles' worked examples, so a page and its calculator cannot disagree.

>>> outcome = cost_per_contact(Inputs({"costs": Decimal(76600), "contacts": Decimal(9800)}))
>>> round_money(outcome.values["cost-per-contact"]), outcome.comparison.position
(Decimal('7.82'), 'above')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from . import formulas, quality, staffing
from .benchmarks import (
    ABANDONMENT_TARGET,
    AHT_PHONE,
    COST_PER_CALL,
    COST_PER_CONTACT,
    FCR_SQM,
    OCCUPANCY_GOAL,
    Comparison,
    band,
)
from .breakdowns import CONTACT_CHANNELS, COST_COMPONENTS, Total, channel_costs
from .errors import CalculatorError
from .formulas import count
from .numbers import CONTEXT, round_money
from .periods import Period, annualise
from .scenarios import Assumption
from .summaries import summarise_cost_per_call, summarise_cost_per_contact, variable_share_for

#: Used for a missing occupancy or shrinkage in the labour cost of AHT: the site's stated assumptions.
DEFAULT_OCCUPANCY = Decimal(85)
DEFAULT_SHRINKAGE = Decimal(30)


@dataclass(frozen=True)
class Inputs:
    """A calculator's checked numbers and its choices, by field name."""

    numbers: Mapping[str, Decimal]
    choices: Mapping[str, str] = field(default_factory=dict)

    def get(self, name: str) -> Decimal | None:
        return self.numbers.get(name)

    def need(self, name: str) -> Decimal:
        """A required number: an empty field is an error at that field."""
        if name not in self.numbers:
            raise CalculatorError("empty", name)
        return self.numbers[name]

    def pick(self, names: Iterable[str]) -> dict[str, Decimal]:
        return {name: self.numbers[name] for name in names if name in self.numbers}

    def both(self, *names: str) -> bool:
        """Whether every one of ``names`` is given (an optional group is used only when complete)."""
        return all(name in self.numbers for name in names)

    @property
    def period(self) -> Period:
        return Period.from_param(self.choices.get("period"))

    @property
    def currency(self) -> str:
        return self.choices.get("currency", "USD")


@dataclass(frozen=True)
class Outcome:
    """Everything a calculator shows: ``values`` by result row, and what goes with them.

    ``band`` places the main value among a reference's bands; ``source`` says whether a total was
    typed or summed from a breakdown; ``notes`` are catalog keys of remarks on the comparison;
    ``scenario`` holds the what-if's assumptions and figures by name; ``table`` one mapping per row.
    """

    values: Mapping[str, Decimal]
    comparison: Comparison | None = None
    band: str | None = None
    source: str | None = None
    notes: tuple[str, ...] = ()
    shares: Total | None = None
    scenario: Mapping[str, Decimal] | None = None
    table: tuple[Mapping[str, Decimal], ...] = ()


def _assumed(assumptions: Mapping[str, Assumption]) -> dict[str, Decimal]:
    return {name: a.value for name, a in assumptions.items()}


def _comparison_notes(
    comparison: Comparison | None, currency: str, benchmark: str
) -> tuple[str, ...]:
    if comparison is None and currency != benchmark:
        return ("compare.no_rate",)
    return ()


def cost_per_contact(inputs: Inputs) -> Outcome:
    """Cost per contact with annual totals, the benchmark and the self-service what-if."""
    summary = summarise_cost_per_contact(
        costs=inputs.get("costs"),
        cost_breakdown=inputs.pick(COST_COMPONENTS),
        contacts=inputs.get("contacts"),
        contacts_by_channel=inputs.pick(CONTACT_CHANNELS),
        period=inputs.period,
        currency=inputs.currency,
        usd_rate=inputs.get("rate"),
        self_service=(
            (inputs.need("share"), inputs.need("unit_cost"))
            if inputs.both("share", "unit_cost")
            else None
        ),
        variable_share=inputs.get("variable_share"),
    )
    scenario = summary.scenario
    by_channel = channel_costs(
        summary.costs.value,
        summary.contacts,
        {
            name: inputs.numbers[f"{name}_minutes"]
            for name in CONTACT_CHANNELS
            if inputs.get(f"{name}_minutes") is not None
        },
    )
    spread = ("assumption.channel_cost",) if by_channel else ()
    return Outcome(
        values={
            "cost-per-contact": summary.cost_per_contact,
            "annual-costs": summary.annual_costs,
            "annual-volume": summary.annual_contacts,
            **{f"cost-per-contact-{name}": value for name, value in (by_channel or {}).items()},
        },
        comparison=summary.comparison,
        source=summary.costs.source,
        notes=_comparison_notes(summary.comparison, inputs.currency, COST_PER_CONTACT.currency)
        + spread,
        shares=summary.costs,
        scenario=None
        if scenario is None
        else {
            **_assumed(scenario.assumptions),
            "moved": scenario.moved,
            "variable_cost_per_contact": scenario.variable_cost_per_contact,
            "saving_per_moved": scenario.saving_per_moved,
            "new_cost_per_contact": scenario.new_cost_per_contact,
            "saving_period": scenario.saving_per_period,
            "saving_year": scenario.saving_per_year,
        },
    )


def cost_per_call(inputs: Inputs) -> Outcome:
    """Cost per call (inbound) or per sale or lead (outbound), with the repeat-call what-if."""
    mode = inputs.choices.get("mode", "inbound")
    inbound = mode == "inbound"
    summary = summarise_cost_per_call(
        mode=mode,
        costs=inputs.get("costs"),
        cost_breakdown=inputs.pick(COST_COMPONENTS),
        calls=inputs.get("calls"),
        sales=inputs.get("sales"),
        period=inputs.period,
        currency=inputs.currency,
        usd_rate=inputs.get("rate"),
        repeat_calls=(
            (inputs.need("repeat_now"), inputs.need("repeat_target"))
            if inbound and inputs.both("repeat_now", "repeat_target")
            else None
        ),
        variable_share=inputs.get("variable_share"),
    )
    scenario = summary.scenario
    notes = (
        _comparison_notes(summary.comparison, inputs.currency, COST_PER_CALL.currency)
        if inbound
        else ("compare.none",)
    )
    return Outcome(
        values={
            "cost-per-call": summary.result,
            "annual-costs": summary.annual_costs,
            "annual-volume": summary.annual_volume,
        },
        comparison=summary.comparison,
        source=summary.costs.source,
        notes=notes,
        shares=summary.costs,
        scenario=None
        if scenario is None
        else {
            **_assumed(scenario.assumptions),
            "calls_after": scenario.calls_after,
            "calls_avoided": scenario.calls_avoided,
            "variable_cost_per_call": scenario.variable_cost_per_call,
            "saving_period": scenario.saving_per_period,
            "saving_year": scenario.saving_per_year,
            "first_share_now": scenario.first_share_now,
            "first_share_target": scenario.first_share_target,
        },
    )


def average_handle_time(inputs: Inputs) -> Outcome:
    """AHT from total talk, hold and after-call minutes; with an hourly cost, labour cost per contact."""
    talk, hold, wrap = (inputs.need(name) for name in ("talk", "hold", "wrap"))
    contacts = inputs.need("contacts")
    aht = staffing.average_handle_time(talk, hold, wrap, contacts)
    handle_minutes = talk + hold + wrap
    handle_hours = CONTEXT.divide(handle_minutes, 60)
    values = {
        "average-handle-time": aht,
        "handle-minutes": handle_minutes,
        "handle-hours": handle_hours,
    }
    hourly_cost = inputs.get("hourly_cost")
    if hourly_cost is not None:
        occupancy = inputs.numbers.get("occupancy", DEFAULT_OCCUPANCY)
        shrinkage = inputs.numbers.get("shrinkage", DEFAULT_SHRINKAGE)
        paid = staffing.paid_hours(handle_hours, occupancy, shrinkage)
        values["paid-hours"] = paid
        values["labour-cost-per-contact"] = staffing.labour_cost_per_contact(
            hourly_cost, aht, occupancy, shrinkage
        )
    return Outcome(values=values, band=band(aht, AHT_PHONE))


def occupancy(inputs: Inputs) -> Outcome:
    """Occupancy, the hours it rests on, and what the same work needs at the top and the bottom of
    the quoted goal (85 % and 80 %)."""
    handle, idle = inputs.need("handle"), inputs.need("idle")
    percent = staffing.occupancy(handle, idle)
    logged_in = handle + idle
    values = {"occupancy": percent, "logged-in-hours": logged_in}
    # against the top of the quoted goal (85 %) and its bottom (80 %): both, so none is implied
    for suffix, figure in (("goal", "goal"), ("low", "low")):
        needed = CONTEXT.divide(handle * 100, OCCUPANCY_GOAL.figures[figure])
        values[f"hours-at-{suffix}"] = needed
        if logged_in > needed:
            values[f"idle-hours-above-{suffix}"] = logged_in - needed
    return Outcome(values=values, band=band(percent, OCCUPANCY_GOAL))


def service_level(inputs: Inputs) -> Outcome:
    """Agents for a target (Erlang C, or Erlang A with a patience), raised to an occupancy cap, or
    the figures of a fixed number of agents; what they achieve, and what they cost.

    An empty shrinkage counts as :data:`DEFAULT_SHRINKAGE`, as on average handle time.
    """
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
    values: dict[str, Decimal] = {
        "agents": Decimal(agents),
        "scheduled-agents": Decimal(scheduled),
        "traffic": traffic,
        "service-level": figures.service_level,
        "asa": figures.asa,
        "occupancy": figures.occupancy,
        "wait-probability": _wait(traffic, agents, aht, patience) * 100,
    }
    most = staffing.calls_for_target(agents, interval, aht, target, answer, patience, basis)
    if most is not None:
        values["calls-at-target"] = Decimal(most)
    if figures.abandoned is not None:
        values["abandoned"] = figures.abandoned
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
        agents = int(formulas.divisor(fixed, "agents"))
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


def first_contact_resolution(inputs: Inputs) -> Outcome:
    """FCR against SQM's bands; with a target and costs, the contacts and money a higher FCR saves."""
    resolved, contacts = inputs.need("resolved_first"), inputs.need("contacts")
    percent = quality.first_contact_resolution(resolved, contacts)
    scenario = None
    if inputs.both("fcr_target", "costs"):
        what_if = quality.raise_fcr(
            contacts,
            resolved,
            inputs.need("fcr_target"),
            inputs.need("costs"),
            inputs.period,
            variable_share_for(inputs.get("variable_share")),
        )
        scenario = {
            **_assumed(what_if.assumptions),
            "handled_now": what_if.handled_now,
            "contacts_avoided": what_if.contacts_avoided,
            "variable_costs": what_if.variable_costs,
            "variable_cost_per_contact": what_if.variable_cost_per_contact,
            "saving_period": what_if.saving_per_period,
            "saving_year": what_if.saving_per_year,
        }
    return Outcome(
        values={"first-contact-resolution": percent, "unresolved": contacts - resolved},
        band=band(percent, FCR_SQM),
        scenario=scenario,
    )


def abandonment_rate(inputs: Inputs) -> Outcome:
    """Abandonment rate, with short abandons left out of both counts when they are given."""
    abandoned, offered = inputs.need("abandoned"), inputs.need("offered")
    short = inputs.get("short") or Decimal(0)
    rate = quality.abandonment_rate(abandoned, offered, short)
    values = {
        "abandonment-rate": rate,
        "counted-abandoned": abandoned - short,
        "counted-offered": offered - short,
    }
    if short:
        values["abandonment-rate-all"] = quality.abandonment_rate(abandoned, offered)
    wait = inputs.get("wait")
    if wait is not None and abandoned > 0:
        patience = staffing.patience_estimate(wait, abandoned, offered)
        if patience <= staffing.MAX_PATIENCE:  # what service level accepts, so the carry computes
            values["patience"] = patience
    return Outcome(values=values, band=band(rate, ABANDONMENT_TARGET))


def cost_per_resolution(inputs: Inputs) -> Outcome:
    """Cost per resolved case; with contacts, contacts per case and the cost per contact beside it."""
    costs, resolved = inputs.need("costs"), inputs.need("resolved")
    values = {
        "cost-per-resolution": quality.cost_per_resolution(costs, resolved),
        "annual-costs": annualise(costs, inputs.period),
    }
    contacts = inputs.get("contacts")
    if contacts is not None:
        values["contacts-per-resolution"] = quality.contacts_per_resolution(contacts, resolved)
        values["cost-per-contact"] = formulas.cost_per_contact(costs, contacts)
    return Outcome(values=values)


# ---- reverse solving: one input from a target main result ------------------------------------------
def _volume_name(inputs: Inputs) -> str:
    """The volume a cost per call is spread over: calls (inbound) or sales and leads (outbound)."""
    return "sales" if inputs.choices.get("mode") == "outbound" else "calls"


def costs_for_cost_per_contact(inputs: Inputs, target: Decimal) -> Decimal:
    """The total costs that give ``target`` per contact with the given contacts.

    >>> costs_for_cost_per_contact(Inputs({"contacts": Decimal(9800)}), Decimal(6))
    Decimal('58800')
    """
    return formulas.costs_for_unit_cost(target, inputs.need("contacts"), "contacts")


def contacts_for_cost_per_contact(inputs: Inputs, target: Decimal) -> Decimal:
    """The contacts that give ``target`` per contact with the given costs (unrounded).

    >>> contacts_for_cost_per_contact(Inputs({"costs": Decimal(76600)}), Decimal("7.816"))
    Decimal('9800.409416581371545547594677584442')
    """
    return formulas.volume_for_unit_cost(inputs.need("costs"), target)


def costs_for_cost_per_call(inputs: Inputs, target: Decimal) -> Decimal:
    """The costs that give ``target`` per call (inbound) or per sale or lead (outbound).

    >>> costs_for_cost_per_call(Inputs({"sales": Decimal(1150)}, {"mode": "outbound"}), Decimal(24))
    Decimal('27600')
    """
    volume = _volume_name(inputs)
    return formulas.costs_for_unit_cost(target, inputs.need(volume), volume)


def volume_for_cost_per_call(inputs: Inputs, target: Decimal) -> Decimal:
    """The calls (inbound) or sales and leads (outbound) that give ``target`` per call or sale.

    >>> volume_for_cost_per_call(Inputs({"costs": Decimal(41300)}), Decimal("3.5"))
    Decimal('11800')
    """
    return formulas.volume_for_unit_cost(inputs.need("costs"), target)


__all__ = ["Inputs", "Outcome", "round_money"]
