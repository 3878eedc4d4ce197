// Unit tests of calculator/help-desk.js's pure parts: node --test tests/js.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  EMBED_MARGIN,
  dateParts,
  iframeSnippet,
  snippetHeight,
  tabSeparated,
  toolsAvailable,
} from "../../overrides/assets/javascripts/calculator/help-desk.js";

test("the embed code escapes what it quotes", () => {
  const code = iframeSnippet('https://x.example/nb/embed/aht/?a=1&b="2"', "AHT <test>", "1100");
  assert.equal(
    code,
    '<iframe src="https://x.example/nb/embed/aht/?a=1&amp;b=&quot;2&quot;" title="AHT &lt;test>" width="100%" height="1100" allow="clipboard-write" loading="lazy" style="border:0"></iframe>',
  );
});

test("a print date has the locale's own month name", () => {
  const date = new Date(Date.UTC(2026, 11, 4, 12));
  assert.deepEqual(dateParts("nb", date), { day: "4", month: "desember", year: "2026" });
  assert.deepEqual(dateParts("ru", date), { day: "4", month: "декабря", year: "2026" });
  assert.equal(dateParts("vi", date).year, "2026");
});

test("a copied table: label, plain number, unit; then the result's own table", () => {
  const plain = (v) => new Intl.NumberFormat("nl", { useGrouping: false, maximumFractionDigits: 10 }).format(v);
  const rows = [
    { label: "Kosten", value: "76600", unit: "EUR" },
    { label: "Periode", text: "maand" },
  ];
  assert.equal(tabSeparated(rows, null, plain), "Kosten\t76600\tEUR\nPeriode\tmaand\t");
  const extra = { caption: "Bezetting", head: ["Agenten", "Service level (%)"], lines: [["13", "74,2"], ["14", "88,8"]] };
  assert.equal(
    tabSeparated([{ label: "AHT", value: "180.5", unit: "sec" }], extra, plain),
    "AHT\t180,5\tsec\n\nBezetting\nAgenten\tService level (%)\n13\t74,2\n14\t88,8",
  );
});

test("the snippet's height: the default, or the reader's taller widget with the embed's margins", () => {
  // The default holds a widget of up to the default less the margins.
  assert.equal(snippetHeight("1950", 1200), 1950);
  assert.equal(snippetHeight("1950", 1950 - EMBED_MARGIN), 1950);
  // A taller one (groups open: ru service level with an hourly cost, 2 209 px at 648 px): the embed
  // page's 86 px around it fit in the margin, in whole tens of pixels.
  assert.equal(snippetHeight("1950", 2208.8), 2330);
  assert.ok(snippetHeight("1950", 2208.8) >= 2295);
  assert.equal(snippetHeight("1950", 2210 - EMBED_MARGIN), 2210);
});

test("the tools work only with a result, once Python is ready", () => {
  const reply = { result: { values: {} }, link: {} };
  assert.equal(toolsAvailable("ready", reply), true);
  assert.equal(toolsAvailable("ready", null), false); // a field empty or wrong
  assert.equal(toolsAvailable("ready", undefined), false); // no answer yet
  assert.equal(toolsAvailable("loading", reply), false); // restarting after a lost worker
  assert.equal(toolsAvailable("error", reply), false);
});
