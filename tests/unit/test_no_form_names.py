"""Formulas take numbers, not form names: an error a shared formula raises names one of the
parameters of the function that raises it, never a form field or URL parameter; the KPI module
(``calculators/kpis/<slug>.py``), which knows its spec's fields, maps the one to the other with
:func:`calculators.errors.at_fields`.

The rule is read from the source with :mod:`ast`: every call that gives a ``field`` (or the
``other`` field an error names) as a string written in a shared module must give one of the
enclosing function's parameters; no default of a shared function is a form field's name; and the
doctests give a shared function's parameter where they give a field.
"""

from __future__ import annotations

import ast
import doctest
import inspect
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from calculators import benchmarks, breakdowns, formulas, periods, scenarios, staffing
from calculators.errors import CalculatorError, at_fields
from calculators.kpis import SPECS
from calculators.web import respond

SHARED = (formulas, scenarios, staffing, breakdowns, periods, benchmarks)
#: Every field (URL parameter) of every calculator.
FORM_NAMES = frozenset(field.name for spec in SPECS.values() for field in spec.fields)
#: The arguments of a call that name a field.
NAMING = ("field", "other")

Function = ast.FunctionDef | ast.AsyncFunctionDef


def parameters(function: Function) -> set[str]:
    arguments = function.args
    named = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    named += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
    return {arg.arg for arg in named}


def callee(node: ast.expr, module: ModuleType) -> Any:
    """What a call's ``func`` is in the module (``count``, ``CalculatorError``), or None."""
    if isinstance(node, ast.Name):
        return vars(module).get(node.id)
    if isinstance(node, ast.Attribute):
        owner = callee(node.value, module)
        return getattr(owner, node.attr, None) if isinstance(owner, ModuleType) else None
    return None


def named_fields(call: ast.Call, module: ModuleType) -> Iterator[ast.expr]:
    """The expressions a call gives as a ``field`` or an ``other`` field, if it takes them."""
    function = callee(call.func, module)
    if not callable(function) or any(isinstance(arg, ast.Starred) for arg in call.args):
        return
    try:
        signature = inspect.signature(function)
        keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
        bound = signature.bind(*call.args, **keywords)
    except (TypeError, ValueError):
        return
    for name, value in bound.arguments.items():
        if signature.parameters[name].kind is inspect.Parameter.VAR_KEYWORD:
            yield from (value[key] for key in NAMING if key in value)
        elif name in NAMING:
            yield value


def written(node: ast.expr) -> str | None:
    """The name a module writes itself: a string literal, or an f-string (a name it makes up)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return ast.unparse(node)
    return None


def walk(
    tree: ast.AST, scope: frozenset[str] = frozenset()
) -> Iterator[tuple[ast.AST, frozenset[str]]]:
    """Every node with the parameters of the functions around it."""
    for child in ast.iter_child_nodes(tree):
        inner = scope | parameters(child) if isinstance(child, Function) else scope
        yield child, inner
        yield from walk(child, inner)


def source(module: ModuleType) -> ast.Module:
    return ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))


def foreign_names(tree: ast.AST, module: ModuleType) -> list[str]:
    """Each call of the code that writes a field that is no parameter of the function around it."""
    return [
        f"line {node.lineno}: {ast.unparse(node)}"
        for node, scope in walk(tree)
        if isinstance(node, ast.Call)
        for argument in named_fields(node, module)
        if (name := written(argument)) is not None and name not in scope
    ]


def form_defaults(tree: ast.AST) -> list[str]:
    """Each default of the code's functions that is a form field's name."""
    return [
        f"line {node.lineno}: {node.name}(... = {default.value!r})"
        for node in ast.walk(tree)
        if isinstance(node, Function)
        for default in [*node.args.defaults, *node.args.kw_defaults]
        if isinstance(default, ast.Constant) and default.value in FORM_NAMES
    ]


def example_names(module: ModuleType) -> list[str]:
    """Each doctest example of the module that gives a field no shared function has as a parameter."""
    allowed = {
        name
        for shared in SHARED
        for node in ast.walk(source(shared))
        if isinstance(node, Function)
        for name in parameters(node)
    }
    tree = source(module)
    documented = [tree, *(n for n in ast.walk(tree) if isinstance(n, Function | ast.ClassDef))]
    return [
        example.source.strip()
        for node in documented
        for example in doctest.DocTestParser().get_examples(ast.get_docstring(node) or "")
        for call in ast.walk(ast.parse(example.source))
        if isinstance(call, ast.Call)
        for argument in named_fields(call, module)
        if (name := written(argument)) is not None and name not in allowed
    ]


@pytest.mark.parametrize("module", SHARED, ids=lambda module: module.__name__)
def test_a_shared_formula_names_only_its_own_parameters(module: ModuleType) -> None:
    assert foreign_names(source(module), module) == []


@pytest.mark.parametrize("module", SHARED, ids=lambda module: module.__name__)
def test_no_default_of_a_shared_formula_is_a_form_field(module: ModuleType) -> None:
    assert form_defaults(source(module)) == []


@pytest.mark.parametrize("module", SHARED, ids=lambda module: module.__name__)
def test_the_examples_of_a_shared_formula_name_parameters(module: ModuleType) -> None:
    assert example_names(module) == []


#: Code as it was before issue 17: a form's names written into a shared formula.
FORM_NAMED = """
def traffic(calls, aht_seconds, field="interval"):
    divisor(calls, "calls")
    positive(aht_seconds, field)
    positive(aht_seconds, "aht")
    not_above(calls, aht_seconds, "aht_seconds", other=f"{calls}_minutes")
    raise CalculatorError("too_many_agents", "calls", other="agents")
