// The calculator's Python runs here, off the page's main thread: Pyodide from the site itself, then
// the calculators wheel built from the same source as the article's figures.
//
// Two ways to start, chosen per visit (scripts/make_snapshot.mjs makes the files, in the wheel's
// hashed folder, at build time):
// - From a memory snapshot (`pyodide-<version>.snapshot`): Pyodide with the wheel installed and
//   `calculators.web` imported, restored in a fraction of a normal start, with no wheel fetch. It
//   costs about 3.5 MB more on the wire (Brotli), which a slow link pays for with a slower start, so
//   it is used when it is in this site's Cache Storage (an earlier page kept it), or when the link is
//   measured fast: `pyodide.asm.mjs`, which both starts load first, arrived at SNAPSHOT_MBITS or more
//   (its encoded size over fetch start to response end, from Resource Timing; the Network
//   Information API cannot tell: Chrome caps its downlink at 10 Mbit/s), and neither Save-Data
//   nor `prefers-reduced-data: reduce` (the page tells the worker: `reduceData`).
//   Otherwise, once the reader uses the calculator (a second computation), it is fetched into Cache
//   Storage at low priority, so that the next calculator page starts from it.
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
// random, time, datetime, locale or os module, their replies do not depend on hash order, and they
// format numbers themselves from Decimal. tests/pyodide/test_frozen_state.py checks the imports and
// that the replies are identical under other hash seeds, time zones and locales; the build compares
// the restored snapshot's replies with a normal start's on the calculators' sample requests (sitebuild/kpis/).
//
// Messages. Page → worker: {type: "start", pyodideUrl, wheelUrl, reduceData}; {type: "compute", id, request}.
// Worker → page: {type: "progress", percent}; {type: "ready"}; {type: "failed", reason} (the start
// failed, reason is the error text); {type: "result", id, reply} and, when calculators.web.handle
// threw, {type: "result", id, reply: {errors: {_: {code: "compute_failed"}}, result: null, link: {}},
// failure: "<error text>"}.
let handle = null;
let snapshotUrl = null;
let prefetch = null;
let computations = 0;
let reduceData = false;

const post = (message) => self.postMessage(message);
const TRAILER = "CCSNAP01";
const TRAILER_BYTES = 16;
/** The snapshot saves more time than its bytes cost from this measured throughput on. */
const SNAPSHOT_MBITS = 18;
const CACHE = "calculator-snapshot";
const SNAPSHOT_MAGIC = 0x706e7300;

const errorText = (error) => String(error && error.message ? error.message : error);

// A start given up (a snapshot that failed to restore, a wheel that failed while Python was still
// starting) leaves Pyodide's own pending downloads behind; their failures are not news any more.
let abandoned = false;
self.addEventListener("unhandledrejection", (event) => {
  if (abandoned) event.preventDefault();
});

/** The snapshot without its trailer; throws for a file that is not whole. */
function unwrap(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < TRAILER_BYTES) throw new Error("snapshot: truncated");
  const end = bytes.length - TRAILER_BYTES;
  const magic = String.fromCharCode(...bytes.subarray(end, end + 8));
  const length = new DataView(bytes.buffer, end + 8, 4).getUint32(0, true);
  if (magic !== TRAILER || length !== end) throw new Error("snapshot: truncated or not a snapshot");
  return bytes.subarray(0, length);
}

/** Fetch the snapshot, with progress messages while it arrives (the page's stall limit runs). */
async function fetchSnapshot(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const chunks = [];
  let size = 0;
  let reported = performance.now();
  for (const reader = response.body.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (performance.now() - reported > 1000) {
      reported = performance.now();
      post({ type: "progress", percent: 30 });
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return unwrap(bytes);
}

/** The snapshot kept in Cache Storage by an earlier page, or null. */
async function cachedSnapshot(url) {
  if (!self.caches) return null; // not a secure context
  const cache = await caches.open(CACHE);
  const response = await cache.match(url);
  if (!response) return null;
  try {
    return unwrap(await response.arrayBuffer());
  } catch (error) {
    await cache.delete(url);
    throw error;
  }
}

/**
 * Refuse, before instantiating Pyodide, a snapshot with a bad header or of another Pyodide build
 * (Pyodide checks both too, but only after compiling and instantiating its wasm, which the normal
 * start would then redo). The header starts with Pyodide's magic number (SNAPSHOT_MAGIC, from
 * pyodide.asm.mjs; test_snapshot.py fails should a new Pyodide change it); the build id is 8
 * little-endian uint32 at offset 16 (its 64 hex digits in 8-digit words), and a constant in
 * pyodide.mjs.
 */
async function checkHeader(bytes, pyodideUrl) {
  if (new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) !== SNAPSHOT_MAGIC) {
    throw new Error("snapshot: bad header");
  }
  const source = await (await fetch(pyodideUrl + "pyodide.mjs")).text();
  const match = source.match(/BUILD_ID:"([0-9a-f]{64})"/);
  if (!match) return; // another format: leave the check to Pyodide
  const view = new DataView(bytes.buffer, bytes.byteOffset + 16, 32);
  const words = Array.from({ length: 8 }, (_, i) => view.getUint32(4 * i, true));
  const id = words.map((word) => word.toString(16).padStart(8, "0")).join("");
  if (id !== match[1]) throw new Error("snapshot: made by another Pyodide build");
}

/** Whether the reader asked for less data (Save-Data, or the page's prefers-reduced-data). */
function savingData() {
  const link = self.navigator.connection;
  return reduceData || Boolean(link && link.saveData);
}

/** Whether this link is measured fast enough for the snapshot to pay for its bytes. */
function fastLink(url) {
  if (savingData()) return false;
  const entry = performance.getEntriesByName(url).pop();
  if (!entry || !entry.encodedBodySize) return false; // from the HTTP cache: nothing measured
  const seconds = (entry.responseEnd - entry.startTime) / 1000;
  return (entry.encodedBodySize * 8) / 1e6 / Math.max(seconds, 1e-3) >= SNAPSHOT_MBITS;
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
  // A wheel that cannot be fetched fails the start at once, not after Python has started.
  const wheelFailed = wheel.then(() => new Promise(() => {}));
  const pyodide = await Promise.race([
    loadPyodide({ indexURL: pyodideUrl, stdLibURL, stdout: () => {}, stderr: () => {} }),
    wheelFailed,
  ]);
  post({ type: "progress", percent: 80 });
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: pyodide._api.sitePackages });
  return pyodide;
}

