// Calculator widgets: start Python (Pyodide in a Web Worker) early, send what the reader types,
// show the results with textContent in the page's language. The page never waits for Python.
// Everything about a calculator (fields, rows, labels) comes from the page's JSON config, written at
// build time from the calculator's spec: nothing here names a calculator, a field or a mode.
(() => {
  "use strict";

  const STALL_LIMIT_MS = 15000; // no progress for this long: Python cannot start here
  const ANSWER_LIMIT_MS = 10000; // no answer to a computation for this long: the worker is gone
  const SVG = "http://www.w3.org/2000/svg";
  const workerUrl = new URL("calculator-worker.js", document.currentScript.src);
  const canonicalText = /^\+?\d{1,30}(\.\d{1,10})?$/;
  // A list in a link's canonical form: values joined by "_", a run of equal values as "<value>x<n>".
  const canonicalSeries = /^\d{1,30}(\.\d{1,10})?(x\d{1,3})?(_\d{1,30}(\.\d{1,10})?(x\d{1,3})?)*$/;
  const MAX_SERIES_TEXT = 4000; // longest list a link may fill in (96 values of five digits and more)
  const expandSeries = (text) =>
    text.split("_").flatMap((part) => {
      const [value, times] = part.split("x");
      return Array(times === undefined ? 1 : Math.min(Number(times), 999)).fill(value);
    });

  const template = (text, values) =>
    text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));

  // "name=value name2=value2" holds when every named choice has its value.
  const holds = (condition, choices) =>
    condition.split(" ").every((pair) => {
      const [name, value] = pair.split("=");
      return choices[name] === value;
    });

  // A row's label without the unit in brackets that its figure already shows ("Traffic (erlangs)").
  const UNIT_KINDS = new Set(["percent", "seconds", "erlangs"]);
  const rowLabel = (text, kind) => (UNIT_KINDS.has(kind) ? text.replace(/\s*\([^()]*\)$/, "") : text);

  // The label key of a field or row under the current choices: [[choice, value, key], ...].
  const labelKey = (item, choices) => {
    const match = (item.labels || []).find(([name, value]) => choices[name] === value);
    return match ? match[2] : item.label;
  };

  // Every kind of figure as calculators/kinds.py declares it (the page's config carries the table):
  // its decimals, unit, whether money is shown in whole units from an amount up, how a duration is
  // written. The build formats the same table with Babel, so a figure reads the same in both.
  class Formats {
    // codes: the currencies this language names by ISO code, not CLDR's symbol (vi: "USD", not "US$").
    constructor(lang, kinds = {}, codes = []) {
      this.lang = lang;
      this.kinds = kinds;
      this.codes = codes;
    }

    // Grouped as the build groups ("1.234" in it, where ICU alone would write "1234").
    number(value, options = {}) {
      return new Intl.NumberFormat(this.lang, { useGrouping: "always", ...options }).format(value);
    }

    currencyDigits(currency) {
      return new Intl.NumberFormat(this.lang, { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
    }

    money(value, currency, digits) {
      const options = { style: "currency", currency, currencyDisplay: this.codes.includes(currency) ? "code" : "symbol" };
      if (digits !== undefined) Object.assign(options, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      return this.number(value, options);
    }

    // A number and a CLDR unit ("duration-second" or "second") after a no-break space: "36,0 s".
    unit(value, unit, places, fewest = places) {
      const options = {
        style: "unit", unit: unit.replace(/^duration-/, ""), unitDisplay: "short",
        minimumFractionDigits: fewest, maximumFractionDigits: places,
      };
      return this.number(value, options).replace(/ /g, "\u00a0");
    }

    percent(value, places = 1) {
      return this.number((Number(value) / 100).toFixed(6), {
        style: "percent",
        minimumFractionDigits: places,
        maximumFractionDigits: places,
      });
    }

    // Minutes and seconds side by side, never with a list comma: "3 min 30 s", "3 phút 30 giây".
    duration(seconds, parts = ["duration-minute", "duration-second"]) {
      const whole = Math.round(Number(seconds));
      const minutes = Math.floor(whole / 60);
      const rest = whole % 60;
      const shown = minutes ? [this.unit(minutes, parts[0], 0)] : [];
      if (rest || !minutes) shown.push(this.unit(rest, parts[1], 0));
      return shown.join(" ");
    }

    // Minutes after midnight as the locale writes a time of day ("08:30"), as Babel's short time.
    clock(minutes) {
      const whole = ((Math.round(Number(minutes)) % 1440) + 1440) % 1440;
      const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" };
      return new Intl.DateTimeFormat(this.lang, options).format(new Date(Date.UTC(1970, 0, 1, 0, whole)));
    }

    // The decimals an amount of a money kind is shown with: its own or the currency's, none on a
    // large sum (from the kind's whole_from up).
    moneyDigits(value, currency, k = this.kinds.money) {
      const digits = k.places === null ? this.currencyDigits(currency) : k.places;
      return k.whole_from !== null && Math.abs(Number(value)) >= k.whole_from ? 0 : digits;
    }

    // A money range with the currency once, written with the catalog's range message; both ends
    // with the decimals the high one is shown with (none on a large sum), as the build writes it.
    moneyRange(low, high, currency, t) {
      if (Number(low) === Number(high)) return this.money(low, currency);
      const digits = this.moneyDigits(high, currency);
      const plain = (v) => this.number(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      const text = this.money(high, currency, digits);
      return text.replace(plain(high), t("range", { low: plain(low), high: plain(high) }));
    }

    // A figure of the given kind (the spec's Kind); t is the message lookup for units without CLDR names.
    figure(value, kind, currency, t) {
      const k = this.kinds[kind] || this.kinds.number;
      if (k.duration) return this.duration(value, k.parts);
      if (k.clock) return this.clock(value);
      if (k.unit === "currency") return this.money(value, currency, this.moneyDigits(value, currency, k));
      if (k.unit === "percent") return this.percent(value, k.places);
      if (k.unit.startsWith("duration-")) return this.unit(value, k.unit, k.places, k.fewest);
      const options = { minimumFractionDigits: k.fewest, maximumFractionDigits: k.places };
      const number = this.number(value, options);
      return k.unit ? t(k.unit, { value: number }).replace(`${number} `, `${number}\u00a0`) : number;
    }

    // The unit of a kind on its own (a copied table's unit column): "%", Intl's short name of a time.
    unitName(kind, currency, t) {
      const k = this.kinds[kind] || {};
      if (k.unit === "currency") return currency;
      if (k.unit === "percent") return "%";
      if (!k.unit) return "";
      if (!k.unit.startsWith("duration-")) return t(k.unit, { value: "" }).trim();
      const parts = new Intl.NumberFormat(this.lang, { style: "unit", unit: k.unit.replace(/^duration-/, ""), unitDisplay: "short" }).formatToParts(1);
      return parts.filter((p) => p.type === "unit").map((p) => p.value).join("").trim();
    }
  }

  class Calculator {
    constructor(root) {
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
      this.nextId = 1;
      const parts = new Intl.NumberFormat(this.lang).formatToParts(1234567.5);
      this.decimal = parts.find((p) => p.type === "decimal").value;
      this.group = parts.find((p) => p.type === "group").value;
      this.fromLink = this.readLink();
      this.form.addEventListener("input", (event) => {
        if (event.target.name) this.touched.add(event.target.name);
        this.update();
      });
      this.form.addEventListener("change", () => this.update());
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.on("retry", () => this.start(true));
      this.on("copy-link", () => this.copyLink());
      this.on("embed", (event) => this.toggleEmbed(event));
      this.on("copy-table", () => this.copyTable());
      this.on("print", () => this.print());
      window.addEventListener("beforeprint", () => this.fillPrint());
      this.syncChoices();
    }

    on(action, handler) {
      this.root.querySelector(`[data-action="${action}"]`).addEventListener("click", handler);
    }

    out(name) {
      return this.root.querySelector(`[data-out="${name}"]`);
    }

    // Fill the form from the page URL: values are data, set as input values, never as markup.
    readLink() {
      const params = new URLSearchParams(location.search);
      let found = false;
      const solve = this.root.querySelector("[data-solve-field]");
      if (solve && params.has("solve")) {
        const raw = params.get("solve");
        if ([...solve.options].some((o) => o.value === raw)) solve.value = raw;
        const target = (params.get("target") || "").trim().slice(0, 200);
        const input = this.root.querySelector("[data-solve-target]");
        input.value = canonicalText.test(target) ? this.formatPlain(target) : target;
        found = true;
      }
      for (const input of this.form.querySelectorAll("input[name], select[name], textarea[name]")) {
        if (!params.has(input.name)) continue;
        const raw = params.get(input.name).slice(0, input.tagName === "TEXTAREA" ? MAX_SERIES_TEXT : 200);
        found = true;
        if (input.type === "radio") {
          const group = [...this.form.querySelectorAll("input[type=radio]")].filter((r) => r.name === input.name);
          if (group.some((r) => r.value === raw)) input.checked = input.value === raw;
        } else if (input.tagName === "SELECT") {
          if ([...input.options].some((o) => o.value === raw)) input.value = raw;
        } else if (input.tagName === "TEXTAREA") {
          // A list: one value a line in the reader's notation (a canonical list is expanded).
          input.value = canonicalSeries.test(raw.trim()) ? this.seriesLines(raw.trim()).join("\n") : raw;
          this.touched.add(input.name);
        } else {
          input.value = canonicalText.test(raw.trim()) ? this.formatPlain(raw.trim()) : raw;
          this.touched.add(input.name);
          const group = input.closest("details");
          if (group) group.open = true; // a link's figures are never hidden in a closed group
        }
      }
      return found;
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
      const choices = {};
      for (const field of this.config.fields) {
        if (field.kind !== "choice") continue;
        const control = this.form.elements[field.name];
        if (control) choices[field.name] = control.value;
      }
      return choices;
    }

    get currency() {
      return this.choices()[this.config.currencyField] || "USD";
    }

    // Show only what applies under the current choices, with the labels that go with them.
    syncChoices() {
      const choices = this.choices();
      for (const node of this.root.querySelectorAll("[data-when], [data-unless]")) {
        const when = node.dataset.when ? holds(node.dataset.when, choices) : true;
        const unless = node.dataset.unless ? holds(node.dataset.unless, choices) : false;
        node.hidden = !when || unless;
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
      if (this.worker && !retry) return;
      if (waiting.has(this.root)) waiting.get(this.root)(); // started: no more intents to watch
      if (this.worker) this.worker.terminate();
      this.busy = false;
      this.pending = false;
      this.setState("loading");
      this.status(this.t("widget.loading"), 0);
      const assets = new URL(this.root.dataset.assets, location.href);
      this.worker = new Worker(workerUrl, { type: "module" });
      this.worker.onmessage = ({ data }) => this.onMessage(data);
      this.worker.onerror = (event) => this.fail(event.message || "worker error");
      this.armStallTimer();
      this.worker.postMessage({
        type: "start",
        pyodideUrl: new URL(this.root.dataset.pyodide, assets).href,
        wheelUrl: new URL(this.root.dataset.wheel, assets).href,
        // The reader asked for less data: the worker treats it as Save-Data (no snapshot download).
        reduceData: matchMedia("(prefers-reduced-data: reduce)").matches,
      });
    }

    armStallTimer() {
      clearTimeout(this.stallTimer);
      this.stallTimer = setTimeout(() => this.fail("no progress for 15 s"), STALL_LIMIT_MS);
    }

    onMessage(data) {
      if (data.type === "progress") {
        this.armStallTimer();
        this.status(this.t("widget.progress", { percent: data.percent }), data.percent);
      } else if (data.type === "ready") {
        clearTimeout(this.stallTimer);
        this.setState("ready");
        this.status(this.t("widget.ready"));
        this.update();
      } else if (data.type === "failed") {
        this.fail(data.reason);
      } else if (data.type === "result" && data.id === this.lastId) {
        clearTimeout(this.answerTimer);
        this.busy = false;
        if (data.failure) this.keepFailure(data.failure);
        this.render(data.reply);
        if (this.pending) this.update();
        this.showBusy();
      }
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
      clearTimeout(this.stallTimer);
      clearTimeout(this.answerTimer);
      if (this.worker) this.worker.terminate();
      this.worker = null;
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
    }

    status(text, percent) {
      this.root.querySelector("[data-status-text]").textContent = text;
      const bar = this.root.querySelector("[data-progress]");
      bar.hidden = percent === undefined;
      if (percent !== undefined) bar.value = percent;
    }

    request() {
      const values = this.choices();
      for (const input of this.form.querySelectorAll("input[name]:not([type=radio]), textarea[name]")) {
        if (!input.closest("[hidden]")) values[input.name] = input.value;
      }
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
      this.lastId = this.nextId++;
      this.worker.postMessage({ type: "compute", id: this.lastId, request: this.request() });
      this.showBusy();
      // A worker that exits mid-computation sends nothing, not even an error: give up on it, so that
      // Retry starts a new one and recomputes the current inputs.
      clearTimeout(this.answerTimer);
      this.answerTimer = setTimeout(() => this.fail("no answer to a computation"), ANSWER_LIMIT_MS);
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
        element.textContent = visible ? this.errorText(error) : "";
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
      const input = this.form.elements[solve.field];
      if (input) input.value = this.formatPlain(solve.value);
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

    errorText(error) {
      const example = this.formatPlain("1234.5");
      const other = error.other ? this.fieldLabel(error.other) : "";
      const text = this.t(`error.${error.code}`, { ...error, example, other, places: error.places || "" });
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
      const notes = (result.notes || []).map((key) => this.t(key));
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
      // A share the reader chose or the default, with only the decimals it has: "70 %", "75,5 %".
      const share = scenario[spec.share]
        ? this.formats.number(Number(scenario[spec.share]) / 100, { style: "percent", maximumFractionDigits: 1 })
        : "";
      const note = el("p", `${this.t("table.assumption")}: ${this.t(spec.assumption, { share })}`);
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
      const rows = lines.map((line) => columns.map((col) => (col.key in line ? this.figure(line[col.key], col.kind) : "–")));
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
        const url = new URL(`${carry.calculator}/`, base);
        url.search = new URLSearchParams(carry.params).toString();
        url.hash = "calculator";
        // A link with figures continues with them; one without (a related calculator) just goes on.
        const key = Object.keys(carry.params).length ? "carry.open" : "carry.next";
        const link = el("a", this.t(key, { term: this.t(`term.${carry.calculator}`) }));
        link.href = url.href;
        if (window.top !== window) link.target = "_blank";
        return link;
      });
      box.replaceChildren(...links.flatMap((link, i) => (i ? [" · ", link] : [link])));
    }

    // A small bar chart of the main result against a money benchmark (a band for a range, a line for
    // an average) on one scale in the reader's currency (the benchmark converted at the form's rate);
    // the text alternative says it in words, and the notes below say how the benchmark was converted.
    renderChart(box, result) {
      const bars = this.config.chart;
      if (bars && holds(bars.when, this.choices())) return this.renderBars(box, result.table, bars.key);
      const c = result.comparison;
      const main = this.config.results[0];
      if (!c || !c.position || !(main.key in result.values)) return box.replaceChildren();
      const mainValue = result.values[main.key];
      const value = Number(mainValue);
      const scale = c.local || c.benchmark;
      const low = Number(scale.low);
      const high = Number(scale.high);
      const max = Math.max(value, high) * 1.2 || 1;
      const x = (v) => 2 + (Math.min(v, max) / max) * 316;
      const benchmark = this.benchmarkShown(c);
      const shown = this.figure(mainValue, main.kind);
      const alt = this.t("chart.alt", { result: shown, benchmark });
      const svg = svgNode("svg", { viewBox: "0 0 320 84", role: "img", "aria-label": alt });
      svg.append(svgNode("title", {}, alt));
      svg.append(svgNode("text", { x: 2, y: 12 }, `${this.t("chart.benchmark")}: ${benchmark}`));
      if (low === high) svg.append(svgNode("rect", { class: "calc-chart__mark", x: x(low) - 1.5, y: 17, width: 3, height: 62 }));
      else svg.append(svgNode("rect", { class: "calc-chart__band", x: x(low), y: 17, width: x(high) - x(low), height: 18 }));
      svg.append(svgNode("text", { x: 2, y: 56 }, `${this.t("chart.you")}: ${shown}`));
      svg.append(svgNode("rect", {
        class: `calc-chart__bar calc-chart__bar--${c.position}`, x: 2, y: 61, width: Math.max(x(value) - 2, 2), height: 18,
      }));
      const notes = this.benchmarkNotes(c).map((text) => Object.assign(el("p", text), { className: "calc__chart-note" }));
      box.replaceChildren(svg, ...notes);
    }

    // A bar per line of the table: the column `key` (agents through a day) against the first column
    // (the interval's start), with the peak and the first and last starts written under it. Sizes
    // are SVG attributes, never inline styles (the page's CSP allows none).
    renderBars(box, lines, key) {
      const column = this.config.table.find((col) => col.key === key);
      const first = this.tableColumns(lines)[0];
      if (!column || !first || !lines.length || first.key === key) return box.replaceChildren();
      const values = lines.map((line) => Number(line[key] || 0));
      const peak = Math.max(...values);
      const top = 20;
      const height = 90;
      const width = 316 / lines.length;
      const label = (line) => this.figure(line[first.key], first.kind);
      const peakLine = lines[values.indexOf(peak)];
      const alt = this.t("chart.bars_alt", {
        what: rowLabel(this.t(column.label), column.kind),
        peak: this.figure(String(peak), column.kind),
        at: label(peakLine),
        from: label(lines[0]),
        to: label(lines[lines.length - 1]),
      });
      const svg = svgNode("svg", { viewBox: `0 0 320 ${top + height + 20}`, role: "img", "aria-label": alt, class: "calc-chart--bars" });
      svg.append(svgNode("title", {}, alt));
      svg.append(svgNode("text", { x: 2, y: 13 }, `${rowLabel(this.t(column.label), column.kind)}: ${this.figure(String(peak), column.kind)} (${label(peakLine)})`));
      values.forEach((value, index) => {
        const h = peak ? (value / peak) * height : 0;
        svg.append(svgNode("rect", {
          class: `calc-chart__bar${value === peak ? " calc-chart__bar--peak" : ""}`,
          x: (2 + index * width).toFixed(2), y: (top + height - h).toFixed(2),
          width: Math.max(width - (lines.length > 48 ? 0.3 : 0.8), 0.5).toFixed(2), height: Math.max(h, 0).toFixed(2),
        }));
      });
      svg.append(svgNode("line", { class: "calc-chart__axis", x1: 2, x2: 318, y1: top + height + 0.5, y2: top + height + 0.5 }));
      svg.append(svgNode("text", { x: 2, y: top + height + 16 }, label(lines[0])));
      svg.append(svgNode("text", { x: 318, y: top + height + 16, "text-anchor": "end" }, label(lines[lines.length - 1])));
      box.replaceChildren(svg);
    }

    writeLink(link) {
      const params = new URLSearchParams(link);
      const url = new URL(location.href);
      url.search = params.toString();
      history.replaceState(history.state, "", url);
      this.out("embed").value = this.embedSnippet(params);
      this.out("embed-text").value = this.summaryText(params);
      // The embed page's "open the full article" link opens it with the reader's numbers.
      for (const link of document.querySelectorAll("a[data-article-link]")) link.href = this.articleUrl(params);
    }

    // The article's own URL with these parameters (for editors that take no iframe, and for print).
    articleUrl(params) {
      const url = new URL(`${this.root.dataset.calculator}/`, new URL(this.root.dataset.glossary, location.href));
      url.search = params.toString();
      url.hash = "calculator";
      return url.href;
    }

    // For Intercom and other editors without iframes: the result in words, the formula and the link.
    summaryText(params) {
      const lines = [this.t(`term.${this.root.dataset.calculator}`)];
      const reply = this.lastReply;
      if (reply) {
        const choices = this.choices();
        for (const row of this.config.results) {
          if (row.main && row.key in reply.result.values) {
            const label = rowLabel(this.t(labelKey(row, choices), this.config.benchmark), row.kind);
            lines.push(`${label}: ${this.figure(reply.result.values[row.key], row.kind)}`);
          }
        }
        const formula = this.formulaText(this.given(reply), reply.result.values);
        if (formula) lines.push(formula);
      }
      lines.push(this.t("embed.summary.link", { link: this.articleUrl(params) }));
      return lines.join("\n");
    }

    embedSnippet(params) {
      const url = new URL(this.root.dataset.embed || location.href, location.href);
      url.search = params.toString();
      url.hash = "";
      const title = this.t(`term.${this.root.dataset.calculator}`);
      const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      const height = this.root.dataset.embedHeight;
      return `<iframe src="${escapeAttr(url.href)}" title="${escapeAttr(title)}" width="100%" height="${height}" allow="clipboard-write" loading="lazy" style="border:0"></iframe>`;
    }

    async copyLink() {
      await this.copy(location.href, "action.copied");
    }

    // Copy to the clipboard; where the browser refuses (an iframe without clipboard-write, an old
    // browser), the text appears selected in a field, to copy by hand.
    async copy(text, done) {
      const notice = this.out("notice");
      const fallback = this.out("copy-fallback");
      try {
        await navigator.clipboard.writeText(text);
        notice.textContent = this.t(done);
        fallback.hidden = true;
      } catch {
        notice.textContent = this.t("action.copy_failed");
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
      return this.formats.unitName(kind, this.currency, this.t);
    }

    // What the reader typed or chose and what the calculator showed, as [label, canonical or text, kind].
    keptRows() {
      const reply = this.lastReply;
      if (!reply) return [];
      const choices = this.choices();
      const rows = [];
      for (const field of this.config.fields) {
        const wrapper = this.form.querySelector(`[data-field="${field.name}"]`);
        if (!wrapper || wrapper.hidden) continue;
        const label = this.fieldLabel(field.name);
        if (field.kind === "choice") {
          const control = wrapper.querySelector("select") || wrapper.querySelector("input:checked");
          const text = control.tagName === "SELECT" ? control.selectedOptions[0].textContent : control.parentElement.textContent;
          rows.push({ label, text: text.trim(), field });
        } else if (field.kind === "series" && field.name in reply.link) {
          rows.push({ label, text: this.seriesLines(reply.link[field.name]).join("; "), field });
        } else if (field.name in reply.link) {
          rows.push({ label, value: reply.link[field.name], field, kind: field.kind === "count" ? "count" : field.kind });
        }
      }
      const values = reply.result.values;
      for (const row of this.config.results) {
        if (row.key in values) rows.push({ label: rowLabel(this.t(labelKey(row, choices), this.config.benchmark), row.kind), value: values[row.key], kind: row.kind, result: true });
      }
      const scenario = reply.result.scenario;
      if (scenario && this.config.scenario) {
        for (const row of [...this.config.scenario.assumptions, ...this.config.scenario.rows]) {
          if (row.key in scenario) rows.push({ label: rowLabel(this.t(labelKey(row, choices)), row.kind), value: scenario[row.key], kind: row.kind, result: true });
        }
      }
      return rows;
    }

    // Tab-separated: label, the number with the locale's decimal separator and no grouping, the unit.
    // Then the extra table, if the result has one: a header line, one line per row, a column per figure.
    tableText() {
      const plain = new Intl.NumberFormat(this.lang, { useGrouping: false, maximumFractionDigits: 10 });
      const lines = this.keptRows().map((row) => {
        if (!("value" in row)) return `${row.label}\t${row.text}\t`;
        return `${row.label}\t${plain.format(row.value)}\t${this.unitOf(row.kind)}`;
      });
      const table = this.lastReply ? this.lastReply.result.table : [];
      const columns = this.tableColumns(table);
      if (table.length && columns.length) {
        const cell = (col, line) => {
          if (!(col.key in line)) return "";
          return (this.formats.kinds[col.kind] || {}).clock ? this.figure(line[col.key], col.kind) : plain.format(line[col.key]);
        };
        const head = columns.map((col) => {
          const unit = this.unitOf(col.kind);
          const name = rowLabel(this.t(col.label), col.kind);
          return unit ? `${name} (${unit})` : name;
        });
        lines.push("", this.tableCaption(), head.join("\t"), ...table.map((line) => columns.map((col) => cell(col, line)).join("\t")));
      }
      return lines.join("\n");
    }

    async copyTable() {
      await this.copy(this.tableText(), "action.table_copied");
    }

    // The print view's head: the term, the date in the reader's locale, the link and the inputs.
    fillPrint() {
      const box = this.out("print");
      const params = new URLSearchParams(location.search);
      const parts = new Intl.DateTimeFormat(this.lang, { day: "numeric", month: "long", year: "numeric" })
        .formatToParts(new Date())
        .filter((part) => ["day", "month", "year"].includes(part.type));
      const date = this.t("format.date", Object.fromEntries(parts.map((part) => [part.type, part.value])));
      const list = el("dl");
      for (const row of this.keptRows().filter((r) => !r.result)) {
        list.append(el("dt", row.label), el("dd", "value" in row ? this.fieldFigure(row.value, row.field) : row.text));
      }
      const link = el("p", `${this.t("print.link")}: ${this.articleUrl(params)}`);
      link.className = "calc__print-link";
      box.replaceChildren(
        el("h2", this.t(`term.${this.root.dataset.calculator}`)),
        el("p", this.t("print.date", { date })),
        link,
        el("h3", this.t("print.inputs")),
        list,
      );
    }

    // Print only this calculator: the page's chrome and the article's other text are left out.
    print() {
      this.fillPrint();
      document.body.classList.add("calc-printing");
      this.root.classList.add("calc--printing");
      const done = () => {
        document.body.classList.remove("calc-printing");
        this.root.classList.remove("calc--printing");
      };
      window.addEventListener("afterprint", done, { once: true });
      window.print();
    }

    toggleEmbed(event) {
      const box = this.root.querySelector(".calc__embed");
      box.hidden = !box.hidden;
      event.currentTarget.setAttribute("aria-expanded", String(!box.hidden));
      if (!box.hidden) {
        const code = box.querySelector("textarea");
        const params = new URLSearchParams(location.search);
        if (!code.value) code.value = this.embedSnippet(params);
        this.out("embed-text").value = this.summaryText(params);
        code.select();
      }
    }
  }

  function el(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgNode(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function table(headers, rows, caption) {
    const t = el("table");
    if (caption) {
      t.append(el("caption", caption));
      // Material lets a wide table scroll sideways: it can take focus, so keyboards scroll it too.
      Object.assign(t, { tabIndex: 0 });
      t.setAttribute("aria-label", caption);
    }
    const head = el("tr");
    head.replaceChildren(...headers.map((h) => el("th", h)));
    t.append(head);
    for (const row of rows) {
      const tr = el("tr");
      tr.replaceChildren(...row.map((cell) => el("td", cell)));
      t.append(tr);
    }
    return t;
  }

  // Start Python when the reader shows they want the calculator, never merely because the page is
  // idle: a read-only visit of the article fetches nothing of Python (no worker, wasm, snapshot or
  // standard library). The intents: the link carries the calculator's figures (a deep link, figures
  // carried from another calculator) or leads to #calculator, at once after the first paint; the
  // reader follows a link to #calculator on the page; the widget comes within START_MARGIN of the
  // viewport; a pointer or focus enters the form (typing, too: update() starts it). Where the
  // browser has no IntersectionObserver, Python starts when the browser is idle after load, as
  // before. The article itself never waits for it.
  // One screen ahead: scrolling at a skimming pace (a screen in 5 s) the reader reaches the widget
  // about 5 s after it started, and a cold start from the snapshot takes 1–3 s (bench part 9).
  const START_MARGIN = "100% 0px";
  const CALCULATOR_HASH = "#calculator";
  const afterFirstPaint = (callback) => requestAnimationFrame(() => setTimeout(callback, 0));
  const whenIdle = (callback) => {
    const idle = () =>
      "requestIdleCallback" in window ? requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 200);
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle, { once: true });
  };
  // The widgets still waiting for an intent, each with its cancel (instant navigation replaces them).
  const waiting = new Map();

  function startOnIntent(root, calculator) {
    const controller = new AbortController();
    const observer = "IntersectionObserver" in window
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && begin(), { rootMargin: START_MARGIN })
      : null;
    const cancel = () => {
      controller.abort();
      if (observer) observer.disconnect();
      waiting.delete(root);
    };
    const begin = () => {
      cancel();
      calculator.start();
    };
    waiting.set(root, cancel);
    if (calculator.fromLink || location.hash === CALCULATOR_HASH) return afterFirstPaint(begin);
    const options = { once: true, signal: controller.signal };
    calculator.form.addEventListener("pointerenter", begin, options);
    calculator.form.addEventListener("focusin", begin, options);
    window.addEventListener("hashchange", () => location.hash === CALCULATOR_HASH && begin(), { signal: controller.signal });
    if (observer) observer.observe(root);
    else whenIdle(begin);
  }

  function setup() {
    for (const [root, cancel] of waiting) if (!root.isConnected) cancel();
    for (const root of document.querySelectorAll(".calc[data-calculator]:not([data-bound])")) {
      root.dataset.bound = "";
      startOnIntent(root, new Calculator(root));
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
