// End-to-end checks of the promises users meet through the package (pkg/,
// mounted by a test page served from the demo API's origin): the refresh
// timer in a visible tab, a long-lived dashboard on a live organization,
// hostile or broken servers (demo organizations echo-offset, no-offset,
// ignore-limit, huge-body, echo-auth, late-copy, fault-*), and bad input at
// mount. Prints cargo-style lines so scripts/test.sh counts them.
// Usage: node tests/e2e/promises.mjs http://127.0.0.1:PORT  (a demo API
// started with --test-aids --root . so /pkg and /__demo/* exist)
import { failedLoadsOf as failedLoads } from './console-guard.mjs';
import { assert, baseUrl, suite } from './harness.mjs';

const base = baseUrl('promises.mjs');
const origin = new URL(base).origin;
// window.gc() and unquantized performance.memory, for the memory figures.
const { check, finish } = await suite('promises', { args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
const failedLoadsOf = (...orgs) => failedLoads(origin, ...orgs);

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- The test page: the package as the README's "Embedding in a portal"
// shows it. `__mount(id, options)` mounts into a new <div id=id> and
// records its cu-runs:* events in `__events`; `__wasm` is what init() returned.
const PAGE_URL = `${origin}/__t/page.html`;
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>promises</title>
<link rel="stylesheet" href="/pkg/cu-cost-table.css"></head>
<body><main id="main"></main>
<script type="module">
  import init, { mount } from "/pkg/cu_cost_table.js";
  window.__wasm = await init();
  window.__events = [];
  window.__handles = {};
  window.__mount = (id, options) => {
    const el = document.createElement('div');
    el.id = id;
    document.getElementById('main').append(el);
    for (const type of ['cu-runs:load', 'cu-runs:error']) el.addEventListener(type, (e) => window.__events.push({ id, type, detail: e.detail }));
    window.__handles[id] = mount(el, options);
  };
  window.__ready = true;
</script></body></html>`;

async function open(page) {
  await page.route(PAGE_URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
}

const mountIn = (page, id, options) => page.evaluate(([id, options]) => window.__mount(id, options), [id, options]);
const rowsOf = (root) => root.locator('table:has(caption:text-is("Workflow runs")) tbody tr:not(.cu-empty-row)');
const events = (page, id, type) => page.evaluate(([id, type]) => window.__events.filter((e) => e.id === id && e.type === type).map((e) => e.detail), [id, type]);

// The runs requests the page sends for `org`, in order (the browser's
// record); `.answered` counts those that finished or failed.
function watchRuns(page, org) {
  const seen = [];
  seen.answered = 0;
  const mine = (r) => new URL(r.url()).pathname === `/v1/organizations/${org}/cu/runs`;
  page.on('request', (r) => { if (mine(r)) seen.push({ at: Date.now(), query: new URL(r.url()).search.slice(1) }); });
  for (const end of ['requestfinished', 'requestfailed']) page.on(end, (r) => { if (mine(r)) seen.answered++; });
  return seen;
}

const demoRequests = async (page, org) => (await page.request.get(`${base}/__demo/requests?org=${encodeURIComponent(org)}`)).json();
// /__demo/served with every totalCu kept as the digits the server sent.
async function demoServed(page, org) {
  const text = await (await page.request.get(`${base}/__demo/served?org=${encodeURIComponent(org)}`)).text();
  return JSON.parse(text.replace(/"totalCu":(-?[0-9][0-9.eE+-]*)/g, '"totalCu":"$1"'));
}

// A CU value (decimal digits) in exact 1/10,000 units, rounded half up as
// the component reads it. Never through a binary float.
function units(value) {
  const text = String(value).replace(/,/g, '').trim();
  const m = text.match(/^(\d+)(?:\.(\d+))?$/);
  if (!m) throw new Error(`not a CU value: ${JSON.stringify(value)}`);
  const frac = (m[2] || '').padEnd(5, '0');
  let n = BigInt(m[1]) * 10000n + BigInt(frac.slice(0, 4));
  if (frac[4] >= '5') n += 1n;
  return n;
}
const showUnits = (n) => `${n / 10000n}.${String(n % 10000n).padStart(4, '0')}`;

// The runs table's rows on screen as {header: cell text} (first line of each cell).
const runsTable = (root) => root.locator('table:has(caption:text-is("Workflow runs"))').evaluate((table) => {
  const heads = [...table.querySelectorAll('thead th')].map((th) => (th.querySelector('button') || th).childNodes[0].textContent.trim());
  return [...table.querySelectorAll('tbody tr:not(.cu-empty-row)')].map((tr) => Object.fromEntries(
    [...tr.children].map((td, i) => [heads[i], td.innerText.trim().split('\n')[0].trim()])));
});

// The Total row of the "CU by workflow" table: [runs, total CU] as shown.
async function totalRow(root) {
  const cells = await root.getByRole('table', { name: 'CU by workflow' }).locator('tfoot tr').first().locator('td').allInnerTexts();
  return [cells[0].trim(), cells[1].trim()];
}

// No element of the component left saying it is busy.
const busyLeft = (root) => root.locator('[aria-busy=true]').count();

// ---- 1. The refresh timer, in a visible tab, the way users run it.
await check('timer_refreshes_a_visible_tab', async (page) => {
  await open(page);
  const org = unique('live-timer');
  const sent = watchRuns(page, org);
  assert(await page.evaluate(() => document.visibilityState) === 'visible', 'the tab is not visible');
  await mountIn(page, 'timer', { apiBase: '/', orgId: org, token: 't0k3n-abc', refreshSeconds: 15 });
  const root = page.locator('#timer');
  await rowsOf(root).nth(19).waitFor({ timeout: 20000 });
  const note = root.locator('.cu-refresh-note');
  const t0 = Date.now();
  for (;;) {
    const text = (await note.innerText()).trim();
    if ((await demoRequests(page, org)).length >= 2 && /^3 new runs\b.* since /.test(text)) break;
    assert(Date.now() - t0 < 40000, `no timed refresh within 40 s: ${(await demoRequests(page, org)).length} requests, note "${text}", sent ${JSON.stringify(sent)}`);
    await sleep(250);
  }
  console.log(`    timer: refreshed after ${((Date.now() - t0) / 1000).toFixed(1)} s; note "${(await note.innerText()).trim()}"`);
  await page.evaluate(() => window.__handles.timer.unmount());
  const after = (await demoRequests(page, org)).length;
  const sentAfter = sent.length;
  await sleep(16000);
  assert((await demoRequests(page, org)).length === after && sent.length === sentAfter,
    `requests after unmount: the server saw ${(await demoRequests(page, org)).length - after}, the page sent ${sent.length - sentAfter}`);
  assert(await page.locator('#timer').innerHTML() === '', 'unmount left DOM behind');
});

// ---- 2. A dashboard left open on a live organization: Load all, then 100
// Refreshes. Totals stay exact, memory stays flat.
await check('long_lived_dashboard_stays_exact_and_flat', async (page) => {
  await open(page);
  const org = unique('live-soak');
  await mountIn(page, 'soak', { apiBase: '/', orgId: org, token: 't' });
  const root = page.locator('#soak');
  await rowsOf(root).first().waitFor({ timeout: 20000 });
  await root.getByRole('button', { name: 'Load all runs' }).click();
  await root.locator('.cu-outcome', { hasText: 'Loaded all' }).waitFor({ timeout: 60000 });
  const outcome = (await root.locator('.cu-outcome').innerText()).trim();
  const refreshButton = root.getByRole('button', { name: 'Refresh', exact: true });
  const refreshed = () => page.evaluate(() => window.__events.filter((e) => e.id === 'soak' && e.type === 'cu-runs:load' && 'added' in e.detail).length);
  const sample = () => page.evaluate(async () => {
    for (let i = 0; i < 3 && window.gc; i++) { window.gc(); await new Promise((r) => setTimeout(r, 30)); }
    return { js: performance.memory.usedJSHeapSize, wasm: window.__wasm.memory.buffer.byteLength };
  });
  const memory = {};
  const t0 = Date.now();
  for (let i = 1; i <= 100; i++) {
    const before = await refreshed();
    await refreshButton.click();
    await page.waitForFunction(([before]) => {
      const el = document.querySelector('#soak .cu-refresh-note');
      const done = window.__events.filter((e) => e.id === 'soak' && e.type === 'cu-runs:load' && 'added' in e.detail).length > before;
      const busy = [...document.querySelectorAll('#soak button')].some((b) => b.textContent.trim() === 'Cancel refresh');
      return (done && !busy) || (el && el.textContent.startsWith('Refresh failed'));
    }, [before], { timeout: 20000 });
    const note = (await root.locator('.cu-refresh-note').innerText()).trim();
    assert(/ since /.test(note) && !note.startsWith('Refresh failed'), `refresh ${i}: note "${note}"`);
    if (i === 10 || i === 100) memory[i] = await sample();
  }
  const ms = Date.now() - t0;
  // The truth: every reply the server sent, each run's copy from the last reply holding it.
  const served = await demoServed(page, org);
  const latest = new Map();
  for (const reply of served) for (const run of reply.items) latest.set(run.runId, run.totalCu);
  let exact = 0n;
  for (const cu of latest.values()) exact += units(cu);
  const coverage = (await root.locator('.cu-coverage').innerText()).trim();
  const [runsShown, totalShown] = await totalRow(root);
  const mb = (b) => (b / 1048576).toFixed(2);
  const growth = (memory[100].js + memory[100].wasm) - (memory[10].js + memory[10].wasm);
  console.log(`    soak: ${outcome} 100 refreshes in ${(ms / 1000).toFixed(1)} s; ${served.length} replies served, ${latest.size} distinct runs, exact total ${showUnits(exact)} CU; page: "${coverage}", Total row ${runsShown} runs, ${totalShown} CU`);
  console.log(`    soak memory after refresh 10 -> 100: JS heap ${mb(memory[10].js)} -> ${mb(memory[100].js)} MB, wasm ${mb(memory[10].wasm)} -> ${mb(memory[100].wasm)} MB; growth ${mb(growth)} MB`);
  assert(served.length < 2000, `the demo keeps only 2,000 replies (got ${served.length}): the truth would be incomplete`);
  const count = latest.size.toLocaleString('en-US');
  assert(coverage === `Totals cover all ${count} loaded runs.`, `coverage "${coverage}", but ${count} distinct runs were served`);
  assert(runsShown === count, `Total row says ${runsShown} runs, ${count} distinct runs were served`);
  assert(units(totalShown) === exact, `Total row says ${totalShown} CU, the exact sum of the latest copies served is ${showUnits(exact)} CU`);
  assert(growth < 8 * 1048576, `memory grew by ${mb(growth)} MB from refresh 10 to refresh 100`);
});

// ---- 3..5. Servers that get paging wrong.
await check('a_server_echoing_offsets_does_not_make_load_all_loop', async (page) => {
  await open(page);
  const sent = watchRuns(page, 'echo-offset');
  await mountIn(page, 'echo', { apiBase: '/', orgId: 'echo-offset', token: 't' });
  const root = page.locator('#echo');
  await rowsOf(root).first().waitFor({ timeout: 20000 });
  const first = sent.length;
  await root.getByRole('button', { name: 'Load all runs' }).click();
  await root.locator('.cu-outcome').filter({ hasText: /\S/ }).waitFor({ timeout: 60000 });
  await sleep(500);
  const outcome = (await root.locator('.cu-outcome').innerText()).trim();
  const walk = sent.length - first;
  console.log(`    echo-offset: ${walk} requests; "${outcome}"`);
  assert(/loading stopped with 100 runs kept\.$/.test(outcome) && /(same runs|kept returning runs already loaded)/.test(outcome), `outcome: "${outcome}"`);
  assert(walk <= 45, `${walk} requests for the walk`);
  const coverage = (await root.locator('.cu-coverage').innerText()).trim();
  assert(coverage === 'Totals cover all 100 loaded runs.', `coverage: "${coverage}"`);
});

await check('a_server_omitting_offset_is_read_as_the_asked_offset', async (page) => {
  await open(page);
  const sent = watchRuns(page, 'no-offset');
  await mountIn(page, 'nooff', { apiBase: '/', orgId: 'no-offset', token: 't' });
  const root = page.locator('#nooff');
  await rowsOf(root).first().waitFor({ timeout: 20000 });
  await root.getByRole('button', { name: 'Load all runs' }).click();
  await root.locator('.cu-outcome').filter({ hasText: /\S/ }).waitFor({ timeout: 60000 });
  const outcome = (await root.locator('.cu-outcome').innerText()).trim();
  assert(outcome === 'Loaded all 1,500 runs.', `outcome: "${outcome}"`);
  await sleep(300);
  const before = sent.length;
  await root.getByRole('button', { name: 'Refresh', exact: true }).click();
  const note = root.locator('.cu-refresh-note');
  await note.filter({ hasText: /\S/ }).waitFor({ timeout: 20000 });
  await sleep(500);
  const text = (await note.innerText()).trim();
  console.log(`    no-offset: refresh took ${sent.length - before} requests; "${text}"`);
  assert(/^No new runs since /.test(text) || / since /.test(text) && !text.startsWith('Refresh failed'), `refresh note: "${text}"`);
  assert(sent.length - before <= 5, `refresh sent ${sent.length - before} requests: ${sent.slice(before).map((r) => r.query).join(' ')}`);
});

await check('a_server_ignoring_limit_shows_only_the_asked_page', async (page) => {
  await open(page);
  const sent = watchRuns(page, 'ignore-limit');
  await mountIn(page, 'nolimit', { apiBase: '/', orgId: 'ignore-limit', token: 't', pageSize: 20, maxRuns: 1000 });
  const root = page.locator('#nolimit');
  await rowsOf(root).first().waitFor({ timeout: 20000 });
  await sleep(300);
  assert(await rowsOf(root).count() === 20, `${await rowsOf(root).count()} rows for pageSize 20`);
  const status = (await root.locator('.cu-pager [role=status]').innerText()).trim();
  assert(status === 'Runs 1–20', `status: "${status}"`);
  const coverage = (await root.locator('.cu-coverage').innerText()).trim();
  assert(coverage === 'Totals cover 20 runs on this page.', `coverage: "${coverage}"`);
  const first = sent.length;
  await root.getByRole('button', { name: 'Load all runs' }).click();
  await root.locator('.cu-outcome').filter({ hasText: /\S/ }).waitFor({ timeout: 60000 });
  await sleep(500);
  const outcome = (await root.locator('.cu-outcome').innerText()).trim();
  const all = (await root.locator('.cu-coverage').innerText()).trim();
  console.log(`    ignore-limit: ${sent.length - first} requests; "${outcome}" "${all}"`);
  const m = all.match(/^Totals cover all ([\d,]+) loaded runs\.$/);
  assert(m && Number(m[1].replace(/,/g, '')) <= 1000 && Number(m[1].replace(/,/g, '')) > 0, `coverage after Load all: "${all}"`);
  assert(sent.length - first <= 15, `${sent.length - first} requests for the walk`);
});

// ---- 6, 7, 12. Hostile answers become sentences, never crashes or leaks.
await check('a_64_mb_body_is_refused_with_a_sentence', async (page) => {
  await open(page);
  await mountIn(page, 'huge', { apiBase: '/', orgId: 'huge-body', token: 't' });
  const root = page.locator('#huge');
  const alert = root.locator('[role=alert]');
  await alert.waitFor({ timeout: 30000 });
  await sleep(500);
  const text = (await alert.innerText()).trim();
  console.log(`    huge-body: "${text.split('\n')[0]}"`);
  assert(text.includes('larger than 16 MB'), `error box: "${text}"`);
  const errs = await events(page, 'huge', 'cu-runs:error');
  assert(errs.length >= 1 && errs[0].message.includes('larger than 16 MB'), `cu-runs:error: ${JSON.stringify(errs)}`);
  assert(await busyLeft(root) === 0, 'aria-busy="true" left on the component');
  assert(await page.evaluate(() => document.querySelector('#huge .cu-root') !== null), 'the component is gone');
});

await check('a_server_echoing_the_token_never_puts_it_on_screen', async (page) => {
  await open(page);
  await mountIn(page, 'echoauth', { apiBase: '/', orgId: 'echo-auth', token: 's3cr3t-tok-12345' });
  const root = page.locator('#echoauth');
  await root.locator('[role=alert]').waitFor({ timeout: 30000 });
  await sleep(500);
  const shown = (await root.locator('[role=alert]').innerText()).trim().replace(/\s+/g, ' ');
  console.log(`    echo-auth: "${shown}"`);
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const detail = JSON.stringify(await events(page, 'echoauth', 'cu-runs:error'));
  assert(detail !== '[]', 'no cu-runs:error event');
  assert(!html.includes('s3cr3t'), 'the token is in the DOM');
  assert(!detail.includes('s3cr3t'), `the token is in the cu-runs:error detail: ${detail}`);
}, { allowConsole: failedLoadsOf('echo-auth') });

await check('a_redirect_is_said_not_retried', async (page) => {
  await open(page);
  const direct = await page.request.get(`${base}/v1/organizations/fault-redirect/cu/runs?limit=1&offset=0`, { maxRedirects: 0, headers: { Authorization: 'Bearer x' } });
  const location = direct.headers()['location'] || '';
  const target = (location.match(/\/organizations\/([^/]+)\/cu\/runs/) || [])[1];
  assert(direct.status() === 307 && target, `direct request: ${direct.status()} Location "${location}"`);
  const ids = async (org) => new Set((await demoRequests(page, org)).map((r) => r.requestId));
  const [before, beforeTarget] = [await ids('fault-redirect'), await ids(target)];
  const sent = [];
  page.on('request', (r) => { if (/\/cu\/runs\?/.test(r.url())) sent.push(r.url()); });
  await mountIn(page, 'redir', { apiBase: '/', orgId: 'fault-redirect', token: 'redirect-tok' });
  const root = page.locator('#redir');
  await root.locator('[role=alert]').waitFor({ timeout: 30000 });
  await sleep(3000); // room for a retry that must not come
  const text = (await root.locator('[role=alert]').innerText()).trim();
  console.log(`    redirect: "${text.split('\n')[0]}"`);
  assert(/redirect/i.test(text), `error box: "${text}"`);
  const reached = (await demoRequests(page, 'fault-redirect')).filter((r) => !before.has(r.requestId));
  const followed = (await demoRequests(page, target)).filter((r) => !beforeTarget.has(r.requestId));
  assert(reached.length === 1, `${reached.length} requests reached fault-redirect: ${JSON.stringify(reached)}`);
  assert(followed.length === 0, `${followed.length} requests reached the redirect target ${target}`);
  assert(sent.length === 1, `the page sent ${sent.length} runs requests: ${sent.join(' ')}`);
  assert((await events(page, 'redir', 'cu-runs:error')).length === 1, 'one cu-runs:error');
}, { allowConsole: failedLoadsOf('fault-redirect') });

// ---- 8. A stale copy answered late never turns a finished run back.
await check('a_late_stale_copy_never_turns_a_finished_run_back', async (page) => {
  await open(page);
  const org = 'late-copy';
  const sent = watchRuns(page, org);
  // The demo counts late-copy's requests (shared by every client): odd ones
  // at offset 0 are the stale, late copies. `makeNextOdd(odd)` spends
  // harmless requests (offset 20, answered at once) so that the next
  // request at offset 0 is stale (odd) or fresh (even).
  const lastNumber = async () => Math.max(0, ...(await demoServed(page, org)).map((r) => r.request || 0));
  const makeNext = async (stale) => {
    while (((await lastNumber()) + 1) % 2 !== (stale ? 1 : 0)) {
      await page.request.get(`${base}/v1/organizations/${org}/cu/runs?limit=1&offset=20`, { headers: { Authorization: 'Bearer x' } });
    }
  };
  const settle = async () => { // every reply in, then 1 s more
    for (const t = Date.now(); ;) {
      const n = sent.length;
      await sleep(1000);
      if (sent.length === n && sent.answered === n) break;
      assert(Date.now() - t < 20000, `late-copy never settled: ${sent.answered} of ${sent.length} requests answered`);
    }
  };
  const root = page.locator('#late');
  const failures = [];
  let finals = null;
  const expectFinished = async (stage) => {
    await settle();
    if (!finals) {
      const fresh = (await demoServed(page, org)).find((r) => r.offset === 0 && r.items.slice(0, 5).every((i) => i.status === 'success'));
      assert(fresh, 'no fresh copy of the newest runs was served');
      finals = fresh.items.slice(0, 5);
    }
    const rows = await runsTable(root);
    const wrong = [];
    for (const want of finals) {
      const row = rows.find((r) => r.Run === want.runId);
      if (!row) wrong.push(`${want.runId} not on screen`);
      else if (row.Status !== 'Succeeded' || row.CU.replace(/,/g, '') !== showUnits(units(want.totalCu))) {
        wrong.push(`${want.runId} shows ${row.Status} "${row.CU}" (finished: Succeeded ${showUnits(units(want.totalCu))})`);
      }
    }
    if (wrong.length) failures.push(`${stage}: ${wrong.length} of 5 finished runs wrong: ${wrong.join('; ')}`);
  };
  const refresh = async () => {
    const before = await events(page, 'late', 'cu-runs:load');
    await root.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.waitForFunction((n) => window.__events.filter((e) => e.id === 'late' && e.type === 'cu-runs:load').length > n, before.length, { timeout: 20000 });
  };
  // A: the first page is the stale copy, answered late; "Load all runs" is
  // clicked before it arrives, so the walk's fresh copy comes first.
  await makeNext(true);
  await mountIn(page, 'late', { apiBase: '/', orgId: org, token: 't', pageSize: 20 });
  await root.getByRole('button', { name: 'Load all runs' }).click();
  await root.locator('.cu-outcome', { hasText: 'Loaded all' }).waitFor({ timeout: 60000 });
  await settle();
  const freshServed = async () => (await demoServed(page, org)).some((r) => r.offset === 0 && r.items.slice(0, 5).every((i) => i.status === 'success'));
  if (!(await freshServed())) {
    // The walk's four requests reached the demo in another order, so its
    // page 0 was numbered odd (a stale copy too): a Refresh answered fresh
    // gives the finished copies the later stages compare with.
    await makeNext(false);
    await refresh();
  }
  await expectFinished('Load all runs while the late first page was out');
  // B: "Refresh" of all loaded runs gets the stale copy.
  await makeNext(true);
  await refresh();
  await expectFinished('Refresh (all loaded runs) answered with the stale copy');
  // C: "This page": a fresh Refresh, then one answered with the stale copy.
  await root.getByRole('button', { name: 'This page', exact: true }).click();
  await makeNext(false);
  await refresh();
  await expectFinished('Refresh (this page) answered with the fresh copy');
  await makeNext(true);
  await refresh();
  await expectFinished('Refresh (this page) answered with the stale copy');
  // D: "Load all runs" while the page shows the finished copies, its own
  // first page answered with the stale copy. The walk's four first
  // requests may reach the demo in any order: tried until its offset-0
  // request was the stale one.
  const staleSince = async (n) => (await demoServed(page, org)).some((r) => r.request > n && r.offset === 0 && r.items.slice(0, 5).every((i) => i.status === 'running'));
  let walkedStale = false;
  for (let attempt = 0; attempt < 6 && !walkedStale; attempt++) {
    await makeNext(true);
    const before = await lastNumber();
    const loads = (await events(page, 'late', 'cu-runs:load')).length;
    await root.getByRole('button', { name: 'Load all runs' }).click();
    await page.waitForFunction((n) => window.__events.filter((e) => e.id === 'late' && e.type === 'cu-runs:load' && e.detail.scope === 'all').length > 0
      && window.__events.filter((e) => e.id === 'late' && e.type === 'cu-runs:load').length > n, loads, { timeout: 60000 });
    await settle();
    walkedStale = await staleSince(before);
    if (walkedStale) await expectFinished('Load all runs, its first page answered with the stale copy');
    await root.getByRole('button', { name: 'This page', exact: true }).click();
  }
  assert(walkedStale, 'no walk got the stale copy at offset 0 in 6 tries');
  // E: "Rows per page" changed while the page shows the finished copies,
  // the new page answered with the stale copy.
  await makeNext(true);
  const beforeRows = await lastNumber();
  await root.getByLabel('Rows per page').selectOption('50');
  await settle();
  assert(await staleSince(beforeRows), 'the new page size was not answered with the stale copy');
  await expectFinished('Rows per page changed, answered with the stale copy');
  // The stale copies really were served (the check exercised the race).
  const stale = (await demoServed(page, org)).filter((r) => r.offset === 0 && r.items.slice(0, 5).every((i) => i.status === 'running'));
  assert(stale.length >= 3, `only ${stale.length} stale copies served`);
  assert(failures.length === 0, failures.join('\n    '));
});

// ---- 9, 10. Input a browser cannot use is refused at mount, in words.
await check('a_token_a_header_cannot_carry_is_a_clear_error', async (page) => {
  await open(page);
  const org = unique('badtoken');
  const sent = watchRuns(page, org);
  const thrown = await page.evaluate(async (org) => {
    const el = document.createElement('div');
    document.body.append(el);
    const { mount } = await import('/pkg/cu_cost_table.js');
    const attempt = (token) => { try { mount(el, { apiBase: '/', orgId: org, token }); return 'mounted'; } catch (e) { return e instanceof Error ? e.message : `not an Error: ${e}`; } };
    return { zeroWidth: attempt('abc\u200bdef'), crlf: attempt('abc\r\ndef'), children: el.childElementCount };
  }, org);
  for (const [what, message] of [['zero-width space', thrown.zeroWidth], ['CR LF', thrown.crlf]]) {
    assert(message.startsWith('token must be visible ASCII'), `${what}: "${message}"`);
  }
  assert(thrown.children === 0, 'something was mounted');
  await page.evaluate((org) => {
    const el = document.createElement('div');
    el.id = 'gettoken';
    document.body.append(el);
    el.addEventListener('cu-runs:error', (e) => window.__events.push({ id: 'gettoken', type: e.type, detail: e.detail }));
    return import('/pkg/cu_cost_table.js').then(({ mount }) => { window.__gt = mount(el, { apiBase: '/', orgId: org, getToken: () => 'abc\u200b' }); });
  }, org);
  const root = page.locator('#gettoken');
  await root.locator('[role=alert]').waitFor({ timeout: 20000 });
  await sleep(2500); // room for a retry that must not come
  const title = (await root.locator('[role=alert] .cu-error-title').innerText()).trim();
  console.log(`    getToken: "${title}"`);
  assert(title.startsWith('Could not get an access token: '), `error box: "${title}"`);
  const errs = await events(page, 'gettoken', 'cu-runs:error');
  assert(errs.length === 1, `${errs.length} cu-runs:error events`);
  assert(await busyLeft(root) === 0, 'aria-busy="true" left on the component');
  assert(sent.length === 0, `requests sent: ${sent.map((r) => r.query)}`);
});

await check('an_unknown_time_zone_or_locale_throws_at_mount', async (page) => {
  await open(page);
  const got = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const { mount } = await import('/pkg/cu_cost_table.js');
    const attempt = (opts) => { try { mount(el, { apiBase: '/', orgId: 'acme', token: 't', ...opts }); return 'mounted'; } catch (e) { return e instanceof Error ? e.message : `not an Error: ${e}`; } };
    return { tz: attempt({ timeZone: 'Europe/Berln' }), billing: attempt({ billingTimeZone: 'Mars/Olympus' }), locale: attempt({ locale: 'not a locale!!' }), children: el.childElementCount };
  });
  console.log(`    "${got.tz}" / "${got.locale}"`);
  assert(got.tz.includes('timeZone "Europe/Berln"'), `timeZone: "${got.tz}"`);
  assert(/^locale\b/.test(got.locale) && got.locale.includes('not a locale!!'), `locale: "${got.locale}"`);
  assert(got.billing.startsWith('billingTimeZone "Mars/Olympus" is not a time zone'), `billingTimeZone: "${got.billing}"`);
  assert(got.children === 0, 'something was mounted');
});

// The README's HTML snippet imports the module itself (not the package
// entry): forgetting `await init()` there is said in words too.
await check('mount_before_init_says_to_call_init', async (page) => {
  const url = `${origin}/__t/no-init.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>no init</title></head><body><div id="costs"></div>
<script type="module">
  import { mount } from "/pkg/cu_cost_table.js";
  try { mount(document.getElementById("costs"), { apiBase: "/", orgId: "acme", token: "t" }); window.__thrown = "mounted"; }
  catch (e) { window.__thrown = e instanceof Error ? e.message : \`not an Error: \${e}\`; }
</script></body></html>` }));
  await page.goto(url);
  await page.waitForFunction(() => window.__thrown !== undefined, null, { timeout: 20000 });
  const thrown = await page.evaluate(() => window.__thrown);
  console.log(`    "${thrown}"`);
  assert(thrown === 'cu-cost-table: call `await init()` (the default export) before mount().', `thrown: "${thrown}"`);
  assert(await page.locator('#costs').evaluate((el) => el.childElementCount) === 0, 'something was mounted');
});

