"""Numbers in and out: parsing what a reader types, coercing API arguments, rounding for display.

Money is :class:`decimal.Decimal` from the first character parsed to the figure shown. Separators are
passed in by the caller: they come from CLDR (Babel at build time, the browser's ``Intl`` at run time).

>>> parse_amount("71 600,50", decimal_sep=",", group_sep="\\u00a0")
Decimal('71600.50')
>>> parse_amount("71.600,50", decimal_sep=",", group_sep=".")
Decimal('71600.50')
>>> parse_canonical("71600.5")
Decimal('71600.5')
>>> round_money(Decimal("7.165"))
Decimal('7.17')
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from itertools import groupby

from .errors import CalculatorError

#: Largest value accepted anywhere (costs, counts, rates): 10^15.
MAX_VALUE = Decimal(10) ** 15
#: Longest text accepted as one number.
MAX_CHARS = 40
#: Most decimals a typed number may carry.
MAX_DECIMALS = 6
#: The arithmetic context of every calculation: enough digits for 10^15 with plenty of decimals.
CONTEXT = Context(prec=34, rounding=ROUND_HALF_UP)

_CANONICAL = re.compile(r"\+?(\d+)(?:\.(\d+))?")
_BODY_CHARS = re.compile(r"[\d .,]+")
_CURRENCY_WORD = re.compile(r"[A-Z]{3}|VNĐ|US|kr|Kr|KR|руб|р|đ|Đ")
_LEADING_GROUP = re.compile(r"[1-9]\d{0,2}")
_PERCENT_SIGN = re.compile(r"\s*[%\uff05\u066a]\s*$")
_CLOCK = re.compile(r"(-?)(\d{1,9}):(\d{2})(?::(\d{2}))?")
#: Units of time a field may be typed in as a clock (m:ss or h:mm:ss), and seconds per unit.
CLOCK_KINDS = {"seconds": 1, "minutes": 60}


def to_decimal(value: Decimal | int | str, field: str | None = None) -> Decimal:
    """Coerce an API argument (``Decimal``, ``int`` or canonical string) to a checked ``Decimal``.

    >>> to_decimal("7.16"), to_decimal(3), to_decimal(Decimal("0.5"))
    (Decimal('7.16'), Decimal('3'), Decimal('0.5'))
    >>> to_decimal(-1, "costs")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: costs: negative
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(f"expected Decimal, int or str, got {type(value).__name__}")
    if isinstance(value, str):
        return parse_canonical(value, field)
    number = Decimal(value)
    if not number.is_finite():
        raise CalculatorError("not_a_number", field)
    return _checked(number, field)


def parse_canonical(text: str, field: str | None = None) -> Decimal:
    """Parse the canonical form used in links and APIs: digits, optionally ``.`` and decimals.

    >>> parse_canonical("0.50"), parse_canonical("+12")
    (Decimal('0.50'), Decimal('12'))
    >>> parse_canonical("1e9")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: value: not_a_number
    """
    stripped = text.strip()
    if not stripped:
        raise CalculatorError("empty", field)
    if len(stripped) > MAX_CHARS:
        raise CalculatorError("too_large", field)
    if stripped.startswith("-") and _CANONICAL.fullmatch(stripped[1:]):
        raise CalculatorError("negative", field)
    match = _CANONICAL.fullmatch(stripped)
    if not match:
        raise CalculatorError("not_a_number", field)
    return _typed(Decimal(stripped.lstrip("+")), field)


