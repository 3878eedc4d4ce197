/**
 * Make the calculator's fast start at build time: a trimmed standard library and a Pyodide memory
 * snapshot taken after the calculators wheel is installed and `calculators.web` imported, then check
 * the restored snapshot against a normal start. scripts/build_site.py runs it after building the wheel:
 *
 *   node scripts/make_snapshot.mjs --wheel <calculators-*.whl> --out <folder> --requests <file.json> [--pyodide <dir>]
 *
 * Writes into <folder> (the wheel's hashed folder, site/assets/calculators/<hash>/):
 * - python_stdlib-<pyodide version>.zip: only the standard-library modules that Pyodide's start, the
 *   wheel's installation and every check request import (found in
 *   sys.modules after a normal start with the full library), stored uncompressed so Brotli on the
 *   wire does better than zip's deflate, plus `_calculators_stdlib_fallback`: a last finder on
 *   sys.meta_path that fetches the full python_stdlib.zip (synchronous XHR, the worker allows it)
 *   the first time a module missing from the trimmed one is imported.
 * - pyodide-<pyodide version>.snapshot: `loadPyodide({_makeSnapshot: true})` with that library,
 *   `unpackArchive(wheel, "wheel", {extractDir: <site-packages>})` (loadPackage leaves state a
 *   snapshot cannot hold: "Unexpected hiwire entry"; without extractDir the files land in the home
 *   folder), `import calculators.web`, free memory zeroed (it compresses better), then
 *   `makeMemorySnapshot()`, followed by a 16-byte trailer ("CCSNAP01", the snapshot's length as
 *   uint32 LE, 4 zero bytes) so the worker can tell a truncated file from a whole one.
 *
 * Both names carry the Pyodide version, and the folder's hash covers this script (site_assets.py),
 * so a new Pyodide, a new wheel or a new recipe gives new URLs: they are cached as immutable.
 *
 * The check requests (--requests) are every calculator's SNAPSHOT_REQUESTS (sitebuild/kpis/), written
 * by scripts/build_site.py. The check (the build fails on any difference): every request goes
 * through calculators.web.handle in (1) a normal start with the full library, (2) the restored
 * snapshot and (3) a normal start with the trimmed library (the worker's fallback); the replies (or
 * the exception names) must be identical, and none may need the fallback finder. The fallback finder
 * itself is then exercised on a module the trimmed library lacks.
 *
 * `_makeSnapshot`, `_loadSnapshot` and `makeMemorySnapshot` are private Pyodide APIs: package.json
 * pins the exact version, and this check runs in every build.
 */

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TRAILER_MAGIC = "CCSNAP01";
const TRAILER_BYTES = 16;
const FALLBACK_MODULE = "_calculators_stdlib_fallback";

const { values: args } = parseArgs({
  options: {
    wheel: { type: "string" },
    out: { type: "string" },
    pyodide: { type: "string", default: path.join(ROOT, "node_modules", "pyodide") },
    requests: { type: "string" },
  },
});
if (!args.wheel || !args.out || !args.requests) {
  console.error(
    "usage: node scripts/make_snapshot.mjs --wheel <wheel> --out <folder> --requests <file.json>",
  );
  process.exit(2);
}
const PYODIDE_DIR = path.resolve(args.pyodide) + path.sep;
const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
const quiet = { stdout: () => {}, stderr: () => {} };

const { loadPyodide, version } = await import(pathToFileURL(PYODIDE_DIR + "pyodide.mjs").href);
const wheel = new Uint8Array(fs.readFileSync(args.wheel));
const requests = JSON.parse(fs.readFileSync(args.requests, "utf8")).map((r) => JSON.stringify(r));
const outDir = path.resolve(args.out);
const stdlibPath = path.join(outDir, `python_stdlib-${version}.zip`);
const snapshotPath = path.join(outDir, `pyodide-${version}.snapshot`);

/** Install the wheel the way the worker does: unpacked into site-packages, then imported. */
function installWheel(pyodide) {
  pyodide.unpackArchive(wheel, "wheel", { extractDir: pyodide._api.sitePackages });
  pyodide.runPython("import calculators.web");
}

/** Every request through calculators.web.handle: the reply, or the exception's type. */
function answers(pyodide) {
  const handle = pyodide.pyimport("calculators.web").handle;
  const out = requests.map((request) => {
    try {
      return handle(request);
    } catch (error) {
      return `raised ${error.type}`;
    }
  });
  handle.destroy();
  return out;
}

