// End-to-end checks of the standalone page as a user gets it: the Trunk
// build served by the demo API, in headless Chromium (Debian's) driven by
// playwright-core. Prints cargo-style lines so scripts/test.sh counts them.
// Every check fails when its page has an uncaught error or logs a console
// error, unless the check names those it provokes (`allowConsole`). The
// README's examples are read from README.md and run as written.
// Usage: node tests/e2e/run.mjs http://127.0.0.1:PORT
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { watchConsole, failedLoadsOf as failedLoads } from './console-guard.mjs';

// playwright-core lives in the tools folder installed by scripts/bootstrap.sh.
const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const requireTool = createRequire(join(modules, 'noop.js'));
const { chromium } = requireTool('playwright-core');
const AXE = requireTool.resolve('axe-core/axe.min.js');

// Runs axe-core over the page; returns "rule (n): help @ target" lines.
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => (await window.axe.run(document)).violations.map(
    (v) => `${v.id} (${v.nodes.length}): ${v.help} @ ${v.nodes[0].target.join(' ')}`));
}

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/run.mjs BASE_URL');
  process.exit(2);
}
const origin = new URL(base).origin;
const TOKEN = 'demo-token';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
});

// The guard every check passes through once its body has run: any uncaught
// error or console error fails the check, except the messages `allow` (a
// RegExp) matches — a check that deliberately provokes failed requests
// declares exactly those. Returns the failure message, or null.
function consoleGuard(errors, allow) {
  const unexpected = errors.filter((e) => !(allow && allow.test(e)));
  return unexpected.length ? `uncaught or console errors on the page (${unexpected.length}):\n      ${unexpected.join('\n      ')}` : null;
}

const failedLoadsOf = (...orgs) => failedLoads(origin, ...orgs);

const results = [];
async function check(name, fn, { allowConsole } = {}) {
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return; // developer filter
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = watchConsole(page);
  try {
    await fn(page, consoleErrors);
    const failure = consoleGuard(consoleErrors, allowConsole);
    if (failure) throw new Error(failure);
    results.push([name, true]);
    console.log(`test ${name} ... ok`);
  } catch (e) {
    results.push([name, false]);
    console.log(`test ${name} ... FAILED\n    ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n    ')}`);
  } finally {
    await context.close();
  }
}

function assert(cond, msg) { if (!cond) throw new Error(msg); }

const runRows = (page) => page.locator('table:has(caption:text-is("Workflow runs")) tbody tr:not(.cu-empty-row)');

// The runs requests a page sends for `org`, in the order sent, with the
// Authorization header each carried (the browser's own record: the demo
// API's /__demo/requests says only whether a request had a token).
function watchRunsRequests(page, org) {
  const seen = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === `/v1/organizations/${org}/cu/runs`) seen.push({ query: url.search.slice(1), auth: r.headers()['authorization'] });
  });
  return seen;
}