def parse_amount(
    text: str, decimal_sep: str = ",", group_sep: str = "\u00a0", field: str | None = None
) -> Decimal:
    """Parse a number as a reader of a locale with these separators types or pastes it.

    Accepted: grouping by the locale's separator, by any kind of space (ordinary, no-break, narrow
    no-break) or, where the decimal separator is a comma, by dots; the canonical form of links
    (``71600.5``); a leading ``+``; a currency sign or code before or after the number; full-width and
    other Unicode digits; invisible direction marks. Everything else raises :class:`CalculatorError`
    with a code saying why.

    >>> parse_amount("7,16")
    Decimal('7.16')
    >>> parse_amount("kr 71 600")
    Decimal('71600')
    >>> parse_amount("1.234.567,89", ",", ".")
    Decimal('1234567.89')
    >>> parse_amount("1,234,567.89", ",", ".")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: value: wrong_locale
    """
    if len(text.strip()) > MAX_CHARS:
        raise CalculatorError("too_large", field)
    if any(
        unicodedata.category(ch) == "No" for ch in text
    ):  # superscripts, fractions, circled digits
        raise CalculatorError("not_a_number", field)
    cleaned = _normalise(text)
    if not cleaned:
        raise CalculatorError("empty", field)
    negative = cleaned[0] == "-"
    if cleaned[0] in "+-":
        cleaned = cleaned[1:].lstrip()
    body = _strip_currency(cleaned)
    if not body or not _BODY_CHARS.fullmatch(body) or not any(ch.isdigit() for ch in body):
        raise CalculatorError("not_a_number", field)
    number = _read_body(body, _normalise(decimal_sep), _normalise(group_sep) or " ", field)
    if negative and number != 0:
        raise CalculatorError("negative", field)
    return _typed(number, field)


def parse_input(
    text: str,
    kind: str,
    decimal_sep: str = ",",
    group_sep: str = "\u00a0",
    field: str | None = None,
) -> Decimal:
    """Parse what a reader types into a field of ``kind`` (:data:`calculators.specs.FieldKind`).

    As :func:`parse_amount`, and: a percentage may end in a percent sign ("80 %", "80%"); a time
    in seconds or minutes may be written as a clock, minutes:seconds or hours:minutes:seconds
    ("4:30" is 270 seconds, or 4.5 minutes; minutes are kept to :data:`MAX_DECIMALS` decimals).

    >>> parse_input("80 %", "percent"), parse_input("12,5%", "percent")
    (Decimal('80'), Decimal('12.5'))
    >>> parse_input("5:10", "seconds"), parse_input("1:02:03", "seconds"), parse_input("4:30", "minutes")
    (Decimal('310'), Decimal('3723'), Decimal('4.5'))
    >>> parse_input("4:75", "seconds")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: value: clock
    """
    if kind == "percent":
        return parse_amount(_PERCENT_SIGN.sub("", text), decimal_sep, group_sep, field)
    if kind in CLOCK_KINDS and ":" in text:
        return _clock(_normalise(text), CLOCK_KINDS[kind], field)
    return parse_amount(text, decimal_sep, group_sep, field)


def _clock(text: str, per_unit: int, field: str | None) -> Decimal:
    """A clock time (m:ss or h:mm:ss) in units of ``per_unit`` seconds."""
    match = _CLOCK.fullmatch(text.replace(" ", ""))
    if not match:
        raise CalculatorError("clock", field)
    sign, first, second, third = match.groups()
    parts = [int(first), int(second)] + ([int(third)] if third is not None else [])
    if any(part >= 60 for part in parts[1:]):
        raise CalculatorError("clock", field)
    seconds = sum(part * 60**power for power, part in enumerate(reversed(parts)))
    if sign and seconds:
        raise CalculatorError("negative", field)
    value = round_money(CONTEXT.divide(Decimal(seconds), per_unit), MAX_DECIMALS)
    whole = value.to_integral_value()
    return _checked(whole if value == whole else value.normalize(CONTEXT), field)


#: Most values a list (:func:`parse_series`) holds: a day of 15-minute intervals.
MAX_SERIES = 96
#: What separates the values of a typed list: new lines, and within a line tabs (a spreadsheet's
#: row) or semicolons.
_SERIES_LINES = re.compile(r"\r\n|[\r\n]")
_SERIES_CELLS = re.compile(r"[\t;]")
#: A run of equal values, ``<value>x<n>`` (also with ``×`` or ``*`` typed): ``0x16`` is sixteen zeros.
_RUN = re.compile(r"(.*?)\s*[x×*]\s*(\d{1,3})")
#: The codes a value's own error becomes in a list, which name its line.
_SERIES_CODES = {"negative": "series_negative", "not_whole": "series_not_whole"}


