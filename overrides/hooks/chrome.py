"""Material's chrome in the page's language: strings Material leaves in English or gets wrong.

Each language is its own build, so the values come from that language's catalog:

- ``material.<key>`` replaces Material's own translation of ``<key>`` (``overrides/partials/language.html``
  looks them up first, then falls back to Material's file for the language);
- ``heading.permalink`` is the tooltip of the ¶ beside headings (``toc.permalink_title``);
- ``theme.dark``/``theme.light`` name the palette toggles (``theme.palette[].toggle.name``);
- ``title.page`` is the browser title, ``{page}`` and ``{site}`` with the language's separator;
- ``page.not_found`` is the 404 page's heading.

>>> config = {"theme": {"palette": [{"scheme": "default", "toggle": {"name": "Dark"}},
...                                 {"scheme": "slate", "toggle": {"name": "Light"}}]},
...           "mdx_configs": {"toc": {"permalink": True}}, "extra": {}}
>>> apply(config, {"material.top": "Lên đầu trang", "heading.permalink": "Liên kết đến mục này",
...                "theme.dark": "Tối", "theme.light": "Sáng", "title.page": "{page} - {site}",
...                "page.not_found": "Không tìm thấy trang"})
>>> config["extra"]["glossary_material"], config["mdx_configs"]["toc"]["permalink_title"]
({'top': 'Lên đầu trang'}, 'Liên kết đến mục này')
>>> [option["toggle"]["name"] for option in config["theme"]["palette"]]
['Tối', 'Sáng']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PREFIX = "material."


def apply(config: Any, catalog: Mapping[str, str]) -> None:
    """Set the language's chrome strings in the MkDocs ``config`` (a dict-like ``MkDocsConfig``)."""
    config["extra"]["glossary_material"] = {
        key.removeprefix(PREFIX): text for key, text in catalog.items() if key.startswith(PREFIX)
    }
    config["extra"]["glossary_title"] = catalog["title.page"]
    config["extra"]["glossary_not_found"] = catalog["page.not_found"]
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = catalog["heading.permalink"]
    for option in config["theme"]["palette"] or []:
        if option.get("toggle"):
            # The toggle shown in a palette switches to the other one: light offers dark.
            key = "theme.light" if option.get("scheme") == "slate" else "theme.dark"
            option["toggle"]["name"] = catalog[key]
