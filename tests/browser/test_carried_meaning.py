"""Figures keep their meaning: a carried figure keeps its period (or has none), staff cost alone is
never put beside an all-in benchmark, and a benchmark is compared in the reader's currency."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit

import browser_helpers as h
import pytest

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
#: One 30-minute interval of service level with a staff cost: 210 calls.
INTERVAL = "calls=210&interval=30&aht=240&target=80&answer_time=20&shrinkage=30&hourly_cost=350"


def _shown(page: Any, key: str) -> bool:
    return bool(
        page.locator(f".calc [data-result='{key}']").evaluate(
            "o => !o.closest('[data-row]').hidden"
        )
    )


def _carry_link(page: Any, calculator: str) -> str:
    link = page.locator(f".calc__carry a[href*='/{calculator}/']")
    link.wait_for()
    return str(link.get_attribute("href"))


@pytest.mark.parametrize("lang", ["it", "nb"])
def test_staff_cost_of_an_interval_has_no_year_and_no_benchmark(new_page: Any, lang: str) -> None:
    currency = h.DEFAULT_CURRENCY[lang]
    page = new_page(lang)
    page.goto(
        h.article_path(lang, "service-level", f"{INTERVAL}&currency={currency}") + "#calculator"
    )
    h.wait_ready(page)
    href = _carry_link(page, "cost-per-call")
    params = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    assert params["cover"] == "staff" and "period" not in params, href
    page.goto(
        href.replace("#", "&repeat_now=20&repeat_target=10#", 1)
        if "#" in href
        else f"{href}&repeat_now=20&repeat_target=10"
    )
    h.wait_ready(page)
    page.locator(".calc [data-result='cost-per-call'][data-value]").wait_for()
    value = page.locator(".calc [data-result='cost-per-call']").get_attribute("data-value")
    assert Decimal(str(value)) == Decimal(params["costs"]) / Decimal(params["calls"]), value
    catalog = h.catalog(lang)
    assert h.field(page, "cover").input_value() == "staff"
    assert page.locator(".calc [data-field='period']").is_hidden(), "no period for one interval"
    assert not _shown(page, "annual-costs") and not _shown(page, "annual-volume"), "no yearly rows"
    label = page.locator(".calc [data-row='cost-per-call'] [data-label]").text_content()
    assert label == catalog["result.staff-cost-per-call"]
    costs = page.locator(".calc [data-field='costs'] label").evaluate(
        "l => l.firstChild.textContent"
    )
    assert costs == catalog["field.staff_costs_interval"]
    # the what-if's figures are per interval too, with no year
    what_if = page.locator(".calc [data-out='scenario'] dt")
    what_if.first.wait_for()
    terms = what_if.all_text_contents()
    assert {catalog["result.saving_interval"], catalog["result.calls_avoided_interval"]} <= set(
        terms
    ), terms
    assert catalog["result.saving_year"] not in terms, terms
    line = page.locator(".calc [data-out='comparison']").text_content() or ""
    assert catalog["remark.staff_cost_only"] in line, line
    assert page.locator(".calc [data-out='chart'] svg").count() == 0, (
        "no comparison with the benchmark"
    )


@pytest.mark.parametrize("lang", ["nb", "vi"])
def test_a_carried_cost_keeps_its_period(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    page.goto(
        h.article_path(
            lang, "cost-per-contact", "costs=919200&contacts=117600&period=year&currency=USD"
        )
    )
    h.wait_ready(page)
    href = _carry_link(page, "cost-per-resolution")
    assert parse_qs(urlsplit(href).query)["period"] == ["year"], href
    page.goto(href)
    h.wait_ready(page)
    assert h.field(page, "period").input_value() == "year"
    h.type_into(page, "resolved", h.typed("84000", lang))
    h.expect_value(page, "annual-costs", None, "919200")


def _chart(page: Any) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """() => {
              const box = document.querySelector(".calc [data-out='chart']");
              const svg = box.querySelector("svg");
              const mark = svg.querySelector(".calc-chart__mark, .calc-chart__band");
              const bar = svg.querySelector(".calc-chart__bar");
              const end = mark.classList.contains("calc-chart__mark")
                ? Number(mark.getAttribute("x")) + 1.5 : Number(mark.getAttribute("x"));
              return {
                texts: [...svg.querySelectorAll("text")].map((t) => t.textContent),
                notes: [...box.querySelectorAll(".calc__chart-note")].map((p) => p.textContent),
                benchmark: end - 2,
                bar: Number(bar.getAttribute("width")),
              };
            }"""
        )
    )


@pytest.mark.parametrize("lang", ["ru", "vi"])
def test_the_benchmark_is_converted_at_the_readers_rate(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    page.goto(
        h.article_path(lang, "cost-per-contact", "costs=665700&contacts=9800&currency=NOK&rate=10")
    )
    h.wait_ready(page)
    h.expect_value(page, "cost-per-contact", None, "67.93")
    page.locator(".calc [data-out='chart'] svg").wait_for()
    catalog = h.catalog(lang)
    chart = _chart(page)
    local = h.shown_money(lang, "NOK", "71.60")
    assert chart["texts"][0] == f"{catalog['chart.benchmark']}: {local}", chart
    # Both bars on one scale in kroner: 67.93 kr against 71.60 kr.
    assert chart["bar"] / chart["benchmark"] == pytest.approx(67.93 / 71.60, rel=0.01), chart
    usd = h.shown_money(lang, "USD", "7.16")
    rate = h.shown_money(lang, "NOK", "10")
    assert chart["notes"][0] == h.message(lang, "chart.converted", usd=usd, rate=rate), chart
    # The market sentence: always on the Vietnamese page, elsewhere only for a reader in dong.
    assert (catalog["chart.market"] in chart["notes"]) == (lang == "vi"), chart
    if lang != "vi":
        page.goto(
            h.article_path(
                lang, "cost-per-contact", "costs=1915000000&contacts=9800&currency=VND&rate=26000"
            )
        )
        h.wait_ready(page)
        page.locator(".calc [data-out='chart'] svg").wait_for()
        h.wait_until(
            page,
            "text => [...document.querySelectorAll('.calc__chart-note')].some((p) => p.textContent === text)",
            catalog["chart.market"],
            lambda: f"{page.url}: no sentence that the benchmark is not a Vietnamese figure",
            10,
        )


@pytest.mark.parametrize("lang", ["nb", "vi"])
def test_attrition_cost_alone_is_not_set_against_the_benchmark(new_page: Any, lang: str) -> None:
    """Agent attrition's yearly cost and contacts open cost per contact as the cost of attrition:
    the attrition page's cost per contact, labelled so, with the page's remark and no chart."""
    currency = h.DEFAULT_CURRENCY[lang]
    page = new_page(lang)
    query = "leavers=4&start_headcount=40&end_headcount=38&period=quarter"
    page.goto(
        h.article_path(
            lang,
            "agent-attrition",
            f"{query}&replacement_cost=12000&contacts=29400&currency={currency}",
        )
    )
    h.wait_ready(page)
    shown = page.locator(".calc [data-result='attrition-cost-per-contact'][data-value]")
    shown.wait_for()
    per_contact = str(shown.get_attribute("data-value"))
    href = _carry_link(page, "cost-per-contact")
    params = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    assert (params["period"], params["cover"], params["currency"]) == (
        "year",
        "attrition",
        currency,
    )
    page.goto(href)
    h.wait_ready(page)
    h.expect_value(page, "cost-per-contact", None, per_contact)
    catalog = h.catalog(lang)
    assert h.field(page, "cover").input_value() == "attrition"
    label = page.locator(".calc [data-row='cost-per-contact'] [data-label]").text_content()
    assert label == catalog["result.attrition-cost-per-contact"]
    yearly = page.locator(".calc [data-row='annual-costs'] [data-label]").text_content() or ""
    assert yearly.startswith(catalog["result.attrition-cost-per-year"]), yearly
    line = page.locator(".calc [data-out='comparison']").text_content() or ""
    assert catalog["remark.attrition_cost_only"] in line, line
    assert page.locator(".calc [data-out='chart'] svg").count() == 0, "no comparison"
    assert page.locator(".calc__carry a").count() == 0, "not a cost per resolution's costs"


@pytest.mark.parametrize("lang", ["ru", "it"])
def test_service_levels_asa_reappears_on_the_asa_page(new_page: Any, lang: str) -> None:
    """One interval with hang-ups (Erlang A): the ASA page shows service level's ASA, to the whole
    second it shows, from the interval's answered calls and their total wait."""
    page = new_page(lang)
    page.goto(h.article_path(lang, "service-level", f"{INTERVAL}&patience=120"))
    h.wait_ready(page)
    asa = page.locator(".calc [data-result='asa'][data-value]")
    asa.wait_for()
    seconds = Decimal(str(asa.get_attribute("data-value")))
    answered = page.locator(".calc [data-result='answered']").get_attribute("data-value")
    href = _carry_link(page, "average-speed-of-answer")
    params = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    assert params["answered"] == answered and Decimal(str(answered)) < 210, params
    page.goto(href)
    h.wait_ready(page)
    whole = seconds.quantize(Decimal(1), ROUND_HALF_UP)
    h.expect_value(page, "average-speed-of-answer", None, str(whole))


