"""Browser measurements with Playwright driving Debian's Chromium (headless, no GPU).

Every time is taken inside the page with ``performance.now()`` (milliseconds since the navigation
started) by ``assets/probe.js``, installed before any page script, so Playwright's own round trips
never count. Pages keep their Content-Security-Policy: page code is only run as functions.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ASSETS = Path(__file__).resolve().parent / "assets"
PROBE = (ASSETS / "probe.js").read_text(encoding="utf-8")
TRACE = (ASSETS / "trace.js").read_text(encoding="utf-8")
TIMEOUT_MS = 120_000
LONG_TASK_MS = 50.0

READ_PROBE = "() => JSON.parse(JSON.stringify(window.__bench || null))"
CALC_DONE = """() => {
  const b = window.__bench;
  const root = document.querySelector('.calc[data-calculator]');
  return (b && b.result !== null) || (root && root.dataset.state === 'error');
}"""
CALC_READY = """() => {
  const root = document.querySelector('.calc[data-calculator]');
  return root && (root.dataset.state === 'ready' || root.dataset.state === 'error');
}"""
BARE_DONE = "() => document.documentElement.dataset.pyodide !== undefined"
FCP_DONE = "() => performance.getEntriesByName('first-contentful-paint').length > 0"
READ_PAINT = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    dcl: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
  };
}"""


def blocking_time(longtasks: list[list[float]], until: float | None) -> float:
    """Total blocking time: the part beyond 50 ms of each long task that starts before ``until``."""
    return sum(
        max(0.0, duration - LONG_TASK_MS)
        for start, duration in longtasks
        if until is None or start < until
    )


