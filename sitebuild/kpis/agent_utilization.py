"""Agent utilization's worked example (the example centre: 4 000 paid hours, 85 % occupancy and 30 %
shrinkage, 30 USD an hour, 240 s AHT) and how a reader checks its table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

EXAMPLES: dict[str, dict[str, str]] = {
    "": {"handling": "2380", "paid": "4000", "logged_in": "2800", "hourly_cost": "30", "aht": "240"}
}
OPTIONAL_INPUTS: dict[str, str] = {}
RELATIONS: dict[str, Callable[[Mapping[str, Decimal]], Decimal]] = {
    "agent-utilization": lambda v: v["handling"] / v["paid"] * 100,
    "occupancy": lambda v: v["handling"] / v["logged_in"] * 100,
    "shrinkage": lambda v: (1 - v["logged_in"] / v["paid"]) * 100,
    "idle-hours": lambda v: v["logged_in"] - v["handling"],
    "labour-cost-per-contact": lambda v: (
        v["hourly_cost"] * v["aht"] / 3600 / (v["agent-utilization"] / 100)
    ),
}
BY_MODEL: frozenset[str] = frozenset()
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "agent-utilization",
        "values": {"handling": "2 380", "paid": "4 000", "hourly_cost": "300", "aht": "4:00"},
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    }
]
