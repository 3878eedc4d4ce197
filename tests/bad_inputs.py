"""What readers type or paste into a number field, with what each entry must mean: the table that
tests/browser/test_bad_input.py types into the pages and tests/site/test_bad_input_table.py runs in
CPython through ``calculators.web.respond`` in full (every entry, every numeric field of every
calculator, the separators of every language, each error's message in every catalog).

Every entry states what the division calculators (a money result: the costs divided by a count, as
cost per contact) must do with it in their amount and count: understood as a given canonical number,
checked in the main result with a known divisor (1 for an amount, 1000 in the costs for a count), or
exactly ``error.<code>``.

>>> [e.label for e in ENTRIES][:3]
['empty', 'blanks', 'no-break blanks']
>>> volume_field("cost-per-call"), volume_field("cost-per-call", "outbound")
('calls', 'sales')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from figures import Formatter

import calculators
from calculators.errors import CalculatorError
from calculators.kpis import SPECS
from calculators.numbers import parse_input
from calculators.specs import Spec
from calculators.web import NEGATIVE

#: Amounts are checked in US dollars (2 decimals, no exchange-rate field).
CURRENCY = "USD"
#: The costs typed while a count is under test (the count is then the divisor).
DIVIDEND = "1000"
TEN_KB_DIGITS = "7" * 10_240
RLM, LRM, LRI, PDI = "\u200f", "\u200e", "\u2066", "\u2069"
NBSP, NNBSP = "\u00a0", "\u202f"


@dataclass(frozen=True)
class Entry:
    """One thing a reader types: into the amount (``costs``) or into the count (``volume``)."""

    label: str
    text: str
    #: ``"=<canonical>"`` (understood as this number) or ``"!<code>"`` (this error), or one per language.
    expect: str | dict[str, str]
    target: str = "costs"  # or "volume": contacts / calls

    def expected(self, lang: str) -> str:
        return self.expect if isinstance(self.expect, str) else self.expect[lang]


#: Where a comma is the decimal mark and the group is a (no-break) space, "1.234" could be 1.234 or
#: 1234: the widget asks. Where the group is a dot (it, nl, vi) it is 1234.
DOT_GROUP = {"nb": "!ambiguous", "ru": "!ambiguous", "it": "=1234", "nl": "=1234", "vi": "=1234"}
DOT_GROUP_7165 = {
    "nb": "!ambiguous",
    "ru": "!ambiguous",
    "it": "=7165",
    "nl": "=7165",
    "vi": "=7165",
}

ENTRIES = [
    # -- nothing, blanks
    Entry("empty", "", "!empty"),
    Entry("blanks", "   ", "!empty"),
    Entry("no-break blanks", f"{NBSP}{NBSP}", "!empty"),
    # -- not numbers
    Entry("letters", "abc", "!not_a_number"),
    Entry("letters and digits", "abc123", "!not_a_number"),
    Entry("exponent", "1e9", "!not_a_number"),
    Entry("exponent with comma", "1,5e3", "!not_a_number"),
    Entry("NaN", "NaN", "!not_a_number"),
    Entry("infinity sign", "∞", "!not_a_number"),
    Entry("Infinity", "Infinity", "!not_a_number"),
    Entry("hex", "0x10", "!not_a_number"),
    Entry("percent", "12%", "!not_a_number"),
    Entry("emoji", "💶", "!not_a_number"),
    Entry("digits and emoji", "71600 😀", "!not_a_number"),
    Entry("vulgar fraction", "½", "!not_a_number"),
    Entry("superscript", "5²", "!not_a_number"),
    Entry("markup", "<b>5</b>", "!not_a_number"),
    Entry("double minus", "--5", "!not_a_number"),
    Entry("trailing minus", "5-", "!not_a_number"),
    # -- signs
    Entry("negative", "-5", "!negative"),
    Entry("negative with minus sign", "\u22125", "!negative"),
    Entry("negative zero", "-0", "=0"),
    Entry("leading plus", "+5", "=5"),
    Entry("zero", "0", "=0"),
    # -- separators
    Entry("1,2,3", "1,2,3", "!malformed"),
    Entry("double dot", "12..5", "!malformed"),
    Entry("dots grouping, comma decimal", "1.234.567,89", "=1234567.89"),
    Entry("commas grouping, dot decimal", "1,234,567.89", "!wrong_locale"),
    Entry("spaces grouping", "1 234 567,89", "=1234567.89"),
    Entry("no-break space grouping", f"1{NBSP}234{NBSP}567,89", "=1234567.89"),
    Entry("narrow no-break space grouping", f"1{NNBSP}234,5", "=1234.5"),
    Entry("one dot, three digits", "1.234", DOT_GROUP),
    Entry("7.165", "7.165", DOT_GROUP_7165),
    Entry("0.125 (dot decimal)", "0.125", "=0.125"),
    Entry("7,165 (rounds half up)", "7,165", "=7.165"),
    Entry("six decimals", "0,000001", "=0.000001"),
    Entry("seven decimals", "0,0000001", "!too_many_decimals"),
    Entry("blanks around", "  71600  ", "=71600"),
    # -- pasted with a currency
    Entry("kr 71 600", "kr 71 600", "=71600"),
    Entry("€ 1.234,56", "€ 1.234,56", "=1234.56"),
    Entry("71 600 ₽", "71 600 ₽", "=71600"),
    Entry("$7.16", "$7.16", "=7.16"),
    Entry("12,50 USD", "12,50 USD", "=12.5"),
    Entry(
        "71.600 ₫",
        "71.600 ₫",
        {"nb": "!ambiguous", "ru": "!ambiguous"} | dict.fromkeys(("it", "nl", "vi"), "=71600"),
    ),
    # -- other digits, invisible marks
    Entry("full-width digits", "７１６００", "=71600"),
    Entry("full-width comma", "７１６００，５", "=71600.5"),
    Entry("Arabic-Indic digits", "٧١٦٠٠", "=71600"),
    Entry("Persian digits", "۷۱۶۰۰", "=71600"),
    Entry("Devanagari digits", "७१६००", "=71600"),
    Entry("right-to-left marks", f"{RLM}71600{RLM}", "=71600"),
    Entry("left-to-right marks", f"{LRM}71 600,50{LRM}", "=71600.5"),
    Entry("isolates", f"{LRI}71600{PDI}", "=71600"),
    # -- size
    Entry("10^15", "1000000000000000", "=1000000000000000"),
    Entry("above 10^15", "1000000000000001", "!too_large"),
    Entry("10 kB of digits", TEN_KB_DIGITS, "!too_large"),
    # -- counts (the divisor)
    Entry("zero count", "0", "!zero_divisor", "volume"),
    Entry("zero count with decimals", "0,0", "!zero_divisor", "volume"),
    Entry("negative zero count", "-0", "!zero_divisor", "volume"),
    Entry("empty count", "", "!empty", "volume"),
    Entry("blank count", "  ", "!empty", "volume"),
    Entry("negative count", "-3", "!negative", "volume"),
    Entry("fractional count", "2,5", "!not_whole", "volume"),
    Entry("count in exponent form", "1e3", "!not_a_number", "volume"),
    Entry("NaN count", "NaN", "!not_a_number", "volume"),
    Entry("infinite count", "∞", "!not_a_number", "volume"),
    Entry("count in letters", "seven", "!not_a_number", "volume"),
    Entry("full-width count", "４", "=4", "volume"),
    Entry("Arabic-Indic count", "٤", "=4", "volume"),
    Entry("count with plus", "+8", "=8", "volume"),
    Entry("count of 7 (repeating result)", "7", "=7", "volume"),
    Entry("grouped count", "1 000", "=1000", "volume"),
    Entry("huge count", "1000000000000000", "=1000000000000000", "volume"),
    Entry("too large count", "1000000000000001", "!too_large", "volume"),
    Entry("10 kB count", TEN_KB_DIGITS, "!too_large", "volume"),
]


def is_division(spec: Spec) -> bool:
    """A calculator whose main result is money from its costs divided by a count (cost per contact):
    its first numeric fields are the costs (money) and the count (its volume)."""
    first = [f.kind for f in spec.numbers[:2]]
    return (
        spec.main.kind == "money"
        and first == ["money", "count"]
        and spec.numbers[0].name == "costs"
    )


#: The calculators the table's stated expectations apply to, from the registry.
DIVISIONS = tuple(id for id, spec in SPECS.items() if is_division(spec))


def volume_field(calculator: str, mode: str = "inbound") -> str:
    """A division calculator's count: its first count field that applies under ``mode``."""
    spec = SPECS[calculator]
    choices = spec.defaults() | ({"mode": mode} if "mode" in spec.choices else {})
    return next(f.name for f in spec.numbers if f.kind == "count" and f.applies(choices))


