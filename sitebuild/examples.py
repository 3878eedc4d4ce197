"""The articles' worked examples: inputs as data, results always computed by the calculators.

Build-time data, not part of the calculators wheel: a new example never makes readers download the
wheel again. The cost articles share one example centre (76 600 of costs and 9 800 contacts a
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
from calculators.specs import SPECS
from sitebuild.kpis import NEW

#: Each calculator's worked example by case: field name to canonical value (choices included).
EXAMPLES: dict[str, dict[str, dict[str, str]]] = {
    "cost-per-contact": {
        "": {
            "salaries": "48500",
            "benefits": "9700",
            "technology": "6800",
            "hardware": "1900",
            "facilities": "5600",
            "taxes": "2300",
            "other": "1800",
            "phone": "4900",
            "email": "2000",
            "chat": "2300",
            "social": "600",
            "phone_minutes": "6",
            "email_minutes": "8",
            "chat_minutes": "10",
            "social_minutes": "5",
            "share": "20",
            "unit_cost": "0.50",
        }
    },
    "cost-per-call": {
        "inbound": {
            "mode": "inbound",
            "costs": "41300",
            "calls": "11800",
            "repeat_now": "25",
            "repeat_target": "15",
        },
        "outbound": {"mode": "outbound", "costs": "27600", "sales": "1150"},
    },
    "cost-per-resolution": {"": {"costs": "76600", "resolved": "7000", "contacts": "9800"}},
    "average-handle-time": {
        "": {
            "talk": "26000",
            "hold": "2400",
            "wrap": "6600",
            "contacts": "10000",
            "hourly_cost": "30",
            "occupancy": "85",
            "shrinkage": "30",
        }
    },
    "occupancy": {"": {"handle": "1240", "idle": "360"}},
    "service-level": {
        "": {
            "calls": "360",
            "interval": "60",
            "aht": "240",
            "target": "80",
            "answer_time": "20",
            "max_occupancy": "85",
            "shrinkage": "30",
            "hourly_cost": "30",
        }
    },
    "first-contact-resolution": {
        "": {
            "resolved_first": "7200",
            "contacts": "10000",
            "fcr_target": "80",
            "costs": "76600",
            "variable_share": "70",
        }
    },
    "abandonment-rate": {"": {"abandoned": "780", "offered": "12000", "short": "180"}},
}
#: Optional inputs that the article's example leaves empty, added by the unit tests so that every row
#: of the calculator is computed (rows that only an optional input brings).
OPTIONAL_INPUTS: dict[str, dict[str, str]] = {
    "service-level": {"patience": "120"},
    "abandonment-rate": {"wait": "30"},
}
# issue 21: the six new terms, from their modules until the sitebuild.kpis registry lands
EXAMPLES.update({slug: module.EXAMPLES for slug, module in NEW.items()})
OPTIONAL_INPUTS.update({slug: module.OPTIONAL_INPUTS for slug, module in NEW.items()})
#: Every example is one month in US dollars.
CHOICES = {"period": "month", "currency": "USD"}


def cases(calculator: str) -> tuple[str, ...]:
    """The example's cases, the main one first."""
    return tuple(EXAMPLES[calculator])


def inputs(calculator: str, case: str = "") -> Inputs:
    """The example's inputs as the calculator reads them."""
    spec = SPECS[calculator]
    given = EXAMPLES[calculator][case or cases(calculator)[0]]
    choices = spec.defaults() | {k: v for k, v in CHOICES.items() if k in spec.choices}
    choices |= {name: given[name] for name in spec.choices if name in given}
    numbers = {name: Decimal(value) for name, value in given.items() if name not in spec.choices}
    return Inputs(numbers, choices)


@cache
def outcome(calculator: str, case: str = "") -> Outcome:
    """The example computed by its calculator (once per build process)."""
    return SPECS[calculator].compute(inputs(calculator, case))
