// Unit tests of calculator/text.js: node --test tests/js (make test runs them).
import assert from "node:assert/strict";
import { test } from "node:test";

import { holds, labelKey, rowLabel, template } from "../../overrides/assets/javascripts/calculator/text.js";

test("template fills known placeholders and keeps unknown ones", () => {
  assert.equal(template("{a} av {b}", { a: "3", b: "4" }), "3 av 4");
  assert.equal(template("{a} {missing}", { a: "x" }), "x {missing}");
  assert.equal(template("{a}", { a: "<b>" }), "<b>", "values are text, not markup: textContent shows them");
});

test("holds needs every named choice", () => {
  assert.equal(holds("period=month", { period: "month" }), true);
  assert.equal(holds("period=month currency=NOK", { period: "month", currency: "USD" }), false);
  assert.equal(holds("model=a", {}), false);
});

test("rowLabel drops the bracketed unit only where the figure shows it", () => {
  assert.equal(rowLabel("Trafikk (erlang)", "erlangs"), "Trafikk");
  assert.equal(rowLabel("Kostnad (kr)", "money"), "Kostnad (kr)");
  assert.equal(rowLabel("Service level", "percent"), "Service level");
});

test("labelKey takes the first label whose choice holds", () => {
  const item = { label: "field.costs", labels: [["period", "year", "field.costs.year"], ["period", "quarter", "field.costs.quarter"]] };
  assert.equal(labelKey(item, { period: "quarter" }), "field.costs.quarter");
  assert.equal(labelKey(item, { period: "month" }), "field.costs");
  assert.equal(labelKey({ label: "x" }, {}), "x");
});
