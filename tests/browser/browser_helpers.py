"""Helpers shared by the browser tests: pages, reader-style input, expected results from CPython."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from babel.numbers import format_decimal, get_currency_precision
from figures import Formatter
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

import calculators
from calculators.kpis import BENCHMARKS, SPECS
from calculators.web import respond
from sitebuild import examples
from sitebuild.catalog import DEFAULT_CURRENCY, LANGUAGES, load

ROOT = Path(__file__).resolve().parents[2]

__all__ = ["DEFAULT_CURRENCY", "LANGUAGES"]

#: Every calculator, in the glossary's order (the spec's ids are the articles' slugs).
CALCULATORS = tuple(SPECS)
#: The cost calculators (those compared with a money benchmark, so with a currency and an exchange
#: rate) the currency and period wiring is typed into, in each language's own currency (the figures
#: below are theirs); every division calculator of the registry gets the bad-input table in CPython
#: (tests/bad_inputs.DIVISIONS) and its fields' kinds in the browser.
COST_CALCULATORS = tuple(calculator for calculator in SPECS if calculator in BENCHMARKS)
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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
#: Python's stall limit in calculator/worker-client.js plus time for the error to be shown.
STALL_SECONDS = 15


def catalog(lang: str) -> dict[str, str]:
    return load(lang)


def article_path(lang: str, calculator: str, query: str = "") -> str:
    return f"/{lang}/glossary/{calculator}/" + (f"?{query}" if query else "")


def embed_path(lang: str, calculator: str) -> str:
    return f"/{lang}/embed/{calculator}/"


def volume_field(calculator: str) -> str:
    """A cost calculator's count (the divisor of its main result): its first count field that
    applies to inbound calls, from the spec."""
    spec = SPECS[calculator]
    choices = spec.defaults() | ({"mode": "inbound"} if "mode" in spec.choices else {})
    return next(f.name for f in spec.numbers if f.kind == "count" and f.applies(choices))


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
    rounded = calculators.round_money(value, get_currency_precision(currency))
    return calculators.canonical(rounded)


# ---- the specs and the worked examples ----------------------------------------------------------
def main_key(calculator: str) -> str:
    """The ``data-result`` name of a calculator's main result (its spec's first main row)."""
    return SPECS[calculator].main.key


def row_keys(calculator: str) -> list[str]:
    return [row.key for row in SPECS[calculator].results]


def number_fields(calculator: str) -> list[str]:
    return [f.name for f in SPECS[calculator].numbers]


def example(calculator: str, case: str = "") -> dict[str, str]:
    """A worked example as link parameters: its fields and choices (one month in US dollars)."""
    given = examples.EXAMPLES[calculator][case or examples.cases(calculator)[0]]
    return examples.fixed_choices(calculator) | given


def example_query(calculator: str, case: str = "") -> str:
    return urlencode(example(calculator, case))


def reply(calculator: str, values: dict[str, str], source: str = "link") -> dict[str, Any]:
    """What ``calculators.web.respond`` answers in CPython for these values (canonical, as a link),
    with money in the currency's own decimals (CLDR's, as the page takes them from ``Intl``)."""
    digits = get_currency_precision(values.get("currency") or "USD")
    request = {"calculator": calculator, "values": values, "source": source, "digits": digits}
    return respond(request | {"decimal": ",", "group": "\u00a0"})


def example_reply(calculator: str, case: str = "") -> dict[str, Any]:
    answer = reply(calculator, example(calculator, case))
    assert answer["errors"] == {} and answer["result"], (calculator, answer["errors"])
    return answer


# ---- the page ------------------------------------------------------------------------------------
def widget(page: Any) -> Any:
    return page.locator(".calc[data-calculator]")


def field(page: Any, name: str) -> Any:
    return page.locator(
        f".calc input[name='{name}']:not([type=radio]), .calc select[name='{name}']"
    )


def calculator_on(page: Any) -> str:
    return str(widget(page).get_attribute("data-calculator"))


def main_result(page: Any) -> Any:
    """The main result's ``<output>`` of the page's widget."""
    return page.locator(f".calc [data-result='{main_key(calculator_on(page))}']")


def describe_state(page: Any) -> str:
    state = widget(page).get_attribute("data-state")
    return f"{state!r} ({page.locator('[data-status-text]').text_content()!r})"


def wait_state(page: Any, state: str, timeout: float = 30) -> None:
    """Wait for the widget's ``data-state``; fail with its status text when it ends elsewhere
    (waiting for ``ready``, an ``error`` ends the wait at once). Scrolls to the calculator first,
    unless it has started (``approach``): Python starts only when the reader wants it."""
    approach(page)
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            """state => {
              const now = document.querySelector(".calc[data-calculator]")?.dataset.state;
              return now === state || (state === "ready" && now === "error");
            }""",
            arg=state,
            timeout=timeout * 1000,
        )
    current = widget(page).get_attribute("data-state")
    if current != state:
        raise AssertionError(
            f"{page.url}: calculator is {describe_state(page)}, expected {state!r} within {timeout} s"
        )


#: The widget's reason for giving up when Python made no progress for 15 s while starting.
STALLED = "no progress"
#: Pages whose stalled start was retried (their logged stall is not a failure of the test).
STALL_RETRIES: set[str] = set()


#: Python has not been asked to start yet: the widget shows no progress bar (start() shows it).
NOT_STARTED = """() => {
  const root = document.querySelector(".calc[data-calculator]");
  return Boolean(root && root.dataset.state === "loading" && root.querySelector("[data-progress]").hidden);
}"""
#: Every kind of request that belongs to the calculator's Python (never made on a read-only visit).
PYTHON_REQUEST = re.compile(
    r"/assets/pyodide/|/assets/calculators/|calculator-worker\.js|\.snapshot$|\.whl$|\.wasm$"
)


def python_requests(page: Any) -> list[str]:
    """The requests of ``page`` (recorded by the fixtures) that fetched any part of Python."""
    return [url for url in page.requests if PYTHON_REQUEST.search(urlsplit(url).path)]


def approach(page: Any) -> None:
    """Do what a reader who wants the calculator does: scroll down to it (Python starts on intent,
    calculator.js). Nothing to do when it has started (a deep link, a focus, an earlier scroll)."""
    if page.evaluate(NOT_STARTED):
        widget(page).scroll_into_view_if_needed()


def wait_ready(page: Any, timeout: float = 30) -> None:
    """Wait for ``ready`` (``wait_state`` scrolls to the calculator unless it has started).

    On a busy 2-core machine a cold start of Python (compiling its 9.6 MB of
    wasm while other pages do the same) can pass the widget's 15-second stall limit; such a stall,
    and only that, is retried once with the widget's own Retry button, as a reader would (the stall
    itself is what test_failures.py and test_faults.py check)."""
    try:
        wait_state(page, "ready", timeout)
    except AssertionError:
        if not retry_stalled_start(page):
            raise
        wait_state(page, "ready", timeout)


def retry_stalled_start(page: Any) -> bool:
    """Press the widget's Retry button if it gave up because Python stalled starting (see
    ``wait_ready``); return whether it did."""
    failure = widget(page).get_attribute("data-failure") or ""
    if not failure.startswith(STALLED):
        return False
    print(f"{page.url}: Python stalled starting ({failure}); retrying once")
    STALL_RETRIES.add(page.url)
    page.locator(".calc [data-action=retry]").click()
    return True


def type_into(page: Any, name: str, text: str) -> None:
    """Clear a field and type ``text`` key by key, as a reader does."""
    box = field(page, name)
    box.fill("")
    box.press_sequentially(text)


def set_mode(page: Any, mode: str) -> None:
    page.locator(f".calc input[name='mode'][value='{mode}']").check()


def select(page: Any, name: str, value: str) -> None:
    field(page, name).select_option(value)


def shown_money(lang: str, currency: str, value: str) -> str:
    """An amount as the page must show it: the build's formatting of the kind ``money`` (cents, none
    from 1 000 up), which ``tests/site/test_formats.py`` proves the page's ``Intl`` formatting equals."""
    return Formatter(lang).money(Decimal(value), currency)