// The guard's own test: a page that throws, rejects and logs an error gives
// the guard three failures; an allowance passes only what it names. (Run on a
// second page, so this check's own page stays clean.)
await check('console_guard_fails_a_page_that_throws_rejects_or_logs_an_error', async (page) => {
  const other = await page.context().newPage();
  const errors = watchConsole(other);
  const url = `${origin}/__e2e/throws.html`;
  await other.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><title>throws</title></head><body>
    <script>
      console.error('logged on purpose');
      Promise.reject(new Error('rejected on purpose'));
      setTimeout(() => { throw new Error('thrown on purpose'); });
    </script></body></html>` }));
  await other.goto(url);
  for (let i = 0; i < 100 && errors.length < 3; i++) await other.waitForTimeout(20);
  await other.close();
  const failure = consoleGuard(errors);
  assert(failure !== null, 'the guard let a page that throws pass');
  for (const what of ['logged on purpose', 'rejected on purpose', 'thrown on purpose']) assert(failure.includes(what), `guard message misses "${what}": ${failure}`);
  assert(errors.filter((e) => e.startsWith('uncaught: ')).length === 2, `uncaught: ${errors}`);
  const allowed = consoleGuard(errors, /^logged on purpose \(/);
  assert(allowed !== null && !allowed.includes('logged on purpose') && allowed.includes('thrown on purpose'), `an allowance passes only what it names: ${allowed}`);
  assert(consoleGuard([]) === null, 'no errors: no failure');
});

await check('standalone_page_shows_20_run_rows', async (page, errors) => {
  await page.goto(base + '/');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  assert(await runRows(page).count() === 20, `expected 20 rows, got ${await runRows(page).count()}`);
  await page.getByRole('table', { name: 'CU by workflow' }).waitFor();
  const status = await page.locator('.cu-pager [role=status]').innerText();
  assert(status.trim() === 'Runs 1–20', `status line: ${status}`);
  assert((await page.locator('.cu-coverage').innerText()).includes('Totals cover 20 runs on this page'), 'coverage line');
  assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
});

await check('keyboard_pages_forward', async (page) => {
  await page.goto(base + '/');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  const next = page.getByRole('button', { name: 'Next page', exact: true });
  await next.focus();
  await page.keyboard.press('Enter');
  await page.locator('.cu-pager [role=status]', { hasText: 'Runs 21–40' }).waitFor({ timeout: 10000 });
  await page.keyboard.press('Shift+Tab');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent.trim());
  assert(focused.includes('Previous page'), `focus moved to: ${focused}`);
  await page.keyboard.press('Space');
  await page.locator('.cu-pager [role=status]', { hasText: 'Runs 1–20' }).waitFor({ timeout: 10000 });
});

await check('token_stays_out_of_url_and_dom', async (page) => {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(base + '/');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  const html = await page.content();
  assert(!html.includes(TOKEN), 'token found in the DOM');
  assert(urls.every((u) => !u.includes(TOKEN)), 'token found in a request URL');
  const api = urls.filter((u) => u.includes('/cu/runs'));
  assert(api.length >= 1 && api[0].includes('limit=20') && api[0].includes('offset=0'), `api requests: ${api}`);
});

// Opens the standalone page with its HTML changed by `edit` (the config
// block, most often).
async function openStandaloneWith(page, edit) {
  await page.unroute(base + '/');
  await page.route(base + '/', async (route) => {
    const html = await (await route.fetch()).text();
    route.fulfill({ contentType: 'text/html', body: edit(html) });
  });
  await page.goto(base + '/');
}

await check('standalone_page_with_a_broken_config_block_says_where_it_breaks', async (page) => {
  // The real page with its config block cut short after the first key.
  await openStandaloneWith(page, (html) => html.replace(/("target": "app",)[\s\S]*?(<\/script>)/, '$1 "apiBase": }\n$2'));
  const alert = page.locator('.cu-fatal[role=alert]');
  await alert.waitFor({ timeout: 20000 });
  const text = (await alert.innerText()).trim();
  assert(/^The CU cost table could not start: the config block is not valid JSON \(at line 3 column \d+\)\.$/.test(text), `message: ${text}`);
  assert(await page.locator('#cu-cost-table-config').count() === 0, 'the block (which holds the token) is removed');
});

await check('standalone_page_says_so_on_the_page_when_its_target_or_token_is_wrong', async (page) => {
  // The config block's "target" names no element: the page says so at its
  // top (and in the console), never "Loading…" for good.
  await openStandaloneWith(page, (html) => html.replace('"target": "app"', '"target": "nope"'));
  const alert = page.locator('body > div > .cu-fatal[role=alert]');
  await alert.waitFor({ timeout: 20000 });
  const text = (await alert.innerText()).trim();
  assert(text === 'The CU cost table could not start: no element with id "nope" to mount into (the config block\'s "target").', `message: ${text}`);
  // A target that is no string is not taken for "app".
  await openStandaloneWith(page, (html) => html.replace('"target": "app"', '"target": 42'));
  await alert.waitFor({ timeout: 20000 });
  const notText = (await alert.innerText()).trim();
  assert(notText === 'The CU cost table could not start: the config block\'s "target" must be a string (an element\'s id).', `message: ${notText}`);
  assert(await page.locator('#app .cu-root').count() === 0, 'mounted into #app all the same');
  // A token that is no string is named as such (as mount names it).
  await openStandaloneWith(page, (html) => html.replace('"token": "demo-token"', '"token": 12345'));
  const fatal = page.locator('#app .cu-fatal[role=alert]');
  await fatal.waitFor({ timeout: 20000 });
  const said = (await fatal.innerText()).trim();
  assert(said === 'The CU cost table could not start: token must be a string.', `message: ${said}`);
}, { allowConsole: /^cu-cost-table: (no element with id "nope" to mount into|the config block's "target" must be a string)/ });

await check('standalone_page_keeps_paging_and_filters_in_the_url', async (page) => {
  await page.goto(base + '/?offset=40&workflow=billing-sync');
  const status = page.locator('.cu-pager [role=status]');
  await status.filter({ hasText: 'Runs 41–60' }).waitFor({ timeout: 20000 });
  const workflows = await runRows(page).locator('td:nth-child(2)').allInnerTexts();
  assert(workflows.length > 0 && workflows.every((w) => w.trim() === 'billing-sync'), `rows: ${workflows}`);
  assert((await page.getByLabel('Workflow', { exact: true }).inputValue()) === 'billing-sync', 'select restored from URL');
  await page.getByRole('button', { name: 'Next page', exact: true }).click();
  await status.filter({ hasText: 'Runs 61–80' }).waitFor({ timeout: 10000 });
  assert(page.url().includes('offset=60'), `url: ${page.url()}`);
  await page.goBack();
  await status.filter({ hasText: 'Runs 41–60' }).waitFor({ timeout: 10000 });
});

await check('standalone_page_restores_period_grouping_and_buckets_from_the_url', async (page) => {
  await page.goto(base + '/?period=last-month&group=trigger&gran=week&compare=0');
  // A period from the URL loads its runs by itself: no click, no partial total.
  await page.locator('.cu-period-cover', { hasText: 'Last month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  const headline = await page.locator('.cu-headline').innerText();
  assert(/^[\d,.]+ CU.* in [A-Z][a-z]+( \d{4})? \(UTC\)\.$/.test(headline.trim()), `headline: ${headline}`);
  // Last month by the browser's clock (the page has no fixed now), in UTC.
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
  assert((await page.getByRole('combobox', { name: 'Period', exact: true }).inputValue()) === 'last-month', 'period from the URL');
  assert((await page.getByLabel('From', { exact: true }).inputValue()) === first, `From: ${first}`);
  assert((await page.getByLabel('To', { exact: true }).inputValue()) === last, `To: ${last}`);
  assert(!(await page.getByLabel('Compare with previous period').isChecked()), 'compare=0');
  await page.getByRole('table', { name: 'CU by trigger' }).waitFor();
  await page.getByRole('heading', { name: /^CU per week/ }).waitFor();
  // Choosing Custom keeps the days; the URL follows the choices.
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('status');
  await page.waitForFunction(() => location.search.includes('group=status'));
  await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption('this-month');
  await page.waitForFunction(() => location.search.includes('period=this-month'));
});

// ---- The embeddable package, through its JavaScript API, on the portal example.
const portal = base + '/examples/portal.html';
const portalReady = async (page) => {
  await page.goto(portal);
  await page.waitForFunction(() => window.__portalReady === true, null, { timeout: 20000 });
};
const rowsIn = (page, sel) => page.locator(`${sel} table:has(caption:text-is("Workflow runs")) tbody tr:not(.cu-empty-row)`);
const firstRun = (page, sel) => rowsIn(page, sel).first().locator('th, td').first().innerText();

await check('portal_two_instances_and_custom_element_show_their_own_data', async (page, errors) => {
  await portalReady(page);
  for (const sel of ['#costs-acme', '#costs-globex', '#initech']) await rowsIn(page, sel).nth(19).waitFor({ timeout: 20000 });
  const ids = await Promise.all(['#costs-acme', '#costs-globex', '#initech'].map((s) => firstRun(page, s)));
  assert(new Set(ids).size === 3, `first runs: ${ids}`);
  // Each run's id heads its row (a screen reader names a cell's row by it).
  const header = page.locator('#costs-acme').getByRole('table', { name: 'Workflow runs' }).getByRole('rowheader', { name: ids[0].trim(), exact: true });
  assert(await header.count() === 1, `no row header named ${ids[0]}`);
  await page.locator('#costs-acme').getByRole('button', { name: 'Next page', exact: true }).click();
  await page.locator('#costs-acme .cu-pager [role=status]', { hasText: 'Runs 21–40' }).waitFor();
  assert((await page.locator('#costs-globex .cu-pager [role=status]').innerText()).trim() === 'Runs 1–20', 'globex did not move');
  assert(!page.url().includes('offset'), 'embedded paging left the URL alone');
  // Host's careless `table { border }` stays the host's problem only where it applies; our styles are scoped.
  const rootSelectors = await page.evaluate(() => [...document.styleSheets].filter((s) => (s.href || '').includes('cu-cost-table.css'))
    .flatMap((s) => [...s.cssRules]).filter((r) => r.selectorText).map((r) => r.selectorText)
    .filter((t) => t.split(',').some((part) => !part.trim().startsWith('.cu-root'))));
  assert(rootSelectors.length === 0, `unscoped selectors: ${rootSelectors}`);
  // The package ships the stylesheet minified: the browser reads the same rules from it as from the source.
  const [shipped, source] = await page.evaluate(async (sourceText) => {
    const rules = (text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return [...sheet.cssRules].map((r) => r.cssText);
    };
    return [rules(await (await fetch('/pkg/cu-cost-table.css')).text()), rules(sourceText)];
  }, readFileSync('style/main.css', 'utf8'));
  assert(source.length > 50 && JSON.stringify(shipped) === JSON.stringify(source),
    `minified stylesheet differs: ${shipped.find((r, i) => r !== source[i]) || shipped.length + ' vs ' + source.length + ' rules'}`);
  assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
});

await check('portal_events_fire_with_details', async (page) => {
  await portalReady(page);
  await rowsIn(page, '#costs-acme').nth(19).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'cu-runs:load').length >= 3, null, { timeout: 10000 });
  const load = await page.evaluate(() => window.__events.find((e) => e.type === 'cu-runs:load' && e.target === 'costs-acme'));
  assert(load.detail.scope === 'page' && load.detail.runs === 20 && load.detail.offset === 0 && load.detail.hasMore === true, JSON.stringify(load));
  const detail = await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    document.body.append(el);
    const got = new Promise((resolve) => el.addEventListener('cu-runs:error', (e) => resolve(e.detail), { once: true }));
    const handle = mount(el, { apiBase: '/', orgId: 'fault-500', token: 'secret-token-xyz' });
    const detail = await got;
    handle.unmount();
    return detail;
  });
  assert(detail.status === 500 && detail.message.includes('internal error') && detail.requestId.startsWith('req_'), JSON.stringify(detail));
  assert(!JSON.stringify(detail).includes('secret-token-xyz'), 'token in event detail');
}, { allowConsole: failedLoadsOf('fault-500') });

await check('portal_host_link_still_navigates', async (page) => {
  await portalReady(page);
  await rowsIn(page, '#costs-acme').nth(19).waitFor({ timeout: 20000 });
  await page.locator('#settings-link').click();
  await page.waitForURL('**/examples/settings.html', { timeout: 5000 });
  assert((await page.locator('h1').innerText()) === 'Settings', 'navigated to the settings page');
});

await check('get_token_is_called_for_every_request', async (page) => {
  await portalReady(page);
  const org = 'rotate-' + Date.now();
  const sent = watchRunsRequests(page, org);
  await page.evaluate(async (org) => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    el.id = 'rotating';
    document.body.append(el);
    let n = 0;
    window.__rotating = mount(el, { apiBase: '/', orgId: org, getToken: () => Promise.resolve('rot-' + ++n) });
  }, org);
  const next = page.locator('#rotating').getByRole('button', { name: 'Next page', exact: true });
  await rowsIn(page, '#rotating').nth(19).waitFor({ timeout: 20000 });
  await next.click();
  await page.locator('#rotating .cu-pager [role=status]', { hasText: 'Runs 21–40' }).waitFor();
  await next.click();
  await page.locator('#rotating .cu-pager [role=status]', { hasText: 'Runs 41–60' }).waitFor();
  // A token per request: the ledger's requests (balance, usage) take theirs
  // from getToken too, so the runs requests' tokens rise, each a new one.
  const rot = sent.map((r) => Number(r.auth.replace('Bearer rot-', '')));
  assert(rot.length === 3 && rot[0] === 1 && rot[0] < rot[1] && rot[1] < rot[2], JSON.stringify(sent));
  assert(JSON.stringify(sent.map((r) => r.query)) === JSON.stringify(['limit=20&offset=0', 'limit=20&offset=20', 'limit=20&offset=40']), 'offsets requested');
  // The server saw the same three requests.
  const seen = await (await page.request.get(`${base}/__demo/requests?org=${org}`)).json();
  assert(JSON.stringify(seen.map((r) => r.query)) === JSON.stringify(sent.map((r) => r.query)), `server saw: ${JSON.stringify(seen)}`);
});

await check('unmount_leaves_no_dom_and_sends_no_requests', async (page, errors) => {
  await portalReady(page);
  await rowsIn(page, '#costs-acme').nth(19).waitFor({ timeout: 20000 });
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/organizations/acme/')) requests.push(r.url()); });
  await page.evaluate(() => { window.__handles[0].unmount(); window.__handles[0].unmount(); });
  assert((await page.locator('#costs-acme').innerHTML()) === '', 'DOM removed');
  await page.waitForTimeout(500);
  assert(requests.length === 0, `requests after unmount: ${requests}`);
  // Unmount while a request is in flight: it is aborted, nothing logs or panics.
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { apiBase: '/', orgId: 'fault-slow', token: 't' });
    await new Promise((r) => setTimeout(r, 200));
    handle.unmount();
  });
  await page.waitForTimeout(2500);
  assert(errors.length === 0, `console errors after unmount: ${errors.join(' | ')}`);
});

await check('bad_options_throw_named_errors', async (page) => {
  await portalReady(page);
  const messages = await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    const attempt = (opts) => { try { mount(el, opts); return 'mounted'; } catch (e) { return e instanceof Error ? e.message : 'not an Error'; } };
    return [
      attempt({ apiBase: '/', token: 't' }),
      attempt({ apiBase: '/', orgId: 'x', token: 't', pageSize: 0 }),
      attempt({ orgId: 'x', token: 't' }),
      attempt({ apiBase: '/', orgId: 'x' }),
      attempt({ apiBase: '/', orgId: 'x', getToken: 'nope' }),
      attempt({ apiBase: '/', orgId: 'x', token: 't', pricePerCu: 0.1 }),
      el.childElementCount,
    ];
  });
  assert(messages[0] === 'orgId is required', messages[0]);
  assert(messages[1].startsWith('pageSize must be between 1 and 100'), messages[1]);
  assert(messages[2] === 'apiBase is required', messages[2]);
  assert(messages[3] === 'token or getToken is required', messages[3]);
  assert(messages[4] === 'getToken must be a function', messages[4]);
  assert(messages[5].startsWith('pricePerCu needs currency'), messages[5]);
  assert(messages[6] === 0, 'nothing mounted');
});

await check('custom_element_remounts_on_attribute_change_and_cleans_up', async (page) => {
  await portalReady(page);
  await rowsIn(page, '#initech').nth(19).waitFor({ timeout: 20000 });
  const before = await firstRun(page, '#initech');
  await page.evaluate(() => document.getElementById('initech').setAttribute('org-id', 'hooli'));
  await page.waitForFunction((before) => {
    const cell = document.querySelector('#initech table tbody tr:not(.cu-empty-row) td');
    return cell && cell.textContent.trim() !== before;
  }, before, { timeout: 10000 });
  const hooli = await (await page.request.get(`${base}/v1/organizations/hooli/cu/runs?limit=1`, { headers: { Authorization: 'Bearer x' } })).json();
  assert((await firstRun(page, '#initech')).trim() === hooli.data.items[0].runId, 'shows the new org');
  assert(await page.evaluate(() => document.getElementById('initech').getAttribute('token') === null && document.getElementById('initech').token === undefined), 'token not readable back');
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/organizations/hooli/')) requests.push(r.url()); });
  await page.evaluate(() => { window.__removed = document.getElementById('initech'); window.__removed.remove(); });
  assert(await page.evaluate(() => window.__removed.childElementCount === 0), 'children removed on disconnect');
  await page.waitForTimeout(300);
  assert(requests.length === 0, 'no requests after removal');
});

await check('custom_element_number_attributes_are_read_as_written', async (page) => {
  await portalReady(page);
  const seen = await page.evaluate(async () => {
    await import('/pkg/cu-runs-table.js');
    const make = async (attrs) => {
      const el = document.createElement('cu-runs-table');
      for (const [k, v] of Object.entries({ 'api-base': '/', 'org-id': 'acme', ...attrs })) el.setAttribute(k, v);
      const events = [];
      el.addEventListener('cu-runs:error', (e) => events.push(e.detail));
      document.body.append(el);
      el.token = 'number-attributes-token';
      const start = Date.now();
      while (!el.querySelector('.cu-fatal, table tbody tr:not(.cu-empty-row) td') && Date.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
      const said = el.querySelector('.cu-fatal')?.textContent ?? null;
      const options = el.options();
      const hasCharts = el.querySelector('.cu-charts') !== null;
      el.remove();
      return { said, events, options, hasCharts };
    };
    return {
      twenty: await make({ 'page-size': 'twenty' }),
      hex: await make({ 'page-size': '0x10' }),
      price: await make({ 'price-per-cu': 'abc', currency: 'USD' }),
      exact: await make({ 'budget-cu': '999999999999.9999', 'price-per-cu': '0.000000001', currency: 'USD', 'page-size': '16' }),
      chartsNo: await make({ charts: 'no' }),
      totalNope: await make({ 'csv-total-row': 'nope' }),
      chartsOff: await make({ charts: 'false', 'csv-total-row': '' }),
    };
  });
  const rule = 'pageSize must be between 1 and 100 (a whole number)';
  for (const key of ['twenty', 'hex']) {
    assert(seen[key].said === `The CU cost table could not start: ${rule}.`, `${key}: ${seen[key].said}`);
    assert(JSON.stringify(seen[key].events) === JSON.stringify([{ status: null, message: rule, details: null, requestId: null, during: 'mount' }]), `${key}: ${JSON.stringify(seen[key].events)}`);
  }
  assert(seen.price.said === 'The CU cost table could not start: pricePerCu must be a number.', `price: ${seen.price.said}`);
  // Numbers reach mount as their text, digit for digit, and mount takes them.
  assert(seen.exact.said === null && seen.exact.events.length === 0, JSON.stringify(seen.exact));
  assert(seen.exact.options.budgetCu === '999999999999.9999' && seen.exact.options.pricePerCu === '0.000000001' && seen.exact.options.pageSize === '16', JSON.stringify(seen.exact.options));
  // A true/false attribute: "false" or "true" (or present and empty); any
  // other text is refused as mount refuses it, not read as true.
  assert(seen.chartsNo.said === 'The CU cost table could not start: charts must be true or false.', `charts="no": ${seen.chartsNo.said}`);
  assert(seen.totalNope.said === 'The CU cost table could not start: csvTotalRow must be true or false.', `csv-total-row="nope": ${seen.totalNope.said}`);
  assert(seen.chartsOff.said === null && seen.chartsOff.options.charts === false && !('csvTotalRow' in seen.chartsOff.options), JSON.stringify(seen.chartsOff));
  assert(seen.chartsOff.hasCharts === false && seen.exact.hasCharts === true, 'charts="false" did not leave the charts out');
});

// ---- The README's examples, run as written. Each is read from README.md at
// run time (never copied here) and changed by one documented, minimal
// transformation only (`substituteReadme`):
//   https://api.example.com → the demo's origin (the page is served from it)
//   org_123                 → demo-org
//   "..." (the token)       → "readme-example-token"
// `/pkg/…` paths stay as written: the demo serves /pkg from the repository
// root. A fragment becomes a page's body (`readmePage`); an example written
// with <head> and <body> is the page. The page is served at
// `${origin}/__readme/NAME.html` (a route of the test browser).
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const README_TOKEN = 'readme-example-token';

// The one ```html block of the README that `has` accepts.
function readmeExample(what, has) {
  const blocks = [...README.matchAll(/^```html\n([\s\S]*?)^```[ \t]*$/gm)].map((m) => m[1]);
  const found = blocks.filter(has);
  if (found.length !== 1) {
    throw new Error(`README.md: expected exactly one \`\`\`html block holding ${what}, found ${found.length} `
      + `(of ${blocks.length} html blocks). The README was edited: this check runs the README's own example.`);
  }
  return found[0];
}

function substituteReadme(example) {
  let out = example;
  for (const [from, to] of [['https://api.example.com', origin], ['org_123', 'demo-org'], ['"..."', JSON.stringify(README_TOKEN)]]) {
    if (!out.includes(from)) throw new Error(`README example no longer holds ${from} (the substitution this check documents); example:\n${example}`);
    out = out.split(from).join(to);
  }
  return out;
}

const readmePage = (html) => (/<body[\s>]/.test(html)
  ? `<!doctype html>\n<html lang="en">\n${html}</html>\n`
  : `<!doctype html>\n<html lang="en">\n<head><title>README example</title></head>\n<body>\n${html}</body>\n</html>\n`);

// Serves `html` at a same-origin URL and opens it; returns the runs requests
// the page sends for demo-org.
async function openReadmePage(page, name, html) {
  const url = `${origin}/__readme/${name}.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const sent = watchRunsRequests(page, 'demo-org');
  await page.goto(url);
  return sent;
}

// The rows the example's page size asks for (the component's default: 20).
const examplePageSize = (example) => Number((example.match(/pageSize:\s*(\d+)|page-size="(\d+)"/) || []).slice(1).find(Boolean) || 20);

async function expectExampleRows(page, sent, rows) {
  await runRows(page).nth(rows - 1).waitFor({ timeout: 20000 });
  const count = await runRows(page).count();
  assert(count === rows, `expected ${rows} rows of "Workflow runs", got ${count}`);
  assert(sent.length >= 1 && sent.every((r) => r.auth === `Bearer ${README_TOKEN}`), `runs requests: ${JSON.stringify(sent)}`);
  assert(sent[0].query === `limit=${rows}&offset=0`, `first request: ${sent[0].query}`);
}

await check('readme_mount_example_runs_as_written', async (page) => {
  const example = readmeExample('the mount example (mount(document.getElementById("costs")', (b) => b.includes('mount(document.getElementById("costs")'));
  const sent = await openReadmePage(page, 'mount', readmePage(substituteReadme(example)));
  await expectExampleRows(page, sent, examplePageSize(example));
});

await check('readme_custom_element_example_runs_as_written', async (page) => {
  const example = readmeExample('the custom element example (<cu-runs-table)', (b) => b.includes('<cu-runs-table'));
  const sent = await openReadmePage(page, 'custom-element', readmePage(substituteReadme(example)));
  await expectExampleRows(page, sent, examplePageSize(example));
  // As the README says: the token is write-only, and options() leaves it out.
  const el = await page.evaluate((token) => {
    const el = document.querySelector('cu-runs-table');
    const options = el.options();
    return {
      upgraded: el instanceof customElements.get('cu-runs-table'),
      ownToken: Object.prototype.hasOwnProperty.call(el, 'token'),
      token: el.token, getToken: el.getToken,
      optionKeys: Object.keys(options),
      leaks: JSON.stringify(options).includes(token) || el.outerHTML.includes(token),
    };
  }, README_TOKEN);
  assert(el.upgraded && !el.ownToken, `element: ${JSON.stringify(el)}`);
  assert(el.token === undefined && el.getToken === undefined, `readable back: ${JSON.stringify(el)}`);
  assert(!el.optionKeys.includes('token') && !el.optionKeys.includes('getToken') && !el.leaks, `options(): ${el.optionKeys}`);
});

await check('custom_element_takes_token_or_get_token_set_before_or_after_it_is_defined', async (page) => {
  // Three elements: `token` and `getToken` set by a classic script before
  // the module defines the element, `token` set by a module after.
  const stamp = Date.now();
  const orgs = { 'before-token': `ce-before-token-${stamp}`, 'before-get': `ce-before-get-${stamp}`, 'after-token': `ce-after-token-${stamp}` };
  const url = `${origin}/__e2e/custom-element-orders.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html>
<html lang="en"><head><title>orders</title><script type="module" src="/pkg/cu-runs-table.js"></script></head>
<body>
${Object.entries(orgs).map(([id, org]) => `<cu-runs-table id="${id}" api-base="/" org-id="${org}"></cu-runs-table>`).join('\n')}
<script>
  window.__definedBeforeClassic = customElements.get('cu-runs-table') !== undefined;
  document.getElementById('before-token').token = 'tok-before';
  let n = 0;
  document.getElementById('before-get').getToken = () => 'get-before-' + ++n;
</script>
<script type="module">
  window.__definedBeforeModule = customElements.get('cu-runs-table') !== undefined;
  document.getElementById('after-token').token = 'tok-after';
</script>
</body></html>` }));
  const sent = Object.fromEntries(Object.entries(orgs).map(([id, org]) => [id, watchRunsRequests(page, org)]));
  await page.goto(url);
  for (const id of Object.keys(orgs)) await rowsIn(page, `#${id}`).nth(19).waitFor({ timeout: 20000 });
  const order = await page.evaluate(() => [window.__definedBeforeClassic, window.__definedBeforeModule]);
  assert(order[0] === false && order[1] === true, `defined before the classic / the module script: ${order}`);
  assert(JSON.stringify(sent['before-token'].map((r) => r.auth)) === '["Bearer tok-before"]', JSON.stringify(sent['before-token']));
  assert(sent['before-get'].length === 1 && /^Bearer get-before-\d+$/.test(sent['before-get'][0].auth), JSON.stringify(sent['before-get']));
  assert(JSON.stringify(sent['after-token'].map((r) => r.auth)) === '["Bearer tok-after"]', JSON.stringify(sent['after-token']));
  // getToken set before definition is still called per request.
  await page.locator('#before-get').getByRole('button', { name: 'Next page', exact: true }).click();
  await page.locator('#before-get .cu-pager [role=status]', { hasText: 'Runs 21–40' }).waitFor();
  const nth = (r) => Number(r.auth.replace('Bearer get-before-', ''));
  assert(sent['before-get'][1] && nth(sent['before-get'][1]) > nth(sent['before-get'][0]), JSON.stringify(sent['before-get']));
  // Write-only everywhere.
  const read = await page.evaluate(() => [...document.querySelectorAll('cu-runs-table')].map((el) => ({
    id: el.id,
    own: ['token', 'getToken'].filter((k) => Object.prototype.hasOwnProperty.call(el, k)),
    token: el.token === undefined, getToken: el.getToken === undefined,
    options: Object.keys(el.options()),
  })));
  for (const r of read) {
    assert(r.own.length === 0 && r.token && r.getToken, `readable back: ${JSON.stringify(r)}`);
    assert(!r.options.includes('token') && !r.options.includes('getToken'), `options(): ${JSON.stringify(r)}`);
  }
});

// README "Configuration" has no literal config block: it names the block
// (`<script type="application/json" id="cu-cost-table-config">`) and the
// sentence a broken one shows. The standalone page (index.html, as Trunk
// built it) must hold that block, with the documented keys, and a page with
// a broken block must show the README's sentence with the exact line and
// column.
await check('readme_config_block_and_its_error_sentence_hold_for_the_standalone_page', async (page) => {
  const config = README.slice(README.indexOf('## Configuration'), README.indexOf('\n## ', README.indexOf('## Configuration') + 1));
  assert(config.length > 0, 'README.md has no "## Configuration" section');
  const tag = (config.match(/`(<script type="application\/json" id="cu-cost-table-config">)`/) || [])[1];
  assert(tag, 'README "Configuration" no longer names the config block as `<script type="application/json" id="cu-cost-table-config">`');
  const template = (config.replace(/\s+/g, ' ').match(/"(The CU cost table could not start: the config block is not valid JSON \(at line L column C\)\.)"/) || [])[1];
  assert(template, 'README "Configuration" no longer holds the sentence "… the config block is not valid JSON (at line L column C)."');
  const served = await (await page.request.get(base + '/')).text();
  const start = served.indexOf(tag);
  assert(start >= 0, `the standalone page has no ${tag}`);
  const text = served.slice(start + tag.length, served.indexOf('</script>', start));
  const block = JSON.parse(text);
  // "the same keys as mount plus target … and token" (syncUrl: the page's own).
  const mountKeys = new Set([...readmeExample('the mount example', (b) => b.includes('mount(document.getElementById("costs")')).matchAll(/\b(\w+):\s/g)].map((m) => m[1]));
  const unknown = Object.keys(block).filter((k) => !mountKeys.has(k) && !['target', 'token', 'syncUrl'].includes(k));
  assert(unknown.length === 0, `config block keys the README does not document: ${unknown}`);
  assert(served.includes(`id="${block.target}"`), `no element with the target id ${block.target}`);
  await page.goto(base + '/');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  // The same page with its block broken where we know: line 4 column 14 (the
  // `}` where a value should be; line 1 is the empty rest of the tag's line).
  const broken = '\n{\n  "target": "app",\n  "apiBase": }\n';
  await page.route(base + '/', async (route) => {
    const html = await (await route.fetch()).text();
    const at = html.indexOf(tag) + tag.length;
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html.slice(0, at) + broken + html.slice(html.indexOf('</script>', at)) });
  });
  await page.goto(base + '/');
  const alert = page.locator('.cu-fatal[role=alert]');
  await alert.waitFor({ timeout: 20000 });
  const want = template.replace('line L', 'line 4').replace('column C', 'column 14');
  assert((await alert.innerText()).trim() === want, `message: ${(await alert.innerText()).trim()} (README: ${want})`);
  assert(await page.locator('#cu-cost-table-config').count() === 0, 'the block (which holds the token) is removed');
});

