"""Build-time data of cost-per-contact: its worked example, its table relations, its snapshot requests.

The cost-per-contact article's example centre: 76 600 of costs and 9 800 contacts a month, in USD.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from calculators.breakdowns import CONTACT_CHANNELS

D = Decimal
Shown = Mapping[str, Decimal]


def _channel_cost(channel: str) -> Callable[[Shown], Decimal]:
    """A channel's cost per contact: the costs spread by the minutes each channel's contacts take."""

    def cost(v: Shown) -> Decimal:
        minutes = sum(v[name] * v[f"{name}_minutes"] for name in CONTACT_CHANNELS)
        return v["costs"] * v[f"{channel}_minutes"] / minutes

    return cost


#: The worked example by case (the main case first): field name to canonical value.
EXAMPLES: dict[str, dict[str, str]] = {
    "": {
        "salaries": "48500",
        "benefits": "9700",
        "technology": "6800",
        "hardware": "1900",
        "facilities": "5600",
        "taxes": "2300",
        "other": "1800",
        "phone": "4900",
        "email": "2000",
        "chat": "2300",
        "social": "600",
        "phone_minutes": "6",
        "email_minutes": "8",
        "chat_minutes": "10",
        "social_minutes": "5",
        "share": "20",
        "unit_cost": "0.50",
    }
}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "cost-per-contact": lambda v: v["costs"] / v["contacts"],
    "annual-costs": lambda v: v["costs"] * 12,
    "annual-volume": lambda v: v["contacts"] * 12,
    "moved": lambda v: v["contacts"] * v["share"] / 100,
    "variable_cost_per_contact": lambda v: v["costs"] * v["variable_share"] / 100 / v["contacts"],
    "saving_per_moved": lambda v: v["variable_cost_per_contact"] - v["unit_cost"],
    "saving_period": lambda v: v["moved"] * v["saving_per_moved"],
    "saving_year": lambda v: v["saving_period"] * 12,
    "new_cost_per_contact": lambda v: (v["costs"] - v["saving_period"]) / v["contacts"],
    **{f"cost-per-contact-{channel}": _channel_cost(channel) for channel in CONTACT_CHANNELS},
}
#: Shown rows no reader works out by hand (a model's output).
BY_MODEL: frozenset[str] = frozenset()
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "cost-per-contact",
        "values": {"costs": "76 600", "contacts": "9 800"},
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
        "digits": 2,
    },
    {
        "calculator": "cost-per-contact",
        "values": {"costs": "76600", "contacts": "9800", "period": "year", "currency": "USD"},
        "source": "link",
        "decimal": ",",
        "group": " ",
        "currency": "USD",
    },
    {
        "calculator": "cost-per-contact",
        "values": {
            "costs": "70.472,40",
            "contacts": "9.800",
            "salaries": "40.000",
            "benefits": "8.000",
            "technology": "5.000",
            "phone": "6.000",
            "email": "2.000",
            "chat": "1.500",
            "social": "300",
        },
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
    {
        "calculator": "cost-per-contact",
        "values": {
            "costs": "1915000000",
            "contacts": "9800",
            "rate": "25000",
            "share": "20",
            "unit_cost": "5000",
        },
        "source": "link",
        "decimal": ",",
        "group": ".",
        "currency": "VND",
        "digits": 0,
    },
    {
        "calculator": "cost-per-contact",
        "values": {"costs": "", "contacts": "0"},
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "cost-per-contact",
        "values": {"costs": "abc", "contacts": "-5", "period": "quarter"},
        "decimal": ",",
        "group": " ",
        "currency": "RUB",
    },
    {
        "calculator": "cost-per-contact",
        "values": {"costs": "1e9", "contacts": "NaN"},
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
    {
        "calculator": "cost-per-contact",
        "values": {"costs": "７６６００", "contacts": "٩٨٠٠"},
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "cost-per-contact",
        "values": {"costs": "6281200,75", "contacts": "9800", "period": "week", "rate": "92,5"},
        "decimal": ",",
        "group": " ",
        "currency": "RUB",
    },
]
