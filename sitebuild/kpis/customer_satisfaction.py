"""Customer satisfaction's worked example (2 000 survey responses, 82 %) and how a reader checks its
table."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

_Z = Decimal("1.96")
EXAMPLES: dict[str, dict[str, str]] = {
    "": {"satisfied": "1640", "responses": "2000", "margin": "1"}
}
OPTIONAL_INPUTS: dict[str, str] = {}


def _margin(v: Mapping[str, Decimal]) -> Decimal:
    p = v["customer-satisfaction"] / 100
    return _Z * (p * (1 - p) / v["responses"]).sqrt() * 100


RELATIONS: dict[str, Callable[[Mapping[str, Decimal]], Decimal]] = {
    "customer-satisfaction": lambda v: v["satisfied"] / v["responses"] * 100,
    "margin-of-error": _margin,
    "confidence-low": lambda v: v["customer-satisfaction"] - v["margin-of-error"],
    "confidence-high": lambda v: v["customer-satisfaction"] + v["margin-of-error"],
    "responses-needed": lambda v: Decimal(
        math.ceil(
            _Z**2
            * v["satisfied"]
            / v["responses"]
            * (1 - v["satisfied"] / v["responses"])
            / (v["margin"] / 100) ** 2
        )
    ),
}
BY_MODEL: frozenset[str] = frozenset()
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "customer-satisfaction",
        "values": {"satisfied": "1 640", "responses": "2 000", "margin": "1,5"},
        "decimal": ",",
        "group": " ",
        "currency": "USD",
    }
]
