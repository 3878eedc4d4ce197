// The root page: send readers to their browser's language when the site has it; otherwise (or with
// ?choose in the URL) they pick from the list. Norwegian "no" and "nn" readers get Bokmål.
(() => {
  const script = document.currentScript;
  if (!script || script.dataset.redirect !== "true" || location.search.includes("choose")) return;
  const links = [...document.querySelectorAll("a[hreflang]")];
  const available = new Map(links.map((link) => [link.hreflang, link.href]));
  const aliases = { no: "nb", nn: "nb" };
  for (const tag of navigator.languages || [navigator.language]) {
    const base = String(tag).toLowerCase().split("-")[0];
    const lang = aliases[base] || base;
    if (available.has(lang)) {
      location.replace(available.get(lang));
      return;
    }
  }
})();