#: The main result of the page's widget: its text, ``data-value`` and the widget's result state.
RESULT = """() => {
  const root = document.querySelector(".calc[data-calculator]");
  const main = root.querySelector(".calc__main [data-result]");
  return {text: main.textContent, value: main.dataset.value ?? null, state: root.dataset.resultState ?? null};
}"""


def result(page: Any) -> dict[str, Any]:
    """The main result (the first main row, as the spec orders them)."""
    return dict(page.evaluate(RESULT))


def visible_errors(page: Any) -> dict[str, str]:
    return dict(
        page.evaluate(
            "Object.fromEntries([...document.querySelectorAll('.calc [data-error-for]')]"
            ".filter(e => !e.hidden).map(e => [e.dataset.errorFor, e.textContent]))"
        )
    )


def wait_until(
    page: Any, script: str, arg: Any, describe: Callable[[], str], timeout: float
) -> None:
    """``page.wait_for_function(script, arg)``; on timeout fail with ``describe()`` (what was seen)."""
    try:
        page.wait_for_function(script, arg=arg, timeout=timeout * 1000)
    except PlaywrightTimeoutError:
        raise AssertionError(describe()) from None


def expect_search_hit(page: Any, query: str, wanted: str) -> None:
    """Typing ``query`` into the open search box lists a link to the path ``wanted``."""
    search = page.locator("input.md-search__input")
    search.fill("")
    search.press_sequentially(query)
    wait_until(
        page,
        """wanted => [...document.querySelectorAll(".md-search-result__item a")]
          .some((a) => new URL(a.href).pathname === wanted)""",
        wanted,
        lambda: (
            f"{page.url}: searching {query!r} found no link to {wanted}; results: "
            f"{page.locator('.md-search-result__item a').evaluate_all('ls => ls.map(a => a.href)')[:8]}"
        ),
        10,
    )


