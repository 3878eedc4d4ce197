"""Build-time data of cost-per-resolution: its worked example, its table relations, its snapshot requests.

The article's worked example: one month, in USD.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

D = Decimal
Shown = Mapping[str, Decimal]

#: The worked example by case (the main case first): field name to canonical value.
EXAMPLES: dict[str, dict[str, str]] = {
    "": {"costs": "76600", "resolved": "7000", "contacts": "9800"}
}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "cost-per-resolution": lambda v: v["costs"] / v["resolved"],
    "contacts-per-resolution": lambda v: v["contacts"] / v["resolved"],
    "cost-per-contact": lambda v: v["costs"] / v["contacts"],
    "annual-costs": lambda v: v["costs"] * 12,
}
#: Shown rows no reader works out by hand (a model's output).
BY_MODEL: frozenset[str] = frozenset()
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them:
#: the worked example from a link, and a negative first field typed with a dot grouping.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "cost-per-resolution",
        "values": EXAMPLES[""],
        "source": "link",
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "cost-per-resolution",
        "values": {"costs": "-5", "resolved": "7000", "contacts": "9800"},
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
]
