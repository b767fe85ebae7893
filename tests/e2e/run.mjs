// End-to-end checks of the standalone page as a user gets it: the Trunk
// build served by the demo API, in headless Chromium (Debian's) driven by
// playwright-core. Prints cargo-style lines so scripts/test.sh counts them.
// Usage: node tests/e2e/run.mjs http://127.0.0.1:PORT
import { createRequire } from 'node:module';
import { join } from 'node:path';

// playwright-core lives in the tools folder installed by scripts/bootstrap.sh.
const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const { chromium } = createRequire(join(modules, 'noop.js'))('playwright-core');

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/run.mjs BASE_URL');
  process.exit(2);
}
const TOKEN = 'demo-token';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
});

const results = [];
async function check(name, fn) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await fn(page, consoleErrors);
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

await browser.close();
const passed = results.filter(([, ok]) => ok).length;
const failed = results.length - passed;
console.log(`\ntest result: ${failed ? 'FAILED' : 'ok'}. ${passed} passed; ${failed} failed; 0 ignored`);
process.exit(failed ? 1 : 0);
