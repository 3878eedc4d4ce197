"""A reader's numbers survive a language switch, and the root page remembers the language chosen."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import browser_helpers as h
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
QUERY = "costs=76600.5&contacts=9800&period=quarter&currency=EUR"


def _block_python(page: Any) -> None:
    page.route("**/assets/pyodide/**", lambda route: route.abort())


def _switch_to(page: Any, target: str) -> None:
    page.locator(".md-header__option .md-select button").hover()
    link = page.locator(f".md-header__option .md-select__link[hreflang={target}]")
    link.hover()
    with page.expect_navigation():
        link.click()


@pytest.mark.parametrize("lang", ["nb", "vi"])
def test_switcher_carries_the_query_and_the_hash(
    new_page: Any, allow_console_errors: Any, lang: str, site_url: str
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    target = LANGS[(LANGS.index(lang) + 2) % len(LANGS)]
    page = new_page(lang)
    _block_python(page)
    page.goto(h.article_path(lang, "cost-per-contact", QUERY) + "#calculator")
    page.locator(".md-header__option .md-select button").hover()
    link = page.locator(f".md-header__option .md-select__link[hreflang={target}]")
    link.hover()
    # The address the reader sees on hover (and gets with "copy link") already carries the numbers.
    assert link.evaluate("a => a.href") == (
        f"{site_url}{h.article_path(target, 'cost-per-contact', QUERY)}#calculator"
    )
    with page.expect_navigation():
        link.click()
    url = urlsplit(page.url)
    assert (url.path, url.query, url.fragment) == (
        h.article_path(target, "cost-per-contact"),
        QUERY,
        "calculator",
    )
    assert page.locator("html").get_attribute("lang") == target
    # The widget reads them in the new language: the figures are in their fields.
    expect(
        h.field(page, "contacts"), f"{page.url}: the contacts field is filled"
    ).not_to_have_value("")
    assert h.field(page, "currency").input_value() == "EUR"
    assert h.field(page, "period").input_value() == "quarter"


def test_typed_figures_and_their_result_survive_a_switch(new_page: Any) -> None:
    """Figures typed in Norwegian give the same result on the Vietnamese page after a switch."""
    page = new_page("nb")
    page.goto(h.article_path("nb", "cost-per-call"))
    h.wait_ready(page, 40)
    expected = h.fill_example(page, "nb", "cost-per-call", mode="outbound")
    _switch_to(page, "vi")
    assert urlsplit(page.url).path == h.article_path("vi", "cost-per-call")
    h.wait_ready(page, 40)
    h.expect_result(page, "vi", h.DEFAULT_CURRENCY["nb"], expected)
    assert page.locator(".calc input[name='mode'][value='outbound']").is_checked()


def test_switching_on_a_page_without_query_keeps_a_clean_link(
    new_page: Any, allow_console_errors: Any
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    page = new_page("ru")
    _block_python(page)
    page.goto("/ru/")
    _switch_to(page, "it")
    assert urlsplit(page.url).path == "/it/" and not urlsplit(page.url).query


def test_root_remembers_the_language_chosen(
    new_context: Any, new_page: Any, allow_console_errors: Any, site_url: str
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    context = new_context(locale="nl-NL")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = new_page(context=context)
    _block_python(page)
    # First visit: the browser's language.
    page.goto("/")
    page.wait_for_url(re.compile(r"/nl/$"))
    # The visitor can still choose: ?choose lists the languages; the choice is remembered.
    page.goto("/?choose")
    page.locator("main a[hreflang=vi]").click()
    page.wait_for_url(re.compile(r"/vi/$"))
    assert page.evaluate("localStorage.getItem('glossary.lang')") == "vi"
    page.goto("/")
    page.wait_for_url(re.compile(r"/vi/$"))
    # A choice in the header's switcher counts too.
    _switch_to(page, "ru")
    page.goto("/")
    page.wait_for_url(re.compile(r"/ru/$"))
    # ?choose still shows the list, without sending anyone away.
    page.goto("/?choose", wait_until="commit")
    away = lambda url: urlsplit(url).path != "/"  # noqa: E731
    with pytest.raises(PlaywrightTimeoutError), page.expect_navigation(url=away, timeout=3_000):
        pass  # a navigation that must not come, waited for a bounded time
    assert urlsplit(page.url).path == "/"
    assert page.locator("main a[hreflang]").count() == len(LANGS)
    # A stored value that is not a language of the site falls back to the browser's language.
    page.evaluate("localStorage.setItem('glossary.lang', '<script>')")
    page.goto("/")
    page.wait_for_url(re.compile(r"/nl/$"))
    # Nothing is sent anywhere: every request went to the site, none carried the choice.
    assert all(url.startswith(site_url) for url in requests), requests
    assert not [url for url in requests if "glossary.lang" in url or "lang=" in url]


def test_root_works_with_storage_disabled(
    new_context: Any, new_page: Any, allow_console_errors: Any
) -> None:
    """Storage that throws (blocked by the browser) leaves the chooser and the switcher working."""
    # Material's own scripts (palette, search) do not catch it: their uncaught errors are expected.
    allow_console_errors(r"assets/pyodide/|Failed to load resource|^storage blocked$")
    context = new_context(locale="it-IT")
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {"
        " get() { throw new DOMException('storage blocked'); } });"
    )
    page = new_page(context=context)
    _block_python(page)
    page.goto("/")
    page.wait_for_url(re.compile(r"/it/$"))
    page.goto("/?choose")
    page.locator("main a[hreflang=nl]").click()
    page.wait_for_url(re.compile(r"/nl/$"))
    # The switcher still carries the query (it would be dropped if its handler had thrown).
    page.goto(h.article_path("nl", "cost-per-contact", QUERY))
    _switch_to(page, "vi")
    assert page.url.endswith(h.article_path("vi", "cost-per-contact", QUERY))


@pytest.mark.parametrize("lang", ["it", "ru"])
def test_switcher_keeps_the_readers_place(
    new_page: Any, allow_console_errors: Any, lang: str
) -> None:
    """A reader far down at the calculator lands at the calculator of the other language's page,
    not at its top (the section anchors are the same in every language)."""
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    target = LANGS[(LANGS.index(lang) + 1) % len(LANGS)]
    page = new_page(lang)
    _block_python(page)
    page.goto(h.article_path(lang, "service-level", "calls=360&interval=60"))
    page.locator(".calc__results").scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 1000
    _switch_to(page, target)
    assert urlsplit(page.url).fragment == "calculator", page.url
    heading = page.locator("h2#calculator").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= heading < 200, f"{page.url}: the calculator's heading is at {heading} px"
