"""oEmbed (https://oembed.com/): a static JSON per calculator and language, beside its embed page.

Editors that understand oEmbed find it through the discovery link on the article and embed pages
(``link_previews.oembed_link``) and embed the calculator from the plain URL. The ``html`` is the
same iframe as the embed snippet (``allow="clipboard-write"``, so "copy" works inside it); every value
in it is escaped.

>>> data = document(title='Cost <per> "call"', embed_url="https://x/nb/embed/some-term/",
...                 provider_name="Glossary", provider_url="https://x/nb/")
>>> data["type"], data["version"], data["width"], data["height"]
('rich', '1.0', 640, 1950)
>>> data["html"]
'<iframe src="https://x/nb/embed/some-term/" title="Cost &lt;per&gt; &quot;call&quot;" width="640" height="1950" allow="clipboard-write" loading="lazy" style="border:0;max-width:100%"></iframe>'
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

#: The iframe's size: 640 px wide, and tall enough for every calculator in a 680 px column with a
#: result shown and its optional groups closed, in every language (measured: at most 1,934 px,
#: service level; tests/browser/test_embed_tools.py keeps it true). Also the height of the
#: widget's snippet. A host with the README's script sizes the iframe to its content.
WIDTH, HEIGHT = 640, 1950
FILE_NAME = "oembed.json"


def path(calculator: str) -> str:
    """The JSON's path below the language's root: ``embed/<calculator>/oembed.json``."""
    return f"embed/{calculator}/{FILE_NAME}"


def iframe(src: str, title: str) -> str:
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="{WIDTH}" height="{HEIGHT}" '
        'allow="clipboard-write" loading="lazy" style="border:0;max-width:100%"></iframe>'
    )


def document(title: str, embed_url: str, provider_name: str, provider_url: str) -> dict[str, Any]:
    return {
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": provider_name,
        "provider_url": provider_url,
        "html": iframe(embed_url, title),
        "width": WIDTH,
        "height": HEIGHT,
    }


def write(folder: Path, calculator: str, data: dict[str, Any]) -> Path:
    """Write the JSON of ``calculator`` below the language's output ``folder``.

    ``<``, ``>`` and ``&`` are written as ``\\u003c`` and so on, so the file stays inert even if a
    careless consumer pastes it into a page.
    """
    target = folder / path(calculator)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    target.write_text(text + "\n", encoding="utf-8")
    return target
