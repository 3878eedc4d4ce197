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
    for abbreviation, calculator in ABBREVIATIONS.items():
        h.expect_search_hit(page, abbreviation, h.article_path(lang, calculator))
