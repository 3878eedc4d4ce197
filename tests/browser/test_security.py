"""Security of the pages as served: the meta Content-Security-Policy, same-origin traffic, sub-path
hosting and the MIME types a plain static server must send.

A sample of the build's pages is visited: the root language chooser and the root 404 page, each
language's home and 404 page, in each language one calculator (the first five in turn, in its article
or its embed view by turns), where it must reach ``ready`` and compute from a link, then from a typed
value, and in each language an article and an embed view at least. The worker asks for the same files
whichever calculator it serves, so five computing pages see all of its traffic; every calculator
computing in the browser is tests/browser/test_calculators.py's. A fresh context per language lets
``context.on("request")`` see all traffic, the calculator's Web Worker included. The policy of every
built page is checked in the files by tests/site/test_csp.py (one meta tag first in the head, strict
directives, every inline script's hash listed, no inline handlers) and that nothing loads from another
host by tests/site/test_built_site.py: the pages left out here differ from a visited one of their
kind only in text.
"""

from __future__ import annotations

import os
import re
import urllib.request
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import browser_helpers as h
import pytest
import subpath

import calculators
from tests.csp import directives

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
#: The folder the suite serves (as conftest.py chooses it).
SITE = Path(os.environ.get("BROWSER_SITE_DIR") or ROOT / "site").resolve()
BROWSER_LOCALE = {"nb": "nb-NO", "ru": "ru-RU", "it": "it-IT", "nl": "nl-NL", "vi": "vi-VN"}

#: Installed before any script of every page: records Content-Security-Policy violations.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
REQUIRED = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
}


def site_pages() -> list[str]:
    """URL paths of every HTML page of the build."""
    paths = []
    for file in sorted(SITE.rglob("*.html")):
        relative = file.relative_to(SITE).as_posix()
        paths.append("/" + relative.removesuffix("index.html"))
    return paths


def page_lang(path: str) -> str:
    first = path.strip("/").split("/")[0]
    return first if first in h.LANGUAGES else "nb"


def calculator_of(path: str) -> str | None:
    match = re.search(r"/(?:glossary|embed)/([a-z-]+)/$", path)
    return match.group(1) if match and match.group(1) in h.CALCULATORS else None


def computes(path: str) -> bool:
    """Whether the visit waits for Python and a result: the first five calculators, one in each
    language, in its article or its embed view by turns."""
    calculator = calculator_of(path)
    if calculator is None:
        return False
    index = h.CALCULATORS.index(calculator)
    embed, turn = "/embed/" in path, h.LANGUAGES.index(page_lang(path))
    return embed == bool(index % 2) and turn == index


def sampled(path: str) -> bool:
    """Whether the visit includes a page: every page that is not a calculator's, every page that
    computes, and in each language the first calculator's page of a view no computing page covers."""
    calculator = calculator_of(path)
    if calculator is None or computes(path):
        return True
    lang, embed = page_lang(path), "/embed/" in path
    covered = {("/embed/" in other, page_lang(other)) for other in site_pages() if computes(other)}
    return (embed, lang) not in covered and calculator == h.CALCULATORS[0]


def link_query(calculator: str) -> str:
    """A deep link with figures: the widget starts Python at once and computes (for the cost
    calculators 100 / 4, for the others their worked example)."""
    if calculator not in h.COST_CALCULATORS:
        return "?" + h.example_query(calculator)
    volume = h.volume_field(calculator)
    mode = "mode=inbound&" if calculator == "cost-per-call" else ""
    return f"?{mode}costs=100&{volume}=4&currency=USD"


