"""Build errors that name the file: a page naming no registered calculator, a spec with a kind the
figures do not know, a missing catalog key stop the build with a ``PluginError`` naming the file (and
the key), as Material's plugins do, never with a bare ``KeyError`` and its traceback.

>>> check_calculator("docs/nb/glossary/x.md", "calculator", "cost-per-thing", {"cost-per-thing"})
>>> check_calculator("docs/nb/glossary/x.md", "calculator", "cost-per-thnig", {"cost-per-thing"})
Traceback (most recent call last):
...
mkdocs.exceptions.PluginError: docs/nb/glossary/x.md: calculator: 'cost-per-thnig' is not a registered calculator (known: cost-per-thing)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any, ParamSpec, TypeVar

from mkdocs.exceptions import PluginError

from calculators.kpis import module_name
from calculators.specs import Spec
from sitebuild.catalog import MissingKey

P = ParamSpec("P")
R = TypeVar("R")


def check_calculator(source: str, key: str, name: object, known: Collection[str]) -> None:
    """A page's ``calculator:`` (or ``embed:``) names a registered calculator."""
    if name not in known:
        raise PluginError(
            f"{source}: {key}: {name!r} is not a registered calculator (known: {', '.join(known)})"
        )


def spec_file(spec: Spec) -> str:
    """The file that declares ``spec``: its KPI module.

    >>> spec_file(Spec("some-term", (), lambda inputs: None, ()))  # type: ignore[arg-type, return-value]
    'calculators/kpis/some_term.py'
    """
    return f"calculators/kpis/{module_name(spec.id)}.py"


def _kinds(spec: Spec) -> Iterator[tuple[str, str]]:
    for row in spec.results + spec.table:
        yield f"row {row.key!r}", row.kind
    if spec.scenario is not None:
        for row in spec.scenario.rows + spec.scenario.assumptions:
            yield f"what-if row {row.key!r}", row.kind


def check_kinds(
    specs: Mapping[str, Spec], row_kinds: Collection[str], field_kinds: Collection[str]
) -> None:
    """Every row and field of every spec has a kind the figures and the widget know."""
    for calculator, spec in specs.items():
        places = [(where, kind) for where, kind in _kinds(spec) if kind not in row_kinds]
        places += [(f"field {f.name!r}", f.kind) for f in spec.fields if f.kind not in field_kinds]
        if places:
            where, kind = places[0]
            raise PluginError(
                f"{spec_file(spec)}: the spec of {calculator!r}: {where} has the unknown kind "
                f"{kind!r} (known: {', '.join(sorted(row_kinds if 'row' in where else field_kinds))})"
            )


def _source(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> str:
    page = kwargs.get("page") or next((a for a in args if hasattr(a, "file")), None)
    file = getattr(page, "file", None)
    return str(getattr(file, "src_path", "")) or "mkdocs.yml"


def names_the_file(hook: Callable[P, R]) -> Callable[P, R]:
    """A hook whose missing catalog key (or other lookup) stops the build naming the page's file."""

    @functools.wraps(hook)
    def named(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return hook(*args, **kwargs)
        except MissingKey as error:
            raise PluginError(f"{_source(args, kwargs)}: {error}") from error
        except KeyError as error:
            raise PluginError(
                f"{_source(args, kwargs)}: {error} is not known here (a calculator, field, row or "
                "token name that nothing declares)"
            ) from error

    return named
