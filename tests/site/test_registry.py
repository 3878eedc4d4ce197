"""The registries (``calculators.kpis``, ``sitebuild.kpis``) against what lists the calculators
elsewhere: the nav of mkdocs.yml, the articles, embed pages and home page of each language, and the
tests' own copy of the languages. A calculator missing from any of them is named; a KPI module that
breaks the contract stops the registry, named.
"""

from __future__ import annotations

import dataclasses
import pkgutil
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml

import calculators.kpis
import sitebuild.kpis
from calculators.kpis import MODULES, SPECS
from tests import site_build

from .conftest import LANGUAGES, ROOT


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags (``!ENV``, ``!!python/name``) read as plain values: only the nav matters."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_files(entry: Any) -> list[str]:
    """Every page file a nav entry lists, in order.

    >>> nav_files(["index.md", {"group.costs": ["glossary/a.md", {"Title": "glossary/b.md"}]}])
    ['index.md', 'glossary/a.md', 'glossary/b.md']
    """
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return [file for item in entry for file in nav_files(item)]
    if isinstance(entry, dict):
        return [file for value in entry.values() for file in nav_files(value)]
    return []


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    head = text[4:].split("\n---\n", 1)[0] if text.startswith("---\n") else ""
    meta = yaml.safe_load(head) or {}
    return meta if isinstance(meta, dict) else {}


def test_the_nav_lists_every_calculator_once_and_no_other() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    listed = [f for f in nav_files(config["nav"]) if f.startswith("glossary/")]
    wanted = [f"glossary/{calculator}.md" for calculator in SPECS]
    missing = [f for f in wanted if f not in listed]
    unknown = [f for f in listed if f not in wanted]
    twice = sorted({f for f in listed if listed.count(f) > 1})
    assert not missing, f"mkdocs.yml's nav lacks {missing}"
    assert not unknown, f"mkdocs.yml's nav lists articles of no registered calculator: {unknown}"
    assert not twice, f"mkdocs.yml's nav lists {twice} more than once"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_calculator_has_its_article_and_embed_page(lang: str) -> None:
    problems = []
    for calculator in SPECS:
        for folder, key in (("glossary", "calculator"), ("embed", "embed")):
            path = ROOT / "docs" / lang / folder / f"{calculator}.md"
            if not path.is_file():
                problems.append(f"{path.relative_to(ROOT)} is missing")
            elif front_matter(path).get(key) != calculator:
                problems.append(f"{path.relative_to(ROOT)}: {key}: is not {calculator}")
    for path in sorted((ROOT / "docs" / lang).glob("*/*.md")):
        meta = front_matter(path)
        named = meta.get("calculator") or meta.get("embed")
        if named and named not in SPECS:
            problems.append(f"{path.relative_to(ROOT)} names {named!r}, no registered calculator")
    assert not problems, "\n".join(problems)


def test_the_tests_know_the_site_languages() -> None:
    assert site_build.LANGUAGES == LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_links_every_calculator(lang: str) -> None:
    text = (ROOT / "docs" / lang / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\(glossary/([\w-]+)\.md", text))
    missing = [calculator for calculator in SPECS if calculator not in linked]
    assert not missing, f"docs/{lang}/index.md links no article for {missing}"


def _load_with(
    monkeypatch: pytest.MonkeyPatch, package: types.ModuleType, name: str, **exports: Any
) -> None:
    """Run ``package``'s discovery with a fake module ``name`` beside its real ones."""
    fake = types.ModuleType(f"{package.__name__}.{name}")
    vars(fake).update(exports)
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    real = pkgutil.iter_modules

    def iter_modules(path: Any) -> Any:
        yield from real(path)
        yield types.SimpleNamespace(name=name)

    monkeypatch.setattr(pkgutil, "iter_modules", iter_modules)
    package._load()


def _exports(module: types.ModuleType, *names: str) -> dict[str, Any]:
    return {name: getattr(module, name) for name in names}


def test_a_kpi_module_without_an_export_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    exports = _exports(MODULES["occupancy"], "SPEC", "compute", "BENCHMARK", "REFERENCE")
    with pytest.raises(ImportError, match=r"calculators\.kpis\.odd_term has no ORDER"):
        _load_with(monkeypatch, calculators.kpis, "odd_term", **exports)


def test_a_spec_that_does_not_match_its_module_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    exports = _exports(MODULES["occupancy"], "SPEC", "compute", "BENCHMARK", "REFERENCE")
    with pytest.raises(ImportError, match=r"SPEC.id 'occupancy' does not match the module name"):
        _load_with(monkeypatch, calculators.kpis, "odd_term", ORDER=999, **exports)


def test_a_duplicate_order_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    odd = dataclasses.replace(SPECS["occupancy"], id="odd-term")
    exports = {"SPEC": odd, "compute": odd.compute, "BENCHMARK": None, "REFERENCE": None}
    with pytest.raises(ImportError, match=r"have the same ORDER 50"):
        _load_with(monkeypatch, calculators.kpis, "odd_term", ORDER=50, **exports)


def test_build_time_data_of_no_calculator_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    exports = _exports(sitebuild.kpis.MODULES["occupancy"], *sitebuild.kpis._EXPORTS)
    with pytest.raises(ImportError, match=r"data for no calculator \['odd_term'\]"):
        _load_with(monkeypatch, sitebuild.kpis, "odd_term", **exports)
