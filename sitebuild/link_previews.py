"""Link previews (Open Graph, Twitter cards) and oEmbed discovery, in the page's language.

Chat tools and help-desk editors (Slack, Teams, Zendesk, Confluence) read these tags when a link is
pasted. Every value is escaped as an HTML attribute.

>>> og_locale("nb"), og_locale("vi")
('nb_NO', 'vi_VN')
>>> preview = Preview(title='Kostnad "per" <kontakt>', description="A & B", url="https://x/nb/",
...                   kind="website", lang="nb", languages=("nb", "ru"), site_name="Kontakt")
>>> print(render(tags(preview)))  # doctest: +NORMALIZE_WHITESPACE
<meta property="og:type" content="website">
<meta property="og:title" content="Kostnad &quot;per&quot; &lt;kontakt&gt;">
<meta property="og:description" content="A &amp; B">
<meta property="og:url" content="https://x/nb/">
<meta property="og:site_name" content="Kontakt">
<meta property="og:locale" content="nb_NO">
<meta property="og:locale:alternate" content="ru_RU">
<meta name="twitter:card" content="summary">
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from babel.core import get_global


class Image(NamedTuple):
    url: str
    width: int
    height: int
    alt: str


class Preview(NamedTuple):
    title: str
    description: str
    url: str  # canonical
    kind: str  # og:type: "article" or "website"
    lang: str | None  # None on the multilingual root
    languages: Sequence[str]  # every language of the site (the others become og:locale:alternate)
    site_name: str
    image: Image | None = None


def og_locale(lang: str) -> str:
    """The Open Graph locale of ``lang`` (``language_TERRITORY``), from CLDR's likely subtags."""
    likely = str(get_global("likely_subtags").get(lang, lang))
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


def tags(preview: Preview) -> list[tuple[str, str, str]]:
    """``(attribute, name, content)`` of each ``<meta>``: ``property`` for Open Graph, ``name`` for
    Twitter (each reads its own)."""
    og = [
        ("og:type", preview.kind),
        ("og:title", preview.title),
        ("og:description", preview.description),
        ("og:url", preview.url),
        ("og:site_name", preview.site_name),
    ]
    if preview.lang:
        og.append(("og:locale", og_locale(preview.lang)))
    og += [
        ("og:locale:alternate", og_locale(other))
        for other in preview.languages
        if other != preview.lang
    ]
    if preview.image:
        og += [
            ("og:image", preview.image.url),
            ("og:image:type", "image/png"),
            ("og:image:width", str(preview.image.width)),
            ("og:image:height", str(preview.image.height)),
            ("og:image:alt", preview.image.alt),
        ]
    card = "summary_large_image" if preview.image else "summary"
    twitter = [("twitter:card", card)]
    if preview.image:
        twitter.append(("twitter:image:alt", preview.image.alt))
    return [("property", *pair) for pair in og] + [("name", *pair) for pair in twitter]


def render(meta: list[tuple[str, str, str]]) -> str:
    """The ``<meta>`` elements, one a line, every value escaped."""
    return "\n".join(
        f'<meta {attribute}="{escape(name)}" content="{escape(content)}">'
        for attribute, name, content in meta
    )


def oembed_link(href: str, title: str) -> str:
    """The oEmbed discovery link (``<link rel="alternate" type="application/json+oembed">``).

    >>> oembed_link("https://x/nb/embed/a/oembed.json", 'A "b"')
    '<link rel="alternate" type="application/json+oembed" href="https://x/nb/embed/a/oembed.json" title="A &quot;b&quot;">'
    """
    return (
        f'<link rel="alternate" type="application/json+oembed" href="{escape(href)}" '
        f'title="{escape(title)}">'
    )
