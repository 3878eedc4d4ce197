"""Build-time data of occupancy: its worked example, its table relations, its snapshot requests.

The article's worked example: one month, in USD.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

D = Decimal
Shown = Mapping[str, Decimal]

#: The worked example by case (the main case first): field name to canonical value.
EXAMPLES: dict[str, dict[str, str]] = {"": {"handle": "1240", "idle": "360"}}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "logged-in-hours": lambda v: v["handle"] + v["idle"],
    "occupancy": lambda v: v["handle"] / v["logged-in-hours"] * 100,
    "hours-at-goal": lambda v: v["handle"] / D("0.85"),
    "idle-hours-above-goal": lambda v: v["logged-in-hours"] - v["hours-at-goal"],
    "hours-at-low": lambda v: v["handle"] / D("0.80"),
    "idle-hours-above-low": lambda v: v["logged-in-hours"] - v["hours-at-low"],
}
#: Shown rows no reader works out by hand (a model's output).
BY_MODEL: frozenset[str] = frozenset()
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them:
#: the worked example from a link, and a negative first field typed with a dot grouping.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "occupancy",
        "values": EXAMPLES[""],
        "source": "link",
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "occupancy",
        "values": {"handle": "-5", "idle": "360"},
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
]