def expect_value(page: Any, key: str, text: str | None, value: str, timeout: float = 10) -> None:
    """Result row ``key`` shows ``value`` in ``data-value`` (and ``text``, if given), the widget ok."""
    wait_until(
        page,
        """([key, text, value]) => {
          const root = document.querySelector(".calc[data-calculator]");
          const out = root.querySelector(`[data-result="${key}"]`);
          return out.dataset.value === value && (text === null || out.textContent === text)
            && root.dataset.resultState === "ok";
        }""",
        [key, text, value],
        lambda: (
            f"{page.url}: expected {key} {text!r} (data-value {value!r}), got "
            f"{page.locator(f'.calc [data-result={key!r}]').evaluate('e => [e.textContent, e.dataset.value]')}; "
            f"visible errors: {visible_errors(page)}; calculator {describe_state(page)}"
        ),
        timeout,
    )


def expect_result(page: Any, lang: str, currency: str, value: str, timeout: float = 10) -> None:
    """The main money result shows ``value`` (canonical) in ``data-value`` and as Intl formats it."""
    text = shown_money(lang, currency, value)
    expect_value(page, main_key(calculator_on(page)), text, value, timeout)


def link_params(page: Any) -> dict[str, str]:
    """The widget state in the page URL (single-valued query parameters)."""
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def wait_link(page: Any, timeout: float = 10, **expected: str) -> None:
    """Wait until the page URL carries these parameters: the widget has rendered those inputs.

    Needed after typing: an intermediate text (``70.472`` on the way to ``70.472,40``) can round to
    the same result as the final one, so a matching result alone does not mean the widget caught up.
    """
    wait_until(
        page,
        """expected => {
          const params = new URL(location.href).searchParams;
          return Object.entries(expected).every(([k, v]) => params.get(k) === v);
        }""",
        expected,
        lambda: f"{page.url}: the link should carry {expected}; calculator {describe_state(page)}",
        timeout,
    )


def expect_error(page: Any, name: str, message: str, timeout: float = 10) -> None:
    """Field ``name`` shows exactly ``message`` in its error element and is marked aria-invalid."""
    error = page.locator(f".calc [data-error-for='{name}']")
    expect(error).to_be_visible(timeout=timeout * 1000)
    expect(error).to_have_text(message, timeout=timeout * 1000)
    expect(field(page, name)).to_have_attribute("aria-invalid", "true")


#: Every result row of the widget: whether it is shown, its text and ``data-value``.
ROWS = """() => Object.fromEntries(
  [...document.querySelectorAll(".calc [data-result]")].map((e) => [e.dataset.result, {
    shown: !e.closest("[data-row]").hidden && e.checkVisibility(),
    text: e.textContent,
    value: e.dataset.value ?? null,
  }]),
)"""


def rows(page: Any) -> dict[str, dict[str, Any]]:
    return dict(page.evaluate(ROWS))


def expect_rows(page: Any, calculator: str, values: dict[str, str], timeout: float = 15) -> None:
    """Every result row the reply has is shown with its ``data-value``; the others are hidden
    (the first row keeps its placeholder). ``values``: the reply's ``result.values``. Waits for
    the answer to the last entry (the results are not ``aria-busy``): rows left by an earlier test
    with the same figures must not pass for it."""
    wait_until(
        page,
        """values => {
          const root = document.querySelector(".calc[data-calculator]");
          if (root.dataset.resultState !== "ok") return false;
          if (root.querySelector(".calc__results").getAttribute("aria-busy") === "true") return false;
          return [...root.querySelectorAll("[data-result]")].every((e) =>
            (e.dataset.value ?? null) === (values[e.dataset.result] ?? null));
        }""",
        values,
        lambda: (
            f"{page.url}: expected rows {values}, got {rows(page)}; errors {visible_errors(page)}; "
            f"calculator {describe_state(page)}"
        ),
        timeout,
    )
    shown = rows(page)
    assert set(shown) == set(row_keys(calculator)), (set(shown), row_keys(calculator))
    for key, row in shown.items():
        if key in values:
            assert row["shown"] and row["text"].strip(), (key, row)
            assert not BROKEN_TEXT.search(row["text"]), (key, row)
        else:
            assert not row["shown"] or key == row_keys(calculator)[0], (key, row)


