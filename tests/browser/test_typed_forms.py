"""Input as people type it, in the browser, once per language (issue 18 item 6): a percent with its
sign, a time as minutes:seconds, and a negative count with the message of its kind. Every case of
each form is a CPython test (tests/unit/test_parsing.py, test_web.py); this proves the wiring.
"""

from __future__ import annotations

from typing import Any

import browser_helpers as h
import pytest
from babel.numbers import format_percent

pytestmark = pytest.mark.browser

CALCULATOR = "service-level"


@pytest.mark.parametrize("lang", ["it", "vi"])
def test_percent_sign_clock_time_and_a_negative_count(new_page: Any, lang: str) -> None:
    page = new_page(lang)
    page.goto(h.article_path(lang, CALCULATOR, h.example_query(CALCULATOR)))
    h.wait_ready(page)
    agents = h.example_reply(CALCULATOR)["result"]["values"]["agents"]
    h.type_into(page, "target", "80 %")
    h.type_into(page, "aht", "4:00")  # 240 seconds, the worked example's
    h.wait_link(page, target="80", aht="240")
    h.expect_value(page, "agents", None, agents)
    catalog = h.catalog(lang)
    hints = {  # a percent field's hint quotes the example centre's value: the target's 80 %
        "aht": catalog["hint.seconds"],
        "target": catalog["hint.percent"].format(
            number="80", share=format_percent(0.8, locale=lang)
        ),
    }
    for name, hint in hints.items():
        assert page.locator(f".calc [data-field='{name}'] .calc__hint").text_content() == hint
    h.type_into(page, "calls", "-360")
    h.expect_error(page, "calls", catalog["error.negative_number"])
