"""The calculator widget's markup, rendered at build time in the page's language.

The form is plain HTML with labels from the message catalog; ``assets/javascripts/calculator.js``
enhances it (starts Python in a worker, shows results). Without JavaScript the article's worked
example stands on its own and a ``<noscript>`` note says why the calculator is missing.
"""

from __future__ import annotations

import json
from html import escape

from catalog import DEFAULT_CURRENCY, load, translate

from calculators import CONTACT_CHANNELS, COST_COMPONENTS
from calculators.numbers import canonical
from calculators.rates import CURRENCIES, INDICATIVE_USD_RATES, RATES_DATE

#: Catalog key prefixes the widget's script needs at run time.
RUNTIME_PREFIXES = (
    "widget.",
    "error.",
    "result.",
    "compare.",
    "chart.",
    "action.",
    "embed.",
    "position.",
    "component.",
    "channel.",
    "period.",
    "rate.",
    "field.",
)


def _field(uid: str, name: str, label: str, unit: str = "", hint: str = "") -> str:
    unit_html = (
        f' <span class="calc__unit" data-unit="{escape(unit)}">{escape(unit)}</span>'
        if unit
        else ""
    )
    hint_html = (
        f'<span class="calc__hint" id="{uid}-{name}-hint">{escape(hint)}</span>' if hint else ""
    )
    described = f"{uid}-{name}-error" + (f" {uid}-{name}-hint" if hint else "")
    return (
        f'<div class="calc__field" data-field="{name}">'
        f'<label for="{uid}-{name}">{escape(label)}{unit_html}</label>'
        f'<input id="{uid}-{name}" name="{name}" type="text" inputmode="decimal" '
        f'autocomplete="off" spellcheck="false" aria-describedby="{described}">'
        f"{hint_html}"
        f'<p class="calc__error" id="{uid}-{name}-error" data-error-for="{name}" hidden></p>'
        "</div>"
    )


def _select(uid: str, name: str, label: str, options: list[tuple[str, str]], selected: str) -> str:
    opts = "".join(
        f'<option value="{escape(value)}"{" selected" if value == selected else ""}>{escape(text)}</option>'
        for value, text in options
    )
    return (
        f'<div class="calc__field calc__field--choice" data-field="{name}">'
        f'<label for="{uid}-{name}">{escape(label)}</label>'
        f'<select id="{uid}-{name}" name="{name}">{opts}</select></div>'
    )


def _details(summary: str, body: str, css: str) -> str:
    return (
        f'<details class="calc__group {css}"><summary>{escape(summary)}</summary>'
        f'<div class="calc__group-body">{body}</div></details>'
    )


