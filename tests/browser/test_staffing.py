"""Service level with callers who hang up, an occupancy cap and fixed agents, in a real browser.

In each language, one case each way: a deep link with a patience and a cap shows CPython's figures,
says that Erlang A ran and what decided the agents, and the table has the scheduled and abandoned
columns; then the reader types a fixed number of agents and a patience of zero into the same page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import browser_helpers as h
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CALCULATOR = "service-level"
LINK = {
    "calls": "360",
    "interval": "60",
    "aht": "240",
    "target": "80",
    "answer_time": "20",
    "patience": "120",
    "max_occupancy": "80",
}


def note(lang: str, *keys: str) -> str:
    return " ".join(h.catalog(lang)[key] for key in keys)


@pytest.mark.parametrize("lang", ["nl", "ru"])
def test_erlang_a_by_link_and_by_typing(lang: str, new_page: Callable[..., Any]) -> None:
    page = new_page(lang)
    query = "&".join(f"{k}={v}" for k, v in LINK.items())
    page.goto(h.article_path(lang, CALCULATOR, query) + "#calculator")
    h.wait_ready(page)
    reply = h.reply(CALCULATOR, LINK)
    h.expect_rows(page, CALCULATOR, reply["result"]["values"])
    assert reply["result"]["notes"] == ["note.erlang_a.offered", "note.decided.occupancy"]
    comparison = page.locator(".calc [data-out=comparison]")
    expect(comparison).to_have_text(note(lang, *reply["result"]["notes"]))
    headers = page.locator(".calc [data-out=table] th").all_text_contents()
    catalog = h.catalog(lang)
    assert any(catalog["table.scheduled_agents"] in text for text in headers), headers
    assert any(catalog["table.abandoned"] in text for text in headers), headers

    # the reader fixes the agents below the load: Erlang A still answers, the cap does not move it
    h.open_groups(page)
    h.type_into(page, "agents", "22")
    h.wait_link(page, agents="22")
    fixed = h.reply(CALCULATOR, LINK | {"agents": "22"})
    h.expect_rows(page, CALCULATOR, fixed["result"]["values"])
    expect(comparison).to_have_text(note(lang, "note.erlang_a.offered", "note.decided.fixed"))

    # without a patience, 22 agents cannot clear 24 erlangs; a patience of zero is refused
    h.type_into(page, "patience", "")
    h.expect_error(page, "agents", catalog["error.too_few_agents"])
    h.type_into(page, "patience", "0")
    h.expect_error(page, "patience", catalog["error.zero_divisor"])
    assert not h.page_text_problems(page)
