"""What each calculator is, declared once: every layer (the bridge, the build hook, the page's script)
reads these declarations and none of them names a calculator.

A :class:`Spec` holds the calculator's fields (the URL parameters), when each applies, its result rows,
its what-if rows and assumptions by name, its benchmark and the calculators its results carry over to.
Each KPI's spec is its module's ``SPEC`` (:mod:`calculators.kpis`, the registry); this module holds
the classes and the fields several calculators share.

>>> from calculators.kpis import SPECS
>>> spec = SPECS["cost-per-contact"]
>>> [field.name for field in spec.fields][:2], spec.main.key
(['costs', 'contacts'], 'cost-per-contact')
>>> SPECS["cost-per-call"].field("sales").applies({"mode": "outbound"})
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from . import calculations as calc
from .breakdowns import COST_COMPONENTS
from .periods import Period
from .scenarios import DEFAULT_VARIABLE_SHARE

#: How a value is shown: money with cents, a large sum without cents, a whole count, a percentage
#: with one decimal, seconds, minutes and seconds, hours, minutes, erlangs, a plain number, percentage
#: points (the difference of two percentages, a survey's margin of error), a time of day (minutes
#: after midnight, shown as the locale writes a clock time).
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
    "clock",
]
#: Input kinds: a choice is a fixed list (select or radio); a series a list of whole numbers typed
#: or pasted one a line (a day's interval volumes); everything else is typed as a number.
FieldKind = Literal[
    "money", "count", "percent", "seconds", "minutes", "hours", "number", "choice", "series"
]
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
    of a choice's values (``minutes``; ``clock``: hours of the day, shown as a time of day), shown
    instead of a catalog word. A ``series`` field holds a list of whole numbers (typed one a line,
    in a link as :func:`calculators.numbers.canonical_series`), given to ``compute`` as
    ``Inputs.series``. ``role`` is what the generic
    layers do with the field: ``"period"`` (the choice of period the figures cover), ``"currency"``
    (the choice of currency: the page's own currency is
    selected, money figures are in it) or ``"exchange_rate"`` (units of that currency for one unit of
    the benchmark's: prefilled with the indicative rate, the comparison converts at it).
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
    role: Literal["", "period", "currency", "exchange_rate"] = ""

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
    (the link needs every one), and ``optional`` ones it carries when they are known (an optional
    parameter a required one also names replaces it: the better figure when the result has it)."""

    calculator: str
    params: tuple[tuple[str, str], ...]
    when: Condition = ()
    #: Parameters carried when their source is known (a rate the reader typed), left out otherwise.
    optional: tuple[tuple[str, str], ...] = ()
    #: Fixed choices that keep a figure's meaning on the next page (what the costs cover).
    fixed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Scenario:
    """A what-if: its heading and assumption text (catalog keys), fields and rows by name.

    ``share`` names the assumption that is the variable share of costs (the assumption text's
    ``{share}``, explained by ``assumption.variable_share``), ``default_share`` the share an empty
    field counts as (the text's ``{default}``), ``costs`` the field of the costs it applies to (the
    article's token ``variable_costs``); ``shares`` are further figures of the outcome's scenario the
    article quotes as shares (tokens, no rows). ``group`` is the form's group of the what-if's own
    fields: a mistake in one of them leaves the main result standing (the bridge drops the field).
    """

    title: str
    assumption: str
    rows: tuple[Row, ...]
    assumptions: tuple[Row, ...] = ()
    when: Condition = ()
    share: str = ""
    costs: str = ""
    shares: tuple[str, ...] = ()
    default_share: Decimal = DEFAULT_VARIABLE_SHARE
    group: str = "scenario.heading"


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

    ``table`` lists the columns of an extra table (one row per line of the outcome's table; a
    column shows while its ``when`` holds), under the heading ``table_caption`` (a catalog key;
    ``table_labels`` gives another under a choice, as :attr:`Field.labels`); ``chart`` names the
    table's column drawn as bars, one per line, while the choices of ``chart_when`` hold;
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
    table_labels: tuple[tuple[str, str, str], ...] = ()
    chart: str = ""
    chart_when: Condition = ()
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

    def with_role(self, role: str) -> Field | None:
        """The field with this ``role`` (``currency``, ``exchange_rate``), or None."""
        return next((f for f in self.fields if f.role == role), None)

    @property
    def choices(self) -> dict[str, tuple[str, ...]]:
        """Choice fields and their values; the first value is the default."""
        return {f.name: f.choices for f in self.fields if f.kind == "choice"}

    def defaults(self) -> dict[str, str]:
        """Each choice field's initial value."""
        return {f.name: f.initial for f in self.fields if f.kind == "choice"}

    @property
    def what_if(self) -> frozenset[str]:
        """The fields only the what-if reads (its group's): none of them changes the main result.

        >>> from calculators.kpis import SPECS
        >>> sorted(SPECS["first-contact-resolution"].what_if)
        ['costs', 'currency', 'fcr_target', 'period', 'variable_share']
        """
        group = self.scenario.group if self.scenario else None
        return frozenset(f.name for f in self.fields if group and f.group == group)

    @property
    def numbers(self) -> tuple[Field, ...]:
        """The fields typed as one number each."""
        return tuple(f for f in self.fields if f.kind not in ("choice", "series"))

    @property
    def series(self) -> tuple[Field, ...]:
        """The fields typed as a list of numbers."""
        return tuple(f for f in self.fields if f.kind == "series")


def period_field(group: str = "", unless: Condition = ()) -> Field:
    return Field(
        "period",
        "choice",
        "field.period",
        group=group,
        choices=PERIODS,
        default="month",
        unless=unless,
        role="period",
    )


def currency_field(group: str = "") -> Field:
    return Field(
        "currency", "choice", "field.currency", group=group, choices=CURRENCIES, role="currency"
    )


RATE = Field("rate", "number", "field.rate", unless=(("currency", "USD"),), role="exchange_rate")
#: Period, currency and the exchange rate that places a result against a USD benchmark.
MONEY = (period_field(), currency_field(), RATE)
#: What a money figure carried to the next calculator keeps: its period, currency and typed rate.
KEEP_MONEY = (("period", "period"), ("currency", "currency"))
KEEP_RATE = (("rate", "rate"),)


COSTS_GROUP = tuple(
    Field(name, "money", f"component.{name}", group="breakdown.costs") for name in COST_COMPONENTS
)