def compute_one_value(page: Any, lang: str, calculator: str) -> None:
    """The link's value is computed, then one typed by the reader."""
    h.wait_ready(page, 40)
    if calculator not in h.COST_CALCULATORS:
        h.expect_rows(page, calculator, h.example_reply(calculator)["result"]["values"])
        first = h.number_fields(calculator)[0]
        # Half the first figure, or twice it where half would make a part larger than its whole
        # (schedule adherence's scheduled minutes).
        for factor in (Decimal("0.5"), Decimal(2)):
            changed = calculators.canonical(Decimal(h.example(calculator)[first]) * factor)
            values = h.example(calculator) | {first: changed}
            if h.reply(calculator, values)["result"] is not None:
                break
        h.field(page, first).fill(values[first])
        h.expect_rows(page, calculator, h.reply(calculator, values)["result"]["values"])
        return
    h.expect_result(page, lang, "USD", "25")
    h.field(page, "costs").fill("200")
    h.expect_result(page, lang, "USD", "50")


@pytest.fixture(scope="module")
def visits(new_context: Callable[..., Any], site_url: str) -> dict[str, Any]:
    """Visit the sample of pages (a context per language); what each showed, logged and asked for."""
    pages = [path for path in site_pages() if sampled(path)]
    record: dict[str, Any] = {"pages": {}, "requests": [], "failed": [], "failures": []}
    contexts = {}
    for lang in h.LANGUAGES:
        context = new_context(locale=BROWSER_LOCALE[lang])
        context.add_init_script(CSP_LISTENER)
        context.on("request", lambda request: record["requests"].append(request.url))
        context.on(
            "response",
            lambda r: r.status >= 400 and record["failed"].append(f"{r.status} {r.url}"),
        )
        context.on(
            "requestfailed",
            lambda r: record["failed"].append(f"{r.failure} {r.url}"),
        )
        contexts[lang] = context

    def open_(path: str) -> Any:
        page = contexts[page_lang(path)].new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        # The root chooser sends a reader on to their language unless the URL says ?choose.
        query = "?choose" if path == "/" else ""
        if computes(path):
            query = link_query(calculator_of(path) or "")
        response = page.goto(path + query)
        page.status = response.status if response else None
        return page

    def check(path: str, page: Any) -> None:
        calculator = calculator_of(path)
        if computes(path):
            compute_one_value(page, page_lang(path), str(calculator))
        elif calculator:  # the theme has started; the worker may still be streaming Python
            page.wait_for_load_state("load")
            page.wait_for_function("() => typeof document$ !== 'undefined'")
        else:
            page.wait_for_load_state("networkidle")
        policy = page.evaluate(
            "() => [...document.querySelectorAll('meta[http-equiv=\"Content-Security-Policy\"]')]"
            ".map(m => m.content)"
        )
        record["pages"][path] = {
            "status": page.status,
            "policies": policy,
            # The policy must come before anything it governs (a script or style above it is exempt).
            "in_head_first": page.evaluate(
                "() => { const kids = [...document.head.children];"
                " const m = kids.findIndex(e => e.matches('meta[http-equiv=\"Content-Security-Policy\"]'));"
                " const first = kids.findIndex(e => e.matches('script,link,style'));"
                " return m >= 0 && (first < 0 || m < first); }"
            ),
            "violations": page.evaluate("window.__csp"),
            "problems": list(page.problems),
            "calculator": calculator,
        }

    record["failures"] = h.in_batches(pages, open_, check)
    for context in contexts.values():
        context.close()
    return record


def test_the_sample_was_visited(visits: dict[str, Any]) -> None:
    assert visits["failures"] == [], "\n".join(visits["failures"])
    pages = site_pages()
    # The chooser and its 404; per language a home, a 404, and an article and an embed view each.
    assert len(pages) == 2 + (2 + 2 * len(h.CALCULATORS)) * len(h.LANGUAGES), pages
    assert set(visits["pages"]) == {path for path in pages if sampled(path)}
    assert all(p["status"] == 200 for p in visits["pages"].values())
    views = {
        (page_lang(path), "/embed/" in path)
        for path, p in visits["pages"].items()
        if p["calculator"]
    }
    assert views == {(lang, embed) for lang in h.LANGUAGES for embed in (True, False)}, views
    not_calculators = [path for path in pages if calculator_of(path) is None]
    assert set(not_calculators) <= set(visits["pages"]), "every page without a calculator"
    computed = {
        (p["calculator"], "/embed/" in path)
        for path, p in visits["pages"].items()
        if computes(path)
    }
    computing_langs = {page_lang(path) for path in visits["pages"] if computes(path)}
    assert computing_langs == set(h.LANGUAGES), "a calculator computed in each language"
    assert {embed for _, embed in computed} == {True, False}, "in both views"


