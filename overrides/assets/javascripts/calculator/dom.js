// Small DOM builders: text always goes in as textContent, never as markup.

const SVG = "http://www.w3.org/2000/svg";

export function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

// Sizes are SVG attributes, never inline styles (the page's CSP allows none).
export function svgNode(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function table(headers, rows, caption) {
  const t = el("table");
  if (caption) {
    t.append(el("caption", caption));
    // Material lets a wide table scroll sideways: it can take focus, so keyboards scroll it too.
    Object.assign(t, { tabIndex: 0 });
    t.setAttribute("aria-label", caption);
  }
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
