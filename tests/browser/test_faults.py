"""Failure injection: Python's files broken in transit, a slow network, a worker policy that forbids wasm.

Each case breaks one thing with ``page.route`` on a fresh article page and expects what the README
promises: the widget gives up with ``widget.failed`` from the page's own catalog within its limit
(15 s without progress, plus a margin), the article and its worked example stay readable, no
traceback or technical text reaches the page, and once the fault is gone the retry button starts
Python and the calculator computes.

All fault pages are opened when the module starts, so the cases that end by the stall limit wait it
out side by side; the cases are spread over three languages and six calculators (the two cost
calculators have theirs in test_failures.py). After the retry each computes its worked example.

Outcomes seen in Chromium (each test's docstring says which it asserts):

- ``pyodide.asm.wasm`` 404, or served as ``text/plain``, or forbidden by the worker's CSP: Pyodide
  logs a warning and its start never settles (its own wasm loader has no ArrayBuffer fallback), so the
  widget's stall limit ends it.
- ``python_stdlib.zip`` 404 and the wheel 404: the worker reports the failure at once. (Both with the
  memory snapshot unavailable too: restored from it, Python needs neither; test_snapshot.py tests
  the snapshot's own failures.) Each fault page has a fresh context, so no snapshot kept in Cache
  Storage by an earlier test hides the fault.
- Every Pyodide file held until the widget gives up (longer than its 15 s limit): the stall limit
  ends it.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import browser_helpers as h
import pytest

pytestmark = pytest.mark.browser

#: The widget's limit plus a margin for a loaded 2-core machine (the limit runs from the last
#: progress, which includes the standard library's and the wasm's downloads completing).
LIMIT_SECONDS = h.STALL_SECONDS + 12
#: Text that must never reach the reader, whatever broke.
TECHNICAL = re.compile(
    r"Traceback|PythonError|CompileError|TypeError|Error:|pyodide\.asm|python_stdlib|\.whl|"
    r"application/wasm|Content Security Policy|status code"
)


@dataclass
class Fault:
    lang: str
    calculator: str
    pattern: str | re.Pattern[str]
    handler: Callable[[Any], None]
    #: Console errors this fault may cause (whatever else the page logs is a failure).
    expected_console: str = r"$^"
    held: list[tuple[float, Any]] = field(default_factory=list)


def not_found(route: Any) -> None:
    route.fulfill(status=404, content_type="text/plain", body="not found")


def wrong_type(route: Any) -> None:
    """The real bytes of the file with ``Content-Type: text/plain``."""
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-type"}
    route.fulfill(response=response, headers=headers | {"content-type": "text/plain"})


def no_wasm_policy(route: Any) -> None:
    """The real worker script with a CSP header that allows scripts from the site but not wasm."""
    response = route.fetch()
    route.fulfill(
        response=response,
        headers=response.headers | {"content-security-policy": "script-src 'self'"},
    )


def make_faults() -> dict[str, Fault]:
    faults = {
        "wasm-404": Fault("nb", "occupancy", "**/pyodide.asm.wasm", not_found),
        "wasm-text-plain": Fault("ru", "service-level", "**/pyodide.asm.wasm", wrong_type),
        "stdlib-404": Fault(
            "vi",
            "first-contact-resolution",
            re.compile(r"/python_stdlib[^/]*\.zip$|\.snapshot$"),
            not_found,
            r"python_stdlib[^/]*\.zip|standard library|\.snapshot",
        ),
        "wheel-404": Fault(
            "nb",
            "abandonment-rate",
            re.compile(r"/assets/calculators/.*\.(whl|snapshot)$"),
            not_found,
            r"calculators-.*\.whl|\.snapshot",
        ),
        "worker-csp-without-wasm": Fault(
            "ru", "average-handle-time", "**/calculator-worker.js", no_wasm_policy
        ),
    }
    slow = Fault("vi", "cost-per-resolution", "**/assets/pyodide/**", lambda route: None)
    slow.handler = lambda route: slow.held.append((time.monotonic(), route))  # released later
    faults["slow-network"] = slow
    return faults


def release(fault: Fault) -> None:
    """Let the held requests through (the worker that asked may be gone)."""
    for _, route in fault.held:
        with contextlib.suppress(Exception):
            route.continue_()
    fault.held.clear()


@pytest.fixture(scope="module")
def faulty(fresh_context: Any) -> Any:
    """Every fault's page, opened at once when the module starts (the stall limits run in parallel).

    The pages are not watched by the suite's monitor: their console errors are expected and are
    checked per case here (they would otherwise be charged to whichever test is running).
    """
    faults = make_faults()
    pages = {}
    for name, fault in faults.items():
        page = fresh_context(fault.lang).new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda m, page=page: m.type == "error" and page.console_errors.append(m.text),
        )
        page.on("pageerror", lambda e, page=page: page.console_errors.append(str(e)))
        page.add_init_script(h.STATE_LOG)
        page.route(fault.pattern, fault.handler)
        page.started = time.monotonic()
        page.goto(h.article_path(fault.lang, fault.calculator))
        h.approach(page)  # the reader scrolls to the calculator: Python starts and meets the fault
        pages[name] = (fault, page)
    yield pages
    for fault, page in pages.values():
        release(fault)
        with contextlib.suppress(Exception):
            page.close()


def fails_then_recovers(faulty: Any, name: str) -> dict[str, Any]:
    fault, page = faulty[name]
    lang = fault.lang
    catalog = h.catalog(lang)
    remaining = LIMIT_SECONDS - (time.monotonic() - page.started)
    h.wait_state(page, "error", max(remaining, 0.5))
    states = page.evaluate("window.__calcStates")
    failed_at = states[-1][1] / 1000
    assert states[-1][0] == "error" and failed_at <= LIMIT_SECONDS, states

    status = page.locator(".calc [data-status-text]")
    assert status.text_content() == catalog["widget.failed"]
    assert status.is_visible()
    retry = page.locator(".calc [data-action=retry]")
    assert retry.is_visible() and retry.text_content() == catalog["widget.retry"]
    assert page.locator("article h1").first.is_visible()
    example = page.locator(".glossary-table")
    assert example.count() >= 1 and example.first.is_visible(), "the worked example stays visible"
    text = page.locator("body").inner_text()
    assert not TECHNICAL.search(text), f"technical text on the page: {TECHNICAL.search(text)}"
    unexpected = [e for e in page.console_errors if not re.search(fault.expected_console, e)]
    assert not unexpected, f"console errors this fault does not explain: {unexpected}"

    # The fault goes away: the retry starts Python and the calculator computes.
    page.unroute(fault.pattern)
    release(fault)
    retry.click()
    h.wait_ready(page, 40)
    assert status.text_content() == catalog["widget.ready"]
    assert not retry.is_visible()
    h.show_example(page, lang, fault.calculator)
    print(
        f"{name} ({lang}, {fault.calculator}): error {failed_at:.1f} s after navigation, then ready"
    )
    return {"failed_at": failed_at, "states": states}


def test_stdlib_404(faulty: Any) -> None:
    """``python_stdlib.zip`` answers 404: the worker reports the failure well before the stall limit."""
    outcome = fails_then_recovers(faulty, "stdlib-404")
    assert outcome["failed_at"] < h.STALL_SECONDS, outcome


def test_wheel_404(faulty: Any) -> None:
    """The calculators wheel answers 404: Pyodide starts, the wheel fails, the widget says so at once."""
    outcome = fails_then_recovers(faulty, "wheel-404")
    assert outcome["failed_at"] < h.STALL_SECONDS, outcome


def test_wasm_404(faulty: Any) -> None:
    """``pyodide.asm.wasm`` answers 404: Pyodide only warns and never settles; the stall limit ends it."""
    fails_then_recovers(faulty, "wasm-404")


def test_wasm_served_as_text_plain(faulty: Any) -> None:
    """The real ``pyodide.asm.wasm`` with ``Content-Type: text/plain``.

    Not tolerated: Pyodide compiles wasm with ``WebAssembly.instantiateStreaming``, which refuses a
    response that is not ``application/wasm``, and its loader has no ArrayBuffer fallback; the start
    never settles and the stall limit ends it. (So hosts must send the README's MIME types.)
    """
    fails_then_recovers(faulty, "wasm-text-plain")


def test_worker_policy_without_wasm(faulty: Any) -> None:
    """The worker script arrives with ``Content-Security-Policy: script-src 'self'`` (no
    ``'wasm-unsafe-eval'``): compiling Pyodide is refused inside the worker; the stall limit ends it."""
    fails_then_recovers(faulty, "worker-csp-without-wasm")


def test_slow_network(faulty: Any) -> None:
    """Every Pyodide file is held past the stall limit: no progress for 15 s, so the widget gives up
    at its limit (not before it), and starts normally once the network is fast again."""
    outcome = fails_then_recovers(faulty, "slow-network")
    assert outcome["failed_at"] >= h.STALL_SECONDS, outcome
