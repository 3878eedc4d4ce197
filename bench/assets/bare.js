// Bench baseline: start Pyodide from the site's own files in a module worker, the way the widget's
// calculator.js does, and nothing else; html[data-pyodide] becomes "ready" when loadPyodide resolves
// (with ?compile, when the wasm is compiled: see bare-worker.js).
(() => {
  "use strict";
  const script = document.currentScript;
  const bench = (window.__bare = { started: performance.now() });
  const worker = new Worker(new URL("bare-worker.js", script.src), { type: "module" });
  worker.onmessage = ({ data }) => {
    bench[data.type] = performance.now();
    if (data.type === "ready" || data.type === "failed") {
      bench.reason = data.reason;
      document.documentElement.dataset.pyodide = data.type;
    }
  };
  worker.onerror = (event) => {
    bench.reason = String(event.message);
    document.documentElement.dataset.pyodide = "failed";
  };
  worker.postMessage({
    pyodideUrl: new URL(script.dataset.pyodide, location.href).href,
    compileOnly: new URLSearchParams(location.search).has("compile"),
  });
})();