def test_every_visited_page_carries_a_strict_meta_csp(visits: dict[str, Any]) -> None:
    failures = []
    for path, page in visits["pages"].items():
        if len(page["policies"]) != 1 or not page["in_head_first"]:
            failures.append(
                f"{path}: {len(page['policies'])} CSP meta tags, early in head: {page['in_head_first']}"
            )
            continue
        policy = directives(page["policies"][0])
        for name, value in REQUIRED.items():
            if policy.get(name) != [value]:
                failures.append(f"{path}: {name} is {policy.get(name)}, expected {value}")
        scripts = policy.get("script-src", [])
        if "'self'" not in scripts or {"'unsafe-inline'", "'unsafe-eval'"} & set(scripts):
            failures.append(f"{path}: script-src {scripts}")
        if any(
            s not in ("'self'", "'wasm-unsafe-eval'") and not s.startswith("'sha256-")
            for s in scripts
        ):
            failures.append(f"{path}: script-src allows more than the site and hashes: {scripts}")
    assert not failures, "\n".join(failures)


def test_no_policy_violations_and_no_console_errors(visits: dict[str, Any]) -> None:
    failures = [
        f"{path}: violations {p['violations']}, console {p['problems']}"
        for path, p in visits["pages"].items()
        if p["violations"] or p["problems"]
    ]
    assert not failures, "\n".join(failures)


def test_every_request_is_same_origin(visits: dict[str, Any], site_url: str) -> None:
    """Every request of every page, the worker's included (Pyodide, its wasm, the wheel)."""
    requests = visits["requests"]
    origin = urlsplit(site_url)
    foreign = sorted(
        {
            url
            for url in requests
            if urlsplit(url).scheme not in ("data", "blob")
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
        }
    )
    assert not foreign, f"requests to other origins: {foreign}"
    # The worker starts from the memory snapshot or from the wheel (calculator-worker.js), with the
    # trimmed standard library (python_stdlib-<version>.zip).
    for worker_file in ("pyodide.asm.wasm", "python_stdlib", "calculator-worker.js"):
        assert any(worker_file in url for url in requests), f"{worker_file} was not seen"
    assert any(url.endswith((".whl", ".snapshot")) for url in requests), "no wheel or snapshot"
    print(f"{len(requests)} requests checked on {len(visits['pages'])} pages")


def test_no_request_fails(visits: dict[str, Any]) -> None:
    """Every request of every page gets a successful answer (no 404 for a file the page asks for)."""
    # A request cut short because the test closed its page is not the site's failure.
    failed = sorted({f for f in visits["failed"] if "ERR_ABORTED" not in f})
    assert not failed, f"{len(failed)} failed requests:\n" + "\n".join(failed)


# ---- a sub-path ----------------------------------------------------------------------------------
def built_for() -> str:
    """The root URL the served build was made for (its ``SITE_URL``, from the chooser's canonical)."""
    match = re.search(
        r'<link rel="canonical" href="([^"]+)"', (SITE / "index.html").read_text("utf-8")
    )
    assert match, "the root page has no canonical URL"
    return match.group(1)


