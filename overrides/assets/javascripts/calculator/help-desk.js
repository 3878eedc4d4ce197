// The help-desk tools under a result: copy the link, the embed code, the result in words (for
// editors without iframes), copy as a table, print. They read the widget's last reply and write
// nothing into the form. While the form has no result, copy as table and print are disabled (the
// reason beside them), and the link and the embed code carry no figures: the calculator opens
// empty, never with an earlier result's. The pure parts are unit-tested in Node
// (tests/js/help-desk.test.mjs).

import { el } from "./dom.js";
import { labelKey, rowLabel } from "./text.js";
import { withParams } from "./url-state.js";

const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// The iframe a help-desk author pastes; its attributes escaped, no script.
export const iframeSnippet = (src, title, height) =>
  `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" allow="clipboard-write" loading="lazy" style="border:0"></iframe>`;

// The widget's width in an embed in a 680 px column (the embed page's side margins are .8rem each),
// and what the embed page adds around it: its top padding and the link to the full article
// (86 px measured in every language at that width), with room for a phone's slightly taller layout.
export const EMBED_WIDTH = 648;
export const EMBED_MARGIN = 120;

// The snippet's height: the default (the tallest calculator with a result, groups closed), or the
// embed as tall as the reader's widget measured at the embed's width, if taller; in tens of pixels.
export const snippetHeight = (fallback, widgetHeight) =>
  Math.max(Number(fallback), Math.ceil((widgetHeight + EMBED_MARGIN) / 10) * 10);

// The figures of a result can be handed out: only while Python is ready and the form has one.
export const toolsAvailable = (state, reply) => state === "ready" && Boolean(reply);

// The day, month and year of `date` as the locale writes them in a long date, for the catalog's
// "format.date" pattern ("format.date.first" on the first of a month: Italian "1° ottobre"):
// { day: "4", month: "desember", year: "2026" } in nb.
export const dateParts = (lang, date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" })
      .formatToParts(date)
      .filter((part) => ["day", "month", "year"].includes(part.type))
      .map((part) => [part.type, part.value]),
  );

// Tab-separated lines: label, the number with the locale's decimal separator and no grouping, the
// unit; then the extra table, if any: its caption, a header line, one line per row.
export function tabSeparated(rows, extra, plain) {
  const lines = rows.map((row) => ("value" in row ? `${row.label}\t${plain(row.value)}\t${row.unit}` : `${row.label}\t${row.text}\t`));
  if (extra) lines.push("", extra.caption, extra.head.join("\t"), ...extra.lines.map((cells) => cells.join("\t")));
  return lines.join("\n");
}

export class HelpDesk {
  constructor(calc) {
    this.calc = calc;
    const actions = calc.root.querySelector(".calc__actions");
    this.needResult = [...actions.querySelectorAll('[data-action="copy-table"], [data-action="print"]')];
    // Why those buttons are disabled: beside them, and each disabled button's description.
    this.reason = el("span", calc.t("action.unavailable"));
    Object.assign(this.reason, { className: "calc__notice", id: `calc-${calc.root.dataset.calculator}-tools`, hidden: true });
    this.reason.dataset.out = "unavailable";
    actions.querySelector("[data-out=notice]").before(this.reason);
    // An open group changes the embed's height: the open snippet follows.
    calc.form.addEventListener("toggle", () => this.refreshEmbed(), true);
    this.hadResult = false;
    this.sync();
  }

  get available() {
    return toolsAvailable(this.calc.root.dataset.state, this.calc.lastReply);
  }

  // In an embed the widget is only part of the article: its links give the article.
  get embedded() {
    return Boolean(this.calc.root.closest(".glossary-embed"));
  }

  // The figures the link and the embed code carry: the result's (the page's link), or none.
  get params() {
    return new URLSearchParams(this.available ? location.search : "");
  }

  // With a result every tool works; without one, copy as table and print are disabled (why is said
  // once Python answered), and nothing of an earlier result stays within reach: a field to copy
  // from, the open embed code and the embed's "open the full article" link carry no figures. The
  // notice goes when the result does, not on every reply after it.
  sync() {
    const calc = this.calc;
    const available = this.available;
    for (const button of this.needResult) {
      button.disabled = !available; // dimmed by the stylesheet (Material's buttons have no disabled look)
      if (available) button.removeAttribute("aria-describedby");
      else button.setAttribute("aria-describedby", this.reason.id);
    }
    // Said once Python has answered: not while it starts or after it failed (the status says so).
    this.reason.hidden = available || calc.root.dataset.state !== "ready" || !calc.root.dataset.resultState;
    const lost = this.hadResult && !available;
    this.hadResult = available;
    if (available) return;
    if (lost) { // what was copied from that result: a later copy without figures (a link) stays said
      calc.out("copy-fallback").hidden = true;
      calc.out("copy-fallback").querySelector("textarea").value = "";
      calc.out("notice").textContent = "";
    }
    this.update(this.params);
  }

