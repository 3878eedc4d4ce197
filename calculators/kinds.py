"""How each kind of figure is shown, declared once: the bridge rounds by it, the build formats it with
Babel and the page with ``Intl`` (the build hook writes :func:`as_config` into the widget's config).

A kind says how many decimals are shown, its unit (the currency, a percent, a CLDR unit id, or a
catalog key for a unit CLDR does not have), whether an amount of money is shown in whole units from
:data:`LARGE_SUM` up, how many decimals a figure may drop ("1 600 t" and "11,2 t", not "1 600,00 t"), and
whether it is a duration written as minutes and seconds ("3 min 30 s", never with the list comma of
CLDR). A unit always follows its number after a no-break space. A range of two figures is written
with the catalog's ``range`` message ("{low}–{high}", "от {low} до {high}") and the unit once.

>>> KINDS["money"].places is None, KINDS["sum"].places, KINDS["seconds"].unit
(True, 0, 'duration-second')
>>> reply_places("money", 2), reply_places("sum", 0), reply_places("percent", 2)
(2, 0, 1)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

#: Money from this amount up is shown in whole units, as local editors write sums.
LARGE_SUM = Decimal(1000)
#: The catalog message that writes a range of two numbers.
RANGE_MESSAGE = "range"
#: The character between a number and its unit.
UNIT_SPACE = "\u00a0"
#: Languages that name foreign currencies by their ISO code where CLDR has a symbol, with their own
#: currency (still its symbol): Vietnamese writes "76.600 USD" (not CLDR's "US$") and "1.250.000 ₫".
CODES_BUT_OWN = {"vi": "VND"}


def currency_codes(lang: str, currencies: tuple[str, ...]) -> list[str]:
    """The currencies of ``currencies`` that ``lang`` names by code (``Intl``'s ``currencyDisplay``
    "code"); the others are named by CLDR's symbol.

    >>> currency_codes("vi", ("USD", "VND")), currency_codes("nb", ("USD", "NOK"))
    (['USD'], [])
    """
    own = CODES_BUT_OWN.get(lang)
    return [currency for currency in currencies if own and currency != own]


@dataclass(frozen=True)
class FigureKind:
    """One kind of figure: ``places`` decimals (``None``: the currency's own) down to
    ``min_places`` when the value has fewer;
    ``unit`` is ``currency``, ``percent``, a CLDR unit id (``duration-second``), a catalog key
    (``unit.erlangs``, with ``{value}``) or empty; ``whole_from`` shows money from that amount up
    without cents; ``duration`` writes seconds as minutes and seconds; ``clock`` writes minutes
    after midnight as the locale writes a time of day ("08:30")."""

    places: int | None
    unit: str = ""
    min_places: int | None = None
    whole_from: int | None = None
    duration: bool = False
    clock: bool = False

    @property
    def fewest(self) -> int | None:
        """The fewest decimals shown (``places`` unless ``min_places`` says fewer)."""
        return self.places if self.min_places is None else self.min_places


#: Every kind of figure by name (:data:`calculators.specs.Kind`).
KINDS: dict[str, FigureKind] = {
    "money": FigureKind(None, "currency", whole_from=int(LARGE_SUM)),
    "sum": FigureKind(0, "currency"),
    "count": FigureKind(0),
    "percent": FigureKind(1, "percent"),
    "seconds": FigureKind(1, "duration-second"),
    "duration": FigureKind(0, "duration-second", duration=True),
    "hours": FigureKind(2, "duration-hour", min_places=0),
    "minutes": FigureKind(2, "duration-minute", min_places=0),
    "erlangs": FigureKind(2, "unit.erlangs", min_places=0),
    "number": FigureKind(2, min_places=0),
    "points": FigureKind(1, "unit.points"),
    "clock": FigureKind(0, clock=True),
}
#: The CLDR units of a duration's parts, largest first.
DURATION_UNITS = ("duration-minute", "duration-second")


def reply_places(kind: str, currency_digits: int) -> int:
    """The decimals the bridge keeps for a figure of ``kind``: money keeps the currency's cents even
    where it is shown in whole units (copy-as-table keeps the exact figure)."""
    declared = KINDS[kind]
    if declared.unit == "currency":
        return currency_digits
    return declared.places if declared.places is not None else currency_digits


def as_config() -> dict[str, dict[str, object]]:
    """The table as the page's script reads it (JSON), with the duration's units and the range.

    >>> as_config()["hours"]["fewest"], as_config()["duration"]["parts"]
    (0, ['duration-minute', 'duration-second'])
    """
    table: dict[str, dict[str, object]] = {}
    for name, kind in KINDS.items():
        entry: dict[str, object] = {**asdict(kind), "fewest": kind.fewest}
        if kind.duration:
            entry["parts"] = list(DURATION_UNITS)
        table[name] = entry
    return table
