// The worker client: starts Python (Pyodide in a module Web Worker), watches the start for stalls
// and each computation for an answer, and hands the worker's messages to the widget. It knows no
// DOM; unit-tested in Node with a fake worker and fake timers (tests/js/worker-client.test.mjs).

export const STALL_LIMIT_MS = 15000; // no progress for this long: Python cannot start here
export const ANSWER_LIMIT_MS = 10000; // no answer to a computation for this long: the worker is gone

const moduleWorker = (url) => new Worker(url, { type: "module" });

export class PythonWorker {
  // on: { progress(percent), ready(), result(reply, failure), failed(reason) }.
  // spawn and timers stand in for Worker and setTimeout in a test.
  constructor(url, on, { spawn = moduleWorker, timers = globalThis } = {}) {
    Object.assign(this, { url, on, spawn, timers });
    this.worker = null;
    this.nextId = 1;
    this.lastId = 0;
  }

  get started() {
    return this.worker !== null;
  }

  // Start a new worker (ending one that runs); `message` says where Pyodide and the wheel are.
  start(message) {
    this.stop();
    this.worker = this.spawn(this.url);
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.fail(event.message || "worker error");
    this.arm("stall", STALL_LIMIT_MS, "no progress for 15 s");
    this.worker.postMessage({ type: "start", ...message });
  }

  // Send a computation; only the answer to the last one sent is handed on.
  compute(request) {
    this.lastId = this.nextId++;
    this.worker.postMessage({ type: "compute", id: this.lastId, request });
    // A worker that exits mid-computation sends nothing, not even an error: give up on it, so that
    // a retry starts a new one and recomputes the current inputs.
    this.arm("answer", ANSWER_LIMIT_MS, "no answer to a computation");
  }

  stop() {
    this.timers.clearTimeout(this.stall);
    this.timers.clearTimeout(this.answer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
  }

  fail(reason) {
    this.stop();
    this.on.failed(reason);
  }

  arm(timer, limit, reason) {
    this.timers.clearTimeout(this[timer]);
    this[timer] = this.timers.setTimeout(() => this.fail(reason), limit);
  }

  receive(data) {
    if (data.type === "progress") {
      this.arm("stall", STALL_LIMIT_MS, "no progress for 15 s");
      this.on.progress(data.percent);
    } else if (data.type === "ready") {
      this.timers.clearTimeout(this.stall);
      this.on.ready();
    } else if (data.type === "failed") {
      this.fail(data.reason);
    } else if (data.type === "result" && data.id === this.lastId) {
      this.timers.clearTimeout(this.answer);
      this.on.result(data.reply, data.failure);
    }
  }
}