// ---- Hardening (issue "Exact on a live organization"), through the public API.
await check('hardening_bad_targets_are_rejected_by_mount', async (page) => {
  await portalReady(page);
  const m = await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    const attempt = (opts) => { try { mount(el, { token: 't', orgId: 'x', apiBase: '/', ...opts }); return 'mounted'; } catch (e) { return e.message; } };
    return {
      bases: ['//evil.example/api', '/\\evil.example', 'https://user@api.example', 'https://u:p@api.example/v', 'ftp://x', 'api'].map((apiBase) => attempt({ apiBase })),
      orgs: ['.', '..'].map((orgId) => attempt({ orgId })),
      refresh: attempt({ refreshSeconds: 5 }),
      children: el.childElementCount,
    };
  });
  for (const text of m.bases) assert(text.startsWith('apiBase must be an absolute http(s) URL without user info'), text);
  for (const text of m.orgs) assert(text === 'orgId must not be "." or ".."', text);
  assert(m.refresh === 'refreshSeconds must be between 15 and 86400 (a whole number)', m.refresh);
  assert(m.children === 0, 'nothing mounted');
});

await check('hardening_the_token_never_follows_a_redirect', async (page) => {
  await portalReady(page);
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    el.id = 'redir';
    document.body.append(el);
    window.__redir = mount(el, { apiBase: '/', orgId: 'fault-redirect', token: 'redirect-secret' });
  });
  await page.locator('#redir .cu-error[role=alert]').waitFor({ timeout: 30000 });
  const asked = await (await page.request.get(`${base}/__demo/requests?org=fault-redirect`)).json();
  assert(asked.length >= 1, 'the request was made');
  const followed = await (await page.request.get(`${base}/__demo/requests?org=redirected`)).json();
  assert(followed.length === 0, `the redirect was followed: ${JSON.stringify(followed)}`);
});

