"""Helpers shared by the browser tests: pages, reader-style input, expected results from CPython."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import calculators
from sitebuild.catalog import DEFAULT_CURRENCY, LANGUAGES, load

ROOT = Path(__file__).resolve().parents[2]

__all__ = ["DEFAULT_CURRENCY", "LANGUAGES"]

CALCULATORS = ("cost-per-contact", "cost-per-call")
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Decimals of an amount in a currency (ISO 4217 minor units of the currencies used here).
CURRENCY_DIGITS = {"VND": 0}
#: How a reader of each language groups thousands when typing: nb a plain space, ru the no-break
#: space their keyboards and office software produce, it/nl/vi a dot. The decimal mark is a comma.
TYPED_GROUP = {"nb": " ", "ru": "\u00a0", "it": ".", "nl": ".", "vi": "."}
#: Realistic monthly figures in each language's default currency (canonical form).
COSTS = {
    "cost-per-contact": {
        "NOK": "766000.50",
        "RUB": "6281200.75",
        "EUR": "70472.40",
        "VND": "1915000000",
    },
    "cost-per-call": {
        "NOK": "413000.25",
        "RUB": "3386600.40",
        "EUR": "37996.30",
        "VND": "1032500000",
    },
}
CONTACTS = "9800"
CALLS = "11800"
SALES = "1150"
#: Python's stall limit in calculator.js plus time for the error to be shown.
STALL_SECONDS = 15


def catalog(lang: str) -> dict[str, str]:
    return load(lang)


def article_path(lang: str, calculator: str, query: str = "") -> str:
    return f"/{lang}/glossary/{calculator}/" + (f"?{query}" if query else "")


def embed_path(lang: str, calculator: str) -> str:
    return f"/{lang}/embed/{calculator}/"


def volume_field(calculator: str) -> str:
    return "contacts" if calculator == "cost-per-contact" else "calls"


def typed(canonical: str, lang: str) -> str:
    """``canonical`` (e.g. ``"76600.5"``) as a reader of ``lang`` types it: ``"76 600,5"``."""
    whole, _, fraction = canonical.partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = TYPED_GROUP[lang].join(groups)
    return f"{text},{fraction}" if fraction else text


def money(value: Decimal, currency: str) -> str:
    """The canonical amount the widget must show: rounded half-up to the currency's decimals."""
    rounded = calculators.round_money(value, CURRENCY_DIGITS.get(currency, 2))
    return calculators.canonical(rounded)


# ---- the page ------------------------------------------------------------------------------------
def widget(page: Any) -> Any:
    return page.locator(".calc[data-calculator]")


def field(page: Any, name: str) -> Any:
    return page.locator(
        f".calc input[name='{name}']:not([type=radio]), .calc select[name='{name}']"
    )


def wait_state(page: Any, state: str, timeout: float = 30) -> None:
    """Wait for the widget's ``data-state``; fail with its status text when it ends elsewhere."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = widget(page).get_attribute("data-state")
        if current == state:
            return
        if state == "ready" and current == "error":
            break
        page.wait_for_timeout(100)
    status = page.locator("[data-status-text]").text_content()
    raise AssertionError(
        f"{page.url}: calculator is {widget(page).get_attribute('data-state')!r}, "
        f"expected {state!r} within {timeout} s; status: {status!r}"
    )


def describe_state(page: Any) -> str:
    state = widget(page).get_attribute("data-state")
    return f"{state!r} ({page.locator('[data-status-text]').text_content()!r})"


def wait_ready(page: Any, timeout: float = 30) -> None:
    wait_state(page, "ready", timeout)


def type_into(page: Any, name: str, text: str) -> None:
    """Clear a field and type ``text`` key by key, as a reader does."""
    box = field(page, name)
    box.fill("")
    box.press_sequentially(text)


def set_mode(page: Any, mode: str) -> None:
    page.locator(f".calc input[name='mode'][value='{mode}']").check()


def select(page: Any, name: str, value: str) -> None:
    field(page, name).select_option(value)


def intl_money(page: Any, lang: str, currency: str, value: str) -> str:
    return str(
        page.evaluate(
            "([lang, currency, value]) => new Intl.NumberFormat(lang, {style: 'currency', currency}).format(value)",
            [lang, currency, value],
        )
    )


def result(page: Any) -> dict[str, Any]:
    return dict(
        page.locator("[data-result]").evaluate(
            "e => ({text: e.textContent, value: e.dataset.value ?? null,"
            " state: e.closest('.calc').dataset.resultState ?? null})"
        )
    )


def visible_errors(page: Any) -> dict[str, str]:
    return dict(
        page.evaluate(
            "Object.fromEntries([...document.querySelectorAll('.calc [data-error-for]')]"
            ".filter(e => !e.hidden).map(e => [e.dataset.errorFor, e.textContent]))"
        )
    )


def wait_for(page: Any, check: Any, describe: Any, timeout: float = 10) -> None:
    """Poll ``check()`` until true; on timeout fail with ``describe()`` (the state actually seen)."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return
        if time.monotonic() > deadline:
            raise AssertionError(describe())
        page.wait_for_timeout(100)


def expect_result(page: Any, lang: str, currency: str, value: str, timeout: float = 10) -> None:
    """The main result shows ``value`` (canonical) in ``data-value`` and as Intl formats it."""
    text = intl_money(page, lang, currency, value)
    wait_for(
        page,
        lambda: result(page) == {"text": text, "value": value, "state": "ok"},
        lambda: (
            f"{page.url}: expected result {text!r} (data-value {value!r}), got {result(page)}; "
            f"visible errors: {visible_errors(page)}; calculator {describe_state(page)}"
        ),
        timeout,
    )


