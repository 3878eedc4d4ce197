"""The calculator widget in a real browser, in every language, typed the way its readers write numbers.

Expected figures come from the ``calculators`` package in CPython (the same source as the wheel the
page runs in Pyodide); expected texts from the browser's ``Intl`` and the message catalogs.
"""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlsplit

import browser_helpers as h
import pytest

import calculators

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
#: Each cost calculator in two languages, the languages taking turns.
PAIRS = [
    (LANGS[(2 * i + k) % len(LANGS)], calc)
    for i, calc in enumerate(h.COST_CALCULATORS)
    for k in range(2)
]


def pair_id(pair: tuple[str, str]) -> str:
    return "-".join(pair)


# ---- typed input ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "it"])
def test_cost_per_contact_typed_like_a_reader(article_page: Any, lang: str) -> None:
    page = article_page(lang, "cost-per-contact")
    currency = h.DEFAULT_CURRENCY[lang]
    default = page.locator(".calc select[name=currency] option[selected]").get_attribute("value")
    assert default == currency, "default currency of the language"
    h.select(page, "currency", currency)  # the page is shared: an earlier test may have changed it
    expected = h.fill_example(page, lang, "cost-per-contact")
    assert expected == h.money(
        calculators.cost_per_contact(h.COSTS["cost-per-contact"][currency], h.CONTACTS), currency
    )
    # The page URL carries the state in canonical numbers.
    query = parse_qs(urlsplit(page.url).query)
    assert query["costs"] == [calculators.canonical(Decimal(h.COSTS["cost-per-contact"][currency]))]
    assert query["contacts"] == [h.CONTACTS]
    assert query["currency"] == [currency]
    assert query["period"] == ["month"]


@pytest.mark.parametrize("lang", LANGS)
def test_decimals_with_a_comma_and_grouping(article_page: Any, lang: str) -> None:
    """Small amounts with a decimal comma, and grouping with any space the reader's keyboard makes."""
    page = article_page(lang, "cost-per-contact")
    h.clear_optional(page)
    h.select(page, "currency", "EUR")
    group = {"nb": "\u00a0", "ru": " ", "it": ".", "nl": ".", "vi": "."}[lang]
    h.type_into(page, "costs", f"1{group}234,56")
    h.type_into(page, "contacts", "7")
    h.expect_result(page, lang, "EUR", h.money(calculators.cost_per_contact("1234.56", 7), "EUR"))


