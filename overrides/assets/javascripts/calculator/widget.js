// The calculator widget: the form's state, the request it sends and the reply it shows, row by row,
// with textContent in the page's language. Everything about a calculator (fields, rows, labels)
// comes from the page's JSON config, written at build time from the calculator's spec: nothing
// here names a calculator, a field or a mode.

import { benchmarkChart, dayChart } from "./charts.js";
import { el, table } from "./dom.js";
import { Formats } from "./formats.js";
import { HelpDesk } from "./help-desk.js";
import { holds, labelKey, rowLabel, template } from "./text.js";
import { expandSeries, fillFromLink, formChoices, replaceLink, typedValues, withParams } from "./url-state.js";
import { PythonWorker } from "./worker-client.js";

export class Calculator {
  // workerUrl: the worker script (calculator-worker.js beside the entry module).
  constructor(root, workerUrl) {
    this.root = root;
    this.config = JSON.parse(root.querySelector(".calc__config").textContent);
    this.lang = this.config.lang;
    this.formats = new Formats(this.lang, this.config.kinds, this.config.currencyCodes);
    this.t = (key, values = {}) => template(this.config.messages[key] || "", values);
    this.form = root.querySelector(".calc__form");
    this.results = root.querySelector(".calc__results");
    this.touched = new Set();
    this.pending = false;
    this.busy = false;
    this.python = new PythonWorker(workerUrl, this.workerEvents());
    this.helpDesk = new HelpDesk(this);
    const parts = new Intl.NumberFormat(this.lang).formatToParts(1234567.5);
    this.decimal = parts.find((p) => p.type === "decimal").value;
    this.group = parts.find((p) => p.type === "group").value;
    this.fromLink = fillFromLink(root, this.form, new URLSearchParams(location.search), (text) => this.formatPlain(text), this.touched);
    this.form.addEventListener("input", (event) => {
      if (event.target.name) this.touched.add(event.target.name);
      this.update();
    });
    this.form.addEventListener("change", () => this.update());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.on("retry", () => this.start(true));
    this.on("copy-link", () => this.helpDesk.copyLink());
    this.on("embed", (event) => this.helpDesk.toggleEmbed(event));
    this.on("copy-table", () => this.helpDesk.copyTable());
    this.on("print", () => this.helpDesk.print());
    window.addEventListener("beforeprint", () => this.helpDesk.fillPrint());
    this.syncChoices();
  }

  on(action, handler) {
    this.root.querySelector(`[data-action="${action}"]`).addEventListener("click", handler);
  }

  out(name) {
    return this.root.querySelector(`[data-out="${name}"]`);
  }

  // A canonical list's values one by one, in the reader's notation.
  seriesLines(canonical) {
    return expandSeries(canonical).map((value) => this.formatPlain(value));
  }

  formatPlain(canonical) {
    return this.formats.number(canonical.replace("+", ""), { maximumFractionDigits: 10 });
  }

  // The current value of every choice (select or radio group), by name.
  choices() {
    return formChoices(this.form, this.config.fields);
  }

  get currency() {
    return this.choices()[this.config.currencyField] || "USD";
  }

  // Show only what applies under the current choices, with the labels that go with them.
  syncChoices() {
    const choices = this.choices();
    const applies = (node) =>
      (!node.dataset.when || holds(node.dataset.when, choices)) && !(node.dataset.unless && holds(node.dataset.unless, choices));
    for (const node of this.root.querySelectorAll("[data-when], [data-unless]")) node.hidden = !applies(node);
    // A group none of whose fields applies is left out with them (the build does the same).
    for (const group of this.form.querySelectorAll(".calc__group")) {
      const fields = [...group.querySelectorAll("[data-field]")];
      group.hidden = !applies(group) || (fields.length > 0 && fields.every((field) => field.hidden));
    }
    const currency = this.currency;
    for (const field of this.config.fields) {
      const wrapper = this.form.querySelector(`[data-field="${field.name}"]`);
      const label = wrapper && wrapper.querySelector("label, legend");
      if (label && field.kind !== "choice") label.firstChild.textContent = this.t(labelKey(field, choices), { currency });
    }
    for (const row of this.config.results) {
      const label = this.root.querySelector(`[data-row="${row.key}"] [data-label]`);
      if (label) label.textContent = rowLabel(this.t(labelKey(row, choices), this.config.benchmark), row.kind);
    }
    for (const input of this.form.querySelectorAll("[data-prefill=rates]")) this.prefillRate(input, currency);
    for (const unit of this.root.querySelectorAll("[data-unit]")) unit.textContent = currency;
    this.syncSolve(choices);
  }

