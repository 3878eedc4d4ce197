"""Schedule adherence's worked example (twenty agents' 9 600 scheduled minutes of a day, 93 %) and how a
reader checks its table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

EXAMPLES: dict[str, dict[str, str]] = {
    "": {"scheduled_minutes": "9600", "adherent_minutes": "8928", "worked_minutes": "9504"}
}
OPTIONAL_INPUTS: dict[str, str] = {}
RELATIONS: dict[str, Callable[[Mapping[str, Decimal]], Decimal]] = {
    "schedule-adherence": lambda v: v["adherent_minutes"] / v["scheduled_minutes"] * 100,
    "minutes-out-of-adherence": lambda v: v["scheduled_minutes"] - v["adherent_minutes"],
    "hours-out-of-adherence": lambda v: v["minutes-out-of-adherence"] / 60,
    "conformance": lambda v: v["worked_minutes"] / v["scheduled_minutes"] * 100,
}
BY_MODEL: frozenset[str] = frozenset()
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "schedule-adherence",
        "values": {"scheduled_minutes": "9600", "adherent_minutes": "9700"},
        "decimal": ",",
        "group": " ",
        "currency": "USD",
    }
]
