/**
 * Run the unit tests (tests/unit) and the doctests of calculators/ inside Pyodide, under Node,
 * offline: the same runtime (node_modules/pyodide, the version the site self-hosts) that runs the
 * calculators in the reader's browser.
 *
 *   node tests/pyodide/run_in_pyodide.mjs [pytest arguments...]
 *
 * Exits with pytest's exit code. tests/pyodide/test_in_pyodide.py runs this script from pytest.
 *
 * Why a small Node runner and not pytest-pyodide: pytest-pyodide drives Pyodide through Selenium or
 * Playwright with a browser, or through its own Node server, and expects a full Pyodide distribution
 * (with its packages, such as pytest) that it can serve; the npm package we ship has none of those
 * packages and this machine reaches no CDN. It runs single test functions in Pyodide, so our suite
 * would have to be rewritten for it. Here the unchanged suite runs under pytest *inside* Pyodide,
 * with one dependency we already have (Node) and nothing but files on disk.
 *
 * How:
 * 1. The wheels pytest and Hypothesis need (pure Python, except Hypothesis, which has a Pyodide
 *    build on PyPI) are downloaded once with pip, at the versions pinned in requirements.lock, into
 *    .cache/pyodide-wheels/ (gitignored), then reused. This is the only step that uses the network.
 * 2. Pyodide loads from node_modules/pyodide, and loadPackage installs those wheels from their local
 *    paths, as the site's Web Worker installs the calculators wheel. Any http(s) fetch fails the run.
 * 3. calculators/, sitebuild/ (the worked examples the unit tests take their inputs from; its Babel
 *    parts are never imported there), tests/unit/ and tests/conftest.py, and pyproject.toml (so
 *    pytest reads the project's own options) are copied into Pyodide's in-memory file system:
 *    nothing is written to the work tree, and other work in the checkout cannot change files under
 *    a running test.
 * 4. pytest.main runs there with -p no:cacheprovider; tests that need Babel skip (it is not in
 *    Pyodide), every other test must pass.
 *
 * Environment: PYTHON (the Python whose pip downloads the wheels; default .venv/bin/python, then
 * python3), PYODIDE_WHEELS (the wheel folder; default .cache/pyodide-wheels).
 */

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE_DIR = path.join(ROOT, "node_modules", "pyodide");
const WHEEL_DIR = path.resolve(
  process.env.PYODIDE_WHEELS || path.join(ROOT, ".cache", "pyodide-wheels"),
);
const APP = "/app";
/** What pytest and Hypothesis import, besides the standard library (Python 3.14 needs no backports). */
const DISTRIBUTIONS = [
  "pytest", "pluggy", "iniconfig", "packaging", "pygments", // pytest and what it imports
  "hypothesis", "sortedcontainers", // Hypothesis (a Pyodide build from PyPI) and its one dependency
];
/** What is copied into Pyodide, relative to the work tree. */
const COPIED = ["pyproject.toml", "calculators", "sitebuild", "tests/conftest.py", "tests/unit"];
const DEFAULT_ARGS = ["tests/unit", "calculators"];

const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);
const say = (message) => process.stderr.write(`run_in_pyodide: ${message}\n`);

function fail(message) {
  say(message);
  process.exit(2);
}

function normalise(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "_");
}

