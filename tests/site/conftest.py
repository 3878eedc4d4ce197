"""Fixtures for tests of the sources (docs, catalogs) and of the built site in ``site/``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from catalog import LANGUAGES  # noqa: E402, F401 (re-exported to the tests)

ARTICLES = ("glossary/cost-per-contact", "glossary/cost-per-call")
PAGES = ("", *ARTICLES, "embed/cost-per-contact", "embed/cost-per-call")


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; built here when ``make test`` has not built it already."""
    if not (SITE / "index.html").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py")], check=True)
    return SITE


def page_file(site: Path, lang: str, url: str) -> Path:
    return site / lang / url / "index.html" if url else site / lang / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