await check('hardening_get_token_failures_are_their_own_error_shown_once', async (page) => {
  await portalReady(page);
  const results = await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const run = async (getToken, timeoutMs = 500) => {
      const el = document.createElement('div');
      document.body.append(el);
      let calls = 0;
      const events = [];
      el.addEventListener('cu-runs:error', (e) => events.push(e.detail.message));
      // Without the ledger: its balance request would call getToken too.
      const handle = mount(el, { apiBase: '/', orgId: 'acme', timeoutMs, ledger: false, getToken: () => { calls++; return getToken(); } });
      const start = Date.now();
      while (!el.querySelector('.cu-error[role=alert]') && Date.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 2500)); // room for a retry that must not come
      const text = el.querySelector('.cu-error[role=alert] .cu-error-title')?.textContent ?? '';
      const retrying = el.textContent.includes('Retrying');
      handle.unmount();
      el.remove();
      return { text, calls, events, retrying };
    };
    return {
      hang: await run(() => new Promise(() => {})),
      hangOneSecond: await run(() => new Promise(() => {}), 1000),
      thrown: await run(() => { throw new Error('vault locked'); }),
      rejected: await run(() => Promise.reject(new Error('nope'))),
    };
  });
  assert(results.hang.text === 'Could not get an access token: getToken did not answer within 0.5 seconds.', results.hang.text);
  assert(results.hangOneSecond.text === 'Could not get an access token: getToken did not answer within 1 second.', results.hangOneSecond.text);
  assert(results.thrown.text === 'Could not get an access token: getToken threw an error.', results.thrown.text);
  assert(results.rejected.text === 'Could not get an access token: the promise returned by getToken was rejected.', results.rejected.text);
  for (const [name, r] of Object.entries(results)) {
    assert(r.calls === 1 && !r.retrying, `${name}: not retried (${r.calls} calls)`);
    assert(r.events.length === 1 && r.events[0] === r.text, `${name}: one error event: ${JSON.stringify(r.events)}`);
  }
});

await check('handle_free_removes_the_table_and_unmount_after_it_does_nothing', async (page) => {
  await portalReady(page);
  const seen = await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    document.body.append(el);
    const handle = mount(el, { apiBase: '/', orgId: 'acme', token: 't' });
    const start = Date.now();
    while (!el.querySelector('table tbody tr:not(.cu-empty-row) td') && Date.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
    const mounted = el.childElementCount > 0;
    handle.free();
    const emptyAfterFree = el.childElementCount === 0;
    let threw = null;
    try { handle.unmount(); handle.free(); handle[Symbol.dispose]?.(); handle.unmount(); } catch (e) { threw = String(e); }
    return { mounted, emptyAfterFree, threw };
  });
  assert(seen.mounted && seen.emptyAfterFree && seen.threw === null, JSON.stringify(seen));
});

