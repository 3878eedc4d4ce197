"""Figures computed by ``calculators`` and formatted for a page's locale with Babel (CLDR).

Inline tokens (``{{ example.result }}``) and block tokens (``{{ example_table }}``) of an article
resolve here. The worked examples are computed, never typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from html import escape

from babel.numbers import format_currency, format_decimal, format_percent, get_currency_precision
from catalog import translate

from calculators import BENCHMARKS, Total, round_money
from calculators.examples import cost_per_call_example, cost_per_contact_example


class Formatter:
    """Locale-aware formatting of money, counts and percentages for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def money(self, value: Decimal, currency: str = "USD") -> str:
        """>>> Formatter("nb").money(Decimal("7.16"))
        '7,16\\xa0USD'
        """
        digits = get_currency_precision(currency)
        return format_currency(round_money(value, digits), currency, locale=self.lang)

    def money_range(self, low: Decimal, high: Decimal, currency: str = "USD") -> str:
        if low == high:
            return self.money(low, currency)
        return f"{self.money(low, currency)}\u2013{self.money(high, currency)}"

    def count(self, value: Decimal) -> str:
        return format_decimal(round_money(value, 0), locale=self.lang)

    def percent(self, value: Decimal) -> str:
        """A percentage (20 for 20 %) with at most one decimal."""
        rounded = round_money(value, 1).normalize()
        return format_percent(rounded / 100, locale=self.lang, decimal_quantization=False)

    def t(self, key: str, **values: str) -> str:
        return translate(self.lang, key, **values)


def benchmark_text(fmt: Formatter, key: str) -> str:
    benchmark = BENCHMARKS[key]
    return fmt.money_range(benchmark.low, benchmark.high, benchmark.currency)


def inline_tokens(calculator: str, fmt: Formatter) -> dict[str, str]:
    """Every inline token of an article and its formatted value."""
    tokens = {"benchmark.value": benchmark_text(fmt, calculator)}
    if calculator == "cost-per-contact":
        example = cost_per_contact_example()
        assert example.comparison is not None and example.scenario is not None
        share, unit_cost = (a.value for a in example.scenario.assumptions)
        tokens |= {
            "example.costs": fmt.money(example.costs.value),
            "example.contacts": fmt.count(example.contacts.value),
            "example.result": fmt.money(example.cost_per_contact),
            "example.difference_percent": fmt.percent(abs(example.comparison.percent)),
            "example.annual_costs": fmt.money(example.annual_costs),
            "scenario.share": fmt.percent(share),
            "scenario.unit_cost": fmt.money(unit_cost),
            "scenario.new_result": fmt.money(example.scenario.new_cost_per_contact),
            "scenario.saving_year": fmt.money(example.scenario.saving_per_year),
        }
    else:
        inbound, outbound = cost_per_call_example("inbound"), cost_per_call_example("outbound")
        assert inbound.scenario is not None
        repeat_now, repeat_target = (a.value for a in inbound.scenario.assumptions)
        tokens |= {
            "example.costs": fmt.money(inbound.costs.value),
            "example.calls": fmt.count(inbound.volume),
            "example.result": fmt.money(inbound.result),
            "example.outbound_costs": fmt.money(outbound.costs.value),
            "example.sales": fmt.count(outbound.volume),
            "example.outbound_result": fmt.money(outbound.result),
            "scenario.repeat_now": fmt.percent(repeat_now),
            "scenario.repeat_target": fmt.percent(repeat_target),
            "scenario.calls_avoided": fmt.count(inbound.scenario.calls_avoided),
            "scenario.saving_year": fmt.money(inbound.scenario.saving_per_year),
        }
    return tokens


def table(headers: Iterable[str], rows: Iterable[list[str]], caption: str, css: str) -> str:
    """An HTML table of already-escaped cells; the first cell of a row is its header."""
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in headers)
    body = "".join(
        f'<tr><th scope="row">{first}</th>' + "".join(f"<td>{cell}</td>" for cell in rest) + "</tr>"
        for first, *rest in rows
    )
    return (
        f'<div class="glossary-table-wrap"><table class="glossary-table {css}">'
        f"<caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _total_rows(
    fmt: Formatter, total: Total, label: Callable[[str], str], show: Callable[[Decimal], str]
) -> Iterator[list[str]]:
    shares = total.shares()
    for name, value in total.parts:
        yield [escape(label(name)), show(value), fmt.percent(shares[name])]
    yield [escape(fmt.t("table.total")), show(total.value), fmt.percent(Decimal(100))]


