// The catalog's texts as a widget writes them: placeholders filled in, labels under the current
// choices. Pure functions, unit-tested in Node (tests/js/text.test.mjs).

// "{name}" replaced by values[name]; an unknown placeholder stays as written.
export const template = (text, values) =>
  text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));

// "name=value name2=value2" holds when every named choice has its value.
export const holds = (condition, choices) =>
  condition.split(" ").every((pair) => {
    const [name, value] = pair.split("=");
    return choices[name] === value;
  });

// A row's label without the unit in brackets that its figure already shows ("Traffic (erlangs)").
const UNIT_KINDS = new Set(["percent", "seconds", "erlangs"]);
export const rowLabel = (text, kind) => (UNIT_KINDS.has(kind) ? text.replace(/\s*\([^()]*\)$/, "") : text);

// The label key of a field or row under the current choices: [[choice, value, key], ...].
export const labelKey = (item, choices) => {
  const match = (item.labels || []).find(([name, value]) => choices[name] === value);
  return match ? match[2] : item.label;
};
