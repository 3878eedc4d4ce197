"""The calculator's fast start from a memory snapshot: its choice per visit, its fallbacks, its bytes.

Every case opens a deep link in a fresh context (no HTTP cache, no Cache Storage), as a reader's
first visit, and tells the start the worker took from its requests: the normal start fetches the
calculators wheel, a start from the snapshot does not.

- A healthy snapshot on a fast link (localhost) is used: no wheel fetch, the right result. Once the
  reader uses the calculator it is kept in Cache Storage and the next page starts from it.
- The four failures seen (a 404, a truncated file, a bad header, a snapshot of another Pyodide
  build) each fall back to the normal start and answer, the widget never giving up: the stall limit
  (15 s without progress) never fires. (Bad headers and other builds are refused before Pyodide
  is instantiated, so the fallback costs one wasm compilation, not two.)
- Bytes, counted as a host sends them (each file's Brotli size when the build wrote a ``.br``,
  otherwise compressed here): on a slow link (``pyodide.asm.mjs`` held back, so the worker measures a
  slow link) a first visit that computes transfers no more than a bare Pyodide page (Pyodide's own
  files, the full standard library); on a fast link it transfers no more than that plus the
  snapshot.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import struct
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import browser_helpers as h
import pytest

pytestmark = pytest.mark.browser

#: The built site the tests serve (as in conftest.py).
SITE = Path(os.environ.get("BROWSER_SITE_DIR") or h.ROOT / "site").resolve()
LANG, CALCULATOR = "nb", "cost-per-contact"
QUERY = "costs=100&contacts=4&currency=USD"
SNAPSHOT = re.compile(r"/assets/calculators/[^/]+/pyodide-[^/]+\.snapshot$")
WHEEL = re.compile(r"\.whl$")
#: Pyodide's snapshot header: magic (uint32), header size, JSON size, 0, then the build id.
BUILD_ID_OFFSET = 16
#: How long a start may take in all on a loaded 2-core machine (the stall limit is per step).
LIMIT_SECONDS = 40


def snapshot_file() -> Path:
    found = sorted(SITE.glob("assets/calculators/*/pyodide-*.snapshot"))
    assert found, f"no snapshot in {SITE}/assets/calculators/: build the site"
    return found[-1]


@functools.cache
def snapshot_bytes() -> bytes:
    return snapshot_file().read_bytes()


def truncated() -> bytes:
    return snapshot_bytes()[: len(snapshot_bytes()) // 2]


def bad_header() -> bytes:
    data = bytearray(snapshot_bytes())
    data[0:4] = b"\0\0\0\0"
    return bytes(data)


def other_build() -> bytes:
    data = bytearray(snapshot_bytes())
    (size,) = struct.unpack_from("<I", data, 4)
    assert size > BUILD_ID_OFFSET + 32
    data[BUILD_ID_OFFSET : BUILD_ID_OFFSET + 32] = b"0" * 32
    return bytes(data)


#: Where the broken snapshots are written, inside the served site (removed after the module).
FAULTS = SITE / "__snapshot-faults__"


@pytest.fixture(scope="module", autouse=True)
def _remove_faults() -> Any:
    yield
    shutil.rmtree(FAULTS, ignore_errors=True)


def serve(body: Callable[[], bytes]) -> Callable[[Any], None]:
    """Send the request on to a broken copy written into the site (Playwright's fulfill sends a
    31 MB body far too slowly through the DevTools protocol)."""
    path = FAULTS / f"{body.__name__}.snapshot"

    def handler(route: Any) -> None:
        if not path.exists():
            FAULTS.mkdir(exist_ok=True)
            path.write_bytes(body())
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(route.request.url))
        route.continue_(url=f"{origin}/{path.relative_to(SITE).as_posix()}")

    return handler


def open_deep_link(context: Any, watch_page: Any) -> Any:
    page = watch_page(context.new_page())
    page.add_init_script(h.STATE_LOG)
    page.started = time.monotonic()
    page.goto(h.article_path(LANG, CALCULATOR, QUERY))
    return page


def answered(page: Any, timeout: float = LIMIT_SECONDS) -> float:
    """Wait for the deep link's result; fail if the widget ever showed the error state (but for a
    stalled start that was retried, see ``h.wait_ready``)."""
    h.wait_ready(page, timeout)
    h.expect_result(page, LANG, "USD", "25")
    failures = [f for state, _, f in page.evaluate("window.__calcStates") if state == "error"]
    assert all(f.startswith(h.STALLED) for f in failures), failures
    return time.monotonic() - page.started


def test_fast_link_starts_from_the_snapshot_and_keeps_it(
    fresh_context: Any, watch_page: Any
) -> None:
    context = fresh_context(LANG)
    page = open_deep_link(context, watch_page)
    answered(page)
    assert any(SNAPSHOT.search(url) for url in page.requests), "the snapshot was not fetched"
    assert not any(WHEEL.search(url) for url in page.requests), "restored: no wheel fetch"
    # The reader uses the calculator: the snapshot is kept in Cache Storage for the next page.
    h.field(page, "costs").fill("200")
    h.expect_result(page, LANG, "USD", "50")
    h.wait_until(
        page,
        """async () => (await (await caches.open("calculator-snapshot")).keys()).length === 1""",
        None,
        lambda: "the snapshot was not kept in Cache Storage",
        20,
    )
    following = open_deep_link(context, watch_page)
    answered(following)
    pyodide = [url for url in following.requests if "/assets/" in url and "/pyodide" in url]
    assert not any(SNAPSHOT.search(url) or WHEEL.search(url) for url in following.requests), pyodide


@pytest.mark.parametrize(
    ("fault", "handler", "console"),
    [
        ("404", lambda route: route.fulfill(status=404, body="not found"), r"404"),
        ("truncated", serve(truncated), r"$^"),
        ("bad-header", serve(bad_header), r"$^"),
        ("other-pyodide-build", serve(other_build), r"$^"),
    ],
)
def test_snapshot_failure_falls_back_to_the_normal_start(
    fresh_context: Any,
    watch_page: Any,
    allow_console_errors: Callable[[str], None],
    fault: str,
    handler: Callable[[Any], None],
    console: str,
) -> None:
    allow_console_errors(console)
    context = fresh_context(LANG)
    asked: list[str] = []

    def broken(route: Any) -> None:
        asked.append(route.request.url)
        handler(route)

    context.route(SNAPSHOT, broken)
    page = open_deep_link(context, watch_page)
    seconds = answered(page)
    assert asked, f"{fault}: the worker never asked for the snapshot (link measured slow?)"
    assert any(WHEEL.search(url) for url in page.requests), f"{fault}: no normal start"
    print(f"snapshot {fault}: normal start answered {seconds:.1f} s after navigation")


# ---- bytes -----------------------------------------------------------------------------------------
@functools.cache
def encoded_size(path: Path) -> int:
    """The bytes a host sends for ``path``: its ``.br`` when smaller, else Brotli here, else raw."""
    import brotli

    brotli_file = path.with_name(path.name + ".br")
    if brotli_file.exists():
        return brotli_file.stat().st_size
    data = path.read_bytes()
    return min(len(data), len(brotli.compress(data, quality=9, lgwin=24)))


def site_file(url: str) -> Path | None:
    path = urlsplit(url).path
    target = SITE / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def transferred(urls: list[str]) -> int:
    return sum(encoded_size(path) for url in urls if (path := site_file(url)))


def bare_pyodide_bytes() -> int:
    """What a bare Pyodide page downloads: Pyodide's own files with the full standard library."""
    pyodide = next(SITE.glob("assets/pyodide/*/"))
    names = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
    return sum(encoded_size(pyodide / name) for name in (*names, "pyodide-lock.json"))