if (!isMainThread) {
  // A check, in its own thread: the restored snapshot, or a normal start with the trimmed library.
  const { role } = workerData;
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_DIR,
    stdLibURL: stdlibPath,
    ...(role === "restored" ? { _loadSnapshot: unwrap(fs.readFileSync(snapshotPath)) } : {}),
    ...quiet,
  });
  if (role === "trimmed") installWheel(pyodide);
  pyodide.runPython(`import ${FALLBACK_MODULE}; ${FALLBACK_MODULE}.install("full-stdlib.zip")`);
  const replies = answers(pyodide);
  const fallbackUsed = pyodide.runPython(`${FALLBACK_MODULE}.used[:]`).toJs();
  let probe = null;
  if (role === "trimmed") {
    // The fallback finder works: a module the trimmed library lacks comes from the full one.
    const full = fs.readFileSync(PYODIDE_DIR + "python_stdlib.zip");
    globalThis.XMLHttpRequest = class {
      open(method, url) {
        this.url = url;
      }
      send() {
        this.status = 200;
        this.response = new Uint8Array(full).buffer;
      }
    };
    probe = pyodide.runPython(`import colorsys; ${FALLBACK_MODULE}.used[:]`).toJs();
  }
  parentPort.postMessage({ replies, fallbackUsed, probe });
  process.exit(0);
}

