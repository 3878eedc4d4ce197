"""Fixtures of the real-browser tests: the built site on a local server, one headless Chromium.

- ``site/`` is served as it is (``make test`` has just built it with ``SITE_URL`` pointing at the test
  server); it is built here, with the same command, only when ``site/index.html`` is missing.
  ``BROWSER_SITE_DIR`` serves another build instead (it must also be built for the test origin).
- The server is ``scripts/serve.py``'s handler (the MIME types Pyodide needs) on ``127.0.0.1:$TEST_PORT``.
- One browser for the session and one context per language (``locale`` set, clipboard allowed), so
  Pyodide's files come from the HTTP cache after the first page of that language.
- Every page made by these fixtures records its requests, console errors and uncaught exceptions; a
  test fails when a page logged a console error or threw during it (see ``allow_console_errors``).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import os
import re
import subprocess
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
PORT = int(os.environ.get("TEST_PORT", "8123"))
ORIGIN = f"http://127.0.0.1:{PORT}"
SITE = Path(os.environ.get("BROWSER_SITE_DIR") or ROOT / "site").resolve()
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


def _built_origin(index: Path) -> str | None:
    match = re.search(r'<link rel="canonical" href="([^"]+)"', index.read_text(encoding="utf-8"))
    return match.group(1).rstrip("/") if match else None


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """The origin serving the built site (``http://127.0.0.1:$TEST_PORT``), for the whole session."""
    index = SITE / "index.html"
    if not index.exists():
        subprocess.run(
            [sys.executable, "-m", "scripts.build_site", "--site", str(SITE)],
            check=True,
            cwd=ROOT,
            env=os.environ | {"SITE_URL": ORIGIN + "/", "NO_MKDOCS_2_WARNING": "1"},
        )
    built = _built_origin(index)
    if built != ORIGIN:
        pytest.fail(
            f"{SITE} was built for {built}, but the browser tests serve it at {ORIGIN}: its absolute "
            f"links (alternates, sitemaps) would leave the test server. Rebuild it with "
            f"`SITE_URL={ORIGIN}/ .venv/bin/python -m scripts.build_site --no-compress` (make test does) or "
            f"set TEST_PORT to the port it was built for."
        )
    spec = importlib.util.spec_from_file_location("_site_serve", ROOT / "scripts" / "serve.py")
    assert spec and spec.loader
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    handler = functools.partial(serve.Handler, directory=str(SITE))
    try:
        server = _Server(("127.0.0.1", PORT), handler)
    except OSError as error:
        pytest.fail(f"cannot serve the site on port {PORT} ({error}); set TEST_PORT to a free port")
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield ORIGIN
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
