"""Fixtures of the real-browser tests: the built site on a local server, one headless Chromium.

- ``site/`` is served as ``make test`` built it, for ``http://127.0.0.1:$TEST_PORT/``; the session's
  start (``tests/conftest.py``) rebuilds a missing, stale or wrongly based one, once.
  ``BROWSER_SITE_DIR`` serves another build instead (it must also be built for the test origin).
- The server is ``scripts/serve.py``'s handler (the MIME types Pyodide needs) on ``127.0.0.1``, one per
  pytest-xdist worker: the first (``gw0``, or the only process) on ``TEST_PORT``, as built; each other
  worker on a free port the system gives it (no clash with another checkout's ``TEST_PORT``), writing
  its own origin where the build wrote ``TEST_PORT``'s (in HTML, XML, JSON and text files that name
  it, as ``subpath.py`` does for a sub-path; no inline script holds the origin, so the pages' CSP
  hashes still hold).
- One browser per worker for the session and one context per language (``locale`` set, clipboard
  allowed), so Pyodide's files come from the HTTP cache after the first page of that language.
  Workers share nothing mutable: each has its own server, browser, contexts and pages.
- Every page made by these fixtures records its requests, console errors and uncaught exceptions; a
  test fails when a page logged a console error or threw during it (see ``allow_console_errors``).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import io
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import browser_helpers as h  # noqa: E402

from tests import site_build  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The origin the site was built for; the first worker serves it there, every other on a free port.
BUILT_ORIGIN = site_build.origin()
PORT = site_build.TEST_PORT if site_build.worker_index() == 0 else 0
SITE = site_build.SITE
#: Files whose text names the origin the site was built for (rewritten for the worker's own).
REWRITTEN = (".html", ".xml", ".json", ".txt")
#: The browser locale of each language's context (what a reader of that language has).
BROWSER_LOCALE = {"nb": "nb-NO", "ru": "ru-RU", "it": "it-IT", "nl": "nl-NL", "vi": "vi-VN"}
DESKTOP = {"width": 1280, "height": 900}


# ---- problems seen in the browser ----------------------------------------------------------------
@dataclass
class Problem:
    kind: str  # "console" or "pageerror"
    url: str
    text: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.url}: {self.text}"


@dataclass
class Monitor:
    """Console errors and uncaught exceptions of every page, and the patterns a test allows."""

    problems: list[Problem] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def watch(self, page: Any) -> Any:
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("console", lambda message: self._console(page, message))
        page.on(
            "pageerror",
            lambda error: self.problems.append(Problem("pageerror", page.url, str(error))),
        )
        return page

    def _console(self, page: Any, message: Any) -> None:
        if message.type == "error":
            location = message.location.get("url") if message.location else ""
            self.problems.append(Problem("console", page.url, f"{message.text} ({location})"))


MONITOR = Monitor()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail a test whose pages logged a console error or threw an uncaught exception."""
    start = len(MONITOR.problems)
    MONITOR.allowed = []
    try:
        result = yield
    except BaseException:
        for problem in MONITOR.problems[start:]:
            print(f"browser: {problem}")  # shown with the failure's captured output
        raise
    new = [
        p
        for p in MONITOR.problems[start:]
        if not any(a.search(p.text) for a in MONITOR.allowed)
        and not (p.url in h.STALL_RETRIES and p.text.startswith(f"calculator: {h.STALLED}"))
    ]
    if new:
        raise AssertionError(
            "the browser reported errors during this test:\n" + "\n".join(f"  {p}" for p in new)
        )
    return result


@pytest.fixture(scope="session")
def watch_page() -> Callable[[Any], Any]:
    """Watch a page made outside ``new_page`` (record its requests, console errors, exceptions)."""
    return MONITOR.watch


@pytest.fixture
def allow_console_errors() -> Callable[[str], None]:
    """Allow console errors matching a regex in this test (e.g. the requests it blocks on purpose)."""
    return lambda pattern: MONITOR.allowed.append(re.compile(pattern))


