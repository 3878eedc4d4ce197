"""The worked examples of the articles: inputs as data, results always computed (once per process).

The amounts are in USD in every language, so that each example compares with the USD benchmark
without an exchange rate, and one month is the period.

>>> from calculators import round_money
>>> round_money(cost_per_contact_example().cost_per_contact)
Decimal('7.82')
>>> round_money(cost_per_call_example().result), round_money(cost_per_call_example("outbound").result)
(Decimal('3.50'), Decimal('24.00'))
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from .periods import Period
from .summaries import (
    CostPerCallSummary,
    CostPerContactSummary,
    summarise_cost_per_call,
    summarise_cost_per_contact,
)

COST_PER_CONTACT_INPUTS = {
    "cost_breakdown": {
        "salaries": Decimal("48500"),
        "benefits": Decimal("9700"),
        "technology": Decimal("6800"),
        "hardware": Decimal("1900"),
        "facilities": Decimal("5600"),
        "taxes": Decimal("2300"),
        "other": Decimal("1800"),
    },
    "contacts_by_channel": {
        "phone": Decimal("4900"),
        "email": Decimal("2000"),
        "chat": Decimal("2300"),
        "social": Decimal("600"),
    },
    "self_service": (Decimal("20"), Decimal("0.50")),
}

COST_PER_CALL_INPUTS = {
    "inbound": {"costs": Decimal("41300"), "calls": Decimal("11800"), "repeat_calls": (25, 15)},
    "outbound": {"costs": Decimal("27600"), "sales": Decimal("1150")},
}


@cache
def cost_per_contact_example() -> CostPerContactSummary:
    """The cost-per-contact article's worked example, one month in USD."""
    return summarise_cost_per_contact(period=Period.MONTH, **COST_PER_CONTACT_INPUTS)  # type: ignore[arg-type]


@cache
def cost_per_call_example(mode: str = "inbound") -> CostPerCallSummary:
    """The cost-per-call article's worked example for ``mode``, one month in USD."""
    return summarise_cost_per_call(mode=mode, period=Period.MONTH, **COST_PER_CALL_INPUTS[mode])  # type: ignore[arg-type]
