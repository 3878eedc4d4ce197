"""Build-time data of each calculator, one module per KPI beside its ``calculators/kpis`` module (same
name: the slug with ``-`` written ``_``), found by :func:`pkgutil.iter_modules`. Not in the wheel: a
new example never makes readers download the calculators again.

The contract every module ``sitebuild/kpis/<module>.py`` follows:

``EXAMPLES: dict[str, dict[str, str]]``
    The article's worked example by case: case name to {field name: canonical value}, choices
    included. One case is keyed ``""``; with several (cost per call: inbound, outbound) the main one
    comes first. A choice the case does not set is one month in USD (:data:`sitebuild.examples.CHOICES`).
``OPTIONAL_INPUTS: dict[str, str]``
    Optional inputs the example leaves empty, added by the unit tests so that every row computes.
``RELATIONS: dict[str, Callable[[Mapping[str, Decimal]], Decimal]]``
    Row key to how a reader recomputes it from the other shown figures (fields and rows by name),
    checked on every built article by ``tests/site/test_table_arithmetic.py``.
``BY_MODEL: frozenset[str]``
    Shown rows no reader works out by hand (what a model gives); the unit tests check them.
``SNAPSHOT_REQUESTS: list[dict[str, Any]]``
    Requests, as the page sends them, that the Pyodide snapshot's check answers both from the
    snapshot and from a normal start (``scripts/make_snapshot.mjs``); may be empty.

>>> list(EXAMPLES) == list(SPECS)
True
>>> [case for case in EXAMPLES["cost-per-call"]]
['inbound', 'outbound']
>>> snapshot_requests()[-1]
{'calculator': 'no-such-calculator', 'values': {}}
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import ModuleType
from typing import Any

from calculators.kpis import SPECS, module_name

__all__ = [
    "BY_MODEL",
    "EXAMPLES",
    "MODULES",
    "OPTIONAL_INPUTS",
    "RELATIONS",
    "snapshot_requests",
]

_EXPORTS = ("EXAMPLES", "OPTIONAL_INPUTS", "RELATIONS", "BY_MODEL", "SNAPSHOT_REQUESTS")
#: A request for a calculator that does not exist: the bridge must refuse it the same way from the
#: snapshot and from a normal start.
UNKNOWN_CALCULATOR: dict[str, Any] = {"calculator": "no-such-calculator", "values": {}}


def _load() -> dict[str, ModuleType]:
    found = {
        info.name: importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    }
    wanted = {module_name(slug): slug for slug in SPECS}
    missing = sorted(set(wanted) - set(found))
    unknown = sorted(set(found) - set(wanted))
    if missing or unknown:
        raise ImportError(
            f"sitebuild/kpis/ and calculators/kpis/ differ: no build-time data for {missing}, "
            f"data for no calculator {unknown}"
        )
    for name, module in found.items():
        absent = [export for export in _EXPORTS if not hasattr(module, export)]
        if absent:
            raise ImportError(
                f"sitebuild/kpis/{name}.py has no {absent} (see sitebuild/kpis/__init__.py)"
            )
        if not module.EXAMPLES:
            raise ImportError(f"sitebuild/kpis/{name}.py: EXAMPLES has no case")
    return {slug: found[name] for name, slug in wanted.items()}


#: Each calculator's build-time module, by id, in the glossary's order.
MODULES: dict[str, ModuleType] = _load()
#: Each calculator's worked example by case.
EXAMPLES: dict[str, dict[str, dict[str, str]]] = {
    slug: module.EXAMPLES for slug, module in MODULES.items()
}
#: Each calculator's optional inputs that its example leaves empty.
OPTIONAL_INPUTS: dict[str, dict[str, str]] = {
    slug: module.OPTIONAL_INPUTS for slug, module in MODULES.items()
}
#: Each calculator's table relations.
RELATIONS: dict[str, dict[str, Callable[[Mapping[str, Decimal]], Decimal]]] = {
    slug: module.RELATIONS for slug, module in MODULES.items()
}
#: Each calculator's rows that a model gives.
BY_MODEL: dict[str, frozenset[str]] = {slug: module.BY_MODEL for slug, module in MODULES.items()}


def snapshot_requests() -> list[dict[str, Any]]:
    """Every calculator's snapshot requests in the glossary's order, then the unknown calculator."""
    requests = [request for module in MODULES.values() for request in module.SNAPSHOT_REQUESTS]
    return [*requests, UNKNOWN_CALCULATOR]