  // After a result: the embed's article link and, while it is open, the embed code take its figures.
  update(params) {
    for (const link of document.querySelectorAll("a[data-article-link]")) link.href = this.articleUrl(params);
    this.refreshEmbed(params);
  }

  refreshEmbed(params = this.params) {
    const box = this.calc.root.querySelector(".calc__embed");
    if (box.hidden) return;
    this.calc.out("embed").value = this.embedSnippet(params);
    this.calc.out("embed-text").value = this.summaryText(params);
  }

  get term() {
    return this.calc.t(`term.${this.calc.root.dataset.calculator}`);
  }

  // The article's own URL with these parameters (for editors that take no iframe, and for print).
  articleUrl(params) {
    const { root } = this.calc;
    const article = new URL(`${root.dataset.calculator}/`, new URL(root.dataset.glossary, location.href));
    return withParams(article.href, params, "calculator");
  }

  // For Intercom and other editors without iframes: the result in words, the formula and the link.
  summaryText(params) {
    const calc = this.calc;
    const lines = [this.term];
    const reply = calc.lastReply;
    if (reply) {
      const choices = calc.choices();
      for (const row of calc.config.results) {
        if (row.main && row.key in reply.result.values) {
          const label = rowLabel(calc.t(labelKey(row, choices), calc.config.benchmark), row.kind);
          lines.push(`${label}: ${calc.figure(reply.result.values[row.key], row.kind)}`);
        }
      }
      const formula = calc.formulaText(calc.given(reply), reply.result.values);
      if (formula) lines.push(formula);
    }
    lines.push(calc.t("embed.summary.link", { link: this.articleUrl(params) }));
    return lines.join("\n");
  }

  embedSnippet(params) {
    const { root } = this.calc;
    const src = withParams(new URL(root.dataset.embed || location.href, location.href).href, params, "");
    return iframeSnippet(src, this.term, snippetHeight(root.dataset.embedHeight, this.heightInEmbed()));
  }

  // The widget's height as the reader has it (open groups, the rows their figures add) at the width
  // it has in an embed, in one synchronous step (nothing is painted meanwhile). The embed code and a
  // copy field below the buttons are not in an embed: the widget ends below its buttons there.
  heightInEmbed() {
    const { root } = this.calc;
    const actions = root.querySelector(".calc__actions");
    const { scrollX, scrollY } = window;
    root.style.width = `${EMBED_WIDTH}px`;
    const style = getComputedStyle(root);
    const height = actions.getBoundingClientRect().bottom - root.getBoundingClientRect().top
      + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
    root.style.removeProperty("width");
    if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo(scrollX, scrollY);
    return height;
  }

  // The link to these figures: the page's own; in an embed, the full article's (as "open the full
  // article" gives it), not the bare widget's.
  async copyLink() {
    const link = this.embedded ? this.articleUrl(this.params) : withParams(location.href, this.params);
    await this.copy(link, "action.copied");
  }

  // Copy to the clipboard; where the browser refuses (an iframe without clipboard-write, an old
  // browser), the text appears selected in a field, to copy by hand.
  async copy(text, done) {
    const notice = this.calc.out("notice");
    const fallback = this.calc.out("copy-fallback");
    try {
      await navigator.clipboard.writeText(text);
      notice.textContent = this.calc.t(done);
      fallback.hidden = true;
    } catch {
      notice.textContent = this.calc.t("action.copy_failed");
      const field = fallback.querySelector("textarea");
      field.value = text;
      field.rows = Math.max(2, Math.min(text.split("\n").length, 8));
      fallback.hidden = false;
      field.focus();
      field.select();
    }
  }

  // The unit column of a figure of this kind: the currency, "%", Intl's short name of a time unit.
  unitOf(kind) {
    return this.calc.formats.unitName(kind, this.calc.currency, this.calc.t);
  }

