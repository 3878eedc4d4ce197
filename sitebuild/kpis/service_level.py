"""Build-time data of service-level: its worked example, its table relations, its snapshot requests.

The article's worked example: one month, in USD.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

D = Decimal
Shown = Mapping[str, Decimal]

#: The worked example by case (the main case first): field name to canonical value.
EXAMPLES: dict[str, dict[str, str]] = {
    "": {
        "calls": "360",
        "interval": "60",
        "aht": "240",
        "target": "80",
        "answer_time": "20",
        "max_occupancy": "85",
        "shrinkage": "30",
        "hourly_cost": "30",
    }
}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {"patience": "120"}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "traffic": lambda v: v["calls"] * v["aht"] / (v["interval"] * 60),
    "occupancy": lambda v: v["traffic"] / v["agents"] * 100,
    "scheduled-agents": lambda v: D(math.ceil(v["agents"] / (1 - v["shrinkage"] / 100))),
    "staff-cost": lambda v: v["scheduled-agents"] * v["interval"] / 60 * v["hourly_cost"],
    "staff-cost-per-call": lambda v: v["staff-cost"] / v["calls"],
    # Erlang C answers every call; with a patience, all but the share who hang up.
    "answered": lambda v: D(round(v["calls"] * (1 - v["abandoned"] / 100))),
    "wait-minutes": lambda v: v["asa"] * v.get("answered", v["calls"]) / 60,
}
#: Shown rows no reader works out by hand: what the queue model gives (checked in the unit tests).
BY_MODEL: frozenset[str] = frozenset(
    {"agents", "service-level", "asa", "wait-probability", "calls-at-target"}
)
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them:
#: the worked example from a link, a negative first field typed with a dot grouping, and a day plan
#: pasted as a column with tabs and dot groups.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "service-level",
        "values": EXAMPLES[""] | OPTIONAL_INPUTS,
        "source": "link",
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "service-level",
        "values": {
            "calls": "-5",
            "interval": "60",
            "aht": "240",
            "target": "80",
            "answer_time": "20",
            "max_occupancy": "85",
            "shrinkage": "30",
            "hourly_cost": "30",
            "patience": "120",
        },
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
    {
        "calculator": "service-level",
        "values": {
            "plan": "day",
            "volumes": "0\n0\n40\t85\n1.250\n1.250\n1250\n100",
            "opens": "7",
            "interval": "30",
            "aht": "180",
            "target": "80",
            "answer_time": "20",
            "patience": "120",
            "hourly_cost": "30",
        },
        "decimal": ",",
        "group": ".",
        "currency": "VND",
    },
]