"""


def test_the_checks_find_form_names() -> None:
    """The checks are not vacuous: they find each form name in code that writes them."""
    tree = ast.parse(FORM_NAMED)
    assert [line.partition(": ")[2] for line in foreign_names(tree, formulas)] == [
        "positive(aht_seconds, 'aht')",
        "not_above(calls, aht_seconds, 'aht_seconds', other=f'{calls}_minutes')",
        "CalculatorError('too_many_agents', 'calls', other='agents')",
    ]
    assert form_defaults(tree) == ["line 2: traffic(... = 'interval')"]


def test_at_fields_moves_only_the_parameters_it_maps() -> None:
    with pytest.raises(CalculatorError) as caught, at_fields(aht_seconds="aht"):
        staffing.traffic(360, 60, 0)
    assert (caught.value.code, caught.value.field) == ("zero_divisor", "aht")
    with pytest.raises(CalculatorError) as caught, at_fields(aht_seconds="aht"):
        staffing.traffic(0, 60, 240)
    assert (caught.value.code, caught.value.field) == ("zero_divisor", "calls")
    with pytest.raises(CalculatorError) as caught, at_fields(patience="wait"):
        staffing.patience_seconds(3_601, "patience")
    assert (caught.value.field, caught.value.details) == ("wait", {"max": staffing.MAX_PATIENCE})


SL = {"calls": "360", "interval": "60", "aht": "240", "target": "80", "answer_time": "20"}
DAY = {"plan": "day", "interval": "30", "aht": "240", "target": "80", "answer_time": "20"}

#: A formula's error the KPI module maps from a parameter to its field: (calculator, values,
#: the reply's errors).
MAPPED = [
    ("service-level", SL | {"aht": "0"}, {"aht": {"code": "zero_divisor"}}),
    ("service-level", SL | {"answer_time": "0"}, {"answer_time": {"code": "zero_divisor"}}),
    ("service-level", DAY | {"volumes": "10", "aht": "0"}, {"aht": {"code": "zero_divisor"}}),
    (
        "service-level",
        SL | {"max_occupancy": "0.01"},
        {"max_occupancy": {"code": "too_many_agents", "max": "5000"}},
    ),
    (
        "service-level",
        SL | {"max_occupancy": "0.01", "patience": "120"},
        {"calls": {"code": "too_many_agents", "max": "5000"}},
    ),
    (
        "service-level",
        DAY | {"volumes": "10_100", "max_occupancy": "0.01", "patience": "120"},
        {"volumes": {"code": "too_many_agents", "max": "5000", "line": "1"}},
    ),
    (
        "abandonment-rate",
        {"abandoned": "780", "offered": "12000", "wait": "0"},
        {"wait": {"code": "zero_divisor"}},
    ),
    (
        "cost-per-contact",
        {"costs": "900", "phone": "100", "email": "0", "phone_minutes": "0"},
        {"phone_minutes": {"code": "zero_divisor"}},
    ),
    (
        "cost-per-contact",
        {"costs": "900", "contacts": "100", "currency": "NOK", "rate": "0"},
        {"rate": {"code": "zero_divisor"}},
    ),
    (
        "cost-per-call",
        {"costs": "900", "calls": "100", "mode": "inbound", "currency": "NOK", "rate": "0"},
        {"rate": {"code": "zero_divisor"}},
    ),
]


@pytest.mark.parametrize(("calculator", "values", "errors"), MAPPED)
def test_the_kpi_module_shows_a_formula_error_at_its_field(
    calculator: str, values: dict[str, str], errors: dict[str, Any]
) -> None:
    reply = respond({"calculator": calculator, "values": values, "source": "link"})
    assert reply["errors"] == errors


@pytest.mark.parametrize(("mode", "volume"), [("inbound", "calls"), ("outbound", "sales")])
def test_a_solve_shows_the_volume_at_its_field(mode: str, volume: str) -> None:
    values = {"mode": mode, volume: "10.5"}
    reply = respond(
        {
            "calculator": "cost-per-call",
            "values": values,
            "solve": "costs",
            "target": "6",
            "source": "link",
        }
    )
    assert reply["errors"] == {volume: {"code": "not_whole"}}
