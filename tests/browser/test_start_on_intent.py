"""Readers pay only for what they use: Python starts when the reader wants the calculator.

- A read-only visit of an article (loaded, a few seconds idle, no interaction) requests nothing of
  Python (no worker, Pyodide, wasm, snapshot, standard library or wheel), and everything it requested
  weighs at most 300 kB with Brotli (each file's Brotli size, computed from the built file, as a host
  sends it).
- An embed in a help-desk page of another origin, below the fold, fetches nothing of Python until
  the reader scrolls to it; then it starts and answers.
- Each intent starts it and it answers: scrolling towards the calculator (it starts before the
  widget is on screen: the margin of calculator.js), a focus in the form, a deep link, a link to
  ``#calculator``.

The bench (part 9) measures the same visit for 20 s for every article; here a few seconds suffice.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import brotli
import browser_helpers as h
import pytest

pytestmark = pytest.mark.browser

#: The built site the tests serve (as in conftest.py).
SITE = Path(os.environ.get("BROWSER_SITE_DIR") or h.ROOT / "site").resolve()

#: A read-only visit may transfer this much in all (Brotli sizes).
BUDGET_BYTES = 300_000
#: How long the read-only visit stays idle after load (the bench waits 20 s).
IDLE_SECONDS = 4
#: The widget's top, in viewport heights, beyond which no start on approach can have fired.
FAR = 2.2

WIDGET_TOP = """() => document.querySelector(".calc[data-calculator]").getBoundingClientRect().top
  / innerHeight"""


@functools.cache
def brotli_size(path: Path) -> int:
    return len(brotli.compress(path.read_bytes(), quality=11))


def site_file(url: str, origin: str) -> Path | None:
    """The built file a same-origin URL serves (a folder's ``index.html``), or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    path = SITE / unquote(parts.path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def transfer(page: Any, origin: str) -> dict[str, int]:
    """Brotli size of each distinct same-origin file the page requested."""
    files = {site_file(url, origin) for url in page.requests}
    return {str(f.relative_to(SITE)): brotli_size(f) for f in files if f is not None}


def wait_started(page: Any, timeout: float = 10) -> None:
    h.wait_until(
        page,
        f"() => !({h.NOT_STARTED})()",
        None,
        lambda: f"{page.url}: Python did not start; calculator {h.describe_state(page)}",
        timeout,
    )


@pytest.mark.parametrize(("lang", "calculator"), [("nb", "cost-per-contact"), ("vi", "occupancy")])
def test_a_read_only_visit_fetches_nothing_of_python(
    fresh_context: Any, watch_page: Any, site_url: str, lang: str, calculator: str
) -> None:
    page = watch_page(fresh_context(lang).new_page())
    page.goto(h.article_path(lang, calculator))
    time.sleep(IDLE_SECONDS)
    assert h.python_requests(page) == []
    assert page.evaluate(h.NOT_STARTED), h.describe_state(page)
    sizes = transfer(page, site_url)
    assert f"{lang}/glossary/{calculator}/index.html" in sizes, sorted(sizes)
    total = sum(sizes.values())
    assert total <= BUDGET_BYTES, (total, sorted(sizes.items(), key=lambda kv: -kv[1])[:8])


def test_scrolling_towards_the_calculator_starts_it_before_it_is_on_screen(
    new_page: Any,
) -> None:
    """A reader scrolling down with the mouse wheel: Python starts while the widget is still below
    the viewport, and the calculator answers with the form's figures."""
    page = new_page("it")
    page.goto(h.article_path("it", "cost-per-call"))
    assert page.evaluate(WIDGET_TOP) > FAR, "the widget starts out of reach"
    page.mouse.move(640, 450)
    while page.evaluate(h.NOT_STARTED):
        assert page.evaluate(WIDGET_TOP) > 1, "the widget came on screen before Python started"
        page.mouse.wheel(0, 120)
        time.sleep(0.1)
    assert page.evaluate(WIDGET_TOP) > 1, "started only once the widget was on screen"
    assert h.python_requests(page)
    h.widget(page).scroll_into_view_if_needed()
    h.wait_ready(page)
    h.fill_example(page, "it", "cost-per-call")


def test_a_focus_in_the_form_starts_it(new_page: Any) -> None:
    """A keyboard reader reaching the first field (its focus, without any scrolling)."""
    page = new_page("ru")
    page.goto(h.article_path("ru", "cost-per-contact"))
    assert page.evaluate(WIDGET_TOP) > FAR
    assert page.evaluate(h.NOT_STARTED)
    page.evaluate(
        "() => document.querySelector('.calc input[name]:not([type=radio])')"
        ".focus({ preventScroll: true })"
    )
    wait_started(page)
    assert page.evaluate(WIDGET_TOP) > FAR, "nothing scrolled: the focus started it"
    h.wait_ready(page)
    h.fill_example(page, "ru", "cost-per-contact")


def test_a_deep_link_starts_it_at_once(new_page: Any) -> None:
    calculator = "cost-per-contact"
    page = new_page("nl")
    page.goto(h.article_path("nl", calculator, h.example_query(calculator)))
    wait_started(page)
    assert page.evaluate("scrollY") == 0 and page.evaluate(WIDGET_TOP) > FAR
    h.wait_ready(page)
    h.expect_rows(page, calculator, h.example_reply(calculator)["result"]["values"])


def test_a_deep_link_shows_its_figures_before_the_page_has_loaded(new_page: Any) -> None:
    """The entry module runs from the head: the widget is shown with the link's figures once the
    parser has passed it, even with Material's bundle (at the end of the body) held back. Python
    waits for the page to be parsed (the worker measures the link on its first download), then
    starts at once and answers."""
    calculator = "service-level"
    held: list[Any] = []
    page = new_page("ru")
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(h.article_path("ru", calculator, h.example_query(calculator)), wait_until="commit")
    h.wait_until(
        page,
        "() => { const w = document.querySelector('.calc[data-calculator]');"
        " return Boolean(w && w.hasAttribute('data-bound') && w.checkVisibility()); }",
        None,
        lambda: "the widget was not shown while the page loaded",
        15,
    )
    assert held and page.evaluate("document.readyState") == "loading"
    calls = h.example(calculator)["calls"]
    assert h.field(page, "calls").input_value() == h.typed(calls, "ru")
    assert h.python_requests(page) == [], "Python started before the page was parsed"
    held[0].continue_()
    wait_started(page)
    h.wait_ready(page)
    h.expect_rows(page, calculator, h.example_reply(calculator)["result"]["values"])


def test_a_link_to_the_calculator_starts_it(new_page: Any) -> None:
    """The table of contents' link to #calculator, and an article opened at #calculator."""
    page = new_page("vi")
    page.goto(h.article_path("vi", "cost-per-contact"))
    assert page.evaluate(h.NOT_STARTED)
    page.locator('.md-sidebar--secondary a[href="#calculator"]').click()
    wait_started(page)
    h.wait_ready(page)
    h.fill_example(page, "vi", "cost-per-contact")

    opened = new_page("vi")
    opened.goto(h.article_path("vi", "cost-per-call") + "#calculator")
    wait_started(opened)
    h.wait_ready(opened)
    h.fill_example(opened, "vi", "cost-per-call")


# ---- the embed below the fold of a help-desk page -----------------------------------------------
@pytest.fixture(scope="module")
def helpdesk(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Iterator[str]:
    """A help-desk server on another port of 127.0.0.1, with a long article and an embed at its
    end; returns the page's URL."""
    folder = tmp_path_factory.mktemp("helpdesk-fold")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="helpdesk-fold", daemon=True).start()
    paragraphs = "".join(f"<p>Paragraph {n} of the help-desk article.</p>" for n in range(120))
    (folder / "index.html").write_text(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Help desk</title><link rel="icon" href="data:,"></head>'
        f"<body><h1>Help-desk article</h1>{paragraphs}"
        f'<iframe id="calc" src="{site_url}{h.embed_path("nb", "cost-per-contact")}" '
        'title="Kalkulator" width="100%" height="1100" style="border:0"></iframe></body></html>',
        encoding="utf-8",
    )
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_an_embed_below_the_fold_fetches_nothing_until_scrolled_to(
    fresh_context: Any, watch_page: Any, helpdesk: str
) -> None:
    page = watch_page(fresh_context("nb").new_page())
    page.goto(helpdesk)
    frame = page.frame_locator("#calc")
    frame.locator(".calc[data-calculator]").wait_for(state="attached")
    time.sleep(IDLE_SECONDS)
    assert any("/embed/cost-per-contact/" in url for url in page.requests), "the embed loaded"
    assert h.python_requests(page) == []
    page.locator("#calc").scroll_into_view_if_needed()
    embed = next(f for f in page.frames if "/embed/" in f.url)
    frame.locator("input[name=costs]").fill("100")
    frame.locator("input[name=contacts]").fill("4")
    key = h.main_key("cost-per-contact")
    h.wait_until(
        embed,
        f"() => document.querySelector('[data-result=\"{key}\"]').dataset.value === '25'",
        None,
        lambda: (
            f"the embed did not answer: {embed.evaluate('document.querySelector(`.calc`).dataset')}"
        ),
        40,
    )
    assert h.python_requests(page)
