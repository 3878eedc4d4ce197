"""Average handle time (AHT) from talk, hold and after-call minutes; with an hourly cost, the
labour cost per contact.
"""

from __future__ import annotations

from decimal import Decimal

from ..benchmarks import Benchmark, Reference, band
from ..calculations import DEFAULT_OCCUPANCY, DEFAULT_SHRINKAGE, Inputs, Outcome
from ..errors import CalculatorError
from ..formulas import Number, divisor
from ..numbers import CONTEXT, to_decimal
from ..specs import Carry, Field, Formula, Row, Spec, currency_field, period_field
from ..staffing import MAX_MINUTES, available_share, occupancy_percent, shrinkage_percent

#: The term's place in the glossary (the registry sorts by it).
ORDER = 40


def average_handle_time(talk: Number, hold: Number, wrap: Number, contacts: Number) -> Decimal:
    """Average handle time (AHT) in seconds = (talk + hold + wrap) x 60 / contacts handled.

    ``talk``, ``hold`` and ``wrap`` (after-call work) are the totals of the period in minutes; queue
    time before an agent answers is not part of handle time. Each is bounded by :data:`MAX_MINUTES`.
    Source: the content brief, part 2, "Average handle time (AHT)".

    >>> average_handle_time(2400, 300, 500, 800)
    Decimal('240')
    >>> average_handle_time(10**9 + 1, 0, 0, 1)
    Traceback (most recent call last):
    ...
    calculators.errors.CalculatorError: talk: too_large
    """
    minutes = Decimal(0)
    for value, field in ((talk, "talk"), (hold, "hold"), (wrap, "wrap")):
        number = to_decimal(value, field)
        if number > MAX_MINUTES:
            raise CalculatorError("too_large", field, max=MAX_MINUTES)
        minutes = CONTEXT.add(minutes, number)
    return CONTEXT.divide(CONTEXT.multiply(minutes, 60), divisor(contacts, "contacts"))


def paid_hours(handle_hours: Number, occupancy: Number, shrinkage: Number) -> Decimal:
    """Paid hours = handle hours / (occupancy / 100 x (1 - shrinkage / 100)).

    Agents are paid while they wait for the next contact (occupancy) and while they are off the
    phones on breaks, training or absence (shrinkage). Source: the content brief, part 2, "Average
    handle time (AHT)".

    >>> paid_hours(680, 85, 20)
    Decimal('1000')
    """
    handle = to_decimal(handle_hours, "handle")
    available = available_share(
        occupancy_percent(occupancy, "occupancy"), shrinkage_percent(shrinkage, "shrinkage")
    )
    return CONTEXT.divide(CONTEXT.multiply(handle, 10_000), available)


def labour_cost_per_contact(
    hourly_cost: Number, aht_seconds: Number, occupancy: Number, shrinkage: Number
) -> Decimal:
    """Labour cost per contact = hourly cost x AHT / 3600 / (occupancy / 100 x (1 - shrinkage / 100)).

    ``hourly_cost`` is the loaded cost of one paid agent hour (salary, benefits, taxes on pay).
    Source: the content brief, part 2, "Average handle time (AHT)".

    >>> labour_cost_per_contact(30, 240, 80, 25)
    Decimal('3.333333333333333333333333333333333')
    """
    cost = to_decimal(hourly_cost, "hourly_cost")
    aht = to_decimal(aht_seconds, "aht")
    available = available_share(
        occupancy_percent(occupancy, "occupancy"), shrinkage_percent(shrinkage, "shrinkage")
    )
    return CONTEXT.divide(CONTEXT.multiply(cost, aht), CONTEXT.multiply(available, Decimal("0.36")))


def compute(inputs: Inputs) -> Outcome:
    """AHT from total talk, hold and after-call minutes; with an hourly cost, labour cost per contact."""
    talk, hold, wrap = (inputs.need(name) for name in ("talk", "hold", "wrap"))
    contacts = inputs.need("contacts")
    aht = average_handle_time(talk, hold, wrap, contacts)
    handle_minutes = talk + hold + wrap
    handle_hours = CONTEXT.divide(handle_minutes, 60)
    values = {
        "average-handle-time": aht,
        "handle-minutes": handle_minutes,
        "handle-hours": handle_hours,
    }
    hourly_cost = inputs.get("hourly_cost")
    if hourly_cost is not None:
        occupancy = inputs.numbers.get("occupancy", DEFAULT_OCCUPANCY)
        shrinkage = inputs.numbers.get("shrinkage", DEFAULT_SHRINKAGE)
        paid = paid_hours(handle_hours, occupancy, shrinkage)
        values["paid-hours"] = paid
        values["labour-cost-per-contact"] = labour_cost_per_contact(
            hourly_cost, aht, occupancy, shrinkage
        )
    return Outcome(values=values, band=band(aht, REFERENCE))


_LABOUR = "group.labour_cost"


SPEC = Spec(
    id="average-handle-time",
    fields=(
        Field("talk", "minutes", "field.talk"),
        Field("hold", "minutes", "field.hold"),
        Field("wrap", "minutes", "field.wrap"),
        Field("contacts", "count", "field.handled_contacts"),
        period_field(),
        Field("hourly_cost", "money", "field.hourly_cost", group=_LABOUR),
        Field("occupancy", "percent", "field.occupancy", group=_LABOUR),
        Field("shrinkage", "percent", "field.shrinkage", group=_LABOUR),
        currency_field(_LABOUR),
    ),
    compute=compute,
    results=(
        Row("average-handle-time", "result.average-handle-time", "duration", main=True),
        Row("labour-cost-per-contact", "result.labour-cost-per-contact", "money", main=True),
        Row("handle-minutes", "result.handle-minutes", "minutes"),
        Row("handle-hours", "result.handle-hours", "hours"),
        Row("paid-hours", "result.paid-hours", "hours"),
    ),
    carry=(Carry("service-level", (("aht", "average-handle-time"),)),),
    assumption="assumption.labour_cost",
    assumption_values=(
        ("occupancy", DEFAULT_OCCUPANCY),
        ("shrinkage", DEFAULT_SHRINKAGE),
    ),
    formula=(Formula("average-handle-time", "formula.average-handle-time"),),
)


BENCHMARK: Benchmark | None = None


REFERENCE = Reference(
    key="average-handle-time",
    unit="second",
    figures={"low": Decimal(150), "high": Decimal(530), "cornell": Decimal(190)},
    bands=(("below", Decimal(150), False), ("within", Decimal(530), True)),
    beyond="above",
    source="Phone AHT figures quoted by industry sources range from about 150 to 530 seconds; the "
    "Cornell 'Global Call Center Report' (2007) found about 3 min 10 s across its worksites "
    "(content brief, part 2).",
)
