"""Industry benchmarks as data, and how a result compares with one.

>>> compare(Decimal("7.82"), COST_PER_CONTACT).position
'above'
>>> compare(Decimal("3.50"), COST_PER_CALL).position
'within'
>>> compare(Decimal("40"), COST_PER_CONTACT, currency="NOK") is None  # no rate, no comparison
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
_NOT_VIETNAMESE = ("VND",)

COST_PER_CONTACT = Benchmark(
    key="cost-per-contact",
    low=Decimal("7.16"),
    high=Decimal("7.16"),
    currency="USD",
    source="Commonly cited industry average cost per contact for contact centers (content brief, "
    "article 1); varies with the channels used and with the complexity of the business.",
    foreign=_NOT_VIETNAMESE,
)
COST_PER_CALL = Benchmark(
    key="cost-per-call",
    low=Decimal("2.70"),
    high=Decimal("5.60"),
    currency="USD",
    source="Commonly cited industry range of cost per call for call centers (content brief, "
    "article 2); depends heavily on the type of business.",
    foreign=_NOT_VIETNAMESE,
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


@dataclass(frozen=True)
class Reference:
    """A commonly quoted figure that is not money: a range or target in ``unit`` (second, percent).

    ``bands`` name where a value falls, in order: a value goes in the first band whose upper bound it
    is below (or at, where the bound is inclusive); past the last bound it is in ``beyond``.
    ``figures`` are the quoted numbers the articles cite, by name; ``units`` gives a figure another
    unit than ``unit``: ``USD`` (an amount of money) or ``number`` (a plain number, a constant).
    """

    key: str
    unit: str
    figures: Mapping[str, Decimal]
    bands: tuple[tuple[str, Decimal, bool], ...]
    beyond: str
    source: str
    units: Mapping[str, str] = field(default_factory=dict)

    def unit_of(self, name: str) -> str:
        """The unit of the figure ``name``: its own, or the reference's."""
        return self.units.get(name, self.unit)


AHT_PHONE = Reference(
    key="average-handle-time",
    unit="second",
    figures={"low": Decimal(150), "high": Decimal(530), "cornell": Decimal(190)},
    bands=(("below", Decimal(150), False), ("within", Decimal(530), True)),
    beyond="above",
    source="Phone AHT figures quoted by industry sources range from about 150 to 530 seconds; the "
    "Cornell 'Global Call Center Report' (2007) found about 3 min 10 s across its worksites "
    "(content brief, part 2).",
)
OCCUPANCY_GOAL = Reference(
    key="occupancy",
    unit="percent",
    figures={"low": Decimal(80), "high": Decimal(85), "goal": Decimal(85), "burnout": Decimal(90)},
    bands=(
        ("below", Decimal(80), False),
        ("within", Decimal(85), True),
        ("above", Decimal(90), False),
    ),
    beyond="burnout",
    source="Commonly quoted occupancy goals of about 80-85 %; sustained occupancy near 90 % and above "
    "is widely linked to burnout and attrition (content brief, part 2).",
)
ABANDONMENT_TARGET = Reference(
    key="abandonment-rate",
    unit="percent",
    figures={"value": Decimal(5), "high": Decimal(10)},
    bands=(("below", Decimal(5), True), ("between", Decimal(10), True)),
    beyond="above",
    source="Commonly quoted abandonment targets are below about 5 %, up to 10 % in some sectors "
    "(content brief, part 2).",
)
SERVICE_LEVEL_TARGET = Reference(
    key="service-level",
    unit="percent",
    figures={"target": Decimal(80), "answer_time": Decimal(20)},
    bands=(),
    beyond="",
    source="80/20 is the most common target but no standard: ICMI says there is no industry-standard "
    "service level (content brief, part 2).",
)
FCR_SQM = Reference(
    key="first-contact-resolution",
    unit="percent",
    figures={
        "value": Decimal(70),
        "good_low": Decimal(70),
        "good_high": Decimal(79),
        "world_class": Decimal(80),
        "sqm_gain": Decimal(1),
    },
    bands=(("below", Decimal(70), False), ("good", Decimal(80), False)),
    beyond="world_class",
    source="SQM Group (2022, North American call centers, survey method): about 70 % on average, "
    "70-79 % good, 80 % and above world-class (content brief, part 2).",
)
REFERENCES = {
    reference.key: reference
    for reference in (AHT_PHONE, OCCUPANCY_GOAL, ABANDONMENT_TARGET, SERVICE_LEVEL_TARGET, FCR_SQM)
}


def band(value: Number, reference: Reference) -> str:
    """Where ``value`` falls among ``reference``'s bands.

    >>> band(Decimal("77.5"), OCCUPANCY_GOAL), band(85, OCCUPANCY_GOAL), band(92, OCCUPANCY_GOAL)
    ('below', 'within', 'burnout')
    >>> band(210, AHT_PHONE), band("5.1", ABANDONMENT_TARGET)
    ('within', 'between')
    """
    number = to_decimal(value, "result")
    for name, bound, inclusive in reference.bands:
        if number < bound or (inclusive and number == bound):
            return name
    return reference.beyond
