"""The site's languages and their message catalogs (``sitebuild/locales/<lang>.json``).

>>> LANGUAGES
('nb', 'ru', 'it', 'nl', 'vi')
>>> load("nb")["nav.home"] != ""
True
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "sitebuild" / "locales"

#: The site's languages, in the order the switcher lists them.
LANGUAGES = ("nb", "ru", "it", "nl", "vi")
#: Default currency of each language's widget (NOK, RUB, EUR, EUR, VND).
DEFAULT_CURRENCY = {"nb": "NOK", "ru": "RUB", "it": "EUR", "nl": "EUR", "vi": "VND"}


class MissingKey(KeyError):
    """A key the catalog lacks; says which catalog file and which key.

    >>> str(MissingKey("nb", "term.x"))
    "sitebuild/locales/nb.json has no key 'term.x'"
    """

    def __init__(self, lang: str, key: str) -> None:
        super().__init__(key)
        self.lang, self.key = lang, key

    def __str__(self) -> str:
        return f"sitebuild/locales/{self.lang}.json has no key {self.key!r}"


class Catalog(dict[str, str]):
    """A language's catalog: a missing key raises :class:`MissingKey`, naming the file."""

    lang = ""

    def __missing__(self, key: str) -> str:
        raise MissingKey(self.lang, key)


@cache
def load(lang: str) -> dict[str, str]:
    """The catalog of ``lang`` as a dict of key to text (a missing key names the catalog file).

    >>> load("nb")["no.such.key"]
    Traceback (most recent call last):
    ...
    sitebuild.catalog.MissingKey: sitebuild/locales/nb.json has no key 'no.such.key'
    """
    with (LOCALES / f"{lang}.json").open(encoding="utf-8") as handle:
        catalog = Catalog(json.load(handle))
    catalog.lang = lang
    return catalog


def translate(lang: str, key: str, **values: str) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled in; a value that ends a
    sentence with its own full stop ("2025 г.") takes the place of the template's.

    >>> translate("nb", "term.cost-per-call") != ""
    True
    >>> translate("ru", "rate.note", date="1 октября 2025 г.").count("..")
    0
    """
    text = load(lang)[key]
    for name, value in values.items():
        if value.endswith("."):
            text = text.replace("{" + name + "}.", value)
        text = text.replace("{" + name + "}", value)
    return text
