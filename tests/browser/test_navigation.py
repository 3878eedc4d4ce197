"""Moving around the site: the language switcher, the root language chooser, search in each language."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import browser_helpers as h
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES


def _block_python(page: Any) -> None:
    """These pages are about navigation: don't start Python (it would only slow the test down)."""
    page.route("**/assets/pyodide/**", lambda route: route.abort())


@pytest.mark.parametrize("lang", ["nl", "vi"])
def test_language_switcher_keeps_the_article(
    new_page: Any, allow_console_errors: Any, lang: str
) -> None:
    allow_console_errors(r"assets/pyodide/")
    target = LANGS[(LANGS.index(lang) + 1) % len(LANGS)]
    page = new_page(lang)
    _block_python(page)
    page.goto(h.article_path(lang, "cost-per-call") + "#formula")
    page.locator(".md-header__option .md-select button").hover()
    link = page.locator(f".md-header__option .md-select__link[hreflang={target}]")
    assert link.is_visible(), "the switcher opens on hover"
    assert (
        page.locator(f".md-select__link[hreflang={lang}]").get_attribute("aria-current") == "true"
    )
    with page.expect_navigation():
        link.click()
    assert urlsplit(page.url).path == h.article_path(target, "cost-per-call")
    assert page.locator("html").get_attribute("lang") == target
    assert page.locator(".calc[data-calculator='cost-per-call']").count() == 1
    # Every link of the switcher points at this same article.
    hrefs = page.locator(".md-select__link[hreflang]").evaluate_all(
        "links => links.map(a => [a.hreflang, new URL(a.href).pathname])"
    )
    assert hrefs == [[other, h.article_path(other, "cost-per-call")] for other in LANGS]


@pytest.mark.parametrize(("locale", "lang"), [("nl-NL", "nl"), ("nn-NO", "nb"), ("vi", "vi")])
def test_root_redirects_to_the_browser_language(
    new_context: Any, new_page: Any, locale: str, lang: str
) -> None:
    page = new_page(context=new_context(locale=locale))
    page.goto("/")
    page.wait_for_url(re.compile(rf"/{lang}/$"))
    assert page.locator("html").get_attribute("lang") == lang


def test_root_lists_languages_for_an_unsupported_locale(new_context: Any, new_page: Any) -> None:
    page = new_page(context=new_context(locale="ja-JP"))
    page.goto("/", wait_until="commit")
    # A redirect, if the chooser wrongly made one, comes as the page loads: wait, for a bounded time,
    # for a navigation away from "/" that must not happen.
    away = lambda url: urlsplit(url).path != "/"  # noqa: E731
    with pytest.raises(PlaywrightTimeoutError), page.expect_navigation(url=away, timeout=3_000):
        pass
    assert urlsplit(page.url).path == "/"
    links = page.locator("main a[hreflang]")
    assert links.evaluate_all("links => links.map(a => a.hreflang)") == list(LANGS)
    for lang in LANGS:
        link = page.locator(f"main a[hreflang={lang}]")
        assert link.is_visible()
        assert h.catalog(lang)["lang.name"] in (link.text_content() or "")
    page.locator("main a[hreflang=vi]").click()
    page.wait_for_url(re.compile(r"/vi/$"))


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_the_articles(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    page.goto(f"/{lang}/")
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    assert search.evaluate("e => e === document.activeElement"), "'/' focuses the search"
    # Each term searched in one language (every language's index; each index's every article is
    # checked in the built site's search_index.json).
    for calculator in h.turns(lang):
        h.expect_search_hit(
            page, h.catalog(lang)[f"term.{calculator}"], h.article_path(lang, calculator)
        )


@pytest.mark.parametrize("lang", LANGS)
def test_embed_pages_load_cleanly_and_link_to_the_article(
    new_page: Any, allow_console_errors: Any, lang: str
) -> None:
    """The iframe view: only the calculator, no script errors, a link to the full article."""
    allow_console_errors(r"assets/pyodide/")
    page = new_page(lang)
    _block_python(page)
    for calculator in h.turns(lang):  # every embed in one language
        page.goto(h.embed_path(lang, calculator))
        page.wait_for_load_state("load")
        assert page.locator(f".calc[data-calculator='{calculator}']").count() == 1
        for chrome in ("header.md-header", "footer.md-footer", ".md-sidebar--primary"):
            assert page.locator(chrome).is_hidden(), f"{chrome} shows in the embed view"
        link = page.locator(".glossary-embed__source a")
        assert link.text_content() == h.catalog(lang)["embed.open"]
        path = link.evaluate("a => new URL(a.href).pathname")
        assert path == h.article_path(lang, calculator)
        # The theme's scripts have started (not "network idle": the worker may stream its snapshot).
        page.wait_for_function("() => typeof document$ !== 'undefined'")
