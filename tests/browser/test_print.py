"""The Print button gives one A4 page: every calculator, every group open, the longest language.

Counted in Chromium's own PDF (``page.pdf``), as a reader's "Save as PDF" would make it. On the same
page, before printing, the calculator's formula is shown filled with the reader's numbers.
"""

from __future__ import annotations

import re
from typing import Any

import browser_helpers as h
import pytest
from playwright.sync_api import expect

from calculators.kpis import SPECS

pytestmark = pytest.mark.browser

#: The language whose print views are tallest (measured: Russian, then Vietnamese).
LONGEST = "ru"


def _pages(page: Any) -> int:
    page.evaluate(
        "() => document.querySelectorAll('.calc details').forEach((d) => { d.open = true; })"
    )
    page.evaluate("() => { window.print = () => {}; }")  # the button's own path, without the dialog
    page.locator(".calc [data-action='print']").click()
    pdf = page.pdf(format="A4")
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def _open(page: Any, lang: str, calculator: str) -> None:
    page.goto(h.article_path(lang, calculator, h.example_query(calculator)) + "#calculator")
    h.wait_ready(page)
    page.locator(f".calc [data-result='{h.main_key(calculator)}'][data-value]").wait_for()


def _formula_is_filled(page: Any, calculator: str) -> None:
    """The formula with the reader's numbers: no placeholder left, ending in the shown figure."""
    formula = page.locator(".calc [data-formula]")
    expect(formula).to_be_visible()
    text = formula.inner_text()
    assert "{" not in text and "=" in text, text
    row = SPECS[calculator].formula[0].result
    shown = page.locator(f".calc [data-result='{row}']").text_content() or ""
    assert text.endswith(shown) or shown in text, (text, shown)
    assert h.page_text_problems(page) == [], h.page_text_problems(page)


@pytest.mark.parametrize("calculator", h.CALCULATORS)
def test_every_calculator_prints_on_one_page(new_page: Any, calculator: str) -> None:
    page = new_page(LONGEST)
    _open(page, LONGEST, calculator)
    if SPECS[calculator].formula:
        _formula_is_filled(page, calculator)
    assert _pages(page) == 1


@pytest.mark.parametrize("lang", [lang for lang in h.LANGUAGES if lang != LONGEST])
def test_the_tallest_calculator_prints_on_one_page(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    _open(page, lang, "cost-per-contact")
    assert _pages(page) == 1
