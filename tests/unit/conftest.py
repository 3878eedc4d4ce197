"""Settings and helpers shared by the unit tests, which also run inside Pyodide (tests/pyodide).

Hypothesis runs without a deadline: WebAssembly and a busy 2-core CI machine are slower than a
laptop, and each property bounds its own work with ``max_examples`` instead (a tenth of it inside
Pyodide: ``tests/unit/budget.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.unit.budget import examples

settings.register_profile(
    "calculators",
    max_examples=examples(settings.default.max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("calculators")

#: How every number leaves the bridge: plain ASCII digits, an optional fraction, nothing else.
PLAIN_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
#: Keys of a web reply whose values are words, not numbers.
WORD_KEYS = frozenset(
    {
        "source",
        "key",
        "unit",
        "position",
        "currency",
        "mode",
        "basis",
        "plan",
        "code",
        "period",
        "band",
        "notes",
        "calculator",
        "other",
        "cover",
        "foreign",
    }
)


def _leaves(node: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in WORD_KEYS:
                yield from _leaves(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, f"{path}[{index}]")
    else:
        yield path, node


def plain_number_problems(reply: dict[str, Any]) -> list[tuple[str, Any]]:
    """The leaves of a reply that are not a plain non-negative number string (``None`` allowed)."""
    return [
        (path, value)
        for path, value in _leaves(reply, "reply")
        if value is not None and not (isinstance(value, str) and PLAIN_NUMBER.fullmatch(value))
    ]


@pytest.fixture(scope="session")
def number_problems() -> Callable[[dict[str, Any]], list[tuple[str, Any]]]:
    """See :func:`plain_number_problems`; session-scoped so Hypothesis tests can use it."""
    return plain_number_problems
