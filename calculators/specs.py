"""What each calculator is, declared once: every layer (the bridge, the build hook, the page's script)
reads these declarations and none of them names a calculator.

A :class:`Spec` holds the calculator's fields (the URL parameters), when each applies, its result rows,
its what-if rows and assumptions by name, its benchmark and the calculators its results carry over to.
Adding a KPI is a formula, a spec here, catalog keys and the articles.

>>> spec = SPECS["cost-per-contact"]
>>> [field.name for field in spec.fields][:3], spec.main.key
(['costs', 'contacts', 'period'], 'cost-per-contact')
>>> SPECS["cost-per-call"].field("sales").applies({"mode": "outbound"})
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from . import calculations as calc
from .breakdowns import CONTACT_CHANNELS, COST_COMPONENTS
from .periods import Period
from .staffing import INTERVALS, SL_BASES

#: How a value is shown: money with cents, a large sum without cents, a whole count, a percentage
#: with one decimal, seconds, minutes and seconds, hours, minutes, erlangs, a plain number, percentage
#: points (the difference of two percentages, a survey's margin of error).
Kind = Literal[
    "money",
    "sum",
    "count",
    "percent",
    "seconds",
    "duration",
    "hours",
    "minutes",
    "erlangs",
    "number",
    "points",
]
#: Input kinds: a choice is a fixed list (select or radio); everything else is typed as a number.
FieldKind = Literal["money", "count", "percent", "seconds", "minutes", "hours", "number", "choice"]
#: The currencies a money calculator offers (their indicative rates are build-time data).
CURRENCIES = ("USD", "EUR", "NOK", "RUB", "VND")
PERIODS = tuple(period.value for period in Period)

Condition = tuple[tuple[str, str], ...]


def holds(condition: Condition, choices: Mapping[str, str]) -> bool:
    """Whether every ``(choice, value)`` of ``condition`` holds."""
    return all(choices.get(name) == value for name, value in condition)


@dataclass(frozen=True)
class Field:
    """One input; ``name`` is its URL parameter and the form control's ``name``.

    ``when`` lists choices that must hold for the field to apply (it is hidden and ignored otherwise);
    ``labels`` gives another label key under a choice, e.g. ``(("mode", "outbound", key),)``;
    ``group`` names the optional group (a catalog key for its heading) or is empty for the main form;
    a ``breakdown.<total>`` group's fields add up to the field ``<total>``. ``unit`` names the unit
    of a choice's values (``minutes``), shown instead of a catalog word.
    """

    name: str
    kind: FieldKind
    label: str
    group: str = ""
    when: Condition = ()
    labels: tuple[tuple[str, str, str], ...] = ()
    unless: Condition = ()
    choices: tuple[str, ...] = ()
    default: str = ""
    radio: bool = False
    unit: str = ""

    def applies(self, choices: Mapping[str, str]) -> bool:
        """Whether the field is used under these choices (shown in the form, read by the bridge)."""
        return holds(self.when, choices) and not any(
            choices.get(name) == value for name, value in self.unless
        )

    @property
    def initial(self) -> str:
        """The value a choice starts with (and falls back to for an unknown value in a link)."""
        return self.default or (self.choices[0] if self.choices else "")


@dataclass(frozen=True)
class Row:
    """One figure a calculator shows: ``key`` is its ``data-result`` name and its token name."""

    key: str
    label: str
    kind: Kind
    main: bool = False
    when: Condition = ()
    labels: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Carry:
    """A link from a result to the next calculator: its parameters from these result rows or fields
    (the link needs every one), and ``optional`` ones it carries when they are known."""

    calculator: str
    params: tuple[tuple[str, str], ...]
    when: Condition = ()
    #: Parameters carried when their source is known (a rate the reader typed), left out otherwise.
    optional: tuple[tuple[str, str], ...] = ()
    #: Fixed choices that keep a figure's meaning on the next page (what the costs cover).
    fixed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Scenario:
    """A what-if: its heading and assumption text (catalog keys), fields and rows by name."""

    title: str
    assumption: str
    rows: tuple[Row, ...]
    assumptions: tuple[Row, ...] = ()
    when: Condition = ()


#: An inverse: the calculator's other inputs and a target main result in, the solved field's value out.
Inverse = Callable[[calc.Inputs, Decimal], Decimal]


@dataclass(frozen=True)
class Solve:
    """A field the reader can solve for: the value that gives a target main result.

    ``inverse`` computes it exactly in Decimal; a ``count`` field's value is rounded up to a whole
    number by the bridge, which then checks that the result it gives shows as the target. The field's
    own ``when``/``unless`` say when it can be solved for. Fields of the group ``breakdown.<field>``
    are ignored while the field is solved for (the total is what is solved).
    """

    field: str
    inverse: Inverse


@dataclass(frozen=True)
class Formula:
    """The article's formula with the reader's figures: ``template`` is a catalog key whose
    ``{name}`` placeholders are field names and result keys; shown with the result ``result``."""

    result: str
    template: str
    when: Condition = ()


@dataclass(frozen=True)
class Spec:
    """A calculator: its id (the article's slug), fields, computation and the rows it shows.

    ``table`` lists the columns of an extra table (one row per line of the outcome's table), under
    the heading ``table_caption`` (a catalog key);
    ``compared`` names the result set against the benchmark when it is not the main one;
    ``assumption`` is the catalog key of the model's assumptions, shown with the results, with
    ``assumption_values`` (percentages) for its placeholders;
    ``solve`` lists the fields the reader can solve for from a target main result;
    ``formula`` the formula lines shown with the reader's figures;
    ``notes`` the catalog keys of remarks the computation may add to its outcome;
    ``benchmark_when`` the choices under which the result is set against the benchmark (the
    benchmark's notes are left out otherwise); ``remarks`` catalog keys of sentences shown with the
    result while their choices hold. Rows of any kind are shown only while their ``when`` holds.
    """

    id: str
    fields: tuple[Field, ...]
    compute: Callable[[calc.Inputs], calc.Outcome]
    results: tuple[Row, ...]
    scenario: Scenario | None = None
    table: tuple[Row, ...] = ()
    carry: tuple[Carry, ...] = ()
    compared: str = ""
    table_caption: str = ""
    assumption: str = ""
    assumption_values: tuple[tuple[str, Decimal], ...] = ()
    solve: tuple[Solve, ...] = ()
    formula: tuple[Formula, ...] = ()
    notes: tuple[str, ...] = ()
    benchmark_when: Condition = ()
    remarks: tuple[tuple[Condition, str], ...] = ()

    def solver(self, name: str) -> Solve | None:
        """The way to solve for the field ``name``, or None when it cannot be solved for."""
        return next((s for s in self.solve if s.field == name), None)

    @property
    def main(self) -> Row:
        """The main result: the first row marked ``main``."""
        return next(row for row in self.results if row.main)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def choices(self) -> dict[str, tuple[str, ...]]:
        """Choice fields and their values; the first value is the default."""
        return {f.name: f.choices for f in self.fields if f.kind == "choice"}

    def defaults(self) -> dict[str, str]:
        """Each choice field's initial value."""
        return {f.name: f.initial for f in self.fields if f.kind == "choice"}

    @property
    def numbers(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind != "choice")


def _period(group: str = "", unless: Condition = ()) -> Field:
    return Field(
        "period",
        "choice",
        "field.period",
        group=group,
        choices=PERIODS,
        default="month",
        unless=unless,
    )


def _currency(group: str = "") -> Field:
    return Field("currency", "choice", "field.currency", group=group, choices=CURRENCIES)


_RATE = Field("rate", "number", "field.rate", unless=(("currency", "USD"),))
#: Period, currency and the exchange rate that places a result against a USD benchmark.
_MONEY = (_period(), _currency(), _RATE)
#: What a money figure carried to the next calculator keeps: its period, currency and typed rate.
_KEEP_MONEY = (("period", "period"), ("currency", "currency"))
_KEEP_RATE = (("rate", "rate"),)


_COSTS_GROUP = tuple(
    Field(name, "money", f"component.{name}", group="breakdown.costs") for name in COST_COMPONENTS
)
_CHANNELS_GROUP = tuple(
    Field(name, "count", f"channel.{name}", group="breakdown.contacts") for name in CONTACT_CHANNELS
)
#: Minutes per contact of each channel: with contacts by channel, the cost per contact of each.
_CHANNEL_MINUTES = tuple(
    Field(f"{name}_minutes", "minutes", f"channel_minutes.{name}", group="group.channel_minutes")
    for name in CONTACT_CHANNELS
)
_INBOUND = (("mode", "inbound"),)
_OUTBOUND_LABEL = "mode", "outbound"
#: Costs that cover everything (a period's total) or only the staff cost of one interval, as the
#: service-level calculator carries them: then there is no period, no yearly row and no comparison
#: with the all-in benchmark, and the page says so.
_ALL_COSTS = (("cover", "all"),)
_STAFF_ONLY = (("cover", "staff"),)
_STAFF_LABEL = "cover", "staff"

COST_PER_CONTACT = Spec(
    id="cost-per-contact",
    fields=(
        Field("costs", "money", "field.costs"),
        Field("contacts", "count", "field.contacts"),
        *_MONEY,
        *_COSTS_GROUP,
        *_CHANNELS_GROUP,
        *_CHANNEL_MINUTES,
        Field("share", "percent", "scenario.self_service.share", group="scenario.heading"),
        Field("unit_cost", "money", "scenario.self_service.unit_cost", group="scenario.heading"),
        Field("variable_share", "percent", "field.variable_share", group="scenario.heading"),
    ),
    compute=calc.cost_per_contact,
    results=(
        Row("cost-per-contact", "result.cost_per_contact", "money", main=True),
        Row("annual-costs", "result.annual_costs", "sum"),
        Row("annual-volume", "result.annual_contacts", "count"),
        *(
            Row(f"cost-per-contact-{name}", f"result.channel_cost.{name}", "money")
            for name in CONTACT_CHANNELS
        ),
    ),
    scenario=Scenario(
        title="scenario.self_service.title",
        assumption="scenario.self_service.assumption",
        assumptions=(
            Row("share", "scenario.self_service.share", "percent"),
            Row("unit_cost", "scenario.self_service.unit_cost", "money"),
            Row("variable_share", "field.variable_share", "percent"),
        ),
        rows=(
            Row("moved", "result.moved", "count"),
            Row("variable_cost_per_contact", "result.variable_cost_per_contact", "money"),
            Row("saving_per_moved", "result.saving_per_moved", "money"),
            Row("new_cost_per_contact", "result.new_cost_per_contact", "money", main=True),
            Row("saving_period", "result.saving_period", "money"),
            Row("saving_year", "result.saving_year", "money", main=True),
        ),
    ),
    carry=(
        Carry(
            "cost-per-resolution",
            (("costs", "costs"), ("contacts", "contacts"), *_KEEP_MONEY),
            optional=_KEEP_RATE,
        ),
    ),
    solve=(
        Solve("costs", calc.costs_for_cost_per_contact),
        Solve("contacts", calc.contacts_for_cost_per_contact),
    ),
    formula=(Formula("cost-per-contact", "formula.cost-per-contact"),),
)

COST_PER_CALL = Spec(
    id="cost-per-call",
    fields=(
        Field("mode", "choice", "field.mode", choices=("inbound", "outbound"), radio=True),
        Field(
            "costs",
            "money",
            "field.call_costs",
            labels=(
                (*_STAFF_LABEL, "field.staff_costs_interval"),
                (*_OUTBOUND_LABEL, "field.operating_costs"),
            ),
        ),
        Field("calls", "count", "field.calls", when=_INBOUND),
        Field("sales", "count", "field.sales", when=(_OUTBOUND_LABEL,)),
        Field("cover", "choice", "field.cover", choices=("all", "staff")),
        _period(unless=_STAFF_ONLY),
        _currency(),
        _RATE,
        *_COSTS_GROUP,
        Field(
            "repeat_now",
            "percent",
            "scenario.fcr.repeat_now",
            group="scenario.heading",
            when=_INBOUND,
        ),
        Field(
            "repeat_target",
            "percent",
            "scenario.fcr.repeat_target",
            group="scenario.heading",
            when=_INBOUND,
        ),
        Field(
            "variable_share",
            "percent",
            "field.variable_share",
            group="scenario.heading",
            when=_INBOUND,
        ),
    ),
    compute=calc.cost_per_call,
    results=(
        Row(
            "cost-per-call",
            "result.cost_per_call",
            "money",
            main=True,
            labels=(
                (*_OUTBOUND_LABEL, "result.cost_per_sale"),
                (*_STAFF_LABEL, "result.staff-cost-per-call"),
            ),
        ),
        Row("annual-costs", "result.annual_costs", "sum", when=_ALL_COSTS),
        Row(
            "annual-volume",
            "result.annual_calls",
            "count",
            labels=((*_OUTBOUND_LABEL, "result.annual_sales"),),
            when=_ALL_COSTS,
        ),
    ),
    scenario=Scenario(
        title="scenario.fcr.title",
        assumption="scenario.fcr.assumption",
        when=_INBOUND,
        assumptions=(
            Row("repeat_now", "scenario.fcr.repeat_now", "percent"),
            Row("repeat_target", "scenario.fcr.repeat_target", "percent"),
            Row("variable_share", "field.variable_share", "percent"),
        ),
        rows=(
            Row("calls_after", "result.calls_after", "count"),
            Row("calls_avoided", "result.calls_avoided", "count", main=True),
            Row("variable_cost_per_call", "result.variable_cost_per_call", "money"),
            Row("saving_period", "result.saving_period", "money"),
            Row("saving_year", "result.saving_year", "money", main=True, when=_ALL_COSTS),
        ),
    ),
    benchmark_when=_ALL_COSTS,
    remarks=((_STAFF_ONLY, "remark.staff_cost_only"),),
    solve=(
        Solve("costs", calc.costs_for_cost_per_call),
        Solve("calls", calc.volume_for_cost_per_call),
        Solve("sales", calc.volume_for_cost_per_call),
    ),
    formula=(
        Formula("cost-per-call", "formula.cost-per-call.inbound", when=_INBOUND),
        Formula("cost-per-call", "formula.cost-per-call.outbound", when=(_OUTBOUND_LABEL,)),
    ),
)

_LABOUR = "group.labour_cost"
AVERAGE_HANDLE_TIME = Spec(
    id="average-handle-time",
    fields=(
        Field("talk", "minutes", "field.talk"),
        Field("hold", "minutes", "field.hold"),
        Field("wrap", "minutes", "field.wrap"),
        Field("contacts", "count", "field.handled_contacts"),
        _period(),
        Field("hourly_cost", "money", "field.hourly_cost", group=_LABOUR),
        Field("occupancy", "percent", "field.occupancy", group=_LABOUR),
        Field("shrinkage", "percent", "field.shrinkage", group=_LABOUR),
        _currency(_LABOUR),
    ),
    compute=calc.average_handle_time,
    results=(
        Row("average-handle-time", "result.average-handle-time", "duration", main=True),
        Row("labour-cost-per-contact", "result.labour-cost-per-contact", "money", main=True),
        Row("handle-minutes", "result.handle-minutes", "minutes"),
        Row("handle-hours", "result.handle-hours", "hours"),
        Row("paid-hours", "result.paid-hours", "hours"),
    ),
    carry=(Carry("service-level", (("aht", "average-handle-time"),)),),
    assumption="assumption.labour_cost",
    assumption_values=(
        ("occupancy", calc.DEFAULT_OCCUPANCY),
        ("shrinkage", calc.DEFAULT_SHRINKAGE),
    ),
    formula=(Formula("average-handle-time", "formula.average-handle-time"),),
)

OCCUPANCY = Spec(
    id="occupancy",
    fields=(
        Field("handle", "hours", "field.handle_hours"),
        Field("idle", "hours", "field.idle_hours"),
    ),
    compute=calc.occupancy,
    results=(
        Row("occupancy", "result.occupancy", "percent", main=True),
        Row("logged-in-hours", "result.logged-in-hours", "hours"),
        Row("hours-at-goal", "result.hours-at-goal", "hours"),
        Row("idle-hours-above-goal", "result.idle-hours-above-goal", "hours"),
        Row("hours-at-low", "result.hours-at-low", "hours"),
        Row("idle-hours-above-low", "result.idle-hours-above-low", "hours"),
    ),
    # Agent utilization's hours handling contacts and its hours logged in; it asks for the paid hours.
    carry=(Carry("agent-utilization", (("handling", "handle"), ("logged_in", "logged-in-hours"))),),
    formula=(Formula("occupancy", "formula.occupancy"),),
)

_COST = "group.cost"
_HANG_UP = "group.hang_up"
_PLAN = "group.plan"
SERVICE_LEVEL = Spec(
    id="service-level",
    fields=(
        Field("calls", "count", "field.calls_per_interval"),
        Field(
            "interval",
            "choice",
            "field.interval",
            choices=tuple(str(minutes) for minutes in INTERVALS),
            default="30",
            unit="minutes",
        ),
        Field("aht", "seconds", "field.aht_seconds"),
        Field("target", "percent", "field.target"),
        Field("answer_time", "seconds", "field.answer_time"),
        Field("patience", "seconds", "field.patience", group=_HANG_UP),
        Field("basis", "choice", "field.basis", group=_HANG_UP, choices=SL_BASES),
        Field("max_occupancy", "percent", "field.max_occupancy", group=_PLAN),
        Field("agents", "count", "field.fixed_agents", group=_PLAN),
        Field("shrinkage", "percent", "field.shrinkage", group=_COST),
        Field("hourly_cost", "money", "field.hourly_cost", group=_COST),
        _currency(_COST),
    ),
    compute=calc.service_level,
    results=(
        Row("agents", "result.agents", "count", main=True),
        Row("scheduled-agents", "result.scheduled-agents", "count", main=True),
        Row("service-level", "result.service-level", "percent", main=True),
        Row("asa", "result.asa", "seconds"),
        Row("abandoned", "result.abandoned", "percent"),
        Row("wait-probability", "result.wait-probability", "percent"),
        Row("occupancy", "result.occupancy", "percent"),
        Row("traffic", "result.traffic", "erlangs"),
        Row("calls-at-target", "result.calls-at-target", "count"),
        Row("staff-cost", "result.staff-cost", "money"),
        Row("staff-cost-per-call", "result.staff-cost-per-call", "money"),
    ),
    table=(
        Row("agents", "table.agents", "count"),
        Row("scheduled-agents", "table.scheduled_agents", "count"),
        Row("service-level", "result.service-level", "percent"),
        Row("asa", "result.asa", "seconds"),
        Row("abandoned", "table.abandoned", "percent"),
        Row("occupancy", "result.occupancy", "percent"),
        Row("staff-cost-per-call", "result.staff-cost-per-call", "money"),
    ),
    table_caption="table.staffing_caption",
    assumption="assumption.erlang",
    assumption_values=(("shrinkage", calc.DEFAULT_SHRINKAGE),),
    notes=(
        "note.erlang_c",
        *(f"note.erlang_a.{basis}" for basis in SL_BASES),
        "note.decided.target",
        "note.decided.occupancy",
        "note.decided.fixed",
    ),
    compared="service-level",
    carry=(
        # One interval's staff cost and calls: no period, not an all-in cost (see _STAFF_ONLY).
        Carry(
            "cost-per-call",
            (("costs", "staff-cost"), ("calls", "calls"), ("currency", "currency")),
            fixed=_STAFF_ONLY,
        ),
    ),
    formula=(Formula("traffic", "formula.service-level"),),
)

_WHAT_IF = "group.what_if"
FIRST_CONTACT_RESOLUTION = Spec(
    id="first-contact-resolution",
    fields=(
        Field("resolved_first", "count", "field.resolved_first"),
        Field("contacts", "count", "field.first_contacts"),
        Field("fcr_target", "percent", "field.fcr_target", group=_WHAT_IF),
        Field("costs", "money", "field.costs", group=_WHAT_IF),
        Field("variable_share", "percent", "field.variable_share", group=_WHAT_IF),
        _period(_WHAT_IF),
        _currency(_WHAT_IF),
    ),
    compute=calc.first_contact_resolution,
    results=(
        Row("first-contact-resolution", "result.first-contact-resolution", "percent", main=True),
        Row("unresolved", "result.unresolved", "count"),
    ),
    scenario=Scenario(
        title="scenario.fcr_target.title",
        assumption="assumption.fcr",
        assumptions=(
            Row("fcr_target", "field.fcr_target", "percent"),
            Row("variable_share", "field.variable_share", "percent"),
        ),
        rows=(
            Row("handled_now", "result.handled-now", "count"),
            Row("contacts_avoided", "result.contacts-avoided", "count", main=True),
            Row("variable_costs", "result.variable-costs", "sum"),
            Row("variable_cost_per_contact", "result.variable_cost_per_contact", "money"),
            Row("saving_period", "result.saving_period", "money"),
            Row("saving_year", "result.saving_year", "money", main=True),
        ),
    ),
    carry=(
        Carry(
            "cost-per-resolution",
            (
                ("costs", "costs"),
                ("resolved", "contacts"),
                ("contacts", "handled_now"),
                *_KEEP_MONEY,
            ),
        ),
    ),
    formula=(Formula("first-contact-resolution", "formula.first-contact-resolution"),),
)

ABANDONMENT_RATE = Spec(
    id="abandonment-rate",
    fields=(
        Field("abandoned", "count", "field.abandoned"),
        Field("offered", "count", "field.offered"),
        Field("short", "count", "field.short", group="group.short"),
        Field("wait", "seconds", "field.mean_wait", group="group.patience"),
    ),
    compute=calc.abandonment_rate,
    results=(
        Row("abandonment-rate", "result.abandonment-rate", "percent", main=True),
        Row("abandonment-rate-all", "result.abandonment-rate-all", "percent"),
        Row("counted-abandoned", "result.counted-abandoned", "count"),
        Row("counted-offered", "result.counted-offered", "count"),
        Row("patience", "result.patience", "seconds"),
    ),
    carry=(Carry("service-level", (), optional=(("patience", "patience"),)),),
    formula=(Formula("abandonment-rate", "formula.abandonment-rate"),),
)

COST_PER_RESOLUTION = Spec(
    id="cost-per-resolution",
    fields=(
        Field("costs", "money", "field.costs"),
        Field("resolved", "count", "field.resolved"),
        *_MONEY,
        Field("contacts", "count", "field.contacts", group="group.contacts"),
    ),
    compute=calc.cost_per_resolution,
    results=(
        Row("cost-per-resolution", "result.cost-per-resolution", "money", main=True),
        Row("contacts-per-resolution", "result.contacts-per-resolution", "number"),
        Row("cost-per-contact", "result.cost-per-contact", "money"),
        Row("annual-costs", "result.annual_costs", "sum"),
    ),
    carry=(
        Carry(
            "cost-per-contact",
            (("costs", "costs"), ("contacts", "contacts"), *_KEEP_MONEY),
            optional=_KEEP_RATE,
        ),
    ),
    formula=(Formula("cost-per-resolution", "formula.cost-per-resolution"),),
)

# ---- issue 21: the six new terms, registered here until the per-KPI registry (calculators/kpis) lands
period_field = _period
currency_field = _currency

from . import benchmarks as _benchmarks  # noqa: E402
from .kpis import (  # noqa: E402
    agent_attrition,
    agent_utilization,
    average_speed_of_answer,
    customer_satisfaction,
    schedule_adherence,
    shrinkage,
)

_NEW = (
    agent_attrition,
    average_speed_of_answer,
    shrinkage,
    agent_utilization,
    schedule_adherence,
    customer_satisfaction,
)
_benchmarks.REFERENCES.update({m.SPEC.id: m.REFERENCE for m in _NEW if m.REFERENCE is not None})

#: Every calculator by id, in the glossary's order.
SPECS: dict[str, Spec] = {
    spec.id: spec
    for spec in (
        COST_PER_CONTACT,
        COST_PER_CALL,
        COST_PER_RESOLUTION,
        agent_attrition.SPEC,
        AVERAGE_HANDLE_TIME,
        OCCUPANCY,
        SERVICE_LEVEL,
        average_speed_of_answer.SPEC,
        shrinkage.SPEC,
        agent_utilization.SPEC,
        schedule_adherence.SPEC,
        FIRST_CONTACT_RESOLUTION,
        ABANDONMENT_RATE,
        customer_satisfaction.SPEC,
    )
}
