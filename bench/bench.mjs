// Side-by-side benchmark: the project's package, a vanilla-JS floor and a
// TanStack Table v8 page, on the same data from the same demo API, in
// headless Chromium. Times are taken inside the page with performance.now(),
// from the input event to the frame after the DOM shows the new figure.
// Usage: node bench/bench.mjs BASE_URL RUNS REPS [OUT.json]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { coldStart, probes, waitFirstRows } from './page-probes.mjs';

const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const { chromium } = createRequire(join(modules, 'noop.js'))('playwright-core');
const [base, runsArg, repsArg, outFile] = process.argv.slice(2);
if (!base || !runsArg) {
  console.error('usage: node bench/bench.mjs BASE_URL RUNS REPS [OUT.json]');
  process.exit(2);
}
const N = Number(runsArg);
const REPS = Number(repsArg || 3);
const DEBOUNCE_MS = 200;
// COLD_START=1 (bash bench/run.sh --cold-start): page loads throttled as
// below, navigation → first rows only.
const COLD = process.env.COLD_START === '1';
// TanStack's row models hold every run as objects (545 MB at 100,000 runs):
// above this size it is left out, and the table says so.
const TANSTACK_MAX = 200000;
const NAMES = N > TANSTACK_MAX ? ['project', 'vanilla'] : ['project', 'vanilla', 'tanstack'];

// What each page ships (HTML left out for all three).
const FILES = {
  project: ['pkg/cu_cost_table_bg.wasm', 'pkg/cu_cost_table.js', 'pkg/cu-cost-table.css'],
  vanilla: ['bench/common.js', 'bench/vanilla.js', 'bench/bench.css'],
  tanstack: ['bench/vendor/table-core.umd.js', 'bench/common.js', 'bench/tanstack.js', 'bench/bench.css'],
};

// How to find things on each page. The reference pages mark them with
// data-bench; the project is driven by what a user sees.
const PAGES = {
  project: {
    url: '/bench/project.html',
    firstRow: '.cu-runs tbody tr:not(.cu-empty-row) td',
    total: '.cu-subtotals tfoot tr > :nth-child(3)',
    firstCell: '.cu-runs tbody tr:not(.cu-empty-row) td',
    loadAll: `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load all runs')`,
    // Done when the exact grand total (EXPECTED, from the serial walk) is on
    // screen: work after the last page counts.
    done: `(document.querySelector('.cu-outcome')?.textContent || '').startsWith('Loaded all')
      && (document.querySelector('.cu-subtotals tfoot tr > :nth-child(3)')?.textContent || '').replace(/,/g, '').trim() === window.__expectedTotal`,
    workflow: `document.querySelector('select[id$="-workflow"]')`,
    failed: `[...document.querySelectorAll('.cu-check')].find((l) => l.textContent.includes('Failed')).querySelector('input')`,
    search: `document.querySelector('input[id$="-search"]')`,
    sortCu: `[...document.querySelectorAll('.cu-runs thead button')].find((b) => b.textContent.replace(/[↕▲▼]/g, '').trim() === 'CU')`,
  },
};
for (const name of ['vanilla', 'tanstack']) {
  PAGES[name] = {
    url: `/bench/${name}.html`,
    firstRow: '[data-bench=rows] tr td',
    total: '[data-bench=total]',
    firstCell: '[data-bench=rows] tr td',
    loadAll: `document.querySelector('[data-bench=load-all]')`,
    done: `(document.querySelector('[data-bench=outcome]')?.textContent || '').startsWith('Loaded all')`,
    workflow: `document.querySelector('[data-bench=workflow]')`,
    failed: `document.querySelector('[data-bench=status-failure]')`,
    search: `document.querySelector('[data-bench=search]')`,
    sortCu: `document.querySelector('[data-bench=sort-cu]')`,
  };
}