#: What a broken number conversion or a crash prints; never on a page.
BROKEN_TEXT = re.compile(r"NaN|Infinity|undefined|\bnull\b|Traceback|\[object ")


def page_text_problems(page: Any) -> list[str]:
    """Broken figures or a traceback in the widget's visible text (null is Norwegian for zero:
    checked only outside nb's words, as a whole word in the widget)."""
    text = str(widget(page).inner_text())
    found = BROKEN_TEXT.findall(text)
    return [f for f in found if not (f == "null" and page.url.split("/")[3] == "nb")]


def example_number(lang: str) -> str:
    """The example number of the error messages (``{example}``): 1234.5 as the language writes it."""
    return str(format_decimal(Decimal("1234.5"), locale=lang))


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


def turns(lang: str, offset: int = 0) -> list[str]:
    """The calculators a language takes its turn with: each calculator in one language, every
    language with a few (the browser checks the wiring; every calculator's parsing and formatting in
    every locale is checked in CPython: tests/unit/test_parsing.py, tests/site/test_formats.py).
    ``offset`` shifts the turns, so that the language that types a calculator is not the one that
    opens it from a deep link.
    """
    turn = LANGUAGES.index(lang)
    return [
        calculator
        for index, calculator in enumerate(CALCULATORS)
        if turn == (index + offset) % len(LANGUAGES)
    ]


def for_each(items: Any, *steps: Any, batch: int = 1) -> None:
    """Run the ``steps`` for every item, ``batch`` items at a time; fail once, listing every failure.

    Within a batch each step runs for every item before the next step starts (so the pages a first
    step opens load side by side), and only for the items whose earlier steps passed. One item at a
    time by default: several Pythons starting at once on a busy 2-core machine can each stall past
    the widget's 15-second limit.
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
    items: list[Any], open_: Callable[[Any], Any], check: Callable[[Any, Any], None], batch: int = 1
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


#: Records when the widget's data-state changes, with the failure when it is `error` (installed before
#: the page's own scripts run).
STATE_LOG = """
window.__calcStates = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.attributeName === "data-state" && r.target.matches(".calc")) {
      const { state, failure } = r.target.dataset;
      window.__calcStates.push([state, performance.now(), state === "error" ? failure : null]);
    }
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""


# ---- worked examples typed in ---------------------------------------------------------------------
def open_groups(page: Any) -> None:
    """Open every optional group of the widget, so its fields can be typed into."""
    page.evaluate(
        "() => { for (const d of document.querySelectorAll('.calc details')) d.open = true; }"
    )


def clear_form(page: Any) -> None:
    """Empty every text input of the widget (other tests share the page) and open its groups."""
    page.evaluate(
        """() => {
          for (const input of document.querySelectorAll(".calc input[name]:not([type=radio])")) {
            input.value = "";
          }
        }"""
    )
    open_groups(page)


def type_example(
    page: Any, lang: str, calculator: str, case: str = "", keys: bool = True
) -> dict[str, str]:
    """Type a worked example into the form as a reader of ``lang`` writes its numbers: key by key,
    or with ``keys=False`` each figure at once (as a paste: one input event a field, for tests
    that need the example but do not test typing)."""
    spec = SPECS[calculator]
    values = example(calculator, case)
    clear_form(page)
    for name, value in values.items():
        if name in spec.choices and spec.field(name).radio:
            page.locator(f".calc input[name={name}][value={value}]").check()
        elif name in spec.choices:
            select(page, name, value)
    for name, value in values.items():
        if name not in spec.choices:
            if keys:
                type_into(page, name, typed(value, lang))
            else:
                field(page, name).fill(typed(value, lang))
    return values


def show_example(page: Any, lang: str, calculator: str) -> None:
    """A result in the widget: the language's own figures for a cost calculator, otherwise the
    worked example typed in; waits until every row shows CPython's figure."""
    if calculator in COST_CALCULATORS:
        fill_example(page, lang, calculator)
        return
    type_example(page, lang, calculator, keys=False)
    expect_rows(page, calculator, example_reply(calculator)["result"]["values"])
