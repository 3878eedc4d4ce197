// Form state and the URL: a link's figures fill the form (as values, never as markup), the form's
// figures go back into the link in canonical form. The pure parts are unit-tested in Node
// (tests/js/url-state.test.mjs); the README's "Links" section documents the forms.

// A number in a link's canonical form: digits, "." for decimals.
export const canonicalText = /^\+?\d{1,30}(\.\d{1,10})?$/;
// A list in a link's canonical form: values joined by "_", a run of equal values as "<value>x<n>".
export const canonicalSeries = /^\d{1,30}(\.\d{1,10})?(x\d{1,3})?(_\d{1,30}(\.\d{1,10})?(x\d{1,3})?)*$/;
export const READ_LIMIT = 200; // longest parameter a link may fill in (longer is cut)
export const MAX_SERIES_TEXT = 4000; // longest list a link may fill in (96 values of five digits and more)

// A canonical list's values one by one: "12x2_8" is ["12", "12", "8"] (a run at most 999 long).
export const expandSeries = (text) =>
  text.split("_").flatMap((part) => {
    const [value, times] = part.split("x");
    return Array(times === undefined ? 1 : Math.min(Number(times), 999)).fill(value);
  });

// What a number field shows for a link's value: a canonical number in the reader's notation
// (plain formats it), anything else as it came, for the calculator to refuse in words.
export const shownNumber = (raw, plain) => {
  const text = raw.trim();
  return canonicalText.test(text) ? plain(text.replace("+", "")) : raw;
};

// What a list field shows for a link's value: one value a line in the reader's notation.
export const shownList = (raw, plain) => {
  const text = raw.slice(0, MAX_SERIES_TEXT);
  return canonicalSeries.test(text.trim()) ? expandSeries(text.trim()).map(plain).join("\n") : text;
};

// `href` with `params` as its query and, when given, `hash` ("" for none).
export const withParams = (href, params, hash) => {
  const url = new URL(href);
  url.search = new URLSearchParams(params).toString();
  if (hash !== undefined) url.hash = hash;
  return url.href;
};

// Fill the form from the link's parameters; the names of the fields it filled go into `touched`.
// Returns whether the link carried anything for this calculator.
export function fillFromLink(root, form, params, plain, touched) {
  let found = false;
  const solve = root.querySelector("[data-solve-field]");
  if (solve && params.has("solve")) {
    const raw = params.get("solve");
    if ([...solve.options].some((o) => o.value === raw)) solve.value = raw;
    const target = (params.get("target") || "").trim().slice(0, READ_LIMIT);
    root.querySelector("[data-solve-target]").value = shownNumber(target, plain);
    found = true;
  }
  for (const input of form.querySelectorAll("input[name], select[name], textarea[name]")) {
    if (!params.has(input.name)) continue;
    const raw = params.get(input.name);
    found = true;
    if (input.type === "radio") {
      const group = [...form.querySelectorAll("input[type=radio]")].filter((r) => r.name === input.name);
      const value = raw.slice(0, READ_LIMIT);
      if (group.some((r) => r.value === value)) input.checked = input.value === value;
    } else if (input.tagName === "SELECT") {
      const value = raw.slice(0, READ_LIMIT);
      if ([...input.options].some((o) => o.value === value)) input.value = value;
    } else if (input.tagName === "TEXTAREA") {
      input.value = shownList(raw, plain);
      touched.add(input.name);
    } else {
      input.value = shownNumber(raw.slice(0, READ_LIMIT), plain);
      touched.add(input.name);
      const group = input.closest("details");
      if (group) group.open = true; // a link's figures are never hidden in a closed group
    }
  }
  return found;
}

// The current value of every choice (select or radio group) of the spec's fields, by name.
export function formChoices(form, fields) {
  const choices = {};
  for (const field of fields) {
    if (field.kind !== "choice") continue;
    const control = form.elements[field.name];
    if (control) choices[field.name] = control.value;
  }
  return choices;
}

// What the reader typed in every field that is shown, by name (a hidden group's fields are left out).
export function typedValues(form) {
  const values = {};
  for (const input of form.querySelectorAll("input[name]:not([type=radio]), textarea[name]")) {
    if (!input.closest("[hidden]")) values[input.name] = input.value;
  }
  return values;
}

// The page's address with the calculator's canonical figures, in place (no new history entry).
export function replaceLink(link) {
  const params = new URLSearchParams(link);
  history.replaceState(history.state, "", withParams(location.href, params));
  return params;
}
