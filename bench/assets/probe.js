// Bench probe, installed with Playwright's add_init_script before any page script runs: timestamps
// (performance.now(), i.e. milliseconds since navigation start) of the widget's progress, state and
// result, and every long task on the main thread.
(() => {
  "use strict";
  if (window.__bench) return;
  const bench = (window.__bench = {
    longtasks: [],
    frames: [],
    progress: [],
    states: [],
    ready: null,
    result: null,
    resultText: null,
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    bench.longtaskError = String(error);
  }
  // Long animation frames name the scripts that kept the main thread busy (where long tasks do not).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: e.scripts.map((s) => ({
            source: s.sourceURL ? s.sourceURL.replace(location.origin, "") : "",
            invoker: s.invoker,
            duration: s.duration,
            compile: s.executionStart ? s.executionStart - s.startTime : 0,
          })),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch (error) {
    bench.framesError = String(error);
  }
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      const target = record.target;
      if (record.type !== "attributes" || !target.matches) continue;
      const name = record.attributeName;
      if (name === "data-state" && target.matches(".calc[data-calculator]")) {
        bench.states.push([target.dataset.state, now]);
        if (target.dataset.state === "ready" && bench.ready === null) bench.ready = now;
      } else if (name === "data-value" && target.matches("[data-result]") && bench.result === null) {
        bench.result = now;
        bench.resultText = target.textContent;
      } else if (name === "value" && target.matches("[data-progress]")) {
        bench.progress.push([Number(target.getAttribute("value")), now]);
      }
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-state", "data-value", "value"],
  });
})();
