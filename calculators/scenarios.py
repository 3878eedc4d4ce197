"""What-if scenarios tied to the levers the articles explain; each exposes its assumptions as data.

Only the variable share of costs falls when fewer contacts are handled: staff costs follow volume,
rent, technology and hardware do not (not within a year). Every figure is computed exactly in
``Decimal`` and only what is shown is rounded, so a saving is the model's, not the product of
rounded parts: multiplied by hand, the shown figures give it within the rounding of the shown unit
figure (which the table says).

The what-ifs themselves live with their KPI (:mod:`calculators.kpis`): self-service with cost per
contact, fewer repeat calls with cost per call, a higher FCR with first contact resolution. This module
holds what they share: the variable share of costs and how a percentage is checked.

>>> staff_share({"salaries": Decimal(48500), "benefits": Decimal(9700), "other": Decimal(18400)})
Decimal('75.97911227154046997389033942558747')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .breakdowns import Total, total_costs
from .errors import CalculatorError
from .formulas import Number
from .numbers import CONTEXT, to_decimal

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


def percent(value: Number, field: str, *, below_hundred: bool = False) -> Decimal:
    """A percentage from 0 to 100 (below 100 where 100 % would divide by zero).

    >>> percent(101, "value")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: value: percent_range
    """
    number = to_decimal(value, field)
    if number > 100 or (below_hundred and number == 100):
        raise CalculatorError("percent_range", field)
    return number


def variable_percent(value: Number, field: str) -> Decimal:
    """The share of costs that varies with volume, in percent: above 0 and at most 100.

    >>> variable_percent(0, "value")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: value: percent_range
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


def variable_unit_cost(costs: Decimal, share: Decimal, volume: Decimal) -> Decimal:
    """Variable cost per contact or call, exact: costs x share / 100 / volume."""
    return CONTEXT.divide(CONTEXT.multiply(costs, share), CONTEXT.multiply(volume, 100))


def variable_share_for(given: Number | None, costs: Total | None = None) -> Number:
    """The reader's share of costs that varies with volume, else the breakdown's staff share, else
    the stated default.

    >>> variable_share_for(None), variable_share_for("60")
    (Decimal('70'), '60')
    """
    if given is not None:
        return given
    return (costs and staff_share(dict(costs.parts))) or DEFAULT_VARIABLE_SHARE
