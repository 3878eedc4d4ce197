// The widget's two charts, as SVG with a text alternative in the page's language: the main result
// against a money benchmark, and a bar per interval of a day. `calc` is the widget (its config,
// messages and figure formatting); each function returns the nodes to show.

import { el, svgNode } from "./dom.js";
import { rowLabel } from "./text.js";

// The main result against the benchmark (a band for a range, a line for an average) on one scale
// in the reader's currency (the benchmark converted at the form's rate), with the notes that say
// how the benchmark was converted. None without a comparison.
export function benchmarkChart(calc, result) {
  const c = result.comparison;
  const main = calc.config.results[0];
  if (!c || !c.position || !(main.key in result.values)) return [];
  const mainValue = result.values[main.key];
  const value = Number(mainValue);
  const scale = c.local || c.benchmark;
  const low = Number(scale.low);
  const high = Number(scale.high);
  const max = Math.max(value, high) * 1.2 || 1;
  const x = (v) => 2 + (Math.min(v, max) / max) * 316;
  const benchmark = calc.benchmarkShown(c);
  const shown = calc.figure(mainValue, main.kind);
  const alt = calc.t("chart.alt", { result: shown, benchmark });
  const svg = svgNode("svg", { viewBox: "0 0 320 84", role: "img", "aria-label": alt });
  svg.append(svgNode("title", {}, alt));
  svg.append(svgNode("text", { x: 2, y: 12 }, `${calc.t("chart.benchmark")}: ${benchmark}`));
  if (low === high) svg.append(svgNode("rect", { class: "calc-chart__mark", x: x(low) - 1.5, y: 17, width: 3, height: 62 }));
  else svg.append(svgNode("rect", { class: "calc-chart__band", x: x(low), y: 17, width: x(high) - x(low), height: 18 }));
  svg.append(svgNode("text", { x: 2, y: 56 }, `${calc.t("chart.you")}: ${shown}`));
  svg.append(svgNode("rect", {
    class: `calc-chart__bar calc-chart__bar--${c.position}`, x: 2, y: 61, width: Math.max(x(value) - 2, 2), height: 18,
  }));
  const notes = calc.benchmarkNotes(c).map((text) => Object.assign(el("p", text), { className: "calc__chart-note" }));
  return [svg, ...notes];
}

// A bar per line of the table: the column `key` (agents through a day) against the first column
// (the interval's start), with the peak and the first and last starts written under it.
export function dayChart(calc, lines, key) {
  const column = calc.config.table.find((col) => col.key === key);
  const first = calc.tableColumns(lines)[0];
  if (!column || !first || !lines.length || first.key === key) return [];
  const values = lines.map((line) => Number(line[key] || 0));
  const peak = Math.max(...values);
  const top = 20;
  const height = 90;
  const width = 316 / lines.length;
  const label = (line) => calc.figure(line[first.key], first.kind);
  const peakLine = lines[values.indexOf(peak)];
  const what = rowLabel(calc.t(column.label), column.kind);
  const alt = calc.t("chart.bars_alt", {
    what,
    peak: calc.figure(String(peak), column.kind),
    at: label(peakLine),
    from: label(lines[0]),
    to: label(lines[lines.length - 1]),
  });
  const svg = svgNode("svg", { viewBox: `0 0 320 ${top + height + 20}`, role: "img", "aria-label": alt, class: "calc-chart--bars" });
  svg.append(svgNode("title", {}, alt));
  svg.append(svgNode("text", { x: 2, y: 13 }, `${what}: ${calc.figure(String(peak), column.kind)} (${label(peakLine)})`));
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
  return [svg];
}
