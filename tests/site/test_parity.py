"""Every language is a complete tree: same files, sections, anchors, FAQ entries, tokens, catalog keys.

These read the sources, so a missing or incomplete translation fails with the file's name before any
build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import LANGUAGES, ROOT

DOCS = Path(os.environ.get("GLOSSARY_DOCS", ROOT / "docs"))  # another tree: see the last test
LOCALES = ROOT / "sitebuild" / "locales"
REFERENCE = LANGUAGES[0]
ANCHOR = re.compile(r"^#{1,6} .*\{#([\w-]+)\}\s*$", re.M)
TOKEN = re.compile(r"\{\{\s*([\w.-]+)\s*\}\}")
#: Block tokens every article has once; the others (benchmark, scenario, staffing tables) at most once.
REQUIRED_BLOCKS = ("calculator", "example_table")
BLOCK_TOKENS = (*REQUIRED_BLOCKS, "benchmark_table", "scenario_table", "staffing_table")
#: Digits that are not computed figures: a quoted study's year, the 1 of "1 − shrinkage" and the
#: halving "÷ 2" in a formula, and service-level targets named by their notation (80/30).
NOT_FIGURES = re.compile(r"\b(19|20)\d\d\b|\b1 [−-] |\b\d\d/\d\d\b|÷ 2\b")


def tree(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: no front matter"
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict), f"{path}: front matter is not a mapping"
    return meta, body


def articles() -> list[str]:
    return sorted(p for p in tree(REFERENCE) if p.startswith("glossary/"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_page(lang: str) -> None:
    missing = sorted(tree(REFERENCE) - tree(lang))
    extra = sorted(tree(lang) - tree(REFERENCE))
    assert not missing, f"docs/{lang}/ lacks {missing}"
    assert not extra, f"docs/{lang}/ has pages no other language has: {extra}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("article", articles())
def test_articles_match_the_reference(lang: str, article: str) -> None:
    path = DOCS / lang / article
    meta, body = split(path)
    ref_meta, ref_body = split(DOCS / REFERENCE / article)
    for key in ("title", "description", "calculator"):
        assert meta.get(key), f"{path}: front matter lacks {key!r}"
    assert meta["calculator"] == ref_meta["calculator"], f"{path}: wrong calculator"
    assert ANCHOR.findall(body) == ANCHOR.findall(ref_body), f"{path}: sections or anchors differ"
    assert set(TOKEN.findall(body)) == set(TOKEN.findall(ref_body)), f"{path}: figures differ"
    for token in BLOCK_TOKENS:
        count = TOKEN.findall(body).count(token)
        assert count <= 1, f"{path}: {{{{ {token} }}}} appears {count} times"
        assert count or token not in REQUIRED_BLOCKS, f"{path}: {{{{ {token} }}}} is missing"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("article", articles())
def test_faq_has_the_four_questions(lang: str, article: str) -> None:
    path = DOCS / lang / article
    _, body = split(path)
    faq = body.split("{#faq}", 1)[1].split("\n## ", 1)[0]
    questions = re.findall(r"^### .*\{#(faq-[\w-]+)\}", faq, re.M)
    assert questions == ["faq-why", "faq-calculate", "faq-average", "faq-lower"], path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("article", articles())
def test_no_figure_is_typed_into_an_article(lang: str, article: str) -> None:
    """Computed and benchmark figures come from tokens; a digit in the text is a typed figure."""
    path = DOCS / lang / article
    _, body = split(path)
    text = NOT_FIGURES.sub("", TOKEN.sub("", re.sub(r"\{#[\w-]+\}", "", body)))
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    digits = re.findall(r".{0,20}\d.{0,20}", text)
    assert not digits, f"{path}: typed figures {digits}"


def catalog(lang: str) -> dict[str, str]:
    return json.loads((LOCALES / f"{lang}.json").read_text(encoding="utf-8"))


def documented_keys() -> list[str]:
    text = (LOCALES / "KEYS.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([^`]+)` \|", text, re.M)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_keys_are_the_documented_ones(lang: str) -> None:
    keys = list(catalog(lang))
    assert sorted(keys) == sorted(documented_keys()), (
        f"sitebuild/locales/{lang}.json: missing {sorted(set(documented_keys()) - set(keys))}, "
        f"unknown {sorted(set(keys) - set(documented_keys()))}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_placeholders_match(lang: str) -> None:
    reference = catalog(REFERENCE)
    for key, text in catalog(lang).items():
        assert text.strip(), f"sitebuild/locales/{lang}.json: {key} is empty"
        assert "<" not in text, f"sitebuild/locales/{lang}.json: {key} holds markup"
        expected = sorted(re.findall(r"\{\w+\}", reference[key]))
        assert sorted(re.findall(r"\{\w+\}", text)) == expected, f"{lang}.json: {key} placeholders"


def test_every_error_code_has_a_message() -> None:
    from calculators import ERROR_CODES

    missing = sorted(code for code in ERROR_CODES if f"error.{code}" not in documented_keys())
    assert not missing, f"sitebuild/locales/KEYS.md lacks messages for {missing}"


def test_a_broken_translation_fails_naming_the_file(tmp_path: Path) -> None:
    """A missing page, a missing FAQ entry and a changed figure each fail with the file's name."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "ru" / "glossary" / "cost-per-call.md").unlink()
    it_article = docs / "it" / "glossary" / "cost-per-contact.md"
    text = it_article.read_text(encoding="utf-8")
    it_article.write_text(text.replace("{#faq-average}", "{#faq-media}"), encoding="utf-8")
    nl_article = docs / "nl" / "glossary" / "cost-per-contact.md"
    text = nl_article.read_text(encoding="utf-8")
    nl_article.write_text(
        text.replace("{{ result.cost-per-contact }}", "7,82 USD", 1), encoding="utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            __file__,
            "-k",
            "not broken",
        ],
        env=os.environ | {"GLOSSARY_DOCS": str(docs)},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "docs/ru/ lacks ['glossary/cost-per-call.md']" in result.stdout
    assert f"{it_article}" in result.stdout
    assert f"{nl_article}" in result.stdout


def related_links(path: Path) -> set[str]:
    """The articles an article's related-terms section links to."""
    _, body = split(path)
    section = body.split("{#related}", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"\]\(([\w-]+\.md)", section))  # articles beside it, not the home page


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("article", articles())
def test_related_terms_are_the_same_in_every_language(lang: str, article: str) -> None:
    """Every language's reader is pointed to the same related articles (issue: it had 1, ru 2)."""
    links = related_links(DOCS / lang / article)
    assert links == related_links(DOCS / REFERENCE / article), f"{DOCS / lang / article}: related"
    assert links, f"{DOCS / lang / article}: no related article linked"
