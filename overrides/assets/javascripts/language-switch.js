// The language switcher takes the reader's numbers along: the calculator keeps its inputs in the
// query string (canonical values, the same in every language), so each link to the other language
// gets this page's query and hash. The link the reader follows is remembered in this browser
// (localStorage, read by the root language chooser; nothing is sent anywhere).
document$.subscribe(() => {
  const links = document.querySelectorAll(".md-select__link[hreflang]");
  const carry = (link) => {
    const url = new URL(link.getAttribute("href"), location.href);
    url.search = location.search;
    url.hash = location.hash;
    link.href = url.href;
  };
  for (const link of links) {
    // Before the link is used (hover, focus, touch, context menu): its address is up to date.
    for (const type of ["pointerenter", "focus", "pointerdown", "contextmenu"]) {
      link.addEventListener(type, () => carry(link));
    }
    link.addEventListener("click", (event) => {
      carry(link);
      try {
        localStorage.setItem("glossary.lang", link.hreflang);
      } catch {
        // Storage disabled: the choice is not remembered, the link still works.
      }
      // Material's own handler would send the reader to the other language's page without the
      // query; the browser follows this link as it is.
      event.stopPropagation();
    });
  }
});