def release_late(page: Any, held: list[tuple[float, Any]], delay: float = 1.5) -> None:
    """Let each held request through ``delay`` seconds after it was made, until the widget is ready
    or has failed (at most ``LIMIT_SECONDS``)."""
    deadline = time.monotonic() + LIMIT_SECONDS
    while h.widget(page).get_attribute("data-state") not in {"ready", "error"}:
        if time.monotonic() > deadline:
            return
        for item in list(held):
            if time.monotonic() - item[0] > delay:
                held.remove(item)
                item[1].continue_()
        page.wait_for_timeout(100)


def test_bytes_of_a_first_visit_on_a_slow_link(fresh_context: Any, watch_page: Any) -> None:
    """``pyodide.asm.mjs`` arrives late (the worker measures a slow link): the normal start, with the
    trimmed standard library, downloads less than a bare Pyodide page."""
    context = fresh_context(LANG)
    held: list[tuple[float, Any]] = []
    context.route("**/pyodide.asm.mjs", lambda route: held.append((time.monotonic(), route)))
    page = open_deep_link(context, watch_page)
    release_late(page, held)
    if h.retry_stalled_start(page):
        release_late(page, held)  # the retry asks for pyodide.asm.mjs again
    answered(page)
    assert any(WHEEL.search(url) for url in page.requests), "a slow link takes the normal start"
    assert not any(SNAPSHOT.search(url) for url in page.requests)
    sent, bare = transferred(page.requests), bare_pyodide_bytes()
    print(f"first visit, slow link: {sent / 1e6:.2f} MB; bare Pyodide page {bare / 1e6:.2f} MB")
    assert sent <= bare


def test_bytes_of_a_first_visit_on_a_fast_link(fresh_context: Any, watch_page: Any) -> None:
    """On a fast link the snapshot is the only thing carried beyond a bare Pyodide page's bytes."""
    page = open_deep_link(fresh_context(LANG), watch_page)
    answered(page)
    assert any(SNAPSHOT.search(url) for url in page.requests)
    sent, bare = transferred(page.requests), bare_pyodide_bytes()
    snapshot = encoded_size(snapshot_file())
    print(
        f"first visit, fast link: {sent / 1e6:.2f} MB; bare Pyodide page {bare / 1e6:.2f} MB "
        f"+ snapshot {snapshot / 1e6:.2f} MB"
    )
    assert sent <= bare + snapshot
