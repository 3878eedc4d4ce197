"""Build-time data of cost-per-call: its worked example, its table relations, its snapshot requests.

The cost-per-call article's examples: an inbound month (the main case) and an outbound month.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

D = Decimal
Shown = Mapping[str, Decimal]


def _volume(v: Shown) -> Decimal:
    """The calls of an inbound case, the sales or leads of an outbound one."""
    return v["calls"] if "calls" in v else v["sales"]


#: The worked example by case (the main case first): field name to canonical value.
EXAMPLES: dict[str, dict[str, str]] = {
    "inbound": {
        "mode": "inbound",
        "costs": "41300",
        "calls": "11800",
        "repeat_now": "25",
        "repeat_target": "15",
    },
    "outbound": {"mode": "outbound", "costs": "27600", "sales": "1150"},
}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "cost-per-call": lambda v: v["costs"] / _volume(v),
    "annual-costs": lambda v: v["costs"] * 12,
    "annual-volume": lambda v: _volume(v) * 12,
    "calls_after": lambda v: _volume(v) * (100 - v["repeat_now"]) / (100 - v["repeat_target"]),
    "calls_avoided": lambda v: _volume(v) - v["calls_after"],
    "variable_cost_per_call": lambda v: v["costs"] * v["variable_share"] / 100 / _volume(v),
    "saving_period": lambda v: v["calls_avoided"] * v["variable_cost_per_call"],
    "saving_year": lambda v: v["saving_period"] * 12,
}
#: Shown rows no reader works out by hand (a model's output).
BY_MODEL: frozenset[str] = frozenset()
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "cost-per-call",
        "values": {"mode": "inbound", "costs": "413 000,25", "calls": "11 800"},
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "cost-per-call",
        "values": {"mode": "outbound", "costs": "27600", "sales": "1150"},
        "source": "link",
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
    {
        "calculator": "cost-per-call",
        "values": {
            "mode": "inbound",
            "costs": "37.996,30",
            "calls": "11.800",
            "repeat_now": "20",
            "repeat_target": "12",
            "salaries": "20.000",
            "other": "1.000",
        },
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
    {
        "calculator": "cost-per-call",
        "values": {"mode": "outbound", "costs": "1032500000", "sales": "0"},
        "source": "link",
        "decimal": ",",
        "group": ".",
        "currency": "VND",
        "digits": 0,
    },
    {
        "calculator": "cost-per-call",
        "values": {"mode": "inbound", "costs": "1,2,3", "calls": "😀"},
        "decimal": ",",
        "group": " ",
        "currency": "USD",
    },
    {
        "calculator": "cost-per-call",
        "values": {"mode": "sideways", "costs": "100", "calls": "4", "period": "decade"},
        "decimal": ",",
        "group": " ",
        "currency": "USD",
    },
    {
        "calculator": "cost-per-call",
        "values": {"costs": "3386600,40", "calls": "11800", "rate": "90", "period": "year"},
        "decimal": ",",
        "group": " ",
        "currency": "RUB",
    },
    {
        "calculator": "cost-per-call",
        "values": {"costs": "+100", "calls": "‏4"},
        "decimal": ",",
        "group": " ",
        "currency": "USD",
    },
]