/**
 * Report the big downloads as they complete (real progress, so the page's stall limit measures the
 * time without any: compiling the wasm and starting Python come after the last of them).
 */
function observeDownloads(pyodideUrl, stdLibURL) {
  const steps = new Map([
    [stdLibURL, 40],
    [pyodideUrl + "pyodide.asm.wasm", 60],
  ]);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const ok = !entry.responseStatus || entry.responseStatus === 200;
      if (ok && steps.has(entry.name)) post({ type: "progress", percent: steps.get(entry.name) });
    }
  });
  observer.observe({ type: "resource" });
  return observer;
}

async function start({ pyodideUrl, wheelUrl, reduceData: reduce }) {
  post({ type: "progress", percent: 5 });
  reduceData = Boolean(reduce);
  const version = new URL(pyodideUrl).pathname.split("/").filter(Boolean).pop();
  snapshotUrl = new URL(`pyodide-${version}.snapshot`, wheelUrl).href;
  const stdLibURL = new URL(`python_stdlib-${version}.zip`, wheelUrl).href;
  const downloads = observeDownloads(pyodideUrl, stdLibURL);
  const cached = cachedSnapshot(snapshotUrl);
  cached.catch(() => {}); // awaited below
  // pyodide.asm.mjs is imported here rather than inside loadPyodide, to measure the link with it.
  const asmUrl = pyodideUrl + "pyodide.asm.mjs";
  const [{ loadPyodide }] = await Promise.all([
    import(pyodideUrl + "pyodide.mjs"),
    import(asmUrl),
  ]);
  post({ type: "progress", percent: 20 });
  let pyodide = null;
  let fromCache = false;
  try {
    let bytes = await cached;
    fromCache = Boolean(bytes);
    if (!bytes && fastLink(asmUrl)) {
      bytes = await fetchSnapshot(snapshotUrl);
      prefetch = keep(snapshotUrl, bytes);
    }
    if (bytes) {
      await checkHeader(bytes, pyodideUrl);
      post({ type: "progress", percent: 50 });
      pyodide = await startFromSnapshot(loadPyodide, pyodideUrl, stdLibURL, bytes);
      prefetch ??= Promise.resolve();
    }
  } catch (error) {
    abandoned = true;
    console.warn(`calculator: normal start (${errorText(error)})`);
    post({ type: "progress", percent: 25 });
    // A kept snapshot that failed is not kept any longer.
    if (fromCache) caches.open(CACHE).then((cache) => cache.delete(snapshotUrl), () => {});
  }
  if (!pyodide) pyodide = await startNormally(loadPyodide, pyodideUrl, stdLibURL, wheelUrl);
  downloads.disconnect();
  post({ type: "progress", percent: 95 });
  pyodide
    .pyimport("_calculators_stdlib_fallback")
    .install(new URL("python_stdlib.zip", pyodideUrl).href);
  handle = pyodide.pyimport("calculators.web").handle;
  post({ type: "ready" });
}

/** Keep the snapshot in Cache Storage for the next pages (older snapshots go). */
async function keep(url, bytes) {
  if (!self.caches) return;
  try {
    const cache = await caches.open(CACHE);
    for (const request of await cache.keys()) if (request.url !== url) await cache.delete(request);
    const body = bytes instanceof Response ? bytes : new Response(withTrailer(bytes));
    await cache.put(url, body);
  } catch {
    // Quota or private mode: the next page fetches it again.
  }
}

/** The restored bytes again with their trailer (what the server sent), for Cache Storage. */
function withTrailer(snapshot) {
  return new Uint8Array(snapshot.buffer, snapshot.byteOffset, snapshot.length + TRAILER_BYTES);
}

/** Fetch the snapshot into Cache Storage at low priority, once per worker, never to save data. */
function prefetchSnapshot() {
  if (prefetch || !snapshotUrl || savingData()) return;
  prefetch = fetch(snapshotUrl, { priority: "low" })
    .then((response) => (response.ok ? keep(snapshotUrl, response) : null))
    .catch(() => {});
}

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    try {
      await start(data);
    } catch (error) {
      abandoned = true;
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
