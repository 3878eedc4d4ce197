"""The calculator widget's markup, rendered at build time in the page's language from the spec.

The form is plain HTML with labels from the message catalog; ``assets/javascripts/calculator.js``
enhances it (starts Python in a worker, shows results) from the JSON config written here. Nothing
below names a calculator: fields, groups, result rows and links come from ``calculators.specs``.
Without JavaScript the article's worked example stands on its own and a ``<noscript>`` note says
why the calculator is missing; an embed page, which has no worked example, points to the full article
instead (``widget.noscript_embed``, and ``widget.failed_embed`` when Python cannot start).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from html import escape

from figures import Formatter, benchmark_tokens
from oembed import HEIGHT as EMBED_HEIGHT

from calculators.kinds import RANGE_MESSAGE, as_config, currency_codes
from calculators.kpis import SPECS
from calculators.numbers import MAX_SERIES, canonical
from calculators.specs import CURRENCIES, Field, Row, Scenario, Spec, holds
from sitebuild.catalog import DEFAULT_CURRENCY, load
from sitebuild.examples import field_value
from sitebuild.rates import INDICATIVE_USD_RATES, RATES_DATE

#: Catalog key prefixes the widget's script needs whatever the calculator.
RUNTIME_PREFIXES = (
    "widget.",
    "error.",
    "compare.",
    "chart.",
    "action.",
    "embed.",
    "position.",
    "component.",
    "unit.",
    "carry.",
    "result.source.",
    "solve.",
    "print.",
    "format.",
)
#: A choice with an option longer than this (characters) takes the form's whole row: in one column
#: of the grid (14rem), its select would cut the option off.
WIDE_CHOICE = 28


def _condition(pairs: Iterable[tuple[str, str]]) -> str:
    return " ".join(f"{name}={value}" for name, value in pairs)


def _conditions(item: Field | Scenario | None, shown: bool) -> str:
    """The choices an element shows under, for the script; ``hidden`` already where the form's
    first choices leave it out (``shown``), so that nothing moves when the script starts."""
    attrs = ""
    if item is not None and item.when:
        attrs += f' data-when="{escape(_condition(item.when))}"'
    if isinstance(item, Field) and item.unless:
        attrs += f' data-unless="{escape(_condition(item.unless))}"'
    return attrs + ("" if shown else " hidden")


class _Form:
    """The form of one calculator in one language."""

    def __init__(self, spec: Spec, lang: str, embedded: bool = False) -> None:
        self.spec = spec
        self.embedded = embedded
        self.fmt = Formatter(lang)
        self.uid = "calc-" + spec.id
        self.currency = DEFAULT_CURRENCY[lang]
        #: Every choice as the form starts: the spec's first value, the page's own currency.
        self.choices = {
            f.name: self.currency if f.role == "currency" else f.initial
            for f in spec.fields
            if f.kind == "choice"
        }

    def t(self, key: str, **values: str) -> str:
        return self.fmt.t(key, **values)

    def applies(self, item: Field | Scenario) -> bool:
        """Whether a field or what-if shows under the form's first choices."""
        if isinstance(item, Field):
            return item.applies(self.choices)
        return holds(item.when, self.choices)

    def conditions(self, item: Field) -> str:
        return _conditions(item, self.applies(item))

    def label(self, field: Field) -> str:
        return self.t(field.label, currency=self.currency)

    def hint(self, field: Field) -> str:
        """The forms a field's kind accepts; a percent quotes the example centre's value ("30 or
        30 %" under shrinkage, "80 or 80 %" under the target), none where no example has one."""
        if field.kind != "percent":
            return self.t(f"hint.{field.kind}")
        value = field_value(self.spec.id, field.name)
        if value is None:
            return ""
        number = Decimal(value)
        return self.t(
            "hint.percent",
            number=self.fmt.plain(number),
            share=self.fmt.share(number),
        )

    def number(self, field: Field) -> str:
        uid, name = self.uid, field.name
        unit = (
            f' <span class="calc__unit" data-unit>{escape(self.currency)}</span>'
            if field.kind == "money"
            else ""
        )
        hint = ""
        prefill = ""
        if field.role == "exchange_rate":
            prefill = ' data-prefill="rates"'
            hint = self.t("rate.note", date=self.fmt.date(RATES_DATE))
        elif f"hint.{field.kind}" in load(self.fmt.lang):  # the forms its kind accepts (30 %, 4:30)
            hint = self.hint(field)
        hint_html = (
            f'<span class="calc__hint" id="{uid}-{name}-hint">{escape(hint)}</span>' if hint else ""
        )
        described = f"{uid}-{name}-error" + (f" {uid}-{name}-hint" if hint else "")
        return (
            f'<div class="calc__field" data-field="{name}"{self.conditions(field)}>'
            f'<label for="{uid}-{name}">{escape(self.label(field))}{unit}</label>'
            f'<input id="{uid}-{name}" name="{name}" type="text" inputmode="decimal" '
            f'autocomplete="off" spellcheck="false" aria-describedby="{described}"{prefill}>'
            f"{hint_html}"
            f'<p class="calc__error" id="{uid}-{name}-error" data-error-for="{name}" hidden></p>'
            "</div>"
        )

    def series(self, field: Field) -> str:
        """A list of values typed or pasted one a line (a spreadsheet's column), with its hint."""
        uid, name = self.uid, field.name
        return (
            f'<div class="calc__field calc__field--series" data-field="{name}"{self.conditions(field)}>'
            f'<label for="{uid}-{name}">{escape(self.label(field))}</label>'
            f'<textarea id="{uid}-{name}" name="{name}" rows="8" inputmode="decimal" '
            f'autocomplete="off" spellcheck="false" '
            f'aria-describedby="{uid}-{name}-error {uid}-{name}-hint"></textarea>'
            f'<span class="calc__hint" id="{uid}-{name}-hint">'
            f"{escape(self.t('hint.series', max=str(MAX_SERIES)))}</span>"
            f'<p class="calc__error" id="{uid}-{name}-error" data-error-for="{name}" hidden></p>'
            "</div>"
        )

    def choice(self, field: Field) -> str:
        selected = self.currency if field.role == "currency" else field.initial
        if field.radio:
            radios = "".join(
                f'<label class="calc__radio"><input type="radio" name="{field.name}" value="{escape(value)}"'
                f"{' checked' if value == selected else ''}> {escape(self.fmt.choice(field, value))}</label>"
                for value in field.choices
            )
            return (
                f'<fieldset class="calc__mode" data-field="{field.name}"{self.conditions(field)}>'
                f"<legend>{escape(self.label(field))}</legend>{radios}</fieldset>"
            )
        labels = {value: self.fmt.choice(field, value) for value in field.choices}
        options = "".join(
            f'<option value="{escape(value)}"{" selected" if value == selected else ""}>'
            f"{escape(label)}</option>"
            for value, label in labels.items()
        )
        wide = " calc__field--wide" if max(map(len, labels.values())) > WIDE_CHOICE else ""
        return (
            f'<div class="calc__field calc__field--choice{wide}" data-field="{field.name}"{self.conditions(field)}>'
            f'<label for="{self.uid}-{field.name}">{escape(self.label(field))}</label>'
            f'<select id="{self.uid}-{field.name}" name="{field.name}">{options}</select></div>'
        )

    def control(self, field: Field) -> str:
        if field.kind == "series":
            return self.series(field)
        return self.choice(field) if field.kind == "choice" else self.number(field)

    def group(self, key: str, fields: list[Field]) -> str:
        scenario = self.spec.scenario
        if key.startswith("breakdown."):
            hint = self.t("breakdown.hint")
        elif scenario is not None and key == "scenario.heading":
            hint = self.t(scenario.title)
        else:
            hint = ""
        what_if = scenario if scenario is not None and key == "scenario.heading" else None
        # a group none of whose fields applies is left out with them
        shown = any(self.applies(f) for f in fields) and (what_if is None or self.applies(what_if))
        conditions = _conditions(what_if, shown)
        hint_html = f'<p class="calc__hint">{escape(hint)}</p>' if hint else ""
        body = "".join(self.control(f) for f in fields)
        css = "calc__group--" + key.replace(".", "-").replace("_", "-")
        return (
            f'<details class="calc__group {css}"{conditions}><summary>{escape(self.t(key))}</summary>'
            f'<div class="calc__group-body">{hint_html}{body}</div></details>'
        )

    def fields(self) -> str:
        groups: dict[str, list[Field]] = {}
        for field in self.spec.fields:
            groups.setdefault(field.group, []).append(field)
        main = "".join(self.control(f) for f in groups.pop("", []))
        return (
            main + self.solve() + "".join(self.group(key, fields) for key, fields in groups.items())
        )

    def solve(self) -> str:
        """The "solve for" control: a select of the fields the spec can solve for and a target.

        Its controls have no ``name``: they are not fields of the calculator, and the page's script
        sends them as the request's ``solve`` and ``target`` (the link's parameters of that name).
        """
        spec, uid = self.spec, self.uid
        if not spec.solve:
            return ""
        options = "".join(
            f'<option value="{escape(s.field)}"{self.conditions(spec.field(s.field))}>'
            f"{escape(self.label(spec.field(s.field)))}</option>"
            for s in spec.solve
        )
        main = self.t(spec.main.label, **benchmark_tokens(spec, self.fmt))
        return (
            '<div class="calc__solve" data-solve>'
            f'<div class="calc__field calc__field--choice">'
            f'<label for="{uid}-solve">{escape(self.t("solve.field"))}</label>'
            f'<select id="{uid}-solve" data-solve-field>'
            f'<option value="">{escape(self.t("solve.none"))}</option>{options}</select></div>'
            f'<div class="calc__field" data-solve-box hidden>'
            f'<label for="{uid}-target" data-solve-label>'
            f"{escape(self.t('solve.target', result=main))}</label>"
            f'<input id="{uid}-target" type="text" inputmode="decimal" autocomplete="off" '
            f'spellcheck="false" aria-describedby="{uid}-solve-error" data-solve-target>'
            f'<p class="calc__error" id="{uid}-solve-error" data-solve-error hidden></p></div>'
            '<p class="calc__solve-answer" data-out="solve"></p>'
            "</div>"
        )

    def results(self) -> tuple[str, str]:
        mains, details = [], []
        quoted = benchmark_tokens(self.spec, self.fmt)
        for index, row in enumerate(self.spec.results):
            label = escape(self.t(row.label, **quoted))
            placeholder = escape(self.t("result.placeholder")) if index == 0 else ""
            if row.main:
                marker = " data-main-label" if index == 0 else ""
                mains.append(
                    f'<p class="calc__main" data-row="{row.key}"{"" if index == 0 else " hidden"}>'
                    f'<span class="calc__main-label" id="{self.uid}-{row.key}-label" data-label{marker}>{label}</span> '
                    f'<output class="calc__main-value" data-result="{row.key}" '
                    f'aria-labelledby="{self.uid}-{row.key}-label">{placeholder}</output></p>'
                )
            else:
                details.append(
                    f'<div class="calc__detail" data-row="{row.key}" hidden><dt data-label>{label}</dt>'
                    f'<dd><output data-result="{row.key}"></output></dd></div>'
                )
        return "".join(mains), "".join(details)

    def assumption(self) -> str:
        """The model's assumptions in words, below the results (empty when the spec has none)."""
        spec = self.spec
        if not spec.assumption:
            return ""
        values = {name: self.fmt.share(value) for name, value in spec.assumption_values}
        text = f"{self.t('table.assumption')}: {self.t(spec.assumption, **values)}"
        return f'<p class="calc__assumption">{escape(text)}</p>'

    def messages(self) -> dict[str, str]:
        catalog = load(self.fmt.lang)
        spec = self.spec
        items: list[Field | Row] = [*spec.fields, *spec.results, *spec.table]
        if spec.scenario is not None:
            items += [*spec.scenario.rows, *spec.scenario.assumptions]
        keys = {item.label for item in items}
        keys |= {other for item in items for *_, other in item.labels}
        keys |= {f"term.{carry.calculator}" for carry in spec.carry}
        keys |= {"term." + spec.id, "table.total", "result.share", "result.placeholder"}
        keys.add(RANGE_MESSAGE)
        keys |= {formula.template for formula in spec.formula} | {"formula.heading"}
        keys |= set(spec.notes)
        keys |= {key for _, key in spec.remarks}
        if spec.table_caption:
            keys.add(spec.table_caption)
            keys |= {key for *_, key in spec.table_labels}
        if spec.assumption:
            keys |= {spec.assumption, "table.assumption"}
        if spec.scenario is not None:
            keys |= {spec.scenario.title, spec.scenario.assumption, "table.assumption"}
            keys |= {k for k in catalog if k.startswith("assumption.")}
        if any(key.startswith("assumption.") for key in keys):  # shown as "Assumption: …"
            keys.add("table.assumption")
        bands = f"band.{spec.id}."
        # every key the spec names must be in the catalog: a missing one stops the build (MissingKey)
        messages = {key: catalog[key] for key in sorted(keys)}
        messages |= {k: v for k, v in catalog.items() if k.startswith((*RUNTIME_PREFIXES, bands))}
        if self.embedded:  # no worked example above: point to the full article
            messages["widget.failed"] = messages["widget.failed_embed"]
        return messages

    def config(self) -> dict[str, object]:
        spec = self.spec

        def rows(items: Iterable[Row]) -> list[dict[str, object]]:
            return [
                {"key": r.key, "label": r.label, "kind": r.kind, "main": r.main, "labels": r.labels}
                for r in items
            ]

        return {
            "calculator": spec.id,
            "lang": self.fmt.lang,
            "rates": {c: canonical(r) for c, r in INDICATIVE_USD_RATES.items()},
            "kinds": as_config(),
            "currencyCodes": currency_codes(self.fmt.lang, CURRENCIES),
            "messages": self.messages(),
            "fields": [
                {
                    "name": f.name,
                    "label": f.label,
                    "labels": f.labels,
                    "kind": f.kind,
                    "unit": f.unit,
                    "group": f.group,
                }
                for f in spec.fields
            ],
            "formula": [
                {"result": f.result, "template": f.template, "when": _condition(f.when)}
                for f in spec.formula
            ],
            "results": rows(spec.results),
            "scenario": None
            if spec.scenario is None
            else {
                "rows": rows(spec.scenario.rows),
                "assumptions": rows(spec.scenario.assumptions),
                "assumption": spec.scenario.assumption,
                "share": spec.scenario.share,
                "defaultShare": str(spec.scenario.default_share),
            },
            "table": rows(spec.table),
            "tableCaption": spec.table_caption,
            "tableLabels": spec.table_labels,
            "chart": {"key": spec.chart, "when": _condition(spec.chart_when)}
            if spec.chart
            else None,
            "benchmark": benchmark_tokens(spec, self.fmt),
            "homeCurrency": self.currency,
            "currencyField": getattr(spec.with_role("currency"), "name", ""),
        }