  // The "solve for" control: a field can be chosen while it applies; the chosen field is filled in
  // by the calculator (read-only), and the target's label names the main result.
  syncSolve(choices) {
    const select = this.root.querySelector("[data-solve-field]");
    if (!select) return;
    for (const option of select.options) {
      if (option.value) option.textContent = this.fieldLabel(option.value);
    }
    if (select.selectedOptions[0] && select.selectedOptions[0].hidden) select.value = "";
    const chosen = select.value;
    this.root.querySelector("[data-solve-box]").hidden = !chosen;
    const main = this.config.results.find((row) => row.main);
    this.root.querySelector("[data-solve-label]").textContent = this.t("solve.target", {
      result: rowLabel(this.t(labelKey(main, choices), this.config.benchmark), main.kind),
    });
    for (const input of this.form.querySelectorAll("input[name]:not([type=radio])")) {
      const solved = input.name === chosen;
      if (input.readOnly !== solved) input.readOnly = solved;
      input.closest("[data-field]").classList.toggle("calc__field--solved", solved);
    }
    if (!chosen) {
      this.out("solve").textContent = "";
      this.showSolveError(null);
    }
  }

  solveRequest() {
    const select = this.root.querySelector("[data-solve-field]");
    if (!select || !select.value) return {};
    return { solve: select.value, target: this.root.querySelector("[data-solve-target]").value };
  }

  // An exchange-rate field starts from the indicative rate of the chosen currency, until typed in.
  prefillRate(input, currency) {
    if (input.dataset.currency === currency) return;
    if (!this.touched.has(input.name) || input.dataset.currency) {
      const rate = this.config.rates[currency];
      input.value = rate && rate !== "1" ? this.formatPlain(rate) : "";
      this.touched.delete(input.name);
    }
    input.dataset.currency = currency;
  }

  start(retry = false) {
    if (this.python.started && !retry) return;
    if (this.beforeStart) this.beforeStart(); // started: no more intents to watch
    this.busy = false;
    this.pending = false;
    this.setState("loading");
    this.status(this.t("widget.loading"), 0);
    const assets = new URL(this.root.dataset.assets, location.href);
    this.python.start({
      pyodideUrl: new URL(this.root.dataset.pyodide, assets).href,
      wheelUrl: new URL(this.root.dataset.wheel, assets).href,
      // The reader asked for less data: the worker treats it as Save-Data (no snapshot download).
      reduceData: matchMedia("(prefers-reduced-data: reduce)").matches,
    });
  }

  // What the worker client hands on: progress, Python ready, an answer, a failure.
  workerEvents() {
    return {
      progress: (percent) => this.status(this.t("widget.progress", { percent }), percent),
      ready: () => {
        this.setState("ready");
        this.status(this.t("widget.ready"));
        this.update();
      },
      result: (reply, failure) => {
        this.busy = false;
        if (failure) this.keepFailure(failure);
        this.render(reply);
        if (this.pending) this.update();
        this.showBusy();
      },
      failed: (reason) => this.fail(reason),
    };
  }

  // The live region is busy while an answer is on its way, so that a screen reader announces the
  // answer to the reader's last entry, not the ones it replaced (and a script can wait for it).
  showBusy() {
    this.results.setAttribute("aria-busy", String(this.busy));
  }

  // Why Python failed, for a maintainer: the console and the widget's data-failure attribute.
  keepFailure(reason) {
    this.root.dataset.failure = String(reason || "unknown").slice(0, 2000);
    console.warn("calculator:", this.root.dataset.failure);
  }

  fail(reason) {
    this.python.stop();
    this.busy = false;
    this.pending = false;
    this.showBusy();
    this.keepFailure(reason);
    this.setState("error");
    this.status(this.t("widget.failed"));
  }

  setState(state) {
    this.root.dataset.state = state;
    this.root.querySelector('[data-action="retry"]').hidden = state !== "error";
    this.helpDesk.sync();
  }

  status(text, percent) {
    this.root.querySelector("[data-status-text]").textContent = text;
    const bar = this.root.querySelector("[data-progress]");
    bar.hidden = percent === undefined;
    if (percent !== undefined) bar.value = percent;
  }

