// Cold start as a timeline: each page loaded as `bash bench/run.sh
// --cold-start` loads it (CPU 4× slower, 10 Mbit/s, +40 ms, no cache), with
// its resource timings (the wasm's arrival), its long tasks and the time
// to its first rows printed per load, pages taking turns; then the median
// per page.
// Usage (a demo API serving the repository root, after scripts/build-pkg.sh
// and bench/run.sh have put the package and the vendored TanStack in place):
//   ./target/release/demo-api --port 0 --runs 10000 --latency-ms 0 --root . \
//     --timestamps seconds --ids uuid --workflows 2000 &
//   node bench/cold-timeline.mjs http://127.0.0.1:PORT project,tanstack 7
// CU_JS_FLAGS passes V8 flags to the browser, for experiments only (users'
// browsers have none), e.g. CU_JS_FLAGS=--no-wasm-lazy-compilation.
// For a page that loads a wasm it also prints the medians of what follows
// the wasm's arrival, steadier than first rows (which carry the link's
// noise): first rows less the arrival, and the first two long tasks after
// it (mount, then the first page). "Painted" is when the main thread has
// drawn the frame with the first rows (its layout and paint, which the first
// rows' time, taken at that frame's start, leaves out). To compare two packages, serve one as
// /pkg/ and the other under /bench/ with a copy of project.html pointing
// there, and name both pages.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { coldStart, probes, waitFirstRows } from './page-probes.mjs';

const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const { chromium } = createRequire(join(modules, 'noop.js'))('playwright-core');
const [base, pagesArg = 'project,tanstack', nArg = '7'] = process.argv.slice(2);
if (!base) {
  console.error('usage: node bench/cold-timeline.mjs BASE_URL [page,page…] [loads]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...(process.env.CU_JS_FLAGS ? [`--js-flags=${process.env.CU_JS_FLAGS}`] : [])],
});
const firstRows = {};
const painted = {};
const afterWasm = {};
try {
  for (let i = 0; i < Number(nArg); i++) {
    for (const name of pagesArg.split(',')) {
      const sel = !['tanstack', 'vanilla'].includes(name) ? '.cu-runs tbody tr:not(.cu-empty-row) td' : '[data-bench=rows] tr td';
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`${name}: page error: ${e}`));
      await coldStart(context, page);
      await page.addInitScript(probes, sel);
      const shown = waitFirstRows(page);
      await page.goto(`${base}/bench/${name}.html`);
      await shown;
      await page.waitForTimeout(200);
      // The frame with the rows may take longer than that to draw at 4×.
      while (!(await page.evaluate(() => window.__rowsPainted !== undefined))) await page.waitForTimeout(100);
      const r = await page.evaluate(() => ({
        first: Math.round(window.__firstRows),
        painted: Math.round(window.__rowsPainted),
        wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd,
        tasks: window.__longTasks,
        resources: performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 50)} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`),
        long: window.__longTasks.map(([at, ms]) => `${Math.round(at)}+${Math.round(ms)}`),
      }));
      console.log(`${name}: first rows ${r.first} ms; painted ${r.painted} ms; long tasks ${r.long.join(' ')}; ${r.resources.join('; ')}`);
      (firstRows[name] ||= []).push(r.first);
      (painted[name] ||= []).push(r.painted);
      if (r.wasm !== undefined) {
        const after = r.tasks.filter(([at]) => at >= r.wasm - 5).map(([, ms]) => Math.round(ms));
        const a = (afterWasm[name] ||= { rest: [], mount: [], page: [] });
        a.rest.push(Math.round(r.first - r.wasm));
        if (after.length >= 2) { a.mount.push(after[0]); a.page.push(after[1]); }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (const [name, xs] of Object.entries(firstRows)) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`${name}: median first rows ${median(xs)} ms (${s.join(', ')})`);
}
for (const [name, xs] of Object.entries(painted)) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`${name}: median first rows painted ${median(xs)} ms (${s.join(', ')})`);
}
for (const [name, a] of Object.entries(afterWasm)) {
  console.log(`${name}: after the wasm's arrival, medians: first rows ${median(a.rest)} ms; mount task ${a.mount.length ? median(a.mount) : '?'} ms; first page's task ${a.page.length ? median(a.page) : '?'} ms`);
}
