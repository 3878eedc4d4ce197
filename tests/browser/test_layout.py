"""Phone and table layout: the staffing table shows that it scrolls (or fits), its headers break
between words only, and Material's "back to top" button never covers the main result."""

from __future__ import annotations

from typing import Any

import browser_helpers as h
import pytest

from calculators.kpis import SPECS

pytestmark = pytest.mark.browser

LANGS = h.LANGUAGES
PHONE = {"width": 390, "height": 844}
SL = "calls=360&interval=60&aht=240&target=80&answer_time=20&shrinkage=30&hourly_cost=350"

#: For each header cell: every word of it lies on one line (no break inside a word).
SPLIT_WORDS = """() => {
  const split = [];
  for (const th of document.querySelectorAll(".calc__table th")) {
    const text = th.firstChild;
    if (!text) continue;
    for (const match of text.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) split.push(match[0]);
    }
  }
  return split;
}"""

#: Whether the table scrolls sideways, and whether it then shows a cue (edge shadows).
SCROLL_CUE = """() => {
  const table = document.querySelector(".calc__table table");
  const scrolls = table.scrollWidth > table.clientWidth + 1;
  return { scrolls, cue: getComputedStyle(table).backgroundImage.includes("gradient") };
}"""


def _service_level(page: Any, lang: str) -> None:
    page.goto(h.article_path(lang, "service-level", f"{SL}&currency={h.DEFAULT_CURRENCY[lang]}"))
    h.wait_ready(page)
    page.locator(".calc__table table").wait_for()


@pytest.mark.parametrize("lang", ["nb", "ru"])
def test_staffing_table_on_a_phone_and_on_a_desktop(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    _service_level(page, lang)
    assert page.evaluate(SPLIT_WORDS) == [], "desktop headers break between words"
    page.set_viewport_size(PHONE)
    state = page.evaluate(SCROLL_CUE)
    assert state["cue"] or not state["scrolls"], f"{page.url}: the table scrolls without a cue"
    assert page.evaluate(SPLIT_WORDS) == [], "phone headers break between words"


@pytest.mark.parametrize("lang", ["nb", "vi"])
def test_back_to_top_never_covers_the_main_result(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    page.set_viewport_size(PHONE)
    _service_level(page, lang)
    main = page.locator(".calc__main").first
    # Scroll down past the result, then up a little, as a reader does: Material shows its button.
    top = main.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    page.evaluate("y => window.scrollTo(0, y)", top + 400)
    page.wait_for_timeout(200)
    for step in range(12):
        page.mouse.wheel(0, -60)
        page.wait_for_timeout(120)
        covered = page.evaluate(
            """() => {
              const button = document.querySelector(".md-top");
              const result = document.querySelector(".calc__main").getBoundingClientRect();
              const area = button.getBoundingClientRect();
              const shown = !button.hidden && Number(getComputedStyle(button).opacity) > 0.1
                && getComputedStyle(button).visibility !== "hidden";
              const over = area.left < result.right && result.left < area.right
                && area.top < result.bottom && result.top < area.bottom;
              return shown && over;
            }"""
        )
        assert not covered, f"step {step}: the back-to-top button covers the main result"


#: Every select the reader sees: its name, its widest option's text and the room its box has for it
#: (the box less its padding and the arrow), in pixels.
SELECT_ROOM = """() => [...document.querySelectorAll(".calc select")].filter((s) => s.offsetParent)
  .map((select) => {
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = Math.max(...[...select.options].map((o) => context.measureText(o.text).width));
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return [select.name || "solve", Math.round(text), Math.round(room)];
  })"""

#: The calculators with a list to choose from (radio buttons wrap; a select cuts its text off).
WITH_SELECTS = [c for c in h.CALCULATORS if any(f.choices and not f.radio for f in SPECS[c].fields)]


@pytest.mark.parametrize("lang", LANGS)
def test_no_select_cuts_its_options_off_on_a_desktop(new_page: Any, lang: str) -> None:
    """A choice as long as "Solo il costo del personale di un intervallo" takes the form's whole
    row, so a reader at 1280 px reads every option in full, the chosen one included."""
    page = new_page(lang)
    cut = []
    for calculator in WITH_SELECTS:
        page.goto(h.article_path(lang, calculator, "") + "#calculator")
        page.locator(".calc[data-bound]").wait_for()
        cut += [(calculator, *room) for room in page.evaluate(SELECT_ROOM) if room[1] > room[2]]
    assert cut == [], cut