  request() {
    const values = { ...this.choices(), ...typedValues(this.form) };
    const digits = new Intl.NumberFormat(this.lang, { style: "currency", currency: this.currency })
      .resolvedOptions().maximumFractionDigits;
    return {
      calculator: this.root.dataset.calculator,
      ...this.solveRequest(),
      values,
      decimal: this.decimal,
      group: this.group,
      currency: this.currency,
      digits,
    };
  }

  update() {
    this.syncChoices();
    if (this.root.dataset.state !== "ready") {
      this.start();
      return;
    }
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.pending = false;
    this.busy = true;
    this.python.compute(this.request());
    this.showBusy();
  }

  // ---- results -------------------------------------------------------------------------------
  figure(value, kind) {
    return this.formats.figure(value, kind, this.currency, this.t);
  }

  render(reply) {
    const errors = reply.errors || {};
    for (const element of this.root.querySelectorAll("[data-error-for]")) {
      const name = element.dataset.errorFor;
      const error = errors[name];
      const input = this.form.elements[name];
      const visible = error && (error.code !== "empty" || this.touched.has(name));
      element.hidden = !visible;
      element.textContent = visible ? this.errorText(error, name) : "";
      if (input) input.setAttribute("aria-invalid", visible ? "true" : "false");
    }
    const result = reply.result;
    this.lastReply = result ? reply : null;
    this.renderSolve(reply.solve);
    this.renderRows(result ? result.values : {}, errors._);
    if (!result) {
      this.root.dataset.resultState = errors._ ? "failed" : "empty";
      for (const name of ["source", "comparison", "chart", "shares", "scenario", "table", "carry"]) this.out(name).replaceChildren();
      this.out("formula").hidden = true;
      this.helpDesk.sync(); // no result: nothing of the last one to copy, print or embed
      return;
    }
    this.renderFormula(this.given(reply), result.values);
    delete this.root.dataset.failure;
    this.root.dataset.resultState = "ok";
    this.out("source").textContent = result.source ? this.t(`result.source.${result.source}`) : "";
    this.out("comparison").textContent = this.comparisonText(result);
    this.renderChart(this.out("chart"), result);
    this.renderShares(this.out("shares"), result.shares);
    this.renderScenario(this.out("scenario"), result.scenario);
    this.renderTable(this.out("table"), result.table);
    this.renderCarry(this.out("carry"), result.carry);
    this.helpDesk.sync();
    this.writeLink(reply.link);
  }

  // Every result row of the spec: shown with its value, or hidden; the first keeps a placeholder.
  renderRows(values, failure) {
    this.config.results.forEach((row, index) => {
      const output = this.root.querySelector(`[data-result="${row.key}"]`);
      const container = output.closest("[data-row]");
      if (row.key in values) {
        output.textContent = this.figure(values[row.key], row.kind);
        output.dataset.value = values[row.key];
        container.hidden = false;
      } else {
        delete output.dataset.value;
        output.textContent = index === 0 ? this.t(failure ? "error.compute_failed" : "result.placeholder") : "";
        container.hidden = index !== 0;
      }
    });
  }

  // The solved value goes into its field; a refused target says why, in the reader's language.
  renderSolve(solve) {
    const answer = this.out("solve");
    if (!answer) return;
    if (!solve) {
      answer.textContent = "";
      this.showSolveError(null);
      return;
    }
    const field = this.config.fields.find((f) => f.name === solve.field);
    const main = this.config.results.find((row) => row.main);
    const label = this.fieldLabel(solve.field);
    const input = this.form.elements[solve.field];
    // The solved value (or, with solve_inexact, the nearest whole one) goes into its field.
    if (input && "value" in solve) input.value = this.formatPlain(solve.value);
    if (solve.error) {
      answer.textContent = "";
      const values = {
        ...solve.error,
        field: label,
        target: solve.target ? this.figure(solve.target, main.kind) : "",
        nearest: solve.error.nearest ? this.fieldFigure(solve.error.nearest, field) : "",
        result: solve.error.result ? this.figure(solve.error.result, main.kind) : "",
      };
      this.showSolveError(this.t(`error.${solve.error.code}`, { ...values, other: this.fieldLabel(solve.error.other || "") })
        || this.errorText(solve.error));
      return;
    }
    this.showSolveError(null);
    if (!("value" in solve)) return;
    answer.textContent = this.t("solve.answer", {
      target: this.figure(solve.target, main.kind), field: label, value: this.fieldFigure(solve.value, field),
    });
  }

