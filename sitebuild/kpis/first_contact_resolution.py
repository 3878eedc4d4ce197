"""Build-time data of first-contact-resolution: its worked example, its table relations, its snapshot requests.

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
        "resolved_first": "7200",
        "contacts": "10000",
        "fcr_target": "80",
        "costs": "76600",
        "variable_share": "70",
    }
}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "first-contact-resolution": lambda v: v["resolved_first"] / v["contacts"] * 100,
    "unresolved": lambda v: v["contacts"] - v["resolved_first"],
    "handled_now": lambda v: v["contacts"] + v["unresolved"],
    "contacts_avoided": lambda v: (
        v["contacts"] * (v["fcr_target"] - v["first-contact-resolution"]) / 100
    ),
    "variable_costs": lambda v: v["costs"] * v["variable_share"] / 100,
    "variable_cost_per_contact": lambda v: v["variable_costs"] / v["handled_now"],
    "saving_period": lambda v: v["contacts_avoided"] * v["variable_cost_per_contact"],
    "saving_year": lambda v: v["saving_period"] * 12,
}
#: Shown rows no reader works out by hand (a model's output).
BY_MODEL: frozenset[str] = frozenset()
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them:
#: the worked example from a link, and a negative first field typed with a dot grouping.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "first-contact-resolution",
        "values": EXAMPLES[""],
        "source": "link",
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "first-contact-resolution",
        "values": {
            "resolved_first": "-5",
            "contacts": "10000",
            "fcr_target": "80",
            "costs": "76600",
            "variable_share": "70",
        },
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
]