def parse_series(
    text: str,
    kind: str = "count",
    decimal_sep: str = ",",
    group_sep: str = "\u00a0",
    field: str | None = None,
    link: bool = False,
) -> tuple[Decimal, ...]:
    r"""Parse a list of whole, non-negative values: a column pasted from a spreadsheet (one a line,
    or tab- or semicolon-separated, in the locale's notation), or the canonical form of a link:
    values joined by ``_`` with a ``.`` decimal point, a run of equal values as ``<value>x<n>``.

    A bad value names its line (from 1; in a link, its place in the list); an empty line between
    values is a 0 (an empty cell of the column), empty lines before and after the values are
    skipped, and so is an empty cell in a line with values (a separator at the end of a line); at
    most :data:`MAX_SERIES` values.

    >>> parse_series("0x3_40_85", link=True)
    (Decimal('0'), Decimal('0'), Decimal('0'), Decimal('40'), Decimal('85'))
    >>> parse_series("1 250\n40\t85;0", "count", ",", "\u00a0")
    (Decimal('1250'), Decimal('40'), Decimal('85'), Decimal('0'))
    >>> parse_series("\n12\n\n\n25;\n\n")
    (Decimal('12'), Decimal('0'), Decimal('0'), Decimal('25'))
    >>> parse_series("12\n-3")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: value: series_negative
    """
    if link:
        parts = list(enumerate(text.split("_"), start=1))
    else:
        rows = list(enumerate(_SERIES_LINES.split(text), start=1))
        filled = [index for index, (_, row) in enumerate(rows) if row.strip()]
        kept = rows[filled[0] : filled[-1] + 1] if filled else []
        # an empty line between values is an interval without calls (an empty cell of the pasted
        # column); empty lines before the first value and after the last are none
        parts = [
            (line, part)
            for line, row in kept
            for part in (_SERIES_CELLS.split(row) if row.strip() else ["0"])
        ]
    values: list[Decimal] = []
    for line, part in parts:
        if not part.strip():
            continue
        run = _RUN.fullmatch(part.strip())
        body, repeat = (run.group(1), int(run.group(2))) if run else (part, 1)
        try:
            if repeat == 0:
                raise CalculatorError("not_a_number", field)
            if link:
                value = parse_canonical(body, field)
            else:
                value = parse_input(body, kind, decimal_sep, group_sep, field)
            if kind == "count" and value != value.to_integral_value():
                raise CalculatorError("not_whole", field)
        except CalculatorError as error:
            code = _SERIES_CODES.get(error.code, "series_not_a_number")
            raise CalculatorError(code, field, line=line) from None
        values.extend([value] * repeat)
        if len(values) > MAX_SERIES:
            raise CalculatorError("series_too_many", field, max=MAX_SERIES)
    if not values:
        raise CalculatorError("series_empty", field)
    return tuple(values)


def canonical_series(values: tuple[Decimal, ...]) -> str:
    """A list in a link's canonical form: ``_`` between values, runs of two or more as ``<v>x<n>``.

    >>> canonical_series((Decimal(0), Decimal(0), Decimal("40.0"), Decimal(85), Decimal(85)))
    '0x2_40_85x2'
    """
    runs = [(text, len(list(group))) for text, group in groupby(canonical(v) for v in values)]
    return "_".join(f"{text}x{n}" if n > 1 else text for text, n in runs)


