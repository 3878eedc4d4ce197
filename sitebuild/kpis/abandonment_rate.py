"""Build-time data of abandonment-rate: its worked example, its table relations, its snapshot requests.

The article's worked example: one month, in USD.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

D = Decimal
Shown = Mapping[str, Decimal]

#: The worked example by case (the main case first): field name to canonical value.
EXAMPLES: dict[str, dict[str, str]] = {"": {"abandoned": "780", "offered": "12000", "short": "180"}}
#: Optional inputs the example leaves empty, added by the unit tests so that every row computes.
OPTIONAL_INPUTS: dict[str, str] = {"wait": "30"}
#: Row key -> how a reader recomputes it from the other shown figures (tests/site/test_table_arithmetic.py).
RELATIONS: dict[str, Callable[[Shown], Decimal]] = {
    "counted-abandoned": lambda v: v["abandoned"] - v["short"],
    "counted-offered": lambda v: v["offered"] - v["short"],
    "abandonment-rate": lambda v: v["counted-abandoned"] / v["counted-offered"] * 100,
    "abandonment-rate-all": lambda v: v["abandoned"] / v["offered"] * 100,
}
#: Shown rows no reader works out by hand (a model's output).
BY_MODEL: frozenset[str] = frozenset()
#: Requests the Pyodide snapshot's check answers (scripts/make_snapshot.mjs), as the page sends them:
#: the worked example from a link, and a negative first field typed with a dot grouping.
SNAPSHOT_REQUESTS: list[dict[str, Any]] = [
    {
        "calculator": "abandonment-rate",
        "values": EXAMPLES[""] | OPTIONAL_INPUTS,
        "source": "link",
        "decimal": ",",
        "group": " ",
        "currency": "NOK",
    },
    {
        "calculator": "abandonment-rate",
        "values": {"abandoned": "-5", "offered": "12000", "short": "180", "wait": "30"},
        "decimal": ",",
        "group": ".",
        "currency": "EUR",
    },
]