def render(
    calculator: str,
    lang: str,
    assets: str,
    wheel: str,
    pyodide: str,
    embed: str,
    glossary: str,
    embedded: bool = False,
) -> str:
    """The widget for ``calculator`` in ``lang``; ``assets`` is the relative URL of the shared assets,
    ``glossary`` that of the articles' folder (for links to the next calculator); ``embedded`` for
    the embed page (its messages point to the full article)."""
    form = _Form(SPECS[calculator], lang, embedded)
    t, uid = form.t, form.uid
    mains, details = form.results()
    data_json = json.dumps(form.config(), ensure_ascii=False).replace("</", "<\\/")
    return f"""<div class="calc" data-calculator="{calculator}" data-state="loading" lang="{lang}"
 data-assets="{escape(assets)}" data-pyodide="{escape(pyodide)}" data-wheel="{escape(wheel)}"
 data-embed="{escape(embed)}" data-embed-height="{EMBED_HEIGHT}" data-glossary="{escape(glossary)}">
<script type="application/json" class="calc__config">{data_json}</script>
<form class="calc__form" novalidate autocomplete="off" aria-labelledby="{uid}-title">
<h3 class="calc__title" id="{uid}-title">{escape(t("widget.heading"))}</h3>
{form.fields()}
</form>
<div class="calc__status" role="status" data-status>
<span class="calc__status-text" data-status-text>{escape(t("widget.loading"))}</span>
<progress class="calc__progress" max="100" data-progress hidden></progress>
<button type="button" class="md-button calc__retry" data-action="retry" hidden>{escape(t("widget.retry"))}</button>
</div>
<div class="calc__print" data-out="print"></div>
<section class="calc__results" aria-live="polite" aria-atomic="false" aria-label="{escape(t("result.heading"))}">
{mains}
<div class="calc__formula" data-out="formula" hidden><p class="calc__formula-heading">{escape(t("formula.heading"))}</p><p class="calc__formula-text" data-formula></p></div>
<p class="calc__line" data-out="source"></p>
<p class="calc__line" data-out="comparison"></p>
<div class="calc__chart" data-out="chart"></div>
<dl class="calc__details" data-out="details">{details}</dl>
<div class="calc__shares" data-out="shares"></div>
<div class="calc__scenario" data-out="scenario"></div>
<div class="calc__table" data-out="table"></div>
<p class="calc__carry" data-out="carry"></p>
{form.assumption()}
</section>
<div class="calc__actions">
<button type="button" class="md-button" data-action="copy-link">{escape(t("action.copy_link"))}</button>
<button type="button" class="md-button" data-action="copy-table">{escape(t("action.copy_table"))}</button>
<button type="button" class="md-button" data-action="print">{escape(t("action.print"))}</button>
<button type="button" class="md-button" data-action="embed" aria-expanded="false" aria-controls="{uid}-embed">{escape(t("action.embed"))}</button>
<span class="calc__notice" data-out="notice" role="status"></span>
</div>
<div class="calc__copy-fallback" data-out="copy-fallback" hidden>
<label for="{uid}-copy">{escape(t("action.copy_field"))}</label>
<textarea id="{uid}-copy" readonly rows="1"></textarea>
</div>
<div class="calc__embed" id="{uid}-embed" hidden>
<p class="calc__hint">{escape(t("embed.help"))}</p>
<label for="{uid}-embed-code">{escape(t("embed.iframe"))}</label>
<textarea id="{uid}-embed-code" readonly rows="3" data-out="embed" data-platform="iframe"></textarea>
<ul class="calc__embed-notes">
<li data-note="zendesk">{escape(t("embed.note.zendesk"))}</li>
<li data-note="freshdesk">{escape(t("embed.note.freshdesk"))}</li>
<li data-note="confluence">{escape(t("embed.note.confluence"))}</li>
</ul>
<label for="{uid}-embed-text">{escape(t("embed.text"))}</label>
<textarea id="{uid}-embed-text" readonly rows="4" data-out="embed-text" data-platform="text"></textarea>
<p class="calc__hint" data-note="intercom">{escape(t("embed.note.intercom"))}</p>
</div>
</div>
<noscript><p class="calc__noscript">{escape(t("widget.noscript_embed" if embedded else "widget.noscript"))}</p></noscript>
"""
