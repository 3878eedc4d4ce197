"""What-if scenarios tied to the levers the articles explain; each exposes its assumptions as data.

Only the variable share of costs falls when fewer contacts are handled: staff costs follow volume,
rent, technology and hardware do not (not within a year). Every figure is computed exactly in
``Decimal`` and only what is shown is rounded, so a saving is the model's, not the product of
rounded parts: multiplied by hand, the shown figures give it within the rounding of the shown unit
figure (which the table says).

The cost-per-contact article's example (a month, staff 48,500 + 9,700 of 76,600):

>>> from calculators import round_money
>>> share = staff_share({"salaries": Decimal(48500), "benefits": Decimal(9700), "other": Decimal(18400)})
>>> result = self_service_shift(76600, 9800, 20, "0.50", Period.MONTH, share)
>>> result.moved, round_money(result.variable_cost_per_contact), round_money(result.saving_per_moved)
(Decimal('1960'), Decimal('5.94'), Decimal('5.44'))
>>> [round_money(figure) for figure in (result.saving_per_period, result.saving_per_year)]
[Decimal('10660.00'), Decimal('127920.00')]
>>> round_money(result.new_cost_per_contact)
Decimal('6.73')

The issue's Norwegian centre (1 250 000 kr, 18 400 contacts, 15 % moved at 12,50 kr, 60 % variable):

>>> result = self_service_shift(1250000, 18400, 15, "12.50", Period.MONTH, 60)
>>> result.saving_per_period, result.saving_per_year
(Decimal('78000.00'), Decimal('936000.00'))

The cost-per-call article's example (a month, the site's default variable share of 70 %):

>>> result = fewer_repeat_calls(41300, 11800, 25, 15, Period.MONTH, DEFAULT_VARIABLE_SHARE)
>>> round_money(result.calls_avoided, 0), result.variable_cost_per_call, round_money(result.saving_per_period)
(Decimal('1388'), Decimal('2.45'), Decimal('3401.18'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .breakdowns import total_costs
from .errors import CalculatorError
from .formulas import Number, cost_per_call_inbound, cost_per_contact, divisor
from .numbers import CONTEXT, to_decimal
from .periods import Period, annualise

#: The share of costs, in percent, that this site assumes varies with the number of contacts when
#: the reader gives neither a cost breakdown (see :func:`staff_share`) nor a share of their own. It
#: is this site's stated assumption, shown beside every result it changes, not an industry figure:
#: staff costs are commonly the largest part of a contact center's costs.
DEFAULT_VARIABLE_SHARE = Decimal(70)
#: The cost components that :func:`staff_share` counts as variable.
STAFF_COMPONENTS = ("salaries", "benefits")

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Assumption:
    """One input of a scenario, shown beside its result: ``unit`` is percent, money or count."""

    key: str
    value: Decimal
    unit: str


@dataclass(frozen=True)
class SelfServiceResult:
    """Cost per contact after moving a share of contacts to self-service.

    Every figure is exact (``moved x saving_per_moved == saving_per_period``); round only to show.
    ``assumptions`` has ``share``, ``unit_cost`` and ``variable_share``.
    """

    current_cost_per_contact: Decimal
    moved: Decimal
    variable_cost_per_contact: Decimal
    saving_per_moved: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    new_cost_per_contact: Decimal
    assumptions: Mapping[str, Assumption]


@dataclass(frozen=True)
class RepeatCallsResult:
    """Calls and money saved when better first contact resolution (FCR) cuts repeat calls.

    Shares are repeat calls / all calls; ``first_share_now`` and ``first_share_target`` are the
    first calls' shares (100 - repeat share). Every figure is exact, so
    ``calls_avoided x variable_cost_per_call == saving_per_period``; round only to show.
    ``assumptions`` has ``repeat_now``, ``repeat_target`` and ``variable_share``.
    """

    cost_per_call: Decimal
    first_share_now: Decimal
    first_share_target: Decimal
    calls_avoided: Decimal
    calls_after: Decimal
    variable_cost_per_call: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    new_cost_per_call: Decimal
    assumptions: Mapping[str, Assumption]


def percent(value: Number, field: str, *, below_hundred: bool = False) -> Decimal:
    """A percentage from 0 to 100 (below 100 where 100 % would divide by zero).

    >>> percent(101, "share")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: share: percent_range
    """
    number = to_decimal(value, field)
    if number > 100 or (below_hundred and number == 100):
        raise CalculatorError("percent_range", field)
    return number


def variable_percent(value: Number, field: str = "variable_share") -> Decimal:
    """The share of costs that varies with volume, in percent: above 0 and at most 100.

    >>> variable_percent(0)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: variable_share: percent_range
    """
    number = percent(value, field)
    if number == 0:
        raise CalculatorError("percent_range", field)
    return number


def staff_share(breakdown: Mapping[str, Number | None]) -> Decimal | None:
    """Staff costs (salaries + benefits) as a percent of the breakdown's total, or ``None``.

    ``None`` when the breakdown names neither salaries nor benefits, or totals zero: then the
    reader's own variable share, or :data:`DEFAULT_VARIABLE_SHARE`, applies. The breakdown's
    components are those of :data:`calculators.COST_COMPONENTS`.

    >>> staff_share({"salaries": Decimal(48500), "benefits": Decimal(9700), "technology": Decimal(18400)})
    Decimal('75.97911227154046997389033942558747')
    >>> staff_share({"technology": Decimal(100)}) is None
    True
    """
    if all(value is None for value in breakdown.values()):
        return None
    total = total_costs(breakdown=breakdown)  # checks every part, staff or not
    parts = dict(total.parts)
    if total.value == 0 or not any(name in parts for name in STAFF_COMPONENTS):
        return None
    staff = sum((parts.get(name, Decimal(0)) for name in STAFF_COMPONENTS), Decimal(0))
    return CONTEXT.divide(CONTEXT.multiply(staff, _HUNDRED), total.value)


def _variable_unit_cost(costs: Decimal, share: Decimal, volume: Decimal) -> Decimal:
    """Variable cost per contact or call, exact: costs x share / 100 / volume."""
    return CONTEXT.divide(CONTEXT.multiply(costs, share), CONTEXT.multiply(volume, 100))


def self_service_shift(
    costs: Number,
    contacts: Number,
    share: Number,
    self_served_cost: Number,
    period: Period,
    variable_share: Number,
) -> SelfServiceResult:
    """Move ``share`` percent of contacts to self-service costing ``self_served_cost`` each.

    The model, each assumption in words:

    - Moved = contacts x share / 100.
    - Only ``variable_share`` percent of costs varies with the number of contacts handled (staff,
      chiefly); rent, technology, hardware and taxes stay. Variable cost per contact = costs x
      variable share / 100 / contacts.
    - A moved contact saves its variable cost less what self-service costs for it: saving per moved
      contact = variable cost per contact - self-served cost, which must be above zero
      (``not_cheaper`` on ``unit_cost`` otherwise).
    - Saving per period = moved x saving per moved contact; per year, x periods per year. Nothing is
      rounded before it is multiplied.
    - Every contact, self-served or not, still counts: new cost per contact = (costs - saving) /
      contacts.

    Lever: self-service (knowledge base, FAQ).

    >>> result = self_service_shift(10000, 1000, 30, 2, Period.QUARTER, 50)
    >>> result.moved, result.saving_per_moved, result.saving_per_period, result.new_cost_per_contact
    (Decimal('300'), Decimal('3'), Decimal('900'), Decimal('9.1'))
    """
    current = cost_per_contact(costs, contacts)
    cost_total = to_decimal(costs, "costs")
    total_contacts = divisor(contacts, "contacts")
    moved_share = percent(share, "share")
    unit_cost = to_decimal(self_served_cost, "unit_cost")
    variable = variable_percent(variable_share)
    moved = CONTEXT.divide(CONTEXT.multiply(total_contacts, moved_share), _HUNDRED)
    unit_variable = _variable_unit_cost(cost_total, variable, total_contacts)
    per_moved = CONTEXT.subtract(unit_variable, unit_cost)
    if per_moved <= 0:
        raise CalculatorError("not_cheaper", "unit_cost")
    # moved x per moved, with one division last: exact whenever the saving is a finite decimal
    variable_costs = CONTEXT.divide(CONTEXT.multiply(cost_total, variable), _HUNDRED)
    per_moved_times_contacts = variable_costs - CONTEXT.multiply(unit_cost, total_contacts)
    saving = CONTEXT.divide(CONTEXT.multiply(moved, per_moved_times_contacts), total_contacts)
    return SelfServiceResult(
        current_cost_per_contact=current,
        moved=moved,
        variable_cost_per_contact=unit_variable,
        saving_per_moved=per_moved,
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        new_cost_per_contact=CONTEXT.divide(CONTEXT.subtract(cost_total, saving), total_contacts),
        assumptions={
            "share": Assumption("share", moved_share, "percent"),
            "unit_cost": Assumption("unit_cost", unit_cost, "money"),
            "variable_share": Assumption("variable_share", variable, "percent"),
        },
    )


def fewer_repeat_calls(
    costs: Number,
    calls: Number,
    repeat_now: Number,
    repeat_target: Number,
    period: Period,
    variable_share: Number,
) -> RepeatCallsResult:
    """Calls avoided when repeat calls fall from ``repeat_now`` to ``repeat_target`` percent.

    The model, each assumption in words:

    - The shares are repeat calls / all calls. The first calls remain: they are 100 - repeat share
      of the calls, so calls after = calls x (100 - repeat now) / (100 - repeat target). From 25 %
      to 15 % that is 11,800 x 75 / 85, not 10 % fewer calls.
    - Calls avoided = calls - calls after (calls after is above zero: the repeat share is below 100).
    - Only ``variable_share`` percent of costs varies with the number of calls (staff, chiefly):
      variable cost per call = costs x variable share / 100 / calls.
    - Saving per period = calls avoided x variable cost per call; per year, x periods per year.
      Nothing is rounded before it is multiplied.
    - New cost per call = (costs - saving) / (calls - calls avoided).

    Lever: first contact resolution (FCR).

    >>> result = fewer_repeat_calls(5000, 1000, 50, 0, Period.WEEK, 100)
    >>> result.calls_avoided, result.saving_per_period, result.new_cost_per_call
    (Decimal('500'), Decimal('2500'), Decimal('5'))
    """
    current = cost_per_call_inbound(costs, calls)
    cost_total = to_decimal(costs, "costs")
    total_calls = divisor(calls, "calls")
    now = percent(repeat_now, "repeat_now", below_hundred=True)
    target = percent(repeat_target, "repeat_target", below_hundred=True)
    if target > now:
        raise CalculatorError("target_not_lower", "repeat_target")
    variable = variable_percent(variable_share)
    first_now = _HUNDRED - now
    first_target = _HUNDRED - target
    new_calls = CONTEXT.divide(CONTEXT.multiply(total_calls, first_now), first_target)
    avoided = CONTEXT.subtract(total_calls, new_calls)
    unit_variable = _variable_unit_cost(cost_total, variable, total_calls)
    variable_costs = CONTEXT.divide(CONTEXT.multiply(cost_total, variable), _HUNDRED)
    saving = CONTEXT.divide(CONTEXT.multiply(avoided, variable_costs), total_calls)
    calls_after = new_calls
    return RepeatCallsResult(
        cost_per_call=current,
        first_share_now=first_now,
        first_share_target=first_target,
        calls_avoided=avoided,
        calls_after=calls_after,
        variable_cost_per_call=unit_variable,
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        new_cost_per_call=CONTEXT.divide(CONTEXT.subtract(cost_total, saving), calls_after),
        assumptions={
            "repeat_now": Assumption("repeat_now", now, "percent"),
            "repeat_target": Assumption("repeat_target", target, "percent"),
            "variable_share": Assumption("variable_share", variable, "percent"),
        },
    )
