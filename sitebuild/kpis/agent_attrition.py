"""Agent attrition's worked example (a team of forty agents at the start of a quarter and thirty-eight at
its end, the example centre's 9 800 contacts a month) and how a reader checks its table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

EXAMPLES: dict[str, dict[str, str]] = {
    "": {
        "leavers": "4",
        "start_headcount": "40",
        "end_headcount": "38",
        "period": "quarter",
        "replacement_cost": "12000",
        "contacts": "29400",
    }
}
OPTIONAL_INPUTS: dict[str, str] = {}
#: A quarter: four of them make a year.
_PER_YEAR = 4
RELATIONS: dict[str, Callable[[Mapping[str, Decimal]], Decimal]] = {
    "average-headcount": lambda v: (v["start_headcount"] + v["end_headcount"]) / 2,
    "agent-attrition": lambda v: v["leavers"] / v["average-headcount"] * 100,
    "annual-attrition": lambda v: v["leavers"] / v["average-headcount"] * 100 * _PER_YEAR,
    "leavers-per-year": lambda v: v["leavers"] * _PER_YEAR,
    "attrition-cost-per-year": lambda v: v["leavers-per-year"] * v["replacement_cost"],
    "contacts-per-year": lambda v: v["contacts"] * _PER_YEAR,
    "attrition-cost-per-contact": lambda v: (
        v["attrition-cost-per-year"] / (v["contacts"] * _PER_YEAR)
    ),
}
BY_MODEL: frozenset[str] = frozenset()
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "agent-attrition",
        "values": {"leavers": "4", "start_headcount": "40", "end_headcount": "0", "period": "year"},
        "decimal": ",",
        "group": " ",
        "currency": "RUB",
    }
]
