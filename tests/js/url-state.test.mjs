// Unit tests of calculator/url-state.js's pure parts: node --test tests/js.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  MAX_SERIES_TEXT,
  canonicalSeries,
  canonicalText,
  expandSeries,
  shownList,
  shownNumber,
  withParams,
} from "../../overrides/assets/javascripts/calculator/url-state.js";

const nb = (text) => new Intl.NumberFormat("nb", { useGrouping: "always", maximumFractionDigits: 10 }).format(text);

test("canonical numbers: digits and a point, at most 30 and 10 of them", () => {
  for (const text of ["0", "76600", "12.5", "+3", "1".repeat(30)]) assert.ok(canonicalText.test(text), text);
  for (const text of ["", "12,5", "1e5", "-3", "12.", "NaN", "1".repeat(31), "1.12345678901"]) assert.ok(!canonicalText.test(text), text);
});

test("a canonical list expands its runs", () => {
  assert.deepEqual(expandSeries("120x2_95_80.5x3"), ["120", "120", "95", "80.5", "80.5", "80.5"]);
  assert.equal(expandSeries("7x5000").length, 999, "a run is at most 999 long");
  assert.ok(canonicalSeries.test("120x2_95"));
  assert.ok(!canonicalSeries.test("120;95") && !canonicalSeries.test("_1"));
});

test("a link's number shows in the reader's notation; anything else as it came", () => {
  assert.equal(shownNumber("1234.5", nb), "1\u00a0234,5");
  assert.equal(shownNumber(" +80 ", nb), "80");
  assert.equal(shownNumber("<b>1</b>", nb), "<b>1</b>", "refused later in words, never parsed as markup");
  assert.equal(shownNumber("12,5", nb), "12,5");
});

test("a link's list shows one value a line, cut at the longest list a link may fill in", () => {
  assert.equal(shownList("100x2_90", nb), "100\n100\n90");
  assert.equal(shownList("100;90", nb), "100;90");
  assert.equal(shownList("9".repeat(MAX_SERIES_TEXT + 50), nb).length, MAX_SERIES_TEXT);
});

test("withParams replaces the query and sets or keeps the hash", () => {
  const base = "https://example.org/nb/glossary/cost-per-contact/?old=1#faq";
  assert.equal(withParams(base, { costs: "76600", contacts: "9800" }), "https://example.org/nb/glossary/cost-per-contact/?costs=76600&contacts=9800#faq");
  assert.equal(withParams(base, new URLSearchParams("a=1"), "calculator"), "https://example.org/nb/glossary/cost-per-contact/?a=1#calculator");
  assert.equal(withParams(base, {}, ""), "https://example.org/nb/glossary/cost-per-contact/");
  assert.equal(withParams(base, { x: "a&b=<c>" }, ""), "https://example.org/nb/glossary/cost-per-contact/?x=a%26b%3D%3Cc%3E");
});