  // What the reader typed or chose and what the calculator showed, as [label, canonical or text, kind].
  keptRows() {
    const calc = this.calc;
    const reply = calc.lastReply;
    if (!reply) return [];
    const choices = calc.choices();
    const rows = [];
    const refused = reply.errors || {}; // a what-if figure the calculator refused fed no result
    for (const field of calc.config.fields) {
      const wrapper = calc.form.querySelector(`[data-field="${field.name}"]`);
      if (!wrapper || wrapper.hidden || field.name in refused) continue;
      const label = calc.fieldLabel(field.name);
      if (field.kind === "choice") {
        const control = wrapper.querySelector("select") || wrapper.querySelector("input:checked");
        const text = control.tagName === "SELECT" ? control.selectedOptions[0].textContent : control.parentElement.textContent;
        rows.push({ label, text: text.trim(), field });
      } else if (field.kind === "series" && field.name in reply.link) {
        rows.push({ label, text: calc.seriesLines(reply.link[field.name]).join("; "), field });
      } else if (field.name in reply.link) {
        rows.push({ label, value: reply.link[field.name], field, kind: field.kind });
      }
    }
    const values = reply.result.values;
    for (const row of calc.config.results) {
      if (row.key in values) rows.push({ label: rowLabel(calc.t(labelKey(row, choices), calc.config.benchmark), row.kind), value: values[row.key], kind: row.kind, result: true });
    }
    const scenario = reply.result.scenario;
    if (scenario && calc.config.scenario) {
      for (const row of [...calc.config.scenario.assumptions, ...calc.config.scenario.rows]) {
        if (row.key in scenario) rows.push({ label: rowLabel(calc.t(labelKey(row, choices)), row.kind), value: scenario[row.key], kind: row.kind, result: true });
      }
    }
    return rows;
  }

  // The kept rows and the result's table as tab-separated text, for a spreadsheet.
  tableText() {
    const calc = this.calc;
    const number = new Intl.NumberFormat(calc.lang, { useGrouping: false, maximumFractionDigits: 10 });
    const plain = (value) => number.format(value);
    const rows = this.keptRows().map((row) => ("value" in row ? { ...row, unit: this.unitOf(row.kind) } : row));
    const lines = calc.lastReply ? calc.lastReply.result.table : [];
    const columns = calc.tableColumns(lines);
    let extra = null;
    if (lines.length && columns.length) {
      const cell = (col, line) => {
        if (!(col.key in line)) return "";
        return (calc.formats.kinds[col.kind] || {}).clock ? calc.figure(line[col.key], col.kind) : plain(line[col.key]);
      };
      const head = columns.map((col) => {
        const unit = this.unitOf(col.kind);
        const name = rowLabel(calc.t(col.label), col.kind);
        return unit ? `${name} (${unit})` : name;
      });
      extra = { caption: calc.tableCaption(), head, lines: lines.map((line) => columns.map((col) => cell(col, line))) };
    }
    return tabSeparated(rows, extra, plain);
  }

  async copyTable() {
    if (!this.available) return;
    await this.copy(this.tableText(), "action.table_copied");
  }

  // The print view's head: the term, the date in the reader's locale, the link and the inputs.
  fillPrint() {
    const calc = this.calc;
    const params = new URLSearchParams(location.search);
    const today = new Date();
    const date = calc.t(today.getDate() === 1 ? "format.date.first" : "format.date", dateParts(calc.lang, today));
    const list = el("dl");
    for (const row of this.keptRows().filter((r) => !r.result)) {
      list.append(el("dt", row.label), el("dd", "value" in row ? calc.fieldFigure(row.value, row.field) : row.text));
    }
    const link = el("p", `${calc.t("print.link")}: ${this.articleUrl(params)}`);
    link.className = "calc__print-link";
    calc.out("print").replaceChildren(
      el("h2", this.term),
      el("p", calc.t("print.date", { date })),
      link,
      el("h3", calc.t("print.inputs")),
      list,
    );
  }

  // Print only this calculator: the page's chrome and the article's other text are left out.
  print() {
    if (!this.available) return;
    const { root } = this.calc;
    this.fillPrint();
    document.body.classList.add("calc-printing");
    root.classList.add("calc--printing");
    const done = () => {
      document.body.classList.remove("calc-printing");
      root.classList.remove("calc--printing");
    };
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  }

  toggleEmbed(event) {
    const box = this.calc.root.querySelector(".calc__embed");
    box.hidden = !box.hidden;
    event.currentTarget.setAttribute("aria-expanded", String(!box.hidden));
    if (!box.hidden) {
      this.refreshEmbed();
      box.querySelector("textarea").select();
    }
  }
}