class Browser:
    """One Chromium for the whole run; fresh (incognito) contexts for cold visits."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/")
        self.playwright: Playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        self.version = self.browser.version

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.browser.close()
        self.playwright.stop()

    def url(self, path: str) -> str:
        return self.base + path

    @contextlib.contextmanager
    def context(self, trace: bool = False) -> Iterator[BrowserContext]:
        """A fresh context: empty memory cache, no code cache (like a private window)."""
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(PROBE)
        if trace:
            context.add_init_script(TRACE)
        try:
            yield context
        finally:
            context.close()

    @contextlib.contextmanager
    def profile(self) -> Iterator[BrowserContext]:
        """A fresh on-disk profile in its own browser process: HTTP disk cache and V8/Wasm code
        cache, as in a reader's everyday browser (same binary and flags)."""
        with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
            context = self.playwright.chromium.launch_persistent_context(
                folder,
                executable_path=CHROMIUM,
                args=ARGS,
                viewport={"width": 1280, "height": 900},
            )
            context.add_init_script(PROBE)
            try:
                yield context
            finally:
                context.close()

    # ---- 1. article readable ---------------------------------------------------------------------
    def paint(self, path: str) -> dict[str, Any]:
        """First contentful paint (and DOMContentLoaded, load, blocking time until load) of a cold
        load of ``path``."""
        with self.context() as context:
            page = context.new_page()
            page.goto(self.url(path), wait_until="load", timeout=TIMEOUT_MS)
            page.wait_for_function(FCP_DONE, polling=50, timeout=TIMEOUT_MS)
            time.sleep(0.2)  # let the observers deliver the long tasks before load
            paint = page.evaluate(READ_PAINT)
            probe = page.evaluate(READ_PROBE)
            paint["tbt_until_load"] = blocking_time(probe["longtasks"], paint["load"])
            paint["frames"] = probe["frames"]
            return paint

    # ---- 2 and 4. calculator ready, main thread --------------------------------------------------
    def visit(self, page: Page, path: str, kind: str) -> dict[str, Any]:
        """Navigate ``page`` to ``path`` and wait for the calculator's result (``kind`` "calc") or
        for loadPyodide to resolve (``kind`` "bare"); returns in-page timestamps."""
        page.goto(self.url(path), wait_until="commit", timeout=TIMEOUT_MS)
        if kind == "bare":
            page.wait_for_function(BARE_DONE, polling=100, timeout=TIMEOUT_MS)
            bare = page.evaluate("() => window.__bare")
            if bare.get("ready") is None:
                raise RuntimeError(f"bare Pyodide failed: {bare.get('reason')}")
            probe = page.evaluate(READ_PROBE)
            return {
                "ready": bare["ready"],
                "phases": {
                    "worker_start": bare["started"],
                    "pyodide_imported": bare.get("imported"),
                    "pyodide_loaded": bare["ready"],
                },
                "tbt": blocking_time(probe["longtasks"], bare["ready"]),
                "longtasks": probe["longtasks"],
            }
        page.wait_for_function(CALC_DONE, polling=100, timeout=TIMEOUT_MS)
        probe = page.evaluate(READ_PROBE)
        if probe["result"] is None:
            raise RuntimeError(f"calculator failed on {path}: {probe['states']}")
        return {
            "ready": probe["result"],
            "state_ready": probe["ready"],
            "result_text": probe["resultText"],
            "phases": phases(probe),
            "tbt": blocking_time(probe["longtasks"], probe["ready"]),
            "longtasks": probe["longtasks"],
            "frames": [f for f in probe["frames"] if f["start"] < probe["ready"]],
        }

    def retried(self, measure: Callable[[], Any], tries: int = 2) -> Any:
        """``measure()``, once more if the calculator gave up (on a loaded machine a start can pass
        the widget's 15-second stall limit); the retries are counted in ``self.retries``."""
        for attempt in range(tries):
            try:
                return measure()
            except RuntimeError as error:
                if attempt == tries - 1 or "calculator failed" not in str(error):
                    raise
                self.retries = getattr(self, "retries", 0) + 1
                print(f"    (retrying: {error})", flush=True)
        raise AssertionError("unreachable")

    def cold_and_warm(self, path: str, kind: str, profile: bool = False) -> dict[str, Any]:
        return dict(self.retried(lambda: self._cold_and_warm(path, kind, profile)))

    def _cold_and_warm(self, path: str, kind: str, profile: bool = False) -> dict[str, Any]:
        """A cold visit in a fresh context, then a second (warm) visit in the same one.

        With ``profile`` (an on-disk profile) a third visit follows, and each pause is long enough
        for V8 to write its WebAssembly code cache (written about 2 s after tier-up); JavaScript
        code caches are made on the second visit and used from the third."""
        pause = 3.0 if profile else 0.5
        with self.profile() if profile else self.context() as context:
            page = context.new_page()
            result = {"cold": self.visit(page, path, kind)}
            for name in ("warm", "third") if profile else ("warm",):
                time.sleep(pause)
                result[name] = self.visit(page, path, kind)
            return result

    def cold_ready(self, path: str) -> float:
        """Calculator ready (result shown) on a cold visit of ``path`` in a fresh context."""

        def measure() -> float:
            with self.context() as context:
                return float(self.visit(context.new_page(), path, "calc")["ready"])

        return float(self.retried(measure))

    # ---- 3. recompute ----------------------------------------------------------------------------
    def recompute(self, path: str, keystrokes: int, warmup: int = 5) -> dict[str, list[Any]]:
        """Milliseconds from each digit's input event to the changed result text (in the page):
        ``total``, split into ``before`` (input event to the message to the worker), ``worker``
        (until the result message arrives) and ``render`` (until the result text changed).

        Each digit is one ``page.keyboard.type`` at the end of the costs field; Backspace (not
        timed) restores the value, so every digit changes the result.

        Then ``idle_round_trips``: the same request sent straight to the worker 20 times, 50 ms
        apart, with no keystroke around it: the worker's own cost (compute and messaging)."""
        with self.context(trace=True) as context:
            page = context.new_page()
            self.retried(lambda: self.visit(page, path, "calc"))
            page.evaluate(INSTALL_RECOMPUTE)
            field = ".calc[data-calculator] input[name='costs']"
            page.focus(field)
            page.keyboard.press("End")
            baseline = page.evaluate("() => document.querySelector('[data-result]').textContent")
            measured = 0
            for index in range(warmup + keystrokes):
                label = "digit" if index >= warmup else "warmup"
                page.evaluate("(label) => { window.__recompute.label = label; }", label)
                page.keyboard.type(str(1 + index % 9))
                if label == "digit":
                    measured += 1
                page.wait_for_function(
                    "(n) => window.__recompute.samples.digit.length >= n && !window.__recompute.pending",
                    arg=measured,
                    polling=5,
                    timeout=TIMEOUT_MS,
                )
                page.evaluate("() => { window.__recompute.label = 'reset'; }")
                page.keyboard.press("Backspace")
                page.wait_for_function(
                    "(text) => document.querySelector('[data-result]').textContent === text"
                    " && !window.__recompute.pending",
                    arg=baseline,
                    polling=5,
                    timeout=TIMEOUT_MS,
                )
            samples = list(page.evaluate("() => window.__recompute.samples.digit"))
            idle = page.evaluate(IDLE_ROUND_TRIPS, 20)
            return {"keystrokes": samples, "idle_round_trips": idle}

    # ---- 5. bytes --------------------------------------------------------------------------------
    def two_visits(self, path: str, settle: Callable[[], None]) -> list[dict[str, Any]]:
        """A first and a repeat visit of ``path`` in one fresh context, each until the widget is ready
        and ``settle`` (network quiet) returns; the page's probe data of each."""
        results = []
        with self.context() as context:
            page = context.new_page()
            for _ in range(2):
                page.goto(self.url(path), wait_until="commit", timeout=TIMEOUT_MS)
                page.wait_for_function(CALC_READY, polling=100, timeout=TIMEOUT_MS)
                settle()
                probe = page.evaluate(READ_PROBE)
                probe["tbt"] = blocking_time(probe["longtasks"], probe["ready"])
                results.append(probe)
        return results

    def bare_visit(self, path: str, settle: Callable[[], None]) -> None:
        """A first visit of the bare Pyodide page in a fresh context, until Pyodide started and
        ``settle`` (network quiet) returns."""
        with self.context() as context:
            page = context.new_page()
            page.goto(self.url(path), wait_until="commit", timeout=TIMEOUT_MS)
            page.wait_for_function(BARE_DONE, polling=100, timeout=TIMEOUT_MS)
            settle()

    # ---- 9. what readers pay -------------------------------------------------------------------
    def read_only(self, paths: list[str], idle: float) -> dict[str, list[str]]:
        """Each of ``paths`` loaded in its own fresh context, all at once, then left ``idle``
        seconds with no interaction: the URLs each requested (its frames and workers included)."""
        requested: dict[str, list[str]] = {}
        with contextlib.ExitStack() as stack:
            for path in paths:
                context = stack.enter_context(self.context())
                page = context.new_page()
                requested[path] = []
                page.on("request", lambda request, path=path: requested[path].append(request.url))
                page.goto(self.url(path), wait_until="load", timeout=TIMEOUT_MS)
            time.sleep(idle)
        return requested

    def scroll_to_result(self, paths: list[str], pace: float) -> list[dict[str, Any]]:
        """Read ``paths`` one after the other in one fresh context (the first cold, the next with
        what the first kept), each scrolled from the top at ``pace`` pixels a second; when the
        calculator's section (its heading) enters the viewport the reader types the figures of
        ``READER_FIGURES`` at once. In-page times of each: section visible, Python asked to start,
        first result."""
        visits = []
        with self.context() as context:
            page = context.new_page()
            for path in paths:
                page.goto(self.url(path), wait_until="load", timeout=TIMEOUT_MS)
                page.evaluate(SCROLL_AND_TYPE, [pace, READER_FIGURES])
                page.wait_for_function(CALC_DONE, polling=100, timeout=TIMEOUT_MS)
                probe = page.evaluate(READ_PROBE)
                reader = page.evaluate("() => window.__reader")
                if probe["result"] is None:
                    raise RuntimeError(f"calculator failed on {path}: {probe['states']}")
                visits.append(
                    {
                        "path": path,
                        "visible": reader["visible"],
                        "started": next((at for s, at in probe["states"] if s == "loading"), None),
                        "result": probe["result"],
                        "visible_to_result": probe["result"] - reader["visible"],
                        "phases": phases(probe),
                    }
                )
        return visits


