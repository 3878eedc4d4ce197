"""No English UI string on a non-English page as the reader sees it, after Material's scripts ran.

The built-site test (``tests/site/test_chrome.py``) reads the HTML files; this one reads the live
page after the theme's scripts have added their parts (search results, clipboard buttons, the
back-to-top button), with the search open on a query.
"""

from __future__ import annotations

from typing import Any

import browser_helpers as h
import pytest
from bs4 import BeautifulSoup

from tests.site.test_chrome import english_in  # the same list and scan

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", h.LANGUAGES)
def test_live_pages_show_no_english_chrome(
    new_page: Any, allow_console_errors: Any, lang: str
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    page = new_page(lang)
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(h.article_path(lang, "cost-per-contact"))
    page.mouse.wheel(0, 2500)
    page.mouse.wheel(0, -300)  # scrolling up shows the back-to-top button
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    search.press_sequentially(h.catalog(lang)["term.cost-per-call"])
    page.locator(".md-search-result__item").first.wait_for()
    found = english_in(BeautifulSoup(page.content(), "html.parser"))
    assert not found, f"{lang}: English UI strings on the live page:\n" + "\n".join(found)
    meta = page.locator(".md-search-result__meta").text_content() or ""
    assert meta.strip() and "matching" not in meta
