"""Mistakes in the sources stop the build with a message naming the file (and the key): a misspelt
``calculator:`` or ``embed:`` in a page's front matter, an unknown token, a missing catalog key, a spec
naming an unknown kind. Each goes through the hook as MkDocs calls it; the message is MkDocs's
``PluginError`` (printed as ``Error: ...``, no traceback), never a bare ``KeyError``.
"""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace
from typing import Any

import build_errors
import glossary
import pytest
from mkdocs.exceptions import PluginError

from calculators.kpis import SPECS
from calculators.specs import Row
from sitebuild.catalog import load


@pytest.fixture
def nb(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook as in the Norwegian build."""
    monkeypatch.setitem(glossary._state, "lang", "nb")


def page(src_path: str, **meta: Any) -> Any:
    url = src_path.removesuffix(".md") + "/"
    return SimpleNamespace(meta=meta, file=SimpleNamespace(src_path=src_path), url=url)


def build_error(markdown: str, at: Any) -> str:
    with pytest.raises(PluginError) as caught:
        glossary.on_page_markdown(markdown, page=at, config=SimpleNamespace(), files=None)
    return str(caught.value)


@pytest.mark.usefixtures("nb")
def test_a_misspelt_calculator_names_the_file_and_the_name() -> None:
    message = build_error(
        "# X\n", page("glossary/cost-per-contact.md", calculator="cost-per-contcat")
    )
    assert message.startswith("glossary/cost-per-contact.md: calculator: 'cost-per-contcat'"), (
        message
    )
    assert "cost-per-contact" in message.split("known:")[1]


@pytest.mark.usefixtures("nb")
def test_a_misspelt_embed_names_the_file() -> None:
    message = build_error("", page("embed/occupancy.md", embed="ocupancy"))
    assert message.startswith("embed/occupancy.md: embed: 'ocupancy' is not"), message


@pytest.mark.usefixtures("nb")
def test_an_unknown_token_names_the_file_and_the_token() -> None:
    at = page("glossary/occupancy.md", calculator="occupancy", title="T")
    message = build_error("Some {{ benchmark.valeu }} text\n", at)
    assert message == "glossary/occupancy.md: unknown token {{ benchmark.valeu }}", message


@pytest.mark.usefixtures("nb")
def test_a_missing_catalog_key_names_the_page_the_catalog_and_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(load("nb"), "term.occupancy")
    message = build_error("", page("embed/occupancy.md", embed="occupancy"))
    assert message == (
        "embed/occupancy.md: sitebuild/locales/nb.json has no key 'term.occupancy'"
    ), message


@pytest.mark.usefixtures("nb")
def test_a_label_only_another_choice_shows_must_be_in_the_catalog_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the costs field's label when the costs are one interval's staff cost (cover=staff): the
    # widget switches to it at run time, so the page would show an empty label
    monkeypatch.delitem(load("nb"), "field.staff_costs_interval")
    message = build_error(
        "{{ calculator }}\n", page("embed/cost-per-call.md", embed="cost-per-call")
    )
    assert message == (
        "embed/cost-per-call.md: sitebuild/locales/nb.json has no key 'field.staff_costs_interval'"
    ), message


def test_an_unknown_kind_names_the_spec_file_the_calculator_and_the_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = SPECS["occupancy"]
    odd = dataclasses.replace(spec, results=(*spec.results, Row("odd", "row.odd", "furlongs")))  # type: ignore[arg-type]
    monkeypatch.setattr(glossary, "SPECS", {**SPECS, "occupancy": odd})
    with pytest.raises(PluginError) as caught:
        glossary.on_config(SimpleNamespace(theme={"language": "nb"}))
    message = str(caught.value)
    assert message.startswith(
        "calculators/kpis/occupancy.py: the spec of 'occupancy': row 'odd' has the "
    ), message
    assert "unknown kind 'furlongs' (known: clock, count, duration," in message, message


def test_an_unknown_field_kind_is_named_too() -> None:
    spec = SPECS["occupancy"]
    field = dataclasses.replace(spec.fields[0], kind="inches")  # type: ignore[arg-type]
    odd = dataclasses.replace(spec, fields=(field, *spec.fields[1:]))
    with pytest.raises(PluginError, match=r"field 'handle' has the unknown kind 'inches'"):
        build_errors.check_kinds({"occupancy": odd}, glossary.get_args(glossary.Kind), ["hours"])


def test_the_registry_passes_the_check() -> None:
    build_errors.check_kinds(
        SPECS, glossary.get_args(glossary.Kind), glossary.get_args(glossary.FieldKind)
    )
