"""Bad input in the browser: a matrix of what readers type or paste, in every language, every
calculator, every numeric field.

Every entry of the table states what the widget must do with it in the cost calculators' amount and
count (understood as a given canonical number, checked in the main result's ``data-value`` with a
known divisor: 1 for an amount, 1000 in the costs for a count; or exactly ``error.<code>`` of the
page's own catalog); ``test_the_table_agrees_with_cpython`` ties the table to ``parse_amount`` and
``calculators.web.respond``. In the browser every numeric field of every calculator gets entries:
the whole table on the first field of each kind (money, count, percent, seconds, ...) in every
language for the cost calculators and in two languages for each of the others (elsewhere the short
list and the entries each language reads differently), a short list on the other fields; for each entry the page must show what CPython's ``respond`` answers to the
request the page sent (every result row's ``data-value``, or each error in the page's language,
details filled in), never a broken number, within a few seconds.

The entries go in one page evaluation per field (set the value, fire ``input``, await the render the
probe observes), on the shared article page of each language and calculator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import browser_helpers as h
import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

import calculators
from calculators.errors import CalculatorError
from calculators.specs import SPECS
from calculators.web import respond

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
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

#: Installed once per page: counts the widget's compute requests to its worker and the renders of
#: the main result, and keeps the last request, so the runner knows when the widget has answered.
PROBE = """() => {
  if (window.__probe) return;
  const probe = (window.__probe = { sent: 0, rendered: 0, last: null, waiters: [] });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "compute") {
      probe.sent += 1;
      probe.last = message.request;
    }
    return post.call(this, message, ...rest);
  };
  const main = document.querySelector(".calc .calc__main [data-result]");
  new MutationObserver((records) => {
    probe.rendered += records.filter((r) => r.target === main).length;
    for (const wake of probe.waiters.splice(0)) wake();
  }).observe(main, { childList: true });
}"""

#: Enter each text into field ``name`` as ``page.fill`` does (set the value, fire ``input``) and wait,
#: on the renders the probe observes (no polling), until the widget has answered a request carrying
#: that text; then read the whole result region. An entry not answered within ``ms`` is a timeout.
RUN = """async ([name, texts, ms]) => {
  const probe = window.__probe;
  const root = document.querySelector(".calc[data-calculator]");
  const input = root.querySelector(`input[name="${name}"]`);
  const answered = () =>
    probe.last && probe.last.values[name] === input.value && probe.sent === probe.rendered;
  const answer = () => new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const check = () => {
      if (answered()) {
        clearTimeout(timer);
        resolve(true);
      } else probe.waiters.push(check);
    };
    check();
  });
  const out = [];
  for (const text of texts) {
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const ok = await answer();
    const errors = {};
    for (const e of root.querySelectorAll("[data-error-for]")) {
      if (!e.hidden) errors[e.dataset.errorFor] = e.textContent;
    }
    const rows = {};
    for (const e of root.querySelectorAll("[data-result]")) rows[e.dataset.result] = e.dataset.value ?? null;
    out.push({
      text,
      timeout: !ok,
      ms: performance.now() - start,
      state: root.dataset.state,
      main: root.querySelector(".calc__main [data-result]").textContent,
      rows,
      resultState: root.dataset.resultState ?? null,
      errors,
      invalid: input.getAttribute("aria-invalid"),
      region: root.querySelector(".calc__results").innerText,
      extras: ["source", "comparison", "chart", "shares", "scenario", "table", "carry"]
        .map((n) => root.querySelector(`[data-out="${n}"]`).childNodes.length)
        .reduce((a, b) => a + b, 0),
      request: probe.last,
    });
  }
  return out;
}"""

#: Clear every text input of the widget (other tests share the page) without events.
CLEAR = """() => {
  for (const input of document.querySelectorAll(".calc input[name]:not([type=radio])")) input.value = "";
}"""

#: Never in a result: what a broken number conversion prints (not "null": it is Norwegian for 0).
BROKEN = re.compile(r"NaN|Infinity|undefined|\d[eE][+-]?\d|\[object|Traceback")


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
        for calculator in h.COST_CALCULATORS:
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
            values = (reply["result"] or {}).get("values", {})
            if "value" in want:
                got = values.get(h.main_key(calculator)), reply["errors"]
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


# ---- the matrix in the browser -------------------------------------------------------------------
#: The short list every other numeric field gets: each kind of trouble once, and valid grouped values.
SHORT = [
    e
    for e in ENTRIES
    if e.label
    in {
        "empty",
        "letters",
        "exponent",
        "negative",
        "zero",
        "1,2,3",
        "one dot, three digits",
        "seven decimals",
        "above 10^15",
        "markup",
        "full-width digits",
        "fractional count",
        "grouped count",
    }
]


def full_table_langs(calculator: str) -> tuple[str, ...]:
    """Where a calculator gets the whole table: every language for the two cost calculators (the
    table's own terms), two languages taking turns for each of the others (the run stays short)."""
    if calculator in h.COST_CALCULATORS:
        return LANGS
    i = h.CALCULATORS.index(calculator)
    return (LANGS[i % len(LANGS)], LANGS[(i + 2) % len(LANGS)])


def matrix_fields(calculator: str, lang: str) -> dict[str, list[Entry]]:
    """Every numeric field of a calculator with its entries: the whole table on the first field of
    each kind (the count entries only on counts) in the languages of ``full_table_langs``, there the
    short list and the entries read differently per language otherwise; the short list on the rest."""
    plan: dict[str, list[Entry]] = {}
    kinds: set[str] = set()
    full = lang in full_table_langs(calculator)
    for f in SPECS[calculator].numbers:
        if f.kind in kinds:
            plan[f.name] = SHORT
            continue
        kinds.add(f.kind)
        entries = [e for e in ENTRIES if e.target == "costs" or f.kind == "count"]
        if not full:
            entries = [e for e in entries if e in SHORT or isinstance(e.expect, dict)]
        plan[f.name] = entries
    return plan


def base_values(calculator: str) -> dict[str, str]:
    """The worked example's numbers (canonical) in every numeric field it fills; for the two cost
    calculators 1000 of costs and a count of 1, the table's terms, and nothing else."""
    given = h.example(calculator)
    if calculator in h.COST_CALCULATORS:
        return {"costs": DIVIDEND, h.volume_field(calculator): "1"}
    return {f.name: given.get(f.name, "") for f in SPECS[calculator].numbers}


def message_for(lang: str, calculator: str, error: dict[str, str], example: str) -> str:
    """An error as ``calculator.js`` says it: ``error.<code>`` with its details, the example number
    and the other field's label filled in (``error.unknown`` for a code without a message)."""
    if f"error.{error['code']}" not in h.catalog(lang):
        return h.catalog(lang)["error.unknown"]
    values = {k: v for k, v in error.items() if k != "code"} | {"example": example}
    values["places"] = error.get("places", "")
    if "other" in error:
        label = h.catalog(lang)[SPECS[calculator].field(error["other"]).label]
        values["other"] = label.replace("{currency}", CURRENCY)
    return h.message(lang, f"error.{error['code']}", **values)


def run(page: Any, name: str, texts: list[str]) -> list[dict[str, Any]]:
    return list(page.evaluate(RUN, [name, texts, ANSWER_SECONDS * 1000]))


def prepare(page: Any, calculator: str, lang: str) -> dict[str, str]:
    """A clean form: the base values typed in every numeric field (each touched, as after a reader's
    first inputs; the optional groups open), US dollars, per month, inbound calls; the probe set."""
    page.evaluate(CLEAR)
    page.evaluate(PROBE)
    page.evaluate(
        "() => { for (const d of document.querySelectorAll('.calc details')) d.open = true; }"
    )
    spec = SPECS[calculator]
    for name in spec.choices:
        choice = {"period": "month", "currency": CURRENCY}.get(name)
        choose(page, calculator, name, choice or h.example(calculator).get(name, ""))
    base = base_values(calculator)
    for f in spec.numbers:
        if h.field(page, f.name).is_visible():
            value = base.get(f.name, "")
            run(page, f.name, [h.typed(value, lang) if value else ""])
    return base


def check_answer(
    answer: dict[str, Any], name: str, lang: str, calculator: str, example: str, placeholder: str
) -> None:
    """The page's answer to one entry is CPython's ``respond`` to the request the page sent."""
    assert not answer["timeout"], f"no answer within {ANSWER_SECONDS} s: {answer['state']}"
    assert answer["state"] == "ready"
    request = answer["request"]
    assert request["values"][name] == answer["text"], "the page sent what was typed"
    assert not BROKEN.search(answer["region"]), f"broken number shown: {answer['region']!r}"
    reply = respond(request)
    if reply["result"] is not None:
        want = {key: reply["result"]["values"].get(key) for key in answer["rows"]}
        got = (answer["rows"], answer["resultState"], answer["errors"])
        assert got == (want, "ok", {}), f"expected {want}, got {got}"
        assert answer["invalid"] == "false"
    else:
        messages = {
            field: message_for(lang, calculator, error, example)
            for field, error in reply["errors"].items()
        }
        assert answer["errors"] == messages, f"expected {messages}, got {answer['errors']}"
        if name in messages:
            assert answer["invalid"] == "true"
        # No earlier valid result next to the error: the placeholder only, no details.
        shown = (
            answer["main"],
            answer["resultState"],
            answer["extras"],
            set(answer["rows"].values()),
        )
        assert shown == (placeholder, "empty", 0, {None}), (
            f"result region beside the error: {shown}"
        )


def stated(entry: Entry, lang: str, calculator: str, name: str) -> dict[str, Any] | None:
    """The table's own expectation for an entry in a cost calculator's amount or count."""
    if calculator not in h.COST_CALCULATORS:
        return None
    volume = h.volume_field(calculator)
    if (name, entry.target) in (("costs", "costs"), (volume, "volume")):
        return expected_answer(entry, lang, calculator)
    return None


def choose(page: Any, calculator: str, name: str, value: str) -> None:
    """Set a choice (a select or radio group) to ``value``, or to its initial value."""
    field = SPECS[calculator].field(name)
    value = value or field.initial
    if field.radio:
        page.locator(f".calc input[name='{name}'][value='{value}']").check()
    else:
        h.select(page, name, value)


PAGES = [(lang, calc) for calc in h.CALCULATORS for lang in LANGS]


@pytest.mark.parametrize("pair", PAGES, ids="-".join)
def test_bad_input_matrix(article_page: Any, pair: tuple[str, str]) -> None:
    """Every numeric field of the calculator in this language: what the page shows for each entry is
    what CPython answers to the request the page sent (and, in the cost calculators' amount and count,
    the table's stated expectation); never a broken number, never a hang."""
    lang, calculator = pair
    page = article_page(lang, calculator)
    base = prepare(page, calculator, lang)
    decimal, group = separators(page)
    assert decimal == get_decimal_symbol(lang) and group == get_group_symbol(lang)
    example = h.example_number(page, lang)
    placeholder = h.catalog(lang)["result.placeholder"]
    plan = matrix_fields(calculator, lang)
    failures = []
    spec = SPECS[calculator]
    for name, entries in plan.items():
        # A field that applies under other choices (the rate, when the currency is not USD) is
        # tested under them.
        field_spec = spec.field(name)
        switched = dict(field_spec.when) | {
            choice: next(v for v in spec.choices[choice] if v != value)
            for choice, value in field_spec.unless
        }
        for choice, value in switched.items():
            choose(page, calculator, choice, value)
        if not h.field(page, name).is_visible():
            failures.append(f"[{name}] the field is not shown")
            continue
        answers = run(page, name, [e.text for e in entries])
        for entry, answer in zip(entries, answers, strict=True):
            try:
                check_answer(answer, name, lang, calculator, example, placeholder)
                want = stated(entry, lang, calculator, name)
                if want and "value" in want:
                    main = answer["rows"][h.main_key(calculator)]
                    assert main == want["value"], f"stated {want['value']}, shown {main}"
                elif want:
                    field, code = want["error"]
                    message = h.message(lang, f"error.{code}", example=example, places="6")
                    assert answer["errors"] == {field: message}, (
                        f"stated {code}: {answer['errors']}"
                    )
                assert answer["ms"] < ANSWER_SECONDS * 1000
            except AssertionError as error:
                failures.append(f"[{name}: {entry.label}] {error}")
        value = base.get(name, "")  # back to the base value and choices before the next field
        run(page, name, [h.typed(value, lang) if value else ""])
        for choice in switched:
            choose(page, calculator, choice, {"currency": CURRENCY}.get(choice, ""))
    total = sum(len(v) for v in plan.values())
    assert not failures, f"{len(failures)} of {total} entries failed:\n" + "\n".join(failures)


@pytest.mark.parametrize("calculator", h.COST_CALCULATORS)
def test_an_error_removes_the_previous_result(article_page: Any, calculator: str) -> None:
    """After a valid result, a bad value leaves no trace of that result: not as text, not in the
    ``data-value`` hook that tools read (README: ``data-value`` carries the amount once computed)."""
    volume = h.volume_field(calculator)

    def check(lang: str) -> None:
        page = article_page(lang, calculator)
        prepare(page, calculator, lang)
        run(page, volume, ["4"])
        answer = run(page, "costs", ["100"])[0]
        assert answer["rows"][h.main_key(calculator)] == "25", answer
        answer = run(page, "costs", ["abc"])[0]
        placeholder = h.catalog(lang)["result.placeholder"]
        assert answer["resultState"] == "empty" and answer["main"] == placeholder, answer
        assert set(answer["rows"].values()) == {None}, (
            f"the result shows an error for 'abc' but still carries data-values {answer['rows']} "
            "from the previous valid input"
        )

    failures = []
    for lang in LANGS:
        try:
            check(lang)
        except Exception as error:  # an assertion or a Playwright timeout: name the language
            failures.append(f"[{lang}] {type(error).__name__}: {error}")
    assert not failures, "\n".join(failures)
