// Unit tests of calculator/formats.js (tests/site/test_formats.py holds it to the build's Babel for
// every kind; these pin the rules themselves): node --test tests/js.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Formats } from "../../overrides/assets/javascripts/calculator/formats.js";

const KINDS = {
  money: { places: null, unit: "currency", whole_from: 1000 },
  percent: { places: 1, unit: "percent", whole_from: null },
  duration: { duration: true, parts: ["duration-minute", "duration-second"], unit: "duration-second", places: 0 },
  clock: { clock: true, unit: "", places: 0 },
};
const t = (key, values) => ({ range: `${values.low}–${values.high}` })[key];

test("money keeps its cents below the whole_from and drops them from there", () => {
  const nb = new Formats("nb", KINDS);
  assert.equal(nb.figure("67.93", "money", "NOK", t), "67,93\u00a0kr");
  assert.equal(nb.figure("1250000", "money", "NOK", t), "1\u00a0250\u00a0000\u00a0kr");
  assert.equal(new Formats("vi", KINDS, ["USD"]).figure("76600", "money", "USD", t), "76.600\u00a0USD");
});

test("a duration is minutes and seconds side by side, never a list", () => {
  const f = new Formats("nb", KINDS);
  assert.equal(f.figure("210", "duration", "USD", t), "3\u00a0min 30\u00a0sek");
  assert.equal(f.figure("60", "duration", "USD", t), "1\u00a0min");
  assert.equal(new Formats("vi", KINDS).figure("30", "duration", "USD", t), "30\u00a0giây");
});

test("percent and clock", () => {
  assert.equal(new Formats("nl", KINDS).figure("88.8", "percent", "USD", t), "88,8%");
  assert.equal(new Formats("ru", KINDS).figure("3.05", "percent", "USD", t), "3,1\u00a0%");
  assert.equal(new Formats("it", KINDS).clock(1470), "00:30");
});

test("a money range names the currency once", () => {
  const f = new Formats("nb", KINDS);
  assert.equal(f.moneyRange("2.70", "5.60", "USD", t), "2,70–5,60\u00a0USD");
  assert.equal(f.moneyRange("6", "6", "USD", t), "6,00\u00a0USD");
});
