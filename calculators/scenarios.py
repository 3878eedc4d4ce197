"""What-if scenarios tied to the levers the articles explain; each exposes its assumptions as data.

>>> from calculators import round_money
>>> result = self_service_shift(76600, 9800, 20, "0.50", Period.MONTH)
>>> round_money(result.new_cost_per_contact), round_money(result.saving_per_year)
(Decimal('6.35'), Decimal('172080.00'))
>>> result = fewer_repeat_calls(41300, 11800, 25, 15, Period.MONTH)
>>> round_money(result.calls_avoided, 0), round_money(result.saving_per_year)
(Decimal('1388'), Decimal('58305.88'))
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .errors import CalculatorError
from .formulas import Number, cost_per_call_inbound, cost_per_contact, divisor
from .numbers import CONTEXT, to_decimal
from .periods import Period, annualise


@dataclass(frozen=True)
class Assumption:
    """One input of a scenario, shown beside its result: ``unit`` is percent, money or count."""

    key: str
    value: Decimal
    unit: str


@dataclass(frozen=True)
class SelfServiceResult:
    """Cost per contact after moving a share of contacts to self-service."""

    current_cost_per_contact: Decimal
    new_cost_per_contact: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    assumptions: tuple[Assumption, ...]


@dataclass(frozen=True)
class RepeatCallsResult:
    """Calls and money saved when better first contact resolution (FCR) cuts repeat calls."""

    cost_per_call: Decimal
    calls_avoided: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    assumptions: tuple[Assumption, ...]


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


def self_service_shift(
    costs: Number, contacts: Number, share: Number, self_served_cost: Number, period: Period
) -> SelfServiceResult:
    """Move ``share`` percent of contacts to self-service costing ``self_served_cost`` each.

    New cost per contact = (costs - moved x cost per contact + moved x self-served cost) / contacts,
    where moved = contacts x share / 100. Assumes an assisted contact keeps its current cost and every
    contact, self-served or not, still counts. Lever: self-service (knowledge base, FAQ).
    """
    current = cost_per_contact(costs, contacts)
    moved_share = percent(share, "share")
    unit_cost = to_decimal(self_served_cost, "unit_cost")
    if unit_cost > current:
        raise CalculatorError("not_cheaper", "unit_cost")
    total_contacts = divisor(contacts, "contacts")
    moved = CONTEXT.divide(total_contacts * moved_share, 100)
    saving = CONTEXT.multiply(moved, current - unit_cost)
    new_total = to_decimal(costs, "costs") - saving
    return SelfServiceResult(
        current_cost_per_contact=current,
        new_cost_per_contact=CONTEXT.divide(new_total, total_contacts),
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        assumptions=(
            Assumption("share", moved_share, "percent"),
            Assumption("unit_cost", unit_cost, "money"),
        ),
    )


def fewer_repeat_calls(
    costs: Number, calls: Number, repeat_now: Number, repeat_target: Number, period: Period
) -> RepeatCallsResult:
    """Calls avoided when repeat calls fall from ``repeat_now`` to ``repeat_target`` percent.

    New calls = calls x (100 - repeat now) / (100 - repeat target): the issues still need their first
    call. Saving = calls avoided x current cost per call. Lever: first contact resolution (FCR).
    """
    current = cost_per_call_inbound(costs, calls)
    now = percent(repeat_now, "repeat_now", below_hundred=True)
    target = percent(repeat_target, "repeat_target", below_hundred=True)
    if target > now:
        raise CalculatorError("target_not_lower", "repeat_target")
    total_calls = divisor(calls, "calls")
    new_calls = CONTEXT.divide(total_calls * (100 - now), 100 - target)
    avoided = total_calls - new_calls
    saving = CONTEXT.multiply(avoided, current)
    return RepeatCallsResult(
        cost_per_call=current,
        calls_avoided=avoided,
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        assumptions=(
            Assumption("repeat_now", now, "percent"),
            Assumption("repeat_target", target, "percent"),
        ),
    )
