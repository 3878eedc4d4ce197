// Bench baseline: calculator-worker.js as it was before the memory snapshot (loadPyodide with the full
// standard library, then loadPackage of the wheel), to compare starts over throttled links.
let handle = null;

const post = (message) => self.postMessage(message);

async function start({ pyodideUrl, wheelUrl }) {
  post({ type: "progress", percent: 5 });
  // Fetch the wheel while Python starts; loadPackage then finds it in the HTTP cache.
  fetch(wheelUrl).then((response) => response.arrayBuffer()).catch(() => {});
  const { loadPyodide } = await import(pyodideUrl + "pyodide.mjs");
  post({ type: "progress", percent: 20 });
  const pyodide = await loadPyodide({
    indexURL: pyodideUrl,
    stdout: () => {},
    stderr: () => {},
  });
  post({ type: "progress", percent: 80 });
  const failures = [];
  await pyodide.loadPackage(wheelUrl, {
    messageCallback: () => {},
    errorCallback: (message) => failures.push(message),
  });
  if (failures.length) throw new Error(failures.join("\n"));
  post({ type: "progress", percent: 95 });
  handle = pyodide.pyimport("calculators.web").handle;
  post({ type: "ready" });
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    try {
      await start(data);
    } catch (error) {
      post({ type: "failed", reason: String(error && error.message ? error.message : error) });
    }
  } else if (data.type === "compute" && handle) {
    let reply;
    try {
      reply = JSON.parse(handle(JSON.stringify(data.request)));
    } catch (error) {
      reply = { errors: { _: { code: "unknown" } }, result: null, link: {} };
    }
    post({ type: "result", id: data.id, reply });
  }
};
