"""An embed inside a help-desk page: copying works or falls back to a field, "copy link" and "open
the full article" give the article with the reader's numbers, its messages point to the full
article, the snippet's height holds every calculator with a result and the groups a reader opened,
and without a result the help-desk tools hand out nothing (disabled, saying why)."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import browser_helpers as h
import pytest
from playwright.sync_api import expect

from calculators.kpis import SPECS

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
#: The snippet's and the oEmbed iframe's height (overrides/hooks/oembed.py HEIGHT).
HEIGHT = 1950
#: An article column a help-desk page gives the iframe.
COLUMN = 680
#: A browser that refuses the clipboard, as one does in an iframe without clipboard-write.
NO_CLIPBOARD = """
Object.defineProperty(navigator, "clipboard", {
  value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
});
"""


def _embed(lang: str, calculator: str, values: dict[str, str]) -> str:
    return f"{h.embed_path(lang, calculator)}?{urlencode(values)}"


def _main_fields(calculator: str) -> dict[str, str]:
    """The worked example's figures of the main form only (every optional group stays closed)."""
    spec = SPECS[calculator]
    main = {f.name for f in spec.fields if not f.group}
    values = {k: v for k, v in h.example(calculator).items() if k in main}
    # The example of cost per contact gives its totals as breakdowns: the article's totals instead.
    defaults = {"costs": "76600", "contacts": "9800"}
    return defaults | values if {"costs", "contacts"} <= main else values


@pytest.mark.parametrize("lang", ["nb", "it"])
def test_copy_falls_back_to_a_field_and_the_article_link_keeps_the_numbers(
    new_page: Any, lang: str
) -> None:
    calculator = h.CALCULATORS[LANGS.index(lang)]
    values = _main_fields(calculator)
    page = new_page(lang)
    page.add_init_script(NO_CLIPBOARD)
    page.goto(_embed(lang, calculator, values))
    h.wait_ready(page)
    page.locator(f".calc [data-result='{h.main_key(calculator)}'][data-value]").wait_for()
    article = page.locator("a[data-article-link]")
    expect(article).to_have_attribute("href", re.compile(r"\?"))
    href = str(article.get_attribute("href"))
    assert f"/{lang}/glossary/{calculator}/?" in href and href.endswith("#calculator"), href
    for name, value in values.items():
        assert f"{name}={value}" in href, (name, href)
    page.locator(".calc [data-action='copy-link']").click()
    box = page.locator(".calc [data-out='copy-fallback'] textarea")
    expect(box).to_be_visible()
    # The link to these figures is the full article's, as "open the full article" gives it, not
    # the bare widget's.
    assert box.input_value() == href, (box.input_value(), page.url)
    selected = box.evaluate("t => [t.selectionStart, t.selectionEnd, t.value.length]")
    assert selected == [0, len(href), len(href)], "the text is selected, ready to copy"
    catalog = h.catalog(lang)
    assert page.locator(".calc [data-out='notice']").text_content() == catalog["action.copy_failed"]
    page.locator(".calc [data-action='embed']").click()
    snippet = page.locator(".calc [data-out='embed']").input_value()
    assert f'height="{HEIGHT}"' in snippet and 'allow="clipboard-write"' in snippet, snippet


