// Bench limit: the widget's worker protocol (start -> ready, compute -> result) with the calculators'
// formulas in plain JavaScript instead of Python, so the page, calculator.js and the worker round
// trip stay the same and only Python is taken away. Same reply shape as calculators/web.py for the
// total/breakdown inputs, period, currency rate and benchmark comparison (no scenarios).
"use strict";

const COST_COMPONENTS = ["salaries", "benefits", "technology", "hardware", "facilities", "taxes", "other"];
const CONTACT_CHANNELS = ["phone", "email", "chat", "social"];
const FIELDS = {
  "cost-per-contact": ["costs", "contacts", "rate", "share", "unit_cost", ...COST_COMPONENTS, ...CONTACT_CHANNELS],
  "cost-per-call": ["costs", "calls", "sales", "rate", "repeat_now", "repeat_target", ...COST_COMPONENTS],
};
const CHOICES = { period: ["month", "week", "quarter", "year"], mode: ["inbound", "outbound"] };
const PER_YEAR = { week: 52, month: 12, quarter: 4, year: 1 };
const BENCHMARKS = {
  "cost-per-contact": { low: 7.16, high: 7.16, currency: "USD" },
  "cost-per-call": { low: 2.7, high: 5.6, currency: "USD" },
};
const MAX_VALUE = 1e15;

class Problem extends Error {
  constructor(code, field) {
    super(code);
    this.code = code;
    this.field = field;
  }
}

function parse(text, decimal, group, field) {
  const spaces = /[\s\u00a0\u202f]+/g;
  let s = String(text).normalize("NFKC").replace(spaces, " ").trim();
  if (!s) throw new Problem("empty", field);
  if (s.length > 40) throw new Problem("too_large", field);
  s = s.replace(/^\+/, "");
  const g = String(group).normalize("NFKC").replace(spaces, " ");
  if (g && g !== " " && g !== decimal) s = s.split(g).join("");
  s = s.replace(/ /g, "");
  if (decimal !== ".") s = s.split(decimal).join(".");
  if (!/^\d+(\.\d{1,6})?$/.test(s)) throw new Problem("not_a_number", field);
  const n = Number(s);
  if (n > MAX_VALUE) throw new Problem("too_large", field);
  return n;
}

const canonical = (n) => String(Number(n));
const rounded = (n, places) => canonical((Math.round(Math.abs(n) * 10 ** places + 1e-9) / 10 ** places) * Math.sign(n || 1));

function whole(n, field) {
  if (!Number.isInteger(n)) throw new Problem("not_whole", field);
  return n;
}

function total(numbers, given, names, field, isWhole) {
  const parts = names.filter((name) => name in numbers).map((name) => [name, isWhole ? whole(numbers[name], name) : numbers[name]]);
  if (!parts.length) {
    if (!(given in numbers)) throw new Problem("empty", field);
    return { value: isWhole ? whole(numbers[given], field) : numbers[given], source: "total", parts: [] };
  }
  const value = parts.reduce((sum, [, v]) => sum + v, 0);
  if (value > MAX_VALUE) throw new Problem("too_large", field);
  return { value, source: "breakdown", parts };
}

function compare(amount, benchmark, currency, rate) {
  let factor = 1;
  if (currency !== benchmark.currency) {
    if (rate === undefined) return null;
    if (rate === 0) throw new Problem("zero_divisor", "rate");
    factor = rate;
  }
  const low = benchmark.low * factor;
  const high = benchmark.high * factor;
  const range = low !== high;
  if (range && low <= amount && amount <= high) return { position: "within", reference: amount, difference: 0, percent: 0 };
  const reference = amount < low || !range ? low : high;
  const difference = amount - reference;
  const percent = (difference * 100) / reference;
  const position = !range && Math.abs(percent) <= 5 ? "near" : difference < 0 ? "below" : "above";
  return { position, reference, difference, percent };
}

