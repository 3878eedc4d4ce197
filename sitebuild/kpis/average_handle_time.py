"""Build-time data of average-handle-time: its worked example, its table relations, its snapshot requests.

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
    "": {
        "talk": "26000",
        "hold": "2400",
        "wrap": "6600",
        "contacts": "10000",
        "hourly_cost": "30",
        "occupancy": "85",
        "shrinkage": "30",
    }
}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "handle-minutes": lambda v: v["talk"] + v["hold"] + v["wrap"],
    "average-handle-time": lambda v: v["handle-minutes"] * 60 / v["contacts"],
    "handle-hours": lambda v: v["handle-minutes"] / 60,
    "paid-hours": lambda v: v["handle-hours"] / (v["occupancy"] / 100 * (1 - v["shrinkage"] / 100)),
    "labour-cost-per-contact": lambda v: v["hourly_cost"] * v["paid-hours"] / v["contacts"],
}
#: Shown rows no reader works out by hand (a model's output).
BY_MODEL: frozenset[str] = frozenset()
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them:
#: the worked example from a link, and a negative first field typed with a dot grouping.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "average-handle-time",
        "values": EXAMPLES[""],
        "source": "link",
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "average-handle-time",
        "values": {
            "talk": "-5",
            "hold": "2400",
            "wrap": "6600",
            "contacts": "10000",
            "hourly_cost": "30",
            "occupancy": "85",
            "shrinkage": "30",
        },
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
]
