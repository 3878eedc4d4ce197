"""The chrome around the articles is in the page's language: no English UI string on any page.

Every language is non-English, so a string of Material's English chrome (its ``en`` translations, the
defaults this site replaces, such as "Permanent link", "Dark" and "Light") found in a reader-facing
attribute, a text node or the translations Material's script uses fails the test, naming the page.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup, Comment

from .conftest import LANGUAGES, PAGES, page_file, soup

#: Keys of Material's translations that are codes, not text.
#: Keys that are not reader-visible text, and the blog's "in" (no blog here; the word is Italian and
#: Dutch too, and Material's Italian "N altri in questa pagina" shows it on its own).
NOT_TEXT = ("language", "direction", "search.config.", "blog.")
#: English defaults that are not in Material's translations: mkdocs.yml's palette toggle names, the
#: toc extension's permalink title, Material's logo alt and 404 heading, the generator notice.
EXTRA = (
    "Permanent link",
    "Dark",
    "Light",
    "Dark mode",
    "Light mode",
    "Switch to dark mode",
    "Switch to light mode",
    "logo",
    "404 - Not found",
    "Not found",
    "Made with",
    "Material for MkDocs",
    "Copy to clipboard",
    "Back to top",
)
#: Attributes a reader sees or hears.
ATTRIBUTES = (
    "title",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-placeholder",
    "aria-valuetext",
    "placeholder",
    "alt",
    "label",
)


@cache
def english_chrome() -> frozenset[str]:
    """Material's English UI strings (``partials/languages/en.html``) and the defaults above."""
    path = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    pairs = re.findall(r'^\s*"([^"]+)": "([^"]*)",?$', path.read_text(encoding="utf-8"), re.M)
    assert len(pairs) > 40, f"could not read Material's English strings from {path}"
    texts = {text for key, text in pairs if not key.startswith(NOT_TEXT)}
    return frozenset(t.replace("#", "").strip() for t in texts | set(EXTRA) if t.strip())


def built_pages(site: Path, lang: str) -> list[Path]:
    return sorted((site / lang).rglob("*.html"))


def english_in(page: BeautifulSoup) -> list[str]:
    """Where an English chrome string appears in the page: attributes, text, Material's config."""
    english = english_chrome()
    phrases = [e for e in english if " " in e]
    found = []

    def check(where: str, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if text in english:
            found.append(f"{where}: {text!r}")
        else:
            found.extend(
                f"{where}: {phrase!r} in {text[:80]!r}" for phrase in phrases if phrase in text
            )

    for tag in page.find_all(True):
        for attribute in ATTRIBUTES:
            if tag.has_attr(attribute) and not (tag.name == "meta" and attribute == "title"):
                check(f"<{tag.name} {attribute}>", str(tag[attribute]))
        if tag.name == "title":
            check("<title>", tag.get_text())
    for node in page.find_all(string=True):
        if isinstance(node, Comment) or node.parent.name in ("script", "style"):
            continue
        check(f"<{node.parent.name}> text", str(node))
    config = page.select_one("script#__config")
    if config:
        for key, text in json.loads(config.string)["translations"].items():
            check(f"Material's script ({key})", text)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_english_ui_string_on_any_page(site: Path, lang: str) -> None:
    pages = built_pages(site, lang)
    assert len(pages) >= len(PAGES), f"site/{lang}/ has too few pages"
    problems = [
        f"{path.relative_to(site)}: {where}" for path in pages for where in english_in(soup(path))
    ]
    assert not problems, "English UI strings on non-English pages:\n" + "\n".join(problems)


def test_the_check_finds_english_chrome() -> None:
    """The scan itself works: Material's defaults, as they were on these pages, are found."""
    page = BeautifulSoup(
        '<html><head><title>Kostnad</title><script id="__config" type="application/json">'
        '{"translations": {"clipboard.copy": "Copy to clipboard"}}</script></head><body>'
        '<a class="headerlink" href="#a" title="Permanent link">¶</a>'
        '<input aria-label="Dark"><img src="x.svg" alt="logo">'
        '<div class="md-search-result__meta">\n  Initializing search\n</div>'
        "<p>Vi regner kostnad per kontakt.</p></body></html>",
        "html.parser",
    )
    found = english_in(page)
    assert len(found) == 5, found
    assert any("Initializing search" in f for f in found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heading_permalinks_and_palette_toggles_are_named_in_the_language(
    site: Path, lang: str
) -> None:
    from sitebuild.catalog import load

    page = soup(page_file(site, lang, "glossary/cost-per-contact"))
    titles = {a["title"] for a in page.select("a.headerlink")}
    assert titles == {load(lang)["heading.permalink"]}
    toggles = [label["title"] for label in page.select("form[data-md-component=palette] label")]
    assert toggles == [load(lang)["theme.dark"], load(lang)["theme.light"]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", PAGES[1:])
def test_title_uses_the_language_separator(site: Path, lang: str, url: str) -> None:
    from sitebuild.catalog import load

    catalog = load(lang)
    title = soup(page_file(site, lang, url)).title.get_text()
    separator = catalog["title.page"].removeprefix("{page}").removesuffix("{site}")
    assert title.endswith(f"{separator}{catalog['site.name']}"), title
    if lang == "ru":
        assert " — " in title, f"Russian titles use an em dash between page and site: {title!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_404_page_is_in_the_language(site: Path, lang: str) -> None:
    from sitebuild.catalog import load

    page = soup(site / lang / "404.html")
    assert (
        page.select_one("article h1, .md-content h1").get_text(strip=True)
        == load(lang)["page.not_found"]
    )


def test_root_chooser_has_a_description_in_every_language(site: Path) -> None:
    from sitebuild.catalog import load

    for name in ("index.html", "404.html"):
        description = soup(site / name).select_one('meta[name="description"]')
        assert description, f"site/{name} has no meta description"
        for lang in LANGUAGES:
            assert load(lang)["chooser.description"] in description["content"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_strings_come_from_the_catalog(site: Path, lang: str) -> None:
    """The catalog's ``material.*`` keys win over Material's own translations (vi: "Lên đầu trang",
    not "Trở lại mục lục"; "Đang khởi tạo tìm kiếm", not "Initializing search")."""
    from sitebuild.catalog import load

    text = load(lang)
    page = soup(page_file(site, lang, "glossary/cost-per-call"))
    assert page.select_one(".md-top").get_text(strip=True) == text["material.top"]
    assert (
        page.select_one(".md-search-result__meta").get_text(strip=True)
        == text["material.search.result.initializer"]
    )
    assert page.select_one(".md-skip").get_text(strip=True) == text["material.action.skip"]
    assert page.select_one("nav.md-header__inner")["aria-label"] == text["material.header"]
    assert page.select_one("nav.md-footer__inner")["aria-label"] == text["material.footer"]
    translations = json.loads(page.select_one("script#__config").string)["translations"]
    for key in ("search.result.one", "search.result.more.one", "search.result.term.missing"):
        assert translations[key] == text[f"material.{key}"], key
    assert "Trở lại mục lục" not in page.get_text()
