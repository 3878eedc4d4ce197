"""Link previews, cards and oEmbed: what chat tools and help-desk editors read from a pasted link."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from calculators.kpis import SPECS

from .conftest import ARTICLES, BASE, LANGUAGES, PAGES, head, page_file, soup

OG_LOCALE = {"nb": "nb_NO", "ru": "ru_RU", "it": "it_IT", "nl": "nl_NL", "vi": "vi_VN"}
CALCULATORS = tuple(SPECS)
HOSTILE = "\"><script>alert(1)</script>&amp; ' <img src=x onerror=alert(2)>"


def catalog(lang: str) -> dict[str, str]:
    from sitebuild.catalog import load

    return load(lang)


def meta(page: BeautifulSoup, name: str) -> list[str]:
    """Contents of ``<meta property=name>`` (Open Graph) or ``<meta name=name>`` (Twitter)."""
    tags = page.select(f'meta[property="{name}"]') + page.select(f'meta[name="{name}"]')
    return [tag["content"] for tag in tags]


def one(page: BeautifulSoup, name: str) -> str:
    values = meta(page, name)
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def calculator_of(url: str) -> str | None:
    return url.rsplit("/", 1)[1] if url.startswith(("glossary/", "embed/")) else None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_link_preview_tags_in_its_language(site: Path, lang: str, url: str) -> None:
    page = head(page_file(site, lang, url))
    text = catalog(lang)
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert one(page, "og:url") == canonical == f"{BASE}{lang}/{url + '/' if url else ''}"
    assert one(page, "og:locale") == OG_LOCALE[lang]
    assert sorted(meta(page, "og:locale:alternate")) == sorted(
        OG_LOCALE[other] for other in LANGUAGES if other != lang
    )
    assert one(page, "og:site_name") == text["site.name"]
    assert one(page, "og:type") == ("article" if url in ARTICLES else "website")
    calculator = calculator_of(url)
    if calculator:
        # The article's own title (the term, with the English name where the language keeps it).
        assert page.title.get_text().startswith(one(page, "og:title"))
        assert text[f"term.{calculator}"].split(" (")[0] in one(page, "og:title")
    else:  # the home page: its own title
        assert one(page, "og:title") == page.title.get_text()
    description = page.select_one('meta[name="description"]')["content"]
    expected = text[f"definition.{calculator}"] if url.startswith("embed/") else description
    assert one(page, "og:description") == expected
    images = meta(page, "og:image")
    assert one(page, "twitter:card") == ("summary_large_image" if images else "summary")
    assert bool(images) == bool(calculator), "a card on every article and embed page, only there"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", [u for u in PAGES if calculator_of(u)])
def test_card_is_a_1200x630_png_of_the_term(site: Path, lang: str, url: str) -> None:
    page = head(page_file(site, lang, url))
    calculator = calculator_of(url)
    image = one(page, "og:image")
    assert image.startswith(f"{BASE}{lang}/assets/cards/{calculator}.") and image.endswith(".png")
    path = site / urlsplit(image).path.removeprefix(urlsplit(BASE).path)
    assert path.is_file(), f"{image} was not written"
    assert png_size(path) == (1200, 630)
    assert (one(page, "og:image:width"), one(page, "og:image:height")) == ("1200", "630")
    assert one(page, "og:image:type") == "image/png"
    text = catalog(lang)
    alt = one(page, "og:image:alt")
    assert text[f"term.{calculator}"] in alt and text[f"definition.{calculator}"] in alt
    assert one(page, "twitter:image:alt") == alt


def test_cards_differ_per_language_and_article(site: Path) -> None:
    cards = sorted(site.glob("*/assets/cards/*.png"))
    assert len(cards) == len(LANGUAGES) * len(CALCULATORS), cards
    assert len({path.read_bytes() for path in cards}) == len(cards)


def test_the_font_is_not_served(site: Path) -> None:
    fonts = [p for p in site.rglob("*") if p.suffix.lower() in (".ttf", ".otf", ".woff", ".woff2")]
    assert not fonts, fonts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_definitions_are_one_line(lang: str) -> None:
    for calculator in CALCULATORS:
        definition = catalog(lang)[f"definition.{calculator}"]
        assert 20 <= len(definition) <= 110, f"{lang}: definition.{calculator} is {len(definition)}"
        assert "\n" not in definition


def test_root_chooser_has_a_link_preview(site: Path) -> None:
    page = soup(site / "index.html")
    assert one(page, "og:url") == BASE
    assert one(page, "og:type") == "website"
    assert sorted(meta(page, "og:locale:alternate")) == sorted(OG_LOCALE.values())
    for lang in LANGUAGES:
        assert catalog(lang)["chooser.title"] in one(page, "og:title")
        assert catalog(lang)["chooser.description"] in one(page, "og:description")
    assert one(page, "twitter:card") == "summary"


# ---- oEmbed -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("calculator", CALCULATORS)
def test_oembed_json_and_its_discovery_links(site: Path, lang: str, calculator: str) -> None:
    path = site / lang / "embed" / calculator / "oembed.json"
    raw = path.read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw, "markup in the JSON is written as \\u003c"
    data = json.loads(raw)
    embed_url = f"{BASE}{lang}/embed/{calculator}/"
    term = catalog(lang)[f"term.{calculator}"]
    assert data | {"html": None} == {
        "type": "rich",
        "version": "1.0",
        "title": term,
        "provider_name": catalog(lang)["site.name"],
        "provider_url": f"{BASE}{lang}/",
        "html": None,
        "width": 640,
        "height": 1950,
    }
    frames = BeautifulSoup(data["html"], "html.parser").find_all(True)
    assert [f.name for f in frames] == ["iframe"]
    assert frames[0]["src"] == embed_url and frames[0]["title"] == term
    assert (frames[0]["width"], frames[0]["height"]) == ("640", "1950")
    assert frames[0]["allow"] == "clipboard-write", "copying works inside the iframe"
    for url in (f"glossary/{calculator}", f"embed/{calculator}"):
        links = head(page_file(site, lang, url)).select(
            'link[rel="alternate"][type="application/json+oembed"]'
        )
        assert [(link["href"], link["title"]) for link in links] == [
            (f"{embed_url}oembed.json", term)
        ], url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_calculator_pages_offer_oembed(site: Path, lang: str) -> None:
    page = head(page_file(site, lang, ""))
    assert not page.select('link[type="application/json+oembed"]')


# ---- escaping and caching, on the modules themselves ------------------------------------------------
def test_preview_tags_escape_every_value() -> None:
    from sitebuild.link_previews import Image, Preview, oembed_link, render, tags

    preview = Preview(
        title=HOSTILE,
        description=HOSTILE,
        url="https://x/?a=1&b=" + HOSTILE,
        kind="article",
        lang="ru",
        languages=LANGUAGES,
        site_name=HOSTILE,
        image=Image("https://x/c.png?" + HOSTILE, 1200, 630, HOSTILE),
    )
    html = render(tags(preview)) + oembed_link("https://x/" + HOSTILE, HOSTILE)
    parsed = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in parsed.find_all(True)} == {"meta", "link"}
    for name in ("og:title", "og:description", "og:site_name", "og:image:alt", "twitter:image:alt"):
        assert one(parsed, name) == HOSTILE
    assert one(parsed, "og:url").endswith(HOSTILE)
    assert parsed.select_one("link")["title"] == HOSTILE


def test_oembed_escapes_every_value(tmp_path: Path) -> None:
    import oembed

    data = oembed.document(HOSTILE, "https://x/" + HOSTILE, HOSTILE, "https://x/")
    path = oembed.write(tmp_path, "cost-per-call", data)
    assert "<" not in path.read_text(encoding="utf-8")
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert loaded["title"] == loaded["provider_name"] == HOSTILE
    frames = BeautifulSoup(loaded["html"], "html.parser").find_all(True)
    assert [f.name for f in frames] == ["iframe"]
    assert frames[0]["title"] == HOSTILE and frames[0]["src"] == "https://x/" + HOSTILE


def test_cards_are_cached_by_content(tmp_path: Path) -> None:
    import cards

    text = cards.CardText("vi", "Chi phí mỗi cuộc gọi", "Đã tính đủ mọi khoản chi.", "Thuật ngữ")
    cache, out = tmp_path / "cache", tmp_path / "site"
    first = cards.card(text, out, "cost-per-call", cache_dir=cache)
    again = cards.card(text, out / "again", "cost-per-call", cache_dir=cache)
    changed = cards.card(text._replace(term="Chi phí"), out, "cost-per-call", cache_dir=cache)
    assert (first.drawn, again.drawn, changed.drawn) == (True, False, True)
    assert first.path.name == again.path.name != changed.path.name
    assert first.path.read_bytes() == again.path.read_bytes()
    assert png_size(first.path) == (1200, 630)
    assert len(list(cache.glob("*.png"))) == 2


def test_an_unchanged_build_draws_no_card(site: Path) -> None:
    """Every built card is named by the content key of its page's text, the key the card cache files
    it under (``test_cards_are_cached_by_content``: a known key is copied, not drawn): a rebuild with
    the same text draws none. Checked against the catalogs, whatever a local cache holds."""
    import cards

    built = sorted(site.glob("*/assets/cards/*.png"))
    assert len(built) == len(LANGUAGES) * len(CALCULATORS), built
    for card in built:
        lang, slug, key = card.parts[-4], *card.name.split(".")[:2]
        text = cards.CardText(
            lang,
            catalog(lang)[f"term.{slug}"],
            catalog(lang)[f"definition.{slug}"],
            catalog(lang)["site.name"],
        )
        assert key == cards.digest(text)[:12], f"{card}: not the key of its text"
