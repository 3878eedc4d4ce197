"""The site's MkDocs hook: one language per build, computed figures, the calculator widget, metadata.

- ``on_config``: the language's site name and description from its catalog and its ``site_url``
  (``theme.language`` comes from ``I18N_LANG`` in mkdocs.yml, so Material picks the lunr language),
  and the chrome strings Material leaves in English or gets wrong (``chrome.py``).
- ``on_page_markdown``: replaces ``{{ tokens }}`` with figures computed by ``calculators`` and formatted
  with Babel, and ``{{ calculator }}`` with the widget; an unknown token fails the build naming the file.
- ``on_page_content``: JSON-LD (DefinedTerm, FAQPage) for articles.
- ``on_page_context``: per-page language alternates (hreflang and the language switcher); link-preview
  tags (Open Graph, Twitter) with the article's card image, and the oEmbed discovery link.
- ``on_post_page``: the page's Content-Security-Policy and its alternates sitemap; an embed page's
  oEmbed JSON.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any, get_args

import build_errors
import cards
import chrome
import csp
import oembed
import structured_data
import widget
from build_errors import names_the_file
from figures import BLOCKS, Formatter, inline_tokens, token_key
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from calculators.kpis import SPECS
from calculators.specs import FieldKind, Kind
from sitebuild import assets as site_assets
from sitebuild.catalog import LANGUAGES, load, translate
from sitebuild.link_previews import Image, Preview, oembed_link, render, tags

_BLOCK = re.compile(r"^\{\{\s*([\w.-]+)\s*\}\}[ \t]*$", re.M)
_INLINE = re.compile(r"\{\{\s*([\w.-]+)\s*\}\}")
_state: dict[str, Any] = {}
# The widget is put in place after rendering (on_post_page): Markdown and the search index never see
# its form, which keeps form labels out of search results and the build fast.
WIDGET_SLOT = '<div class="glossary-widget-slot"></div>'


@event_priority(-200)  # after mkdocs-static-i18n has applied the language's overrides
@names_the_file
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = config.theme["language"]
    if lang not in LANGUAGES:
        raise PluginError(f"theme.language {lang!r} is not one of {LANGUAGES}")
    build_errors.check_kinds(SPECS, get_args(Kind), get_args(FieldKind))
    _state["lang"] = lang
    catalog = load(lang)
    config.site_name = catalog["site.name"]
    config.site_description = catalog["site.description"]
    config.site_url = f"{site_assets.site_url()}{lang}/"
    config.extra["glossary_lang"] = lang
    config.extra["glossary_languages"] = list(LANGUAGES)
    config.extra["glossary_base_url"] = site_assets.site_url()
    config.extra["glossary_embed_open"] = catalog["embed.open"]
    config.nav = [_translated(entry, catalog) for entry in config.nav or []]
    chrome.apply(config, catalog)
    return config


def _translated(entry: Any, catalog: dict[str, str]) -> Any:
    """A nav entry with its section titles (catalog keys in mkdocs.yml) in the language."""
    if isinstance(entry, dict):
        return {
            catalog.get(title, title): _translated(items, catalog) for title, items in entry.items()
        }
    if isinstance(entry, list):
        return [_translated(item, catalog) for item in entry]
    return entry


@names_the_file
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    lang = _state["lang"]
    if not page.meta and markdown.lstrip().startswith("---"):
        raise PluginError(
            f"{page.file.src_path}: the front matter is not valid YAML (quote values with ': ')"
        )
    calculator = page.meta.get("calculator") or page.meta.get("embed")
    if calculator:
        key = "calculator" if page.meta.get("calculator") else "embed"
        build_errors.check_calculator(page.file.src_path, key, calculator, SPECS)
    if page.meta.get("embed"):
        page.meta["title"] = translate(lang, f"term.{calculator}")
    fmt = Formatter(lang)
    source = page.file.src_path
    tokens = inline_tokens(calculator, fmt) if calculator else {}
    depth = page.url.count("/")
    up = "../" * depth

    def block(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "calculator" and calculator:
            page.meta["widget"] = widget.render(
                calculator,
                lang,
                assets=f"{up}../assets/",
                wheel=site_assets.wheel_path(),
                pyodide=site_assets.pyodide_dir(),
                embed=f"{up}embed/{calculator}/",
                glossary=f"{up}glossary/",
                embedded=bool(page.meta.get("embed")),
            )
            return WIDGET_SLOT
        if name in BLOCKS and calculator:
            return BLOCKS[name](calculator, fmt)
        return match.group(0)

    def inline(match: re.Match[str]) -> str:
        name = match.group(1)
        if token_key(name) not in tokens:
            raise PluginError(f"{source}: unknown token {{{{ {name} }}}}")
        return tokens[token_key(name)]

    if isinstance(page.meta.get("description"), str):  # "…the average is {{ benchmark.value }}"
        page.meta["description"] = _INLINE.sub(inline, page.meta["description"])
    return _INLINE.sub(inline, _BLOCK.sub(block, markdown))


@names_the_file
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    lang = _state["lang"]
    if page.meta.get("calculator"):
        url = page.canonical_url or ""
        term = structured_data.defined_term(
            name=page.meta.get("title", page.title or ""),
            description=page.meta.get("description", ""),
            url=url,
            lang=lang,
            set_name=config.site_name,
            set_url=config.site_url or "",
        )
        entries = structured_data.faq_entries(html)
        if not entries:
            raise PluginError(f"{page.file.src_path}: the article has no FAQ entries under #faq")
        page.meta["jsonld"] = [term, structured_data.faq_page(entries, url, lang)]
    return html


@names_the_file
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    """Alternates of this page in every language (same file names everywhere), plus x-default."""
    config.extra["alternate"] = alternates(page.url)
    page.meta["link_preview"] = link_preview(page, config)
    return context


def link_preview(page: Page, config: MkDocsConfig) -> str:
    """Open Graph and Twitter tags in the page's language; for a calculator's article and embed
    page, its card (drawn at build time, cached in ``.cache/cards``) and the oEmbed discovery link."""
    lang = _state["lang"]
    calculator = page.meta.get("calculator") or page.meta.get("embed")
    image, links, definition = None, "", ""
    if calculator:
        term = translate(lang, f"term.{calculator}")
        definition = translate(lang, f"definition.{calculator}")
        text = cards.CardText(lang, term, definition, config.site_name)
        card = cards.card(text, Path(config.site_dir) / "assets" / "cards", calculator)
        url = f"{config.site_url}assets/cards/{card.path.name}"
        image = Image(url, card.width, card.height, f"{term}. {definition}")
        links = "\n" + oembed_link(f"{config.site_url}{oembed.path(calculator)}", term)
    preview = Preview(
        title=page.meta.get("title") or page.title or config.site_name,
        # Embed pages have no description of their own: the term's definition.
        description=page.meta.get("description") or definition or config.site_description or "",
        url=page.canonical_url or "",
        kind="article" if page.meta.get("calculator") else "website",
        lang=lang,
        languages=LANGUAGES,
        site_name=config.site_name,
        image=image,
    )
    return render(tags(preview)) + links


def on_pre_template(template: Any, template_name: str, config: MkDocsConfig) -> Any:
    """Pages that are not documents (the 404 page) offer each language's home page."""
    config.extra["alternate"] = alternates("")
    return template


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page gets the same Content-Security-Policy as documents."""
    return csp.with_policy(output) if template_name.endswith(".html") else output


@names_the_file
def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Add the page's Content-Security-Policy; write its alternates as a one-entry sitemap beside it.

    Material's script looks up ``sitemap.xml`` below each ``<link rel="alternate">`` to keep the page
    when the reader switches language; with per-page alternates that is this file (instead of a 404).
    """
    if "widget" in page.meta:
        output = output.replace(WIDGET_SLOT, page.meta["widget"], 1)
    output = csp.with_policy(output)
    if page.meta.get("embed"):
        calculator = page.meta["embed"]
        data = oembed.document(
            title=translate(_state["lang"], f"term.{calculator}"),
            embed_url=page.canonical_url or "",
            provider_name=config.site_name,
            provider_url=config.site_url or "",
        )
        oembed.write(Path(config.site_dir), calculator, data)
    if page.is_homepage:  # the language's own sitemap.xml already lists every page's alternates
        return output
    folder = Path(config.site_dir) / page.url
    folder.mkdir(parents=True, exist_ok=True)
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{alt["lang"]}" href="{escape(alt["link"])}"/>'
        for alt in alternates(page.url)
    )
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        f"<url><loc>{escape(page.canonical_url or '')}</loc>{links}</url></urlset>\n",
        encoding="utf-8",
    )
    return output


def alternates(url: str) -> list[dict[str, str]]:
    """The page at ``url`` in every language, then x-default (the language chooser)."""
    links = [
        {
            "name": translate(lang, "lang.name"),
            "lang": lang,
            "link": f"{site_assets.site_url()}{lang}/{url}",
        }
        for lang in LANGUAGES
    ]
    return [*links, {"name": "", "lang": "x-default", "link": site_assets.site_url()}]