def money(value: Decimal) -> str:
    """An amount in US dollars as the bridge shows it: two decimals, half up, canonical."""
    return calculators.canonical(calculators.round_money(value, 2))


def divide(costs: Decimal | str, volume: Decimal | str) -> str:
    return money(Decimal(costs) / Decimal(volume))


def parse(text: str, decimal: str, group: str, kind: str = "money") -> str:
    """CPython's reading of ``text`` in a field of ``kind``: ``=canonical`` or ``!code`` (empty
    text: ``!empty``); a negative value's code is the one of its kind (``negative_number``...)."""
    if not text.strip():
        return "!empty"
    try:
        return "=" + calculators.canonical(parse_input(text, kind, decimal, group))
    except CalculatorError as error:
        return "!" + (NEGATIVE.get(kind, error.code) if error.code == "negative" else error.code)


def typed_pair(entry: Entry, calculator: str) -> dict[str, str]:
    """The two fields' texts for an entry: the entry in its field, a known value in the other."""
    volume = volume_field(calculator)
    if entry.target == "costs":
        return {"costs": entry.text, volume: "1"}
    return {"costs": DIVIDEND, volume: entry.text}


def expected_answer(entry: Entry, lang: str, calculator: str) -> dict[str, Any]:
    """What a division calculator must answer to an entry: ``{"value": canonical}`` or
    ``{"error": (field, code)}``."""
    expect = entry.expected(lang)
    field = "costs" if entry.target == "costs" else volume_field(calculator)
    if expect.startswith("!"):
        code = expect[1:]
        if code == "negative":  # the message of the field's kind: an amount, or a number
            code = NEGATIVE.get(SPECS[calculator].field(field).kind, code)
        return {"error": (field, code)}
    number = Decimal(expect[1:])
    if entry.target == "costs":
        return {"value": divide(number, 1)}
    if number == 0:
        return {"error": (field, "zero_divisor")}
    return {"value": divide(DIVIDEND, number)}


def fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def message_for(
    catalog: dict[str, str],
    calculator: str,
    error: dict[str, str],
    example: str,
    at: str = "",
    lang: str = "",
) -> str:
    """An error as the widget (``calculator/widget.js``) says it: ``error.<code>`` with its details, the example number
    and the other field's label filled in (``error.unknown`` for a code without a message); a limit
    the calculator names (``max``) with the code's ``_max`` wording, in the terms of the field ``at``."""
    key = f"error.{error['code']}"
    if key not in catalog:
        return catalog["error.unknown"]
    values = {k: v for k, v in error.items() if k != "code"} | {"example": example}
    values["places"] = error.get("places", "")
    if "other" in error:
        label = catalog[SPECS[calculator].field(error["other"]).label]
        values["other"] = label.replace("{currency}", CURRENCY)
    if "max" in error and f"{key}_max" in catalog and at and lang:
        field = SPECS[calculator].field(at)
        values["max"] = Formatter(lang).field(field, Decimal(error["max"]))
        key = f"{key}_max"
    return fill(catalog[key], values)


#: Errors between fields, typed over a calculator's worked example (a decimal comma): (calculator,
#: typed values, field in error, code, the other field the message names).
ERRORS = [
    ("abandonment-rate", {"abandoned": "13000"}, "abandoned", "exceeds", "offered"),
    ("abandonment-rate", {"short": "12000"}, "short", "short_not_below", None),
    ("abandonment-rate", {"short": "12500"}, "short", "short_not_below", None),
    ("abandonment-rate", {"abandoned": "780,5"}, "abandoned", "not_whole", None),
    (
        "first-contact-resolution",
        {"resolved_first": "10001"},
        "resolved_first",
        "exceeds",
        "contacts",
    ),
    ("first-contact-resolution", {"fcr_target": "72"}, "fcr_target", "target_not_higher", None),
    ("first-contact-resolution", {"fcr_target": "65"}, "fcr_target", "target_not_higher", None),
    ("first-contact-resolution", {"fcr_target": "100,1"}, "fcr_target", "over_hundred", None),
    ("first-contact-resolution", {"contacts": "10000,5"}, "contacts", "not_whole", None),
    ("cost-per-resolution", {"resolved": "9801"}, "resolved", "exceeds", "contacts"),
    ("cost-per-resolution", {"resolved": "0"}, "resolved", "zero_divisor", None),
    ("service-level", {"target": "0"}, "target", "target_range", None),
    ("service-level", {"target": "100"}, "target", "target_range", None),
    ("service-level", {"target": "120"}, "target", "target_range", None),
    ("service-level", {"answer_time": "0"}, "answer_time", "zero_divisor", None),
    ("service-level", {"aht": "0"}, "aht", "zero_divisor", None),
    ("service-level", {"calls": "360,5"}, "calls", "not_whole", None),
    ("occupancy", {"handle": "0", "idle": "0"}, "handle", "both_zero", "idle"),
    ("average-handle-time", {"contacts": "0"}, "contacts", "zero_divisor", None),
    ("average-handle-time", {"contacts": "10000,5"}, "contacts", "not_whole", None),
    ("average-handle-time", {"hold": "99999999999"}, "hold", "too_large", None),
]
