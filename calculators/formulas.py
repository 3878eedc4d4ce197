"""Shared checks and formulas the KPI modules (:mod:`calculators.kpis`) build on, in the style of
numpy-financial; each KPI's own formula lives in its module.

Every function takes ``Decimal``, ``int`` or a canonical numeric string and returns an unrounded
``Decimal``; :func:`calculators.numbers.round_money` rounds for display. An error names the
parameter it concerns (the checks take that name from their caller), never a form's field: the KPI
module maps parameters to its fields (:func:`calculators.errors.at_fields`).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from .errors import CalculatorError
from .numbers import CONTEXT, to_decimal

Number = Decimal | int | str


def count(value: Number, field: str) -> Decimal:
    """A whole, non-negative number of contacts, calls, sales or leads.

    >>> count("9800", "volume")
    Decimal('9800')
    >>> count("10.5", "volume")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: volume: not_whole
    """
    number = to_decimal(value, field)
    if number != number.to_integral_value():
        raise CalculatorError("not_whole", field)
    return number


def divisor(value: Number, field: str) -> Decimal:
    """A count that a formula divides by: whole and greater than zero.

    >>> divisor(0, "volume")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: volume: zero_divisor
    """
    number = count(value, field)
    if number == 0:
        raise CalculatorError("zero_divisor", field)
    return number


def positive(value: Number, field: str) -> Decimal:
    """An amount that must be above zero (a length of time, a rate) but need not be whole.

    >>> positive("0.5", "costs")
    Decimal('0.5')
    >>> positive(0, "costs")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: costs: zero_divisor
    """
    number = to_decimal(value, field)
    if number == 0:
        raise CalculatorError("zero_divisor", field)
    return number


def not_above(part: Decimal, whole: Decimal, field: str, other: str) -> None:
    """Refuse a part larger than its whole (``exceeds`` at ``field``, naming ``other``).

    >>> not_above(Decimal(11), Decimal(10), "part", "whole")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: part: exceeds
    """
    if part > whole:
        raise CalculatorError("exceeds", field, other=other)


def round_half_up(value: Decimal) -> Decimal:
    """The nearest whole number, halves rounded up: a count of contacts or calls before it is priced.

    >>> round_half_up(Decimal("1388.235")), round_half_up(Decimal("1960.5")), round_half_up(Decimal(3))
    (Decimal('1388'), Decimal('1961'), Decimal('3'))
    """
    return value.to_integral_value(rounding=ROUND_HALF_UP, context=CONTEXT)


def target(value: Number, field: str) -> Decimal:
    """A target result to solve for: a number above zero (zero and below have no answer).

    >>> target("6", "target_cost")
    Decimal('6')
    >>> target(0, "target_cost")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: target_cost: solve_target
    """
    if isinstance(value, str) and value.strip().startswith("-"):
        raise CalculatorError("solve_target", field)
    try:
        number = to_decimal(value, field)
    except CalculatorError as error:
        if error.code == "negative":
            raise CalculatorError("solve_target", field) from None
        raise
    if number == 0:
        raise CalculatorError("solve_target", field)
    return number


def costs_for_unit_cost(target_cost: Number, volume: Number) -> Decimal:
    """Total costs that give ``target_cost`` per unit: costs = target cost per unit × volume.

    The exact inverse of :func:`cost_per_contact`, :func:`cost_per_call_inbound` and
    :func:`cost_per_call_outbound` for the costs: the product of two Decimals is exact.

    Parameters
    ----------
    target_cost : Decimal, int or str
        The cost per contact, call, sale or lead to reach; above zero.
    volume : Decimal, int or str
        The number of contacts, calls, sales or leads in the period; whole, above zero.

    Returns
    -------
    Decimal
        The total costs of the period.

    Examples
    --------
    >>> costs_for_unit_cost(6, 9800)
    Decimal('58800')
    >>> costs_for_unit_cost("3.5", 11800)
    Decimal('41300.0')
    >>> from calculators.kpis.cost_per_contact import cost_per_contact
    >>> cost_per_contact(costs_for_unit_cost("7.82", 9800), 9800)
    Decimal('7.82')
    >>> costs_for_unit_cost(0, 9800)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: target_cost: solve_target
    """
    return CONTEXT.multiply(target(target_cost, "target_cost"), divisor(volume, "volume"))


def volume_for_unit_cost(costs: Number, target_cost: Number) -> Decimal:
    """The volume that gives ``target_cost`` per unit: volume = total costs ÷ target cost per unit.

    The exact quotient, unrounded: it is a whole number only when the costs are a whole multiple of
    the target. A caller that needs a whole volume rounds it up (see :func:`whole_volume`).

    Parameters
    ----------
    costs : Decimal, int or str
        Total costs of the period; above zero.
    target_cost : Decimal, int or str
        The cost per contact, call, sale or lead to reach; above zero.

    Returns
    -------
    Decimal
        The number of contacts, calls, sales or leads, possibly with a fraction.

    Examples
    --------
    >>> volume_for_unit_cost(41300, "3.5")
    Decimal('11800')
    >>> volume_for_unit_cost(76600, 6)
    Decimal('12766.66666666666666666666666666667')
    >>> volume_for_unit_cost(0, 6)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: costs: zero_divisor
    """
    volume = CONTEXT.divide(positive(costs, "costs"), target(target_cost, "target_cost"))
    whole = volume.quantize(Decimal(1), context=CONTEXT)
    return whole if volume == whole else volume


def whole_volume(volume: Decimal) -> Decimal:
    """The smallest whole volume at or above ``volume``: a manager plans for the next whole contact.

    >>> whole_volume(Decimal("12766.67")), whole_volume(Decimal(11800))
    (Decimal('12767'), Decimal('11800'))
    """
    return volume.to_integral_value(rounding=ROUND_CEILING, context=CONTEXT)