  showSolveError(text) {
    const box = this.root.querySelector("[data-solve-error]");
    if (!box) return;
    box.hidden = !text;
    box.textContent = text || "";
    this.root.querySelector("[data-solve-target]").setAttribute("aria-invalid", text ? "true" : "false");
  }

  // A field's canonical value as the reader reads it: money in the currency (whole amounts without
  // cents), counts, percentages, times with their unit, a choice's unit.
  fieldFigure(value, field) {
    const kind = field ? field.kind : "number";
    if (kind === "choice" && field.unit === "clock") return this.formats.clock(Number(value) * 60);
    if (kind === "choice") return field.unit ? this.formats.unit(value, field.unit.replace(/s$/, ""), 0) : value;
    if (kind === "series") return this.seriesLines(value).join("; ");
    if (kind === "money" || kind === "count" || kind === "percent") return this.figure(value, kind);
    const unit = (this.formats.kinds[kind] || {}).unit || "";
    if (unit.startsWith("duration-")) return this.formats.unit(value, unit, 2, 0);
    return this.formats.number(value, { maximumFractionDigits: 4 });
  }

  // The article's formula with the reader's figures: {name} is a field or a result row ("_" for "-").
  formulaText(link, values) {
    const choices = this.choices();
    const formula = (this.config.formula || []).find((f) => !f.when || holds(f.when, choices));
    if (!formula || !(formula.result in values)) return "";
    const text = this.t(formula.template);
    let complete = Boolean(text);
    const filled = text.replace(/\{(\w+)\}/g, (whole, name) => {
      const field = this.config.fields.find((f) => f.name === name);
      if (field && name in link) return this.fieldFigure(link[name], field);
      const key = name.replace(/_/g, "-");
      const row = this.config.results.find((r) => r.key === key);
      if (row && key in values) return this.figure(values[key], row.kind);
      complete = false;
      return whole;
    });
    return complete ? filled : "";
  }

  // The figures the computation used: the link's, with a total that a breakdown summed.
  given(reply) {
    return { ...reply.link, ...(reply.result.totals || {}) };
  }

  renderFormula(link, values) {
    const text = this.formulaText(link, values);
    const box = this.out("formula");
    box.hidden = !text;
    box.querySelector("[data-formula]").textContent = text;
  }

  errorText(error, name = "") {
    const example = this.formatPlain("1234.5");
    const other = error.other ? this.fieldLabel(error.other) : "";
    // A limit the calculator names ("at most 3 600 s") in the field's own terms, where the catalog
    // has the code's "_max" wording.
    const limited = error.max !== undefined && `error.${error.code}_max` in this.config.messages;
    const field = this.config.fields.find((f) => f.name === name);
    const max = limited ? this.fieldFigure(error.max, field) : error.max;
    const text = this.t(`error.${error.code}${limited ? "_max" : ""}`, { ...error, example, other, places: error.places || "", max });
    return text || this.t("error.unknown");
  }

  fieldLabel(name) {
    const field = this.config.fields.find((f) => f.name === name);
    return field ? this.t(labelKey(field, this.choices()), { currency: this.currency }) : name;
  }

  benchmarkText(b, currency = b.currency) {
    return this.formats.moneyRange(b.low, b.high, currency, this.t);
  }

  // The benchmark as the reader compares it: converted into the reader's currency at the rate in
  // the form (the reply's "local" amounts), or as quoted when the currencies are the same.
  benchmarkShown(c) {
    if (c.local) return this.benchmarkText(c.local, this.currency);
    return this.config.benchmark.value || this.benchmarkText(c.benchmark);
  }

  // Under the chart: the benchmark's own currency and the rate used, and whose market it is not.
  benchmarkNotes(c) {
    const notes = [];
    if (c.local) {
      notes.push(this.t("chart.converted", {
        usd: this.config.benchmark.value || this.benchmarkText(c.benchmark),
        rate: this.formats.money(c.rate, this.currency),
      }));
    }
    const foreign = c.benchmark.foreign || [];
    if (foreign.includes(this.currency) || foreign.includes(this.config.homeCurrency)) notes.push(this.t("chart.market"));
    return notes.filter(Boolean);
  }

