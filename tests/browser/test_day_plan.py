"""Service level's day plan in a real browser: a deep link with ``plan=day&volumes=…`` shows the
per-interval table, the chart and the day's totals CPython computes; a column typed in the reader's
notation (nb and vi, with a tab and a group separator) gives the same figures and the canonical
link; a bad line says which line, in the page's language. Three page visits in all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import browser_helpers as h
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CALCULATOR = "service-level"
#: A short day: two quiet intervals, a morning, three busy ones; with a patience and a cost.
VOLUMES = "0x2_40_85_1250x3"
LINK = {
    "plan": "day",
    "volumes": VOLUMES,
    "interval": "30",
    "opens": "7",
    "aht": "180",
    "target": "80",
    "answer_time": "20",
    "patience": "120",
    "hourly_cost": "30",
}
#: The same column as a reader of each language pastes it (its group separator, a tab in a line).
TYPED = {
    "nb": "0\n0\n40\t85\n1\u00a0250\n1 250\n1250\n",
    "vi": "0\n0\n40\t85\n1.250\n1.250\n1250",
}


def series(page: Any) -> Any:
    return page.locator(".calc textarea[name='volumes']")


def table_cells(page: Any) -> list[list[str]]:
    return [
        row.locator("td").all_text_contents()
        for row in page.locator(".calc [data-out=table] tr").all()
        if row.locator("td").count()
    ]


def test_day_plan_by_link(new_page: Callable[..., Any]) -> None:
    lang = "nb"
    page = new_page(lang)
    query = "&".join(f"{k}={v}" for k, v in LINK.items())
    page.goto(h.article_path(lang, CALCULATOR, query) + "#calculator")
    h.wait_ready(page)
    reply = h.reply(CALCULATOR, LINK)
    values = reply["result"]["values"]
    assert {"day-calls", "agent-hours", "day-staff-cost", "abandoned"} <= set(values)
    h.expect_rows(page, CALCULATOR, values)
    catalog = h.catalog(lang)
    # The form shows the list one value a line in the reader's notation.
    expect(series(page)).to_have_value("0\n0\n40\n85\n1\u00a0250\n1\u00a0250\n1\u00a0250")
    expect(page.locator(".calc [data-row='agents'] [data-label]")).to_have_text(
        catalog["result.peak-agents"]
    )
    expect(page.locator(".calc [data-out=table] caption")).to_have_text(
        catalog["table.day_caption"]
    )
    cells = table_cells(page)
    assert len(cells) == 7, cells
    assert cells[0][0] == "07:00" and cells[-1][0] == "10:00", cells
    lines = reply["result"]["table"]
    assert [row[2] for row in cells] == [line["agents"] for line in lines], cells
    # The peak interval is in bold; the chart draws one bar per interval, no inline style.
    assert page.locator(".calc [data-out=table] tr.calc__chosen").count() == 3
    bars = page.locator(".calc [data-out=chart] svg rect")
    expect(bars).to_have_count(7)
    assert page.locator(".calc [data-out=chart] [style]").count() == 0
    expect(page.locator(".calc [data-out=comparison]")).to_contain_text(catalog["note.day_plan"])
    # Copy as table: the results, then the table a spreadsheet reads (tab-separated, one per line).
    page.locator(".calc [data-action='copy-table']").click()
    text = str(page.evaluate("navigator.clipboard.readText()"))
    assert catalog["table.day_caption"] in text
    assert "07:00\t0\t0\t0" in text, text
    # Print: the head lists the inputs, the list in the reader's notation; the table is printed.
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"
    )
    page.locator(".calc [data-action='print']").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    box = page.locator(".calc [data-out='print']")
    expect(box).to_contain_text(catalog["field.volumes"])
    expect(box).to_contain_text("1\u00a0250; 1\u00a0250")
    expect(page.locator(".calc [data-out=table] table")).to_be_visible()
    page.emulate_media(media="screen")
    assert not h.page_text_problems(page)


@pytest.mark.parametrize("lang", ["nb", "vi"])
def test_day_plan_typed(lang: str, new_page: Callable[..., Any]) -> None:
    page = new_page(lang)
    page.goto(h.article_path(lang, CALCULATOR))
    h.wait_ready(page)
    page.locator(".calc input[name='plan'][value='day']").check()
    expect(h.field(page, "calls")).to_be_hidden()
    h.select(page, "interval", "30")
    h.select(page, "opens", "7")
    for name in ("aht", "target", "answer_time", "hourly_cost"):
        h.open_groups(page)
        h.type_into(page, name, LINK[name])
    h.type_into(page, "patience", LINK["patience"])
    series(page).fill(TYPED[lang])
    h.wait_link(page, plan="day", volumes=VOLUMES, opens="7")
    h.expect_rows(page, CALCULATOR, h.reply(CALCULATOR, LINK)["result"]["values"])

    # A bad line names its line, in the page's language; the figures go.
    series(page).fill(TYPED[lang].replace("85", "mange" if lang == "nb" else "nhiều"))
    message = h.message(lang, "error.series_not_a_number", line="3")
    error = page.locator(".calc [data-error-for='volumes']")
    expect(error).to_have_text(message)
    expect(series(page)).to_have_attribute("aria-invalid", "true")
    series(page).fill("12\n-3")
    expect(error).to_have_text(h.message(lang, "error.series_negative", line="2"))
    assert not h.page_text_problems(page)
