// Bench baseline worker: the first two steps of calculator-worker.js (import pyodide.mjs,
// loadPyodide), without the calculators wheel.
self.onmessage = async ({ data }) => {
  try {
    const { loadPyodide } = await import(data.pyodideUrl + "pyodide.mjs");
    self.postMessage({ type: "imported" });
    await loadPyodide({ indexURL: data.pyodideUrl, stdout: () => {}, stderr: () => {} });
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "failed", reason: String(error && error.message ? error.message : error) });
  }
};