  comparisonText(result) {
    // A stated assumption reads as on the article: "Assumption: …" (its text goes on from the colon).
    const note = (key) => (key.startsWith("assumption.") ? `${this.t("table.assumption")}: ${this.t(key)}` : this.t(key));
    const notes = (result.notes || []).map(note);
    if (result.band) {
      const texts = this.config.benchmark || {};
      const values = { ...texts, range: texts.value, target: texts.value };
      notes.unshift(this.t(`band.${this.root.dataset.calculator}.${result.band}`, values));
    }
    const c = result.comparison;
    if (c && c.position) {
      const benchmark = this.benchmarkShown(c);
      notes.unshift(this.t(`compare.${c.position}`, { percent: this.formats.percent(c.percent), benchmark }));
    }
    return notes.filter(Boolean).join(" ");
  }

  renderShares(box, shares) {
    if (!shares || !shares.length) return box.replaceChildren();
    const rows = shares.map((p) => [this.t(`component.${p.key}`), this.figure(p.value, "money"), this.formats.percent(p.percent)]);
    box.replaceChildren(table([this.t("result.share"), "", ""], rows));
  }

  renderScenario(box, scenario) {
    const spec = this.config.scenario;
    if (!scenario || !spec) return box.replaceChildren();
    const choices = this.choices();
    const rows = [...spec.assumptions, ...spec.rows].filter((row) => row.key in scenario);
    const list = el("dl");
    list.replaceChildren(
      ...rows.flatMap((row) => [
        el("dt", rowLabel(this.t(labelKey(row, choices)), row.kind)),
        el("dd", this.figure(scenario[row.key], row.kind)),
      ]),
    );
    // The share the reader chose (or the default) and the default an empty field counts as, with
    // only the decimals they have: "70 %", "75,5 %".
    const percent = (value) => this.formats.number(Number(value) / 100, { style: "percent", maximumFractionDigits: 1 });
    const share = scenario[spec.share] ? percent(scenario[spec.share]) : "";
    const note = el("p", `${this.t("table.assumption")}: ${this.t(spec.assumption, { share, default: percent(spec.defaultShare) })}`);
    note.className = "calc__assumption";
    box.replaceChildren(list, note);
  }

  // Only the columns some line has (a model's optional figure, such as abandonment; a column of
  // another choice: the bridge leaves it out).
  tableColumns(lines) {
    return this.config.table.filter((col) => (lines || []).some((line) => col.key in line));
  }

  tableCaption() {
    return this.t(labelKey({ label: this.config.tableCaption, labels: this.config.tableLabels }, this.choices()));
  }

  renderTable(box, lines) {
    const columns = this.tableColumns(lines);
    if (!lines || !lines.length || !columns.length) return box.replaceChildren();
    const rows = lines.map((line) => columns.map((col) => (col.key in line ? this.figure(line[col.key], col.kind) : this.t("format.empty"))));
    const headers = columns.map((col) => rowLabel(this.t(col.label), col.kind));
    const grid = table(headers, rows, this.tableCaption());
    // The line of the main result in bold: the agents chosen, or the peak of a day.
    const main = this.config.results.find((row) => row.main);
    const chosen = this.root.querySelector(`[data-result="${main.key}"]`).dataset.value;
    lines.forEach((line, index) => {
      if (line[main.key] === chosen) grid.rows[index + 1].classList.add("calc__chosen");
    });
    box.replaceChildren(grid);
  }

  // Links that open the next calculator with the reader's figures (same language, canonical values).
  renderCarry(box, carries) {
    if (!carries || !carries.length) return box.replaceChildren();
    const base = new URL(this.root.dataset.glossary, location.href);
    const links = carries.map((carry) => {
      const href = withParams(new URL(`${carry.calculator}/`, base).href, carry.params, "calculator");
      // A link with figures continues with them; one without (a related calculator) just goes on.
      const key = Object.keys(carry.params).length ? "carry.open" : "carry.next";
      const link = el("a", this.t(key, { term: this.t(`term.${carry.calculator}`) }));
      link.href = href;
      if (window.top !== window) link.target = "_blank";
      return link;
    });
    box.replaceChildren(...links.flatMap((link, i) => (i ? [" · ", link] : [link])));
  }

  // The day's bars where the spec draws them under these choices, else the main result against
  // its benchmark (charts.js).
  renderChart(box, result) {
    const bars = this.config.chart;
    const day = bars && holds(bars.when, this.choices());
    box.replaceChildren(...(day ? dayChart(this, result.table, bars.key) : benchmarkChart(this, result)));
  }

  // The link takes the result's figures, and so do the embed's "open the full article" link and,
  // while it is open, the embed code.
  writeLink(link) {
    this.helpDesk.update(replaceLink(link));
  }
}
