"""Link-preview cards: a 1200×630 PNG per article and language, drawn at build time.

A card shows the term, its one-line definition (catalog key ``definition.<slug>``) and the site name,
in the page's language and script, set in Noto Sans (the ``fontpkg-noto-sans`` package: Latin with
Vietnamese, Cyrillic). The font is read at build time only; it is never copied into the site.

Cards are cached by content in ``.cache/cards/``: the file name is a hash of the text, the font file,
this module's source and the Pillow version, so a build whose text has not changed copies the cached
PNG instead of drawing it again, and a changed card gets a new URL (link-preview services cache images
by URL).

>>> card = CardText(lang="vi", term="Chi phí mỗi cuộc gọi", definition="Đã tính đủ mọi khoản chi.",
...                 site_name="Thuật ngữ")
>>> len(digest(card)) == 64 and digest(card) != digest(card._replace(term="Chi phí"))
True
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import json
import os
import shutil
import tempfile
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # Pillow is imported only to draw a card: a cached build never loads it
    from PIL import Image, ImageFont

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "cards"
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = "#283593"  # Material indigo 800: white text on it has a contrast of 10.7:1
ACCENT = "#1de9b6"  # Material teal A400, the site's accent
TERM_COLOR = "#ffffff"
DEFINITION_COLOR = "#e8eaf6"
SITE_COLOR = "#c5cae9"
TERM_SIZES = (84, 76, 68, 60)
DEFINITION_SIZES = (46, 42, 38, 34)
RULE = 72  # space taken by the accent rule between the term and the definition


class CardText(NamedTuple):
    lang: str
    term: str
    definition: str
    site_name: str


class Card(NamedTuple):
    path: Path  # the PNG in the site
    width: int
    height: int
    drawn: bool  # False when it came from the cache


def font_path() -> Path:
    """Noto Sans, variable weight and width, from the ``fontpkg-noto-sans`` package."""
    resource = importlib.resources.files("fontpkg_noto_sans") / "files" / "NotoSans[wdth,wght].ttf"
    return Path(str(resource))


@cache
def _fixed_digest() -> str:
    """What every card depends on besides its text: the font, this code, Pillow."""
    hasher = hashlib.sha256()
    hasher.update(font_path().read_bytes())
    hasher.update(Path(__file__).read_bytes())
    hasher.update(importlib.metadata.version("pillow").encode())  # with its text layout engine
    return hasher.hexdigest()


def digest(text: CardText) -> str:
    """The card's cache key: its text plus the font, the drawing code and Pillow."""
    content = json.dumps(_normal(text), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{_fixed_digest()}\n{content}".encode()).hexdigest()


def card(text: CardText, folder: Path, slug: str, cache_dir: Path = CACHE) -> Card:
    """The card of ``text`` as ``folder/<slug>.<hash>.png``, drawn only when not in the cache."""
    key = digest(text)
    cached = cache_dir / f"{key}.png"
    drawn = not cached.exists()
    if drawn:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".png")  # parallel builds
        os.close(handle)
        draw(text).save(temporary, format="PNG", optimize=True)
        os.chmod(temporary, 0o644)
        os.replace(temporary, cached)
    target = folder / f"{slug}.{key[:12]}.png"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    return Card(target, WIDTH, HEIGHT, drawn)


def _normal(text: CardText) -> CardText:
    """Precomposed characters (NFC): Vietnamese marks drawn as single glyphs, a stable hash."""
    return CardText(*(unicodedata.normalize("NFC", " ".join(part.split())) for part in text))


@cache
def _font(size: int, weight: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    font = ImageFont.truetype(str(font_path()), size)
    values = {b"Weight": weight, b"Width": 100}
    axes = font.get_variation_axes()
    font.set_variation_by_axes([values.get(a["name"] or b"", a["default"] or 0) for a in axes])
    return font


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaking at spaces; a word longer than the line stays whole."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _layout(
    text: CardText, width: int, height: int
) -> tuple[ImageFont.FreeTypeFont, list[str], ImageFont.FreeTypeFont, list[str]]:
    """The largest term, then the largest definition, that fit in ``width`` × ``height``."""
    for term_size in TERM_SIZES:
        term_font = _font(term_size, 700)
        term_lines = _wrap(text.term, term_font, width)
        if len(term_lines) > 2:
            continue
        for size in DEFINITION_SIZES:
            font = _font(size, 400)
            lines = _wrap(text.definition, font, width)
            used = len(term_lines) * _leading(term_font, 1.2) + RULE + len(lines) * _leading(font)
            if used <= height and all(font.getlength(line) <= width for line in lines):
                return term_font, term_lines, font, lines
    term_font, font = _font(TERM_SIZES[-1], 700), _font(DEFINITION_SIZES[-1], 400)
    return (
        term_font,
        _wrap(text.term, term_font, width)[:2],
        font,
        _wrap(text.definition, font, width)[:4],
    )


def _leading(font: ImageFont.FreeTypeFont, factor: float = 1.4) -> int:
    return round(font.size * factor)


def draw(text: CardText) -> Image.Image:
    """Draw the card: the site name on top, the term, an accent rule, the definition."""
    from PIL import Image, ImageDraw

    text = _normal(text)
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 20, HEIGHT), fill=ACCENT)
    pen.text((MARGIN, 60), text.site_name, font=_font(34, 600), fill=SITE_COLOR)

    top, bottom = 140, HEIGHT - 56
    term_font, term_lines, font, lines = _layout(text, WIDTH - 2 * MARGIN, bottom - top)
    y = top
    for line in term_lines:
        pen.text((MARGIN, y), line, font=term_font, fill=TERM_COLOR)
        y += _leading(term_font, 1.2)
    y += 24
    pen.rectangle((MARGIN, y, MARGIN + 120, y + 6), fill=ACCENT)
    y += RULE - 24
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=DEFINITION_COLOR)
        y += _leading(font)
    return image
