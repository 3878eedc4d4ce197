"""The bridge between the calculator widget and the formulas: JSON text in, JSON text out.

The widget's Web Worker calls :func:`handle` with the fields exactly as the reader typed them (or as a
link carried them) and the separators of the page's locale from the browser's ``Intl``. Everything it
returns is data, named after the calculator's spec (:mod:`calculators.specs`): canonical numbers as
strings, error codes and catalog keys, which the page formats with ``Intl`` and its message catalog.
Nothing here touches the DOM or names a calculator, so the same code is tested in CPython.

>>> import json
>>> reply = json.loads(handle(json.dumps({"calculator": "cost-per-contact",
...     "values": {"costs": "76 600", "contacts": "9 800"}, "decimal": ",", "group": " "})))
>>> reply["result"]["values"]["cost-per-contact"], reply["result"]["comparison"]["position"]
('7.82', 'above')
>>> reply["link"]["costs"], reply["link"]["currency"], reply["errors"]
('76600', 'USD', {})

A request with ``solve`` (a field the spec can solve for) and ``target`` (the main result wanted)
answers with that field's value in ``solve`` and computes the rest from it:

>>> reply = respond({"calculator": "cost-per-contact", "values": {"contacts": "9800"},
...     "solve": "costs", "target": "6", "source": "link"})
>>> reply["solve"], reply["result"]["values"]["cost-per-contact"], reply["link"]["solve"]
({'field': 'costs', 'target': '6', 'value': '58800'}, '6', 'costs')
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from . import formulas
from .benchmarks import Benchmark, Comparison
from .breakdowns import Total
from .calculations import Inputs, Outcome
from .errors import CalculatorError
from .kinds import reply_places
from .kpis import BENCHMARKS, SPECS
from .numbers import (
    canonical,
    canonical_series,
    parse_canonical,
    parse_input,
    parse_series,
    round_money,
)
from .specs import Carry, Kind, Row, Solve, Spec, holds


def handle(request_json: str) -> str:
    """Answer one widget request (see the module docstring); never raises for bad input."""
    request = json.loads(request_json)
    return json.dumps(respond(request), separators=(",", ":"))


def respond(request: Mapping[str, Any]) -> dict[str, Any]:
    """The reply to a request as a dict: ``errors`` by field, ``result`` (or None), the ``link``."""
    spec = SPECS.get(str(request.get("calculator")))
    if spec is None:
        raise ValueError(f"unknown calculator {request.get('calculator')!r}")
    raw = {k: str(v) for k, v in dict(request.get("values") or {}).items() if v is not None}
    choices = {
        name: raw[name] if raw.get(name) in allowed else spec.field(name).initial
        for name, allowed in spec.choices.items()
    }
    solver = _solver(spec, request, choices)
    solved = {solver.field, *_parts(spec, solver.field)} if solver else set()
    errors: dict[str, dict[str, Any]] = {}
    numbers: dict[str, Decimal] = {}
    for field in spec.numbers:
        text = raw.get(field.name, "")
        if not field.applies(choices) or not text.strip() or field.name in solved:
            continue
        try:
            numbers[field.name] = _parse(text, field.name, request, field.kind)
        except CalculatorError as error:
            errors[field.name] = _error(error, field.kind)
    series: dict[str, tuple[Decimal, ...]] = {}
    for field in spec.series:
        text = raw.get(field.name, "")
        if not field.applies(choices) or not text.strip():
            continue
        try:
            series[field.name] = parse_series(
                text,
                "count",
                request.get("decimal", ","),
                request.get("group", " "),
                field.name,
                link=request.get("source") == "link",
            )
        except CalculatorError as error:
            errors[field.name] = _error(error, field.kind)
    reply: dict[str, Any] = {
        "errors": errors,
        "result": None,
        "link": {name: canonical(value) for name, value in numbers.items()}
        | {name: canonical_series(values) for name, values in series.items()}
        | choices,
    }
    digits = max(0, min(int(request.get("digits", 2)), 4))
    target = _target(spec, solver, request, reply) if solver is not None else None
    if set(errors) - spec.what_if or (
        solver is not None
        and (target is None or not _solve(spec, solver, target, numbers, choices, digits, reply))
    ):
        return reply
    outcome = _compute(spec, numbers, choices, series, errors)
    if outcome is None:
        return reply
    try:
        reply["result"] = _result(spec, outcome, numbers, choices, digits)
    except InvalidOperation:  # a result too large to show to the cent, from extreme inputs
        errors[spec.numbers[0].name] = {"code": "too_large"}
    return reply


def _solver(spec: Spec, request: Mapping[str, Any], choices: Mapping[str, str]) -> Solve | None:
    """The field the request solves for, when the spec can solve for it under these choices."""
    solver = spec.solver(str(request.get("solve") or ""))
    if solver is None or not spec.field(solver.field).applies(choices):
        return None
    return solver


def _parts(spec: Spec, name: str) -> set[str]:
    """The fields that add up to the field ``name`` (its breakdown group): unused while it is solved."""
    return {f.name for f in spec.fields if f.group == f"breakdown.{name}"}


def _target(
    spec: Spec, solver: Solve, request: Mapping[str, Any], reply: dict[str, Any]
) -> Decimal | None:
    """The target main result of a solve request, checked; None (with the reply's error) if unusable."""
    text = str(request.get("target") or "")
    reply["solve"] = {"field": solver.field}
    reply["link"]["solve"] = solver.field
    try:
        target = formulas.target(_parse(text, "target", request) if text.strip() else "", "target")
    except CalculatorError as error:
        code = "solve_target" if error.code == "negative" else error.code
        reply["solve"]["error"] = {**_error(error), "code": code}
        return None
    reply["solve"]["target"] = reply["link"]["target"] = canonical(target)
    return target


def _compute(
    spec: Spec,
    numbers: dict[str, Decimal],
    choices: Mapping[str, str],
    series: Mapping[str, tuple[Decimal, ...]],
    errors: dict[str, dict[str, Any]],
) -> Outcome | None:
    """The outcome, or None with the error by field. A mistake in a what-if field (a target below
    today's figure, a share that is not a number) is shown on that field and the rest is computed
    without the what-if's fields: the main result stands, the what-if is left out (rather than
    worked out with a default in place of what the reader typed)."""
    while True:
        if set(errors) & spec.what_if:
            for name in spec.what_if:
                numbers.pop(name, None)
        try:
            return spec.compute(Inputs(numbers, choices, series))
        except CalculatorError as error:
            name = error.field or spec.numbers[0].name
            kind = next((f.kind for f in spec.fields if f.name == name), "money")
            errors[name] = _error(error, kind)
            if name not in spec.what_if or not spec.what_if & numbers.keys():
                return None


def _solve(
    spec: Spec,
    solver: Solve,
    target: Decimal,
    numbers: dict[str, Decimal],
    choices: Mapping[str, str],
    digits: int,
    reply: dict[str, Any],
) -> bool:
    """Put the solved value into ``numbers`` and the reply; False (with an error) if there is none.

    A count is rounded up to the next whole number; when the main result that whole number gives
    does not show as the target, the reply says so (``solve_inexact``, naming that number and its
    result) and the result is the one it gives.
    """
    answer = reply["solve"]
    try:
        value = solver.inverse(Inputs(numbers, choices), target)
    except CalculatorError as error:
        if error.code == "empty" and error.field:
            answer["error"] = {"code": "solve_needs", "other": error.field}
        elif error.field == "target":
            answer["error"] = _error(error)
        else:
            reply["errors"][error.field or spec.numbers[0].name] = _error(error)
        return False
    if spec.field(solver.field).kind == "count":
        value = formulas.whole_volume(value)
    numbers[solver.field] = value
    main = spec.main
    try:
        reached = spec.compute(Inputs(numbers, choices)).values[main.key]
    except CalculatorError as error:
        answer["error"] = _error(error)
        return False
    except InvalidOperation:
        answer["error"] = {"code": "too_large"}
        return False
    answer["value"] = canonical(value)
    if show(reached, main.kind, digits) != show(target, main.kind, digits):
        # no whole number reaches the target: the nearest (rounded up) fills the field, the result
        # is what it gives, and the reply says so
        answer["error"] = {
            "code": "solve_inexact",
            "nearest": canonical(value),
            "result": show(reached, main.kind, digits),
        }
    return True


def _parse(text: str, name: str, request: Mapping[str, Any], kind: str = "number") -> Decimal:
    if request.get("source") == "link":
        return parse_canonical(text, name)
    return parse_input(text, kind, request.get("decimal", ","), request.get("group", " "), name)


#: The "cannot be negative" message that fits a field's kind: an amount, a number, a time.
NEGATIVE = {
    "count": "negative_number",
    "number": "negative_number",
    "percent": "negative_number",
    "seconds": "negative_time",
    "minutes": "negative_time",
    "hours": "negative_time",
}


def _error(error: CalculatorError, kind: str = "money") -> dict[str, Any]:
    """An error as the page receives it; a negative value's code says what kind of value it is.

    >>> _error(CalculatorError("negative", "aht"), "seconds")
    {'code': 'negative_time'}
    """
    code = NEGATIVE.get(kind, error.code) if error.code == "negative" else error.code
    return {"code": code, **{k: str(v) for k, v in error.details.items()}}


def show(value: Decimal, kind: Kind, digits: int = 2) -> str:
    """A figure as the page receives it: rounded for its kind (:mod:`calculators.kinds`), money to
    the currency's ``digits`` even where it is shown in whole units, in canonical form.

    >>> show(Decimal("7.8163"), "money"), show(Decimal("919200.4"), "sum"), show(Decimal("84.27"), "percent")
    ('7.82', '919200.4', '84.3')
    """
    return canonical(round_money(value, reply_places(kind, digits)))


def _rows(
    rows: tuple[Row, ...], values: Mapping[str, Decimal], digits: int, choices: Mapping[str, str]
) -> dict[str, str]:
    """The rows that have a value and apply under these choices, each shown for its kind."""
    return {
        row.key: show(values[row.key], row.kind, digits)
        for row in rows
        if row.key in values and holds(row.when, choices)
    }


def _result(
    spec: Spec,
    outcome: Outcome,
    numbers: Mapping[str, Decimal],
    choices: Mapping[str, str],
    digits: int,
) -> dict[str, Any]:
    values = _rows(spec.results, outcome.values, digits, choices)
    scenario = None
    if spec.scenario is not None and outcome.scenario is not None:
        rows = spec.scenario.assumptions + spec.scenario.rows
        scenario = _rows(rows, outcome.scenario, digits, choices)
    totals = _totals(spec, numbers)
    compared = holds(spec.benchmark_when, choices)
    notes = [note for note in outcome.notes if compared or not note.startswith("compare.")]
    return {
        **({"totals": totals} if totals else {}),
        "values": values,
        "source": outcome.source,
        "notes": notes + [key for when, key in spec.remarks if holds(when, choices)],
        "comparison": _comparison(spec, outcome.comparison if compared else None, numbers, digits),
        "band": outcome.band,
        "shares": _shares(outcome.shares, digits),
        "scenario": scenario,
        "table": [_rows(spec.table, line, digits, choices) for line in outcome.table],
        "carry": [
            link
            for carry in spec.carry
            if (
                link := _carry(
                    carry, {**(scenario or {}), **totals, **values, **_given(numbers)}, choices
                )
            )
            is not None
        ],
    }


def _totals(spec: Spec, numbers: Mapping[str, Decimal]) -> dict[str, str]:
    """Each total the computation used that a breakdown summed (its parts replace the typed total);
    the reply carries them as ``totals`` only when there are any.

    >>> _totals(SPECS["cost-per-contact"], {"salaries": Decimal("100.5"), "other": Decimal(1)})
    {'costs': '101.5'}
    """
    totals: dict[str, str] = {}
    for field in spec.fields:
        total = field.group.removeprefix("breakdown.")
        if total != field.group and field.name in numbers:
            summed = Decimal(totals.get(total, "0")) + numbers[field.name]
            totals[total] = canonical(summed)
    return totals


def _given(numbers: Mapping[str, Decimal]) -> dict[str, str]:
    return {name: canonical(value) for name, value in numbers.items()}


def _carry(
    carry: Carry, known: Mapping[str, str], choices: Mapping[str, str]
) -> dict[str, Any] | None:
    """The next calculator's link parameters, when its choices hold and every figure is known.

    >>> from .kpis import SPECS
    >>> carry = SPECS["service-level"].carry[0]
    >>> _carry(carry, {"staff-cost": "25317.25", "calls": "420"}, {"currency": "NOK"})["params"]
    {'costs': '25317.25', 'calls': '420', 'currency': 'NOK', 'cover': 'staff'}
    """
    known = {**known, **choices}
    if not holds(carry.when, choices) or not all(source in known for _, source in carry.params):
        return None
    optional = {param: known[source] for param, source in carry.optional if source in known}
    return {
        "calculator": carry.calculator,
        "params": {param: known[source] for param, source in carry.params}
        | optional
        | dict(carry.fixed),
    }


def _shares(total: Total | None, digits: int) -> list[dict[str, str]]:
    if total is None:
        return []
    shares = total.shares()
    return [
        {
            "key": name,
            "value": show(value, "money", digits),
            "percent": show(shares[name], "percent"),
        }
        for name, value in total.parts
    ]


def _comparison(
    spec: Spec, comparison: Comparison | None, numbers: Mapping[str, Decimal], digits: int
) -> dict[str, Any] | None:
    benchmark = BENCHMARKS.get(spec.id)
    if benchmark is None or comparison is None:
        return None
    field = spec.with_role("exchange_rate")
    rate = numbers.get(field.name) if field is not None else None
    return {
        "position": comparison.position,
        "rate": canonical(Decimal(1) if rate is None else rate),
        "percent": show(abs(comparison.percent), "percent"),
        "difference": show(abs(comparison.difference), "money", digits),
        "reference": show(comparison.reference, "money", digits),
        "benchmark": {
            "low": canonical(benchmark.low),
            "high": canonical(benchmark.high),
            "currency": benchmark.currency,
            "foreign": list(benchmark.foreign),
        },
        **_local(benchmark, rate, digits),
    }


def _local(benchmark: Benchmark, rate: Decimal | None, digits: int) -> dict[str, Any]:
    """The benchmark converted at the reader's rate (``local``), when the result is in another
    currency: the page scales both bars and quotes the benchmark in the reader's currency.

    >>> from .kpis.cost_per_contact import BENCHMARK as COST_PER_CONTACT
    >>> _local(COST_PER_CONTACT, Decimal("10"), 2)
    {'local': {'low': '71.6', 'high': '71.6'}}
    >>> _local(COST_PER_CONTACT, None, 2)
    {}
    """
    if rate is None:
        return {}
    return {
        "local": {
            "low": show(benchmark.low * rate, "money", digits),
            "high": show(benchmark.high * rate, "money", digits),
        }
    }
