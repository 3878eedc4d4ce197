// Bench baseline worker: the first two steps of calculator-worker.js (import pyodide.mjs,
// loadPyodide), without the calculators wheel; with `compileOnly`, only the streaming compilation
// of pyodide.asm.wasm (the part of a start that compiling costs, measured alone).
self.onmessage = async ({ data }) => {
  try {
    if (data.compileOnly) {
      await WebAssembly.compileStreaming(fetch(data.pyodideUrl + "pyodide.asm.wasm"));
      self.postMessage({ type: "ready" });
      return;
    }
    const { loadPyodide } = await import(data.pyodideUrl + "pyodide.mjs");
    self.postMessage({ type: "imported" });
    await loadPyodide({ indexURL: data.pyodideUrl, stdout: () => {}, stderr: () => {} });
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "failed", reason: String(error && error.message ? error.message : error) });
  }
};