def visit_under_sub_path(new_context: Callable[..., Any]) -> dict[str, Any]:
    """Open the Dutch cost-per-call article of the site served under ``/kb/glossary/``, compute a value;
    what it looked like and every URL the browser and the server saw."""
    seen: list[str] = []
    out: dict[str, Any] = {"seen": seen}
    with subpath.serve_under_prefix(SITE, built_for=built_for()) as (
        base,
        asked,
    ):
        out["base"], out["asked"] = base, asked
        context = new_context(locale="nl-NL")
        context.add_init_script(CSP_LISTENER)
        context.on("request", lambda request: seen.append(request.url))
        try:
            page = context.new_page()
            problems: list[str] = []
            page.on("console", lambda m: m.type == "error" and problems.append(m.text))
            page.on("pageerror", lambda e: problems.append(str(e)))
            response = page.goto(base + "nl/glossary/cost-per-call/" + link_query("cost-per-call"))
            out["status"] = response.status if response else None
            out["sheets"] = page.evaluate(
                "() => [...document.querySelectorAll('link[rel=stylesheet]')]"
                ".map(l => [l.href, !!l.sheet && l.sheet.cssRules.length > 0])"
            )
            out["header_position"] = page.evaluate(
                "() => getComputedStyle(document.querySelector('.md-header')).position"
            )
            compute_one_value(page, "nl", "cost-per-call")
            out["switcher"] = page.evaluate(
                "() => [...document.querySelectorAll('a.md-select__link[hreflang]')]"
                ".map(a => [a.hreflang, a.href])"
            )
            other = page.request.get(dict(out["switcher"])["vi"])
            out["switched"] = (other.status, 'lang="vi"' in other.text())
            page.wait_for_load_state("networkidle")
            out["violations"] = page.evaluate("window.__csp")
            out["problems"] = problems
            page.close()
        finally:
            context.close()
    out["outside"] = sorted(
        {u for u in seen if not u.startswith(base) and not u.startswith(("data:", "blob:"))}
    )
    return out


def test_site_works_under_a_sub_path(new_context: Callable[..., Any]) -> None:
    """The build served under ``/kb/glossary/`` with its absolute URLs naming that root (as the README
    says to build for a path): styles load, the calculator starts and computes, the language
    switcher stays under the sub-path, and nothing is asked for outside it."""
    out = visit_under_sub_path(new_context)
    base = out["base"]
    assert out["status"] == 200
    assert out["sheets"] and all(loaded for _, loaded in out["sheets"]), out["sheets"]
    assert out["header_position"] in ("sticky", "fixed"), "Material's styles apply"
    assert {lang for lang, _ in out["switcher"]} == set(h.LANGUAGES), out["switcher"]
    for lang, href in out["switcher"]:
        assert href == base + f"{lang}/glossary/cost-per-call/", (lang, href)
    assert out["switched"] == (200, True)
    assert out["violations"] == [] and out["problems"] == [], (out["violations"], out["problems"])
    assert not out["outside"], f"requests outside {base}: {out['outside']}"
    assert all(path.startswith(subpath.PREFIX) for path in out["asked"]), sorted(set(out["asked"]))
    assert any("pyodide.asm.wasm" in url for url in out["seen"])


# ---- a plain static server -----------------------------------------------------------------------
def one(pattern: str) -> str:
    found = sorted(SITE.glob(pattern))
    assert found, f"no {pattern} in {SITE}"
    return "/" + found[0].relative_to(SITE).as_posix()


MIME = {
    "assets/pyodide/*/pyodide.asm.wasm": "application/wasm",
    "assets/pyodide/*/pyodide.mjs": "text/javascript",
    "assets/pyodide/*/pyodide.asm.mjs": "text/javascript",
    "nb/assets/javascripts/calculator.js": "text/javascript",
    "nb/assets/javascripts/calculator-worker.js": "text/javascript",
    "assets/pyodide/*/pyodide-lock.json": "application/json",
    "nb/search/search_index.json": "application/json",
    "assets/calculators/*/*.whl": "application/zip",
    "assets/pyodide/*/python_stdlib.zip": "application/zip",
    "nb/assets/favicon.svg": "image/svg+xml",
    "sitemap.xml": "application/xml",
    "nb/index.html": "text/html",
}


@pytest.mark.parametrize("pattern", list(MIME))
def test_static_server_sends_the_readme_mime_types(site_url: str, pattern: str) -> None:
    """``scripts/serve.py``'s handler (the one the suite serves with) sends the README's types."""
    request = urllib.request.Request(urljoin(site_url, one(pattern)), method="HEAD")
    with urllib.request.urlopen(request, timeout=10) as response:
        content_type = response.headers["Content-Type"].split(";")[0].strip()
    assert content_type == MIME[pattern]
