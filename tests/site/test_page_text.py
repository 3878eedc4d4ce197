"""Every built page reads as a local editor writes figures (issue 19): each test scans the visible text
(and the attributes a reader hears: aria-label, title, alt, placeholder) of every page in every
language for one class of defect that build code once produced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild.catalog import load

from .conftest import LANGUAGES, PAGES, page_file

_SPACE = "[\u00a0\u202f ]"
_CURRENCY = r"(?:USD|US\$|NOK|EUR|RUB|VND|kr|€|₽|₫|\$)"
_LARGE = rf"(?:\d{{1,3}}(?:[.\u00a0\u202f ]\d{{3}})+|\d{{4,}}),\d{{2}}(?!\d)"
#: A sum of 1 000 or more with cents ("40 807,20 USD", "US$ 1.234,50"): all five use a decimal comma.
LARGE_SUM_WITH_CENTS = re.compile(
    rf"(?<![\d.,]){_LARGE}{_SPACE}?{_CURRENCY}|{_CURRENCY}{_SPACE}?{_LARGE}"
)
#: Minutes and seconds joined by the CLDR list comma ("3 min, 30 sek", "3 phút, 30 giây").
DURATION_WITH_COMMA = re.compile(rf"\d{_SPACE}(?:min|мин|phút|m),{_SPACE}\d")
#: A short unit after an ordinary space, where a line may break between number and unit.
UNIT_AFTER_PLAIN_SPACE = re.compile(
    r"\d (?:s|sek|sec|min|t|h|u|uur|ч|мин|с|Эрл|erlang|giờ|giây|phút)(?![\w-])"
)
#: A raw CLDR unit id, a token or placeholder left unfilled, or a catalog key shown as text.
RAW_KEY = re.compile(
    r"\b(?:duration|length|area|mass|volume)-[a-z]+\b|\{\{|\}\}|\{[a-z_]+\}"
    r"|\b(?:table|result|field|scenario|error|widget|assumption|unit|band|compare|chart|component"
    r"|channel|term|position|formula|group|carry|embed|print|solve|action|benchmark|caption|per"
    r"|range)\.[a-z_][\w-]*\b"
)
#: Two full stops in a row ("2025 г.. Замените"), not an ellipsis.
DOUBLED_STOP = re.compile(r"(?<![.…])\.\.(?![./…])")


def pages(site: Path) -> Iterator[tuple[str, Path]]:
    for lang in LANGUAGES:
        for url in PAGES:
            yield f"{lang}/{url}", page_file(site, lang, url)


@cache
def visible(path: Path) -> tuple[str, tuple[str, ...]]:
    """A page's text as a reader sees and hears it, and its table captions."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in page(["script", "style", "template"]):
        hidden.decompose()
    body = page.body or page
    texts = [body.get_text(" ")]
    for element in body.find_all(True):
        texts += [element[name] for name in ("aria-label", "title", "alt", "placeholder") if element.get(name)]
    captions = tuple(caption.get_text() for caption in body.find_all("caption"))
    return "\n".join(texts), captions


def found(site: Path, pattern: re.Pattern[str]) -> list[str]:
    hits = []
    for name, path in pages(site):
        text, _ = visible(path)
        hits += [
            f"{name}: …{text[max(0, m.start() - 30) : m.end() + 20]}…".replace("\n", " ")
            for m in pattern.finditer(text)
        ]
    return hits


@pytest.mark.parametrize(
    "pattern",
    [LARGE_SUM_WITH_CENTS, DURATION_WITH_COMMA, UNIT_AFTER_PLAIN_SPACE, RAW_KEY, DOUBLED_STOP],
    ids=["large-sum-with-cents", "duration-with-comma", "unit-after-plain-space", "raw-key", "doubled-stop"],
)
def test_no_page_shows(site: Path, pattern: re.Pattern[str]) -> None:
    assert found(site, pattern) == []


def test_no_caption_has_two_colons(site: Path) -> None:
    """A caption is one catalog sentence, not a label glued to a title that has its own colon."""
    bad = [
        f"{name}: {caption}"
        for name, path in pages(site)
        for caption in visible(path)[1]
        if caption.count(":") > 1
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (LARGE_SUM_WITH_CENTS, "sparer 40\u00a0807,20\u00a0USD i året"),
        (LARGE_SUM_WITH_CENTS, "US$\u00a01.234,50"),
        (DURATION_WITH_COMMA, "AHT på 3 min, 30 sek"),
        (UNIT_AFTER_PLAIN_SPACE, "dài 60 phút"),
        (RAW_KEY, "15 duration-minute"),
        (RAW_KEY, "{{ scenario.saving_year }}"),
        (DOUBLED_STOP, "2025\u202fг.. Замените"),
    ],
)
def test_each_scan_finds_its_defect(pattern: re.Pattern[str], text: str) -> None:
    assert pattern.search(text)


@pytest.mark.parametrize(
    "text",
    ["3\u00a0351\u00a0USD", "7,82\u00a0USD", "3\u00a0min 30\u00a0sek", "60\u00a0phút", "Vent…", "80/20"],
)
def test_the_scans_pass_what_editors_write(text: str) -> None:
    scans = (LARGE_SUM_WITH_CENTS, DURATION_WITH_COMMA, UNIT_AFTER_PLAIN_SPACE, RAW_KEY, DOUBLED_STOP)
    assert not any(pattern.search(text) for pattern in scans)


def test_vietnamese_pages_name_currencies_by_code(site: Path) -> None:
    """Vietnamese business writing names the dollar "USD" ("76.600 USD"), not CLDR's "US$"."""
    hits = [hit for hit in found(site, re.compile(r"US\$")) if hit.startswith("vi/")]
    assert hits == []


#: Languages whose editors go on in lowercase after a colon, even with a whole sentence (Russian:
#: Rosental's rules; Italian and Dutch: the Crusca's and the Taalunie's advice); Norwegian
#: (Språkrådet) and Vietnamese capitalise a whole sentence after a colon.
LOWERCASE_AFTER_COLON = ("ru", "it", "nl")
#: Names a labelled note may begin with ("Call Centre Helper", "Erlang C").
NAMES = ("Call", "Erlang")


def run_in_hits(lang: str, text: str) -> list[str]:
    """Labelled notes ("Aanname: De foutmarge…") that go on with a capitalised ordinary word."""
    labels = "|".join(re.escape(load(lang)[key]) for key in ("table.assumption", "table.source"))
    pattern = re.compile(rf"(?:{labels}):\s+([^\W\d_][^\W\d_A-ZА-ЯЁ]\w*)")
    return [m.group() for m in pattern.finditer(text) if m.group(1)[0].isupper() and m.group(1) not in NAMES]


@pytest.mark.parametrize("lang", LOWERCASE_AFTER_COLON)
def test_a_labelled_note_goes_on_in_lowercase(site: Path, lang: str) -> None:
    """"Допущение: погрешность рассчитана…", never "Допущение: Погрешность…" (articles and widgets)."""
    hits = [
        f"{name}: {hit}"
        for name, path in pages(site)
        if name.startswith(f"{lang}/")
        for hit in run_in_hits(lang, visible(path)[0])
    ]
    assert hits == []


def test_the_labelled_note_scan_finds_a_capital() -> None:
    assert run_in_hits("nl", "Aanname: De foutmarge") == ["Aanname: De"]
    assert run_in_hits("nl", "Opmerking: Call Centre Helper; Aanname: de AHT") == []
