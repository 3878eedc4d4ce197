"""JSON-LD for articles: a DefinedTerm for the term and a FAQPage for the FAQ section.

>>> faq_entries('<h2 id="faq">FAQ</h2><h3 id="faq-why">Why?<a class="headerlink" href="#faq-why">¶</a></h3><p>Because.</p><h2 id="related">R</h2>')
[('Why?', 'Because.')]
"""

from __future__ import annotations

import html
import re
from typing import Any

_HEADING = re.compile(r"<h([23])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r"<a class=\"headerlink\".*?</a>", re.S)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", _PERMALINK.sub("", fragment))).split())


def faq_entries(content: str, section: str = "faq") -> list[tuple[str, str]]:
    """(question, answer) pairs: each h3 in the h2 section ``section`` and the text up to the next heading."""
    headings = list(_HEADING.finditer(content))
    entries: list[tuple[str, str]] = []
    inside = False
    for index, match in enumerate(headings):
        level, anchor = match.group(1), match.group(2)
        if level == "2":
            inside = anchor == section
            continue
        if inside:
            end = headings[index + 1].start() if index + 1 < len(headings) else len(content)
            entries.append((_text(match.group(3)), _text(content[match.end() : end])))
    return entries


def defined_term(
    name: str, description: str, url: str, lang: str, set_name: str, set_url: str
) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": lang,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": set_name, "url": set_url},
    }


def faq_page(entries: list[tuple[str, str]], url: str, lang: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "inLanguage": lang,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in entries
        ],
    }
