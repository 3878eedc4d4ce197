"""Reader tools in a real browser, in all five languages: reverse solving from a deep link and its
refusals, "copy as table", the print view on one A4 page, the formula with the reader's numbers and
the embed dialog's snippet per platform.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import browser_helpers as h
import pytest
from figures import Formatter
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANGUAGES = ("nb", "ru", "it", "nl", "vi")
SCREENSHOTS = h.ROOT / "test-artifacts" / "screenshots"
#: A4 at 96 dpi (210 × 297 mm) and the print view's 12 mm margins.
A4_WIDTH, A4_HEIGHT = 794, 1123
MARGIN = round(12 / 25.4 * 96)
#: A solve deep link: which contacts give 6 per contact with 76 600 of costs (12 767, rounded up).
SOLVE_QUERY = "solve=contacts&target=6&costs=76600&currency=USD"
NO_PRINT = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"


def intl(page: Any, lang: str, value: str, **options: Any) -> str:
    return str(
        page.evaluate(
            "([lang, value, options]) => new Intl.NumberFormat(lang, {useGrouping: 'always', ...options}).format(value)",
            [lang, value, options],
        )
    )


def open_ready(new_page: Any, lang: str, calculator: str, query: str) -> Any:
    page = new_page(lang)
    page.add_init_script(NO_PRINT)
    page.goto(h.article_path(lang, calculator, query) + "#calculator")
    h.wait_ready(page)
    return page


def solve_error(page: Any) -> Any:
    return page.locator(".calc [data-solve-error]")


def label(lang: str, key: str) -> str:
    return h.catalog(lang)[key].replace("{currency}", "USD")


def no_broken_text(page: Any) -> None:
    assert h.page_text_problems(page) == [], h.page_text_problems(page)
    for box in ("embed", "embed-text"):
        text = page.locator(f".calc [data-out='{box}']").input_value()
        assert not h.BROKEN_TEXT.search(text), (box, text)


@pytest.mark.parametrize("lang", ["nb", "vi"])
def test_solve_deep_link_and_refusals(new_page: Any, lang: str) -> None:
    page = open_ready(new_page, lang, "cost-per-contact", SOLVE_QUERY)
    h.expect_result(page, lang, "USD", "6")
    volume = intl(page, lang, "12767")
    expect(h.field(page, "contacts")).to_have_value(volume)
    expect(h.field(page, "contacts")).to_have_attribute("readonly", "")
    answer = h.message(
        lang,
        "solve.answer",
        target=h.shown_money(lang, "USD", "6"),
        field=label(lang, "field.contacts"),
        value=volume,
    )
    expect(page.locator(".calc [data-out='solve']")).to_have_text(answer)
    params = h.link_params(page)
    assert params["solve"] == "contacts" and params["target"] == "6", params
    assert "contacts" not in params, params

    # Zero has no answer.
    target = page.locator(".calc [data-solve-target]")
    target.fill("0")
    expect(solve_error(page)).to_have_text(h.message(lang, "error.solve_target"))
    expect(target).to_have_attribute("aria-invalid", "true")
    # A negative target neither.
    target.fill("-6")
    expect(solve_error(page)).to_have_text(h.message(lang, "error.solve_target"))
    # No whole number of contacts gives 3 per contact with costs of 10: the nearest, rounded up.
    h.type_into(page, "costs", "10")
    target.fill("3")
    expected = h.message(
        lang,
        "error.solve_inexact",
        field=label(lang, "field.contacts"),
        target=h.shown_money(lang, "USD", "3"),
        nearest=intl(page, lang, "4"),
        result=h.shown_money(lang, "USD", "2.5"),
    )
    expect(solve_error(page)).to_have_text(expected)
    # ... which fills the field and gives the result beside the message
    expect(h.field(page, "contacts")).to_have_value(intl(page, lang, "4"))
    h.expect_result(page, lang, "USD", "2.5")
    no_broken_text(page)


@pytest.mark.parametrize("lang", ["ru", "it"])
def test_cost_per_call_refuses_an_inexact_volume_in_both_modes(new_page: Any, lang: str) -> None:
    page = open_ready(
        new_page, lang, "cost-per-call", "mode=inbound&costs=10&solve=calls&target=3&currency=USD"
    )
    nearest = intl(page, lang, "4")
    result = h.shown_money(lang, "USD", "2.5")

    def refused(field: str) -> str:
        return h.message(
            lang,
            "error.solve_inexact",
            field=label(lang, field),
            target=h.shown_money(lang, "USD", "3"),
            nearest=nearest,
            result=result,
        )

    expect(solve_error(page)).to_have_text(refused("field.calls"))
    h.set_mode(page, "outbound")
    select = page.locator(".calc [data-solve-field]")
    expect(select).to_have_value("")  # calls do not apply to an outbound center
    select.select_option("sales")
    expect(solve_error(page)).to_have_text(refused("field.sales"))
    # And an exact outbound solve: 27 600 of costs at 24 per sale is 1 150 sales.
    h.type_into(page, "costs", h.typed("27600", lang))
    page.locator(".calc [data-solve-target]").fill("24")
    h.expect_result(page, lang, "USD", "24")
    expect(h.field(page, "sales")).to_have_value(intl(page, lang, "1150"))
    no_broken_text(page)


@pytest.mark.parametrize("lang", ["nl", "vi"])
def test_copy_as_table_pastes_as_numbers(new_page: Any, lang: str) -> None:
    page = open_ready(
        new_page, lang, "cost-per-contact", "costs=76600.5&contacts=9800&period=month&currency=USD"
    )
    h.expect_result(page, lang, "USD", "7.82")
    page.locator(".calc [data-action='copy-table']").click()
    expect(page.locator(".calc [data-out='notice']")).to_have_text(
        h.message(lang, "action.table_copied")
    )
    text = str(page.evaluate("navigator.clipboard.readText()"))
    decimal = intl(page, lang, "0.5")[1]
    lines = [line.split("\t") for line in text.splitlines()]
    assert all(len(cells) == 3 for cells in lines), lines
    numbers = {}
    for name, value, unit in lines:
        if re.fullmatch(r"[0-9]+([.,][0-9]+)?", value):
            assert "." not in value or decimal == ".", (lang, value)
            # As a spreadsheet reads it: the locale's decimal separator, no grouping.
            numbers[name] = (Decimal(value.replace(decimal, ".")), unit)
    assert numbers[label(lang, "field.costs")] == (Decimal("76600.5"), "USD"), numbers
    assert numbers[label(lang, "field.contacts")] == (Decimal(9800), ""), numbers
    result = h.catalog(lang)["result.cost_per_contact"]
    assert numbers[result] == (Decimal("7.82"), "USD"), numbers
    assert f"76600{decimal}5" in text
    no_broken_text(page)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("lang", ["ru", "vi"])
def test_print_view_is_one_a4_page(new_page: Any, lang: str) -> None:
    page = open_ready(
        new_page,
        lang,
        "cost-per-contact",
        "costs=76600&contacts=9800&period=month&currency=USD&share=20&unit_cost=0.5",
    )
    h.expect_result(page, lang, "USD", "7.82")
    page.set_viewport_size({"width": A4_WIDTH - 2 * MARGIN, "height": A4_HEIGHT - 2 * MARGIN})
    page.locator(".calc [data-action='print']").click()
    assert page.evaluate("window.__printed") == 1
    assert page.evaluate("document.body.classList.contains('calc-printing')")
    page.emulate_media(media="print")
    box = page.locator(".calc [data-out='print']")
    expect(box).to_be_visible()
    date = Formatter(lang).date(datetime.date.today().isoformat())
    expect(box).to_contain_text(h.message(lang, "print.date", date=date))
    expect(box).to_contain_text(h.catalog(lang)["term.cost-per-contact"])
    link = box.locator(".calc__print-link").inner_text()
    query = parse_qs(urlsplit(link.split(": ", 1)[1]).query)
    assert query["costs"] == ["76600"] and query["contacts"] == ["9800"], link
    expect(box).to_contain_text(label(lang, "field.costs"))
    expect(page.locator(".calc .calc__assumption").first).to_be_visible()
    for hidden in (".md-header", ".md-footer", ".md-sidebar", ".calc__form", ".calc__actions"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    # The article's other text is not printed.
    expect(page.locator(".md-content__inner > h1")).to_be_hidden()
    expect(page.locator("#definition")).to_be_hidden()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = Path(SCREENSHOTS / f"print-{lang}-cost-per-contact.png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    height = page.evaluate("document.querySelector('.calc').getBoundingClientRect().height")
    assert height <= A4_HEIGHT - 2 * MARGIN, f"the calculator is {height}px tall on paper"
    # Read before the PDF: after printToPDF Chromium's innerText includes the text of the widget's
    # JSON config script (display: none; the one-page PDF shows it is not printed), whose "null"s
    # read as broken figures outside nb.
    no_broken_text(page)
    assert pdf_pages(page.pdf(format="A4", print_background=False)) == 1


@pytest.mark.parametrize("lang", ["it", "vi"])
def test_formula_with_the_readers_numbers(new_page: Any, lang: str) -> None:
    page = open_ready(
        new_page, lang, "cost-per-contact", "costs=76600&contacts=9800&period=month&currency=USD"
    )
    h.expect_result(page, lang, "USD", "7.82")
    expected = h.message(
        lang,
        "formula.cost-per-contact",
        costs=h.shown_money(lang, "USD", "76600"),
        contacts=intl(page, lang, "9800"),
        cost_per_contact=h.shown_money(lang, "USD", "7.82"),
    )
    expect(page.locator(".calc [data-formula]")).to_have_text(expected)
    expect(page.locator(".calc .calc__formula-heading")).to_have_text(
        h.catalog(lang)["formula.heading"]
    )
    no_broken_text(page)


@pytest.mark.parametrize("lang", ["nl", "ru"])
def test_embed_dialog_snippets_per_platform(new_page: Any, lang: str) -> None:
    page = open_ready(
        new_page, lang, "cost-per-contact", "costs=76600&contacts=9800&period=month&currency=USD"
    )
    h.expect_result(page, lang, "USD", "7.82")
    page.locator(".calc [data-action='embed']").click()
    iframe = page.locator(".calc [data-out='embed']").input_value()
    assert iframe.startswith("<iframe ") and 'height="1950"' in iframe, iframe
    assert 'allow="clipboard-write"' in iframe, iframe
    src = re.search(r'src="([^"]+)"', iframe)
    assert src is not None
    assert f"/{lang}/embed/cost-per-contact/" in src.group(1)
    assert "costs=76600" in src.group(1) and "contacts=9800" in src.group(1)
    catalog = h.catalog(lang)
    for platform in ("zendesk", "freshdesk", "confluence", "intercom"):
        note = page.locator(f".calc [data-note='{platform}']")
        expect(note).to_be_visible()
        expect(note).to_have_text(catalog[f"embed.note.{platform}"])
    summary = page.locator(".calc [data-out='embed-text']").input_value()
    lines = summary.splitlines()
    assert lines[0] == catalog["term.cost-per-contact"], lines
    main = f"{catalog['result.cost_per_contact']}: {h.shown_money(lang, 'USD', '7.82')}"
    assert main in lines, lines
    prefix = catalog["embed.summary.link"].split("{link}")[0]
    assert lines[-1].startswith(prefix), lines
    link = lines[-1][len(prefix) :]
    assert f"/{lang}/glossary/cost-per-contact/?" in link and "costs=76600" in link, link
    assert "<" not in summary
    no_broken_text(page)


def test_the_what_if_note_gives_the_default_an_empty_share_counts_as(new_page: Any) -> None:
    """The reader typed 40 %: the note still says what an empty share counts as (70 %)."""
    page = open_ready(
        new_page,
        "nl",
        "first-contact-resolution",
        "resolved_first=720&contacts=1000&fcr_target=80&costs=50000&variable_share=40"
        "&period=month&currency=EUR",
    )
    note = page.locator(".calc [data-out='scenario'] .calc__assumption")
    fmt = Formatter("nl")
    expect(note).to_contain_text(fmt.share(Decimal(70)))
    expect(note).not_to_contain_text(fmt.share(Decimal(40)))


def test_a_mistake_in_the_what_if_leaves_the_main_result(new_page: Any) -> None:
    """A target FCR below today's: the message is at the target, the FCR itself still shows, and
    no what-if is worked out."""
    page = open_ready(
        new_page,
        "it",
        "first-contact-resolution",
        "resolved_first=720&contacts=1000&costs=50000&period=week&currency=EUR&fcr_target=70",
    )
    h.expect_value(page, "first-contact-resolution", None, "72")
    assert set(h.visible_errors(page)) == {"fcr_target"}, h.visible_errors(page)
    expect(page.locator(".calc [data-out='scenario']")).to_be_empty()
    # the refused target is not copied as if it had been used
    page.locator(".calc [data-action='copy-table']").click()
    expect(page.locator(".calc [data-out='notice']")).to_have_text(
        h.catalog("it")["action.table_copied"]
    )
    copied = str(page.evaluate("navigator.clipboard.readText()"))
    assert label("it", "field.fcr_target") not in copied, copied
    assert "72" in copied, copied
    h.type_into(page, "fcr_target", "80")
    expect(page.locator(".calc [data-out='scenario'] dl")).to_be_visible()
    assert h.visible_errors(page) == {}


@pytest.mark.parametrize("lang", ["ru", "vi"])
def test_a_limit_is_named_in_the_fields_terms(new_page: Any, lang: str) -> None:
    """A patience beyond the hour: "too large: at most 3 600 s", the limit as the field shows it."""
    page = open_ready(
        new_page,
        lang,
        "service-level",
        "calls=100&interval=30&aht=180&target=80&answer_time=20&patience=3750",
    )
    template = h.catalog(lang)["error.too_large_max"]
    h.wait_until(
        page,
        "() => !document.querySelector('.calc [data-error-for=patience]').hidden",
        None,
        lambda: f"no message at the patience: {h.visible_errors(page)}",
        10,
    )
    text = h.visible_errors(page)["patience"]
    before, after = template.split("{max}")
    assert text.startswith(before) and text.endswith(after), text
    limit = text[len(before) : len(text) - len(after)]
    assert re.fullmatch(r"3[\u00a0\u202f .]600\s?\S+", limit), limit