// A misspelt option is not an error (the table mounts with the default)
// but is said in the console, with the option it resembles; never a value.
await check('a_misspelt_option_is_named_in_the_console', async (page) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await open(page);
  const org = unique('typo');
  await mountIn(page, 'typo', { apiBase: '/', orgId: org, token: 'typo-token-value', pagesize: 50, colour: 'typo-secret-value' });
  const root = page.locator('#typo');
  await rowsOf(root).first().waitFor({ timeout: 20000 });
  assert(await rowsOf(root).count() === 20, `${await rowsOf(root).count()} rows: the default page size`);
  const mine = warnings.filter((w) => w.startsWith('cu-cost-table:'));
  console.log(`    ${mine.join(' / ')}`);
  assert(mine.length === 2, `warnings: ${JSON.stringify(mine)}`);
  assert(mine[0] === 'cu-cost-table: unknown option "pagesize" ignored (did you mean "pageSize"?)', mine[0]);
  assert(mine[1] === 'cu-cost-table: unknown option "colour" ignored', mine[1]);
  assert(!warnings.some((w) => w.includes('typo-secret-value') || w.includes('typo-token-value')), 'a value reached the console');
  // A key JSON leaves out is named too: a mistyped token getter (a function).
  const before = warnings.length;
  await page.evaluate((org) => window.__mount('typo2', { apiBase: '/', orgId: org, token: 'typo-token-value', gettoken: () => 'x' }), org);
  await rowsOf(page.locator('#typo2')).first().waitFor({ timeout: 20000 });
  const more = warnings.slice(before).filter((w) => w.startsWith('cu-cost-table:'));
  assert(more.length === 1 && more[0] === 'cu-cost-table: unknown option "gettoken" ignored (did you mean "getToken"?)', `warnings: ${JSON.stringify(more)}`);
});