# ---- the site and its server ---------------------------------------------------------------------
class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser closing a page mid-download resets the connection: not a failure of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _handler(serve: Any, served: list[str]) -> Any:
    """``scripts/serve.py``'s handler, writing this worker's origin (``served[0]``, known once the
    server has its port) where the build wrote ``BUILT_ORIGIN``; unchanged where they are the same."""
    built = BUILT_ORIGIN.encode()

    class Handler(serve.Handler):  # type: ignore[name-defined,misc]
        def send_head(self) -> Any:
            if served[0] == BUILT_ORIGIN:
                return super().send_head()
            file = Path(self.translate_path(self.path))
            if file.is_dir() and self.path.split("?")[0].endswith("/"):
                file = file / "index.html"
            if file.suffix not in REWRITTEN or not file.is_file():
                return super().send_head()
            body = file.read_bytes()
            if built not in body:  # served as the first worker serves it (with Last-Modified)
                return super().send_head()
            body = body.replace(built, served[0].encode())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(file)))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    return Handler


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """The origin serving the built site to this worker (``http://127.0.0.1:$TEST_PORT`` for the first),
    for the whole session."""
    reason = site_build.problem(sources=False)
    if reason is None and site_build.expected_root() != BUILT_ORIGIN + "/":
        reason = (
            f"SITE_URL is {site_build.expected_root()}, but the browser tests serve {BUILT_ORIGIN}/"
        )
    if reason:
        pytest.fail(
            f"{reason}: its absolute links (alternates, sitemaps) would leave the test server. "
            f"Rebuild it with `{site_build.build_command()}` (make test does) or set TEST_PORT to "
            "the port it was built for.",
            pytrace=False,
        )
    spec = importlib.util.spec_from_file_location("_site_serve", ROOT / "scripts" / "serve.py")
    assert spec and spec.loader
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    served: list[str] = []
    handler = functools.partial(_handler(serve, served), directory=str(SITE))
    try:
        server = _Server(("127.0.0.1", PORT), handler)
    except OSError as error:
        pytest.fail(f"cannot serve the site on port {PORT} ({error}); set TEST_PORT to a free port")
    served.append(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield served[0]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


# ---- the browser ---------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser(site_url: str) -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install chromium`)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def new_context(browser: Any, site_url: str) -> Iterator[Callable[..., Any]]:
    """Make a browser context on the test origin (closed at the end of the session)."""
    made: list[Any] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(base_url=site_url, viewport=DESKTOP, **options)
        context.set_default_timeout(15_000)
        made.append(context)
        return context

    yield make
    for context in made:
        with contextlib.suppress(Exception):
            context.close()


@pytest.fixture(scope="session")
def lang_context(new_context: Callable[..., Any], site_url: str) -> Callable[[str], Any]:
    """The shared context of a language: its browser locale, clipboard access granted."""
    contexts: dict[str, Any] = {}

    def get(lang: str) -> Any:
        if lang not in contexts:
            context = new_context(locale=BROWSER_LOCALE[lang])
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
            contexts[lang] = context
        return contexts[lang]

    return get


@pytest.fixture(scope="session")
def fresh_context(new_context: Callable[..., Any]) -> Callable[[str], Any]:
    """A new context with a language's browser locale: empty HTTP cache and Cache Storage, so the
    calculator's worker chooses its start as on a reader's first visit."""
    return lambda lang: new_context(locale=BROWSER_LOCALE[lang])


@pytest.fixture
def new_page(lang_context: Callable[[str], Any]) -> Iterator[Callable[..., Any]]:
    """Open a watched page in a language's context (or in ``context``); closed after the test."""
    pages: list[Any] = []

    def make(lang: str | None = None, context: Any = None) -> Any:
        page = MONITOR.watch((context or lang_context(lang or "nb")).new_page())
        pages.append(page)
        return page

    yield make
    for page in pages:
        with contextlib.suppress(Exception):
            page.close()


@pytest.fixture(scope="session")
def article_page(lang_context: Callable[[str], Any]) -> Iterator[Callable[[str, str], Any]]:
    """The article of ``(lang, calculator)`` with its calculator ready, one page kept per pair.

    Pages open one at a time (several Pythons starting at once can starve a busy 2-core machine past
    the widget's 15-second stall limit). Tests share these pages: a test sets every input it relies
    on, never navigates them away, and gets them back at the desktop size.
    """
    pages: dict[tuple[str, str], Any] = {}

    def get(lang: str, calculator: str) -> Any:
        page = pages.get((lang, calculator))
        if page is None or page.is_closed():
            page = MONITOR.watch(lang_context(lang).new_page())
            page.goto(h.article_path(lang, calculator))
            pages[(lang, calculator)] = page
        page = pages[(lang, calculator)]
        page.bring_to_front()  # a background tab paints rarely: screenshots would crawl
        page.set_viewport_size(DESKTOP)
        h.wait_ready(page)
        return page

    yield get
    for page in pages.values():
        with contextlib.suppress(Exception):
            page.close()
