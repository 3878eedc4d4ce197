"""The glossary's formula module: one source for every number on the site.

It runs unchanged in CPython (the site build) and in Pyodide (the calculators in the reader's
browser). Standard library only; money is :class:`decimal.Decimal` throughout.

>>> import calculators
>>> calculators.cost_per_contact("76600", 9800).quantize(Decimal("0.01"))
Decimal('7.82')
>>> calculators.parse_amount("7,16", ",", ".")
Decimal('7.16')
"""

from decimal import Decimal

from .benchmarks import Benchmark, Comparison, compare
from .breakdowns import CONTACT_CHANNELS, COST_COMPONENTS, Total, total_contacts, total_costs
from .errors import ERROR_CODES, CalculatorError
from .kpis import BENCHMARKS, REFERENCES, SPECS
from .kpis.cost_per_call import BENCHMARK as COST_PER_CALL
from .kpis.cost_per_call import (
    cost_per_call_inbound,
    cost_per_call_outbound,
    fewer_repeat_calls,
    summarise_cost_per_call,
)
from .kpis.cost_per_contact import BENCHMARK as COST_PER_CONTACT
from .kpis.cost_per_contact import cost_per_contact, self_service_shift, summarise_cost_per_contact
from .numbers import (
    MAX_CHARS,
    MAX_VALUE,
    canonical,
    parse_amount,
    parse_canonical,
    parse_input,
    round_money,
)
from .periods import Period, annualise

__version__ = "0.1.0"

__all__ = [
    "BENCHMARKS",
    "CONTACT_CHANNELS",
    "COST_COMPONENTS",
    "COST_PER_CALL",
    "COST_PER_CONTACT",
    "ERROR_CODES",
    "MAX_CHARS",
    "MAX_VALUE",
    "REFERENCES",
    "SPECS",
    "Benchmark",
    "CalculatorError",
    "Comparison",
    "Decimal",
    "Period",
    "Total",
    "annualise",
    "canonical",
    "compare",
    "cost_per_call_inbound",
    "cost_per_call_outbound",
    "cost_per_contact",
    "fewer_repeat_calls",
    "parse_amount",
    "parse_canonical",
    "parse_input",
    "round_money",
    "self_service_shift",
    "summarise_cost_per_call",
    "summarise_cost_per_contact",
    "total_contacts",
    "total_costs",
]
