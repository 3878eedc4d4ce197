"""The articles' worked examples: inputs as data, results always computed by the calculators.

Build-time data, not part of the calculators wheel: each calculator's cases are in its
``sitebuild/kpis/<module>.py`` (a new example never makes readers download the wheel again). The cost articles share one example centre (76 600 of costs and 9 800 contacts a
month); a page whose figures differ says why. Amounts are in USD in every language, so that each example compares with the USD
benchmarks without an exchange rate, and one month is the period. A calculator with more than one
case (cost per call: inbound and outbound) has one entry per case; the first is the article's main one.

>>> from calculators.numbers import round_money
>>> round_money(outcome("cost-per-contact").values["cost-per-contact"])
Decimal('7.82')
>>> round_money(outcome("cost-per-call", "outbound").values["cost-per-call"])
Decimal('24.00')
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from calculators.calculations import Inputs, Outcome
from calculators.kpis import SPECS
from sitebuild import kpis

#: Each calculator's worked example by case, and its optional inputs (``sitebuild/kpis/<module>.py``).
EXAMPLES = kpis.EXAMPLES
OPTIONAL_INPUTS = kpis.OPTIONAL_INPUTS
#: Every example is one month in US dollars (the benchmarks' currency): the value of the choice of
#: each of these roles (``Field.role``).
BY_ROLE = {"period": "month", "currency": "USD"}


def fixed_choices(calculator: str) -> dict[str, str]:
    """The choices every example of the calculator makes: its period and currency fields'.

    >>> fixed_choices("cost-per-contact"), fixed_choices("occupancy")
    ({'period': 'month', 'currency': 'USD'}, {})
    """
    return {f.name: BY_ROLE[f.role] for f in SPECS[calculator].fields if f.role in BY_ROLE}


def cases(calculator: str) -> tuple[str, ...]:
    """The example's cases, the main one first."""
    return tuple(EXAMPLES[calculator])


def inputs(calculator: str, case: str = "") -> Inputs:
    """The example's inputs as the calculator reads them."""
    spec = SPECS[calculator]
    given = EXAMPLES[calculator][case or cases(calculator)[0]]
    choices = spec.defaults() | fixed_choices(calculator)
    choices |= {name: given[name] for name in spec.choices if name in given}
    numbers = {name: Decimal(value) for name, value in given.items() if name not in spec.choices}
    return Inputs(numbers, choices)


@cache
def outcome(calculator: str, case: str = "") -> Outcome:
    """The example computed by its calculator (once per build process)."""
    return SPECS[calculator].compute(inputs(calculator, case))


def field_value(calculator: str, name: str) -> str | None:
    """A field's value in the calculator's worked example or, where that leaves the field out, in
    another's (the glossary has one example centre): the number a field's hint quotes.

    >>> field_value("service-level", "shrinkage"), field_value("cost-per-contact", "variable_share")
    ('30', '70')
    """
    for slug in dict.fromkeys((calculator, *EXAMPLES)):
        given = dict(OPTIONAL_INPUTS[slug])
        for case in reversed(EXAMPLES[slug].values()):  # the main case wins
            given |= case
        if name in given:
            return given[name]
    return None
