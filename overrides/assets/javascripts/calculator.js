// Calculator widgets: start Python (Pyodide in a Web Worker) early, send what the reader types,
// show the results with textContent in the page's language. The page never waits for Python.
(() => {
  "use strict";

  const STALL_LIMIT_MS = 15000; // no progress for this long: Python cannot start here
  const SVG = "http://www.w3.org/2000/svg";
  const workerUrl = new URL("calculator-worker.js", document.currentScript.src);

  const template = (text, values) =>
    text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));

  const canonicalText = /^\+?\d{1,30}(\.\d{1,10})?$/;

  class Calculator {
    constructor(root) {
      this.root = root;
      this.config = JSON.parse(root.querySelector(".calc__config").textContent);
      this.lang = this.config.lang;
      this.t = (key, values = {}) => template(this.config.messages[key] || "", values);
      this.form = root.querySelector(".calc__form");
      this.touched = new Set();
      this.pending = null;
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
      this.form.addEventListener("focusin", () => this.start(), { once: true });
      root.querySelector('[data-action="retry"]').addEventListener("click", () => this.start(true));
      root.querySelector('[data-action="copy-link"]').addEventListener("click", () => this.copyLink());
      root.querySelector('[data-action="embed"]').addEventListener("click", (e) => this.toggleEmbed(e));
      this.syncChoices();
    }

    // Fill the form from the page URL: values are data, set as input values, never as markup.
    readLink() {
      const params = new URLSearchParams(location.search);
      let found = false;
      for (const input of this.form.querySelectorAll("input[name], select[name]")) {
        if (!params.has(input.name)) continue;
        const raw = params.get(input.name).slice(0, 200);
        found = true;
        if (input.type === "radio") {
          const known = [...this.form.querySelectorAll(`input[name="${input.name}"]`)].some((r) => r.value === raw);
          if (known) input.checked = input.value === raw;
        } else if (input.tagName === "SELECT") {
          if ([...input.options].some((o) => o.value === raw)) input.value = raw;
        } else {
          input.value = canonicalText.test(raw.trim()) ? this.formatPlain(raw.trim()) : raw;
          this.touched.add(input.name);
        }
      }
      return found;
    }

    formatPlain(canonical) {
      return new Intl.NumberFormat(this.lang, { maximumFractionDigits: 10 }).format(canonical.replace("+", ""));
    }

    get currency() {
      return this.form.elements.currency.value;
    }

    get mode() {
      const checked = this.form.querySelector('input[name="mode"]:checked');
      return checked ? checked.value : null;
    }

    // Show only the inputs that apply: the volume for the mode, the rate for a non-USD currency.
    syncChoices() {
      const mode = this.mode;
      const show = (name, visible) => {
        const field = this.form.querySelector(`[data-field="${name}"]`);
        if (field) field.hidden = !visible;
      };
      if (mode) {
        show("calls", mode === "inbound");
        show("sales", mode === "outbound");
        const costs = this.form.querySelector('[data-field="costs"] label');
        costs.firstChild.textContent = mode === "inbound" ? this.t("field.call_costs") : this.t("field.operating_costs");
        this.root.querySelector("[data-main-label]").textContent =
          mode === "inbound" ? this.t("result.cost_per_call") : this.t("result.cost_per_sale");
        const scenario = this.form.querySelector(".calc__group--scenario");
        if (scenario) scenario.hidden = mode !== "inbound";
      }
      const currency = this.currency;
      show("rate", currency !== "USD");
      const rate = this.form.elements.rate;
      if (rate.dataset.currency !== currency) {
        if (!this.touched.has("rate") || rate.dataset.currency) {
          rate.value = currency === "USD" ? "" : this.formatPlain(this.config.rates[currency] || "");
          this.touched.delete("rate");
        }
        rate.dataset.currency = currency;
        rate.labels[0].textContent = this.t("field.rate", { currency });
      }
      for (const unit of this.root.querySelectorAll("[data-unit]")) unit.textContent = currency;
    }

    start(retry = false) {
      if (this.worker && !retry) return;
      if (this.worker) this.worker.terminate();
      this.setState("loading");
      this.status(this.t("widget.loading"), 0);
      const assets = new URL(this.root.dataset.assets, location.href);
      this.worker = new Worker(workerUrl, { type: "module" });
      this.worker.onmessage = ({ data }) => this.onMessage(data);
      this.worker.onerror = () => this.fail();
      this.armStallTimer();
      this.worker.postMessage({
        type: "start",
        pyodideUrl: new URL(this.root.dataset.pyodide, assets).href,
        wheelUrl: new URL(this.root.dataset.wheel, assets).href,
      });
    }

    armStallTimer() {
      clearTimeout(this.stallTimer);
      this.stallTimer = setTimeout(() => this.fail(), STALL_LIMIT_MS);
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
        this.fail();
      } else if (data.type === "result" && data.id === this.lastId) {
        this.busy = false;
        this.render(data.reply);
        if (this.pending) this.update();
      }
    }

    fail() {
      clearTimeout(this.stallTimer);
      if (this.worker) this.worker.terminate();
      this.worker = null;
      this.setState("error");
      this.status(this.t("widget.failed"));
      this.root.querySelector('[data-action="retry"]').hidden = false;
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
      const values = {};
      for (const input of this.form.querySelectorAll("input[name]:not([type=radio])")) {
        if (!input.closest("[hidden]")) values[input.name] = input.value;
      }
      values.period = this.form.elements.period.value;
      if (this.mode) values.mode = this.mode;
      const digits = new Intl.NumberFormat(this.lang, { style: "currency", currency: this.currency })
        .resolvedOptions().maximumFractionDigits;
      return {
        calculator: this.root.dataset.calculator,
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
    }

    // ---- results -------------------------------------------------------------------------------
    money(value) {
      return new Intl.NumberFormat(this.lang, { style: "currency", currency: this.currency }).format(value);
    }

    usd(value) {
      return new Intl.NumberFormat(this.lang, { style: "currency", currency: "USD" }).format(value);
    }

    count(value) {
      return new Intl.NumberFormat(this.lang, { maximumFractionDigits: 0 }).format(value);
    }

    percent(value) {
      return new Intl.NumberFormat(this.lang, { style: "percent", maximumFractionDigits: 1 }).format(
        (Number(value) / 100).toFixed(6),
      );
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
      const main = this.root.querySelector("[data-result]");
      const out = (name) => this.root.querySelector(`[data-out="${name}"]`);
      if (!result) {
        main.textContent = this.t("result.placeholder");
        delete main.dataset.value;
        this.root.dataset.resultState = "empty";
        for (const name of ["source", "comparison", "chart", "annual", "shares", "scenario"]) out(name).replaceChildren();
        return;
      }
      this.root.dataset.resultState = "ok";
      main.textContent = this.money(result.main);
      main.dataset.value = result.main;
      out("source").textContent = this.t(result.costs.source === "breakdown" ? "result.source.breakdown" : "result.source.total");
      out("comparison").textContent = this.comparisonText(result);
      this.renderAnnual(out("annual"), result);
      this.renderShares(out("shares"), result);
      this.renderScenario(out("scenario"), result.scenario);
      this.renderChart(out("chart"), result);
      this.writeLink(reply.link);
    }

    errorText(error) {
      const example = this.formatPlain("1234.5");
      const text = this.t(`error.${error.code}`, { example, places: error.places || "" });
      return text || this.t("error.unknown");
    }

    comparisonText(result) {
      const c = result.comparison;
      if (!c) return "";
      if (result.mode === "outbound") return this.t("compare.none");
      if (!c.position) return this.t("compare.no_rate");
      const b = c.benchmark;
      const benchmark = b.low === b.high ? this.usd(b.low) : `${this.usd(b.low)}–${this.usd(b.high)}`;
      return this.t(`compare.${c.position}`, { percent: this.percent(c.percent), benchmark });
    }

    renderAnnual(list, result) {
      const volumeKey = { "cost-per-contact": "result.annual_contacts" }[this.root.dataset.calculator]
        || (result.mode === "outbound" ? "result.annual_sales" : "result.annual_calls");
      const rows = [
        [this.t("result.annual_costs"), this.money(result.annual_costs)],
        [this.t(volumeKey), this.count(result.annual_volume)],
      ];
      list.replaceChildren(...rows.flatMap(([term, value]) => [el("dt", term), el("dd", value)]));
    }

    renderShares(box, result) {
      const parts = result.costs.parts;
      if (!parts.length) return box.replaceChildren();
      const rows = parts.map((p) => [this.t(`component.${p.key}`), this.money(p.value), this.percent(p.percent)]);
      box.replaceChildren(table([this.t("result.share"), "", ""], rows));
    }

    renderScenario(box, scenario) {
      if (!scenario) return box.replaceChildren();
      const rows = [];
      if (scenario.new_value !== undefined) rows.push([this.t("result.new_cost_per_contact"), this.money(scenario.new_value)]);
      if (scenario.calls_avoided !== undefined) rows.push([this.t("result.calls_avoided"), this.count(scenario.calls_avoided)]);
      rows.push([this.t("result.saving_period"), this.money(scenario.saving_period)]);
      rows.push([this.t("result.saving_year"), this.money(scenario.saving_year)]);
      const list = el("dl");
      list.replaceChildren(...rows.flatMap(([term, value]) => [el("dt", term), el("dd", value)]));
      box.replaceChildren(list);
    }

    // A small bar chart of the result against the benchmark (a band for a range, a line for an
    // average) on one scale in the benchmark's currency; the text alternative says it in words.
    renderChart(box, result) {
      const c = result.comparison;
      if (!c || !c.position || result.mode === "outbound") return box.replaceChildren();
      const value = Number(result.main) / Number(c.rate || 1);
      const low = Number(c.benchmark.low);
      const high = Number(c.benchmark.high);
      const max = Math.max(value, high) * 1.2 || 1;
      const x = (v) => 2 + (Math.min(v, max) / max) * 316;
      const benchmark = low === high ? this.usd(low) : `${this.usd(low)}–${this.usd(high)}`;
      const alt = this.t("chart.alt", { result: this.money(result.main), benchmark });
      const svg = svgNode("svg", { viewBox: "0 0 320 84", role: "img", "aria-label": alt });
      svg.append(svgNode("title", {}, alt));
      svg.append(svgNode("text", { x: 2, y: 12 }, `${this.t("chart.benchmark")}: ${benchmark}`));
      if (low === high) svg.append(svgNode("rect", { class: "calc-chart__mark", x: x(low) - 1.5, y: 17, width: 3, height: 62 }));
      else svg.append(svgNode("rect", { class: "calc-chart__band", x: x(low), y: 17, width: x(high) - x(low), height: 18 }));
      svg.append(svgNode("text", { x: 2, y: 56 }, `${this.t("chart.you")}: ${this.money(result.main)}`));
      svg.append(svgNode("rect", {
        class: `calc-chart__bar calc-chart__bar--${c.position}`, x: 2, y: 61, width: Math.max(x(value) - 2, 2), height: 18,
      }));
      box.replaceChildren(svg);
    }

    writeLink(link) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(link)) {
        if (name === "mode" && !this.mode) continue;
        params.set(name, value);
      }
      params.set("currency", this.currency);
      const url = new URL(location.href);
      url.search = params.toString();
      history.replaceState(history.state, "", url);
      const embed = this.root.querySelector('[data-out="embed"]');
      embed.value = this.embedSnippet(params);
    }

    embedSnippet(params) {
      const url = new URL(this.root.dataset.embed || location.href, location.href);
      url.search = params.toString();
      url.hash = "";
      const title = this.t(`term.${this.root.dataset.calculator}`);
      const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      return `<iframe src="${escapeAttr(url.href)}" title="${escapeAttr(title)}" width="100%" height="760" loading="lazy" style="border:0"></iframe>`;
    }

    async copyLink() {
      const notice = this.root.querySelector('[data-out="notice"]');
      try {
        await navigator.clipboard.writeText(location.href);
        notice.textContent = this.t("action.copied");
      } catch {
        notice.textContent = this.t("action.copy_failed");
      }
    }

    toggleEmbed(event) {
      const box = this.root.querySelector(".calc__embed");
      box.hidden = !box.hidden;
      event.currentTarget.setAttribute("aria-expanded", String(!box.hidden));
      if (!box.hidden) {
        const code = box.querySelector("textarea");
        if (!code.value) code.value = this.embedSnippet(new URLSearchParams(location.search));
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

  function table(headers, rows) {
    const t = el("table");
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

  // Start Python once the article has painted: at once for a deep link, otherwise when the page has
  // loaded and the browser is idle, or earlier on the first focus on an input. The article itself
  // never waits for it.
  const afterFirstPaint = (callback) => requestAnimationFrame(() => setTimeout(callback, 0));
  const whenIdle = (callback) => {
    const idle = () =>
      "requestIdleCallback" in window ? requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 200);
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle, { once: true });
  };

  function setup() {
    for (const root of document.querySelectorAll(".calc[data-calculator]:not([data-bound])")) {
      root.dataset.bound = "";
      const calculator = new Calculator(root);
      const begin = () => calculator.start();
      if (calculator.fromLink) afterFirstPaint(begin);
      else whenIdle(begin);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
