"""What comes in through the page URL: values are data, never markup; odd queries are handled.

- Script-like payloads in every link parameter (and in unknown ones), on a page of every language:
  nothing runs (``window.__xss`` stays undefined), no element appears, no Content-Security-Policy
  violation is reported, and the text shows up only as an input's value (or not at all). Each value
  carries every payload, on the pages of calculators that together have a field of every kind,
  control and role (the widget's code is the same for every calculator; every field of every
  calculator answers arbitrary text in CPython, tests/unit/test_properties.py).
- Choices that are not one of the offered values keep the default, as unknown parameters are ignored.
- An absurdly long query (100 kB, 5,000 unknown parameters) loads and the widget answers.
- A link made on the Norwegian page gives the same canonical result on every other language's page.
"""

from __future__ import annotations

import html.parser
import time
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import browser_helpers as h
import pytest

import calculators
from calculators.kpis import SPECS

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
#: Every parameter a link can carry, of every calculator (those of another calculator are unknown
#: parameters to a page), and the choices among them.
PARAMETERS = tuple(dict.fromkeys(f.name for spec in SPECS.values() for f in spec.fields))
CHOICES = tuple(dict.fromkeys(name for spec in SPECS.values() for name in spec.choices))
PAYLOADS = (
    "<img src=x onerror=window.__xss=1>",
    '"><script>window.__xss=1</script>',
    "javascript:alert(1)",
    "</script><svg onload=window.__xss=1>",
)
#: What a payload leaves behind if it ever became markup or ran.
MARKERS = ("__xss", "javascript:alert", "onerror", "onload=", "<script", "<img", "<svg")
#: calculator/url-state.js (READ_LIMIT) reads at most this many characters of a parameter.
READLINK_LIMIT = 200

