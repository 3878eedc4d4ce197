"""Shrinkage's worked example (the glossary's example centre: 4 000 paid hours a month, 30 %
shrinkage, 29 agents on the phones from service level's example) and how a reader checks its table."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

EXAMPLES: dict[str, dict[str, str]] = {
    "": {
        "scheduled": "4000",
        "breaks": "330",
        "meetings": "160",
        "training": "200",
        "absence": "380",
        "other": "130",
        "agents_needed": "29",
    }
}
OPTIONAL_INPUTS: dict[str, str] = {}
RELATIONS: dict[str, Callable[[Mapping[str, Decimal]], Decimal]] = {
    "lost-hours": lambda v: v["breaks"] + v["meetings"] + v["training"] + v["absence"] + v["other"],
    "available-hours": lambda v: v["scheduled"] - v["lost-hours"],
    "shrinkage": lambda v: v["lost-hours"] / v["scheduled"] * 100,
    "agents-uplift": lambda v: (1 / (1 - v["shrinkage"] / 100) - 1) * 100,
    "scheduled-agents": lambda v: Decimal(
        math.ceil(v["agents_needed"] / (1 - v["shrinkage"] / 100))
    ),
}
BY_MODEL: frozenset[str] = frozenset()
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "shrinkage",
        "values": {
            "scheduled": "4 000",
            "breaks": "330",
            "absence": "380,5",
            "agents_needed": "29",
        },
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    }
]