def round_money(value: Decimal, places: int = 2) -> Decimal:
    """Round half-up to ``places`` decimals for display.

    >>> round_money(Decimal("2.675")), round_money(Decimal("76600"), 0)
    (Decimal('2.68'), Decimal('76600'))
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=CONTEXT)


def canonical(value: Decimal) -> str:
    """The canonical text of a value, as used in links: plain digits, ``.`` only when needed.

    >>> canonical(Decimal("71600.50")), canonical(Decimal("1E+3")), canonical(Decimal("0.00"))
    ('71600.5', '1000', '0')
    """
    if value == 0:
        return "0"
    return format(value.normalize(CONTEXT), "f")


def _checked(number: Decimal, field: str | None) -> Decimal:
    if number < 0:
        raise CalculatorError("negative", field)
    if number > MAX_VALUE:
        raise CalculatorError("too_large", field)
    return number


def _typed(number: Decimal, field: str | None) -> Decimal:
    """Check a parsed text: in range and with at most :data:`MAX_DECIMALS` decimals."""
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        raise CalculatorError("too_many_decimals", field, places=MAX_DECIMALS)
    return _checked(number, field)


def _normalise(text: str) -> str:
    """Fold compatibility forms (full-width digits, no-break spaces), drop invisible format marks,
    turn any Unicode decimal digit into ASCII and the minus sign into ``-``."""
    folded = unicodedata.normalize("NFKC", text)
    chars = []
    for ch in folded:
        if unicodedata.category(ch) == "Cf":
            continue
        if ch.isspace():
            chars.append(" ")
        elif ch == "\u2212":
            chars.append("-")
        elif not ch.isascii() and unicodedata.decimal(ch, None) is not None:
            chars.append(str(unicodedata.decimal(ch)))
        else:
            chars.append(ch)
    return re.sub(" +", " ", "".join(chars)).strip()


def _is_currency(token: str) -> bool:
    core = token.strip("".join(ch for ch in token if unicodedata.category(ch) == "Sc"))
    core = core.rstrip(".")
    return core == "" or bool(_CURRENCY_WORD.fullmatch(core))


def _strip_currency(text: str) -> str:
    """Remove one currency sign or code written before and/or after the number."""
    prefix = re.match(r"[^\d .,]+\.?", text)
    if prefix and _is_currency(prefix.group()):
        text = text[prefix.end() :].lstrip()
    suffix = re.search(r"(?<=[\d ])[^\d .,][^\d ,]*$", text)
    if suffix and _is_currency(suffix.group()):
        text = text[: suffix.start()].rstrip()
    return text


def _read_body(body: str, decimal_sep: str, group_sep: str, field: str | None) -> Decimal:
    """Read digits and separators into a Decimal, deciding which mark is the decimal point."""
    other = "." if decimal_sep == "," else ","
    if body.count(decimal_sep) > 1:
        whole, _, fraction = body.rpartition(other)
        if other in body and _ungroup(whole, decimal_sep) is not None and fraction.isdigit():
            raise CalculatorError("wrong_locale", field)
        raise CalculatorError("malformed", field)
    if body.count(decimal_sep) == 1:
        whole, fraction = body.split(decimal_sep)
        if other in fraction:
            raise CalculatorError("wrong_locale", field)
        if not fraction.isdigit():
            raise CalculatorError("malformed", field)
        return _decimal(_ungroup(whole, group_sep, other), fraction, field)
    if body.count(other) == 1 and " " not in body.partition(other)[2]:
        whole, fraction = body.split(other)
        if len(fraction) != 3 or not _LEADING_GROUP.fullmatch(whole):  # cannot be a thousands group
            return _decimal(_ungroup(whole, " "), fraction, field)
        if other != group_sep:
            raise CalculatorError("ambiguous", field)
    return _decimal(_ungroup(body, group_sep, other), "", field)


def _ungroup(whole: str, *separators: str) -> str | None:
    """Digits of an integer part whose groups (if any) are 3 digits after a first group of 1 to 3.

    Only one kind of separator may be used; spaces always count as one.
    """
    if whole == "" or whole.isdigit():
        return whole
    used = {sep for sep in set(separators) | {" "} if sep in whole}
    if len(used) != 1:
        return None
    groups = whole.split(used.pop())
    if not (_LEADING_GROUP.fullmatch(groups[0]) and all(len(group) == 3 for group in groups[1:])):
        return None
    joined = "".join(groups)
    return joined if joined.isdigit() else None


def _decimal(whole: str | None, fraction: str, field: str | None) -> Decimal:
    if whole is None or not (whole or fraction):
        raise CalculatorError("malformed", field)
    try:
        return Decimal(f"{whole or '0'}.{fraction}" if fraction else whole)
    except InvalidOperation:  # pragma: no cover - guarded by the checks above
        raise CalculatorError("malformed", field) from None
