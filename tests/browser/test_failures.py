"""When Python cannot start, the article still works: a localized message, the worked example, a retry.

That the pages load nothing from other origins, the worker's requests included, is
tests/browser/test_security.py's (a sample of 22 pages) and tests/site/test_built_site.py's (every page).
"""

from __future__ import annotations

import re
import time
from typing import Any

import browser_helpers as h
import pytest

import calculators

pytestmark = pytest.mark.browser

#: Every file a start needs before Python runs: the standard library (full or trimmed) and the
#: memory snapshot.
STDLIB = re.compile(r"/python_stdlib[^/]*\.zip$|\.snapshot$")

LANGS = h.LANGUAGES
PYODIDE = "**/assets/pyodide/**"


@pytest.fixture(scope="module")
def stalled_page(lang_context: Any, watch_page: Any) -> Any:
    """A Vietnamese article whose Python download never finishes, opened when this module starts.

    It waits out the 15-second stall limit while the other tests of the module run.
    """
    page = watch_page(lang_context("vi").new_page())
    held: list[Any] = []
    # The standard library, full or trimmed, and the snapshot: never answered.
    page.route(STDLIB, lambda route: held.append(route))
    page.add_init_script(h.STATE_LOG)
    page.goto(h.article_path("vi", "cost-per-call"))
    h.approach(page)  # the reader scrolls to the calculator: Python starts (and stalls)
    page.started = time.monotonic()
    yield page
    page.close()


@pytest.fixture(autouse=True)
def _start_stall(stalled_page: Any) -> None:
    """Every test of the module starts the stalled page (the first one really does)."""


@pytest.mark.parametrize("lang", ["ru", "it"])
def test_blocked_python_shows_failure_and_retry_works(
    new_page: Any, allow_console_errors: Any, lang: str
) -> None:
    calculator = h.COST_CALCULATORS[LANGS.index(lang) % 2]
    allow_console_errors(r"assets/pyodide/")
    page = new_page(lang)
    page.route(PYODIDE, lambda route: route.abort())
    started = time.monotonic()
    page.goto(h.article_path(lang, calculator))
    h.wait_state(page, "error", timeout=20)
    assert time.monotonic() - started < 20
    status = page.locator(".calc [data-status-text]")
    assert status.text_content() == h.catalog(lang)["widget.failed"]
    assert status.is_visible()
    retry = page.locator(".calc [data-action=retry]")
    assert retry.is_visible() and retry.text_content() == h.catalog(lang)["widget.retry"]
    tables = page.locator(".glossary-table")
    assert tables.count() >= 1 and tables.first.is_visible(), "the worked example stays readable"
    assert page.locator("#example ~ .glossary-table-wrap .glossary-table").first.is_visible()

    page.unroute(PYODIDE)
    retry.click()
    h.wait_ready(page, timeout=40)
    assert status.text_content() == h.catalog(lang)["widget.ready"]
    assert not retry.is_visible()
    h.fill_example(page, lang, calculator)


def test_blocked_calculator_wheel_fails_cleanly(
    new_page: Any, fresh_context: Any, allow_console_errors: Any
) -> None:
    """Nothing of the wheel's folder loads (the wheel, the memory snapshot, the trimmed standard
    library): the same failure message, then a retry. (A fresh context: a snapshot kept in Cache
    Storage by an earlier test would start Python without that folder.)"""
    allow_console_errors(r"assets/calculators/")
    lang = "it"
    page = new_page(context=fresh_context(lang))
    page.route("**/assets/calculators/**", lambda route: route.abort())
    page.goto(h.article_path(lang, "cost-per-contact"))
    h.wait_state(page, "error", timeout=20)
    assert (
        page.locator(".calc [data-status-text]").text_content() == h.catalog(lang)["widget.failed"]
    )
    page.unroute("**/assets/calculators/**")
    page.locator(".calc [data-action=retry]").click()
    h.wait_ready(page, timeout=40)
    h.fill_example(page, lang, "cost-per-contact")


def test_stalled_python_fails_after_the_stall_limit(stalled_page: Any) -> None:
    """No progress for 15 s: the widget gives up with the localized message and offers a retry."""
    page = stalled_page
    remaining = h.STALL_SECONDS + 8 - (time.monotonic() - page.started)
    h.wait_state(page, "error", timeout=max(remaining, 1))
    states = page.evaluate("window.__calcStates")
    assert states and states[-1][0] == "error", states
    failed_at = states[-1][1] / 1000
    assert failed_at >= h.STALL_SECONDS, f"gave up after {failed_at:.1f} s, before the stall limit"
    assert (
        page.locator(".calc [data-status-text]").text_content() == h.catalog("vi")["widget.failed"]
    )
    assert page.locator(".calc [data-action=retry]").is_visible()
    assert page.locator(".glossary-table").first.is_visible()
    page.unroute(STDLIB)
    page.locator(".calc [data-action=retry]").click()
    h.wait_ready(page, timeout=40)
    h.type_into(page, "costs", h.typed("41300", "vi"))
    h.type_into(page, "calls", h.typed("11800", "vi"))
    h.expect_result(
        page, "vi", "VND", h.money(calculators.cost_per_call_inbound("41300", "11800"), "VND")
    )
