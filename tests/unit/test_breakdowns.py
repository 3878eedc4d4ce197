"""Totals given directly or as a breakdown, and each part's share."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from calculators import (
    CONTACT_CHANNELS,
    COST_COMPONENTS,
    MAX_VALUE,
    CalculatorError,
    Total,
    total_contacts,
    total_costs,
)
from calculators.breakdowns import channel_costs
from calculators.numbers import round_money

#: The cost-per-contact article's month, as test data (the site's copy is build-time data).
COST_BREAKDOWN = {
    "salaries": "48500",
    "benefits": "9700",
    "technology": "6800",
    "hardware": "1900",
    "facilities": "5600",
    "taxes": "2300",
    "other": "1800",
}
CONTACTS_BY_CHANNEL = {"phone": 4900, "email": 2000, "chat": 2300, "social": 600}


def test_costs_given_as_a_total() -> None:
    total = total_costs(costs="76600")
    assert total == Total(Decimal("76600"), "total")
    assert total.parts == ()
    assert total.shares() == {}


def test_costs_given_as_a_breakdown() -> None:
    total = total_costs(breakdown=COST_BREAKDOWN)
    assert total.source == "breakdown"
    assert total.value == Decimal("76600")
    assert [name for name, _ in total.parts] == list(COST_COMPONENTS)
    shares = total.shares()
    assert shares["salaries"] == Decimal("63.31592689295039164490861618798956")
    assert abs(sum(shares.values(), Decimal(0)) - 100) < Decimal("1E-30")


def test_a_breakdown_replaces_the_total() -> None:
    total = total_costs(costs=999, breakdown={"salaries": 60, "technology": "40"})
    assert (total.value, total.source) == (Decimal(100), "breakdown")
    assert total.shares() == {"salaries": Decimal(60), "technology": Decimal(40)}


def test_parts_keep_display_order_not_input_order() -> None:
    total = total_costs(breakdown={"other": 1, "taxes": 2, "salaries": 3})
    assert [name for name, _ in total.parts] == ["salaries", "taxes", "other"]


def test_empty_parts_fall_back_to_the_total() -> None:
    total = total_costs(costs=500, breakdown={"salaries": None, "benefits": None})
    assert (total.value, total.source) == (Decimal(500), "total")
    assert total_costs(costs=500, breakdown={}).source == "total"


def test_contacts_given_as_a_total_and_by_channel() -> None:
    assert total_contacts(contacts=9800) == Total(Decimal(9800), "total")
    total = total_contacts(contacts=1, by_channel=CONTACTS_BY_CHANNEL)
    assert (total.value, total.source) == (Decimal(9800), "breakdown")
    assert [name for name, _ in total.parts] == list(CONTACT_CHANNELS)
    assert total.shares()["phone"] == Decimal(50)


def test_an_all_zero_breakdown_has_zero_shares() -> None:
    total = total_costs(breakdown={"salaries": 0, "other": "0"})
    assert total.value == 0
    assert total.shares() == {"salaries": Decimal(0), "other": Decimal(0)}


@pytest.mark.parametrize(
    ("call", "code", "field"),
    [
        (lambda: total_costs(), "empty", "costs"),
        (lambda: total_costs(breakdown={"salaries": None}), "empty", "costs"),
        (lambda: total_contacts(), "empty", "contacts"),
        (lambda: total_costs(costs=-1), "negative", "costs"),
        (lambda: total_costs(breakdown={"taxes": -1}), "negative", "taxes"),
        (lambda: total_costs(breakdown={"taxes": "x"}), "not_a_number", "taxes"),
        (lambda: total_contacts(contacts="10.5"), "not_whole", "contacts"),
        (lambda: total_contacts(by_channel={"chat": "2.5"}), "not_whole", "chat"),
        (lambda: total_contacts(by_channel={"email": 10**15 + 1}), "too_large", "email"),
        (
            lambda: total_costs(breakdown={"salaries": MAX_VALUE, "other": 1}),
            "too_large",
            "costs",
        ),
        (
            lambda: total_contacts(by_channel={"phone": MAX_VALUE, "chat": 1}),
            "too_large",
            "contacts",
        ),
    ],
)
def test_breakdown_errors(call: Callable[[], object], code: str, field: str) -> None:
    with pytest.raises(CalculatorError) as caught:
        call()
    assert (caught.value.code, caught.value.field) == (code, field)


def test_a_breakdown_may_reach_exactly_the_maximum() -> None:
    total = total_costs(breakdown={"salaries": MAX_VALUE - 1, "other": 1})
    assert total.value == MAX_VALUE


def test_unknown_parts_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown costs parts") as caught:
        total_costs(breakdown={"salaries": 1, "coffee": 2})
    assert not isinstance(caught.value, CalculatorError)
    with pytest.raises(ValueError, match="unknown contacts parts"):
        total_contacts(by_channel={"pigeon": 1})


# --- cost per channel (issue 18 item 11) -------------------------------------------------------

EXAMPLE_CHANNELS = {"phone": 4900, "email": 2000, "chat": 2300, "social": 600}
EXAMPLE_MINUTES = {
    "phone": Decimal(6),
    "email": Decimal(8),
    "chat": Decimal(10),
    "social": Decimal(5),
}


def test_channel_costs_spread_all_costs_by_contacts_times_minutes() -> None:
    contacts = total_contacts(by_channel=EXAMPLE_CHANNELS)
    costs = channel_costs(Decimal(76600), contacts, EXAMPLE_MINUTES)
    assert costs is not None
    # 4 900 x 6 + 2 000 x 8 + 2 300 x 10 + 600 x 5 = 71 400 contact minutes
    assert round_money(costs["phone"]) == Decimal("6.44")  # 76 600 x 6 / 71 400
    assert round_money(costs["chat"]) == Decimal("10.73")
    spread = sum(costs[name] * EXAMPLE_CHANNELS[name] for name in costs)
    assert round_money(spread) == 76600  # every cost lands on a channel, none twice


def test_channel_costs_need_every_channel_with_contacts_and_its_minutes() -> None:
    contacts = total_contacts(by_channel=EXAMPLE_CHANNELS)
    assert channel_costs(Decimal(76600), contacts, {"phone": Decimal(6)}) is None
    assert channel_costs(Decimal(100), total_contacts(contacts=10), EXAMPLE_MINUTES) is None
    only_phone = total_contacts(by_channel={"phone": 10, "email": 0})
    assert channel_costs(Decimal(100), only_phone, {"phone": Decimal(2)}) == {"phone": 10}
    with pytest.raises(CalculatorError) as caught:
        channel_costs(Decimal(100), only_phone, {"phone": Decimal(0)})
    assert (caught.value.code, caught.value.field) == ("zero_divisor", "phone")  # its key
