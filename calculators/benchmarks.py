"""Benchmarks and quoted figures as data, and how a result compares with one. Each KPI's own figure
is its module's ``BENCHMARK`` or ``REFERENCE`` (:mod:`calculators.kpis`).

>>> average = Benchmark("example", Decimal("7.16"), Decimal("7.16"), "USD", "an average")
>>> compare(Decimal("7.82"), average).position
'above'
>>> compare(Decimal("3.50"), Benchmark("example", Decimal("2.70"), Decimal("5.60"), "USD", "")).position
'within'
>>> compare(Decimal("40"), average, currency="NOK") is None  # no rate, no comparison
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .errors import CalculatorError
from .formulas import Number
from .numbers import CONTEXT, to_decimal

#: An average counts as "near" when the result is within this many percent of it.
NEAR_PERCENT = Decimal(5)


@dataclass(frozen=True)
class Benchmark:
    """A benchmark figure (``low == high``, an average) or range, in ``currency`` per unit.

    ``foreign`` lists the currencies of markets the figure does not describe: a reader who works in
    one of them (or on a page whose currency it is) is told so beside the comparison.
    """

    key: str
    low: Decimal
    high: Decimal
    currency: str
    source: str
    foreign: tuple[str, ...] = ()

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Comparison:
    """A result against a benchmark, in the result's currency.

    ``position`` is ``below``, ``near`` (an average, within :data:`NEAR_PERCENT`), ``within`` (a range),
    or ``above``. ``difference`` and ``percent`` are measured from ``reference`` (the average, or the
    nearer end of a range; zero within a range) and are negative below it.
    """

    position: str
    reference: Decimal
    difference: Decimal
    percent: Decimal


#: The USD benchmarks are not Vietnamese-market figures (native review, round 3).
NOT_VIETNAMESE = ("VND",)


def compare(
    value: Number,
    benchmark: Benchmark,
    currency: str = "USD",
    usd_rate: Number | None = None,
) -> Comparison | None:
    """Compare ``value`` (in ``currency``) with ``benchmark``.

    A value in another currency than the benchmark's is converted with ``usd_rate`` (units of
    ``currency`` for one unit of the benchmark's currency); without a rate there is no comparison.

    >>> average = Benchmark("example", Decimal("7.16"), Decimal("7.16"), "USD", "an average")
    >>> compare(Decimal("78.20"), average, "NOK", usd_rate=10)
    Comparison(position='above', reference=Decimal('71.60'), difference=Decimal('6.60'), percent=Decimal('9.217877094972067039106145251396648'))
    """
    amount = to_decimal(value, "value")
    rate = Decimal(1)
    if currency != benchmark.currency:
        if usd_rate is None:
            return None
        rate = to_decimal(usd_rate, "usd_rate")
        if rate == 0:
            raise CalculatorError("zero_divisor", "usd_rate")
    low, high = benchmark.low * rate, benchmark.high * rate
    if benchmark.is_range and low <= amount <= high:
        return Comparison("within", amount, Decimal(0), Decimal(0))
    reference = low if amount < low or not benchmark.is_range else high
    difference = amount - reference
    percent = CONTEXT.divide(difference * 100, reference)
    if not benchmark.is_range and abs(percent) <= NEAR_PERCENT:
        position = "near"
    else:
        position = "below" if difference < 0 else "above"
    return Comparison(position, reference, difference, percent)


@dataclass(frozen=True)
class Reference:
    """A commonly quoted figure that is not money: a range or target in ``unit`` (second, percent).

    ``bands`` name where a value falls, in order: a value goes in the first band whose upper bound it
    is below (or at, where the bound is inclusive); past the last bound it is in ``beyond``.
    ``figures`` are the quoted numbers the articles cite, by name; ``ratio`` names two of them
    quoted as one target written ``a/b`` (80/20), ``limit`` the one a band's text calls its limit;
    ``units`` gives a figure another unit than ``unit``: ``USD`` (an amount of money) or ``number``
    (a plain number, a constant).
    """

    key: str
    unit: str
    figures: Mapping[str, Decimal]
    bands: tuple[tuple[str, Decimal, bool], ...]
    beyond: str
    source: str
    ratio: tuple[str, str] | tuple[()] = ()
    limit: str = ""
    units: Mapping[str, str] = field(default_factory=dict)

    def unit_of(self, name: str) -> str:
        """The unit of the figure ``name``: its own, or the reference's."""
        return self.units.get(name, self.unit)


def band(value: Number, reference: Reference) -> str:
    """Where ``value`` falls among ``reference``'s bands.

    >>> from calculators.kpis import REFERENCES
    >>> goal = REFERENCES["occupancy"]
    >>> band(Decimal("77.5"), goal), band(85, goal), band(92, goal)
    ('below', 'within', 'burnout')
    >>> band(210, REFERENCES["average-handle-time"]), band("5.1", REFERENCES["abandonment-rate"])
    ('within', 'between')
    """
    number = to_decimal(value, "value")
    for name, bound, inclusive in reference.bands:
        if number < bound or (inclusive and number == bound):
            return name
    return reference.beyond