@pytest.mark.parametrize("lang", ["ru", "vi"])
def test_cost_per_call_inbound_and_outbound(article_page: Any, lang: str) -> None:
    page = article_page(lang, "cost-per-call")
    catalog = h.catalog(lang)
    currency = h.DEFAULT_CURRENCY[lang]
    h.select(page, "currency", currency)  # the page is shared: an earlier test may have changed it
    h.fill_example(page, lang, "cost-per-call", "inbound")
    assert page.locator("[data-main-label]").text_content() == catalog["result.cost_per_call"]
    assert h.field(page, "calls").is_visible() and not h.field(page, "sales").is_visible()

    h.set_mode(page, "outbound")
    assert h.field(page, "sales").is_visible() and not h.field(page, "calls").is_visible()
    assert page.locator("[data-main-label]").text_content() == catalog["result.cost_per_sale"]
    costs = h.COSTS["cost-per-call"][currency]
    h.type_into(page, "sales", h.typed(h.SALES, lang))
    h.expect_result(
        page, lang, currency, h.money(calculators.cost_per_call_outbound(costs, h.SALES), currency)
    )
    assert page.locator("[data-out=comparison]").text_content() == catalog["compare.none"]
    assert parse_qs(urlsplit(page.url).query)["mode"] == ["outbound"]

    h.set_mode(page, "inbound")
    h.expect_result(
        page, lang, currency, h.money(calculators.cost_per_call_inbound(costs, h.CALLS), currency)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_period_and_currency_choices(article_page: Any, lang: str) -> None:
    """Changing the period changes the annual figures; changing the currency reformats the result."""
    page = article_page(lang, "cost-per-contact")
    h.fill_example(page, lang, "cost-per-contact")
    h.select(page, "period", "quarter")
    currency = h.DEFAULT_CURRENCY[lang]
    costs = Decimal(h.COSTS["cost-per-contact"][currency])
    values = {
        "costs": str(costs),
        "contacts": h.CONTACTS,
        "period": "quarter",
        "currency": currency,
    }
    annual = h.reply("cost-per-contact", values)["result"]["values"]["annual-costs"]
    assert annual == h.money(calculators.annualise(costs, calculators.Period.QUARTER), currency)
    annual_text = page.evaluate(
        "([lang, currency, value]) => new Intl.NumberFormat(lang, {style: 'currency', currency,"
        " minimumFractionDigits: 0, maximumFractionDigits: 0}).format(value)",
        [lang, currency, annual],
    )
    h.expect_value(page, "annual-costs", annual_text, annual)
    assert page.locator(".calc [data-out=details] [data-result=annual-costs]").is_visible()
    h.select(page, "currency", "USD")
    assert not h.field(page, "rate").is_visible(), "no exchange rate for USD"
    expected = h.money(calculators.cost_per_contact(costs, h.CONTACTS), "USD")
    h.expect_result(page, lang, "USD", expected)
    assert parse_qs(urlsplit(page.url).query)["period"] == ["quarter"]


# ---- links ---------------------------------------------------------------------------------------
# Tests that open fresh pages open two languages at a time and check them afterwards, so that their
# Pythons start side by side.
class _IframeSrc(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.src: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe" and self.src is None:
            self.src = dict(attrs).get("src")


def iframe_src(html: str) -> str | None:
    parser = _IframeSrc()
    parser.feed(html)
    return parser.src


def test_embed_code_opens_the_same_result(article_page: Any, new_page: Any) -> None:
    """The embed button shows an iframe snippet whose page (the embed view) shows the same result
    (in two languages; every language's embed pages load in tests/browser/test_navigation.py)."""
    embeds, expected = {}, {}

    def snippet(lang: str) -> None:
        page = article_page(lang, "cost-per-contact")
        expected[lang] = h.fill_example(page, lang, "cost-per-contact")
        button = page.locator("[data-action=embed]")
        code = page.locator(".calc [data-out=embed]")
        if button.get_attribute("aria-expanded") == "true":
            button.click()  # left open: close it first
        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        assert code.is_visible()
        html = code.input_value()
        src = iframe_src(html)  # parsed here: in the page, the iframe's style attribute trips CSP
        assert src, f"no iframe in the embed code: {html!r}"
        assert urlsplit(src).path == h.embed_path(lang, "cost-per-contact")
        button.click()
        assert not code.is_visible()
        embeds[lang] = new_page(lang)
        embeds[lang].goto(src)

    def check(lang: str) -> None:
        h.expect_result(embeds[lang], lang, h.DEFAULT_CURRENCY[lang], expected[lang], timeout=40)

    h.for_each(["ru", "it"], snippet, check)


# ---- bad values ----------------------------------------------------------------------------------
@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_bad_values_show_localized_errors(article_page: Any, pair: tuple[str, str]) -> None:
    lang, calculator = pair
    page = article_page(lang, calculator)
    volume = h.volume_field(calculator)
    expected = h.fill_example(page, lang, calculator)
    described = h.field(page, "costs").get_attribute("aria-describedby") or ""
    error_id = page.locator(".calc [data-error-for=costs]").get_attribute("id")
    assert error_id in described.split(), "the error is announced with the input"

    example = h.example_number(lang)
    h.type_into(page, "costs", "abc")
    h.expect_error(page, "costs", h.message(lang, "error.not_a_number", example=example))

    h.type_into(page, "costs", "-5")
    h.expect_error(page, "costs", h.message(lang, "error.negative"))

    h.type_into(page, "costs", h.typed(h.COSTS[calculator][h.DEFAULT_CURRENCY[lang]], lang))
    h.type_into(page, volume, "0")
    h.expect_error(page, volume, h.message(lang, "error.zero_divisor"))
    assert h.visible_errors(page).keys() == {volume}, "only the zero field is in error"
    assert h.field(page, "costs").get_attribute("aria-invalid") == "false"

    # Correcting the value clears the error and shows the result again.
    h.type_into(page, volume, h.typed(h.CONTACTS if volume == "contacts" else h.CALLS, lang))
    h.expect_result(page, lang, h.DEFAULT_CURRENCY[lang], expected)
    assert h.visible_errors(page) == {}
    assert h.field(page, volume).get_attribute("aria-invalid") == "false"


@pytest.mark.parametrize("lang", LANGS)
def test_no_stale_result_after_a_bad_value(article_page: Any, lang: str) -> None:
    """While a value is invalid the widget shows no result: neither as text nor in ``data-value``."""
    page = article_page(lang, "cost-per-contact")
    h.fill_example(page, lang, "cost-per-contact")
    h.type_into(page, "contacts", "0")
    h.expect_error(page, "contacts", h.message(lang, "error.zero_divisor"))
    placeholder = h.catalog(lang)["result.placeholder"]
    assert h.result(page) == {"text": placeholder, "value": None, "state": "empty"}


# ---- keyboard only -------------------------------------------------------------------------------
def tab_to(page: Any, name: str, limit: int = 4) -> list[str]:
    """Press Tab until the widget's input ``name`` has focus; returns what got focus on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const a = document.activeElement;"
            " return a.name || a.getAttribute('href') || a.tagName; })()"
        )
        seen.append(focused)
        if focused == name:
            return seen
    raise AssertionError(f"Tab never reached the {name!r} input; focus went {seen}")


def test_keyboard_only_cost_per_contact(new_page: Any) -> None:
    """From the calculator's section, Tab into the widget and type: the result needs no mouse.

    The pages are fresh, so the reader types while Python is still starting.
    """
    pages = {}

    def type_in(lang: str) -> None:
        page = pages[lang] = new_page(lang)
        page.goto(h.article_path(lang, "cost-per-contact") + "#calculator")
        costs = h.COSTS["cost-per-contact"][h.DEFAULT_CURRENCY[lang]]
        assert tab_to(page, "costs")[-1] == "costs"
        page.keyboard.type(h.typed(costs, lang))
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == "contacts"
        page.keyboard.type(h.typed(h.CONTACTS, lang))

    def check(lang: str) -> None:
        currency = h.DEFAULT_CURRENCY[lang]
        costs = h.COSTS["cost-per-contact"][currency]
        expected = h.money(calculators.cost_per_contact(costs, h.CONTACTS), currency)
        h.expect_result(pages[lang], lang, currency, expected, timeout=40)

    h.for_each(LANGS, type_in, check)


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_only_cost_per_call_outbound(article_page: Any, lang: str) -> None:
    """The mode radios switch with the arrow keys; Tab then goes to the field of that mode."""
    page = article_page(lang, "cost-per-call")
    h.clear_optional(page)
    h.select(page, "period", "month")
    h.select(page, "currency", h.DEFAULT_CURRENCY[lang])
    h.set_mode(page, "inbound")
    page.locator("#calculator .headerlink").focus()
    assert tab_to(page, "mode")[-1] == "mode"
    page.keyboard.press("ArrowRight")
    assert page.locator(".calc input[name=mode][value=outbound]").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "costs"
    currency = h.DEFAULT_CURRENCY[lang]
    costs = h.COSTS["cost-per-call"][currency]
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(h.typed(costs, lang))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "sales"
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(h.typed(h.SALES, lang))
    expected = h.money(calculators.cost_per_call_outbound(costs, h.SALES), currency)
    h.expect_result(page, lang, currency, expected)