#: What the scrolling reader types when the calculator comes into view (name: canonical value).
READER_FIGURES = {"costs": "76600", "contacts": "9800", "calls": "9800"}

#: Scroll from the top at ``pace`` px/s (20 steps a second) until the calculator's heading is in
#: the viewport; then type the figures into the fields there are (input events, as typing fires).
SCROLL_AND_TYPE = """([pace, figures]) => new Promise((resolve) => {
  scrollTo(0, 0);
  const heading = document.getElementById("calculator");
  window.__reader = { visible: null };
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    clearInterval(timer);
    window.__reader.visible = performance.now();
    for (const [name, value] of Object.entries(figures)) {
      const input = document.querySelector(`.calc input[name="${name}"]`);
      if (!input) continue;
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    resolve();
  });
  const timer = setInterval(() => scrollBy(0, pace / 20), 50);
  observer.observe(heading);
})"""


INSTALL_RECOMPUTE = """() => {
  const out = document.querySelector('[data-result]');
  const r = (window.__recompute = { label: 'warmup', pending: null, samples: { warmup: [], digit: [], reset: [] } });
  document.addEventListener('input', () => {
    r.pending = { t0: performance.now(), before: out.textContent, label: r.label };
  }, true);
  new MutationObserver(() => {
    const p = r.pending;
    if (p && out.textContent !== p.before) {
      const now = performance.now();
      const t = window.__trace || {};
      const traced = t.sent !== null && t.sent >= p.t0 && t.received >= t.sent;
      r.samples[p.label].push({
        total: now - p.t0,
        before: traced ? t.sent - p.t0 : null,
        worker: traced ? t.received - t.sent : null,
        render: traced ? now - t.received : null,
      });
      r.pending = null;
    }
  }).observe(out, { childList: true, characterData: true, subtree: true });
}"""