function bytes(files) {
  const all = Buffer.concat(files.map((f) => readFileSync(f)));
  const per = (f) => files.reduce((s, file) => s + f(readFileSync(file)).length, 0);
  return {
    raw: all.length,
    gzip: per((b) => gzipSync(b, { level: 9 })),
    brotli: per((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

// In-page helper: runs `act`, then resolves with the ms until the frame
// after `selector`'s text changed.
const PAGE_HELPERS = `
window.__timeChange = (selector, act) => new Promise((resolve, reject) => {
  const el = () => document.querySelector(selector);
  const before = el() ? el().textContent : null;
  let t0;
  const finish = () => requestAnimationFrame(() => resolve(performance.now() - t0));
  const changed = () => el() && el().textContent !== before;
  const obs = new MutationObserver(() => { if (changed()) { obs.disconnect(); clearTimeout(timer); finish(); } });
  obs.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no change of ' + selector)); }, 120000);
  t0 = performance.now();
  act();
  if (changed()) { obs.disconnect(); clearTimeout(timer); finish(); }
});
window.__fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
// A pause between a user's changes (the last change's garbage collection
// and idle work run in it, as they would between clicks).
window.__idle = () => new Promise((resolve) => setTimeout(resolve, 300));
// The median of k timed changes (\`there\`, each from an idle page; \`back\`
// undoes it untimed): one change is one frame, and one frame can be unlucky.
window.__medianChange = async (k, selector, there, back) => {
  const xs = [];
  for (let i = 0; i < k; i++) {
    await window.__idle();
    xs.push(await window.__timeChange(selector, there));
    await window.__timeChange(selector, back);
  }
  return xs.sort((a, b) => a - b)[Math.floor((k - 1) / 2)];
};
`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--js-flags=--expose-gc', '--enable-precise-memory-info', '--disable-renderer-backgrounding'],
});

// Opens `name`'s page in a fresh context (nothing cached) with the timing
// hooks installed, and waits for its first rows; returns the page.
async function openPage(name, errors) {
  const p = PAGES[name];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  if (COLD) await coldStart(context, page);
  await page.addInitScript(({ helpers }) => {
    // eslint-disable-next-line no-eval
    (0, eval)(helpers);
  }, { helpers: PAGE_HELPERS });
  // Long tasks (the longest during "Load all") and the first rows' time.
  await page.addInitScript(probes, p.firstRow);
  const shown = waitFirstRows(page);
  await page.goto(base + p.url);
  await shown;
  return { context, page };
}

// Mount → first rows alone, sampled FIRST_ROWS_SAMPLES times per page with
// the pages taking turns (one sample per repetition moved by 2× between runs).
const FIRST_ROWS_SAMPLES = Number(process.env.FIRST_ROWS_SAMPLES || 7);
// Filter changes timed per repetition (the median is kept).
const CHANGE_SAMPLES = Number(process.env.CHANGE_SAMPLES || 5);
async function firstRowsOnly(name) {
  const errors = [];
  const { context, page } = await openPage(name, errors);
  const ms = await page.evaluate(() => window.__firstRows);
  await context.close();
  if (errors.length) console.error(`${name}: page errors: ${errors.join(' | ')}`);
  return ms;
}

async function once(name) {
  const p = PAGES[name];
  const errors = [];
  const { context, page } = await openPage(name, errors);
  const r = {};

  // Load all runs: click to the frame after "Loaded all" (for the project,
  // after the exact grand total is on screen).
  await page.evaluate((t) => { window.__expectedTotal = t; }, EXPECTED_TOTAL);
  const walk = await page.evaluate(async ({ loadAll, done }) => {
    const isDone = new Function(`return ${done}`);
    const t0 = performance.now();
    eval(loadAll).click();
    await new Promise((resolve) => { const tick = () => (isDone() ? resolve() : setTimeout(tick, 5)); tick(); });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const ms = performance.now() - t0;
    // Long-task entries are delivered after the task: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const longest = window.__longTasks.filter(([start]) => start >= t0 && start <= t0 + ms).reduce((m, [, d]) => Math.max(m, d), 0);
    return { ms, longest };
  }, p);
  r.loadAllMs = walk.ms;
  r.loadAllLongestTaskMs = walk.longest;
  const totalText = await page.evaluate((s) => document.querySelector(s).textContent, p.total);

  // Memory after loading N: JS heap (after GC) + wasm linear memory.
  r.memory = await page.evaluate(() => {
    window.gc(); window.gc();
    const js = performance.memory.usedJSHeapSize;
    const wasm = window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0;
    return { js, wasm, total: js + wasm };
  });

  // Filter changes, each timed to the updated total.
  // Each filter change: the median of CHANGE_SAMPLES, each from an idle page.
  const k = CHANGE_SAMPLES;
  r.workflowMs = await page.evaluate(async ({ workflow, total, k }) => {
    const sel = eval(workflow);
    const value = sel.options[2].value; // a workflow (not the largest, not "All")
    const pick = (v) => () => { sel.value = v; window.__fire(sel, 'change'); };
    return window.__medianChange(k, total, pick(value), pick(''));
  }, { ...p, k });
  r.statusMs = await page.evaluate(async ({ failed, total, k }) => {
    const click = () => eval(failed).click();
    return window.__medianChange(k, total, click, click);
  }, { ...p, k });
  r.searchMs = await page.evaluate(async ({ search, total, k }) => {
    const input = eval(search);
    const type = (text) => () => { input.value = text; window.__fire(input, 'input'); };
    return window.__medianChange(k, total, type('billing'), type(''));
  }, { ...p, k }) - DEBOUNCE_MS;
  r.sortMs = await page.evaluate(async ({ sortCu, firstCell }) => {
    return window.__timeChange(firstCell, () => eval(sortCu).click());
  }, p);
  // The same workflow select while the runs are sorted by CU, and back to
  // all workflows (every run in the sorted order again).
  const sortedWorkflow = await page.evaluate(async ({ workflow, total }) => {
    const sel = eval(workflow);
    const value = sel.options[2].value;
    const select = await window.__timeChange(total, () => { sel.value = value; window.__fire(sel, 'change'); });
    const clear = await window.__timeChange(total, () => { sel.value = ''; window.__fire(sel, 'change'); });
    return { select, clear };
  }, p);
  r.sortedWorkflowMs = sortedWorkflow.select;
  r.sortedClearMs = sortedWorkflow.clear;
  r.total = totalText;
  r.errors = errors;
  await context.close();
  return r;
}

// The serial walk: one request at a time, in the page, same server.
async function serialWalk() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/bench/vanilla.html');
  const ms = await page.evaluate(async () => {
    const t0 = performance.now();
    let offset = 0;
    let n = 0;
    // The exact grand total, from the digits sent (1/10,000 CU, half up).
    let sum = 0n;
    const units = (text) => {
      const m = text.match(/^(\d+)(?:\.(\d+))?$/);
      if (!m) return 0n;
      const frac = (m[2] || '').padEnd(5, '0');
      return BigInt(m[1]) * 10000n + BigInt(frac.slice(0, 4)) + (frac[4] >= '5' ? 1n : 0n);
    };
    for (;;) {
      const res = await fetch(`/v1/organizations/bench/cu/runs?limit=100&offset=${offset}`, { headers: { Authorization: 'Bearer bench-token' } });
      const text = await res.text();
      for (const m of text.matchAll(/"totalCu":([0-9][0-9.]*)/g)) sum += units(m[1]);
      const body = JSON.parse(text);
      n += body.data.items.length;
      if (!body.data.hasMore || body.data.items.length === 0) break;
      offset += 100;
    }
    const ms = performance.now() - t0;
    return { ms, n, total: `${sum / 10000n}.${String(sum % 10000n).padStart(4, '0')}` };
  });
  await context.close();
  return ms;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)], min: s[0], max: s[s.length - 1] };
};

