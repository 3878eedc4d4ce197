"""Readers search by the abbreviation the field uses (AHT, FCR) as often as by the local name: each
language's own search index finds the article by both."""

from __future__ import annotations

from typing import Any

import browser_helpers as h
import pytest

pytestmark = pytest.mark.browser

#: Abbreviations the articles keep in every language (the content brief) and the article they name.
ABBREVIATIONS = {"AHT": "average-handle-time", "FCR": "first-contact-resolution"}


@pytest.mark.parametrize("lang", h.LANGUAGES)
def test_search_finds_articles_by_abbreviation(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    page.route("**/assets/pyodide/**", lambda route: route.abort())  # search only: no Python
    page.goto(f"/{lang}/")
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    for abbreviation, calculator in ABBREVIATIONS.items():
        search.fill("")
        search.press_sequentially(abbreviation)
        wanted = h.article_path(lang, calculator)
        h.wait_until(
            page,
            """wanted => [...document.querySelectorAll(".md-search-result__item a")]
              .some((a) => new URL(a.href).pathname === wanted)""",
            wanted,
            lambda abbreviation=abbreviation, wanted=wanted: (
                f"searching {abbreviation!r} in {lang} found no link to {wanted}"
            ),
            10,
        )