await check('hardening_no_events_after_unmount', async (page) => {
  await portalReady(page);
  const counts = await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const events = [];
    const make = (orgId) => {
      const el = document.createElement('div');
      document.body.append(el);
      for (const t of ['cu-runs:load', 'cu-runs:error']) el.addEventListener(t, (e) => events.push([orgId, e.type, e.detail.scope]));
      return [el, mount(el, { apiBase: '/', orgId, token: 't' })];
    };
    // A page request in flight (fault-slow answers after 2 s), then unmounted.
    const [, slow] = make('fault-slow');
    await new Promise((r) => setTimeout(r, 200));
    slow.unmount();
    // A "Load all runs" walk in flight, then unmounted.
    const [el, walk] = make('acme');
    while (!el.querySelector('table tbody tr:not(.cu-empty-row) td')) await new Promise((r) => setTimeout(r, 50));
    const before = events.length;
    [...el.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load all runs').click();
    walk.unmount();
    await new Promise((r) => setTimeout(r, 3000));
    return { slow: events.filter((e) => e[0] === 'fault-slow').length, after: events.length - before };
  });
  assert(counts.slow === 0, `events from the unmounted slow table: ${counts.slow}`);
  assert(counts.after === 0, `events after unmounting a walk: ${counts.after}`);
});

await check('hardening_custom_element_forgets_its_token_for_a_new_target', async (page) => {
  await portalReady(page);
  const org = 'ce-target-' + Date.now();
  const sent = watchRunsRequests(page, org);
  const seen = await page.evaluate(async (org) => {
    await import('/pkg/cu-runs-table.js');
    const el = document.createElement('cu-runs-table');
    el.setAttribute('api-base', '/');
    el.setAttribute('org-id', org);
    document.body.append(el);
    el.token = 'first-target-token';
    // Run rows, not the "Loading runs…" placeholder row.
    const rows = () => el.querySelectorAll('table tbody tr:not(.cu-empty-row) td').length;
    let start = Date.now();
    while (!rows() && Date.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
    const mountedFirst = rows() > 0;
    el.setAttribute('api-base', location.origin + '/');
    await new Promise((r) => setTimeout(r, 800));
    const emptyAfterChange = el.childElementCount === 0;
    el.token = 'second-target-token';
    start = Date.now();
    while (!rows() && Date.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
    const mountedAgain = rows() > 0;
    // `credentials` given where it was not (the default, "omit", changes
    // to "same-origin"): the token is forgotten too.
    el.setAttribute('credentials', 'same-origin');
    await new Promise((r) => setTimeout(r, 800));
    const emptyAfterCredentials = el.childElementCount === 0;
    el.token = 'third-target-token';
    start = Date.now();
    while (!rows() && Date.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
    return { mountedFirst, emptyAfterChange, mountedAgain, emptyAfterCredentials, mountedThird: rows() > 0 };
  }, org);
  assert(Object.values(seen).every(Boolean), JSON.stringify(seen));
  const tokens = sent.map((r) => r.auth);
  assert(JSON.stringify(tokens) === JSON.stringify(['Bearer first-target-token', 'Bearer second-target-token', 'Bearer third-target-token']), JSON.stringify(sent));
});

await check('hardening_the_package_never_auto_mounts_in_a_portal', async (page) => {
  // A portal page that happens to hold a config block like the standalone
  // page's, and imports pkg/: nothing mounts, the block stays.
  await page.route(base + '/portal-with-config.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><title>Portal</title></head><body><main><div id="app"></div>
      <script type="application/json" id="cu-cost-table-config">{"apiBase":"/","orgId":"acme","token":"portal-config-token"}</script>
      <script type="module">import init from '/pkg/cu_cost_table.js'; await init(); window.__inited = true;</script></main></body></html>`,
  }));
  const sent = [];
  page.on('request', (r) => { if (r.url().includes('/cu/runs')) sent.push(`${r.url()} ${r.headers()['authorization']}`); });
  await page.goto(base + '/portal-with-config.html');
  await page.waitForFunction(() => window.__inited === true, null, { timeout: 20000 });
  await page.waitForTimeout(500);
  assert((await page.locator('#app').innerHTML()) === '', 'the package mounted by itself');
  assert(await page.locator('#cu-cost-table-config').count() === 1, 'the block was consumed');
  assert(sent.length === 0, `the page asked for runs by itself: ${sent.join(' | ')}`);
});

await check('refresh_seconds_refreshes_while_visible_and_stops_on_unmount', async (page) => {
  // Real time (the option's minimum is 15 s): about 35 s.
  await portalReady(page);
  const org = 'live-timer-' + Date.now();
  const count = async () => (await (await page.request.get(`${base}/__demo/requests?org=${org}`)).json()).length;
  await page.evaluate(async (org) => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('div');
    el.id = 'timer';
    document.body.append(el);
    window.__timer = mount(el, { apiBase: '/', orgId: org, token: 't', refreshSeconds: 15 });
    // The same timer on an organization where nothing arrives.
    const quiet = document.createElement('div');
    quiet.id = 'timer-quiet';
    document.body.append(quiet);
    window.__timerQuiet = mount(quiet, { apiBase: '/', orgId: 'acme', token: 't', refreshSeconds: 15 });
  }, org);
  await rowsIn(page, '#timer').nth(19).waitFor({ timeout: 20000 });
  await rowsIn(page, '#timer-quiet').nth(19).waitFor({ timeout: 20000 });
  assert(await count() === 1, 'one request for the first page');
  // A hidden tab is not refreshed by the timer.
  await page.evaluate(() => Object.defineProperty(document, 'hidden', { value: true, configurable: true }));
  await page.waitForTimeout(16000);
  assert(await count() === 1, `refreshed while hidden: ${await count()} requests`);
  // Visible again with a refresh due: it refreshes at once.
  await page.evaluate(() => { delete document.hidden; document.dispatchEvent(new Event('visibilitychange')); });
  await page.locator('#timer .cu-refresh-note', { hasText: '3 new runs' }).waitFor({ timeout: 5000 });
  assert(await count() === 2, 'one refresh');
  assert((await page.locator('#timer .cu-asof').innerText()).startsWith('As of '), 'as-of time shown');
  // What the timer found is announced; that it found nothing is only shown
  // (a screen reader is not told "No new runs" on every tick); Refresh
  // pressed is always answered aloud.
  const said = (id) => page.locator(`${id} .cu-scope [role=status]:not([aria-live=off])`).evaluateAll((els) => els.map((e) => e.textContent.trim()).filter(Boolean));
  const saidTimer = await said('#timer');
  assert(saidTimer.some((t) => t.startsWith('3 new runs')), `the timer's news not announced: ${JSON.stringify(saidTimer)}`);
  await page.locator('#timer-quiet .cu-refresh-note', { hasText: 'No new runs since' }).waitFor({ timeout: 5000 });
  const saidQuiet = await said('#timer-quiet');
  assert(saidQuiet.length === 0, `the timer's "nothing new" was announced: ${JSON.stringify(saidQuiet)}`);
  await page.locator('#timer-quiet').getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('#timer-quiet .cu-scope [role=status]:not([aria-live=off])')].some((e) => e.textContent.trim().startsWith('No new runs since')), null, { timeout: 5000 });
  await page.evaluate(() => window.__timerQuiet.unmount());
  await page.evaluate(() => window.__timer.unmount());
  await page.waitForTimeout(16000);
  assert(await count() === 2, `requests after unmount: ${await count()}`);
});

// ---- The view adapts to the component's own width; the Columns menu.
const runsFit = (page) => page.evaluate(() => [...document.querySelectorAll('.cu-root')].map((root) => {
  const table = root.querySelector('table.cu-runs');
  const box = table.parentElement.getBoundingClientRect();
  const shown = [...table.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none');
  const name = (th) => th.querySelector('button').childNodes[0].textContent.trim();
  const money = shown.filter((th) => ['CU', 'Cost'].includes(name(th)));
  return {
    id: root.closest('[id]').id,
    width: Math.round(root.getBoundingClientRect().width),
    overflow: table.parentElement.scrollWidth - table.parentElement.clientWidth,
    heads: shown.map(name),
    moneyInBox: money.length > 0 && money.every((th) => { const r = th.getBoundingClientRect(); return r.width > 0 && r.right <= box.right + 1; }),
  };
}));

await check('narrow_cards_keep_cu_and_cost_visible_without_sideways_scroll', async (page) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await portalReady(page);
  for (const sel of ['#costs-acme', '#costs-globex', '#initech']) await rowsIn(page, sel).nth(19).waitFor({ timeout: 20000 });
  let fits = await runsFit(page);
  for (const f of fits) {
    assert(f.overflow <= 0 && f.moneyInBox, `card at 1400 px: ${JSON.stringify(f)}`);
    for (const want of ['Run', 'Workflow', 'Status', 'CU']) assert(f.heads.includes(want), `${want} missing: ${JSON.stringify(f)}`);
  }
  assert(fits.find((f) => f.id === 'costs-acme').heads.includes('Cost'), 'Cost shown for the priced table');
  // A hidden column's value moves to the row's details (a second line).
  const acme = fits.find((f) => f.id === 'costs-acme');
  if (!acme.heads.includes('Trigger')) {
    const more = await page.locator('#costs-acme table.cu-runs tbody tr').first().locator('.cu-more-trigger').innerText();
    assert(more.startsWith('Trigger: '), `details line: ${more}`);
  }
  // 480 px of component width.
  await page.evaluate(() => { for (const id of ['costs-acme', 'initech']) document.getElementById(id).closest('.portal-card').style.width = '480px'; });
  await page.waitForTimeout(200);
  fits = (await runsFit(page)).filter((f) => ['costs-acme', 'initech'].includes(f.id));
  for (const f of fits) {
    assert(f.width <= 482, `component width ${f.width}`);
    assert(f.overflow <= 0 && f.moneyInBox, `card at 480 px: ${JSON.stringify(f)}`);
    for (const want of ['Run', 'Workflow', 'Status', 'CU', 'Cost']) assert(f.heads.includes(want), `${want} missing at 480 px: ${JSON.stringify(f)}`);
  }
});

await check('columns_menu_hides_and_shows_columns_and_the_url_keeps_them', async (page) => {
  await page.goto(base + '/');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  const headers = () => page.locator('table.cu-runs thead th').evaluateAll((ths) => ths.map((th) => th.querySelector('button').childNodes[0].textContent.trim()));
  const button = page.getByRole('button', { name: 'Columns', exact: true });
  assert((await button.getAttribute('aria-expanded')) === 'false', 'closed at first');
  await button.click();
  const group = page.getByRole('group', { name: 'Columns', exact: true });
  await group.waitFor();
  await group.getByRole('checkbox', { name: 'Trigger column' }).uncheck();
  await group.getByRole('checkbox', { name: 'Duration column' }).uncheck();
  assert(!(await headers()).includes('Trigger') && !(await headers()).includes('Duration'), `headers: ${await headers()}`);
  assert(page.url().includes('cols=run%2Cworkflow%2Cstatus%2Cstarted%2Cfinished%2Ccu%2Ccost'), `url: ${page.url()}`);
  await page.keyboard.press('Escape');
  assert((await button.getAttribute('aria-expanded')) === 'false', 'Escape closes');
  assert(await button.evaluate((b) => b === document.activeElement), 'focus back on the button');
  await page.reload();
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  assert(JSON.stringify(await headers()) === JSON.stringify(['Run', 'Workflow', 'Status', 'Started', 'Finished', 'CU', 'Cost']), `after reload: ${await headers()}`);
  await button.click();
  await group.getByRole('checkbox', { name: 'Trigger column' }).check();
  assert(JSON.stringify(await headers()) === JSON.stringify(['Run', 'Workflow', 'Status', 'Trigger', 'Started', 'Finished', 'CU', 'Cost']), `back in place: ${await headers()}`);
  // The columns option sets the initial set and order.
  const custom = await page.evaluate(async () => {
    const { default: init, mount } = await import('/pkg/cu_cost_table.js');
    await init();
    const el = document.createElement('div');
    document.body.append(el);
    mount(el, { apiBase: '/', orgId: 'acme', token: 't', columns: ['cu', 'run', 'status'] });
    while (!el.querySelector('table.cu-runs tbody tr:not(.cu-empty-row) td')) await new Promise((r) => setTimeout(r, 50));
    return [...el.querySelectorAll('table.cu-runs thead th')].map((th) => th.querySelector('button').childNodes[0].textContent.trim());
  });
  assert(JSON.stringify(custom) === JSON.stringify(['CU', 'Run', 'Status']), `columns option: ${custom}`);
});

// ---- Token hygiene: after a session of use including errors, the token is
// nowhere a user, a log or another script could read it.
await check('token_never_leaks_after_a_session_with_errors', async (page) => {
  const SECRET = 'tok-SECRET-4242-zz';
  const urls = [];
  const consoleText = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('console', (m) => consoleText.push(m.text()));
  await portalReady(page);
  await page.evaluate(async (SECRET) => {
    window.__csv = [];
    // Keep each exported blob; the download itself goes on as usual.
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b) => { window.__csv.push(b); return createObjectURL(b); };
    const { mount } = await import('/pkg/cu_cost_table.js');
    for (const org of ['acme', 'fault-500', 'fault-html', 'fault-401']) {
      const el = document.createElement('div');
      el.id = 'secret-' + org;
      document.body.append(el);
      mount(el, { apiBase: '/', orgId: org, token: SECRET });
    }
  }, SECRET);
  const acme = '#secret-acme';
  await rowsIn(page, acme).nth(19).waitFor({ timeout: 20000 });
  await page.locator(acme).getByRole('button', { name: 'Next page', exact: true }).click();
  await page.locator(`${acme} .cu-pager [role=status]`, { hasText: 'Runs 21–40' }).waitFor();
  await page.locator(acme).getByRole('button', { name: 'Load all runs' }).click();
  await page.locator(`${acme} .cu-outcome`, { hasText: 'Loaded all' }).waitFor({ timeout: 20000 });
  await page.locator(acme).getByRole('button', { name: 'Export CSV', exact: true }).click();
  await page.locator(acme).getByRole('button', { name: 'Export subtotals CSV' }).click();
  for (const org of ['fault-500', 'fault-html', 'fault-401']) await page.locator(`#secret-${org} [role=alert]`).waitFor({ timeout: 15000 });
  const texts = await page.evaluate(async () => ({
    html: document.documentElement.outerHTML,
    csv: await Promise.all(window.__csv.map((b) => b.text())),
    events: JSON.stringify(window.__events),
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
    href: location.href,
  }));
  assert(texts.csv.length === 2 && texts.csv[0].includes('Run ID'), 'two CSV exports captured');
  const places = { dom: texts.html, csv: texts.csv.join(''), events: texts.events, storage: texts.storage, url: texts.href, requests: urls.join(' '), console: consoleText.join(' ') };
  const leaks = Object.entries(places).filter(([, v]) => v.includes(SECRET)).map(([k]) => k);
  assert(leaks.length === 0, `token found in: ${leaks}`);
  assert(texts.events.includes('cu-runs:error'), 'errors happened during the session');
}, { allowConsole: failedLoadsOf('fault-500', 'fault-html', 'fault-401') });

// ---- Soak: 1,000 page flips; wasm memory and DOM size stay bounded.
await check('soak_1000_page_flips_stay_bounded', async (page) => {
  await portalReady(page);
  const figures = await page.evaluate(async () => {
    const { default: init, mount } = await import('/pkg/cu_cost_table.js');
    const wasm = await init();
    const el = document.createElement('div');
    document.body.append(el);
    mount(el, { apiBase: '/', orgId: 'soak', token: 't', pageSize: 100 });
    const status = () => el.querySelector('.cu-pager [role=status]')?.textContent.trim() || '';
    const busy = () => el.querySelector('table[aria-busy=true]') !== null;
    const button = (name) => [...el.querySelectorAll('button')].find((b) => b.textContent.replace(/[‹›]/g, '').trim() === name);
    const until = (what, ok) => new Promise((resolve, reject) => {
      const t = performance.now();
      const tick = () => {
        if (ok()) resolve();
        else if (performance.now() - t > 10000) reject(new Error(`soak: timed out waiting for ${what} (status "${status()}")`));
        else setTimeout(tick, 1);
      };
      tick();
    });
    const settle = () => until('first page', () => !busy() && status().startsWith('Runs'));
    await settle();
    const sample = () => ({ wasmBytes: wasm.memory.buffer.byteLength, domNodes: document.getElementsByTagName('*').length, jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null });
    let forward = true;
    const out = {};
    const t0 = performance.now();
    for (let i = 1; i <= 1000; i++) {
      const before = status();
      const next = button('Next page');
      if (forward && next.disabled) forward = false;
      const prev = button('Previous page');
      if (!forward && prev.disabled) forward = true;
      (forward ? button('Next page') : button('Previous page')).click();
      await until(`flip ${i}`, () => !busy() && status() !== before && status().startsWith('Runs'));
      if (i === 100) out.after100 = sample();
    }
    out.after1000 = sample();
    out.ms = Math.round(performance.now() - t0);
    return out;
  });
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(`    soak: 1,000 flips in ${figures.ms} ms; wasm memory ${mb(figures.after100.wasmBytes)} MB after 100 -> ${mb(figures.after1000.wasmBytes)} MB after 1,000; DOM nodes ${figures.after100.domNodes} -> ${figures.after1000.domNodes}; JS heap ${mb(figures.after100.jsHeap)} -> ${mb(figures.after1000.jsHeap)} MB`);
  assert(figures.after1000.wasmBytes - figures.after100.wasmBytes <= 1048576, 'wasm memory grew by more than 1 MB over 900 flips');
  assert(Math.abs(figures.after1000.domNodes - figures.after100.domNodes) <= 50, 'DOM node count drifted');
});

await check('narrow_320px_page_does_not_overflow', async (page) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(base + '/');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 320, `page is ${width}px wide at a 320px viewport`);
  // Each table stays inside the page: what does not fit scrolls inside the
  // table's own box. The subtotals (the first) fit whole at this width:
  // the group, Total CU and Cost, without scrolling sideways.
  const boxes = await page.evaluate(() => [...document.querySelectorAll('.cu-scroll')]
    .map((s) => ({ right: s.getBoundingClientRect().right, fits: s.scrollWidth <= s.clientWidth })));
  assert(boxes.length >= 2 && boxes.every((b) => b.right <= 320), `a table box passes the viewport: ${JSON.stringify(boxes)}`);
  assert(boxes[0].fits, 'the subtotals table scrolls sideways at 320px');
});

