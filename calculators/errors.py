"""The one error type the calculators raise.

A page turns ``code`` into a sentence in the reader's language and shows it at the input named by
``field``; this module holds no user-facing text. A shared formula (:mod:`calculators.formulas`,
``staffing``, ``scenarios``, ``breakdowns``, ``benchmarks``) names one of its own parameters; the
KPI module that calls it knows its form's fields and maps the one to the other with
:func:`at_fields`.

>>> err = CalculatorError("negative", "costs")
>>> err.code, err.field
('negative', 'costs')
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

#: Every code a :class:`CalculatorError` can carry. Message catalogs have an ``error.<code>`` entry each.
#: Some carry ``details`` a message can name: ``exceeds`` and ``both_zero`` the ``other`` field,
#: ``too_many_agents`` the ``max`` agents, ``not_in_list`` the ``allowed`` values, ``too_large`` (of
#: talk, hold and wrap, or patience) the ``max`` minutes or seconds. ``too_few_agents``: a fixed
#: number of agents that cannot clear the load without callers who hang up. ``compute_failed`` is the page's own: Python failed.
#: Reverse solving: ``solve_target`` (a target of zero or below has no answer), ``solve_inexact`` (no
#: whole volume gives the target: ``nearest``, the next whole volume up, and its ``result``),
#: ``solve_needs`` (the ``other`` field must be given to solve). ``clock`` is a time typed as a clock
#: that is not one (4:75); the bridge tells a negative count or share (``negative_number``) and a
#: negative time (``negative_time``) from a negative amount of money (``negative``). ``lost_not_below``:
#: hours lost to shrinkage that add up to the paid hours or more; ``zero_headcount``: no agents at the
#: start or the end of the period, so there is no average headcount to divide by. A list of values
#: (a day's interval volumes, :func:`calculators.numbers.parse_series`): ``series_not_a_number``,
#: ``series_negative`` and ``series_not_whole`` name the ``line`` (from 1), ``series_too_many`` the
#: ``count`` given and the ``max``, ``series_empty`` a list without a value, ``series_no_calls`` a day
#: without a single call.
ERROR_CODES = frozenset(
    {
        "empty",
        "not_a_number",
        "negative",
        "negative_number",
        "negative_time",
        "clock",
        "zero_divisor",
        "too_large",
        "malformed",
        "ambiguous",
        "wrong_locale",
        "not_whole",
        "too_many_decimals",
        "percent_range",
        "target_not_lower",
        "not_cheaper",
        "exceeds",
        "short_not_below",
        "target_not_higher",
        "target_range",
        "both_zero",
        "too_many_agents",
        "too_few_agents",
        "not_in_list",
        "over_hundred",
        "compute_failed",
        "solve_target",
        "solve_inexact",
        "solve_needs",
        "lost_not_below",
        "zero_headcount",
        "series_not_a_number",
        "series_negative",
        "series_not_whole",
        "series_too_many",
        "series_empty",
        "series_no_calls",
    }
)


class CalculatorError(ValueError):
    """A value the calculators cannot use, with a stable ``code`` and the ``field`` it concerns."""

    def __init__(self, code: str, field: str | None = None, **details: object) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(f"{field or 'value'}: {code}")
        self.code = code
        self.field = field
        self.details = details


@contextmanager
def at_fields(**fields: str) -> Iterator[None]:
    """Show an error of a formula's parameter at its form field: ``parameter="field"``, each.

    The error keeps its code and details; one at any other field passes unchanged. A decorator too.

    >>> with at_fields(aht_seconds="aht"):
    ...     raise CalculatorError("zero_divisor", "aht_seconds")
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: aht: zero_divisor
    """
    try:
        yield
    except CalculatorError as error:
        field = fields.get(error.field or "")
        if field is None:
            raise
        raise CalculatorError(error.code, field, **error.details) from None