#: Installed before the page's scripts: the CSP-violation listener, element counts when the document
#: is parsed (before the widget reads the URL), and a probe of the widget's requests and renders.
INIT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
const __count = (scope) => Object.fromEntries(
  ["img", "script", "svg", "iframe", "object", "embed", "a"].map((t) => [t, scope.querySelectorAll(t).length]),
);
document.addEventListener("DOMContentLoaded", () => {
  const calc = document.querySelector(".calc");
  window.__before = { calc: calc ? __count(calc) : null, doc: __count(document) };
});
window.__probe = { sent: 0, rendered: 0 };
const __post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && message.type === "compute") window.__probe.sent += 1;
  return __post.call(this, message, ...rest);
};
new MutationObserver((records) => {
  if (document.readyState === "loading") return; // the parser inserting the placeholder
  const main = document.querySelector(".calc [data-result]"); // the first main row
  window.__probe.rendered += records.filter((r) => r.target === main).length;
}).observe(document, { subtree: true, childList: true });
"""

SNAPSHOT = """() => {
  const root = document.querySelector(".calc[data-calculator]");
  const count = (scope) => Object.fromEntries(
    ["img", "script", "svg", "iframe", "object", "embed", "a"].map((t) => [t, scope.querySelectorAll(t).length]),
  );
  const values = {};
  for (const i of root.querySelectorAll("input[name]:not([type=radio]), select[name]")) values[i.name] = i.value;
  const errors = {};
  for (const e of root.querySelectorAll("[data-error-for]")) if (!e.hidden) errors[e.dataset.errorFor] = e.textContent;
  const main = root.querySelector(".calc__main [data-result]");
  return {
    xss: typeof window.__xss === "undefined" ? null : String(window.__xss),
    csp: window.__csp,
    before: window.__before,
    after: { calc: count(root), doc: count(document) },
    handlers: [...document.querySelectorAll("*")]
      .flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`)),
    values,
    modes: Object.fromEntries([...root.querySelectorAll("input[name=mode]")].map((i) => [i.value, i.checked])),
    html: document.documentElement.outerHTML,
    text: document.body.innerText,
    state: root.dataset.state,
    resultState: root.dataset.resultState ?? null,
    value: main.dataset.value ?? null,
    errors,
    url: location.href,
  };
}"""

#: The embed button's snippet (opened as a reader would): the HTML a help-desk author would paste.
EMBED = """() => {
  const button = document.querySelector(".calc [data-action=embed]");
  if (button.getAttribute("aria-expanded") !== "true") button.click();
  return document.querySelector(".calc [data-out=embed]").value;
}"""


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append([tag, *(name for name, _ in attrs)])


def tags(snippet: str) -> list[list[str]]:
    """The elements of an HTML snippet, each as its tag and attribute names."""
    parser = _Tags()
    parser.feed(snippet)
    return parser.tags


def answered(page: Any, timeout: float = 40) -> None:
    """Wait until the widget is ready and has rendered the answer to every request it sent."""
    h.wait_ready(page, timeout)
    page.wait_for_function(
        "() => window.__probe.sent > 0 && window.__probe.sent === window.__probe.rendered",
        timeout=10_000,
    )


def payload_query(shift: int) -> dict[str, str]:
    """Every parameter with all the payloads one after the other (rotated by ``shift``, so each
    parameter starts with another; together they stay within ``READLINK_LIMIT``), and unknown
    parameters with payloads."""
    n = len(PAYLOADS)
    query = {
        name: "".join(PAYLOADS[(i + shift + k) % n] for k in range(n))
        for i, name in enumerate(PARAMETERS)
    }
    query |= {"utm_source": PAYLOADS[shift % n], "x-unknown": PAYLOADS[(shift + 1) % n]}
    return query


def field_shape(field: Any) -> tuple[str, str, str]:
    """What the widget's generic code does with a field: its kind, its control and its role."""
    control = "radio" if field.radio else "select" if field.choices else "input"
    return field.kind, control, field.role


def payload_calculators() -> list[str]:
    """Calculators that together have a field of every shape (picked greedily, the one adding the
    most shapes first), then the next of the registry until every language can have a page."""
    shapes = {calc: {field_shape(f) for f in SPECS[calc].fields} for calc in h.CALCULATORS}
    left, chosen = set().union(*shapes.values()), []
    while left:
        best = max(h.CALCULATORS, key=lambda calc: len(shapes[calc] & left))
        chosen.append(best)
        left -= shapes[best]
    rest = [calc for calc in h.CALCULATORS if calc not in chosen]
    return chosen + rest[: max(0, len(LANGS) - len(chosen))]


#: One page per calculator of the cover, every payload in every parameter; the languages take turns.
PAYLOAD_PAGES = {(LANGS[i % len(LANGS)], calc): i for i, calc in enumerate(payload_calculators())}


def page_ids() -> list[tuple[str, str]]:
    return list(PAYLOAD_PAGES)


@pytest.fixture(scope="module")
def payload_pages(lang_context: Any, watch_page: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """Open each payload page and take a snapshot once the widget has answered."""
    snapshots: dict[tuple[str, str], dict[str, Any]] = {}
    queries = {item: payload_query(shift) for item, shift in PAYLOAD_PAGES.items()}

    def open_(item: tuple[str, str]) -> Any:
        lang, calc = item
        page = watch_page(lang_context(lang).new_page())
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.add_init_script(INIT)
        page.goto(h.article_path(lang, calc, urlencode(queries[item], quote_via=quote)))
        return page

    def check(item: tuple[str, str], page: Any) -> None:
        answered(page)
        snapshot = dict(page.evaluate(SNAPSHOT))
        snapshot["query"] = queries[item]
        snapshot["embed"] = page.evaluate(EMBED)
        snapshot["xss_after_embed"] = page.evaluate("typeof window.__xss")
        snapshot["problems"] = list(page.problems)
        snapshots[item] = snapshot

    failures = h.in_batches(page_ids(), open_, check)
    if failures:
        pytest.fail("pages with payloads in the URL did not load:\n" + "\n".join(failures))
    return snapshots


@pytest.mark.parametrize("pair", page_ids(), ids="-".join)
def test_url_payloads_never_become_markup(
    payload_pages: dict[tuple[str, str], dict[str, Any]], pair: tuple[str, str]
) -> None:
    snap = payload_pages[pair]
    # Every payload went into every parameter of this calculator, within what the widget reads.
    for name in (f.name for f in SPECS[pair[1]].fields):
        for payload in PAYLOADS:
            assert payload in snap["query"][name][:READLINK_LIMIT], (name, payload)
    assert snap["xss"] is None and snap["xss_after_embed"] == "undefined", "a payload ran"
    assert snap["csp"] == [], f"Content-Security-Policy violations: {snap['csp']}"
    assert snap["problems"] == [], f"console errors: {snap['problems']}"
    assert snap["handlers"] == [], f"inline event handlers in the document: {snap['handlers']}"
    # No element appeared, in the widget or anywhere (the widget has only its JSON config script).
    assert snap["before"]["calc"] == snap["after"]["calc"], (snap["before"], snap["after"])
    assert snap["after"]["calc"] | {"script": 0} == dict.fromkeys(snap["after"]["calc"], 0)
    assert snap["after"]["calc"]["script"] == 1
    for tag in ("img", "script", "iframe", "object", "embed"):
        assert snap["before"]["doc"][tag] == snap["after"]["doc"][tag], (
            tag,
            snap["before"],
            snap["after"],
        )
    # The text is only an input's value: in the serialized document and the visible text, nothing.
    for marker in ("__xss", "javascript:alert"):
        assert marker not in snap["html"], f"{marker!r} is in the document's markup"
    for marker in MARKERS:
        assert marker not in snap["text"], f"{marker!r} is shown as text"
    # Number fields show the raw text (up to 200 characters) with an error; choices keep a valid value.
    query = snap["query"]
    for name, value in snap["values"].items():
        if name in query and name not in CHOICES:
            assert value == query[name][:READLINK_LIMIT], (name, value)
    number_fields = [n for n in snap["values"] if n in query and n not in CHOICES]
    assert snap["state"] == "ready" and snap["resultState"] == "empty" and snap["value"] is None
    visible = set(snap["errors"])
    assert visible and visible <= set(number_fields), snap["errors"]
    # The embed snippet made from this URL is one iframe with the usual attributes, nothing else.
    assert tags(snap["embed"]) == [
        ["iframe", "src", "title", "width", "height", "allow", "loading", "style"]
    ], snap["embed"]


@pytest.mark.parametrize("pair", page_ids(), ids="-".join)
def test_invalid_choices_keep_their_defaults(
    payload_pages: dict[tuple[str, str], dict[str, Any]], pair: tuple[str, str]
) -> None:
    """``period``, ``currency`` and ``mode`` with a value that is not on offer keep their default
    (month, the language's currency, inbound), as the README says of unknown parameters."""
    lang, calc = pair
    snap = payload_pages[pair]
    spec = SPECS[calc]
    for name in spec.choices:
        if spec.field(name).radio:
            continue
        default = h.DEFAULT_CURRENCY[lang] if name == "currency" else spec.field(name).initial
        assert snap["values"][name] == default, (name, snap["values"][name], default)
    if "mode" in spec.choices:
        assert snap["modes"] == {"inbound": True, "outbound": False}, (
            f"mode={snap['query']['mode']!r} in the link leaves the mode radios at {snap['modes']} "
            "(expected the default, inbound, to stay checked)"
        )


# ---- absurd queries ------------------------------------------------------------------------------
def serve_without_query(page: Any, path: str) -> None:
    """Answer the document request with the page the server has for ``path`` (no query).

    Python's http.server (like most servers: nginx's default limit is 8 kB) rejects a request line
    over 64 kB with 414, so the long query would never reach the page; the browser itself takes it.
    """

    def handle(route: Any) -> None:
        if urlsplit(route.request.url).path == path and route.request.resource_type == "document":
            route.fulfill(response=route.fetch(url=route.request.url.split("?")[0]))
        else:
            route.fallback()

    page.route("**/glossary/**", handle)


LONG_CASES = {
    # 100 kB in one value: the widget reads 200 characters and says the number is too large.
    "one 100 kB value": ("nb", "cost-per-contact", "costs=" + "1" * 100_000 + "&contacts=4"),
    # costs=1 repeated to 100 kB: the first one counts.
    "costs=1 repeated": ("ru", "cost-per-call", "costs=1&" * 12_500 + "calls=4&currency=EUR"),
}
UNKNOWN = "&".join(f"u{i}=v{i}" for i in range(5_000))


def test_absurdly_long_queries_are_handled(lang_context: Any, watch_page: Any) -> None:
    def open_(name: str) -> Any:
        lang, calc, query = LONG_CASES[name]
        page = watch_page(lang_context(lang).new_page())
        page.add_init_script(INIT)
        path = h.article_path(lang, calc)
        serve_without_query(page, path)
        url = f"{path}?{query}&{UNKNOWN}"
        assert len(url) > 100_000 or name != "one 100 kB value"
        page.started = time.monotonic()
        page.goto(url)
        return page

    def check(name: str, page: Any) -> None:
        lang = LONG_CASES[name][0]
        answered(page)
        assert time.monotonic() - page.started < 40
        snap = page.evaluate(SNAPSHOT)
        assert snap["csp"] == []
        if name == "one 100 kB value":
            assert snap["values"]["costs"] == "1" * READLINK_LIMIT
            assert snap["errors"] == {"costs": h.message(lang, "error.too_large")}
            assert snap["value"] is None
        else:
            assert snap["errors"] == {}
            assert snap["value"] == h.money(calculators.cost_per_call_inbound(1, 4), "EUR")
            # The page's URL now carries only the known parameters, once each.
            query = parse_qs(urlsplit(snap["url"]).query)
            assert query["costs"] == ["1"] and not any(k.startswith("u") for k in query), query

    failures = h.in_batches(list(LONG_CASES), open_, check)
    assert not failures, "\n".join(failures)


# ---- one link, every language --------------------------------------------------------------------
LINK_CALCULATOR = "cost-per-call"
LINK_INPUTS = {"costs": "27 600,5", "sales": "1 151"}


def test_a_link_made_in_norwegian_works_in_every_language(
    article_page: Any, lang_context: Any, watch_page: Any
) -> None:
    """Type in the Norwegian widget (outbound, per week, in euros), copy its link with the widget's
    button (the page's own address), open it in every other language: the same canonical result
    (``data-value``), mode and period everywhere, the inputs in each language's notation
    (every calculator's deep link checks its inputs so in tests/browser/test_calculators.py)."""
    page = article_page("nb", LINK_CALCULATOR)
    page.evaluate(
        "() => { for (const i of document.querySelectorAll('.calc input[name]:not([type=radio])'))"
        " i.value = ''; }"
    )
    h.select(page, "currency", "EUR")
    h.select(page, "period", "week")
    h.set_mode(page, "outbound")
    for name, text in LINK_INPUTS.items():
        h.field(page, name).fill(text)
    expected = h.money(calculators.cost_per_call_outbound("27600.5", "1151"), "EUR")
    h.expect_result(page, "nb", "EUR", expected)
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('sales') === '1151'"
        " && new URL(location.href).searchParams.get('period') === 'week'"
    )
    page.locator(".calc [data-action=copy-link]").click()
    page.wait_for_function(
        "text => document.querySelector('.calc [data-out=notice]').textContent === text",
        arg=h.catalog("nb")["action.copied"],
    )
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url
    query = parse_qs(urlsplit(link).query)
    assert query["costs"] == ["27600.5"] and query["sales"] == ["1151"], query
    assert query["mode"] == ["outbound"] and query["currency"] == ["EUR"], query

    def open_(lang: str) -> Any:
        other = watch_page(lang_context(lang).new_page())
        other.add_init_script(INIT)
        other.goto(h.article_path(lang, LINK_CALCULATOR, urlsplit(link).query))
        return other

    def check(lang: str, other: Any) -> None:
        answered(other)
        h.expect_result(other, lang, "EUR", expected)
        assert h.field(other, "period").input_value() == "week"
        assert other.locator(".calc input[name=mode][value=outbound]").is_checked()

    failures = h.in_batches([lang for lang in LANGS if lang != "nb"], open_, check)
    assert not failures, "\n".join(failures)
