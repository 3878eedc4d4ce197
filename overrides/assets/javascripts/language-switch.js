// The language switcher takes the reader's numbers along: the calculator keeps its inputs in the
// query string (canonical values, the same in every language), so each link to the other language
// gets this page's query and hash. The link the reader follows is remembered in this browser
// (localStorage, read by the root language chooser; nothing is sent anywhere).
// The reader's place goes along too: the hash of the calculator or section they are reading (section
// anchors are the same in every language), so the other page opens there and not at its top.
document$.subscribe(() => {
  const links = document.querySelectorAll(".md-select__link[hreflang]");
  // The last section heading (or the calculator's anchor) that starts above the upper third of the
  // window; none at the top of the page.
  const place = () => {
    const anchors = document.querySelectorAll(".md-content h2[id]");
    // Near the top of the page, or with the hash's own target still in view, the hash is the place.
    if (!anchors.length || window.scrollY < window.innerHeight / 2) return location.hash;
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      const top = target.getBoundingClientRect().top;
      if (top >= 0 && top < window.innerHeight) return location.hash;
    }
    const line = window.innerHeight / 3;
    let found = "";
    for (const anchor of anchors) {
      if (anchor.getBoundingClientRect().top > line) break;
      found = `#${anchor.id}`;
    }
    return found;
  };
  const carry = (link) => {
    const url = new URL(link.getAttribute("href"), location.href);
    url.search = location.search;
    url.hash = place();
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
