"""The bad-input table in full, in CPython: every entry of ``tests/bad_inputs.py`` in every numeric field
of every calculator, with the separators of every language, through ``calculators.web.respond``, and
each error it gives said in every language.

The browser (tests/browser/test_bad_input.py) types a handful of the entries into one field of each
kind in each language and checks that the page shows what ``respond`` answers to the request it sent;
what ``respond`` answers to every entry anywhere is proven here: a result or errors, never both or
neither, never a broken number; each error at a field of the calculator that applies, with a known
code whose ``error.<code>`` is in each catalog and reads with every detail filled in (the other
field's label for ``exceeds``); a text CPython cannot read as a number gets that reading's error at
the field it was typed in; and in the division calculators' amount and count, the table's stated
expectation.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol

from calculators import ERROR_CODES
from calculators.kpis import SPECS
from calculators.specs import Field
from calculators.web import respond
from sitebuild import examples
from sitebuild.catalog import LANGUAGES, load
from tests import bad_inputs as b

#: The (decimal, group) marks of each language, as the page's Intl and Babel give them.
MARKS = {lang: (get_decimal_symbol(lang), get_group_symbol(lang)) for lang in LANGUAGES}
#: What a broken number conversion prints (never in a reply).
BROKEN = re.compile(r"NaN|Infinity|[eE][+-]?\d")
PLACEHOLDER = re.compile(r"\{\w+\}")


def base(calculator: str, field: Field) -> dict[str, str]:
    """The worked example (canonical), in US dollars, with the choices under which ``field``
    applies (the exchange rate: another currency)."""
    spec = SPECS[calculator]
    values = examples.EXAMPLES[calculator][examples.cases(calculator)[0]] | {"currency": "USD"}
    values = {k: v for k, v in values.items() if k in {f.name for f in spec.fields}}
    values |= dict(field.when)
    for choice, value in field.unless:
        values[choice] = next(v for v in spec.choices[choice] if v != value)
    return values


def leaves(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in leaves(value)]
    if isinstance(node, list):
        return [leaf for value in node for leaf in leaves(value)]
    return [node] if isinstance(node, str) else []


def check(calculator: str, name: str, entry: b.Entry, marks: tuple[str, str]) -> list[str]:
    """What is wrong with ``respond``'s answer to one entry typed into field ``name``."""
    spec = SPECS[calculator]
    field = spec.field(name)
    decimal, group = marks
    values = base(calculator, field)
    # The example in the page's notation, the entry in the field under test.
    typed = {k: v.replace(".", decimal) if k not in spec.choices else v for k, v in values.items()}
    typed[name] = entry.text
    request = {"calculator": calculator, "values": typed, "decimal": decimal, "group": group}
    reply = respond(request | {"currency": "USD", "digits": 2})
    found = []
    # no result while a field the main result reads has a mistake; one in a what-if field only
    # leaves the what-if out
    if (reply["result"] is None) != bool(set(reply["errors"]) - spec.what_if):
        found.append(f"result {reply['result'] is not None}, errors {reply['errors']}")
    if reply["result"] is not None:
        broken = [leaf for leaf in leaves(reply["result"]) if BROKEN.search(leaf)]
        found += [f"broken number {leaf!r}" for leaf in broken]
    choices = {k: v for k, v in values.items() if k in spec.choices}
    applying = {f.name for f in spec.fields if f.applies(spec.defaults() | choices)}
    for at, error in reply["errors"].items():
        if at not in applying or error["code"] not in ERROR_CODES:
            found.append(f"error {error} at {at!r}, which is not a field that applies")
    reading = b.parse(entry.text, decimal, group, field.kind)
    unreadable = reading.startswith("!") and reading != "!empty"
    if unreadable and reply["errors"].get(name, {}).get("code") != reading[1:]:
        found.append(f"{entry.text!r} reads as {reading}; the reply has {reply['errors']}")
    return found


def messages(calculator: str, errors: dict[str, dict[str, str]]) -> list[str]:
    """Each error in each language: its catalog entry exists and every placeholder is filled."""
    found = []
    for lang in LANGUAGES:
        catalog = load(lang)
        for at, error in errors.items():
            if f"error.{error['code']}" not in catalog:
                found.append(f"{lang}: no error.{error['code']} (for {at})")
                continue
            text = b.message_for(catalog, calculator, error, "1234,5")
            if not text.strip() or PLACEHOLDER.search(text):
                found.append(f"{lang}: error.{error['code']} at {at} reads {text!r}")
            if error.get("other") and catalog[SPECS[calculator].field(error["other"]).label] == "":
                found.append(f"{lang}: no label for {error['other']}")
    return found


@pytest.mark.parametrize("calculator", list(SPECS))
def test_every_entry_in_every_numeric_field(calculator: str) -> None:
    failures = []
    for field in SPECS[calculator].numbers:
        for marks in sorted(set(MARKS.values())):
            for entry in b.ENTRIES:
                problems = check(calculator, field.name, entry, marks)
                failures += [f"[{field.name}: {entry.label} {marks}] {p}" for p in problems]
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:40])


