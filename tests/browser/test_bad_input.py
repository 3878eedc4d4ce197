"""Bad input in the browser: in every language, one numeric field of each kind (money, count,
percent, seconds, minutes, hours, number), the calculators taking turns across the languages, gets a
handful of the entries of ``tests/bad_inputs.py``; for each the page must show what CPython's
``respond`` answers to the request the page sent (every result row's ``data-value``, or each error in
the page's language, details filled in), never a broken number, within a few seconds; in the division
calculators' amount and count also the table's stated expectation.

What moved to CPython (tests/site/test_bad_input_table.py): every entry in every numeric field of every
calculator with every language's separators, each error's message in every catalog, and the table's
agreement with ``parse_amount``. The browser proves the wiring those rest on: the page sends the text
as typed with its ``Intl`` separators (the same as Babel's), and shows the reply as ``respond`` gives it.

The entries go in one page evaluation per field (set the value, fire ``input``, await the render the
probe observes), on the shared article page of each language and calculator.
"""

from __future__ import annotations

import re
from typing import Any

import browser_helpers as h
import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

from calculators.kpis import SPECS
from calculators.web import respond
from tests import bad_inputs as b
from tests.bad_inputs import CURRENCY, ENTRIES, Entry

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
#: How long one entry may take before the widget counts as hung.
ANSWER_SECONDS = 3.0
#: The handful every field under test gets: each kind of trouble once, one entry each language reads
#: its own way, valid grouped digits; counts also a fraction and a zero.
HANDFUL = [
    e
    for e in ENTRIES
    if e.label
    in {
        "empty",
        "letters",
        "negative",
        "1,2,3",
        "one dot, three digits",
        "seven decimals",
        "above 10^15",
        "full-width digits",
        "spaces grouping",
        "fractional count",
        "zero count",
    }
]


#: Installed once per page: keeps the last compute request the widget sends its worker, and wakes
#: the runner whenever the result region's ``aria-busy`` changes (the widget clears it once the answer
#: to its last request is shown), so the runner knows when the widget has answered.
PROBE = """() => {
  if (window.__probe) return;
  const probe = (window.__probe = { last: null, waiters: [] });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "compute") probe.last = message.request;
    return post.call(this, message, ...rest);
  };
  const results = document.querySelector(".calc .calc__results");
  new MutationObserver(() => {
    for (const wake of probe.waiters.splice(0)) wake();
  }).observe(results, { attributes: true, attributeFilter: ["aria-busy"] });
}"""

#: Enter each text into field ``name`` as ``page.fill`` does (set the value, fire ``input``) and wait,
#: on the changes the probe observes (no polling), until the widget has answered a request carrying
#: that text; then read the whole result region. An entry not answered within ``ms`` is a timeout.
RUN = """async ([name, texts, ms]) => {
  const probe = window.__probe;
  const root = document.querySelector(".calc[data-calculator]");
  const input = root.querySelector(`input[name="${name}"]`);
  const results = root.querySelector(".calc__results");
  const answered = () =>
    probe.last && probe.last.values[name] === input.value && results.getAttribute("aria-busy") === "false";
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


# ---- the matrix in the browser -------------------------------------------------------------------
def kinds() -> list[str]:
    """Every kind of numeric field in the registry, in the order the calculators first use them."""
    return list(dict.fromkeys(f.kind for spec in SPECS.values() for f in spec.numbers))


def first_fields(calculator: str) -> dict[str, str]:
    """The first field of each kind in a calculator, by kind, in the registry's order of kinds."""
    names: dict[str, str] = {}
    for f in SPECS[calculator].numbers:
        names.setdefault(f.kind, f.name)
    return {kind: names[kind] for kind in kinds() if kind in names}


def plans() -> dict[str, dict[str, list[str]]]:
    """The fields each language tests, by calculator: one field of each kind, on as few pages as
    can be while every calculator comes up in some language. Each language in turn takes, until it
    has every kind, the calculator with a kind it still lacks that was visited least so far (of
    those, the one with most of its missing kinds)."""
    offer = {
        calculator: first_fields(calculator) for calculator, spec in SPECS.items() if spec.numbers
    }
    visits = dict.fromkeys(offer, 0)
    chosen: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        missing, fields = set(kinds()), chosen.setdefault(lang, {})
        while missing:
            gains = {c: len(missing & fields_of.keys()) for c, fields_of in offer.items()}
            ranks = {c: (gain > 0, -visits[c], gain) for c, gain in gains.items()}
            best = max(ranks, key=ranks.__getitem__)
            for kind, name in offer[best].items():
                if kind in missing:
                    fields.setdefault(best, []).append(name)
                    missing.discard(kind)
            visits[best] += 1
    return chosen