// ---- 11. A slow refresh can be cancelled.
await check('refresh_can_be_cancelled', async (page) => {
  await open(page);
  await mountIn(page, 'slow', { apiBase: '/', orgId: 'fault-slow', token: 't' });
  const root = page.locator('#slow');
  await rowsOf(root).nth(19).waitFor({ timeout: 20000 });
  const before = await runsTable(root);
  await root.getByRole('button', { name: 'Refresh', exact: true }).click();
  const cancel = root.getByRole('button', { name: 'Cancel refresh', exact: true });
  await cancel.waitFor({ timeout: 1500 });
  await cancel.click();
  const note = (await root.locator('.cu-refresh-note').innerText()).trim();
  assert(note === 'Refresh cancelled; the runs on screen are unchanged.', `note: "${note}"`);
  await sleep(2500); // past the slow answer
  assert((await root.locator('.cu-refresh-note').innerText()).trim() === note, 'the note changed after the cancel');
  assert(JSON.stringify(await runsTable(root)) === JSON.stringify(before), 'the rows changed');
  assert(await cancel.count() === 0, '"Cancel refresh" still shown');
});

await check('the_csv_download_keeps_its_blob_until_it_is_read', async (page) => {
  // The blob URL of an export must outlive the click that starts the
  // download: revoked at once, a slow browser can fail the download.
  await open(page);
  await page.evaluate(() => {
    window.__revoked = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url) => { window.__revoked.push(url); revoke(url); };
  });
  await mountIn(page, 'csv', { apiBase: '/', orgId: 'demo-org', token: 't' });
  const root = page.locator('#csv');
  await rowsOf(root).nth(19).waitFor({ timeout: 20000 });
  const download = page.waitForEvent('download', { timeout: 10000 });
  await root.getByRole('button', { name: 'Export CSV', exact: true }).click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  assert(text.split('\n').filter(Boolean).length === 21, `the CSV has ${text.split('\n').length} lines`);
  await sleep(1000);
  const revoked = await page.evaluate(() => window.__revoked.length);
  assert(revoked === 0, `the blob URL was revoked ${revoked}× within a second of the click`);
});

