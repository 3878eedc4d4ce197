"""Industry benchmarks as data, and how a result compares with one.

>>> compare(Decimal("7.82"), COST_PER_CONTACT).position
'above'
>>> compare(Decimal("3.50"), COST_PER_CALL).position
'within'
>>> compare(Decimal("40"), COST_PER_CONTACT, currency="NOK") is None  # no rate, no comparison
True
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .errors import CalculatorError
from .formulas import Number
from .numbers import CONTEXT, to_decimal

#: An average counts as "near" when the result is within this many percent of it.
NEAR_PERCENT = Decimal(5)


@dataclass(frozen=True)
class Benchmark:
    """A benchmark figure (``low == high``, an average) or range, in ``currency`` per unit."""

    key: str
    low: Decimal
    high: Decimal
    currency: str
    source: str

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


COST_PER_CONTACT = Benchmark(
    key="cost-per-contact",
    low=Decimal("7.16"),
    high=Decimal("7.16"),
    currency="USD",
    source="Commonly cited industry average cost per contact for contact centers (content brief, "
    "article 1); varies with the channels used and with the complexity of the business.",
)
COST_PER_CALL = Benchmark(
    key="cost-per-call",
    low=Decimal("2.70"),
    high=Decimal("5.60"),
    currency="USD",
    source="Commonly cited industry range of cost per call for call centers (content brief, "
    "article 2); depends heavily on the type of business.",
)
BENCHMARKS = {benchmark.key: benchmark for benchmark in (COST_PER_CONTACT, COST_PER_CALL)}


def compare(
    value: Number,
    benchmark: Benchmark,
    currency: str = "USD",
    usd_rate: Number | None = None,
) -> Comparison | None:
    """Compare ``value`` (in ``currency``) with ``benchmark``.

    A value in another currency than the benchmark's is converted with ``usd_rate`` (units of
    ``currency`` for one unit of the benchmark's currency); without a rate there is no comparison.

    >>> compare(Decimal("78.20"), COST_PER_CONTACT, "NOK", usd_rate=10)
    Comparison(position='above', reference=Decimal('71.60'), difference=Decimal('6.60'), percent=Decimal('9.217877094972067039106145251396648'))
    """
    amount = to_decimal(value, "result")
    rate = Decimal(1)
    if currency != benchmark.currency:
        if usd_rate is None:
            return None
        rate = to_decimal(usd_rate, "rate")
        if rate == 0:
            raise CalculatorError("zero_divisor", "rate")
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
