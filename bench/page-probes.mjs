// Installed in a bench page before its scripts (`page.addInitScript(probes,
// selector)`): `window.__longTasks` collects main-thread tasks over 50 ms
// ([start, duration]), and `window.__firstRows` becomes the time of the
// animation frame after an element matching `selector` (a first row) is in
// the document, announced as the console message `cu-bench:first-rows`;
// `window.__rowsPainted` the time the main thread has drawn that frame
// (its style, layout and paint: a timer set in the frame's callback runs
// after them), when the rows are on screen
// (`waitFirstRows`): waiting by polling (`page.waitForFunction`) would run
// Playwright's injected script on the main thread during the load, up to
// 100 ms at 4× CPU, and only on a page whose load event comes before its
// first rows (the project's module awaits the wasm; TanStack's does not).
export function probes(selector) {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long-task timing in this browser */ }
  const obs = new MutationObserver(() => {
    if (window.__firstRows === undefined && document.querySelector(selector)) {
      window.__firstRows = null;
      obs.disconnect();
      requestAnimationFrame(() => {
        window.__firstRows = performance.now();
        setTimeout(() => { window.__rowsPainted = performance.now(); }, 0);
        console.debug('cu-bench:first-rows');
      });
    }
  });
  obs.observe(document, { subtree: true, childList: true });
}

// A cold start as users feel it (`bash bench/run.sh --cold-start`): CPU
// slowed 4×, 10 Mbit/s down, 40 ms added latency, no cache (the demo API
// sends static files gzipped).
export async function coldStart(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

// Resolves when the page announces its first rows (see `probes`); call it
// before `page.goto`, await it after.
export function waitFirstRows(page) {
  return page.waitForEvent('console', { predicate: (m) => m.text() === 'cu-bench:first-rows', timeout: 60000 });
}
