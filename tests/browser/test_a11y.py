"""axe-core on every article in every language, with the calculator ready and a result shown.

The site's Content-Security-Policy forbids inline scripts, so ``page.add_script_tag`` (an inline
``<script>``) is refused; axe's source is evaluated through the DevTools protocol instead, which
CSP does not govern, leaving the page's own policy untouched for everything else it checks.
"""

from __future__ import annotations

from typing import Any

import browser_helpers as h
import pytest

pytestmark = pytest.mark.browser

#: Every calculator once, in turn in each language (the markup is the same in every language; the
#: chrome and text differ, and every language comes up at least once).
PAIRS = [
    pytest.param((lang, calc), id=f"{lang}-{calc}")
    for index, calc in enumerate(h.CALCULATORS)
    for lang in [h.LANGUAGES[index % len(h.LANGUAGES)]]
]
BLOCKING = ("serious", "critical")


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            summary = " / ".join(
                line.strip() for line in (node.get("failureSummary") or "").splitlines()[1:3]
            )
            lines.append(f"    at {' > '.join(map(str, node['target']))}: {summary}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_source() -> str:
    return h.AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("pair", PAIRS)
def test_no_serious_accessibility_violations(
    article_page: Any, axe_source: str, pair: tuple[str, str]
) -> None:
    lang, calculator = pair
    page = article_page(lang, calculator)
    h.show_example(page, lang, calculator)
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source)
    results = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({target: n.target,"
        " failureSummary: n.failureSummary}))})))"
    )
    blocking = [v for v in results if v["impact"] in BLOCKING]
    assert not blocking, (
        f"{page.url}: {len(blocking)} serious or critical axe violations:\n{describe(blocking)}"
    )
