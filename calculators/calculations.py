"""What every calculator's ``compute`` takes and gives: checked :class:`Inputs` in, an :class:`Outcome`
with every figure it shows out, named like its spec's rows. Each KPI's ``compute`` lives in its module
(:mod:`calculators.kpis`).

The bridge (:mod:`calculators.web`) calls them in the browser and the site build calls them for the
articles' worked examples, so a page and its calculator cannot disagree.

>>> from calculators.kpis import SPECS
>>> outcome = SPECS["cost-per-contact"].compute(
...     Inputs({"costs": Decimal(76600), "contacts": Decimal(9800)})
... )
>>> round_money(outcome.values["cost-per-contact"]), outcome.comparison.position
(Decimal('7.82'), 'above')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .benchmarks import (
    Comparison,
)
from .breakdowns import Total
from .errors import CalculatorError
from .numbers import round_money
from .periods import Period
from .scenarios import Assumption

#: Used for a missing occupancy or shrinkage in the labour cost of AHT: the site's stated assumptions.
DEFAULT_OCCUPANCY = Decimal(85)
DEFAULT_SHRINKAGE = Decimal(30)


@dataclass(frozen=True)
class Inputs:
    """A calculator's checked numbers, its choices and its lists (series fields), by field name."""

    numbers: Mapping[str, Decimal]
    choices: Mapping[str, str] = field(default_factory=dict)
    series: Mapping[str, tuple[Decimal, ...]] = field(default_factory=dict)

    def get(self, name: str) -> Decimal | None:
        return self.numbers.get(name)

    def need(self, name: str) -> Decimal:
        """A required number: an empty field is an error at that field."""
        if name not in self.numbers:
            raise CalculatorError("empty", name)
        return self.numbers[name]

    def pick(self, names: Iterable[str]) -> dict[str, Decimal]:
        return {name: self.numbers[name] for name in names if name in self.numbers}

    def both(self, *names: str) -> bool:
        """Whether every one of ``names`` is given (an optional group is used only when complete)."""
        return all(name in self.numbers for name in names)

    @property
    def period(self) -> Period:
        return Period.from_param(self.choices.get("period"))

    @property
    def currency(self) -> str:
        return self.choices.get("currency", "USD")


@dataclass(frozen=True)
class Outcome:
    """Everything a calculator shows: ``values`` by result row, and what goes with them.

    ``band`` places the main value among a reference's bands; ``source`` says whether a total was
    typed or summed from a breakdown; ``notes`` are catalog keys of remarks on the comparison;
    ``scenario`` holds the what-if's assumptions and figures by name; ``table`` one mapping per row.
    """

    values: Mapping[str, Decimal]
    comparison: Comparison | None = None
    band: str | None = None
    source: str | None = None
    notes: tuple[str, ...] = ()
    shares: Total | None = None
    scenario: Mapping[str, Decimal] | None = None
    table: tuple[Mapping[str, Decimal], ...] = ()


def assumed(assumptions: Mapping[str, Assumption]) -> dict[str, Decimal]:
    return {name: a.value for name, a in assumptions.items()}


def comparison_notes(
    comparison: Comparison | None, currency: str, benchmark: str
) -> tuple[str, ...]:
    if comparison is None and currency != benchmark:
        return ("compare.no_rate",)
    return ()


__all__ = ["Inputs", "Outcome", "round_money"]