await check('no_total_for_runs_never_read', async (page) => {
  // The first page failed: the error says so, and the subtotals show no
  // Total row (0 CU and $0.00 would be a figure for runs nobody read).
  await open(page);
  await mountIn(page, 'never', { apiBase: '/', orgId: 'fault-500', token: 't', ledger: false, pricePerCu: 0.002, currency: 'USD' });
  const root = page.locator('#never');
  await root.locator('[role=alert]').first().waitFor({ timeout: 20000 });
  const totals = await root.locator('table.cu-subtotals tfoot tr').count();
  assert(totals === 0, `the subtotals show ${totals} Total row(s) for a page that failed: ${await root.locator('table.cu-subtotals tfoot').innerText()}`);
  // A page read (here: an empty one) has its Total, 0 being a fact.
  await mountIn(page, 'nothing', { apiBase: '/', orgId: 'empty', token: 't', ledger: false });
  await page.locator('#nothing table.cu-subtotals tfoot tr').first().waitFor({ timeout: 20000 });
}, { allowConsole: failedLoadsOf('fault-500') });

await check('an_element_whose_package_cannot_load_says_so', async (page) => {
  // The wasm is missing (404): the element shows the start error and sends
  // cu-runs:error (no uncaught rejection); once the wasm is there, the next
  // change mounts (a failed start is not kept).
  let missing = true;
  await page.route('**/pkg/cu_cost_table_bg.wasm', (r) => (missing ? r.fulfill({ status: 404, body: 'not here' }) : r.continue()));
  await page.route(`${base}/element-test.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>element</title><cu-runs-table api-base="/" org-id="demo-org"></cu-runs-table>' }));
  await page.goto(`${base}/element-test.html`);
  await page.evaluate(async () => {
    window.__errs = [];
    const el = document.querySelector('cu-runs-table');
    el.addEventListener('cu-runs:error', (e) => window.__errs.push(e.detail));
    await import('/pkg/cu-runs-table.js');
    el.token = 't';
  });
  const el = page.locator('cu-runs-table');
  await el.locator('[role=alert]', { hasText: 'The CU cost table could not start: the package could not load' }).waitFor({ timeout: 20000 });
  const errs = await page.evaluate(() => window.__errs);
  assert(errs.length >= 1 && errs.every((e) => e.during === 'mount'), `cu-runs:error: ${JSON.stringify(errs)}`);
  missing = false;
  await page.evaluate(() => document.querySelector('cu-runs-table').setAttribute('page-size', '20'));
  await rowsOf(el).first().waitFor({ timeout: 20000 });
}, { allowConsole: /Failed to load resource: the server responded with a status of 404 \(Not Found\) \(.*\/pkg\/cu_cost_table_bg\.wasm\)$/ });

await check('one_table_per_page_keeps_the_query_string', async (page) => {
  // Two tables with syncUrl: the query keys are one set, so only the first
  // keeps them; the second keeps its filters to itself and says why.
  await open(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await mountIn(page, 'synca', { apiBase: '/', orgId: 'demo-org', token: 't', syncUrl: true, ledger: false });
  await mountIn(page, 'syncb', { apiBase: '/', orgId: 'acme', token: 't', syncUrl: true, ledger: false });
  const [a, b] = [page.locator('#synca'), page.locator('#syncb')];
  await rowsOf(a).first().waitFor({ timeout: 20000 });
  await rowsOf(b).first().waitFor({ timeout: 20000 });
  assert(warnings.some((w) => w.includes('syncUrl: another table on this page already keeps the query string')), `warnings: ${JSON.stringify(warnings)}`);
  const q = () => new URL(page.url()).searchParams.get('q');
  await b.getByLabel('Search runs').fill('billing');
  await sleep(1500);
  assert(q() === null, `the second table wrote q=${q()} into the page's URL`);
  await a.getByLabel('Search runs').fill('report');
  for (const t = Date.now(); q() !== 'report'; await sleep(100)) assert(Date.now() - t < 10000, `the first table did not write its search: q=${q()}`);
  // Unmounted, the first gives the query string up: a table mounted then keeps it.
  await page.evaluate(() => window.__handles.synca.unmount());
  await mountIn(page, 'syncc', { apiBase: '/', orgId: 'acme', token: 't', syncUrl: true, ledger: false });
  const c = page.locator('#syncc');
  await rowsOf(c).first().waitFor({ timeout: 20000 });
  assert(await c.getByLabel('Search runs').inputValue() === 'report', 'the next table did not read the query string');
});

await check('unmount_aborts_the_ledger_requests_in_flight', async (page) => {
  // fault-slow answers its runs and its ledger after 2 s: unmounted while
  // they are out, the table's requests are all aborted, the ledger's too.
  await open(page);
  const ends = [];
  const ledgerOf = (r) => /\/v1\/organizations\/fault-slow\/cu(\/usage)?$/.test(new URL(r.url()).pathname);
  let sentLedger = 0;
  page.on('request', (r) => { if (ledgerOf(r)) sentLedger++; });
  page.on('requestfinished', (r) => { if (ledgerOf(r)) ends.push(`finished ${r.url()}`); });
  page.on('requestfailed', (r) => { if (ledgerOf(r)) ends.push(`failed ${r.failure()?.errorText}`); });
  await mountIn(page, 'slowled', { apiBase: '/', orgId: 'fault-slow', token: 't', ledger: true });
  for (const t = Date.now(); sentLedger === 0; await sleep(50)) assert(Date.now() - t < 10000, 'no ledger request was sent');
  await page.evaluate(() => window.__handles.slowled.unmount());
  await sleep(3000);
  assert(ends.length === sentLedger && ends.every((e) => e.startsWith('failed') && e.includes('ABORTED')), `ledger requests after unmount: ${JSON.stringify(ends)} of ${sentLedger}`);
});

await check('this_page_paging_follows_what_the_server_applied', async (page) => {
  await open(page);
  const firstRun = async (root) => (await rowsOf(root).first().locator('th > span').first().innerText()).trim();
  const served = async (org, limit, offset) => (await (await page.request.get(`${base}/v1/organizations/${org}/cu/runs?limit=${limit}&offset=${offset}`, { headers: { Authorization: 'Bearer t' } })).json()).data.items;
  // cap-limit applies at most 50 a page: asked for 100, the pages are
  // 1–50, 51–100, …; none of its runs is skipped.
  await mountIn(page, 'cap', { apiBase: '/', orgId: 'cap-limit', token: 't', pageSize: 100, ledger: false });
  const cap = page.locator('#cap');
  const capStatus = cap.locator('.cu-pager-status');
  await capStatus.filter({ hasText: 'Runs 1–50' }).waitFor({ timeout: 20000 });
  await cap.getByRole('button', { name: 'Next page', exact: true }).click();
  await capStatus.filter({ hasText: 'Runs 51–100' }).waitFor({ timeout: 20000 });
  const want = (await served('cap-limit', 50, 50))[0].runId;
  assert(await firstRun(cap) === want, `page 2 starts at ${await firstRun(cap)}, the server's run 51 is ${want}`);
  await cap.getByRole('button', { name: 'Previous page', exact: true }).click();
  await capStatus.filter({ hasText: 'Runs 1–50' }).waitFor({ timeout: 20000 });
  // same-page says it applied offset 0; echo-offset echoes the asked offset
  // but sends the first page's runs again: either way the second page's
  // runs are runs 1–20, and the status says so.
  for (const org of ['same-page', 'echo-offset']) {
    const id = org.replace('-', '');
    await mountIn(page, id, { apiBase: '/', orgId: org, token: 't', pageSize: 20, ledger: false });
    const root = page.locator(`#${id}`);
    const status = root.locator('.cu-pager-status');
    await status.filter({ hasText: 'Runs 1–20' }).waitFor({ timeout: 20000 });
    const first = await firstRun(root);
    const loads = (await events(page, id, 'cu-runs:load')).length;
    await root.getByRole('button', { name: 'Next page', exact: true }).click();
    await page.waitForFunction(([id, n]) => window.__events.filter((e) => e.id === id && e.type === 'cu-runs:load').length > n, [id, loads], { timeout: 20000 });
    assert(await firstRun(root) === first, `${org}: page 2 holds other runs than page 1`);
    const said = (await status.innerText()).trim();
    assert(said === 'Runs 1–20', `${org}: page 2, the first page's runs again, is said as "${said}"`);
  }
});

await check('this_page_stops_at_an_empty_page_that_says_more', async (page) => {
  // empty-more sends empty pages with hasMore: true after the first: Next
  // on such a page would only lead over more empty pages.
  await open(page);
  await mountIn(page, 'emore', { apiBase: '/', orgId: 'empty-more', token: 't', pageSize: 20, ledger: false });
  const root = page.locator('#emore');
  const status = root.locator('.cu-pager-status');
  const next = root.getByRole('button', { name: 'Next page', exact: true });
  await status.filter({ hasText: 'Runs 1–20' }).waitFor({ timeout: 20000 });
  assert(await next.isEnabled(), 'Next is disabled on a full first page that says more exist');
  await next.click();
  await status.filter({ hasText: 'No runs on this page' }).waitFor({ timeout: 20000 });
  assert(await next.isDisabled(), 'Next stays enabled on an empty page');
  await root.getByRole('button', { name: 'Previous page', exact: true }).click();
  await status.filter({ hasText: 'Runs 1–20' }).waitFor({ timeout: 20000 });
  assert(await next.isEnabled(), 'Next stays disabled back on the first page');
});

await check('mounting_twice_into_one_element_replaces_the_table', async (page) => {
  // A portal that mounts again into the same element (new options, no
  // unmount) gets one table, the new one; the old handle removes nothing.
  await open(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    el.id = 'twice';
    document.getElementById('main').append(el);
    window.__first = mount(el, { apiBase: '/', orgId: 'demo-org', token: 't', ledger: false });
    window.__second = mount(el, { apiBase: '/', orgId: 'cap-limit', token: 't', ledger: false });
  });
  const root = page.locator('#twice');
  await rowsOf(root).first().waitFor({ timeout: 20000 });
  const shown = async () => root.evaluate((el) => [...el.querySelectorAll('.cu-root .cu-org')].map((o) => o.textContent));
  assert(JSON.stringify(await shown()) === '["cap-limit"]', `tables in the element: ${JSON.stringify(await shown())}`);
  assert(warnings.some((w) => w.includes('already held a table')), `no console warning: ${JSON.stringify(warnings)}`);
  await page.evaluate(() => window.__first.unmount());
  assert(JSON.stringify(await shown()) === '["cap-limit"]', `after the old handle's unmount: ${JSON.stringify(await shown())}`);
  await page.evaluate(() => window.__second.unmount());
  assert(await root.evaluate((el) => el.querySelectorAll('.cu-root').length) === 0, 'the new handle did not unmount its table');
});