IDLE_ROUND_TRIPS = """async (count) => {
  const worker = window.__trace.worker;
  const request = window.__trace.request;
  const times = [];
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    times.push(await new Promise((resolve) => {
      const id = -1 - i;
      const started = performance.now();
      const listener = ({ data }) => {
        if (data.type === 'result' && data.id === id) {
          worker.removeEventListener('message', listener);
          resolve(performance.now() - started);
        }
      };
      worker.addEventListener('message', listener);
      worker.postMessage({ type: 'compute', id, request });
    }));
  }
  return times;
}"""


def phases(probe: dict[str, Any]) -> dict[str, float | None]:
    """Timestamps of the widget's start-up from its progress bar and state (see calculator-worker.js:
    5 % worker running, 20 % pyodide.mjs and pyodide.asm.mjs imported; from the snapshot 50 % the
    snapshot fetched and its header checked, 60 % the wasm downloaded, 90 % restored; on a normal
    start 40 % the standard library and 60 % the wasm downloaded, 80 % loadPyodide resolved; 95 %
    the wheel or the restored modules in place). Missing steps are None."""
    progress: dict[int, float] = {}
    for value, at in probe["progress"]:
        progress.setdefault(int(value), at)
    loading = next((at for state, at in probe["states"] if state == "loading"), None)
    return {
        "worker_start": loading,
        "worker_running": progress.get(5),
        "pyodide_imported": progress.get(20),
        "snapshot_fetched": progress.get(50),
        "stdlib_fetched": progress.get(40),
        "wasm_fetched": progress.get(60),
        "restored": progress.get(90),
        "pyodide_loaded": progress.get(80),
        "wheel_loaded": progress.get(95),
        "module_imported": probe["ready"],
        "result": probe["result"],
    }