def render(calculator: str, lang: str, assets: str, wheel: str, pyodide: str, embed: str) -> str:
    """The widget for ``calculator`` in ``lang``; ``assets`` is the relative URL of the shared assets."""

    def t(key: str, **values: str) -> str:
        return translate(lang, key, **values)

    uid = "calc-" + calculator
    currency = DEFAULT_CURRENCY[lang]
    fields: list[str] = []
    if calculator == "cost-per-call":
        radios = "".join(
            f'<label class="calc__radio"><input type="radio" name="mode" value="{mode}"'
            f"{' checked' if mode == 'inbound' else ''}> {escape(t('mode.' + mode))}</label>"
            for mode in ("inbound", "outbound")
        )
        fields.append(
            f'<fieldset class="calc__mode"><legend>{escape(t("field.mode"))}</legend>{radios}</fieldset>'
        )
        fields.append(_field(uid, "costs", t("field.call_costs"), currency))
        fields.append(_field(uid, "calls", t("field.calls")))
        fields.append(_field(uid, "sales", t("field.sales")))
    else:
        fields.append(_field(uid, "costs", t("field.costs"), currency))
        fields.append(_field(uid, "contacts", t("field.contacts")))
    periods = [(p, t("period." + p)) for p in ("week", "month", "quarter", "year")]
    fields.append(_select(uid, "period", t("field.period"), periods, "month"))
    fields.append(
        _select(uid, "currency", t("field.currency"), [(c, c) for c in CURRENCIES], currency)
    )
    fields.append(
        _field(
            uid, "rate", t("field.rate", currency=currency), hint=t("rate.note", date=RATES_DATE)
        )
    )
    components = "".join(_field(uid, n, t("component." + n), currency) for n in COST_COMPONENTS)
    fields.append(
        _details(
            t("breakdown.costs"),
            f'<p class="calc__hint">{escape(t("breakdown.hint"))}</p>{components}',
            "calc__group--costs",
        )
    )
    if calculator == "cost-per-contact":
        channels = "".join(_field(uid, n, t("channel." + n)) for n in CONTACT_CHANNELS)
        fields.append(
            _details(
                t("breakdown.contacts"),
                f'<p class="calc__hint">{escape(t("breakdown.hint"))}</p>{channels}',
                "calc__group--channels",
            )
        )
        scenario = (
            f'<p class="calc__hint">{escape(t("scenario.self_service.title"))}</p>'
            + _field(uid, "share", t("scenario.self_service.share"))
            + _field(uid, "unit_cost", t("scenario.self_service.unit_cost"), currency)
        )
    else:
        scenario = (
            f'<p class="calc__hint">{escape(t("scenario.fcr.title"))}</p>'
            + _field(uid, "repeat_now", t("scenario.fcr.repeat_now"))
            + _field(uid, "repeat_target", t("scenario.fcr.repeat_target"))
        )
    fields.append(_details(t("scenario.heading"), scenario, "calc__group--scenario"))

    catalog = load(lang)
    messages = {k: v for k, v in catalog.items() if k.startswith(RUNTIME_PREFIXES)}
    messages |= {
        k: catalog[k]
        for k in ("mode.inbound", "mode.outbound", "table.total", "term." + calculator)
    }
    config = {
        "calculator": calculator,
        "lang": lang,
        "rates": {c: canonical(r) for c, r in INDICATIVE_USD_RATES.items()},
        "messages": messages,
    }
    main_label = (
        "result.cost_per_contact" if calculator == "cost-per-contact" else "result.cost_per_call"
    )
    data_json = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return f"""<div class="calc" data-calculator="{calculator}" data-state="loading" lang="{lang}"
 data-assets="{escape(assets)}" data-pyodide="{escape(pyodide)}" data-wheel="{escape(wheel)}"
 data-embed="{escape(embed)}">
<script type="application/json" class="calc__config">{data_json}</script>
<form class="calc__form" novalidate autocomplete="off" aria-labelledby="{uid}-title">
<h3 class="calc__title" id="{uid}-title">{escape(t("widget.heading"))}</h3>
{"".join(fields)}
</form>
<div class="calc__status" role="status" data-status>
<span class="calc__status-text" data-status-text>{escape(t("widget.loading"))}</span>
<progress class="calc__progress" max="100" data-progress hidden></progress>
<button type="button" class="md-button calc__retry" data-action="retry" hidden>{escape(t("widget.retry"))}</button>
</div>
<section class="calc__results" aria-live="polite" aria-atomic="false" aria-labelledby="{uid}-result-label">
<p class="calc__main"><span class="calc__main-label" id="{uid}-result-label" data-main-label>{escape(t(main_label))}</span>
<output class="calc__main-value" data-result="{calculator}" for="{uid}-costs">{escape(t("result.placeholder"))}</output></p>
<p class="calc__line" data-out="source"></p>
<p class="calc__line" data-out="comparison"></p>
<div class="calc__chart" data-out="chart"></div>
<dl class="calc__annual" data-out="annual"></dl>
<div class="calc__shares" data-out="shares"></div>
<div class="calc__scenario" data-out="scenario"></div>
</section>
<div class="calc__actions">
<button type="button" class="md-button" data-action="copy-link">{escape(t("action.copy_link"))}</button>
<button type="button" class="md-button" data-action="embed" aria-expanded="false" aria-controls="{uid}-embed">{escape(t("action.embed"))}</button>
<span class="calc__notice" data-out="notice" role="status"></span>
</div>
<div class="calc__embed" id="{uid}-embed" hidden>
<label for="{uid}-embed-code">{escape(t("embed.help"))}</label>
<textarea id="{uid}-embed-code" readonly rows="3" data-out="embed"></textarea>
</div>
</div>
<noscript><p class="calc__noscript">{escape(t("widget.noscript"))}</p></noscript>
"""
