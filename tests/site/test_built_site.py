"""The built site as readers and search engines get it: pages, languages, links, metadata, origins."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from .conftest import ARTICLES, BASE, LANGUAGES, PAGES, head, page_file, soup

LOADING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "embed": "src",
    "object": "data",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", PAGES)
def test_page_exists_with_its_language(site: Path, lang: str, url: str) -> None:
    path = page_file(site, lang, url)
    assert path.exists(), f"{path} was not built"
    assert head(path).html["lang"] == lang, f"{path}: wrong <html lang>"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", ("", *ARTICLES))
def test_hreflang_alternates_are_complete_and_reciprocal(site: Path, lang: str, url: str) -> None:
    page = head(page_file(site, lang, url))
    links = {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }
    expected = {other: f"{BASE}{other}/{url + '/' if url else ''}" for other in LANGUAGES}
    assert links == expected | {"x-default": BASE}
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == expected[lang]
    for other in LANGUAGES:  # the alternate names this page back
        back = head(page_file(site, other, url)).select_one(
            f'link[rel="alternate"][hreflang="{lang}"]'
        )
        assert back["href"] == canonical


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", ARTICLES)
def test_json_ld_names_the_term_and_the_faq(site: Path, lang: str, url: str) -> None:
    page = soup(page_file(site, lang, url))
    blocks = [json.loads(tag.string) for tag in page.select('script[type="application/ld+json"]')]
    kinds = {block["@type"]: block for block in blocks}
    assert set(kinds) == {"DefinedTerm", "FAQPage"}
    term, faq = kinds["DefinedTerm"], kinds["FAQPage"]
    assert term["inLanguage"] == faq["inLanguage"] == lang
    assert term["name"] == page.select_one("h1").get_text(strip=True).rstrip("¶")
    questions = page.select('h3[id^="faq-"]')
    assert len(faq["mainEntity"]) == len(questions) == 4
    for entity, heading in zip(faq["mainEntity"], questions, strict=True):
        assert entity["name"] == heading.get_text(" ", strip=True).rstrip("¶").strip()
        assert len(entity["acceptedAnswer"]["text"]) > 40


@pytest.mark.parametrize("url", ARTICLES)
def test_computed_figures_are_the_same_in_every_language(site: Path, url: str) -> None:
    """The digits of every computed table cell agree across languages (formatting differs)."""

    def digits(lang: str) -> list[str]:
        page = soup(page_file(site, lang, url))
        cells = page.select(".glossary-table td")
        return [re.sub(r"\D", "", cell.get_text()) for cell in cells]

    reference = digits(LANGUAGES[0])
    assert reference and any(reference)
    for lang in LANGUAGES[1:]:
        assert digits(lang) == reference, f"{lang}/{url}: computed figures differ from nb"


#: The anchor of each article's section on what to do about the figure, where it is not ``lower``.
LEVERS = {
    "occupancy": "manage",
    "service-level": "improve",
    "first-contact-resolution": "improve",
    "average-speed-of-answer": "improve",
    "agent-utilization": "manage",
    "schedule-adherence": "improve",
    "customer-satisfaction": "improve",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", ARTICLES)
def test_stable_anchors_exist(site: Path, lang: str, url: str) -> None:
    """The anchors the README promises help-desk authors, the same in every language."""
    page = soup(page_file(site, lang, url))
    slug = url.rsplit("/", 1)[1]
    for anchor in (
        "definition",
        "formula",
        "costs" if slug in ("cost-per-contact", "cost-per-call") else "cost",
        "example",
        "calculator",
        "benchmark",
        LEVERS.get(slug, "lower"),
        "faq",
        "related",
        "faq-why",
        "faq-calculate",
        "faq-average",
        "faq-lower",
    ):
        assert page.find(id=anchor), f"{lang}/{url}: no #{anchor}"


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    ids: dict[Path, set[str]] = {}  # each target page is parsed once

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            ids[file] = {tag["id"] for tag in soup(file).find_all(id=True)}
        return ids[file]

    broken = []
    for path in all_pages(site):
        page = soup(path)
        url = "http://site/" + path.relative_to(site).as_posix()
        for tag in page.select("a[href]"):
            href = tag["href"]
            if href.startswith(("mailto:", "javascript:")) or urlsplit(href).scheme in (
                "http",
                "https",
            ):
                continue
            target = urlsplit(urljoin(url, href))
            file = site / unquote(target.path).lstrip("/")
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{path.relative_to(site)}: {href}")
            elif target.fragment and target.fragment not in anchors(file):
                broken.append(f"{path.relative_to(site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    offsite = []
    for path in all_pages(site):
        page = soup(path)
        for tag_name, attribute in LOADING.items():
            for tag in page.find_all(tag_name):
                value = tag.get(attribute)
                if value and urlsplit(value).netloc:
                    offsite.append(f"{path.relative_to(site)}: <{tag_name} {attribute}={value}>")
        for link in page.find_all("link", href=True):
            rel = set(link.get("rel", []))
            loads = rel & {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}
            if loads and urlsplit(link["href"]).netloc:
                offsite.append(f"{path.relative_to(site)}: <link {rel} {link['href']}>")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")):
            offsite.append(f"{css.relative_to(site)}: url({url}//…)")
    assert not offsite, "\n".join(offsite)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_only_its_language(site: Path, lang: str) -> None:
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    expected = {"nb": "no"}.get(lang, lang)
    assert index["config"]["lang"] == [expected]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == {"", *(f"{url}/" for url in ARTICLES)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sitemap_lists_alternates(site: Path, lang: str) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site / lang / "sitemap.xml")
    urls = tree.getroot().findall("s:url", ns)
    assert {u.find("s:loc", ns).text for u in urls} == {
        f"{BASE}{lang}/{url + '/' if url else ''}" for url in ("", *ARTICLES)
    }
    for url in urls:
        hreflangs = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert hreflangs == {*LANGUAGES, "x-default"}


def test_root_is_a_language_chooser(site: Path) -> None:
    page = soup(site / "index.html")
    links = {a["hreflang"]: a["href"] for a in page.select("a[hreflang]")}
    assert links == {lang: f"{lang}/" for lang in LANGUAGES}
    assert page.select_one("script[src]")["src"] == "assets/chooser.js"
    assert (site / "404.html").exists()
    index = ET.parse(site / "sitemap.xml").getroot()
    assert len(index) == len(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_404(site: Path, lang: str) -> None:
    assert soup(site / lang / "404.html").html["lang"] == lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", PAGES)
def test_no_token_is_left_unreplaced(site: Path, lang: str, url: str) -> None:
    """Tokens are replaced everywhere, the front matter's description (meta, previews, JSON-LD) too."""
    html = page_file(site, lang, url).read_text(encoding="utf-8")
    left = re.findall(r"\{\{.{0,80}?\}\}", html, flags=re.DOTALL)
    assert not left, f"{lang}/{url}: tokens left as written: {left}"
