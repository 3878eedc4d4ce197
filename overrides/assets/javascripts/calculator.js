// Calculator widgets: the entry module. Each widget starts Python (Pyodide in a Web Worker, from
// calculator-worker.js beside this file) when the reader shows they want it, sends what the reader
// types and shows the results in the page's language (calculator/widget.js). The page never waits
// for Python. The parts, one job each, are in calculator/.

import { Calculator } from "./calculator/widget.js";

const workerUrl = new URL("calculator-worker.js", import.meta.url);

// Start Python when the reader shows they want the calculator, never merely because the page is
// idle: a read-only visit of the article fetches nothing of Python (no worker, wasm, snapshot or
// standard library). The intents: the link carries the calculator's figures (a deep link, figures
// carried from another calculator) or leads to #calculator, at once after the first paint; the
// reader follows a link to #calculator on the page; the widget comes within START_MARGIN of the
// viewport; a pointer or focus enters the form (typing, too: update() starts it). Where the
// browser has no IntersectionObserver, Python starts when the browser is idle after load, as
// before. The article itself never waits for it.
// One screen ahead: scrolling at a skimming pace (a screen in 5 s) the reader reaches the widget
// about 5 s after it started, and a cold start from the snapshot takes 1–3 s (bench part 9).
const START_MARGIN = "100% 0px";
const CALCULATOR_HASH = "#calculator";
const afterFirstPaint = (callback) =>
  performance.getEntriesByType("paint").length > 0 ? callback() : requestAnimationFrame(() => setTimeout(callback, 0));
const whenIdle = (callback) => {
  const idle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 200);
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
};
// The widgets still waiting for an intent, each with its cancel (instant navigation replaces them).
const waiting = new Map();

function startOnIntent(root, calculator) {
  if (calculator.python.started) return; // the reader typed while the page was loading
  const controller = new AbortController();
  const observer = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && begin(), { rootMargin: START_MARGIN })
    : null;
  const cancel = () => {
    controller.abort();
    if (observer) observer.disconnect();
    waiting.delete(root);
  };
  const begin = () => {
    cancel();
    calculator.start();
  };
  waiting.set(root, cancel);
  calculator.beforeStart = cancel; // a start for any reason (typing, Retry) ends the watch
  if (calculator.fromLink || location.hash === CALCULATOR_HASH) return afterFirstPaint(begin);
  const options = { once: true, signal: controller.signal };
  calculator.form.addEventListener("pointerenter", begin, options);
  calculator.form.addEventListener("focusin", begin, options);
  window.addEventListener("hashchange", () => location.hash === CALCULATOR_HASH && begin(), { signal: controller.signal });
  if (observer) observer.observe(root);
  else whenIdle(begin);
}

// Once the page is parsed (at once, when it is). Python waits for that even on a deep link: the
// worker measures the link on its first download (calculator-worker.js, fastLink), and the page's
// own downloads would make it look slow.
const afterParsed = (callback) =>
  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", callback, { once: true }) : callback();

// The widget is shown and takes input once bound (typing starts Python); the intents are watched
// once the page is parsed.
function bind(root) {
  root.dataset.bound = "";
  const calculator = new Calculator(root, workerUrl);
  afterParsed(() => startOnIntent(root, calculator));
}

const unbound = () => document.querySelectorAll(".calc[data-calculator]:not([data-bound])");

function setup() {
  for (const [root, cancel] of waiting) if (!root.isConnected) cancel();
  for (const root of unbound()) bind(root);
}

// Whether the parser has passed the end of `node`: something follows it or one of its parents.
const parsedPast = (node) => {
  for (let n = node; n && n !== document.body; n = n.parentNode) if (n.nextSibling) return true;
  return false;
};

// The page loads this module async from its head, so it may run while the page is still being
// parsed: a widget is bound as soon as the parser has passed its end (shown with the link's
// figures, not only once the rest of the article and Material's bundle have loaded).
function bindWhileParsing() {
  if (document.readyState !== "loading") return;
  const bindParsed = () => {
    for (const root of unbound()) if (parsedPast(root)) bind(root);
  };
  const observer = new MutationObserver(bindParsed);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  bindParsed();
  afterParsed(() => observer.disconnect());
}

// Any others once the document is parsed, on every page: Material's document$ emits on each
// (instant navigation included; its bundle has run by DOMContentLoaded); without Material the
// widgets are there already.
bindWhileParsing();
afterParsed(() => (typeof document$ !== "undefined" ? document$.subscribe(setup) : setup()));
