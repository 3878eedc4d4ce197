"""Every built page's Content-Security-Policy, read from the files (the browser's security visit,
tests/browser/test_security.py, loads a sample of the pages; this checks all of them).

Each HTML page carries exactly one strict ``<meta http-equiv=Content-Security-Policy>`` before anything
it governs; scripts come from the site or by hash, and every inline script that runs has its hash in
the policy (computed here, independently of ``overrides/hooks/csp.py``), so none is blocked; no
element carries an inline event handler or a ``javascript:`` URL, which the policy would block.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.csp import directives

from .conftest import ARTICLES, LANGUAGES

REQUIRED = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "style-src": ["'self'"],
    "frame-src": ["'self'"],
    "form-action": ["'self'"],
}
DATA_TYPES = ("application/json", "application/ld+json")
CSP = 'meta[http-equiv="Content-Security-Policy"]'


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def problems(page: BeautifulSoup) -> list[str]:
    """What is wrong with a page's policy, or the empty list."""
    metas = page.select(CSP)
    if len(metas) != 1:
        return [f"{len(metas)} CSP meta tags"]
    head = [tag for tag in page.head.children if getattr(tag, "name", None)]
    first = next((i for i, tag in enumerate(head) if tag.name in ("script", "link", "style")), None)
    found = []
    if metas[0] not in head or (first is not None and head.index(metas[0]) > first):
        found.append("the policy is not in the head before every script, link and style")
    policy = directives(metas[0]["content"])
    found += [
        f"{name} is {policy.get(name)}, expected {value}"
        for name, value in REQUIRED.items()
        if policy.get(name) != value
    ]
    scripts = policy.get("script-src", [])
    allowed = {"'self'", "'wasm-unsafe-eval'"}
    if "'self'" not in scripts or any(
        s not in allowed and not s.startswith("'sha256-") for s in scripts
    ):
        found.append(f"script-src allows more than the site and hashes: {scripts}")
    for script in page.find_all("script"):
        if script.get("src") or script.get("type") in DATA_TYPES:
            continue
        if sha256(script.string or "") not in scripts:
            found.append(f"inline script without its hash: {(script.string or '')[:60]!r}")
    for tag in page.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        if handlers:
            found.append(f"<{tag.name}> has inline handlers {handlers}")
        for name in ("href", "src", "action"):
            if str(tag.get(name, "")).strip().lower().startswith("javascript:"):
                found.append(f"<{tag.name} {name}> is a javascript: URL")
    return found


def test_every_page_carries_a_strict_policy_its_scripts_satisfy(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    # The chooser and its 404; per language a home, a 404, and an article and an embed view each.
    assert len(pages) == 2 + (2 + 2 * len(ARTICLES)) * len(LANGUAGES), pages
    failures = []
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        failures += [f"{path.relative_to(site)}: {p}" for p in problems(page)]
    assert not failures, "\n".join(failures)


def test_a_page_with_a_stray_script_fails_the_check() -> None:
    """The check can fail: an inline script the policy does not list, a handler, a second policy."""
    policy = "default-src 'self'; script-src 'self'"
    page = BeautifulSoup(
        f'<html><head><meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<script>alert(1)</script></head><body onload="x()"></body></html>',
        "html.parser",
    )
    found = problems(page)
    assert any("inline script without its hash" in p for p in found), found
    assert any("inline handlers" in p for p in found), found
    assert any(re.match("object-src", p) for p in found), found
