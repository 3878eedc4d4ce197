"""Screenshots for a human look, saved under test-artifacts/screenshots/ (gitignored).

Each article, in turn in each language, at phone (390×844) width and, each calculator in one
language, at desktop (1280×900) width, with a result in the calculator: nothing may be wider than
the screen, and with ``SCREENSHOTS=1`` (``make screenshots``) the full page is saved; and the widget
alone while ready (idle), with a result, and failed, always saved.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import browser_helpers as h
import pytest

pytestmark = pytest.mark.browser

#: Every calculator once, in turn in each language (every language comes up at least once).
PAIRS = [(h.LANGUAGES[i % len(h.LANGUAGES)], calc) for i, calc in enumerate(h.CALCULATORS)]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
MIN_BYTES = 10_000
#: Whether the articles' full-page pictures are saved (tall pages: most of this module's time).
SAVE_PAGES = os.environ.get("SCREENSHOTS", "") not in ("", "0")


def shoot_widget(page: Any, path: Path) -> Path:
    """The widget alone, cut from a full-page capture of the page scrolled to the top (so Material's
    sticky header stays at the top of the page instead of covering the widget)."""
    page.bring_to_front()
    page.mouse.move(0, 0)  # no hover effect on a button the test clicked
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    box = h.widget(page).evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }"
    )
    page.screenshot(path=str(path), full_page=True, clip=box)
    return saved(path)


def saved(path: Path) -> Path:
    assert path.exists(), f"{path} was not written"
    size = path.stat().st_size
    assert size > MIN_BYTES, f"{path.name} is only {size} bytes: probably blank"
    return path


@pytest.fixture(scope="session")
def shots() -> Path:
    h.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return h.SCREENSHOTS


@pytest.mark.parametrize("pair", PAIRS, ids="-".join)
def test_article_screenshots(article_page: Any, shots: Path, pair: tuple[str, str]) -> None:
    lang, calculator = pair
    page = article_page(lang, calculator)
    h.show_example(page, lang, calculator)
    page.mouse.move(0, 0)
    # Every page at phone width; at desktop width each calculator in one language (they take turns).
    desktop = h.LANGUAGES[h.CALCULATORS.index(calculator) % len(h.LANGUAGES)] == lang
    try:
        for name, size in SIZES.items():
            if name == "desktop" and not desktop:
                continue
            page.set_viewport_size(size)
            page.evaluate("window.scrollTo(0, 0)")
            # Material's header and hover transitions have ended once nothing animates.
            page.wait_for_function(
                "() => document.getAnimations().every((a) => a.playState !== 'running')"
            )
            # Nothing may be wider than the screen: a phone reader would have to scroll sideways.
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if SAVE_PAGES:
                path = shots / f"article-{lang}-{calculator}-{name}.png"
                page.screenshot(path=str(path), full_page=True)
                saved(path)
            assert overflow <= 0, f"{name}: the page is {overflow}px wider than the viewport"
    finally:
        page.set_viewport_size(SIZES["desktop"])


@pytest.mark.parametrize("lang", ["nb", "vi"])
def test_widget_state_screenshots(
    new_page: Any, allow_console_errors: Any, shots: Path, lang: str
) -> None:
    allow_console_errors(r"assets/pyodide/")
    calculator = h.CALCULATORS[h.LANGUAGES.index(lang) % len(h.CALCULATORS)]
    page = new_page(lang)
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(h.article_path(lang, calculator))
    h.wait_state(page, "error", timeout=20)
    shoot_widget(page, shots / f"widget-{lang}-{calculator}-error.png")

    page.unroute("**/assets/pyodide/**")
    page.locator(".calc [data-action=retry]").click()
    h.wait_ready(page, timeout=40)
    shoot_widget(page, shots / f"widget-{lang}-{calculator}-idle.png")

    h.show_example(page, lang, calculator)
    # Open the optional groups too, so their labels are in the picture.
    h.open_groups(page)
    page.locator(".calc [data-action=embed]").click()
    shoot_widget(page, shots / f"widget-{lang}-{calculator}-result.png")