CHANNELS = "phone=5000&email=2000&chat=2800&phone_minutes=6&email_minutes=8&chat_minutes=10"


@pytest.mark.parametrize("lang", ["ru", "nl"])
def test_all_costs_are_spread_over_the_channels_and_attrition_alone_is_not(
    new_page: Any, lang: str
) -> None:
    """With minutes per channel, all costs give a cost per channel and the page states how shared
    costs are spread ("Assumption: …", as on the article); the cost of attrition alone has no
    channels (no minutes, no rows, no note)."""
    catalog = h.catalog(lang)
    page = new_page(lang)
    page.goto(h.article_path(lang, "cost-per-contact", f"costs=76600&contacts=9800&{CHANNELS}"))
    h.wait_ready(page)
    h.expect_value(page, "cost-per-contact-phone", None, "6.21")
    line = page.locator(".calc [data-out='comparison']").text_content() or ""
    stated = f"{catalog['table.assumption']}: {catalog['assumption.channel_cost']}"
    assert stated in line, line

    page.goto(
        h.article_path(
            lang, "cost-per-contact", f"costs=76600&contacts=9800&{CHANNELS}&cover=attrition"
        )
    )
    h.wait_ready(page)
    h.expect_value(page, "cost-per-contact", None, "7.82")
    assert page.locator(".calc [data-field='phone_minutes']").is_hidden()
    assert not _shown(page, "cost-per-contact-phone"), "no attrition cost per channel"
    line = page.locator(".calc [data-out='comparison']").text_content() or ""
    assert catalog["assumption.channel_cost"] not in line, line