def example_table(calculator: str, fmt: Formatter) -> str:
    """The worked example: inputs (with breakdown shares), result and annual totals."""
    t = fmt.t
    period = escape(t("period.month"))
    if calculator == "cost-per-contact":
        example = cost_per_contact_example()
        costs = table(
            [t("table.component"), t("table.amount"), t("table.share")],
            _total_rows(fmt, example.costs, lambda n: t(f"component.{n}"), fmt.money),
            f"{escape(t('table.example'))}: {escape(t('field.costs'))} ({period})",
            "glossary-table--numbers glossary-table--breakdown",
        )
        contacts = table(
            [t("table.channel"), t("field.contacts"), t("table.share")],
            _total_rows(fmt, example.contacts, lambda n: t(f"channel.{n}"), fmt.count),
            f"{escape(t('table.example'))}: {escape(t('field.contacts'))} ({period})",
            "glossary-table--numbers glossary-table--breakdown",
        )
        result = table(
            [t("table.item"), t("table.value")],
            [
                [
                    escape(t("result.cost_per_contact")),
                    f"<strong>{fmt.money(example.cost_per_contact)}</strong>",
                ],
                [escape(t("result.annual_costs")), fmt.money(example.annual_costs)],
                [escape(t("result.annual_contacts")), fmt.count(example.annual_contacts)],
            ],
            f"{escape(t('table.example'))}: {escape(t('result.heading'))}",
            "glossary-table--numbers glossary-table--result",
        )
        return costs + contacts + result
    inbound, outbound = cost_per_call_example("inbound"), cost_per_call_example("outbound")
    return table(
        [t("table.item"), t("mode.inbound"), t("mode.outbound")],
        [
            [escape(t("table.period")), period, period],
            [
                escape(f"{t('field.call_costs')} / {t('field.operating_costs')}"),
                fmt.money(inbound.costs.value),
                fmt.money(outbound.costs.value),
            ],
            [
                escape(f"{t('field.calls')} / {t('field.sales')}"),
                fmt.count(inbound.volume),
                fmt.count(outbound.volume),
            ],
            [
                escape(f"{t('result.cost_per_call')} / {t('result.cost_per_sale')}"),
                f"<strong>{fmt.money(inbound.result)}</strong>",
                f"<strong>{fmt.money(outbound.result)}</strong>",
            ],
            [
                escape(t("result.annual_costs")),
                fmt.money(inbound.annual_costs),
                fmt.money(outbound.annual_costs),
            ],
        ],
        escape(t("table.example")),
        "glossary-table--numbers glossary-table--result",
    )


def benchmark_table(calculator: str, fmt: Formatter) -> str:
    """The benchmark, the worked example's figure and how they compare, with the source note."""
    t = fmt.t
    if calculator == "cost-per-contact":
        example = cost_per_contact_example()
        value, comparison, label = (
            example.cost_per_contact,
            example.comparison,
            "result.cost_per_contact",
        )
    else:
        inbound = cost_per_call_example("inbound")
        value, comparison, label = inbound.result, inbound.comparison, "result.cost_per_call"
    assert comparison is not None
    difference = (
        "\u2013"
        if comparison.position == "within"
        else (f"{fmt.money(abs(comparison.difference))} ({fmt.percent(abs(comparison.percent))})")
    )
    body = table(
        [
            t("table.metric"),
            t("table.benchmark"),
            t("table.example"),
            t("table.difference"),
            t("table.position"),
        ],
        [
            [
                escape(t(label)),
                benchmark_text(fmt, calculator),
                fmt.money(value),
                difference,
                escape(t(f"position.{comparison.position}")),
            ]
        ],
        escape(t("table.benchmark")),
        "glossary-table--numbers glossary-table--benchmark",
    )
    note = f'<p class="glossary-source"><strong>{escape(t("table.source"))}:</strong> {escape(t(f"benchmark.{calculator}.source"))}</p>'
    return body + note


def scenario_table(calculator: str, fmt: Formatter) -> str:
    """The what-if scenario of the worked example: assumptions, then results."""
    t = fmt.t
    if calculator == "cost-per-contact":
        example = cost_per_contact_example()
        scenario = example.scenario
        assert scenario is not None
        share, unit_cost = (a.value for a in scenario.assumptions)
        title = t("scenario.self_service.title")
        rows = [
            [escape(t("scenario.self_service.share")), fmt.percent(share)],
            [escape(t("scenario.self_service.unit_cost")), fmt.money(unit_cost)],
            [escape(t("result.cost_per_contact")), fmt.money(example.cost_per_contact)],
            [
                escape(t("result.new_cost_per_contact")),
                f"<strong>{fmt.money(scenario.new_cost_per_contact)}</strong>",
            ],
            [escape(t("result.saving_period")), fmt.money(scenario.saving_per_period)],
            [
                escape(t("result.saving_year")),
                f"<strong>{fmt.money(scenario.saving_per_year)}</strong>",
            ],
        ]
        assumption = t("scenario.self_service.assumption")
    else:
        inbound = cost_per_call_example("inbound")
        fcr = inbound.scenario
        assert fcr is not None
        now, target = (a.value for a in fcr.assumptions)
        title = t("scenario.fcr.title")
        rows = [
            [escape(t("scenario.fcr.repeat_now")), fmt.percent(now)],
            [escape(t("scenario.fcr.repeat_target")), fmt.percent(target)],
            [escape(t("result.cost_per_call")), fmt.money(fcr.cost_per_call)],
            [escape(t("result.calls_avoided")), f"<strong>{fmt.count(fcr.calls_avoided)}</strong>"],
            [escape(t("result.saving_period")), fmt.money(fcr.saving_per_period)],
            [escape(t("result.saving_year")), f"<strong>{fmt.money(fcr.saving_per_year)}</strong>"],
        ]
        assumption = t("scenario.fcr.assumption")
    body = table(
        [t("table.item"), t("table.value")],
        rows,
        escape(title),
        "glossary-table--numbers glossary-table--scenario",
    )
    note = f'<p class="glossary-source"><strong>{escape(t("table.assumption"))}:</strong> {escape(assumption)}</p>'
    return body + note


BLOCKS: dict[str, Callable[[str, Formatter], str]] = {
    "example_table": example_table,
    "benchmark_table": benchmark_table,
    "scenario_table": scenario_table,
}
