"""Bench-only pages, written into an overlay folder that bench/server.py serves before the site.

- ``<lang>/glossary/<slug>--nowidget/``: the built article without its calculator (the ``.calc``
  block, its ``<noscript>`` note and the ``calculator.js`` script tag removed).
- ``<lang>/glossary/<slug>--jscalc/``: the built article whose calculator.js (an unchanged copy,
  with its modules in ``calculator/``) talks to a worker with the same formulas in plain
  JavaScript: the limit without Python.
- ``<lang>/glossary/<slug>--today/``: the built article whose calculator.js (an unchanged copy) starts
  the worker as it was before the memory snapshot (``assets/today-worker.js``): the baseline of the
  throttled-link measurements.
- ``__bench/bare/``: a page that only starts Pyodide from the site's files in a module worker
  (``?compile``: only compiles the wasm).
- ``__bench/helpdesk/``: a long page with the article's embed below the fold (part 9).

The variants sit at the same depth as the article, so every relative asset URL stays the same.
"""

from __future__ import annotations

import gzip
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
CALC_SCRIPT = re.compile(
    r'[ \t]*<script src="(?P<up>(?:\.\./)*)assets/javascripts/calculator\.js" type="module"(?: async)?>'
    r"</script>\n?"
)
_DIV = re.compile(r"<div\b|</div>")


@dataclass(frozen=True)
class Urls:
    article: str
    nowidget: str
    jscalc: str
    bare: str
    today: str
    helpdesk: str


def without_block(html: str, start_marker: str) -> str:
    """``html`` without the ``<div>`` element that starts at ``start_marker`` (nested divs counted)."""
    start = html.index(start_marker)
    depth = 0
    for match in _DIV.finditer(html, start):
        depth += 1 if match.group() == "<div" else -1
        if depth == 0:
            return html[:start] + html[match.end() :]
    raise ValueError("unbalanced <div> in the calculator block")


def strip_widget(html: str) -> str:
    """The article without its calculator: no ``.calc`` block, no note, no calculator.js."""
    html = without_block(html, '<div class="calc" ')
    html = re.sub(r'<noscript><p class="calc__noscript">.*?</noscript>\n?', "", html, flags=re.S)
    html, count = CALC_SCRIPT.subn("", html)
    if count != 1 or 'class="calc' in html:
        raise ValueError("the calculator was not removed cleanly")
    return html


def pyodide_url(html: str) -> str:
    """The Pyodide folder the article's widget loads, as a root-relative URL."""
    match = re.search(r'data-pyodide="([^"]+)"', html)
    if not match:
        raise ValueError("no data-pyodide attribute in the article")
    return f"/assets/{match.group(1)}"


def write(site: Path, overlay: Path, lang: str, slug: str) -> Urls:
    """Write the bench-only pages for ``/<lang>/glossary/<slug>/`` into ``overlay``."""
    article = f"/{lang}/glossary/{slug}/"
    html = (site / lang / "glossary" / slug / "index.html").read_text(encoding="utf-8")

    nowidget = overlay / lang / "glossary" / f"{slug}--nowidget" / "index.html"
    nowidget.parent.mkdir(parents=True, exist_ok=True)
    nowidget.write_text(strip_widget(html), encoding="utf-8")

    for variant, worker in (("jscalc", "jscalc-worker.js"), ("today", "today-worker.js")):
        page = overlay / lang / "glossary" / f"{slug}--{variant}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        replaced, count = CALC_SCRIPT.subn(
            lambda m, v=variant: m.group(0).replace(
                "javascripts/calculator.js", f"javascripts/bench-{v}/calculator.js"
            ),
            html,
        )
        if count != 1:
            raise ValueError("calculator.js script tag not found")
        page.write_text(replaced, encoding="utf-8")
        scripts = overlay / lang / "assets" / "javascripts" / f"bench-{variant}"
        scripts.mkdir(parents=True, exist_ok=True)
        built = site / lang / "assets" / "javascripts"
        shutil.copy2(built / "calculator.js", scripts / "calculator.js")
        shutil.copytree(built / "calculator", scripts / "calculator", dirs_exist_ok=True)
        shutil.copy2(ASSETS / worker, scripts / "calculator-worker.js")

    bare = overlay / "__bench" / "bare"
    bare.mkdir(parents=True, exist_ok=True)
    for name in ("bare.js", "bare-worker.js"):
        shutil.copy2(ASSETS / name, bare / name)
    (bare / "index.html").write_text(
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>Bare Pyodide start</title></head>\n<body>\n<p>Starting Pyodide.</p>\n"
        f'<script src="bare.js" data-pyodide="{pyodide_url(html)}"></script>\n</body>\n</html>\n',
        encoding="utf-8",
    )
    # A help-desk article (same origin) with the embed three screens below its top.
    helpdesk = overlay / "__bench" / "helpdesk"
    helpdesk.mkdir(parents=True, exist_ok=True)
    paragraphs = "".join(f"<p>Paragraph {n} of a help-desk article.</p>\n" for n in range(150))
    (helpdesk / "index.html").write_text(
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        '<title>Help desk</title><link rel="icon" href="data:,"></head>\n<body>\n'
        f'<h1>Help-desk article</h1>\n{paragraphs}<iframe src="/{lang}/embed/{slug}/" title="Calculator"'
        ' width="100%" height="1100" style="border:0"></iframe>\n</body>\n</html>\n',
        encoding="utf-8",
    )
    precompress(overlay)
    return Urls(
        article=article,
        nowidget=f"/{lang}/glossary/{slug}--nowidget/",
        jscalc=f"/{lang}/glossary/{slug}--jscalc/",
        bare="/__bench/bare/",
        today=f"/{lang}/glossary/{slug}--today/",
        helpdesk="/__bench/helpdesk/",
    )


def precompress(folder: Path) -> None:
    """``.br`` and ``.gz`` beside each text file, as scripts/build_site.py writes them for the site."""
    import brotli

    for path in sorted(folder.rglob("*")):
        if path.suffix not in {".html", ".js"} or not path.is_file():
            continue
        data = path.read_bytes()
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
