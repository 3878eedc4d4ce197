"""Reporting periods and annualisation.

>>> annualise(Decimal("76600"), Period.MONTH)
Decimal('919200')
>>> Period.from_param("quarter").per_year
4
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from .numbers import CONTEXT


class Period(StrEnum):
    """A period that costs and volumes are counted over."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def per_year(self) -> int:
        """How many of these periods make a year: 52 weeks, 12 months, 4 quarters."""
        return _PER_YEAR[self]

    @classmethod
    def from_param(cls, value: str | None, default: Period | None = None) -> Period:
        """The period named ``value``, or ``default`` (a month) for anything else, e.g. from a link.

        >>> Period.from_param("fortnight")
        <Period.MONTH: 'month'>
        """
        for period in cls:
            if period.value == value:
                return period
        return default or cls.MONTH


_PER_YEAR = {Period.WEEK: 52, Period.MONTH: 12, Period.QUARTER: 4, Period.YEAR: 1}


def annualise(amount: Decimal, period: Period) -> Decimal:
    """Amount per year = amount per period x periods per year (52, 12, 4 or 1)."""
    return CONTEXT.multiply(amount, Decimal(period.per_year))
