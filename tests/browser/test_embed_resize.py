"""The embed sizes itself on a help-desk page of another origin, through the README's host script.

The site is served on the test origin; a help-desk page (the host) is served on a second port of
127.0.0.1, so the two are different origins as in real use. The host page holds the README's host
script verbatim (its ``https://<site>`` replaced by the test origin), two calculator iframes and one
iframe of the host's own origin that plays a page sending forged messages.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import browser_helpers as h
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_HEIGHT = 760
#: Installed in every frame before its scripts: records whoever listens for messages.
MESSAGE_SPY = """
window.__messageListeners = 0;
const add = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (type, ...rest) {
  if (type === "message" && this === window) window.__messageListeners += 1;
  return add.call(this, type, ...rest);
};
Object.defineProperty(window, "onmessage", { set() { window.__messageListeners += 1; } });
"""


def host_script(origin: str) -> str:
    """The host-page script of the README's help-desk section, for the site at ``origin``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```html\n(<script>.*?</script>)\n```", readme, re.S)
    scripts = [block for block in blocks if "glossary:resize" in block]
    assert len(scripts) == 1, "the README's help-desk section shows one host script"
    assert "https://<site>" in scripts[0]
    return scripts[0].replace("https://<site>", origin)


def host_page(origin: str, lang: str, with_script: bool = True) -> str:
    frames = "\n".join(
        f'<iframe id="{calculator}" src="{origin}{h.embed_path(lang, calculator)}" '
        f'title="{calculator}" width="100%" height="{DEFAULT_HEIGHT}" style="border:0"></iframe>'
        for calculator in h.CALCULATORS
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Help desk</title>'
        '</head><body style="margin:0"><h1>Help-desk article</h1>'
        f'{frames}<iframe id="forger" src="/forger.html" width="300" height="50"></iframe>'
        f"{host_script(origin) if with_script else ''}</body></html>"
    )


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Iterator[tuple[str, Path]]:
    """A help-desk server on another port of 127.0.0.1: (its origin, the folder it serves)."""
    folder = tmp_path_factory.mktemp("helpdesk")
    (folder / "forger.html").write_text("<!doctype html><title>forger</title>", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="helpdesk-server", daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    assert origin != site_url
    yield origin, folder
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def open_host(
    new_page: Any, host: tuple[str, Path], site_url: str, lang: str, with_script: bool = True
) -> Any:
    origin, folder = host
    name = f"{lang}-{'script' if with_script else 'plain'}.html"
    (folder / name).write_text(host_page(site_url, lang, with_script), encoding="utf-8")
    page = new_page(lang)
    page.add_init_script(MESSAGE_SPY)
    # Python is not what these tests are about: keep it from starting (the widget then says so).
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    # Not "load": that waits for all fourteen iframes at once, which on a busy machine can pass the
    # navigation timeout; each test waits for the frames it reads (``frame_of``).
    page.goto(f"{origin}/{name}", wait_until="domcontentloaded")
    return page


def frame_of(page: Any, calculator: str) -> Any:
    frame = page.frame_locator(f"iframe#{calculator}")
    frame.locator(".glossary-embed").wait_for()
    return page.frame(url=re.compile(rf"/embed/{calculator}/"))


def iframe_height(page: Any, calculator: str) -> float:
    return float(
        page.locator(f"iframe#{calculator}").evaluate("e => e.getBoundingClientRect().height")
    )


def content_height(frame: Any) -> float:
    """How tall the embed's content is (its bottom edge in the document)."""
    return float(
        frame.evaluate(
            "() => document.querySelector('.glossary-embed').getBoundingClientRect().bottom"
            " + scrollY"
        )
    )


def expect_fitted(page: Any, calculator: str) -> float:
    """The iframe is as tall as its content plus the page's bottom margin: no gap, no cut."""
    frame = frame_of(page, calculator)
    # Chromium does not render a cross-origin frame out of view (no animation frames, so the widget
    # waits to start Python, as it should); the host's reader scrolls to it.
    page.locator(f"iframe#{calculator}").scroll_into_view_if_needed()

    # The widget has settled (Python is blocked here: it ends in its error state), so its height
    # no longer changes; then the host's iframe must take that height.
    frame.wait_for_function(
        "() => document.querySelector('.calc').dataset.state !== 'loading'",
        timeout=(h.STALL_SECONDS + 25) * 1000,  # a start that hangs ends at the stall limit
    )
    content = content_height(frame)
    h.wait_until(
        page,
        """([id, low, high]) => {
          const height = document.getElementById(id).getBoundingClientRect().height;
          return low <= height && height <= high;
        }""",
        [calculator, content, content + 40],
        lambda: (
            f"{calculator}: iframe {iframe_height(page, calculator)} px, content "
            f"{content_height(frame)} px"
        ),
        10,
    )
    overflow = frame.evaluate(
        "() => document.scrollingElement.scrollHeight - document.scrollingElement.clientHeight"
    )
    assert overflow <= 1, f"{calculator}: the embed still scrolls by {overflow} px"
    return iframe_height(page, calculator)


#: Vietnamese: the longest texts (the messages and the host script do not depend on the language).
@pytest.mark.parametrize("lang", ["vi"])
def test_embed_sizes_itself_on_a_page_of_another_origin(
    new_page: Any, allow_console_errors: Any, host: tuple[str, Path], site_url: str, lang: str
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    page = open_host(new_page, host, site_url, lang)
    heights = {calculator: expect_fitted(page, calculator) for calculator in h.CALCULATORS}
    assert all(height != DEFAULT_HEIGHT for height in heights.values()), heights
    # Each iframe got its own height (the script matches the message's source to its iframe).
    assert heights["cost-per-contact"] != heights["cost-per-call"], heights

    # Opening the optional groups makes the embed taller: the iframe follows.
    frame = frame_of(page, "cost-per-contact")
    for summary in frame.locator(".calc details > summary").all():
        summary.click()
    taller = expect_fitted(page, "cost-per-contact")
    assert taller > heights["cost-per-contact"] + 100, (taller, heights)
    # A narrow (phone) page: the content wraps, the iframe follows again.
    page.set_viewport_size({"width": 380, "height": 800})
    expect_fitted(page, "cost-per-contact")
    page.set_viewport_size({"width": 1280, "height": 900})
    expect_fitted(page, "cost-per-contact")

    # The embed never listens for messages.
    for calculator in h.CALCULATORS:
        assert frame_of(page, calculator).evaluate("window.__messageListeners") == 0


@pytest.mark.parametrize("lang", ["ru"])  # what it trusts does not depend on the language
def test_the_host_script_ignores_messages_it_should_not_trust(
    new_page: Any, allow_console_errors: Any, host: tuple[str, Path], site_url: str, lang: str
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    page = open_host(new_page, host, site_url, lang)
    fitted = expect_fitted(page, "cost-per-call")
    forger = page.frame(url=re.compile(r"/forger\.html$"))
    assert forger is not None
    forged = {"type": "glossary:resize", "height": 50}
    # From an iframe of another origin (the host's own), from the host page itself, and to a
    # window that is not the sender's: none of them may resize the calculator.
    forger.evaluate("m => parent.postMessage(m, '*')", forged)
    page.evaluate("m => window.postMessage(m, '*')", forged)
    # From the site's origin but not numbers: ignored; absurd heights are kept within bounds.
    embed = frame_of(page, "cost-per-call")
    embed.evaluate("() => parent.postMessage({type: 'glossary:resize', height: '9e9'}, '*')")
    embed.evaluate("() => parent.postMessage({type: 'other', height: 90}, '*')")
    embed.evaluate("() => parent.postMessage('<img src=x onerror=alert(1)>', '*')")
    # A resize that must not happen: wait for it, for a bounded time.
    with pytest.raises(PlaywrightTimeoutError):
        page.wait_for_function(
            "([id, height]) => document.getElementById(id).getBoundingClientRect().height !== height",
            arg=["cost-per-call", fitted],
            timeout=1_000,
        )
    assert iframe_height(page, "cost-per-call") == fitted
    embed.evaluate("() => parent.postMessage({type: 'glossary:resize', height: 1e9}, '*')")
    h.wait_until(
        page,
        "id => document.getElementById(id).getBoundingClientRect().height === 4000",
        "cost-per-call",
        lambda: f"a huge height is capped at 4000 px: {iframe_height(page, 'cost-per-call')}",
        10,
    )
    assert page.evaluate("document.images.length") == 0


def test_without_the_host_script_the_iframe_keeps_its_height(
    new_page: Any, allow_console_errors: Any, host: tuple[str, Path], site_url: str
) -> None:
    allow_console_errors(r"assets/pyodide/|Failed to load resource")
    page = open_host(new_page, host, site_url, "ru", with_script=False)
    frame = frame_of(page, "cost-per-contact")
    frame.wait_for_load_state("load")
    page.locator("iframe#cost-per-contact").scroll_into_view_if_needed()
    frame.wait_for_function(  # the widget has settled (in its error state: Python is blocked)
        "() => document.querySelector('.calc').dataset.state !== 'loading'",
        timeout=(h.STALL_SECONDS + 25) * 1000,
    )
    # A resize that must not happen: wait for it, for a bounded time.
    with pytest.raises(PlaywrightTimeoutError):
        page.wait_for_function(
            "([id, height]) => document.getElementById(id).getBoundingClientRect().height !== height",
            arg=["cost-per-contact", DEFAULT_HEIGHT],
            timeout=1_000,
        )
    assert iframe_height(page, "cost-per-contact") == DEFAULT_HEIGHT
    # Content taller than the default is reached by scrolling inside the iframe, not cut off.
    frame.evaluate("() => window.scrollTo(0, document.scrollingElement.scrollHeight)")
    link = frame.locator(".glossary-embed__source a")
    assert link.evaluate("a => a.getBoundingClientRect().bottom <= innerHeight")
