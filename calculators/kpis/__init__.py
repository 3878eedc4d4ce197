"""The registry of the glossary's calculators: one module per KPI in this package, found by
:func:`pkgutil.iter_modules` (the wheel installs the files, so discovery works in Pyodide too).

Adding a KPI is a new module here (and its build-time data in ``sitebuild/kpis/``); nothing else
lists calculator ids. The contract every module ``calculators/kpis/<module>.py`` follows, where
``<module>`` is the slug with ``-`` written ``_``:

``ORDER: int``
    Its place in the glossary; :data:`SPECS` is sorted by it (unique; the eight first terms use
    10, 20, ... 80, so a new term takes a free number between or after them).
``SPEC: calculators.specs.Spec``
    The calculator; ``SPEC.id`` is the slug and ``SPEC.compute`` is the module's :func:`compute`.
``compute(inputs: calculators.calculations.Inputs) -> calculators.calculations.Outcome``
    Checked inputs in, every figure it shows out, by row key.
``BENCHMARK: calculators.benchmarks.Benchmark | None``
    The money benchmark the result is compared with (its ``key`` is the slug), or None.
``REFERENCE: calculators.benchmarks.Reference | None``
    The quoted figures that are not money (tokens ``{{ benchmark.<figure> }}``, bands for
    ``Outcome.band``; its ``key`` is the slug), or None.
Its formula functions
    Numbers in, ``Decimal`` out; a docstring with the formula, a doctest and the figure's source.

Shared machinery stays in the shared modules (:mod:`calculators.specs`, ``calculations``,
``formulas``, ``staffing``, ``scenarios``, ``benchmarks``, ``numbers``, ``errors``, ``periods``).

>>> list(SPECS)[:3]
['cost-per-contact', 'cost-per-call', 'cost-per-resolution']
>>> sorted(BENCHMARKS), REFERENCES["occupancy"].figures["goal"]
(['cost-per-call', 'cost-per-contact'], Decimal('85'))
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from ..benchmarks import Benchmark, Reference
from ..specs import Spec

__all__ = ["BENCHMARKS", "MODULES", "REFERENCES", "SPECS", "module_name"]


def module_name(slug: str) -> str:
    """The module of a calculator: its slug with ``-`` written ``_``.

    >>> module_name("cost-per-contact")
    'cost_per_contact'
    """
    return slug.replace("-", "_")


def _load() -> list[ModuleType]:
    found = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    for module in found:
        short = module.__name__.rpartition(".")[2]
        for name in ("ORDER", "SPEC", "compute", "BENCHMARK", "REFERENCE"):
            if not hasattr(module, name):
                raise ImportError(
                    f"{module.__name__} has no {name} (see calculators/kpis/__init__.py)"
                )
        spec = module.SPEC
        if module_name(spec.id) != short:
            raise ImportError(
                f"{module.__name__}: SPEC.id {spec.id!r} does not match the module name"
            )
        if spec.compute is not module.compute:
            raise ImportError(f"{module.__name__}: SPEC.compute is not the module's compute")
        for name in ("BENCHMARK", "REFERENCE"):
            figure = getattr(module, name)
            if figure is not None and figure.key != spec.id:
                raise ImportError(
                    f"{module.__name__}: {name}.key {figure.key!r} is not {spec.id!r}"
                )
    orders: dict[int, str] = {}
    for module in found:
        if module.ORDER in orders:
            raise ImportError(
                f"{module.__name__} and {orders[module.ORDER]} have the same ORDER {module.ORDER}"
            )
        orders[module.ORDER] = module.__name__
    return sorted(found, key=lambda module: module.ORDER)


_MODULES = _load()
#: Each calculator's module, by id, in the glossary's order.
MODULES: dict[str, ModuleType] = {module.SPEC.id: module for module in _MODULES}
#: Every calculator by id, in the glossary's order.
SPECS: dict[str, Spec] = {slug: module.SPEC for slug, module in MODULES.items()}
#: The money benchmarks, by calculator id.
BENCHMARKS: dict[str, Benchmark] = {
    slug: module.BENCHMARK for slug, module in MODULES.items() if module.BENCHMARK is not None
}
#: The quoted figures that are not money, by calculator id.
REFERENCES: dict[str, Reference] = {
    slug: module.REFERENCE for slug, module in MODULES.items() if module.REFERENCE is not None
}