def link_params(page: Any) -> dict[str, str]:
    """The widget state in the page URL (single-valued query parameters)."""
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def wait_link(page: Any, timeout: float = 10, **expected: str) -> None:
    """Wait until the page URL carries these parameters: the widget has rendered those inputs.

    Needed after typing: an intermediate text (``70.472`` on the way to ``70.472,40``) can round to
    the same result as the final one, so a matching result alone does not mean the widget caught up.
    """
    wait_for(
        page,
        lambda: all(link_params(page).get(k) == v for k, v in expected.items()),
        lambda: f"{page.url}: the link should carry {expected}; calculator {describe_state(page)}",
        timeout,
    )


def expect_error(page: Any, name: str, message: str, timeout: float = 10) -> None:
    """Field ``name`` shows exactly ``message`` in its error element and is marked aria-invalid."""
    input_ = field(page, name)
    error = page.locator(f".calc [data-error-for='{name}']")

    def state() -> tuple[Any, ...]:
        return (error.is_visible(), error.text_content(), input_.get_attribute("aria-invalid"))

    wait_for(
        page,
        lambda: state() == (True, message, "true"),
        lambda: (
            f"{page.url}: field {name!r} should show {message!r} with aria-invalid=true; "
            f"(visible, text, aria-invalid) = {state()}; all visible errors: {visible_errors(page)}"
        ),
        timeout,
    )


def example_number(page: Any, lang: str) -> str:
    """The example number of the error messages (``{example}``), as ``Intl`` writes 1234.5."""
    return str(
        page.evaluate(
            "lang => new Intl.NumberFormat(lang, {maximumFractionDigits: 10}).format('1234.5')",
            lang,
        )
    )


def message(lang: str, key: str, **values: str) -> str:
    text = catalog(lang)[key]
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def clear_optional(page: Any) -> None:
    """Empty the optional inputs (breakdowns, what-if) another test may have left filled."""
    page.evaluate(
        """() => {
          const keep = new Set(["costs", "contacts", "calls", "sales", "rate"]);
          for (const input of document.querySelectorAll(".calc input[type=text][name]")) {
            if (keep.has(input.name) || input.value === "") continue;
            input.value = "";
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }
        }"""
    )


def fill_example(page: Any, lang: str, calculator: str, mode: str = "inbound") -> str:
    """Type this language's figures into the widget; returns the expected canonical result."""
    currency = DEFAULT_CURRENCY[lang]
    clear_optional(page)
    select(page, "currency", currency)
    select(page, "period", "month")
    costs = COSTS[calculator][currency]
    if calculator == "cost-per-contact":
        volume, count = "contacts", CONTACTS
        expected = money(calculators.cost_per_contact(costs, count), currency)
    elif mode == "inbound":
        volume, count = "calls", CALLS
        expected = money(calculators.cost_per_call_inbound(costs, count), currency)
    else:
        volume, count = "sales", SALES
        expected = money(calculators.cost_per_call_outbound(costs, count), currency)
    if calculator == "cost-per-call":
        set_mode(page, mode)
    type_into(page, "costs", typed(costs, lang))
    type_into(page, volume, typed(count, lang))
    link = {"costs": calculators.canonical(Decimal(costs)), volume: count, "currency": currency}
    if calculator == "cost-per-call":
        link["mode"] = mode
    wait_link(page, period="month", **link)
    expect_result(page, lang, currency, expected)
    return expected


def for_each(items: Any, *steps: Any, batch: int = 2) -> None:
    """Run the ``steps`` for every item, ``batch`` items at a time; fail once, listing every failure.

    Within a batch each step runs for every item before the next step starts (so the pages a first
    step opens load side by side), and only for the items whose earlier steps passed. Batches are
    small because several Pythons starting at once on a 2-core machine can each stall past the
    widget's 15-second limit.
    """
    items = list(items)
    failures = []
    for start in range(0, len(items), batch):
        alive = items[start : start + batch]
        for step in steps:
            passed = []
            for item in alive:
                try:
                    step(item)
                    passed.append(item)
                except Exception as error:  # assertion or Playwright timeout: name the item
                    failures.append(f"[{item}] {type(error).__name__}: {error}")
            alive = passed
    if failures:
        raise AssertionError("\n".join(failures))


def in_batches(
    items: list[Any], open_: Callable[[Any], Any], check: Callable[[Any, Any], None], batch: int = 2
) -> list[str]:
    """Open pages ``batch`` at a time (their Pythons start side by side), check and close them."""
    failures = []
    for start in range(0, len(items), batch):
        opened = []
        for item in items[start : start + batch]:
            try:
                opened.append((item, open_(item)))
            except Exception as error:
                failures.append(f"[{item}] {type(error).__name__}: {error}")
        for item, page in opened:
            try:
                check(item, page)
            except Exception as error:  # an assertion or a Playwright timeout: name the item
                failures.append(f"[{item}] {type(error).__name__}: {error}")
            finally:
                page.close()
    return failures


#: Records when the widget's data-state changes (installed before the page's own scripts run).
STATE_LOG = """
window.__calcStates = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.attributeName === "data-state" && r.target.matches(".calc")) {
      window.__calcStates.push([r.target.dataset.state, performance.now()]);
    }
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""
