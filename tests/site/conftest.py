"""Fixtures for tests of the sources (docs, catalogs) and of the built site in ``site/``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators.specs import SPECS
from sitebuild.catalog import LANGUAGES  # noqa: F401 (re-exported to the tests)

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"

ARTICLES = tuple(f"glossary/{calculator}" for calculator in SPECS)
PAGES = ("", *ARTICLES, *(f"embed/{calculator}" for calculator in SPECS))


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; built here when ``make test`` has not built it already."""
    if not (SITE / "index.html").exists():
        subprocess.run([sys.executable, "-m", "scripts.build_site"], cwd=ROOT, check=True)
    return SITE


def page_file(site: Path, lang: str, url: str) -> Path:
    return site / lang / url / "index.html" if url else site / lang / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
