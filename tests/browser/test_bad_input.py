"""Bad input in the browser: a matrix of what readers type or paste, in every language, both calculators.

Every entry states what the widget must do with it: either understand it as a given canonical number
(checked in the result's ``data-value`` with a known divisor: 1 for an amount, 1000 in the costs for a
count) or show exactly ``error.<code>`` of the page's own catalog, with ``{example}`` and ``{places}``
filled as ``calculator.js`` does. The stated expectation is also checked against CPython (``parse_amount``
with the separators the widget takes from ``Intl``, and ``calculators.web.respond``), so the table, the
Python module and the page in Pyodide cannot drift apart silently.

Values are entered as ``page.fill`` does (set the value, fire ``input``), one page per language and
calculator; after each entry the test waits until the widget has answered the last request it sent
(a probe counts the worker's ``compute`` messages and the renders of the result), at most a couple of
seconds, and then checks the whole result region.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import browser_helpers as h
import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

import calculators
from calculators.errors import CalculatorError
from calculators.web import respond

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
PAIRS = [(lang, calc) for calc in h.CALCULATORS for lang in LANGS]
#: Amounts are checked in US dollars (2 decimals, no exchange-rate field).
CURRENCY = "USD"
#: How long one entry may take before the widget counts as hung.
ANSWER_SECONDS = 3.0
#: The costs typed while a count is under test (the count is then the divisor).
DIVIDEND = "1000"
TEN_KB_DIGITS = "7" * 10_240
RLM, LRM, LRI, PDI = "\u200f", "\u200e", "\u2066", "\u2069"
NBSP, NNBSP = "\u00a0", "\u202f"


@dataclass(frozen=True)
class Entry:
    """One thing a reader types: into the amount (``costs``) or into the count (``volume``)."""

    label: str
    text: str
    #: ``"=<canonical>"`` (understood as this number) or ``"!<code>"`` (this error), or one per language.
    expect: str | dict[str, str]
    target: str = "costs"  # or "volume": contacts / calls

    def expected(self, lang: str) -> str:
        return self.expect if isinstance(self.expect, str) else self.expect[lang]


#: Where a comma is the decimal mark and the group is a (no-break) space, "1.234" could be 1.234 or
#: 1234: the widget asks. Where the group is a dot (it, nl, vi) it is 1234.
DOT_GROUP = {"nb": "!ambiguous", "ru": "!ambiguous", "it": "=1234", "nl": "=1234", "vi": "=1234"}
DOT_GROUP_7165 = {
    "nb": "!ambiguous",
    "ru": "!ambiguous",
    "it": "=7165",
    "nl": "=7165",
    "vi": "=7165",
}

ENTRIES = [
    # -- nothing, blanks
    Entry("empty", "", "!empty"),
    Entry("blanks", "   ", "!empty"),
    Entry("no-break blanks", f"{NBSP}{NBSP}", "!empty"),
    # -- not numbers
    Entry("letters", "abc", "!not_a_number"),
    Entry("letters and digits", "abc123", "!not_a_number"),
    Entry("exponent", "1e9", "!not_a_number"),
    Entry("exponent with comma", "1,5e3", "!not_a_number"),
    Entry("NaN", "NaN", "!not_a_number"),
    Entry("infinity sign", "∞", "!not_a_number"),
    Entry("Infinity", "Infinity", "!not_a_number"),
    Entry("hex", "0x10", "!not_a_number"),
    Entry("percent", "12%", "!not_a_number"),
    Entry("emoji", "💶", "!not_a_number"),
    Entry("digits and emoji", "71600 😀", "!not_a_number"),
    Entry("vulgar fraction", "½", "!not_a_number"),
    Entry("superscript", "5²", "!not_a_number"),
    Entry("markup", "<b>5</b>", "!not_a_number"),
    Entry("double minus", "--5", "!not_a_number"),
    Entry("trailing minus", "5-", "!not_a_number"),
    # -- signs
    Entry("negative", "-5", "!negative"),
    Entry("negative with minus sign", "\u22125", "!negative"),
    Entry("negative zero", "-0", "=0"),
    Entry("leading plus", "+5", "=5"),
    Entry("zero", "0", "=0"),
    # -- separators
    Entry("1,2,3", "1,2,3", "!malformed"),
    Entry("double dot", "12..5", "!malformed"),
    Entry("dots grouping, comma decimal", "1.234.567,89", "=1234567.89"),
    Entry("commas grouping, dot decimal", "1,234,567.89", "!wrong_locale"),
    Entry("spaces grouping", "1 234 567,89", "=1234567.89"),
    Entry("no-break space grouping", f"1{NBSP}234{NBSP}567,89", "=1234567.89"),
    Entry("narrow no-break space grouping", f"1{NNBSP}234,5", "=1234.5"),
    Entry("one dot, three digits", "1.234", DOT_GROUP),
    Entry("7.165", "7.165", DOT_GROUP_7165),
    Entry("0.125 (dot decimal)", "0.125", "=0.125"),
    Entry("7,165 (rounds half up)", "7,165", "=7.165"),
    Entry("six decimals", "0,000001", "=0.000001"),
    Entry("seven decimals", "0,0000001", "!too_many_decimals"),
    Entry("blanks around", "  71600  ", "=71600"),
    # -- pasted with a currency
    Entry("kr 71 600", "kr 71 600", "=71600"),
    Entry("€ 1.234,56", "€ 1.234,56", "=1234.56"),
    Entry("71 600 ₽", "71 600 ₽", "=71600"),
    Entry("$7.16", "$7.16", "=7.16"),
    Entry("12,50 USD", "12,50 USD", "=12.5"),
    Entry(
        "71.600 ₫",
        "71.600 ₫",
        {"nb": "!ambiguous", "ru": "!ambiguous"} | dict.fromkeys(("it", "nl", "vi"), "=71600"),
    ),
    # -- other digits, invisible marks
    Entry("full-width digits", "７１６００", "=71600"),
    Entry("full-width comma", "７１６００，５", "=71600.5"),
    Entry("Arabic-Indic digits", "٧١٦٠٠", "=71600"),
    Entry("Persian digits", "۷۱۶۰۰", "=71600"),
    Entry("Devanagari digits", "७१६००", "=71600"),
    Entry("right-to-left marks", f"{RLM}71600{RLM}", "=71600"),
    Entry("left-to-right marks", f"{LRM}71 600,50{LRM}", "=71600.5"),
    Entry("isolates", f"{LRI}71600{PDI}", "=71600"),
    # -- size
    Entry("10^15", "1000000000000000", "=1000000000000000"),
    Entry("above 10^15", "1000000000000001", "!too_large"),
    Entry("10 kB of digits", TEN_KB_DIGITS, "!too_large"),
    # -- counts (the divisor)
    Entry("zero count", "0", "!zero_divisor", "volume"),
    Entry("zero count with decimals", "0,0", "!zero_divisor", "volume"),
    Entry("negative zero count", "-0", "!zero_divisor", "volume"),
    Entry("empty count", "", "!empty", "volume"),
    Entry("blank count", "  ", "!empty", "volume"),
    Entry("negative count", "-3", "!negative", "volume"),
    Entry("fractional count", "2,5", "!not_whole", "volume"),
    Entry("count in exponent form", "1e3", "!not_a_number", "volume"),
    Entry("NaN count", "NaN", "!not_a_number", "volume"),
    Entry("infinite count", "∞", "!not_a_number", "volume"),
    Entry("count in letters", "seven", "!not_a_number", "volume"),
    Entry("full-width count", "４", "=4", "volume"),
    Entry("Arabic-Indic count", "٤", "=4", "volume"),
    Entry("count with plus", "+8", "=8", "volume"),
    Entry("count of 7 (repeating result)", "7", "=7", "volume"),
    Entry("grouped count", "1 000", "=1000", "volume"),
    Entry("huge count", "1000000000000000", "=1000000000000000", "volume"),
    Entry("too large count", "1000000000000001", "!too_large", "volume"),
    Entry("10 kB count", TEN_KB_DIGITS, "!too_large", "volume"),
]

#: Probe: counts the widget's compute requests to its worker and the renders of the main result, and
#: keeps the last request, so a test knows when the widget has answered what is in the form.
PROBE = """() => {
  if (window.__probe) return;
  const probe = (window.__probe = { sent: 0, rendered: 0, last: null });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "compute") {
      probe.sent += 1;
      probe.last = message.request;
    }
    return post.call(this, message, ...rest);
  };
  const main = document.querySelector(".calc [data-result]");
  new MutationObserver((records) => {
    probe.rendered += records.filter((r) => r.target === main).length;
  }).observe(main, { childList: true });
}"""

#: Wait until the widget has answered a request carrying the field's current value, then read the
#: result region. Resolves ``{timeout: true}`` after ``ms`` milliseconds.
ANSWER = """async ([name, ms]) => {
  const probe = window.__probe;
  const root = document.querySelector(".calc[data-calculator]");
  const input = root.querySelector(`input[name="${name}"]`);
  const start = performance.now();
  const answered = () =>
    probe.last && probe.last.values[name] === input.value && probe.sent === probe.rendered;
  while (!answered()) {
    if (performance.now() - start > ms) return { timeout: true, state: root.dataset.state };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const main = root.querySelector("[data-result]");
  const errors = {};
  for (const e of root.querySelectorAll("[data-error-for]")) {
    if (!e.hidden) errors[e.dataset.errorFor] = e.textContent;
  }
  return {
    timeout: false,
    ms: performance.now() - start,
    state: root.dataset.state,
    text: main.textContent,
    value: main.dataset.value ?? null,
    resultState: root.dataset.resultState ?? null,
    errors,
    invalid: input.getAttribute("aria-invalid"),
    region: root.querySelector(".calc__results").textContent,
    extras: ["source", "comparison", "chart", "annual", "shares", "scenario"]
      .map((n) => root.querySelector(`[data-out="${n}"]`).childNodes.length)
      .reduce((a, b) => a + b, 0),
    status: root.querySelector("[data-status-text]").textContent,
  };
}"""

#: Clear every text input of the widget (other tests share the page) without events.
CLEAR = """() => {
  for (const input of document.querySelectorAll(".calc input[name]:not([type=radio])")) input.value = "";
}"""

#: Never in a result: what a broken number conversion prints (not "null": it is Norwegian for 0).
BROKEN = re.compile(r"NaN|Infinity|undefined|\d[eE][+-]?\d|\[object")


def separators(page: Any) -> tuple[str, str]:
    """The decimal and group marks the widget sends (``Intl`` of the page's language)."""
    parts = page.evaluate(
        "lang => Object.fromEntries(new Intl.NumberFormat(lang).formatToParts(1234567.5)"
        ".filter(p => p.type === 'decimal' || p.type === 'group').map(p => [p.type, p.value]))",
        page.locator(".calc").get_attribute("lang"),
    )
    return parts["decimal"], parts["group"]


def divide(calculator: str, costs: Decimal | str, volume: Decimal | str) -> str:
    formula = (
        calculators.cost_per_contact
        if calculator == "cost-per-contact"
        else calculators.cost_per_call_inbound
    )
    return h.money(formula(costs, volume), CURRENCY)


def parse(text: str, decimal: str, group: str) -> str:
    """CPython's reading of ``text``: ``=canonical`` or ``!code`` (empty text: ``!empty``)."""
    if not text.strip():
        return "!empty"
    try:
        return "=" + calculators.canonical(calculators.parse_amount(text, decimal, group))
    except CalculatorError as error:
        return "!" + error.code


def typed_pair(entry: Entry, calculator: str) -> dict[str, str]:
    """The two fields' texts for an entry: the entry in its field, a known value in the other."""
    volume = h.volume_field(calculator)
    if entry.target == "costs":
        return {"costs": entry.text, volume: "1"}
    return {"costs": DIVIDEND, volume: entry.text}


def expected_answer(entry: Entry, lang: str, calculator: str) -> dict[str, Any]:
    """What the widget must show for an entry: ``{"value": canonical}`` or ``{"error": (field, code)}``."""
    expect = entry.expected(lang)
    volume = h.volume_field(calculator)
    field = "costs" if entry.target == "costs" else volume
    if expect.startswith("!"):
        return {"error": (field, expect[1:])}
    number = Decimal(expect[1:])
    if entry.target == "costs":
        return {"value": divide(calculator, number, 1)}
    if number == 0:
        return {"error": (field, "zero_divisor")}
    return {"value": divide(calculator, DIVIDEND, number)}


def collect(items: Any, check: Any) -> list[str]:
    """Run ``check(item)`` for every item; the failures, each named by its item."""
    failures = []
    for item in list(items):
        try:
            check(item)
        except Exception as error:  # an assertion or a Playwright timeout: report it with the item
            failures.append(f"[{getattr(item, 'label', item)}] {type(error).__name__}: {error}")
    return failures


def test_the_matrix_is_big_enough() -> None:
    for target in ("costs", "volume"):
        assert len({e.label for e in ENTRIES if e.target == target}) == len(
            [e for e in ENTRIES if e.target == target]
        )
    assert len(ENTRIES) >= 30
    assert {e.expected("nb")[1:] for e in ENTRIES if e.expected("nb").startswith("!")} >= {
        "empty",
        "not_a_number",
        "negative",
        "zero_divisor",
        "too_large",
        "malformed",
        "ambiguous",
        "wrong_locale",
        "not_whole",
        "too_many_decimals",
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_agrees_with_cpython(lang: str) -> None:
    """Each stated expectation is what ``parse_amount`` and ``respond`` say in CPython, with CLDR's marks.

    The widget takes the marks from the browser's ``Intl``; Babel (the build's CLDR) must give the same
    ones (for nb and ru the group is U+00A0, not a plain space), or the page and the article would read
    numbers differently.
    """
    decimal, group = get_decimal_symbol(lang), get_group_symbol(lang)
    assert decimal == ","
    assert group == {"nb": NBSP, "ru": NBSP}.get(lang, ".")
    failures = []
    for entry in ENTRIES:
        if entry.target == "costs" and parse(entry.text, decimal, group) != entry.expected(lang):
            failures.append(f"{entry.label}: parse_amount says {parse(entry.text, decimal, group)}")
        for calculator in h.CALCULATORS:
            reply = respond(
                {
                    "calculator": calculator,
                    "values": typed_pair(entry, calculator) | {"mode": "inbound"},
                    "decimal": decimal,
                    "group": group,
                    "currency": CURRENCY,
                    "digits": 2,
                }
            )
            want = expected_answer(entry, lang, calculator)
            if "value" in want:
                got = (reply["result"] or {}).get("main"), reply["errors"]
                ok = got == (want["value"], {})
            else:
                field, code = want["error"]
                got = reply["result"], reply["errors"]
                ok = reply["result"] is None and {
                    k: v["code"] for k, v in reply["errors"].items()
                } == {field: code}
            if not ok:
                failures.append(
                    f"{entry.label} ({calculator}): respond gives {got}, expected {want}"
                )
    assert not failures, "\n".join(failures)


def prepare(page: Any, calculator: str) -> None:
    """A clean form: nothing in any field, US dollars, per month, inbound calls; the probe installed."""
    page.evaluate(CLEAR)
    page.evaluate(PROBE)
    if calculator == "cost-per-call":
        h.set_mode(page, "inbound")
    h.select(page, "period", "month")
    h.select(page, "currency", CURRENCY)


def enter(page: Any, name: str, text: str) -> dict[str, Any]:
    """Fill a field as ``page.fill`` does and return the widget's answer (or a timeout)."""
    started = time.monotonic()
    h.field(page, name).fill(text)
    answer = dict(page.evaluate(ANSWER, [name, ANSWER_SECONDS * 1000]))
    answer["seconds"] = time.monotonic() - started
    return answer


@pytest.mark.parametrize("pair", PAIRS, ids="-".join)
def test_bad_input_matrix(article_page: Any, pair: tuple[str, str]) -> None:
    lang, calculator = pair
    page = article_page(lang, calculator)
    prepare(page, calculator)
    decimal, group = separators(page)
    assert decimal == get_decimal_symbol(lang) and group == get_group_symbol(lang)
    example = h.example_number(page, lang)
    placeholder = h.catalog(lang)["result.placeholder"]
    volume = h.volume_field(calculator)
    # Both fields start touched with a valid value, as after a reader's first input: an emptied
    # field then shows "enter a number" (an untouched empty field stays quiet).
    current = {"costs": "1", volume: "1"}
    for name, text in current.items():
        enter(page, name, text)

    def check(entry: Entry) -> None:
        answer: dict[str, Any] = {}
        for name, text in typed_pair(entry, calculator).items():
            if current[name] != text or name == ("costs" if entry.target == "costs" else volume):
                answer = enter(page, name, text)
                current[name] = text
                assert not answer["timeout"], f"no answer within {ANSWER_SECONDS} s: {answer}"
        assert answer["seconds"] < ANSWER_SECONDS, f"answered after {answer['seconds']:.1f} s"
        assert answer["state"] == "ready"
        assert not BROKEN.search(answer["region"]), f"broken number shown: {answer['region']!r}"
        want = expected_answer(entry, lang, calculator)
        if "value" in want:
            text = h.intl_money(page, lang, CURRENCY, want["value"])
            got = (answer["value"], answer["text"], answer["resultState"], answer["errors"])
            assert got == (want["value"], text, "ok", {}), f"expected {want['value']}, got {got}"
        else:
            field, code = want["error"]
            message = h.message(lang, f"error.{code}", example=example, places="6")
            assert answer["errors"] == {field: message}, f"expected {code}: {answer['errors']}"
            field_answer = page.locator(f".calc [name='{field}']").get_attribute("aria-invalid")
            assert field_answer == "true"
            # No earlier valid result next to the error: the placeholder only, no details.
            shown = (answer["text"], answer["resultState"], answer["extras"])
            assert shown == (placeholder, "empty", 0), f"result region beside the error: {shown}"

    failures = collect(ENTRIES, check)
    assert not failures, f"{len(failures)} of {len(ENTRIES)} entries failed:\n" + "\n".join(
        failures
    )


@pytest.mark.parametrize("calculator", h.CALCULATORS)
def test_an_error_removes_the_previous_result(article_page: Any, calculator: str) -> None:
    """After a valid result, a bad value leaves no trace of that result: not as text, not in the
    ``data-value`` hook that tools read (README: ``data-value`` carries the amount once computed)."""
    volume = h.volume_field(calculator)

    def check(lang: str) -> None:
        page = article_page(lang, calculator)
        prepare(page, calculator)
        enter(page, volume, "4")
        answer = enter(page, "costs", "100")
        assert answer["value"] == "25", answer
        answer = enter(page, "costs", "abc")
        assert (
            answer["resultState"] == "empty"
            and answer["text"] == h.catalog(lang)["result.placeholder"]
        ), answer
        assert answer["value"] is None, (
            f"the result shows an error for 'abc' but still carries data-value={answer['value']!r} "
            "from the previous valid input"
        )

    failures = collect(LANGS, check)
    assert not failures, "\n".join(failures)
