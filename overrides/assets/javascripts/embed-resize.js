// The embed view tells the page that frames it how tall it is, so the host can size the iframe:
// {"type": "glossary:resize", "height": <CSS pixels>} on load and on every change of size. The
// host is unknown, so the message goes to any origin ("*"); it carries only a height. This page
// never listens for messages. Without the host script in the README the iframe keeps its height.
(() => {
  if (window.parent === window || typeof ResizeObserver === "undefined") return;
  let sent = 0;
  const post = () => {
    const content = document.querySelector(".glossary-embed");
    const inner = content && content.closest(".md-content__inner");
    if (!content || !inner) return;
    const style = getComputedStyle(inner);
    const below = parseFloat(style.paddingBottom) + parseFloat(style.marginBottom);
    const height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY + below);
    if (height > 0 && height !== sent) {
      sent = height;
      window.parent.postMessage({ type: "glossary:resize", height }, "*");
    }
  };
  const observer = new ResizeObserver(post);
  // Chromium stops rendering, and so resize observations, in a cross-origin frame scrolled out of
  // view; changes to the widget's markup still arrive, so they are measured too.
  const mutations = new MutationObserver(post);
  document$.subscribe(() => {
    observer.disconnect();
    mutations.disconnect();
    const content = document.querySelector(".glossary-embed");
    if (content) {
      observer.observe(content);
      mutations.observe(content, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    observer.observe(document.body);
  });
})();
