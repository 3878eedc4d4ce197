"""The bridge between the calculator widget and the formulas: JSON text in, JSON text out.

The widget's Web Worker calls :func:`handle` with the fields exactly as the reader typed them (or as a
link carried them) and the separators of the page's locale from the browser's ``Intl``. Everything it
returns is data: canonical numbers as strings and error codes, which the page formats with ``Intl``
and its message catalog. Nothing here touches the DOM, so the same code is tested in CPython.

>>> import json
>>> reply = json.loads(handle(json.dumps({"calculator": "cost-per-contact",
...     "values": {"costs": "76 600", "contacts": "9 800"}, "decimal": ",", "group": " "})))
>>> reply["result"]["main"], reply["result"]["comparison"]["position"], reply["errors"]
('7.82', 'above', {})
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .benchmarks import BENCHMARKS, Comparison
from .breakdowns import CONTACT_CHANNELS, COST_COMPONENTS, Total
from .errors import CalculatorError
from .numbers import canonical, parse_amount, parse_canonical, round_money
from .periods import Period
from .scenarios import Assumption
from .summaries import MODES, summarise_cost_per_call, summarise_cost_per_contact

#: Fields each calculator reads; the widget's inputs and the link parameters carry these names.
FIELDS = {
    "cost-per-contact": (
        "costs",
        "contacts",
        "rate",
        "share",
        "unit_cost",
        *COST_COMPONENTS,
        *CONTACT_CHANNELS,
    ),
    "cost-per-call": (
        "costs",
        "calls",
        "sales",
        "rate",
        "repeat_now",
        "repeat_target",
        *COST_COMPONENTS,
    ),
}
#: Choices that are not numbers, with their allowed values (first is the default).
CHOICES = {"period": ("month", "week", "quarter", "year"), "mode": MODES}
PERCENT_PLACES = 1


def handle(request_json: str) -> str:
    """Answer one widget request (see the module docstring); never raises for bad input."""
    request = json.loads(request_json)
    return json.dumps(respond(request), separators=(",", ":"))


def respond(request: Mapping[str, Any]) -> dict[str, Any]:
    """The reply to a request as a dict: ``errors`` by field, ``result`` (or None), ``link`` params."""
    calculator = request.get("calculator")
    if calculator not in FIELDS:
        raise ValueError(f"unknown calculator {calculator!r}")
    raw = {k: str(v) for k, v in dict(request.get("values") or {}).items() if v is not None}
    from_link = request.get("source") == "link"
    errors: dict[str, dict[str, Any]] = {}
    numbers: dict[str, Decimal] = {}
    for name in FIELDS[calculator]:
        text = raw.get(name, "")
        if not text.strip():
            continue
        try:
            numbers[name] = (
                parse_canonical(text, name)
                if from_link
                else parse_amount(
                    text, request.get("decimal", ","), request.get("group", " "), name
                )
            )
        except CalculatorError as error:
            errors[name] = _error(error)
    choices = {
        name: raw.get(name) if raw.get(name) in allowed else allowed[0]
        for name, allowed in CHOICES.items()
    }
    link = {name: canonical(value) for name, value in numbers.items()} | choices
    reply: dict[str, Any] = {"errors": errors, "result": None, "link": link}
    if errors:
        return reply
    context = _Context(
        currency=str(request.get("currency") or "USD"), digits=int(request.get("digits", 2))
    )
    compute = _contact if calculator == "cost-per-contact" else _call
    try:
        reply["result"] = compute(numbers, choices, context)
    except CalculatorError as error:
        errors[error.field or "costs"] = _error(error)
    return reply


class _Context:
    def __init__(self, currency: str, digits: int) -> None:
        self.currency = currency
        self.digits = max(0, min(digits, 4))

    def money(self, value: Decimal) -> str:
        return canonical(round_money(value, self.digits))


def _error(error: CalculatorError) -> dict[str, Any]:
    return {"code": error.code, **{k: str(v) for k, v in error.details.items()}}


def _pick(numbers: Mapping[str, Decimal], names: tuple[str, ...]) -> dict[str, Decimal]:
    return {name: numbers[name] for name in names if name in numbers}


def _pair(
    numbers: Mapping[str, Decimal], first: str, second: str
) -> tuple[Decimal, Decimal] | None:
    if first in numbers and second in numbers:
        return numbers[first], numbers[second]
    return None


def _contact(numbers: dict[str, Decimal], choices: dict[str, Any], ctx: _Context) -> dict[str, Any]:
    summary = summarise_cost_per_contact(
        costs=numbers.get("costs"),
        cost_breakdown=_pick(numbers, COST_COMPONENTS),
        contacts=numbers.get("contacts"),
        contacts_by_channel=_pick(numbers, CONTACT_CHANNELS),
        period=Period(choices["period"]),
        currency=ctx.currency,
        usd_rate=numbers.get("rate"),
        self_service=_pair(numbers, "share", "unit_cost"),
    )
    scenario = None
    if summary.scenario is not None:
        scenario = {
            "new_value": ctx.money(summary.scenario.new_cost_per_contact),
            "saving_period": ctx.money(summary.scenario.saving_per_period),
            "saving_year": ctx.money(summary.scenario.saving_per_year),
            "assumptions": _assumptions(summary.scenario.assumptions, ctx),
        }
    return {
        "main": ctx.money(summary.cost_per_contact),
        "costs": _total(summary.costs, ctx.money),
        "volume": _total(summary.contacts, lambda v: canonical(round_money(v, 0))),
        "annual_costs": ctx.money(summary.annual_costs),
        "annual_volume": canonical(summary.annual_contacts),
        "comparison": _comparison(summary.comparison, "cost-per-contact", ctx, numbers),
        "scenario": scenario,
    }


def _call(numbers: dict[str, Decimal], choices: dict[str, Any], ctx: _Context) -> dict[str, Any]:
    mode = choices["mode"]
    summary = summarise_cost_per_call(
        mode=mode,
        costs=numbers.get("costs"),
        cost_breakdown=_pick(numbers, COST_COMPONENTS),
        calls=numbers.get("calls"),
        sales=numbers.get("sales"),
        period=Period(choices["period"]),
        currency=ctx.currency,
        usd_rate=numbers.get("rate"),
        repeat_calls=_pair(numbers, "repeat_now", "repeat_target") if mode == "inbound" else None,
    )
    scenario = None
    if summary.scenario is not None:
        scenario = {
            "calls_avoided": canonical(round_money(summary.scenario.calls_avoided, 0)),
            "saving_period": ctx.money(summary.scenario.saving_per_period),
            "saving_year": ctx.money(summary.scenario.saving_per_year),
            "assumptions": _assumptions(summary.scenario.assumptions, ctx),
        }
    return {
        "main": ctx.money(summary.result),
        "mode": mode,
        "costs": _total(summary.costs, ctx.money),
        "volume": {"value": canonical(summary.volume), "source": "total", "parts": []},
        "annual_costs": ctx.money(summary.annual_costs),
        "annual_volume": canonical(summary.annual_volume),
        "comparison": _comparison(summary.comparison, "cost-per-call", ctx, numbers),
        "scenario": scenario,
    }


def _total(total: Total, show: Callable[[Decimal], str]) -> dict[str, Any]:
    shares = total.shares()
    return {
        "value": show(total.value),
        "source": total.source,
        "parts": [
            {
                "key": name,
                "value": show(value),
                "percent": canonical(round_money(shares[name], PERCENT_PLACES)),
            }
            for name, value in total.parts
        ],
    }


def _comparison(
    comparison: Comparison | None, key: str, ctx: _Context, numbers: Mapping[str, Decimal]
) -> dict[str, Any]:
    benchmark = BENCHMARKS[key]
    base = {
        "low": canonical(benchmark.low),
        "high": canonical(benchmark.high),
        "currency": benchmark.currency,
    }
    if comparison is None:
        return {"position": None, "benchmark": base}
    rate = numbers.get("rate") if ctx.currency != benchmark.currency else None
    return {
        "position": comparison.position,
        "rate": canonical(rate) if rate is not None else "1",
        "percent": canonical(round_money(abs(comparison.percent), PERCENT_PLACES)),
        "difference": ctx.money(abs(comparison.difference)),
        "reference": ctx.money(comparison.reference),
        "benchmark": base,
    }


def _assumptions(assumptions: tuple[Assumption, ...], ctx: _Context) -> list[dict[str, str]]:
    return [
        {
            "key": a.key,
            "unit": a.unit,
            "value": ctx.money(a.value) if a.unit == "money" else canonical(a.value),
        }
        for a in assumptions
    ]