// ---- Accessibility: zero axe-core violations in every state.
await check('axe_standalone_page_in_every_state', async (page) => {
  const found = [];
  const audit = async (state) => { for (const v of await axeViolations(page)) found.push(`[${state}] ${v}`); };
  await page.goto(base + '/');
  await audit('first load');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  await audit('data');
  await page.getByLabel('Search runs').fill('zzz-no-such-run');
  await page.getByText('No runs match these filters.').waitFor();
  await audit('filtered to nothing');
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page.getByRole('button', { name: 'Load all runs' }).click();
  await page.locator('.cu-outcome', { hasText: 'Loaded all' }).waitFor({ timeout: 20000 });
  await audit('all loaded');
  await page.getByRole('slider', { name: 'Day' }).focus();
  await page.keyboard.press('End');
  await audit('day chart focused');
  for (const t of await page.getByRole('button', { name: 'Show as table' }).all()) await t.click();
  await page.getByRole('table', { name: 'CU per day (chart figures)' }).waitFor();
  await audit('charts as tables');
  assert(found.length === 0, found.join('\n    '));
});

await check('axe_portal_with_errors_and_retrying', async (page) => {
  const found = [];
  const audit = async (state) => { for (const v of await axeViolations(page)) found.push(`[${state}] ${v}`); };
  await portalReady(page);
  await rowsIn(page, '#initech').nth(19).waitFor({ timeout: 20000 });
  await audit('portal data');
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    for (const org of ['fault-500', 'fault-page2']) {
      const el = document.createElement('div');
      el.id = 'axe-' + org;
      document.querySelector('main').append(el);
      (window.__axeHandles ||= []).push(mount(el, { apiBase: '/', orgId: org, token: 't' }));
    }
  });
  await rowsIn(page, '#axe-fault-page2').nth(19).waitFor({ timeout: 20000 });
  await page.locator('#axe-fault-page2').getByRole('button', { name: 'Next page', exact: true }).click();
  await page.locator('#axe-fault-page2 .cu-retrying', { hasText: 'Retrying' }).waitFor({ timeout: 5000 });
  await audit('retrying');
  await page.locator('#axe-fault-500 [role=alert]').waitFor({ timeout: 15000 });
  await page.locator('#axe-fault-page2 [role=alert]').waitFor({ timeout: 15000 });
  await audit('errors');
  assert(found.length === 0, found.join('\n    '));
}, { allowConsole: failedLoadsOf('fault-500', 'fault-page2') });

