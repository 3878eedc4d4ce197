"""Fixtures for tests of the sources (docs, catalogs) and of the built site in ``site/``."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators.kpis import SPECS
from sitebuild.catalog import LANGUAGES  # noqa: F401 (re-exported to the tests)
from tests import site_build

ROOT = Path(__file__).resolve().parents[2]
SITE = site_build.SITE
#: The root the site is built for (``SITE_URL``, else the test server's origin), ending in ``/``.
BASE = site_build.expected_root().rstrip("/") + "/"

ARTICLES = tuple(f"glossary/{calculator}" for calculator in SPECS)
PAGES = ("", *ARTICLES, *(f"embed/{calculator}" for calculator in SPECS))


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site, as the session's start left it (``tests/conftest.py`` rebuilds a stale one)."""
    reason = site_build.problem(sources=False)
    if reason:
        pytest.fail(f"{reason}; rebuild it with `{site_build.build_command()}`", pytrace=False)
    return SITE


def page_file(site: Path, lang: str, url: str) -> Path:
    return site / lang / url / "index.html" if url else site / lang / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def head(path: Path) -> BeautifulSoup:
    """A built page up to the end of its ``<head>`` (its language, title, canonical and alternate
    links, meta tags and JSON-LD), parsed once a session: a tenth of the page, read by tests that
    visit every page in every language several times."""
    return _head(path, path.stat().st_mtime_ns)


@functools.cache
def _head(path: Path, modified: int) -> BeautifulSoup:
    text = path.read_text(encoding="utf-8")
    return BeautifulSoup(text[: text.index("</head>") + len("</head>")], "html.parser")
