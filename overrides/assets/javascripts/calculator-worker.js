// The calculator's Python runs here, off the page's main thread: Pyodide from the site itself, then
// the calculators wheel built from the same source as the article's figures.
//
// Two ways to start, chosen per visit (scripts/make_snapshot.mjs makes the files, in the wheel's
// hashed folder, at build time):
// - From a memory snapshot (`pyodide-<version>.snapshot`): Pyodide with the wheel installed and
//   `calculators.web` imported, restored in a fraction of a normal start, with no wheel fetch. It
//   costs about 3.6 MB more on the wire (Brotli), which a slow link pays for with a slower start, so
//   it is used when it is already in the HTTP cache, or when the link is known to be fast (Network
//   Information API: not Save-Data, effective type 4g, downlink at Chrome's 10 Mbit/s cap and a
//   round trip of 50 ms or less). Otherwise it is fetched, at low priority, once the reader uses the
//   calculator (a second computation), so that the next calculator page starts from it.
// - The normal start: loadPyodide, then the wheel unpacked into site-packages and imported.
// Both use `python_stdlib-<version>.zip`, a standard library trimmed to what the calculators import;
// a module missing from it is fetched from the full python_stdlib.zip by the last finder on
// sys.meta_path (`_calculators_stdlib_fallback`).
//
// Any failure to restore the snapshot (a 404, a truncated file, a bad header, a build-id mismatch
// after a Pyodide upgrade, a restored state that does not answer) falls back to the normal start, with
// progress messages all along so the page's stall limit keeps running from the last step.
//
// Frozen state: a snapshot freezes what Python set up when it was taken: the hash seed, `random`'s
// state, the locale and the time zone. Nothing in the calculators depends on them: they import no
// random, time, datetime or locale module, never iterate a set or rely on hash order for output, and
// format numbers themselves from Decimal (tests/unit/test_frozen_state.py checks both, and the build
// compares the restored snapshot's replies with a normal start's on scripts/snapshot_requests.json).
//
// Messages. Page → worker: {type: "start", pyodideUrl, wheelUrl}; {type: "compute", id, request}.
// Worker → page: {type: "progress", percent}; {type: "ready"}; {type: "failed", reason} (the start
// failed, reason is the error text); {type: "result", id, reply} and, when calculators.web.handle
// threw, {type: "result", id, reply: {errors: {_: {code: "compute_failed"}}, result: null, link: {}},
// failure: "<error text>"}.
let handle = null;
let snapshotUrl = null;
let prefetch = null;
let computations = 0;

const post = (message) => self.postMessage(message);
const TRAILER = "CCSNAP01";
const TRAILER_BYTES = 16;

const errorText = (error) => String(error && error.message ? error.message : error);

/** The snapshot without its trailer; throws for a file that is not whole. */
function unwrap(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < TRAILER_BYTES) throw new Error("snapshot: truncated");
  const trailer = new DataView(bytes.buffer, bytes.length - TRAILER_BYTES, TRAILER_BYTES);
  const magic = String.fromCharCode(...bytes.subarray(bytes.length - TRAILER_BYTES, bytes.length - 8));
  const length = trailer.getUint32(8, true);
  if (magic !== TRAILER || length !== bytes.length - TRAILER_BYTES) {
    throw new Error("snapshot: truncated or not a snapshot");
  }
  return bytes.subarray(0, length);
}

async function fetchSnapshot(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  return unwrap(await response.arrayBuffer());
}

/** The snapshot's bytes if it is worth restoring on this visit, or null for the normal start. */
async function chooseSnapshot(url) {
  try {
    // Already in the HTTP cache (an earlier page prefetched it): free to use.
    return await fetchSnapshot(url, { cache: "only-if-cached", mode: "same-origin" });
  } catch {
    // Not cached: fetch it only on a link known to be fast.
  }
  const link = self.navigator.connection;
  const fast =
    link && !link.saveData && link.effectiveType === "4g" && link.downlink >= 10 && link.rtt <= 50;
  return fast ? fetchSnapshot(url) : null;
}

async function startFromSnapshot(loadPyodide, pyodideUrl, stdLibURL, snapshot) {
  const pyodide = await loadPyodide({
    indexURL: pyodideUrl,
    stdLibURL,
    _loadSnapshot: snapshot,
    stdout: () => {},
    stderr: () => {},
  });
  post({ type: "progress", percent: 90 });
  // A self-check: a restored state that cannot run Python is a failed restore.
  if (pyodide.runPython("sum(range(10))") !== 45) throw new Error("snapshot: Python does not run");
  return pyodide;
}

async function startNormally(loadPyodide, pyodideUrl, stdLibURL, wheelUrl) {
  const wheel = fetch(wheelUrl).then((response) => {
    if (!response.ok) throw new Error(`${wheelUrl}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  wheel.catch(() => {}); // awaited below; not an unhandled rejection if Python fails first
  const pyodide = await loadPyodide({
    indexURL: pyodideUrl,
    stdLibURL,
    stdout: () => {},
    stderr: () => {},
  });
  post({ type: "progress", percent: 80 });
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: pyodide._api.sitePackages });
  return pyodide;
}

async function start({ pyodideUrl, wheelUrl }) {
  post({ type: "progress", percent: 5 });
  const version = new URL(pyodideUrl).pathname.split("/").filter(Boolean).pop();
  snapshotUrl = new URL(`pyodide-${version}.snapshot`, wheelUrl).href;
  const stdLibURL = new URL(`python_stdlib-${version}.zip`, wheelUrl).href;
  const snapshot = chooseSnapshot(snapshotUrl);
  snapshot.catch(() => {});
  const { loadPyodide } = await import(pyodideUrl + "pyodide.mjs");
  post({ type: "progress", percent: 20 });
  let pyodide = null;
  try {
    const bytes = await snapshot;
    if (bytes) {
      post({ type: "progress", percent: 50 });
      pyodide = await startFromSnapshot(loadPyodide, pyodideUrl, stdLibURL, bytes);
      prefetch = Promise.resolve();
    }
  } catch (error) {
    console.warn(`calculator: normal start (${errorText(error)})`);
    post({ type: "progress", percent: 25 });
  }
  if (!pyodide) pyodide = await startNormally(loadPyodide, pyodideUrl, stdLibURL, wheelUrl);
  post({ type: "progress", percent: 95 });
  pyodide
    .pyimport("_calculators_stdlib_fallback")
    .install(new URL("python_stdlib.zip", pyodideUrl).href);
  handle = pyodide.pyimport("calculators.web").handle;
  post({ type: "ready" });
}

/** Fetch the snapshot into the HTTP cache, at low priority, once per worker (never on Save-Data). */
function prefetchSnapshot() {
  const link = self.navigator.connection;
  if (prefetch || !snapshotUrl || (link && link.saveData)) return;
  prefetch = fetch(snapshotUrl, { priority: "low" })
    .then(async (response) => {
      const reader = response.body.getReader();
      while (!(await reader.read()).done);
    })
    .catch(() => {});
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    try {
      await start(data);
    } catch (error) {
      post({ type: "failed", reason: errorText(error) });
    }
  } else if (data.type === "compute" && handle) {
    try {
      const reply = JSON.parse(handle(JSON.stringify(data.request)));
      post({ type: "result", id: data.id, reply });
    } catch (error) {
      post({
        type: "result",
        id: data.id,
        reply: { errors: { _: { code: "compute_failed" } }, result: null, link: {} },
        failure: errorText(error),
      });
    }
    // The reader is using the calculator: make the next calculator page start from the snapshot.
    if (++computations === 2) prefetchSnapshot();
  }
};