// ---- Keyboard, live regions, zoom.
const focusInfo = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const visibleFocus = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
  const label = (el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  // Focus on a date input's own calendar button sits in its UA shadow tree
  // (the input does not match :focus then): checked from pixels instead.
  const shadowFocus = el.tagName === 'INPUT' && !el.matches(':focus');
  return { inRoot: !!el.closest('.cu-root'), visibleFocus, shadowFocus, id: el.id, label, tag: el.tagName.toLowerCase(), cls: el.className || '' };
});

// ---- Periods for finance: a month against the one before, a budget, names.
const financeOptions = {
  apiBase: '/', orgId: 'finance-demo', token: 't', title: 'Finance: this month', pricePerCu: 0.002, currency: 'USD',
  period: 'this-month', budgetCu: 24000, now: '2026-11-28T18:00:00Z', locale: 'en-US', timeZone: 'UTC', maxRuns: 100000,
  workflowNames: { 'invoice-reconcile': 'Invoice reconciliation', 'billing-sync': 'Billing sync <b>v2</b>' },
};
const mountFinance = async (page) => {
  await portalReady(page);
  await page.evaluate(async (options) => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    const el = document.createElement('section');
    el.id = 'finance';
    document.querySelector('main').prepend(el);
    window.__finance = mount(el, options);
  }, financeOptions);
  const root = page.locator('#finance');
  // A chosen period loads its runs by itself (no click needed).
  await root.locator('.cu-period-cover', { hasText: 'This month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  return root;
};

await check('axe_and_keyboard_with_the_period_controls', async (page) => {
  const found = [];
  const audit = async (state) => { for (const v of await axeViolations(page)) found.push(`[${state}] ${v}`); };
  const root = await mountFinance(page);
  await audit('this month, compared, with a budget');
  await root.getByRole('combobox', { name: 'Group by' }).selectOption('trigger');
  await root.getByRole('table', { name: 'CU by trigger' }).waitFor();
  await root.getByRole('combobox', { name: 'Granularity' }).selectOption('week');
  await root.getByRole('heading', { name: /^CU per week/ }).waitFor();
  await audit('grouped by trigger, weekly');
  assert(found.length === 0, found.join('\n    '));
  // Every new control is reachable by Tab, in reading order.
  await root.getByRole('combobox', { name: 'Period', exact: true }).focus();
  const labels = [];
  for (let i = 0; i < 60; i++) {
    const info = await focusInfo(page);
    if (!info || !info.inRoot) break;
    labels.push(info.label);
    await page.keyboard.press('Tab');
  }
  const order = ['Period', 'Compare with previous period', 'Search runs', 'Show as table', 'Granularity', 'Day', 'Group by', 'Export subtotals CSV'];
  let at = -1;
  for (const want of order) {
    const i = labels.findIndex((l, k) => k > at && l.startsWith(want));
    assert(i > at, `"${want}" not reached after position ${at} in: ${labels.join(' | ')}`);
    at = i;
  }
});

await check('colours_follow_the_workflow_and_labels_show_their_codes', async (page) => {
  const root = await mountFinance(page);
  // The swatch colour of each workflow row in the subtotals table.
  const colours = () => root.getByRole('table', { name: 'CU by workflow' }).locator('tbody th').evaluateAll((ths) => Object.fromEntries(ths.map((th) => [
    th.innerText.trim(), [...th.querySelector('.cu-swatch').classList].find((c) => /^cu-c\d+$/.test(c))])));
  const november = await colours();
  // "Load all runs" says how far back it fetches under a period.
  const title = await root.getByRole('button', { name: 'Load all runs', exact: true }).getAttribute('title');
  assert(title && title.startsWith('Fetch the runs back to Oct 1, where the comparison with the previous period starts'), `Load all runs title: ${title}`);
  await root.getByRole('combobox', { name: 'Period', exact: true }).selectOption('last-month');
  await root.locator('.cu-period-cover', { hasText: 'Last month: all ', hasNotText: 'comparison needs' }).waitFor({ timeout: 30000 });
  const october = await colours();
  const both = Object.keys(november).filter((k) => k in october && !october[k].endsWith('c10') && !november[k].endsWith('c10'));
  assert(both.length >= 5, `only ${both.length} workflows in both months`);
  // The rank order differs between the months, yet each keeps its colour.
  const changed = both.filter((k) => november[k] !== october[k]);
  assert(changed.length === 0, `colours changed with the period: ${changed.map((k) => `${k} ${november[k]}→${october[k]}`).join(', ')}`);
  // No two groups on screen share a colour (Other aside).
  for (const [name, c] of [['This month', november], ['Last month', october]]) {
    const shown = Object.values(c).filter((x) => !x.endsWith('c10'));
    assert(new Set(shown).size === shown.length, `${name}: two groups share a colour: ${JSON.stringify(c)}`);
  }
  // The runs section says the zone its times are in.
  assert((await root.locator('.cu-times-zone').innerText()).trim() === 'Times in UTC', 'the runs section names its time zone');
  const order = (c) => Object.keys(c).join('|');
  assert(order(november) !== order(october), 'the months rank their workflows alike: the check proves nothing');
  // Friendly trigger labels carry the platform's code on hover.
  const option = root.getByRole('combobox', { name: 'Trigger', exact: true }).locator('option', { hasText: 'Cron job' });
  assert(await option.getAttribute('title') === 'cronjob', 'the Cron job option has no code on hover');
  await root.getByRole('combobox', { name: 'Group by' }).selectOption('trigger');
  const cron = root.getByRole('table', { name: 'CU by trigger' }).locator('tbody th button', { hasText: 'Cron job' });
  assert((await cron.getAttribute('title')).includes('(cronjob)'), 'the Cron job group has no code on hover');
});

await check('print_gives_a_clean_report_of_what_is_on_screen', async (page) => {
  await page.setViewportSize({ width: 1100, height: 900 });
  const root = await mountFinance(page);
  await page.evaluate(() => {
    // Print only the finance report (the portal's other cards are the host's).
    for (const el of document.querySelectorAll('main > *:not(#finance), body > :not(main):not(script)')) el.style.display = 'none';
  });
  await page.emulateMedia({ media: 'print' });
  // An A4 page's width at 96 dpi, margins included: what the PDF lays out.
  await page.setViewportSize({ width: 794, height: 1123 });
  // The print layout as an image: target/print.png (PRINT_PNG=docs/print.png
  // refreshes the README's picture; a test run leaves the repository alone).
  const printPng = process.env.PRINT_PNG || 'target/print.png';
  mkdirSync(join(printPng, '..'), { recursive: true });
  await page.screenshot({ path: printPng, fullPage: true });
  const visible = async (loc) => (await loc.count()) > 0 && loc.first().isVisible();
  // No controls; the report's parts are there.
  for (const name of ['Load all runs', 'Refresh', 'Export CSV', 'Columns', 'Next page', 'Show as table']) {
    assert(!(await visible(root.getByRole('button', { name, exact: true }))), `"${name}" shows in print`);
  }
  assert(!(await root.getByLabel('Search runs').isVisible()), 'search field shows in print');
  assert(!(await root.getByRole('combobox', { name: 'Period', exact: true }).isVisible()), 'the Period select shows in print');
  assert(await root.getByRole('heading', { name: 'Finance: this month' }).isVisible(), 'title');
  assert(await root.locator('.cu-org').isVisible(), 'organization');
  // A header says what the printout covers: period and zone, as of, filters, runs listed.
  const head = (await root.locator('.cu-print-head').innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
  const runsTotal = (await root.getByRole('table', { name: 'CU by workflow' }).locator('tfoot tr').first().locator('td').first().innerText()).trim();
  assert(head[0] === 'Period: This month, Nov 1 – Nov 30, 2026 (days counted in UTC).', `print header: ${head[0]}`);
  assert(/^As of [A-Z][a-z]{2} \d{1,2}, \d{4}, .+ \(UTC\)\.$/.test(head[1]), `print header: ${head[1]}`);
  assert(head[2] === 'Filters: none.', `print header: ${head[2]}`);
  assert(head[3] === `Totals cover ${runsTotal} runs; 20 of ${runsTotal} are listed below; the full list is in the CSV export.`, `print header: ${head[3]}`);
  // No controls, and no sentences about what the app has loaded or paged.
  for (const sel of ['.cu-filters', '.cu-scope', '.cu-outcome', '.cu-asof', '.cu-coverage', '.cu-period-cover', '.cu-pager']) {
    assert(!(await visible(root.locator(sel))), `${sel} shows in print`);
  }
  const printed = await root.evaluate((el) => el.innerText);
  for (const text of ['Loaded all', 'loaded runs', 'Runs 1–20']) assert(!printed.includes(text), `"${text}" is printed`);
  assert(await root.locator('.cu-headline').isVisible(), 'headline');
  assert(await root.locator('svg.cu-days-svg').isVisible(), 'day chart');
  assert(await root.getByRole('table', { name: 'CU by workflow' }).isVisible(), 'subtotals');
  const rows = await root.locator('table:has(caption:text-is("Workflow runs")) tbody tr:not(.cu-empty-row)').count();
  assert(rows === 20, `runs table prints its current page only (${rows} rows)`);
  await page.emulateMedia({ media: 'screen' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert(pdf.length > 20000 && pages >= 1 && pages <= 6, `PDF: ${pdf.length} bytes, ${pages} pages`);
  console.log(`    print: ${pages} A4 pages, ${Math.round(pdf.length / 1024)} KB (${printPng} shows the print layout)`);
});

await check('keyboard_only_walk_reaches_every_control_in_order_without_a_trap', async (page) => {
  await page.goto(base + '/');
  await runRows(page).nth(19).waitFor({ timeout: 20000 });
  await page.locator('.cu-bars svg[role=img]').waitFor();
  const seen = [];
  let left = false;
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const info = await focusInfo(page);
    if (!info || !info.inRoot) { if (seen.length) { left = true; break; } continue; }
    if (!info.visibleFocus && info.shadowFocus && info.id) info.shot = await page.locator('#' + info.id).screenshot();
    seen.push(info);
  }
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  for (const s of seen.filter((s) => s.shot)) {
    s.visibleFocus = !s.shot.equals(await page.locator('#' + s.id).screenshot());
  }
  const labels = seen.map((s) => s.label);
  assert(left, `Tab never left the component (trap?) after ${seen.length} stops: ${labels.join(' | ')}`);
  const noRing = seen.filter((s) => !s.visibleFocus).map((s) => s.label);
  assert(noRing.length === 0, `no visible focus on: ${noRing.join(' | ')}`);
  // A sensible order: scope, filters, charts, subtotals, pager, runs.
  const order = ['This page', 'Load all runs', 'Search runs', 'Workflow', 'Trigger', 'Minimum CU', 'Show as table', 'Day', 'Export subtotals CSV', 'Export CSV', 'Rows per page', 'Next page'];
  let at = -1;
  for (const want of order) {
    const i = labels.findIndex((l, k) => k > at && (l === want || l.startsWith(want)));
    assert(i > at, `"${want}" not reached after position ${at} in: ${labels.join(' | ')}`);
    at = i;
  }
  // The bar chart is one Tab stop (arrows move inside it).
  assert(seen.filter((s) => s.cls.includes('cu-bar-hit')).length === 1, 'bars take exactly one Tab stop');
  // Shift+Tab walks back into the component.
  await page.keyboard.press('Shift+Tab');
  const back = await focusInfo(page);
  assert(back && back.inRoot, 'Shift+Tab returns into the component');

  // Sort by Enter and Space on a header.
  const th = page.getByRole('table', { name: 'CU by workflow' }).locator('thead th').nth(1);
  const runsHeader = th.getByRole('button');
  assert((await runsHeader.innerText()).startsWith('Runs'), 'second header is Runs');
  await runsHeader.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((el) => el.getAttribute('aria-sort') === 'descending', await th.elementHandle());
  await page.keyboard.press('Space');
  await page.waitForFunction((el) => el.getAttribute('aria-sort') === 'ascending', await th.elementHandle());

  // The day cursor: arrows show a day, Escape hides it again.
  const slider = page.getByRole('slider', { name: 'Day' });
  const detail = page.locator('.cu-day-detail');
  const hint = (await detail.innerText()).trim();
  await slider.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const shown = (await detail.innerText()).trim();
  assert(shown !== hint && /^[A-Z][a-z]{2} \d{1,2}, \d{4}: /.test(shown), `day detail: ${shown}`);
  assert((await slider.getAttribute('aria-valuetext')) === shown, 'the slider announces the same text');
  await page.keyboard.press('Escape');
  assert((await detail.innerText()).trim() === hint, 'Escape hides the day detail');
  // Bars: arrows move focus, Enter filters.
  const firstBar = page.locator('.cu-bar-hit').first();
  await firstBar.focus();
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  const second = await page.locator('.cu-bar-hit').nth(1).textContent();
  assert(/^.+: [\d,.]+ CU · [\d.]+ %$/.test(second), `bar name: ${second}`);
  assert(focused === second, `ArrowDown moved to ${focused}`);
  await page.keyboard.press('Enter');
  const wf = second.split(': ')[0];
  await page.waitForFunction((wf) => document.querySelector('.cu-coverage').textContent.includes('1 filter active')
    && [...document.querySelectorAll('select')].some((s) => s.value === wf), wf);
});

await check('live_regions_announce_pages_progress_and_errors_once', async (page) => {
  await page.addInitScript(() => {
    window.__live = [];
    const record = () => {
      for (const el of document.querySelectorAll('[aria-live], [role=status], [role=alert]')) {
        const text = el.textContent.trim().replace(/\s+/g, ' ');
        if (el.__last !== text) {
          el.__last = text;
          if (text) window.__live.push({ t: performance.now(), host: (el.closest('[id]') || {}).id || '', role: el.getAttribute('role') || 'live', cls: String(el.className), text });
        }
      }
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await portalReady(page);
  await rowsIn(page, '#costs-acme').nth(19).waitFor({ timeout: 20000 });
  const live = () => page.evaluate(() => window.__live);
  // A page change is announced once.
  await page.locator('#costs-acme').getByRole('button', { name: 'Next page', exact: true }).click();
  await page.locator('#costs-acme .cu-pager [role=status]', { hasText: 'Runs 21–40' }).waitFor();
  await page.waitForTimeout(300);
  const pageNews = (await live()).filter((e) => e.host === 'costs-acme' && e.text === 'Runs 21–40');
  assert(pageNews.length === 1, `page change announced ${pageNews.length} times`);

  // Load-all progress at intervals (not per page): a slow org, 2 s a request.
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/cu_cost_table.js');
    for (const org of ['fault-slow', 'fault-500']) {
      const el = document.createElement('div');
      el.id = 'live-' + org;
      document.querySelector('main').append(el);
      (window.__liveHandles ||= []).push(mount(el, { apiBase: '/', orgId: org, token: 't' }));
    }
  });
  await rowsIn(page, '#live-fault-slow').nth(19).waitFor({ timeout: 20000 });
  const started = await page.evaluate(() => performance.now());
  await page.locator('#live-fault-slow').getByRole('button', { name: 'Load all runs' }).click();
  await page.locator('#live-fault-slow .cu-outcome', { hasText: 'Loaded all' }).waitFor({ timeout: 60000 });
  const ended = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300);
  const events = (await live()).filter((e) => e.host === 'live-fault-slow');
  const progress = events.filter((e) => e.cls.includes('cu-sr-only'));
  const outcome = events.filter((e) => e.text.startsWith('Loaded all'));
  const allowed = Math.floor((ended - started) / 5000) + 1;
  assert(progress.length >= 1 && progress.length <= allowed, `progress announced ${progress.length} times in ${Math.round(ended - started)} ms: ${progress.map((e) => e.text).join(' | ')}`);
  assert(progress[0].text === 'Loading all runs…', `first: ${progress[0].text}`);
  for (let i = 1; i < progress.length; i++) assert(progress[i].t - progress[i - 1].t >= 4900, 'announcements at least 5 s apart');
  assert(outcome.length === 1, `outcome announced ${outcome.length} times`);
  console.log(`    live: load-all took ${Math.round(ended - started)} ms; progress announced ${progress.length}×`);

  // An error is announced once, after the retries (which say "Retrying").
  await page.locator('#live-fault-500 [role=alert]').waitFor({ timeout: 20000 });
  await page.waitForTimeout(1500);
  const errs = (await live()).filter((e) => e.host === 'live-fault-500');
  const alerts = errs.filter((e) => e.role === 'alert');
  assert(alerts.length === 1, `error announced ${alerts.length} times: ${alerts.map((e) => e.text).join(' | ')}`);
  assert(errs.some((e) => e.text.startsWith('Retrying (2/3)')), 'retries were announced');
}, { allowConsole: failedLoadsOf('fault-500') });

// Controls must not overlap at 200 % zoom (a 1280 px window is 640 CSS px
// wide) nor at 320 px; the page must not scroll sideways.
await check('zoom_200_percent_and_320px_nothing_overlaps', async (page) => {
  for (const [w, h] of [[640, 450], [320, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(base + '/');
    await runRows(page).nth(19).waitFor({ timeout: 20000 });
    await page.locator('.cu-bars svg[role=img]').waitFor();
    const report = await page.evaluate(() => {
      const sel = '.cu-root button, .cu-root input, .cu-root select, .cu-root h2, .cu-root h3, .cu-root .cu-pager-status, .cu-root .cu-coverage, .cu-root .cu-axis, .cu-root .cu-legend li, .cu-root svg';
      const els = [...document.querySelectorAll(sel)].filter((el) => !el.closest('.cu-scroll') && !el.closest('.cu-bar-hits') && !el.classList.contains('cu-day-hits') && el.getClientRects().length);
      const boxes = els.map((el) => [el, el.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
      const bad = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i]; const [b, rb] = boxes[j];
        if (a.contains(b) || b.contains(a)) continue;
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (x > 1 && y > 1) bad.push(`${a.tagName}.${a.className}「${(a.textContent || '').trim().slice(0, 20)}」 × ${b.tagName}.${b.className}「${(b.textContent || '').trim().slice(0, 20)}」`);
      }
      return { width: document.documentElement.scrollWidth, bad, n: boxes.length };
    });
    assert(report.width <= w, `page is ${report.width}px wide at ${w}px`);
    assert(report.bad.length === 0, `overlaps at ${w}px: ${report.bad.slice(0, 5).join(' ; ')}`);
    assert(report.n > 20, `only ${report.n} elements checked`);
  }
});

await browser.close();
const passed = results.filter(([, ok]) => ok).length;
const failed = results.length - passed;
console.log(`\ntest result: ${failed ? 'FAILED' : 'ok'}. ${passed} passed; ${failed} failed; 0 ignored`);
process.exit(failed ? 1 : 0);
