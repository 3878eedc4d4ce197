// Unit tests of calculator/worker-client.js with a fake worker and fake timers: node --test tests/js.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ANSWER_LIMIT_MS, PythonWorker, STALL_LIMIT_MS } from "../../overrides/assets/javascripts/calculator/worker-client.js";

class FakeWorker {
  constructor(url) {
    Object.assign(this, { url, sent: [], terminated: false });
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data) {
    this.onmessage({ data });
  }
}

// Timers that run only when the test says time has passed.
class FakeTimers {
  constructor() {
    Object.assign(this, { now: 0, next: 1, pending: new Map() });
  }
  setTimeout(callback, ms) {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(id) {
    this.pending.delete(id);
  }
  advance(ms) {
    this.now += ms;
    for (const [id, timer] of [...this.pending]) {
      if (timer.at <= this.now && this.pending.delete(id)) timer.callback();
    }
  }
}

function client() {
  const events = [];
  const workers = [];
  const timers = new FakeTimers();
  const on = {
    progress: (percent) => events.push(["progress", percent]),
    ready: () => events.push(["ready"]),
    result: (reply, failure) => events.push(["result", reply, failure]),
    failed: (reason) => events.push(["failed", reason]),
  };
  const spawn = (url) => workers.push(new FakeWorker(url)) && workers.at(-1);
  return { python: new PythonWorker("worker.js", on, { spawn, timers }), events, workers, timers };
}

test("start posts where Python is, and ready is handed on", () => {
  const { python, events, workers } = client();
  assert.equal(python.started, false);
  python.start({ pyodideUrl: "p/", wheelUrl: "w.whl" });
  assert.equal(python.started, true);
  assert.deepEqual(workers[0].sent, [{ type: "start", pyodideUrl: "p/", wheelUrl: "w.whl" }]);
  workers[0].reply({ type: "progress", percent: 40 });
  workers[0].reply({ type: "ready" });
  assert.deepEqual(events, [["progress", 40], ["ready"]]);
});

test("a start without progress for the stall limit fails and ends the worker", () => {
  const { python, events, workers, timers } = client();
  python.start({});
  timers.advance(STALL_LIMIT_MS - 1);
  workers[0].reply({ type: "progress", percent: 10 }); // progress re-arms the limit
  timers.advance(STALL_LIMIT_MS - 1);
  assert.deepEqual(events, [["progress", 10]]);
  timers.advance(1);
  assert.deepEqual(events.at(-1), ["failed", "no progress for 15 s"]);
  assert.equal(workers[0].terminated, true);
  assert.equal(python.started, false);
});

test("only the answer to the last computation is handed on", () => {
  const { python, events, workers } = client();
  python.start({});
  workers[0].reply({ type: "ready" });
  python.compute({ values: { a: "1" } });
  python.compute({ values: { a: "2" } });
  const [first, second] = workers[0].sent.slice(1);
  assert.deepEqual([first.type, second.type, second.request], ["compute", "compute", { values: { a: "2" } }]);
  workers[0].reply({ type: "result", id: first.id, reply: "old" });
  workers[0].reply({ type: "result", id: second.id, reply: "new", failure: "why" });
  assert.deepEqual(events.slice(1), [["result", "new", "why"]]);
});

test("a computation without an answer fails after the answer limit; an answer stops the clock", () => {
  const { python, events, workers, timers } = client();
  python.start({});
  workers[0].reply({ type: "ready" });
  python.compute({});
  workers[0].reply({ type: "result", id: workers[0].sent[1].id, reply: {} });
  timers.advance(ANSWER_LIMIT_MS * 2);
  assert.equal(events.some(([type]) => type === "failed"), false);
  python.compute({});
  timers.advance(ANSWER_LIMIT_MS);
  assert.deepEqual(events.at(-1), ["failed", "no answer to a computation"]);
});

test("a worker error or a failed start is a failure; a retry starts a new worker", () => {
  const { python, events, workers } = client();
  python.start({});
  workers[0].onerror({ message: "" });
  assert.deepEqual(events.at(-1), ["failed", "worker error"]);
  python.start({});
  workers[1].reply({ type: "failed", reason: "snapshot refused" });
  assert.deepEqual(events.at(-1), ["failed", "snapshot refused"]);
  python.start({});
  python.start({});
  assert.equal(workers[2].terminated, true, "starting again ends the worker that ran");
  assert.equal(workers.length, 4);
});
