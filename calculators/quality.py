"""Quality: first contact resolution (FCR), abandonment rate, cost per resolution, and what a higher FCR
saves.

Source of every formula: the glossary's content brief, part 2 ("First contact resolution (FCR)",
"Abandonment rate", "Cost per resolution").

>>> first_contact_resolution(7200, 9800)
Decimal('73.46938775510204081632653061224490')
>>> fcr_band(Decimal("73.5"))
'good'
>>> abandonment_rate(600, 11800, short=200)
Decimal('3.448275862068965517241379310344828')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .errors import CalculatorError
from .formulas import Number, count, divisor
from .numbers import CONTEXT, to_decimal
from .periods import Period, annualise
from .scenarios import Assumption, variable_percent

#: SQM Group's lower bound of a "good" FCR, in percent (North American call centers, survey method,
#: 2022); 70 % is also about SQM's industry average.
SQM_GOOD = Decimal(70)
#: SQM Group's lower bound of a "world-class" FCR, in percent (same source).
SQM_WORLD_CLASS = Decimal(80)

_HUNDRED = Decimal(100)


def _not_above(part: Decimal, whole: Decimal, field: str, other: str) -> None:
    if part > whole:
        raise CalculatorError("exceeds", field, other=other)


def first_contact_resolution(resolved_first: Number, contacts: Number) -> Decimal:
    """FCR in percent = contacts resolved at the first contact / first contacts x 100.

    ``contacts`` are the first contacts of the period (or all contacts, if that is what the center
    measures: say which); resolved is measured by customer survey or by the absence of a repeat
    contact within a window, for example 7 days. Source: the content brief, part 2.

    >>> first_contact_resolution(7, 10)
    Decimal('70')
    >>> first_contact_resolution(11, 10)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: resolved_first: exceeds
    """
    resolved = count(resolved_first, "resolved_first")
    total = divisor(contacts, "contacts")
    _not_above(resolved, total, "resolved_first", "contacts")
    return CONTEXT.divide(CONTEXT.multiply(resolved, _HUNDRED), total)


def fcr_band(percent: Number) -> str:
    """Where an FCR stands in SQM Group's bands: ``"below"`` (under 70 %), ``"good"`` (70 % to under
    80 %) or ``"world_class"`` (80 % and above).

    These are SQM Group's figures (2022, North American call centers, FCR measured by customer
    survey), not a universal standard: :data:`SQM_GOOD` and :data:`SQM_WORLD_CLASS`.

    >>> fcr_band(69), fcr_band(70), fcr_band("79.99"), fcr_band(80)
    ('below', 'good', 'good', 'world_class')
    """
    value = to_decimal(percent, "fcr")
    if value >= SQM_WORLD_CLASS:
        return "world_class"
    if value >= SQM_GOOD:
        return "good"
    return "below"


def abandonment_rate(abandoned: Number, offered: Number, short: Number = 0) -> Decimal:
    """Abandonment rate in percent = (abandoned - short) / (offered - short) x 100.

    ``abandoned`` are contacts that hung up before an agent answered, out of ``offered``; ``short``
    abandons (callers who hang up within a few seconds) are left out of both counts when given, as
    many centers do; with ``short=0`` it is abandoned / offered. Source: the content brief, part 2.

    >>> abandonment_rate(50, 1000)
    Decimal('5')
    >>> abandonment_rate(50, 1000, short=60)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: short: exceeds
    """
    lost = count(abandoned, "abandoned")
    total = divisor(offered, "offered")
    brief = count(short, "short")
    _not_above(lost, total, "abandoned", "offered")
    if brief >= total:
        raise CalculatorError("short_not_below", "short", other="offered")
    _not_above(brief, lost, "short", "abandoned")
    return CONTEXT.divide(CONTEXT.multiply(lost - brief, _HUNDRED), total - brief)


def cost_per_resolution(costs: Number, resolved: Number) -> Decimal:
    """Cost per resolution = total contact-center costs / cases resolved, over one period.

    Never lower than cost per contact, since one case may take several contacts: cost per
    resolution = cost per contact x :func:`contacts_per_resolution`. Source: the content brief, part 2.

    >>> cost_per_resolution(76600, 7000)
    Decimal('10.94285714285714285714285714285714')
    """
    return CONTEXT.divide(to_decimal(costs, "costs"), divisor(resolved, "resolved"))


def contacts_per_resolution(contacts: Number, resolved: Number) -> Decimal:
    """Contacts per resolved case = contacts / cases resolved (1 or more).

    >>> contacts_per_resolution(9800, 7000)
    Decimal('1.4')
    >>> contacts_per_resolution(9800, 9801)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: resolved: exceeds
    """
    total = count(contacts, "contacts")
    cases = divisor(resolved, "resolved")
    _not_above(cases, total, "resolved", "contacts")
    return CONTEXT.divide(total, cases)


@dataclass(frozen=True)
class FcrScenario:
    """Contacts and money saved when FCR rises from ``fcr_now`` to ``fcr_target`` percent.

    ``handled_now`` and ``handled_after`` count first contacts plus one repeat contact per unresolved
    first contact. Every figure is exact: ``contacts_avoided x variable_cost_per_contact`` is
    ``saving_per_period``; round only to show.
    """

    fcr_now: Decimal
    fcr_target: Decimal
    handled_now: Decimal
    contacts_avoided: Decimal
    handled_after: Decimal
    variable_costs: Decimal
    variable_cost_per_contact: Decimal
    saving_per_period: Decimal
    saving_per_year: Decimal
    assumptions: Mapping[str, Assumption]


def raise_fcr(
    contacts: Number,
    resolved_first: Number,
    fcr_target: Number,
    costs: Number,
    period: Period,
    variable_share: Number,
) -> FcrScenario:
    """What raising FCR to ``fcr_target`` percent saves, with costs that are ``variable_share`` % variable.

    The model, each assumption in words:

    - ``contacts`` are the period's first contacts; each one not resolved brings exactly one more
      contact. The brief says *at least* one, so the saving is a floor. Contacts handled now =
      contacts + (contacts - resolved_first).
    - Contacts avoided = contacts x (target - FCR now) / 100.
    - Only the variable share of costs (staff, chiefly) falls with volume: variable cost per contact =
      costs x variable_share / 100 / contacts handled now. Rent, technology and other fixed costs stay.
    - Saving per period = contacts avoided x variable cost per contact (= variable costs x contacts
      avoided / contacts handled now); per year, x periods per year. Nothing is rounded before it is
      multiplied.

    ``fcr_target`` must be above today's FCR (``target_not_higher``) and at most 100 (``over_hundred``).

    >>> from calculators.numbers import round_money
    >>> result = raise_fcr(9800, 7000, 80, 76600, Period.MONTH, 70)
    >>> result.handled_now, result.contacts_avoided, round_money(result.variable_cost_per_contact)
    (Decimal('12600'), Decimal('840'), Decimal('4.26'))
    >>> round_money(result.saving_per_period), round_money(result.saving_per_year)
    (Decimal('3574.67'), Decimal('42896.00'))
    """
    fcr = first_contact_resolution(resolved_first, contacts)
    total = divisor(contacts, "contacts")
    resolved = count(resolved_first, "resolved_first")
    target = to_decimal(fcr_target, "fcr_target")
    if target > _HUNDRED:
        raise CalculatorError("over_hundred", "fcr_target")
    if target <= fcr:
        raise CalculatorError("target_not_higher", "fcr_target")
    cost_total = to_decimal(costs, "costs")
    share = variable_percent(variable_share)
    handled_now = total + (total - resolved)
    avoided = CONTEXT.subtract(CONTEXT.divide(CONTEXT.multiply(total, target), _HUNDRED), resolved)
    variable_costs = CONTEXT.divide(CONTEXT.multiply(cost_total, share), _HUNDRED)
    unit = CONTEXT.divide(variable_costs, handled_now)
    saving = CONTEXT.divide(CONTEXT.multiply(avoided, variable_costs), handled_now)
    return FcrScenario(
        fcr_now=fcr,
        fcr_target=target,
        handled_now=handled_now,
        contacts_avoided=avoided,
        handled_after=handled_now - avoided,
        variable_costs=variable_costs,
        variable_cost_per_contact=unit,
        saving_per_period=saving,
        saving_per_year=annualise(saving, period),
        assumptions={
            "fcr_target": Assumption("fcr_target", target, "percent"),
            "variable_share": Assumption("variable_share", share, "percent"),
            "repeats_per_unresolved": Assumption("repeats_per_unresolved", Decimal(1), "count"),
        },
    )
