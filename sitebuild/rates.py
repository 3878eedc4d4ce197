"""Indicative exchange rates that prefill the widget's rate field (the reader can change them).

They only place a result in another currency against the USD benchmarks; they are rounded and dated,
and the widget says so next to the field. Units of each currency for one US dollar.

>>> INDICATIVE_USD_RATES["EUR"]
Decimal('0.86')
"""

from __future__ import annotations

from decimal import Decimal

#: The day the indicative rates were read (ISO 8601).
RATES_DATE = "2025-10-01"
#: Units of currency per USD, rounded, as of :data:`RATES_DATE`.
INDICATIVE_USD_RATES = {
    "USD": Decimal("1"),
    "EUR": Decimal("0.86"),
    "NOK": Decimal("10.0"),
    "RUB": Decimal("82"),
    "VND": Decimal("26300"),
}
#: The currencies the widget offers.
CURRENCIES = tuple(INDICATIVE_USD_RATES)
