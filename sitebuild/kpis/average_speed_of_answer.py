"""Average speed of answer's worked example (the example centre's 11 800 answered calls a month, 30 s
ASA) and how a reader checks its table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

EXAMPLES: dict[str, dict[str, str]] = {
    "": {"wait": "5900", "answered": "11800", "abandoned": "620"}
}
OPTIONAL_INPUTS: dict[str, str] = {}
RELATIONS: dict[str, Callable[[Mapping[str, Decimal]], Decimal]] = {
    "average-speed-of-answer": lambda v: v["wait"] * 60 / v["answered"],
    "offered": lambda v: v["answered"] + v["abandoned"],
    "abandonment-rate": lambda v: v["abandoned"] / v["offered"] * 100,
}
BY_MODEL: frozenset[str] = frozenset()
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "average-speed-of-answer",
        "values": {"wait": "98:20", "answered": "11.800", "abandoned": "620"},
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    }
]