@pytest.mark.parametrize("calculator", list(SPECS))
def test_every_error_is_said_in_every_language(calculator: str) -> None:
    """Every error an entry gives in any numeric field, in each catalog, details filled in."""
    failures, seen = [], set()
    for field in SPECS[calculator].numbers:
        for entry in b.ENTRIES:
            values = base(calculator, field) | {field.name: entry.text}
            reply = respond({"calculator": calculator, "values": values, "decimal": ",", "group": "."})
            key = tuple(sorted((at, tuple(sorted(e.items()))) for at, e in reply["errors"].items()))
            if key not in seen:
                seen.add(key)
                failures += messages(calculator, reply["errors"])
    assert seen, calculator
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_table_agrees_with_cpython(lang: str) -> None:
    """Each stated expectation is what ``parse_amount`` and ``respond`` say in CPython, with CLDR's
    marks, in every division calculator of the registry.

    The widget takes the marks from the browser's ``Intl``; Babel (the build's CLDR) must give the same
    ones (for nb and ru the group is U+00A0, not a plain space), or the page and the article would read
    numbers differently.
    """
    decimal, group = MARKS[lang]
    assert decimal == ","
    assert group == {"nb": b.NBSP, "ru": b.NBSP}.get(lang, ".")
    assert b.DIVISIONS, "no division calculator in the registry"
    failures = []
    for entry in b.ENTRIES:
        if entry.target == "costs" and b.parse(entry.text, decimal, group) != entry.expected(lang):
            failures.append(f"{entry.label}: parse_amount says {b.parse(entry.text, decimal, group)}")
        for calculator in b.DIVISIONS:
            reply = respond(
                {
                    "calculator": calculator,
                    "values": b.typed_pair(entry, calculator) | {"mode": "inbound"},
                    "decimal": decimal,
                    "group": group,
                    "currency": b.CURRENCY,
                    "digits": 2,
                }
            )
            want = b.expected_answer(entry, lang, calculator)
            values = (reply["result"] or {}).get("values", {})
            if "value" in want:
                got = values.get(SPECS[calculator].main.key), reply["errors"]
                ok = got == (want["value"], {})
            else:
                field, code = want["error"]
                got = reply["result"], reply["errors"]
                ok = reply["result"] is None and {
                    k: v["code"] for k, v in reply["errors"].items()
                } == {field: code}
            if not ok:
                failures.append(
                    f"{entry.label} ({calculator}): respond gives {got}, expected {want}"
                )
    assert not failures, "\n".join(failures)


def test_the_divisions_divide() -> None:
    """The registry's division calculators answer costs / count (the table's premise)."""
    for calculator in b.DIVISIONS:
        values = {"costs": "1000", b.volume_field(calculator): "8", "mode": "inbound"}
        reply = respond({"calculator": calculator, "values": values, "source": "link"})
        assert reply["result"]["values"][SPECS[calculator].main.key] == "125", calculator
        assert Decimal(b.divide("1000", "8")) == 125


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("error", b.ERRORS, ids=lambda e: f"{e[0]}-{e[3]}-{'-'.join(e[1])}")
def test_every_error_between_fields_in_every_language(lang: str, error: tuple[Any, ...]) -> None:
    """Each of ``ERRORS`` (the browser types each in one language) gives its code at its field in
    CPython, and its message in ``lang`` reads with the details filled in, an exceeded field's
    message naming the other field's label."""
    calculator, typed, field, code, other = error
    given = examples.EXAMPLES[calculator][examples.cases(calculator)[0]]
    values = given | {"currency": "USD"} | {k: v.replace(",", ".") for k, v in typed.items()}
    reply = respond({"calculator": calculator, "values": values, "source": "link"})
    assert (reply["result"] is None) == (field not in SPECS[calculator].what_if), reply
    assert reply["errors"][field]["code"] == code, reply
    if other:
        assert reply["errors"][field].get("other") == other, reply
    assert messages(calculator, {field: reply["errors"][field]}) == []
    text = b.message_for(load(lang), calculator, reply["errors"][field], "1234,5")
    if code == "exceeds":
        assert load(lang)[SPECS[calculator].field(other).label] in text, text


#: A list field's neighbours of the entry under test: the entry is its second line.
SERIES_AROUND = ("40", "85")
#: A run of equal values in a list, ``<value>x<n>`` (``0x10``: ten zeros).
SERIES_RUN = re.compile(r"\d+\s*[x×*]\s*\d{1,3}")


@pytest.mark.parametrize(
    "calculator", [calculator for calculator, spec in SPECS.items() if spec.series]
)
def test_every_entry_as_a_line_of_a_list(calculator: str) -> None:
    """Every entry of the table typed as the second line of every list field (a day plan's
    volumes), with every language's separators: a result, or an error at that field that names
    line two (a value that is not a whole count), said in every language with its details."""
    failures = []
    for field in SPECS[calculator].series:
        for marks in sorted(set(MARKS.values())):
            decimal, group = marks
            for entry in b.ENTRIES:
                values = base(calculator, field) | {
                    field.name: "\n".join([SERIES_AROUND[0], entry.text, SERIES_AROUND[1]])
                }
                request = {"calculator": calculator, "values": values, "source": ""}
                reply = respond(request | {"decimal": decimal, "group": group})
                reading = b.parse(entry.text, decimal, group, "count")
                whole = reading.startswith("=") and "." not in reading
                where = f"[{field.name}: {entry.label} {marks}]"
                if whole or reading == "!empty" or SERIES_RUN.fullmatch(entry.text.strip()):
                    # a value (or a run such as 0x10, ten zeros): a result, or an error at a
                    # field that applies (a day's volume too large to staff), said in every language
                    applying = {f.name for f in SPECS[calculator].fields if f.applies(values)}
                    if not set(reply["errors"]) <= applying:
                        failures.append(f"{where} {reading}: errors {reply['errors']}")
                    failures += [f"{where} {p}" for p in messages(calculator, reply["errors"])]
                    continue
                error = reply["errors"].get(field.name, {})
                if not error.get("code", "").startswith("series_") or error.get("line") != "2":
                    failures.append(f"{where} {reading}: the reply has {reply['errors']}")
                failures += [f"{where} {p}" for p in messages(calculator, reply["errors"])]
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:40])
