"""The worker's error path (issue 9): what the reader sees when Python fails during a computation or
the worker dies with one in flight, and what a maintainer finds afterwards.

- A Python exception inside ``calculators.web``: the page is served a copy of the real calculators
  wheel (built here with ``zipfile``) whose ``respond`` raises for one trigger value. The widget shows
  ``error.compute_failed`` of the page's catalog, keeps the reason in ``data-failure`` and the
  console, and computes again once the value changes.
- The worker dies while a computation is in flight: the page is served the real worker script with a
  first ``message`` listener that, on the first ``compute``, either throws (an uncaught error: the
  page gets the worker's ``error`` event) or closes the worker without a word. The widget must offer
  Retry, and Retry must bring it back with the current inputs and answer them.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import browser_helpers as h
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("BROWSER_SITE_DIR") or ROOT / "site").resolve()
WHEEL = re.compile(r"/assets/calculators/.*\.whl$")
#: Without the snapshot (which holds the real calculators) the worker starts from the wheel.
SNAPSHOT = re.compile(r"\.snapshot$")
WORKER = "**/calculator-worker.js"
CALCULATOR = "occupancy"
#: The value of ``handle`` for which the injected ``respond`` raises.
TRIGGER = "13"
REASON = "injected failure for the browser test"

#: Appended to the wheel's calculators/web.py: ``handle`` looks ``respond`` up at call time.
FAILING_RESPOND = f'''

_real_respond = respond


def respond(request):  # type: ignore[no-redef]
    if str((request.get("values") or {{}}).get("handle", "")).strip() == "{TRIGGER}":
        raise RuntimeError("{REASON}")
    return _real_respond(request)
'''


def failing_wheel() -> bytes:
    """The site's calculators wheel with the failing ``respond``, its RECORD hashes redone."""
    (wheel,) = SITE.glob("assets/calculators/*/calculators-*.whl")
    source = zipfile.ZipFile(wheel)
    files = {info.filename: source.read(info) for info in source.infolist()}
    files["calculators/web.py"] += FAILING_RESPOND.encode()
    (record,) = [name for name in files if name.endswith(".dist-info/RECORD")]
    lines = []
    for name, data in files.items():
        if name == record:
            lines.append(f"{name},,")
            continue
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append(f"{name},sha256={digest},{len(data)}")
    files[record] = ("\n".join(lines) + "\n").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in files.items():
            target.writestr(name, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def wheel_bytes() -> bytes:
    return failing_wheel()


def example_link(lang: str) -> str:
    return h.article_path(lang, CALCULATOR, h.example_query(CALCULATOR))


def open_with_failing_python(new_page: Any, fresh_context: Any, lang: str, wheel: bytes) -> Any:
    """The worked example in a fresh context (Cache Storage holds no snapshot of the real
    calculators), with the snapshot refused and the failing wheel served instead of the real one."""
    page = new_page(lang, fresh_context(lang))
    page.route(SNAPSHOT, lambda route: route.fulfill(status=404))
    page.route(
        WHEEL,
        lambda route: route.fulfill(status=200, content_type="application/zip", body=wheel),
    )
    page.goto(example_link(lang))
    h.wait_ready(page, 40)
    h.expect_rows(page, CALCULATOR, h.example_reply(CALCULATOR)["result"]["values"])
    return page


@pytest.mark.parametrize("lang", ["vi"])  # the message is the catalog's (every catalog has it)
def test_a_python_exception_is_shown_as_a_localized_message(
    new_page: Any, fresh_context: Any, allow_console_errors: Any, wheel_bytes: bytes, lang: str
) -> None:
    allow_console_errors(REASON)
    page = open_with_failing_python(new_page, fresh_context, lang, wheel_bytes)
    h.field(page, "handle").fill(TRIGGER)
    main = h.main_result(page)
    expect(main).to_have_text(h.catalog(lang)["error.compute_failed"])
    expect(h.widget(page)).to_have_attribute("data-result-state", "failed")
    assert h.rows(page)[h.main_key(CALCULATOR)]["shown"]
    assert all(row["value"] is None for row in h.rows(page).values()), h.rows(page)
    assert h.visible_errors(page) == {}, "no field is blamed for Python's failure"
    assert h.widget(page).get_attribute("data-state") == "ready", "the calculator still works"
    text = page.locator("body").inner_text()
    assert REASON not in text and "Traceback" not in text and "RuntimeError" not in text
    # A new value is computed again.
    h.field(page, "handle").fill(h.typed(h.example(CALCULATOR)["handle"], lang))
    h.expect_rows(page, CALCULATOR, h.example_reply(CALCULATOR)["result"]["values"])


def test_a_python_exception_is_kept_for_a_maintainer(
    new_page: Any, fresh_context: Any, allow_console_errors: Any, wheel_bytes: bytes
) -> None:
    allow_console_errors(REASON)
    page = open_with_failing_python(new_page, fresh_context, "it", wheel_bytes)
    logged: list[str] = []
    page.on("console", lambda message: logged.append(message.text))
    h.field(page, "handle").fill(TRIGGER)
    expect(h.main_result(page)).to_have_text(h.catalog("it")["error.compute_failed"])
    expect(h.widget(page)).to_have_attribute("data-failure", re.compile(REASON))
    assert any(REASON in text for text in logged), logged
    # Once a computation succeeds again, the stale reason is gone.
    h.field(page, "handle").fill(h.example(CALCULATOR)["handle"])
    h.expect_rows(page, CALCULATOR, h.example_reply(CALCULATOR)["result"]["values"])
    assert h.widget(page).get_attribute("data-failure") is None


# ---- the worker dies with a computation in flight --------------------------------------------------
CRASH = """
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "compute") {
    event.stopImmediatePropagation();
    throw new Error("worker crashed on purpose");
  }
});
"""
EXIT = """
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "compute") {
    event.stopImmediatePropagation();
    self.close();
  }
});
"""


def dying_worker(page: Any, prefix: str) -> list[int]:
    """Serve the real worker script with ``prefix`` in front of it to the first worker only."""
    served: list[int] = []

    def handle(route: Any) -> None:
        if served:
            route.fallback()
            return
        served.append(1)
        response = route.fetch()
        route.fulfill(response=response, body=prefix + response.text())

    page.route(WORKER, handle)
    return served


def retry_brings_it_back(page: Any, lang: str) -> None:
    """Retry is offered; it starts Python again and answers the current inputs, and later input."""
    retry = page.locator(".calc [data-action=retry]")
    expect(retry).to_be_visible()
    assert retry.text_content() == h.catalog(lang)["widget.retry"]
    assert (
        page.locator(".calc [data-status-text]").text_content() == h.catalog(lang)["widget.failed"]
    )
    assert h.widget(page).get_attribute("data-failure"), "the reason is kept"
    retry.click()
    h.wait_ready(page, 40)
    expect(retry).to_be_hidden()
    h.expect_rows(page, CALCULATOR, h.example_reply(CALCULATOR)["result"]["values"])
    h.field(page, "idle").fill(h.typed("760", lang))
    values = h.example(CALCULATOR) | {"idle": "760"}
    h.expect_rows(page, CALCULATOR, h.reply(CALCULATOR, values)["result"]["values"])


@pytest.mark.parametrize("lang", ["ru", "nl"])
def test_worker_crash_in_flight_then_retry(
    new_page: Any, allow_console_errors: Any, lang: str
) -> None:
    allow_console_errors(r"worker crashed on purpose|calculator:")
    page = new_page(lang)
    served = dying_worker(page, CRASH)
    page.goto(example_link(lang))  # a deep link: the first computation starts once Python is ready
    h.wait_state(page, "error", 40)
    assert served == [1]
    failure = str(h.widget(page).get_attribute("data-failure"))
    assert "worker crashed on purpose" in failure, failure
    retry_brings_it_back(page, lang)


def test_worker_exit_in_flight_then_retry(new_page: Any, allow_console_errors: Any) -> None:
    allow_console_errors(r"calculator:")
    lang = "it"
    page = new_page(lang)
    served = dying_worker(page, EXIT)
    page.goto(example_link(lang))
    h.wait_state(page, "error", h.STALL_SECONDS + 10)
    assert served == [1]
    retry_brings_it_back(page, lang)