function respond(request) {
  const names = FIELDS[request.calculator];
  if (!names) throw new Error(`unknown calculator ${request.calculator}`);
  const raw = request.values || {};
  const errors = {};
  const numbers = {};
  for (const name of names) {
    const text = raw[name];
    if (text === undefined || text === null || !String(text).trim()) continue;
    try {
      numbers[name] = parse(text, request.decimal || ",", request.group || " ", name);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      errors[name] = { code: error.code };
    }
  }
  const choices = {};
  for (const [name, allowed] of Object.entries(CHOICES)) choices[name] = allowed.includes(raw[name]) ? raw[name] : allowed[0];
  const link = { ...Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, canonical(v)])), ...choices };
  const reply = { errors, result: null, link };
  if (Object.keys(errors).length) return reply;
  const currency = request.currency || "USD";
  const digits = Math.max(0, Math.min(Number(request.digits ?? 2), 4));
  const money = (v) => rounded(v, digits);
  if (raw.currency) link.currency = raw.currency;
  try {
    const figures = request.calculator === "cost-per-contact" ? contact(numbers, choices, currency, money) : call(numbers, choices, currency, money);
    reply.result = asResult(request.calculator, figures);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    errors[error.field || "costs"] = { code: error.code };
  }
  return reply;
}

// The reply's result as calculators/web.py shapes it from the specs: values named like the rows.
function asResult(calculator, figures) {
  return {
    values: { [calculator]: figures.main, "annual-costs": figures.annual_costs, "annual-volume": figures.annual_volume },
    source: figures.costs.source,
    notes: [],
    comparison: figures.comparison,
    band: null,
    shares: [],
    scenario: null,
    table: [],
    carry: [],
  };
}

function shown(t, show) {
  return {
    value: show(t.value),
    source: t.source,
    parts: t.parts.map(([key, value]) => ({ key, value: show(value), percent: rounded(t.value ? (value * 100) / t.value : 0, 1) })),
  };
}

function comparison(result, key, currency, numbers, money) {
  const b = BENCHMARKS[key];
  const base = { low: canonical(b.low), high: canonical(b.high), currency: b.currency };
  const c = compare(result, b, currency, numbers.rate);
  if (!c) return { position: null, benchmark: base };
  return {
    position: c.position,
    rate: currency !== b.currency && numbers.rate !== undefined ? canonical(numbers.rate) : "1",
    percent: rounded(Math.abs(c.percent), 1),
    difference: money(Math.abs(c.difference)),
    reference: money(c.reference),
    benchmark: base,
  };
}

function divisor(n, field) {
  if (n === 0) throw new Problem("zero_divisor", field);
  return n;
}

function contact(numbers, choices, currency, money) {
  const costs = total(numbers, "costs", COST_COMPONENTS, "costs", false);
  const contacts = total(numbers, "contacts", CONTACT_CHANNELS, "contacts", true);
  const main = costs.value / divisor(contacts.value, "contacts");
  const perYear = PER_YEAR[choices.period];
  return {
    main: money(main),
    costs: shown(costs, money),
    volume: shown(contacts, (v) => rounded(v, 0)),
    annual_costs: money(costs.value * perYear),
    annual_volume: canonical(contacts.value * perYear),
    comparison: comparison(main, "cost-per-contact", currency, numbers, money),
    scenario: null,
  };
}

function call(numbers, choices, currency, money) {
  const mode = choices.mode;
  const costs = total(numbers, "costs", COST_COMPONENTS, "costs", false);
  const field = mode === "inbound" ? "calls" : "sales";
  if (!(field in numbers)) throw new Problem("empty", field);
  const volume = divisor(whole(numbers[field], field), field);
  const main = costs.value / volume;
  const perYear = PER_YEAR[choices.period];
  const base = BENCHMARKS["cost-per-call"];
  return {
    main: money(main),
    mode,
    costs: shown(costs, money),
    volume: { value: canonical(volume), source: "total", parts: [] },
    annual_costs: money(costs.value * perYear),
    annual_volume: canonical(volume * perYear),
    comparison:
      mode === "inbound"
        ? comparison(main, "cost-per-call", currency, numbers, money)
        : { position: null, benchmark: { low: canonical(base.low), high: canonical(base.high), currency: base.currency } },
    scenario: null,
  };
}

self.onmessage = ({ data }) => {
  if (data.type === "start") {
    self.postMessage({ type: "progress", percent: 95 });
    self.postMessage({ type: "ready" });
  } else if (data.type === "compute") {
    let reply;
    try {
      reply = respond(data.request);
    } catch (error) {
      reply = { errors: { _: { code: "unknown" } }, result: null, link: {} };
    }
    self.postMessage({ type: "result", id: data.id, reply });
  }
};