/** name -> version for each distribution, as requirements.lock pins it. */
function pins() {
  const lock = fs.readFileSync(path.join(ROOT, "requirements.lock"), "utf8");
  const pinned = new Map();
  for (const line of lock.split("\n")) {
    const match = line.trim().match(/^([A-Za-z0-9._-]+)==([^\s;#]+)/);
    if (match) pinned.set(normalise(match[1]), match[2]);
  }
  const result = new Map();
  for (const name of DISTRIBUTIONS) {
    const version = pinned.get(normalise(name));
    if (!version) fail(`requirements.lock pins no version of ${name}`);
    result.set(name, version);
  }
  return result;
}

function wheelFor(name, version, files) {
  const prefix = `${normalise(name)}-${version}-`;
  return files.find((file) => file.endsWith(".whl") && file.toLowerCase().startsWith(prefix));
}

function python() {
  if (process.env.PYTHON) return process.env.PYTHON;
  const venv = path.join(ROOT, ".venv", "bin", "python");
  return fs.existsSync(venv) ? venv : "python3";
}

/** Local paths of the pinned wheels, downloading the missing ones once. */
function wheels() {
  const wanted = pins();
  fs.mkdirSync(WHEEL_DIR, { recursive: true });
  const missing = () => {
    const files = fs.readdirSync(WHEEL_DIR);
    return [...wanted].filter(([name, version]) => !wheelFor(name, version, files));
  };
  const absent = missing();
  if (absent.length) {
    const lockFile = path.join(PYODIDE_DIR, "pyodide-lock.json");
    const lock = JSON.parse(fs.readFileSync(lockFile, "utf8")).info;
    const [major, minor] = lock.python.split(".");
    const tmp = fs.mkdtempSync(path.join(WHEEL_DIR, ".download-"));
    const args = [
      "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
      "--only-binary=:all:", "--no-deps",
      "--python-version", `${major}.${minor}`, "--implementation", "cp", "--abi", `cp${major}${minor}`,
      "--platform", `pyemscripten_${lock.abi_version}_${lock.arch}`,
      "--dest", tmp,
      ...absent.map(([name, version]) => `${name}==${version}`),
    ];
    say(`downloading ${absent.map(([n, v]) => `${n} ${v}`).join(", ")} into ${WHEEL_DIR}`);
    const pip = spawnSync(python(), args, { stdio: "inherit" });
    if (pip.status !== 0) fail(`pip download failed (${python()} ${args.join(" ")})`);
    for (const file of fs.readdirSync(tmp)) {
      fs.renameSync(path.join(tmp, file), path.join(WHEEL_DIR, file));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    const still = missing();
    if (still.length) {
      fail(`no wheel for ${still.map(([n, v]) => `${n}==${v}`).join(", ")} in ${WHEEL_DIR}`);
    }
  }
  const files = fs.readdirSync(WHEEL_DIR);
  return [...wanted].map(([name, version]) => path.join(WHEEL_DIR, wheelFor(name, version, files)));
}

/** Copy a file or folder of the work tree into Pyodide's in-memory file system. */
function copyInto(FS, relative) {
  const source = path.join(ROOT, relative);
  if (!fs.existsSync(source)) return;
  const target = path.posix.join(APP, relative.split(path.sep).join("/"));
  if (fs.statSync(source).isDirectory()) {
    FS.mkdirTree(target);
    for (const entry of fs.readdirSync(source)) {
      if (entry === "__pycache__" || entry.startsWith(".") || entry.endsWith(".pyc")) continue;
      copyInto(FS, path.join(relative, entry));
    }
  } else {
    FS.mkdirTree(path.posix.dirname(target));
    FS.writeFile(target, fs.readFileSync(source));
  }
}

function refuseNetwork() {
  const localFetch = globalThis.fetch;
  globalThis.fetch = async (resource, options) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    if (/^(https?|wss?):/i.test(url)) throw new Error(`offline run: refused to fetch ${url}`);
    return localFetch(resource, options);
  };
}

async function main() {
  if (!fs.existsSync(path.join(PYODIDE_DIR, "pyodide.mjs"))) {
    fail(`no Pyodide in ${PYODIDE_DIR}: run \`npm ci\` first`);
  }
  const wheelPaths = wheels();
  refuseNetwork();

  const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
  const loading = performance.now();
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_DIR + path.sep,
    env: { HOME: "/home/pyodide", COLUMNS: "100", PYTHONHASHSEED: "0" },
  });
  const write = (stream) => ({
    write: (buffer) => {
      stream.write(Buffer.from(buffer));
      return buffer.length;
    },
  });
  pyodide.setStdout(write(process.stdout));
  pyodide.setStderr(write(process.stderr));
  const failures = [];
  await pyodide.loadPackage(wheelPaths, {
    messageCallback: () => {},
    errorCallback: (message) => failures.push(message),
  });
  if (failures.length) fail(`loading the wheels failed:\n${failures.join("\n")}`);
  say(`Pyodide ${pyodide.version} and ${wheelPaths.length} wheels loaded in ${seconds(loading)} s`);

  for (const relative of COPIED) copyInto(pyodide.FS, relative);

  const args = process.argv.slice(2);
  const pytestArgs = ["-p", "no:cacheprovider", "-rfEs", ...(args.length ? args : DEFAULT_ARGS)];
  pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
  const testing = performance.now();
  const code = await pyodide.runPythonAsync(`
import os, sys
sys.dont_write_bytecode = True
os.chdir("${APP}")
sys.path.insert(0, "${APP}")
import pytest
int(pytest.main(list(pytest_args)))
`);
  say(`pytest exited with ${code} after ${seconds(testing)} s (${seconds(started)} s in all)`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => fail(error && error.stack ? error.stack : String(error)),
);