@pytest.mark.parametrize("lang", ["vi", "nl"])
def test_embed_messages_point_to_the_full_article(
    new_page: Any, allow_console_errors: Any, lang: str
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    calculator = h.CALCULATORS[-1 - LANGS.index(lang)]
    page = new_page(lang)
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(h.embed_path(lang, calculator))
    catalog = h.catalog(lang)
    noscript = re.search(r'<noscript><p class="calc__noscript">(.*?)</p>', page.content(), re.S)
    assert (
        noscript is not None
        and html.unescape(noscript.group(1)) == catalog["widget.noscript_embed"]
    )
    h.wait_state(page, "error", timeout=25)
    status = page.locator(".calc [data-status-text]").text_content()
    assert status == catalog["widget.failed_embed"], status


def _height(page: Any) -> int:
    """The embed's height as embed-resize.js reports it to the host."""
    return int(
        page.evaluate(
            """() => {
              const content = document.querySelector(".glossary-embed");
              const style = getComputedStyle(content.closest(".md-content__inner"));
              const below = parseFloat(style.paddingBottom) + parseFloat(style.marginBottom);
              return Math.ceil(content.getBoundingClientRect().bottom + window.scrollY + below);
            }"""
        )
    )


def test_the_snippet_height_holds_every_calculator_with_a_result(new_page: Any) -> None:
    """Every calculator in Russian, and the tallest (service level, within 30 px of itself in the
    five languages) in every language; the tallest nearly fills it (the default is chosen from
    measurement, not a round guess)."""
    pages = [("ru", calculator) for calculator in h.CALCULATORS]
    pages += [(lang, "service-level") for lang in h.LANGUAGES if lang != "ru"]
    heights, tabs = {}, {}
    for lang, calculator in pages:
        if lang not in tabs:
            tabs[lang] = new_page(lang)
            tabs[lang].set_viewport_size({"width": COLUMN, "height": 900})
        page = tabs[lang]
        page.goto(_embed(lang, calculator, _main_fields(calculator)))
        h.wait_ready(page)
        page.locator(f".calc [data-result='{h.main_key(calculator)}'][data-value]").wait_for()
        heights[f"{lang}-{calculator}"] = _height(page)
    assert max(heights.values()) <= HEIGHT, heights
    assert max(heights.values()) >= HEIGHT - 250, heights


#: The help-desk tools under a result.
#: The tools that need a result (the link and the embed code work without one, with no figures).
NEED_RESULT = ("copy-table", "print")
NO_PRINT = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"


def _result_state(page: Any, state: str) -> None:
    page.wait_for_function(
        "state => document.querySelector('.calc').dataset.resultState === state "
        "&& document.querySelector('.calc__results').getAttribute('aria-busy') === 'false'",
        arg=state,
    )


def _expect_tools(page: Any, lang: str, available: bool) -> None:
    reason = page.locator(".calc [data-out='unavailable']")
    for action in ("copy-link", "embed"):
        expect(page.locator(f".calc [data-action='{action}']")).to_be_enabled()
    for action in NEED_RESULT:
        button = page.locator(f".calc [data-action='{action}']")
        if available:
            expect(button).to_be_enabled()
            expect(button).not_to_have_attribute("aria-describedby", re.compile("."))
        else:
            expect(button).to_be_disabled()
            expect(button).to_have_attribute("aria-describedby", str(reason.get_attribute("id")))
    if available:
        expect(reason).to_be_hidden()
    else:
        expect(reason).to_be_visible()
        expect(reason).to_have_text(h.catalog(lang)["action.unavailable"])


def _clipboard(page: Any) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


@pytest.mark.parametrize("lang", ["nl", "nb", "vi"])
def test_without_a_result_the_tools_hand_out_nothing(new_page: Any, lang: str) -> None:
    """The reader probe: a valid link, then contacts 0 or "abc". Copy as table and print are
    disabled with the reason beside them; the open embed code, the summary and copy link carry no
    figures (the calculator opens empty, not with the earlier 100 contacts); once the figures give a
    result again, every tool has the current figures."""
    page = new_page(lang)
    page.add_init_script(NO_PRINT)
    page.goto(
        h.article_path(lang, "cost-per-contact", "costs=5000&contacts=100&currency=EUR")
        + "#calculator"
    )
    h.wait_ready(page)
    h.expect_result(page, lang, "EUR", "50")
    _expect_tools(page, lang, available=True)
    page.locator(".calc [data-action='embed']").click()
    expect(page.locator(".calc .calc__embed")).to_be_visible()
    error = page.locator(".calc [data-error-for='contacts']")
    notice = page.locator(".calc [data-out='notice']")
    said = ""  # the notice goes with the result; the link copied without figures stays said
    for typed in ("0", "abc"):
        before = error.text_content() if error.is_visible() else None
        h.field(page, "contacts").fill(typed)
        _result_state(page, "empty")
        expect(error).to_be_visible()
        expect(error).not_to_have_text(before or "")  # Python's answer to what was typed is in
        _expect_tools(page, lang, available=False)
        expect(page.locator(".calc .calc__embed")).to_be_visible()
        for box in ("embed", "embed-text"):
            text = page.locator(f".calc [data-out='{box}']").input_value()
            assert "embed/cost-per-contact/" in text or "#calculator" in text, (box, text)
            assert "contacts=" not in text and "costs=" not in text, (box, text)
        # Pressed anyway (a click that reaches them): nothing copied or printed.
        page.evaluate("navigator.clipboard.writeText('untouched')")
        for action in NEED_RESULT:
            page.locator(f".calc [data-action='{action}']").dispatch_event("click")
        assert _clipboard(page) == "untouched"
        assert page.evaluate("window.__printed") is None
        expect(notice).to_have_text(said)
        # The link: the calculator without figures.
        page.locator(".calc [data-action='copy-link']").click()
        said = h.catalog(lang)["action.copied"]
        expect(notice).to_have_text(said)
        assert urlsplit(_clipboard(page)).query == "", _clipboard(page)
    # What a reader on a phone sees (for a human look: make screenshots' folder).
    page.set_viewport_size({"width": 390, "height": 640})
    page.evaluate(
        "() => { const a = document.querySelector('.calc__actions');"
        " window.scrollTo(0, a.getBoundingClientRect().top + scrollY - 420); }"
    )
    h.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(h.SCREENSHOTS / f"tools-disabled-{lang}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})

    h.field(page, "contacts").fill("200")
    h.expect_result(page, lang, "EUR", "25")
    h.wait_link(page, contacts="200")
    _expect_tools(page, lang, available=True)
    page.locator(".calc [data-action='copy-link']").click()
    expect(page.locator(".calc [data-out='notice']")).to_have_text(h.catalog(lang)["action.copied"])
    assert parse_qs(urlsplit(_clipboard(page)).query)["contacts"] == ["200"], _clipboard(page)
    page.locator(".calc [data-action='copy-table']").click()
    expect(page.locator(".calc [data-out='notice']")).to_have_text(
        h.catalog(lang)["action.table_copied"]
    )
    table = [line.split("\t") for line in _clipboard(page).splitlines()]
    contacts = h.catalog(lang)["field.contacts"]
    assert [contacts, "200", ""] in table, table
    page.locator(".calc [data-action='print']").click()
    assert page.evaluate("window.__printed") == 1
    snippet = page.locator(".calc [data-out='embed']").input_value()  # still open: it follows
    assert "contacts=200" in snippet and "contacts=100" not in snippet, snippet
    summary = page.locator(".calc [data-out='embed-text']").input_value()
    assert "contacts=200" in summary and "contacts=100" not in summary, summary


def test_an_embed_copies_the_article_link_with_the_current_figures(new_page: Any) -> None:
    """In an embed, "copy link" gives the full article with the reader's figures (the clipboard
    works here); without a result "open the full article" opens the article without figures."""
    lang = "it"
    page = new_page(lang)
    page.goto(_embed(lang, "cost-per-contact", {"costs": "5000", "contacts": "100"}))
    h.wait_ready(page)
    h.expect_result(page, lang, "EUR", "50")
    article = page.locator("a[data-article-link]")
    bare = page.evaluate("new URL('../../glossary/cost-per-contact/', location.href).href")
    page.locator(".calc [data-action='copy-link']").click()
    expect(page.locator(".calc [data-out='notice']")).to_have_text(h.catalog(lang)["action.copied"])
    copied = _clipboard(page)
    assert copied == article.get_attribute("href"), (copied, page.url)
    assert copied.startswith(bare + "?") and copied.endswith("#calculator"), copied
    assert parse_qs(urlsplit(copied).query)["contacts"] == ["100"], copied
    h.field(page, "contacts").fill("abc")
    _result_state(page, "empty")
    _expect_tools(page, lang, available=False)
    expect(article).to_have_attribute("href", bare + "#calculator")
    h.field(page, "contacts").fill("250")
    h.expect_result(page, lang, "EUR", "20")
    h.wait_link(page, contacts="250")
    expect(article).to_have_attribute("href", re.compile(r"[?&]contacts=250&"))
    page.locator(".calc [data-action='copy-link']").click()
    page.wait_for_function(
        "() => navigator.clipboard.readText().then((t) => t.includes('contacts=250'))"
    )
    assert _clipboard(page) == article.get_attribute("href")


def _snippet_height(page: Any) -> int:
    button = page.locator(".calc [data-action='embed']")
    if button.get_attribute("aria-expanded") == "true":
        button.click()  # closed and opened again: the code is made as it opens
    button.click()
    snippet = page.locator(".calc [data-out='embed']").input_value()
    found = re.search(r'height="(\d+)"', snippet)
    assert found, snippet
    return int(found.group(1))


def _open_every_group(page: Any) -> None:
    for summary in page.locator(
        ".calc details.calc__group:not([hidden]):not([open]) > summary"
    ).all():
        summary.click()


@pytest.mark.parametrize("lang", ["ru", "vi"])
def test_the_snippet_height_holds_the_groups_a_reader_opened(new_page: Any, lang: str) -> None:
    """Service level with an hourly cost and a patience (their groups open, rows added) and every
    other group opened: the embed is taller than the default, and the snippet made on the article,
    in a desktop or a phone column, holds it as a 680 px column measures it, within 150 px."""
    values = _main_fields("service-level") | {"hourly_cost": "30", "patience": "120"}
    query = urlencode(values)
    page = new_page(lang)
    page.goto(h.article_path(lang, "service-level", query) + "#calculator")
    h.wait_ready(page)
    page.locator(".calc [data-result='staff-cost'][data-value]").wait_for()
    _open_every_group(page)
    desktop = _snippet_height(page)
    page.set_viewport_size({"width": 390, "height": 800})
    phone = _snippet_height(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    embed = new_page(lang)
    embed.set_viewport_size({"width": COLUMN, "height": 900})
    embed.goto(_embed(lang, "service-level", values))
    h.wait_ready(embed)
    embed.locator(".calc [data-result='staff-cost'][data-value]").wait_for()
    _open_every_group(embed)
    height = _height(embed)
    assert height > HEIGHT, height
    for made in (desktop, phone):
        assert height <= made <= height + 150, (made, height)
    # Made inside the embed itself, the same.
    assert height <= _snippet_height(embed) <= height + 150