// 1. Start Pyodide for the snapshot with the full library, install the wheel, answer every request
// (their replies are the reference; the caches they warm are kept), and list what was imported.
const maker = await loadPyodide({ indexURL: PYODIDE_DIR, _makeSnapshot: true, ...quiet });
installWheel(maker);
const reference = answers(maker);
maker.globals.set("FALLBACK_MODULE", FALLBACK_MODULE);
maker.globals.set("FALLBACK_SOURCE", fallbackSource());
maker.runPython(`
import sys, zipfile, zipimport
ZIP = next(p for p in sys.path if p.endswith(".zip"))
used = set()
for module in list(sys.modules.values()):
    file = getattr(module, "__file__", None) or ""
    if file.startswith(ZIP + "/"):
        used.add(file[len(ZIP) + 1 :])
with zipfile.ZipFile(ZIP) as full:
    def module_name(file):
        name = file[:-3].replace("/", ".")
        return name[: -len(".__init__")] if name.endswith(".__init__") else name
    missing = sorted(module_name(n) for n in full.namelist() if n.endswith(".py") and n not in used)
    source = FALLBACK_SOURCE.replace("MISSING_NAMES", repr(frozenset(missing)))
    with zipfile.ZipFile("/tmp/trimmed.zip", "w", zipfile.ZIP_STORED) as trimmed:
        for name in [*sorted(used), None]:
            entry = zipfile.ZipInfo(name or FALLBACK_MODULE + ".py", date_time=(1980, 1, 1, 0, 0, 0))
            trimmed.writestr(entry, full.read(name) if name else source.replace("TRIMMED_ZIP", repr(ZIP)))
MODULE_COUNT = len(used)
# 2. From here on the trimmed library is the standard library: the zip importers read its table of
# contents afresh (the worker gives Pyodide this same file).
with open("/tmp/trimmed.zip", "rb") as src, open(ZIP, "wb") as dst:
    dst.write(src.read())
zipimport._zip_directory_cache.clear()
import ${FALLBACK_MODULE}
del sys, zipfile, zipimport, used, module, file, full, module_name, missing, source, trimmed, name, entry, src, dst
import gc
gc.collect()
`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(stdlibPath, maker.FS.readFile("/tmp/trimmed.zip"));
const moduleCount = maker.globals.get("MODULE_COUNT");
maker.runPython("del MODULE_COUNT, FALLBACK_MODULE, FALLBACK_SOURCE, ZIP, gc");
zeroFreeMemory(maker._module);
const snapshot = maker.makeMemorySnapshot();
const file = new Uint8Array(snapshot.length + TRAILER_BYTES);
file.set(snapshot);
const trailer = new DataView(file.buffer, snapshot.length, TRAILER_BYTES);
[...TRAILER_MAGIC].forEach((c, i) => trailer.setUint8(i, c.charCodeAt(0)));
trailer.setUint32(8, snapshot.length, true);
fs.writeFileSync(snapshotPath, file);

// 3. The check, both in parallel: the restored snapshot and a normal start with the trimmed library
// answer exactly as the reference did, without the fallback finder.
const check = (role) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { argv: process.argv.slice(2), workerData: { role } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the ${role} check exited with ${code}`)));
  });
const problems = [];
const roles = ["restored", "trimmed"];
const results = await Promise.all(roles.map(check));
roles.forEach((role, n) => {
  const { replies, fallbackUsed, probe } = results[n];
  replies.forEach((reply, i) => {
    if (reply !== reference[i]) {
      problems.push(`${role}, request ${i}: ${reply.slice(0, 200)} != ${reference[i].slice(0, 200)}`);
    }
  });
  if (fallbackUsed.length) problems.push(`${role} needed modules the trimmed library lacks: ${fallbackUsed}`);
  if (probe && probe.join() !== "colorsys") {
    problems.push(`the fallback finder did not import colorsys from the full library: ${probe}`);
  }
});
if (problems.length) {
  console.error(`make_snapshot: the snapshot differs from a normal start:\n${problems.join("\n")}`);
  fs.rmSync(snapshotPath, { force: true });
  fs.rmSync(stdlibPath, { force: true });
  process.exit(1);
}
console.log(
  JSON.stringify({
    pyodide: version,
    snapshot: fs.statSync(snapshotPath).size,
    stdlib: fs.statSync(stdlibPath).size,
    stdlib_modules: moduleCount,
    requests: requests.length,
    seconds: Number(elapsed()),
  }),
);
process.exit(0);

/** The snapshot without its trailer (the worker's check, in calculator-worker.js, is the same). */
function unwrap(bytes) {
  const end = bytes.length - TRAILER_BYTES;
  const magic = String.fromCharCode(...bytes.subarray(end, end + 8));
  if (magic !== TRAILER_MAGIC || bytes.readUInt32LE(end + 8) !== end) throw new Error("bad trailer");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, end);
}

/**
 * Zero the heap's free memory before the snapshot: free chunks still hold the bytes of freed objects,
 * which compress badly. Allocate free memory (largest blocks first, never past the end of the heap),
 * zero it, free it again.
 */
function zeroFreeMemory(Module) {
  const brk = () => Module.HEAPU32[Module._emscripten_get_sbrk_ptr() >>> 2];
  // A restored snapshot's memory must not be larger than the start's: never grow the heap here.
  const end = Module.HEAP8.length;
  const held = [];
  for (let size = 1 << 22; size >= 16; size >>= 1) {
    while (brk() + size + 65536 <= end) {
      const pointer = Module._malloc(size);
      if (!pointer) break;
      Module.HEAP8.fill(0, pointer, pointer + size);
      held.push(pointer);
    }
  }
  for (const pointer of held) Module._free(pointer);
  if (Module.HEAP8.length !== end) throw new Error("zeroing the free memory grew the heap");
}

function fallbackSource() {
  return `"""The last finder on sys.meta_path: a standard-library module the trimmed library lacks.

Written by scripts/make_snapshot.mjs. The calculator's Pyodide carries a standard library holding only
what the calculators import; should a module outside it ever be imported, this fetches the full
python_stdlib.zip once (a synchronous request: the calculator runs in a Web Worker), and imports from it.
"""

import sys

#: Modules of the full library that the trimmed one lacks.
MISSING = MISSING_NAMES
TRIMMED = TRIMMED_ZIP
FULL = TRIMMED[: -len(".zip")] + "-full.zip"
#: The modules this finder had to import (the build checks that requests need none).
used = []
_url = None


class Finder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if _url is None or name not in MISSING:
            return None
        _load()
        from importlib.machinery import PathFinder

        search = None if path is None else [p.replace(TRIMMED, FULL, 1) for p in path]
        spec = PathFinder.find_spec(name, search)
        if spec is not None:
            used.append(name)
        return spec


def _load():
    if FULL in sys.path:
        return
    from js import XMLHttpRequest

    request = XMLHttpRequest.new()
    request.open("GET", _url, False)
    request.responseType = "arraybuffer"
    request.send()
    if request.status != 200:
        raise ImportError(f"the full standard library is unavailable (HTTP {request.status})")
    with open(FULL, "wb") as file:
        file.write(request.response.to_bytes())
    sys.path.append(FULL)


def install(url):
    """Fetch the full library from url when a missing module is imported."""
    global _url
    _url = url
    if Finder not in sys.meta_path:
        sys.meta_path.append(Finder)
`;
}
