// What the browser compiles on the way to the first rows: the project page
// loaded cold as `bench/cold-timeline.mjs` loads it (CPU 4× slower,
// 10 Mbit/s, +40 ms, no cache), traced; prints, per load, how many of the
// wasm's functions V8 compiled lazily (on the main thread, at their first
// call) before the first rows, their code bytes against the module's, and
// the main-thread time those compilations took in the trace (tracing adds
// to it: read it as an upper bound).
// Usage (a demo API serving the repository root, as for cold-timeline.mjs):
//   node bench/cold-compile.mjs http://127.0.0.1:PORT [loads]
// CU_JS_FLAGS passes V8 flags to the browser, for experiments only (users'
// browsers have none), e.g. CU_JS_FLAGS=--no-wasm-lazy-compilation.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { coldStart, probes, waitFirstRows } from './page-probes.mjs';

const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const { chromium } = createRequire(join(modules, 'noop.js'))('playwright-core');
const [base, nArg = '3'] = process.argv.slice(2);
if (!base) {
  console.error('usage: node bench/cold-compile.mjs BASE_URL [loads]');
  process.exit(2);
}
const ROWS = '.cu-runs tbody tr:not(.cu-empty-row) td';

// Code-section body sizes by function index (imports first), from the wasm
// as served.
function functionSizes(bytes) {
  let i = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    for (;;) {
      const b = bytes[i++];
      r += (b & 0x7f) * 2 ** s;
      s += 7;
      if (b < 0x80) return r;
    }
  };
  let imported = 0;
  const sizes = [];
  while (i < bytes.length) {
    const id = bytes[i++];
    const len = leb();
    const end = i + len;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        // `i += leb()` would read `i` before leb() moves it past the length.
        const moduleName = leb();
        i += moduleName;
        const fieldName = leb();
        i += fieldName;
        const kind = bytes[i++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { i++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { i += 2; } else if (kind === 4) { i++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) { const size = leb(); sizes.push(size); i += size; }
    }
    i = end;
  }
  return { imported, sizes };
}

const wasm = new Uint8Array(await (await fetch(`${base}/pkg/cu_cost_table_bg.wasm`)).arrayBuffer());
const { imported, sizes } = functionSizes(wasm);
const codeBytes = sizes.reduce((a, b) => a + b, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...(process.env.CU_JS_FLAGS ? [`--js-flags=${process.env.CU_JS_FLAGS}`] : [])],
});
try {
  for (let load = 0; load < Number(nArg); load++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e}`));
    await coldStart(context, page);
    await page.addInitScript(probes, ROWS);
    // A trace mark at the same animation frame as the first rows.
    await page.addInitScript((sel) => {
      const obs = new MutationObserver(() => {
        if (document.querySelector(sel)) {
          obs.disconnect();
          requestAnimationFrame(() => performance.mark('cu-first-rows'));
        }
      });
      obs.observe(document, { subtree: true, childList: true });
    }, ROWS);
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((r) => cdp.on('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'v8.wasm,disabled-by-default-v8.wasm.detailed,blink.user_timing', transferMode: 'ReportEvents' });
    const shown = waitFirstRows(page);
    await page.goto(`${base}/bench/project.html`);
    await shown;
    const first = await page.evaluate(() => window.__firstRows);
    await cdp.send('Tracing.end');
    await done;
    const mark = events.find((e) => e.name === 'cu-first-rows');
    const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && (!mark || e.ts < mark.ts));
    const fns = new Set(lazy.map((e) => e.args?.func_index).filter((f) => f !== undefined));
    let bytes = 0;
    for (const f of fns) bytes += sizes[f - imported] || 0;
    const ms = lazy.reduce((a, e) => a + (e.dur || 0), 0) / 1000;
    console.log(`load ${load + 1}: first rows ${Math.round(first)} ms; compiled lazily before them: ${fns.size} of ${sizes.length} functions, ${bytes} of ${codeBytes} code bytes (${((100 * bytes) / codeBytes).toFixed(0)} %), ${ms.toFixed(0)} ms traced on the main thread`);
    await context.close();
  }
} finally {
  await browser.close();
}
