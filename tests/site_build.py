"""The built site the tests read and serve: the root it must be built for, and whether ``site/`` is it.

``make test`` builds ``site/`` once, for ``http://127.0.0.1:$TEST_PORT/``, before pytest starts. A
``site/`` left by ``make serve`` (built for port 8000), by ``make build`` (for the public root), by a
one-language build or by sources edited since is not the build the tests are about: the session's
start (``tests/conftest.py``) rebuilds it once, before any pytest-xdist worker starts, and the
fixtures of the workers only check it (they never build: two workers would build twice).

>>> origin() == f"http://127.0.0.1:{TEST_PORT}"
True
>>> worker_index({"PYTEST_XDIST_WORKER": "gw1"}), worker_index({})
(1, 0)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The folder the suite reads and serves: ``site/``, or another build named by BROWSER_SITE_DIR.
SITE = Path(os.environ.get("BROWSER_SITE_DIR") or ROOT / "site").resolve()
TEST_PORT = int(os.environ.get("TEST_PORT", "8123"))
#: What the build reads: a file here newer than the built site makes the site stale.
SOURCES = (
    "calculators",
    "sitebuild",
    "overrides",
    "docs",
    "scripts",
    "mkdocs.yml",
    "pyproject.toml",
    "package-lock.json",
)
LANGUAGES = ("nb", "ru", "it", "nl", "vi")  # sitebuild.catalog.LANGUAGES (checked by a test)


def worker_index(environ: Mapping[str, str] = os.environ) -> int:
    """The pytest-xdist worker's number (``gw1`` -> 1); 0 without xdist."""
    name = environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(name.removeprefix("gw") or 0)


def origin() -> str:
    """The origin the site is built for and the first worker serves it on (``TEST_PORT``)."""
    return f"http://127.0.0.1:{TEST_PORT}"


def expected_root() -> str:
    """The root the site must be built for: ``SITE_URL`` if set, else the test origin."""
    return os.environ.get("SITE_URL") or origin() + "/"


def built_root(site: Path = SITE) -> str | None:
    """The root a build was made for (``SITE_URL``), read from the chooser's canonical link."""
    index = site / "index.html"
    if not index.is_file():
        return None
    match = re.search(r'<link rel="canonical" href="([^"]+)"', index.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def newest_source() -> tuple[float, Path] | None:
    """The most recently changed file the build reads, with its time."""
    newest: tuple[float, Path] | None = None
    for name in SOURCES:
        top = ROOT / name
        files = [top] if top.is_file() else top.rglob("*")
        for path in files:
            if "__pycache__" in path.parts or not path.is_file():
                continue
            stamp = (path.stat().st_mtime, path)
            newest = stamp if newest is None or stamp > newest else newest
    return newest


def problem(site: Path = SITE, sources: bool = True) -> str | None:
    """Why ``site`` is not the build the tests need (``None`` when it is).

    ``sources``: also compare its time with the sources' (at the session's start only: a source
    edited while the tests run does not fail the tests already running)."""
    missing = [lang for lang in LANGUAGES if not (site / lang / "index.html").is_file()]
    if not (site / "index.html").is_file() or missing:
        return f"{site} is not a full build (missing: {missing or ['index.html']})"
    built, wanted = built_root(site), expected_root()
    if built != wanted:
        return (
            f"{site} was built for {built}, but the tests need it built for {wanted} (its absolute "
            "links, canonical URLs and sitemaps name that root)"
        )
    newest = newest_source() if sources else None
    if newest and newest[0] > (site / "index.html").stat().st_mtime:
        return f"{site} is older than {newest[1].relative_to(ROOT)}"
    return None


def build_command() -> str:
    return f"SITE_URL={expected_root()} .venv/bin/python -m scripts.build_site --no-compress"


def build(site: Path = SITE) -> None:
    """Build ``site`` for the expected root, as ``make test`` does (without the .br/.gz copies), into
    a folder of .cache/ that then takes its place: a test still serving the old build meanwhile
    (another run in the same checkout) sees whole files, never a half-built tree."""
    (ROOT / ".cache").mkdir(exist_ok=True)
    fresh = ROOT / ".cache" / f"site-build-{os.getpid()}"
    subprocess.run(
        [sys.executable, "-m", "scripts.build_site", "--no-compress", "--site", str(fresh)],
        check=True,
        cwd=ROOT,
        env=os.environ | {"SITE_URL": expected_root(), "NO_MKDOCS_2_WARNING": "1"},
    )
    old = ROOT / ".cache" / f"site-old-{os.getpid()}"
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