const results = { runs: N, reps: REPS, date: new Date().toISOString(), shape: process.env.DEMO_FLAGS || '', pages: {} };
const firstRows = Object.fromEntries(NAMES.map((name) => [name, []]));
for (let i = 0; i < FIRST_ROWS_SAMPLES; i++) {
  for (const name of NAMES) firstRows[name].push(await firstRowsOnly(name));
}
if (REPS === 0) {
  // `bash bench/run.sh 1000000:0`: mount → first rows and bytes only (a
  // quick check of a start-up change; the full figures need REPS ≥ 1).
  await browser.close();
  const fr = Object.fromEntries(NAMES.map((name) => [name, stats(firstRows[name])]));
  const gz = (name) => bytes(FILES[name]).gzip / 1024;
  console.log(`${COLD ? 'Cold start (CPU 4× slower, 10 Mbit/s, +40 ms, no cache, gzip): navigation → first rows' : 'First rows only'}: ${N.toLocaleString('en-US')} runs, ${FIRST_ROWS_SAMPLES} page loads each (median, min–max ms)`);
  for (const name of NAMES) console.log(`${name}: ${fr[name].median.toFixed(0)} (${fr[name].min.toFixed(0)}–${fr[name].max.toFixed(0)}) ms, ${gz(name).toFixed(1)} KB gzip`);
  console.log(`project / floor: ${(fr.project.median / fr.vanilla.median).toFixed(2)}×`);
  if (fr.tanstack) console.log(`project / TanStack: ${(fr.project.median / fr.tanstack.median).toFixed(2)}×`);
  if (outFile) writeFileSync(outFile, JSON.stringify({ runs: N, date: new Date().toISOString(), cold: COLD, firstRowsMs: fr }, null, 2) + '\n');
  process.exit(0);
}
// One serial walk first: its exact grand total ends the project's "Load all" window.
const firstWalk = await serialWalk();
const EXPECTED_TOTAL = firstWalk.total;
for (const name of NAMES) {
  const reps = [];
  for (let i = 0; i < REPS; i++) reps.push(await once(name));
  const errors = reps.flatMap((r) => r.errors);
  if (errors.length) console.error(`${name}: page errors: ${errors.join(' | ')}`);
  const pick = (f) => stats(reps.map(f));
  results.pages[name] = {
    bytes: bytes(FILES[name]),
    firstRowsMs: stats(firstRows[name]),
    loadAllMs: pick((r) => r.loadAllMs),
    loadAllLongestTaskMs: pick((r) => r.loadAllLongestTaskMs),
    workflowMs: pick((r) => r.workflowMs),
    statusMs: pick((r) => r.statusMs),
    searchMs: pick((r) => r.searchMs),
    sortMs: pick((r) => r.sortMs),
    sortedWorkflowMs: pick((r) => r.sortedWorkflowMs),
    sortedClearMs: pick((r) => r.sortedClearMs),
    memoryMB: pick((r) => r.memory.total / 1048576),
    jsHeapMB: pick((r) => r.memory.js / 1048576),
    wasmMB: pick((r) => r.memory.wasm / 1048576),
    total: reps[0].total,
  };
}
const walks = [firstWalk];
for (let i = 1; i < REPS; i++) walks.push(await serialWalk());
results.serialWalkMs = stats(walks.map((w) => w.ms));
results.serialWalkRuns = walks[0].n;
await browser.close();

