// Bench trace for the recompute measurement only (an extra init script): when calculator.js posts a
// "compute" message to its worker and when the "result" comes back, so that keystroke-to-result time
// splits into main thread before, worker round trip, and rendering. It also keeps the calculator's
// worker and its last request, to time the worker alone (requests with negative ids, which the
// widget ignores).
(() => {
  "use strict";
  const Native = window.Worker;
  if (!Native || Native.__benchTraced) return;
  const trace = (window.__trace = { sent: null, received: null, worker: null, request: null });
  const post = Native.prototype.postMessage;
  Native.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "compute") {
      trace.sent = performance.now();
      if (message.id > 0) trace.request = message.request;
    }
    return post.call(this, message, ...rest);
  };
  class Traced extends Native {
    constructor(...args) {
      super(...args);
      if (String(args[0]).includes("calculator-worker")) trace.worker = this;
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === "result") trace.received = performance.now();
      });
    }
  }
  Traced.__benchTraced = true;
  window.Worker = Traced;
})();
