// Unit tests of calculator/help-desk.js's pure parts: node --test tests/js.
import assert from "node:assert/strict";
import { test } from "node:test";

import { dateParts, iframeSnippet, tabSeparated } from "../../overrides/assets/javascripts/calculator/help-desk.js";

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
