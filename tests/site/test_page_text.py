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
from babel.units import format_unit
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


#: A percentage with a needless ",0" in running text ("uno shrinkage del 30,0%"): tables keep one
#: decimal in a column, a sentence writes "30 %" (all five use a decimal comma).
WHOLE_PERCENT_WITH_DECIMAL = re.compile(rf"(?<![\d,])\d+,0{_SPACE}?%")


def prose(path: Path) -> str:
    """The article's sentences: its paragraphs and list items, without tables and the widget."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = page.find("article") or page
    for skipped in article.find_all(["table", "script", "style"]) + article.select(".calc"):
        skipped.decompose()
    return "\n".join(block.get_text(" ") for block in article.find_all(["p", "li"]))


def test_a_whole_percent_in_a_sentence_has_no_decimal(site: Path) -> None:
    hits = [
        f"{name}: …{text[max(0, m.start() - 30) : m.end() + 10]}…"
        for name, path in pages(site)
        for text in [prose(path)]
        for m in WHOLE_PERCENT_WITH_DECIMAL.finditer(text)
    ]
    assert hits == []


def test_the_percent_scan_finds_a_needless_decimal() -> None:
    assert WHOLE_PERCENT_WITH_DECIMAL.search("uno shrinkage del 30,0%")
    assert WHOLE_PERCENT_WITH_DECIMAL.search("en shrinkage på 30,0\u00a0%")
    assert not WHOLE_PERCENT_WITH_DECIMAL.search("42,9\u00a0% flere, 30\u00a0%, 12,05 %")


def test_no_table_names_two_rows_alike(site: Path) -> None:
    """Two rows of one figure in two units keep their units ("Total handle time (minutes)" and
    "(hours)"), so no table has two rows a reader cannot tell apart."""
    hits = []
    for name, path in pages(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for grid in page.select("article table"):
            labels = [row.find(["td", "th"]).get_text(" ").strip() for row in grid.select("tbody tr")]
            hits += [f"{name}: {label}" for label in set(labels) if labels.count(label) > 1]
    assert hits == []


def test_a_what_if_states_its_assumption_once(site: Path) -> None:
    """Under a what-if table one assumption paragraph (the variable share goes on from the
    what-if's own note), not two that both say that only the variable costs fall."""
    hits = []
    for name, path in pages(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        label = load(name.split("/")[0])["table.assumption"]
        for grid in page.select("table.glossary-table--scenario"):
            notes = [
                note
                for note in grid.find_parent("div").find_next_siblings("p", limit=3)
                if note.get_text().startswith(f"{label}:")
            ]
            if len(notes) != 1:
                hits.append(f"{name}: {len(notes)} assumption notes")
    assert hits == []


def short_hour(lang: str) -> str:
    """CLDR's short name of an hour where it has a long one that differs ("t" beside "timer"; nl
    "uur" and vi "giờ" have one name)."""
    short, long = (
        format_unit(5, "duration-hour", length=length, locale=lang).replace("5", "").strip()
        for length in ("short", "long")
    )
    return short if short != long and "duration-" not in long else ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hours_in_a_sentence_have_their_name(site: Path, lang: str) -> None:
    """A sentence says "4 000 timer", "4.000 ore" (review 3: not "4.000 h"); tables keep "h"."""
    unit = short_hour(lang)
    if not unit:
        pytest.skip(f"{lang}: the short and long names of an hour are the same")
    pattern = re.compile(rf"\d{_SPACE}{re.escape(unit)}(?!\w)")
    hits = [
        f"{name}: …{text[max(0, m.start() - 30) : m.end() + 10]}…"
        for name, path in pages(site)
        if name.startswith(f"{lang}/")
        for text in [prose(path)]
        for m in pattern.finditer(text)
    ]
    assert hits == []
