"""An embed inside a help-desk page: copying works or falls back to a field, "open the full article"
takes the reader's numbers, its messages point to the full article, and the snippet's height holds
every calculator with a result."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlencode

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
    page.locator(".calc [data-action='copy-link']").click()
    box = page.locator(".calc [data-out='copy-fallback'] textarea")
    expect(box).to_be_visible()
    assert box.input_value() == page.url
    selected = box.evaluate("t => [t.selectionStart, t.selectionEnd, t.value.length]")
    assert selected == [0, len(page.url), len(page.url)], "the text is selected, ready to copy"
    catalog = h.catalog(lang)
    assert page.locator(".calc [data-out='notice']").text_content() == catalog["action.copy_failed"]
    article = page.locator("a[data-article-link]")
    href = str(article.get_attribute("href"))
    assert f"/{lang}/glossary/{calculator}/?" in href and href.endswith("#calculator"), href
    for name, value in values.items():
        assert f"{name}={value}" in href, (name, href)
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