await check('a_sort_button_says_what_it_did', async (page) => {
  // After a sort button is pressed, a status region says the column and
  // its direction, as aria-sort on its header has them.
  await open(page);
  await mountIn(page, 'sorted', { apiBase: '/', orgId: 'demo-org', token: 't', ledger: false });
  const root = page.locator('#sorted');
  await rowsOf(root).first().waitFor({ timeout: 20000 });
  const status = root.locator('p.cu-sort-said[role=status]');
  assert(await status.innerText() === '', `said before any sort: ${await status.innerText()}`);
  const runs = root.locator('table.cu-runs');
  for (let i = 0; i < 2; i++) {
    await runs.getByRole('button', { name: 'CU', exact: true }).click();
    const dir = await runs.locator('thead th.cu-col-cu').getAttribute('aria-sort');
    await status.filter({ hasText: `Sorted by CU, ${dir}.` }).waitFor({ timeout: 5000 });
  }
  const subs = root.getByRole('table', { name: 'CU by workflow' });
  await subs.getByRole('button', { name: 'Total CU', exact: true }).click();
  const dir = await subs.locator('thead th', { has: page.getByRole('button', { name: 'Total CU', exact: true }) }).getAttribute('aria-sort');
  await status.filter({ hasText: `Sorted by Total CU, ${dir}.` }).waitFor({ timeout: 5000 });
  // A further key (Shift+click) is said as one, with its own direction.
  const workflow = runs.getByRole('button', { name: 'Workflow', exact: true });
  await workflow.click({ modifiers: ['Shift'] });
  await status.filter({ hasText: /^Then by Workflow, (ascending|descending)\.$/ }).waitFor({ timeout: 5000 });
  const arrow = (await workflow.locator('.cu-sort-ind').innerText()).trim();
  const said = await status.innerText();
  assert(/^[▲▼]2$/.test(arrow) && said === `Then by Workflow, ${arrow.startsWith('▼') ? 'descending' : 'ascending'}.`, `Workflow shows ${arrow}, said: ${said}`);
});

await check('the_coverage_line_names_the_periods_own_start', async (page) => {
  // This month (Dec 1–2) is loaded; its comparison (Nov 1–2), past the
  // 300-run cap, is not: the line says the period's start, then what the
  // comparison needs.
  await open(page);
  await mountIn(page, 'cover', { apiBase: '/', orgId: 'demo-org', token: 't', period: 'this-month', now: '2026-12-02T00:00:00Z', maxRuns: 300, ledger: false });
  const line = page.locator('#cover .cu-period-cover');
  await line.filter({ hasText: 'The comparison needs' }).waitFor({ timeout: 30000 });
  const text = (await line.innerText()).trim();
  assert(text === 'This month: all 0 runs since Dec 1 (UTC) loaded. The comparison needs runs back to Nov 1 (UTC).', text);
});