def plan(lang: str) -> dict[str, list[str]]:
    """The fields ``lang`` tests, by calculator (see ``plans``)."""
    return PLANS[lang]


PLANS = plans()


def test_the_plan_covers_every_kind_in_every_language_and_every_calculator() -> None:
    for lang in LANGS:
        tested = [SPECS[c].field(n).kind for c, names in plan(lang).items() for n in names]
        assert sorted(tested) == sorted(kinds()), (lang, tested)
    covered = {c for lang in LANGS for c in plan(lang)}
    assert covered == {c for c, spec in SPECS.items() if spec.numbers}, covered


def entries_for(calculator: str, name: str) -> list[Entry]:
    """The handful (the count entries only in counts)."""
    count = SPECS[calculator].field(name).kind == "count"
    return [e for e in HANDFUL if e.target == "costs" or count]


def base_values(calculator: str) -> dict[str, str]:
    """The worked example's numbers (canonical) in every numeric field it fills; for the two cost
    calculators 1000 of costs and a count of 1, the table's terms, and nothing else."""
    given = h.example(calculator)
    if calculator in b.DIVISIONS:
        return {"costs": b.DIVIDEND, b.volume_field(calculator): "1"}
    return {f.name: given.get(f.name, "") for f in SPECS[calculator].numbers}


def message_for(lang: str, calculator: str, at: str, error: dict[str, str], example: str) -> str:
    return b.message_for(h.catalog(lang), calculator, error, example, at, lang)


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
        if page.locator(f".calc [name='{name}']").first.is_visible():  # e.g. a day plan's hours
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
    messages = {
        field: message_for(lang, calculator, field, error, example)
        for field, error in reply["errors"].items()
    }
    if reply["result"] is not None:
        # beside the result only a mistake in a what-if field, which leaves the what-if out
        want = {key: reply["result"]["values"].get(key) for key in answer["rows"]}
        got = (answer["rows"], answer["resultState"], answer["errors"])
        assert got == (want, "ok", messages), f"expected {want}, got {got}"
        assert answer["invalid"] == ("true" if name in messages else "false")
    else:
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
    if calculator not in b.DIVISIONS:
        return None
    volume = b.volume_field(calculator)
    if (name, entry.target) in (("costs", "costs"), (volume, "volume")):
        return b.expected_answer(entry, lang, calculator)
    return None


def choose(page: Any, calculator: str, name: str, value: str) -> None:
    """Set a choice (a select or radio group) to ``value``, or to its initial value."""
    field = SPECS[calculator].field(name)
    value = value or field.initial
    if field.radio:
        page.locator(f".calc input[name='{name}'][value='{value}']").check()
    else:
        h.select(page, name, value)


#: Open defect: on the nb pages the first typed entry sometimes gets no answer and each later one
#: shows the previous entry's errors (seen twice in four runs since the lazy start; every entry is
#: also checked in CPython by tests/site/test_bad_input_table.py). See the closing note.
PAGES = [pytest.param((lang, calc), id=f"{lang}-{calc}") for lang in LANGS for calc in plan(lang)]


@pytest.mark.parametrize("pair", PAGES)
def test_bad_input_matrix(article_page: Any, pair: tuple[str, str]) -> None:
    """The fields this language tests in this calculator: what the page shows for each entry is
    what CPython answers to the request the page sent (and, in a division calculator's amount and
    count, the table's stated expectation); never a broken number, never a hang."""
    lang, calculator = pair
    page = article_page(lang, calculator)
    base = prepare(page, calculator, lang)
    decimal, group = separators(page)
    assert decimal == get_decimal_symbol(lang) and group == get_group_symbol(lang)
    example = h.example_number(lang)
    placeholder = h.catalog(lang)["result.placeholder"]
    plan_ = {name: entries_for(calculator, name) for name in plan(lang)[calculator]}
    failures = []
    spec = SPECS[calculator]
    for name, entries in plan_.items():
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
    total = sum(len(v) for v in plan_.values())
    assert not failures, f"{len(failures)} of {total} entries failed:\n" + "\n".join(failures)


@pytest.mark.parametrize("calculator", h.COST_CALCULATORS)
def test_an_error_removes_the_previous_result(article_page: Any, calculator: str) -> None:
    """After a valid result, a bad value leaves no trace of that result: not as text, not in the
    ``data-value`` hook that tools read (README: ``data-value`` carries the amount once computed)."""
    volume = b.volume_field(calculator)

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
    # Each language once: the cost calculators take turns.
    for lang in LANGS[h.COST_CALCULATORS.index(calculator) :: len(h.COST_CALCULATORS)]:
        try:
            check(lang)
        except Exception as error:  # an assertion or a Playwright timeout: name the language
            failures.append(f"[{lang}] {type(error).__name__}: {error}")
    assert not failures, "\n".join(failures)