// Report.
const P = results.pages;
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const cell = (s) => `${f1(s.median)} (${f1(s.min)}–${f1(s.max)})`;
const kb = (b) => `${(b / 1024).toFixed(1)}`;
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) + '×' : '—');
const rows = [
  [`mount → first rows (ms; ${FIRST_ROWS_SAMPLES} page loads, pages taking turns)`, 'firstRowsMs'],
  ['Load all runs (ms)', 'loadAllMs'],
  ['longest main-thread task during Load all (ms; 0: none over 50)', 'loadAllLongestTaskMs'],
  [`Workflow select → totals (ms; median of ${CHANGE_SAMPLES} changes per repetition)`, 'workflowMs'],
  [`Status checkbox → totals (ms; median of ${CHANGE_SAMPLES})`, 'statusMs'],
  [`Search → totals, after the ${DEBOUNCE_MS} ms debounce (ms; median of ${CHANGE_SAMPLES})`, 'searchMs'],
  ['Sort by CU → first row (ms)', 'sortMs'],
  ['Workflow select while sorted by CU → totals (ms)', 'sortedWorkflowMs'],
  ['… back to all workflows while sorted → totals (ms)', 'sortedClearMs'],
  ['Memory after load: JS heap + wasm (MB)', 'memoryMB'],
];
const lines = [];
lines.push(`Benchmark: ${N.toLocaleString('en-US')} runs, median of ${REPS} (min–max), demo API latency per request as started`);
lines.push('');
lines.push('| figure | project | vanilla JS (floor) | TanStack Table v8 | project / TanStack | project / floor |');
lines.push('|---|---|---|---|---|---|');
const T = P.tanstack;
for (const [label, key] of rows) {
  lines.push(`| ${label} | ${cell(P.project[key])} | ${cell(P.vanilla[key])} | ${T ? cell(T[key]) : '—'} | ${T ? ratio(P.project[key].median, T[key].median) : '—'} | ${ratio(P.project[key].median, P.vanilla[key].median)} |`);
}
for (const k of ['raw', 'gzip', 'brotli']) {
  lines.push(`| bytes shipped, ${k} (KB) | ${kb(P.project.bytes[k])} | ${kb(P.vanilla.bytes[k])} | ${T ? kb(T.bytes[k]) : '—'} | ${T ? ratio(P.project.bytes[k], T.bytes[k]) : '—'} | ${ratio(P.project.bytes[k], P.vanilla.bytes[k])} |`);
}
if (!T) lines.push(`\nTanStack Table v8 is left out above ${TANSTACK_MAX.toLocaleString('en-US')} runs (its row models hold every run as objects: 545 MB at 100,000).`);
lines.push('');
lines.push(`Serial page walk (1 request at a time, limit 100): ${cell(results.serialWalkMs)} ms for ${results.serialWalkRuns.toLocaleString('en-US')} runs; "Load all runs" / serial walk: project ${ratio(P.project.loadAllMs.median, results.serialWalkMs.median)}, floor ${ratio(P.vanilla.loadAllMs.median, results.serialWalkMs.median)}.`);
lines.push(`Memory split (median): project JS ${f1(P.project.jsHeapMB.median)} MB + wasm ${f1(P.project.wasmMB.median)} MB; floor JS ${f1(P.vanilla.jsHeapMB.median)} MB${T ? `; TanStack JS ${f1(T.jsHeapMB.median)} MB` : ''}.`);
lines.push(`Grand totals after load: project ${P.project.total}, vanilla ${P.vanilla.total}${T ? `, TanStack ${T.total}` : ''} (floats in the references).`);
console.log(lines.join('\n'));
if (outFile) writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