await check('comparing_subtotals_keep_their_four_columns_in_the_box', async (page) => {
  // Priced and comparing (This month against last): the group, Total CU,
  // Cost and Change stay in the box at every component width from 320 px,
  // without a sideways scroll; the other columns give way.
  await open(page);
  await mountIn(page, 'narrow', { apiBase: '/', orgId: 'demo-org', token: 't', period: 'this-month', now: '2026-11-28T12:00:00Z', pricePerCu: 0.002, currency: 'USD', ledger: false });
  const root = page.locator('#narrow');
  await root.locator('table.cu-subtotals.cu-comparing').waitFor({ timeout: 30000 });
  for (const width of [1000, 900, 860, 820, 780, 740, 700, 660, 620, 580, 540, 500, 460, 420, 380, 340, 320]) {
    await page.evaluate((w) => { document.getElementById('narrow').style.width = `${w}px`; }, width);
    await page.waitForTimeout(120);
    const fit = await page.evaluate(() => {
      const t = document.querySelector('#narrow table.cu-subtotals');
      const box = t.parentElement;
      const heads = [...t.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none').map((th) => th.textContent.replace(/[↕▲▼]/g, '').trim());
      return { overflow: box.scrollWidth - box.clientWidth, heads, root: Math.round(document.querySelector('#narrow .cu-root').getBoundingClientRect().width) };
    });
    assert(fit.overflow <= 0, `at ${width} px: the table is ${fit.overflow} px wider than its box (${fit.heads.join(', ')})`);
    for (const want of ['Workflow', 'Total CU', 'Cost (USD)', 'Change']) assert(fit.heads.includes(want), `at ${width} px: ${want} missing (${fit.heads.join(', ')})`);
  }
});

await check('a_printout_says_when_loading_stopped_before_the_end', async (page) => {
  // A walk stopped by a failing page or by the cap covers part of the list:
  // the printout says so (the screen's outcome line is not printed); a
  // complete one does not.
  await open(page);
  const partial = 'Loading did not reach the end of the list: these totals cover only the runs loaded.';
  for (const [id, options, ended, stopped] of [
    ['pp2', { orgId: 'fault-page2' }, 'Loading stopped', true],
    ['pcap', { orgId: 'demo-org', maxRuns: 150 }, 'cap', true],
    ['pall', { orgId: 'demo-org' }, 'Loaded all', false],
  ]) {
    await mountIn(page, id, { apiBase: '/', token: 't', ledger: false, ...options });
    const root = page.locator(`#${id}`);
    await rowsOf(root).first().waitFor({ timeout: 20000 });
    await root.getByRole('button', { name: 'Load all runs' }).click();
    await root.locator('.cu-outcome', { hasText: ended }).waitFor({ timeout: 60000 });
    await page.emulateMedia({ media: 'print' });
    const head = (await root.locator('.cu-print-head').innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    await page.emulateMedia({ media: 'screen' });
    assert(head.includes(partial) === stopped, `${options.orgId}${options.maxRuns ? ` capped at ${options.maxRuns}` : ''}: print header ${JSON.stringify(head)}`);
  }
}, { allowConsole: failedLoadsOf('fault-page2') });

await check('an_export_waits_until_its_period_is_loaded', async (page) => {
  // "This month" capped at 300 runs is not fully loaded: the page holds its
  // total back, and so do the exports, which name the whole month in every
  // row. Without a period the same runs export.
  await open(page);
  // (Without the ledger, whose month would stand in for the runs' total.)
  await mountIn(page, 'held', { apiBase: '/', orgId: 'demo-org', token: 't', period: 'this-month', now: '2026-11-28T12:00:00Z', maxRuns: 300, ledger: false });
  const root = page.locator('#held');
  await root.locator('.cu-outcome', { hasText: 'Stopped at the cap of 300 runs' }).waitFor({ timeout: 30000 });
  await root.getByText('is not fully loaded (runs back to', { exact: false }).first().waitFor({ timeout: 30000 });
  const buttons = ['Export CSV', 'Export subtotals CSV'].map((name) => [name, root.getByRole('button', { name, exact: true })]);
  const why = 'A period exports once all its runs are loaded and shown, in All loaded runs.';
  for (const [name, b] of buttons) {
    assert(await b.isDisabled(), `${name} is enabled while November is not fully loaded`);
    assert(await b.getAttribute('title') === why, `${name} does not say why it is disabled: ${await b.getAttribute('title')}`);
  }
  await root.getByRole('combobox', { name: 'Period', exact: true }).selectOption({ label: 'Custom' });
  for (const [name, b] of buttons) {
    await page.waitForFunction((el) => !el.disabled, await b.elementHandle(), { timeout: 10000 }).catch(() => {});
    assert(!(await b.isDisabled()), `${name} stays disabled without a period`);
    assert(await b.getAttribute('title') === null, `${name} enabled keeps a reason: ${await b.getAttribute('title')}`);
  }
  const download = page.waitForEvent('download', { timeout: 10000 });
  await buttons[0][1].click();
  const text = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8');
  assert(text.split('\n').filter(Boolean).length === 301, `the CSV has ${text.split('\n').filter(Boolean).length} lines`);
  // Before any run is read (fault-slow answers after 2 s), nothing exports, and the button says so.
  await mountIn(page, 'noruns', { apiBase: '/', orgId: 'fault-slow', token: 't', ledger: false });
  const early = page.locator('#noruns').getByRole('button', { name: 'Export CSV', exact: true, includeHidden: true });
  assert(await early.isDisabled() && await early.getAttribute('title') === 'Nothing to export yet: no runs are loaded.', `before the first page: disabled ${await early.isDisabled()}, title ${await early.getAttribute('title')}`);
  await page.evaluate(() => window.__handles.noruns.unmount());
});

await check('exports_are_named_for_the_period_they_cover', async (page) => {
  await open(page);
  await mountIn(page, 'named', { apiBase: '/', orgId: 'demo-org', token: 't', period: 'last-month', now: '2026-12-06T04:36:00Z', pricePerCu: 0.002, currency: 'USD' });
  const root = page.locator('#named');
  // A chosen period loads itself; then both exports name it and its zone.
  await root.locator('.cu-period-cover', { hasText: 'Last month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  for (const [button, want] of [['Export subtotals CSV', 'cu-subtotals_demo-org_2026-11_UTC.csv'], ['Export CSV', 'cu-runs_demo-org_2026-11_UTC.csv']]) {
    const download = page.waitForEvent('download', { timeout: 10000 });
    await root.getByRole('button', { name: button, exact: true }).click();
    const d = await download;
    assert(d.suggestedFilename() === want, `${button}: ${d.suggestedFilename()}`);
    const text = (await import('node:fs')).readFileSync(await d.path(), 'utf8');
    // Numeric columns hold numbers only (a group new in the period has empty change cells).
    assert(!text.includes('"new"'), `${button}: "new" in a numeric column`);
  }
  // No dates: the export day in the billing zone, as of `now`, and the zone
  // (Dec 6 04:36 UTC is Dec 6 18:36 in Kiritimati, Dec 5 in Los Angeles).
  for (const [zone, want] of [['Pacific/Kiritimati', '2026-12-06_Pacific-Kiritimati'], ['America/Los_Angeles', '2026-12-05_America-Los_Angeles']]) {
    const id = `nodates-${zone.replace('/', '-')}`;
    await mountIn(page, id, { apiBase: '/', orgId: 'demo-org', token: 't', now: '2026-12-06T04:36:00Z', billingTimeZone: zone });
    const el = page.locator(`#${id}`);
    await rowsOf(el).first().waitFor({ timeout: 30000 });
    const download = page.waitForEvent('download', { timeout: 10000 });
    await el.getByRole('button', { name: 'Export CSV', exact: true }).click();
    const name = (await download).suggestedFilename();
    assert(name === `cu-runs_demo-org_${want}.csv`, `no dates, ${zone}: ${name}`);
  }
});

// RFC 4180 rows of a CSV text (BOM dropped), each a list of cells.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false, i = 0;
  text = text.replace(/^\ufeff/, '');
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
// A plain decimal as an exact integer in 10^-13 (money's precision).
function exact13(text) {
  const m = String(text).match(/^(-?)(\d+)(?:\.(\d+))?$/);
  if (!m) throw new Error(`not a plain decimal: ${JSON.stringify(text)}`);
  const n = BigInt(m[2]) * 10n ** 13n + BigInt((m[3] || '').padEnd(13, '0'));
  return m[1] ? -n : n;
}

await check('the_close_exports_of_november_add_up_in_the_billing_zone', async (page) => {
  // Every run the demo organization has, with each totalCu as sent.
  const all = new Map();
  for (let offset = 0; ; offset += 100) {
    const r = await page.request.get(`${base}/v1/organizations/demo-org/cu/runs?limit=100&offset=${offset}`, { headers: { authorization: 'Bearer t' } });
    const body = JSON.parse((await r.text()).replace(/"totalCu":(-?[0-9][0-9.eE+-]*)/g, '"totalCu":"$1"'));
    for (const run of body.data.items) all.set(run.runId, run);
    if (!body.data.hasMore || body.data.items.length === 0) break;
  }
  // November in Berlin: Oct 31 23:00 UTC to Nov 30 23:00 UTC.
  const [from, to] = [Date.parse('2026-10-31T23:00:00Z'), Date.parse('2026-11-30T23:00:00Z')];
  const november = [...all.values()].filter((r) => { const t = Date.parse(r.startedAt); return t >= from && t < to; });
  const wantCu = november.reduce((sum, r) => sum + (r.totalCu == null ? 0n : units(r.totalCu)), 0n);
  assert(november.length > 100, `${november.length} runs in November`);

  await open(page);
  const options = { apiBase: '/', orgId: 'demo-org', token: 't', period: 'last-month', now: '2026-12-06T04:36:00Z', pricePerCu: 0.002, currency: 'USD', billingTimeZone: 'Europe/Berlin', timeZone: 'America/Los_Angeles' };
  await mountIn(page, 'close', options);
  const root = page.locator('#close');
  await root.locator('.cu-period-cover', { hasText: 'Last month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  const download = async (button) => {
    const d = page.waitForEvent('download', { timeout: 10000 });
    await root.getByRole('button', { name: button, exact: true }).click();
    const file = await d;
    return { name: file.suggestedFilename(), rows: parseCsv((await import('node:fs')).readFileSync(await file.path(), 'utf8')) };
  };
  const sub = await download('Export subtotals CSV');
  assert(sub.name === 'cu-subtotals_demo-org_2026-11_Europe-Berlin.csv', sub.name);
  const [head, ...body] = sub.rows;
  // A period is compared with the one before by default.
  assert(head.join(',') === 'Row,Workflow,Runs,CU,Average CU,Largest run CU,Failed or cancelled CU,Runs in progress,Runs without CU,Cost (USD),Previous CU,Change CU,Change %,Previous cost (USD),Change cost (USD),Period from,Period to,Time zone,Price per CU,Currency', `subtotals header: ${head}`);
  const col = (name) => head.indexOf(name);
  for (const row of body) {
    const covers = [row[col('Period from')], row[col('Period to')], row[col('Time zone')], row[col('Price per CU')], row[col('Currency')]].join(' ');
    assert(covers === '2026-11-01 2026-11-30 Europe/Berlin 0.002 USD', `a row covers ${covers}`);
  }
  const groups = body.filter((r) => r[0] === 'Group');
  const total = body.filter((r) => r[0] === 'Total');
  assert(total.length === 1 && body[body.length - 1] === total[0], 'one Total row, last');
  const sum = (rows, name, read) => rows.reduce((s, r) => s + read(r[col(name)]), 0n);
  assert(sum(groups, 'CU', units) === units(total[0][col('CU')]), 'the groups do not add up to the Total CU');
  assert(sum(groups, 'Cost (USD)', exact13) === exact13(total[0][col('Cost (USD)')]), 'the groups do not add up to the Total cost');
  assert(units(total[0][col('CU')]) === wantCu, `Total ${total[0][col('CU')]} CU; the API's November (Berlin) has ${showUnits(wantCu)}`);
  assert(Number(total[0][col('Runs')]) === november.length, `Total ${total[0][col('Runs')]} runs; the API has ${november.length}`);
  assert(exact13(total[0][col('Cost (USD)')]) === wantCu * 2n * 10n ** 6n, 'Total cost is not CU × 0.002 exactly');
  // October (Berlin), the previous period, from the API's data too; the change columns agree with it.
  const october = [...all.values()].filter((r) => { const t = Date.parse(r.startedAt); return t >= Date.parse('2026-09-30T22:00:00Z') && t < from; });
  const wantPrev = october.reduce((sum, r) => sum + (r.totalCu == null ? 0n : units(r.totalCu)), 0n);
  assert(october.length > 100, `${october.length} runs in October`);
  assert(units(total[0][col('Previous CU')]) === wantPrev, `Previous ${total[0][col('Previous CU')]} CU; the API's October (Berlin) has ${showUnits(wantPrev)}`);
  assert(sum(groups, 'Previous CU', units) === wantPrev, 'the groups\' Previous CU do not add up');
  const signed = (t) => (t.startsWith('-') ? -units(t.slice(1)) : units(t));
  assert(signed(total[0][col('Change CU')]) === wantCu - wantPrev, `Change CU ${total[0][col('Change CU')]}`);
  assert(exact13(total[0][col('Change cost (USD)')]) === (wantCu - wantPrev) * 2n * 10n ** 6n, `Change cost ${total[0][col('Change cost (USD)')]}`);

  const runs = await download('Export CSV');
  const [rhead, ...rbody] = runs.rows;
  assert(rhead.join(',') === 'Run ID,Workflow,Status,Status code,Trigger,Trigger code,Started,Finished,Duration (s),CU,CU partial,Cost (USD),Period from,Period to,Time zone,Price per CU,Currency', `runs header: ${rhead}`);
  assert(rbody.length === november.length, `${rbody.length} runs in the CSV; the API has ${november.length}`);
  const rc = (name) => rhead.indexOf(name);
  for (const row of rbody) {
    const sent = all.get(row[rc('Run ID')]);
    assert(sent, `run ${row[rc('Run ID')]} is not the API's`);
    // Billing-zone time with its offset (November in Berlin is +01:00), the same instant as sent.
    const started = row[rc('Started')];
    assert(/^2026-11-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+01:00$/.test(started), `Started ${started}`);
    assert(Date.parse(started) === Date.parse(sent.startedAt), `Started ${started} vs sent ${sent.startedAt}`);
    assert(row[rc('Status code')] === sent.status && row[rc('Status')] !== '', `status ${row[rc('Status')]}/${row[rc('Status code')]}`);
    assert(row[rc('Trigger code')] === (sent.triggerSource || ''), `trigger code ${row[rc('Trigger code')]}`);
  }
  assert(rbody.some((r) => r[rc('Trigger')] === 'Cron job' && r[rc('Trigger code')] === 'cronjob'), 'no "Cron job" label beside its code');
  assert(rbody.reduce((s, r) => s + (r[rc('CU')] ? units(r[rc('CU')]) : 0n), 0n) === wantCu, 'the runs CSV does not add up to November');

  // The Total row is optional.
  await mountIn(page, 'close2', { ...options, csvTotalRow: false });
  const root2 = page.locator('#close2');
  await root2.locator('.cu-period-cover', { hasText: 'Last month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  const d = page.waitForEvent('download', { timeout: 10000 });
  await root2.getByRole('button', { name: 'Export subtotals CSV', exact: true }).click();
  const rows2 = parseCsv((await import('node:fs')).readFileSync(await (await d).path(), 'utf8'));
  assert(rows2.slice(1).every((r) => r[0] === 'Group') && rows2.length === groups.length + 1, 'csvTotalRow: false still wrote a Total row');
});

// The focus never falls to <body> when the control that had it goes away
// or is disabled: real keys on the package's page.
await check('the_focus_stays_in_the_table_when_its_control_goes', async (page) => {
  await open(page);
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && a !== document.body ? (a.getAttribute('aria-label') || a.textContent.trim()) : '<body>';
  });
  await mountIn(page, 'keys', { apiBase: origin, orgId: unique('keys'), token: 'test-token', locale: 'en-US', timeZone: 'UTC', pageSize: 50 });
  const root = page.locator('#keys');
  await rowsOf(root).first().waitFor({ timeout: 30000 });

  // Load all runs → Cancel takes the focus; when the walk ends, Load all again.
  await root.getByRole('button', { name: 'Load all runs', exact: true }).focus();
  await page.keyboard.press('Enter');
  assert(['Cancel', 'Load all runs'].includes(await focused()), `after Enter on Load all runs: ${await focused()}`);
  await root.locator('.cu-outcome, [role=status]', { hasText: 'Loaded all' }).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(100);
  assert(await focused() !== '<body>', 'the focus fell to <body> when the walk ended');

  // Next page to the last page: Next is disabled, Previous page takes the focus.
  const next = root.getByRole('button', { name: 'Next page' });
  await next.focus();
  for (let i = 0; i < 40 && !(await next.isDisabled()); i++) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(20);
  }
  assert(await next.isDisabled(), 'never reached the last page');
  assert(/Previous page/.test(await focused()), `on the last page the focus is on ${await focused()}`);
  // Back to the first page: Previous is disabled, Next page takes it.
  for (let i = 0; i < 40 && !(await root.getByRole('button', { name: 'Previous page' }).isDisabled()); i++) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(20);
  }
  assert(/Next page/.test(await focused()), `on the first page the focus is on ${await focused()}`);

  // The Columns menu closes when the focus leaves it, and on a click outside.
  const columns = root.getByRole('button', { name: 'Columns', exact: true });
  await columns.focus();
  await page.keyboard.press('Enter');
  assert(await columns.getAttribute('aria-expanded') === 'true', 'Columns did not open');
  const boxes = await root.getByRole('group', { name: 'Columns' }).getByRole('checkbox').count();
  for (let i = 0; i <= boxes; i++) await page.keyboard.press('Tab');
  assert(await columns.getAttribute('aria-expanded') === 'false', `Columns stayed open with the focus on ${await focused()}`);
  assert(await root.getByRole('group', { name: 'Columns' }).isHidden(), 'the Columns panel stayed on screen');
  await columns.click();
  assert(await columns.getAttribute('aria-expanded') === 'true', 'Columns did not open on a click');
  await root.getByRole('checkbox', { name: 'Trigger column' }).click();
  assert(await columns.getAttribute('aria-expanded') === 'true', 'a click inside closed the menu');
  await root.locator('h2').click();
  assert(await columns.getAttribute('aria-expanded') === 'false', 'a click outside left Columns open');
});

// A page that failed is not the page the pager turns from: Previous page
// stays disabled on the first page, and Next asks for the failed page again.
await check('after_a_failed_page_the_pager_turns_from_the_page_on_screen', async (page) => {
  await open(page);
  const org = 'fault-page2';
  const seen = watchRuns(page, org);
  await mountIn(page, 'p2', { apiBase: origin, orgId: org, token: 'test-token', locale: 'en-US', timeZone: 'UTC' });
  const root = page.locator('#p2');
  await rowsOf(root).first().waitFor({ timeout: 30000 });
  const next = root.getByRole('button', { name: 'Next page' });
  const previous = root.getByRole('button', { name: 'Previous page' });
  await next.focus();
  await page.keyboard.press('Enter');
  await root.getByRole('alert').first().waitFor({ timeout: 30000 });
  assert(await previous.isDisabled(), 'Previous page is enabled on page 1 after page 2 failed');
  const before = seen.length;
  await next.click();
  await page.waitForTimeout(300);
  const asked = seen.slice(before).map((r) => new URLSearchParams(r.query).get('offset'));
  assert(asked.length > 0 && asked.every((o) => o === '20'), `Next after the failure asked for offsets ${asked.join(', ')}`);
}, { allowConsole: failedLoadsOf('fault-page2') });

// Arrowing through the Period select (each step a choice, as a closed
// select fires "change" per key) loads the period it settles on, once:
// not a walk per step passed.
await check('arrowing_through_periods_loads_only_the_one_chosen', async (page) => {
  await open(page);
  await mountIn(page, 'arrows', { apiBase: origin, orgId: unique('arrows'), token: 'test-token', locale: 'en-US', timeZone: 'UTC', period: 'today', now: '2026-11-28T18:00:00Z' });
  const root = page.locator('#arrows');
  // Loaded, the comparison too (until it is, the line goes on "The
  // comparison needs runs back to …" and its walk may still report).
  await root.locator('.cu-period-cover', { hasText: 'Today: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  const walks = async () => (await events(page, 'arrows', 'cu-runs:load')).filter((d) => d.scope === 'all').length;
  const before = await walks();
  const select = root.getByRole('combobox', { name: 'Period' });
  await select.focus();
  const sent = [];
  page.on('request', (r) => { if (r.url().includes('/cu/runs?')) sent.push(Date.now()); });
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
  const pressed = Date.now();
  assert(await select.inputValue() === 'this-month', `the select is on ${await select.inputValue()}`);
  await page.waitForTimeout(150);
  // The steps passed on the way start nothing: no request before the choice settles.
  assert(sent.filter((t) => t <= pressed + 150).length === 0, `${sent.length} runs requests while arrowing`);
  await root.locator('.cu-period-cover', { hasText: 'This month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  const after = await walks();
  assert(after - before === 1, `${after - before} walks for one choice`);

  // From no period (Custom) too: the first choice in the select is a choice.
  await mountIn(page, 'arrows2', { apiBase: origin, orgId: unique('arrows2'), token: 'test-token', locale: 'en-US', timeZone: 'UTC', now: '2026-11-28T18:00:00Z' });
  const root2 = page.locator('#arrows2');
  await rowsOf(root2).first().waitFor({ timeout: 30000 });
  const select2 = root2.getByRole('combobox', { name: 'Period' });
  await select2.focus();
  sent.length = 0;
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
  const pressed2 = Date.now();
  assert(await select2.inputValue() === 'this-month', `the second select is on ${await select2.inputValue()}`);
  await page.waitForTimeout(150);
  assert(sent.filter((t) => t <= pressed2 + 150).length === 0, `${sent.length} runs requests while arrowing from Custom`);
  await root2.locator('.cu-period-cover', { hasText: 'This month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
});

// A chosen period's walk is said once it is done: while the choice settles
// and the walk runs, the page's "Totals cover 0 of 20 runs on this page"
// and the headline's "Loading … 300 runs so far" are shown, not said (the
// walk's own progress region speaks every 5 s).
await check('a_period_walk_is_said_once_settled', async (page) => {
  await page.addInitScript(() => {
    window.__said = [];
    // What a screen reader is told: the regions' state once the task that
    // changed them is over (the browser reports live regions then).
    let queued = false;
    const record = () => {
      queued = false;
      for (const el of document.querySelectorAll('[aria-live], [role=status], [role=alert]')) {
        const text = el.textContent.trim().replace(/\s+/g, ' ');
        if (el.__last !== text) {
          el.__last = text;
          // A region with aria-live="off" is not said.
          if (text && el.getAttribute('aria-live') !== 'off') window.__said.push({ host: (el.closest('[id]') || {}).id || '', cls: String(el.className), text });
        }
      }
    };
    new MutationObserver(() => { if (!queued) { queued = true; setTimeout(record, 0); } })
      .observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-live'] });
  });
  await open(page);
  await mountIn(page, 'said', { apiBase: origin, orgId: unique('said'), token: 'test-token', locale: 'en-US', timeZone: 'UTC', now: '2026-11-28T18:00:00Z' });
  const root = page.locator('#said');
  await rowsOf(root).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(800);
  const said = () => page.evaluate(() => window.__said.filter((e) => e.host === 'said'));
  const before = (await said()).length;
  assert((await said()).some((e) => e.cls.includes('cu-coverage') && e.text === 'Totals cover 20 runs on this page.'), 'the first page\'s coverage was not said');
  await root.getByRole('combobox', { name: 'Period' }).selectOption('this-month');
  await root.locator('.cu-period-cover', { hasText: 'This month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  const after = (await said()).slice(before);
  const texts = after.map((e) => e.text);
  assert(!texts.some((t) => t.includes('on this page')), `the page's totals were said on the way: ${JSON.stringify(texts)}`);
  assert(!texts.some((t) => t.includes('so far')), `the walk's count was said from the headline: ${JSON.stringify(texts)}`);
  const heads = after.filter((e) => e.cls.includes('cu-headline'));
  const shownHead = (await root.locator('.cu-headline').innerText()).trim();
  assert(heads.length === 1 && heads[0].text === shownHead && /CU this month/.test(shownHead), `headline said ${heads.length} times: ${JSON.stringify(heads.map((e) => e.text))}; shown: ${shownHead}`);
  const covers = after.filter((e) => e.cls.includes('cu-coverage'));
  const shownCover = (await root.locator('.cu-coverage').innerText()).trim();
  assert(covers.length === 1 && covers[0].text === shownCover, `coverage said ${covers.length} times: ${JSON.stringify(covers.map((e) => e.text))}; shown: ${shownCover}`);

  // From a period held in "All loaded runs" (Today) on to one whose runs
  // are not: its "not fully loaded" is not said while its walk is due, nor
  // its count while the walk runs; its figures are said when its runs are
  // in.
  await mountIn(page, 'said2', { apiBase: origin, orgId: unique('said2'), token: 'test-token', locale: 'en-US', timeZone: 'UTC', period: 'today', now: '2026-11-28T18:00:00Z' });
  const root2 = page.locator('#said2');
  await root2.locator('.cu-period-cover', { hasText: 'Today: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(800);
  const said2 = () => page.evaluate(() => window.__said.filter((e) => e.host === 'said2'));
  const mark = (await said2()).length;
  const walks = async () => (await events(page, 'said2', 'cu-runs:load')).filter((d) => d.scope === 'all').length;
  const walked = await walks();
  const select = root2.getByRole('combobox', { name: 'Period' });
  await select.focus();
  // Through Last 7 days to Last 30 days, whose comparison reaches back
  // past what Today's walk loaded: a walk, once the choice settles.
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(150);
  await page.keyboard.press('ArrowDown');
  assert(await select.inputValue() === 'last-30-days', `the select is on ${await select.inputValue()}`);
  for (let i = 0; i < 300 && (await walks()) === walked; i++) await page.waitForTimeout(100);
  assert((await walks()) === walked + 1, 'Last 30 days did not load its runs');
  await page.waitForTimeout(1000);
  const stepped = (await said2()).slice(mark);
  const steppedHeads = stepped.filter((e) => e.cls.includes('cu-headline'));
  const stepHead = (await root2.locator('.cu-headline').innerText()).trim();
  assert(!stepped.some((e) => /not fully loaded|so far|on this page/.test(e.text)), `interim text said: ${JSON.stringify(stepped.map((e) => e.text))}`);
  // The pager's line too: said with the figures once the runs are in (a
  // step passed whose runs are all held says its own).
  const pagerNow = (await root2.locator('.cu-pager-status').innerText()).trim();
  const pagers = stepped.filter((e) => e.cls.includes('cu-pager-status'));
  assert(pagers.length >= 1 && pagers.at(-1).text === pagerNow && !pagers.some((e) => e.text === 'No loaded runs match'), `the pager said: ${JSON.stringify(pagers.map((e) => e.text))}; now: ${pagerNow}`);
  assert(steppedHeads.length >= 1 && steppedHeads.at(-1).text === stepHead && /last 30 days/.test(stepHead), `headline said: ${JSON.stringify(steppedHeads.map((e) => e.text))}; shown: ${stepHead}`);

  // Refresh pressed twice in the same minute is answered aloud twice (the
  // same sentence: the region must still change).
  await page.evaluate(() => {
    window.__refreshSaid = [];
    const region = document.querySelector('#said .cu-refresh-note');
    new MutationObserver(() => { if (region.getAttribute('aria-live') !== 'off') window.__refreshSaid.push(region.textContent); }).observe(region, { subtree: true, childList: true, characterData: true });
  });
  const refresh = root.getByRole('button', { name: 'Refresh', exact: true });
  for (let i = 1; i <= 2; i++) {
    await refresh.click();
    await page.waitForFunction((n) => window.__refreshSaid.filter((t) => t.trim()).length >= n, i, { timeout: 10000 });
  }
  const heard = await page.evaluate(() => window.__refreshSaid.filter((t) => t.trim()));
  assert(heard.length === 2 && heard[0] !== heard[1], `Refresh twice: ${JSON.stringify(heard)}`);
});

// Choosing a workflow changes the other facets' options and counts; the
// filter row stays where it is (the selects do not take their widest
// option's width).
await check('choosing_a_workflow_does_not_move_the_filter_row', async (page) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  await mountIn(page, 'facets', { apiBase: origin, orgId: 'demo-org', token: 'test-token', locale: 'en-US', timeZone: 'UTC' });
  const root = page.locator('#facets');
  await rowsOf(root).first().waitFor({ timeout: 30000 });
  const boxes = () => root.locator('.cu-filters select, .cu-filters input[type=search], .cu-filters input[type=date]').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return `${e.id.replace(/^cu\d+-/, '')} ${Math.round(r.left)}+${Math.round(r.width)}`;
  }).join(' | '));
  const before = await boxes();
  const workflow = root.getByRole('combobox', { name: 'Workflow' });
  const names = await workflow.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  // The workflow whose choice leaves the fewest triggers: the most change.
  for (const name of names.slice(0, 4)) {
    await workflow.selectOption(name);
    await root.locator('.cu-coverage', { hasText: '1 filter active' }).waitFor({ timeout: 5000 });
    const after = await boxes();
    assert(after === before, `the filter row moved after choosing ${name}:\n  ${before}\n  ${after}`);
  }
});

// A same-origin apiBase ("/") means the page's origin: a <base href> in the
// portal's markup pointing elsewhere takes neither the requests nor the token.
await check('a_base_href_elsewhere_does_not_take_a_same_origin_api_base', async (page) => {
  const url = `${origin}/__t/base.html`;
  const foreign = [];
  await page.route('https://evil.example/**', (route) => { foreign.push(route.request().url()); route.abort(); });
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>base</title><base href="https://evil.example/portal/">
<link rel="stylesheet" href="${origin}/pkg/cu-cost-table.css"></head>
<body><div id="app"></div>
<script type="module">
  import init, { mount } from "${origin}/pkg/cu_cost_table.js";
  await init();
  mount(document.getElementById('app'), { apiBase: '/', orgId: 'base-org', token: 'test-token-long-enough', locale: 'en-US', timeZone: 'UTC' });
</script></body></html>` }));
  const own = [];
  page.on('request', (r) => { if (r.url().startsWith(`${origin}/v1/`)) own.push(r.url()); });
  await page.goto(url);
  await rowsOf(page.locator('#app')).first().waitFor({ timeout: 30000 });
  assert(foreign.length === 0, `requests to the <base> origin: ${foreign.join(', ')}`);
  assert(own.some((u) => u.includes('/v1/organizations/base-org/cu/runs')), 'no runs request to the page origin');
});

await finish();
