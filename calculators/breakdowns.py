"""Totals given directly or as a breakdown: costs by component, contacts by channel.

>>> costs = total_costs(breakdown={"salaries": 60, "technology": 40})
>>> costs.value, costs.source, costs.shares()["salaries"]
(Decimal('100'), 'breakdown', Decimal('60'))
>>> total_contacts(contacts=500).source
'total'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .errors import CalculatorError
from .formulas import Number, count
from .numbers import CONTEXT, MAX_VALUE, to_decimal

#: Cost components, in display order (content brief: what goes into total costs).
COST_COMPONENTS = ("salaries", "benefits", "technology", "hardware", "facilities", "taxes", "other")
#: Contact channels, in display order (content brief: what counts as a contact).
CONTACT_CHANNELS = ("phone", "email", "chat", "social")


@dataclass(frozen=True)
class Total:
    """A total and where it came from: ``"total"`` (given directly) or ``"breakdown"`` (summed)."""

    value: Decimal
    source: str
    parts: tuple[tuple[str, Decimal], ...] = ()

    def shares(self) -> dict[str, Decimal]:
        """Each part's share of the total in percent (unrounded); all zero when the total is zero."""
        if self.value == 0:
            return {name: Decimal(0) for name, _ in self.parts}
        return {name: CONTEXT.divide(part * 100, self.value) for name, part in self.parts}


def total_costs(
    costs: Number | None = None, breakdown: Mapping[str, Number | None] | None = None
) -> Total:
    """Total costs: the sum of the given components if any is given, else ``costs``."""
    return _total(costs, breakdown, COST_COMPONENTS, "costs", whole=False)


def total_contacts(
    contacts: Number | None = None, by_channel: Mapping[str, Number | None] | None = None
) -> Total:
    """Total contacts: the sum of the given channels if any is given, else ``contacts``."""
    return _total(contacts, by_channel, CONTACT_CHANNELS, "contacts", whole=True)


def channel_costs(
    costs: Decimal, contacts: Total, minutes: Mapping[str, Decimal]
) -> dict[str, Decimal] | None:
    """Cost per contact of each channel, all costs (shared ones too) spread over the channels in
    proportion to contacts x minutes per contact: a channel whose contacts take longer carries
    more of the staff, rent and technology they use. ``None`` unless contacts come by channel and
    every channel with contacts has its minutes (spread by contacts alone, every channel would
    cost the same per contact, which says nothing). When none of them takes a minute: ``zero_divisor``
    at the first one's key in ``minutes``.

    Cost per contact of a channel = costs x its minutes / sum of (contacts x minutes).

    >>> contacts = total_contacts(by_channel={"phone": 100, "email": 100})
    >>> channel_costs(Decimal(900), contacts, {"phone": Decimal(6), "email": Decimal(3)})
    {'phone': Decimal('6'), 'email': Decimal('3')}
    >>> channel_costs(Decimal(900), contacts, {"phone": Decimal(6)}) is None
    True
    >>> channel_costs(Decimal(900), contacts, {"phone": Decimal(0), "email": Decimal(0)})
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: phone: zero_divisor
    """
    used = [(name, part) for name, part in contacts.parts if part > 0]
    if contacts.source != "breakdown" or not all(name in minutes for name, _ in used):
        return None
    weight = sum((part * minutes[name] for name, part in used), Decimal(0))
    if weight == 0:
        raise CalculatorError("zero_divisor", used[0][0])
    return {name: CONTEXT.divide(costs * minutes[name], weight) for name, _ in used}


def _total(
    total: Number | None,
    parts: Mapping[str, Number | None] | None,
    names: tuple[str, ...],
    field: str,
    *,
    whole: bool,
) -> Total:
    given = {name: value for name, value in (parts or {}).items() if value is not None}
    unknown = set(given) - set(names)
    if unknown:
        raise ValueError(f"unknown {field} parts: {sorted(unknown)}")
    if not given:
        if total is None:
            raise CalculatorError("empty", field)
        value = count(total, field) if whole else to_decimal(total, field)
        return Total(value, "total")
    read = count if whole else to_decimal
    values = tuple((name, read(given[name], name)) for name in names if name in given)
    value = sum((part for _, part in values), Decimal(0))
    if value > MAX_VALUE:
        raise CalculatorError("too_large", field)
    return Total(value, "breakdown", values)
