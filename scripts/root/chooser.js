// The root page: send readers to the language they chose last time in this browser (localStorage,
// nothing is sent anywhere), else to their browser's language when the site has it; otherwise, or
// with ?choose in the URL, they pick from the list, and that choice is remembered. Norwegian "no"
// and "nn" readers get Bokmål.
(() => {
  const KEY = "glossary.lang";
  const script = document.currentScript;
  const links = [...document.querySelectorAll("a[hreflang]")];
  const available = new Map(links.map((link) => [link.hreflang, link.href]));
  const storage = {
    get() {
      try {
        return localStorage.getItem(KEY);
      } catch {
        return null; // storage disabled
      }
    },
    set(lang) {
      try {
        localStorage.setItem(KEY, lang);
      } catch {
        // storage disabled: the link still works
      }
    },
  };
  for (const link of links) link.addEventListener("click", () => storage.set(link.hreflang));
  if (!script || script.dataset.redirect !== "true" || location.search.includes("choose")) return;
  const remembered = storage.get();
  if (remembered && available.has(remembered)) {
    location.replace(available.get(remembered));
    return;
  }
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
