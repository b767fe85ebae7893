// End-to-end checks of the ledger through `mount()` against the demo API:
// the balance and its runway with exact figures, the below-minimum warning
// said once, the reconciliation exact on a clean organization and showing
// exactly the two drifted days of `ledger-drift`, its CSV, a deployment
// without a ledger (`ledger-none`, `ledger-403`) where nothing shows and
// nothing breaks, and the huge month's headline from the ledger while its
// runs load. Expected figures are computed here from the API's own answers,
// in integer 1/10,000 CU. Prints cargo-style lines for scripts/test.sh.
// Usage: node tests/e2e/ledger.mjs http://127.0.0.1:PORT  (a demo API
// started with --test-aids --runs 1500 --now 2026-11-28T12:00:00Z --root .)
import { readFileSync } from 'node:fs';
import { assert, baseUrl, suite } from './harness.mjs';

const base = baseUrl('ledger.mjs');
const origin = new URL(base).origin;
const { check, finish } = await suite('ledger');
const NOW = '2026-11-28T12:00:00Z';
const TOKEN = 'demo-token';

// ---- Exact figures: CU as BigInt units of 1/10,000, from the JSON text.
const units = (text) => {
  const [i, f = ''] = String(text).split('.');
  return BigInt(i) * 10000n + BigInt((f + '0000').slice(0, 4));
};
const group = (n) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const cu = (u) => `${u < 0n ? '−' : ''}${group((u < 0n ? -u : u) / 10000n)}.${String((u < 0n ? -u : u) % 10000n).padStart(4, '0')}`;
const signed = (u) => (u > 0n ? `+${cu(u)}` : cu(u));
// Raw JSON numbers keep their digits: read them from the text.
async function raw(path) {
  const r = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const text = await r.text();
  return { status: r.status, text, json: r.status === 200 ? JSON.parse(text) : null };
}
const numberOf = (text, key) => text.match(new RegExp(`"${key}":(-?[0-9.]+)`))[1];
async function usage(org, month) {
  const { text, json } = await raw(`/v1/organizations/${org}/cu/usage?yearMonth=${month}`);
  // Each day's `used`, from its digits, in order.
  const used = [...text.matchAll(/"date":"(\d{4}-\d{2}-\d{2})","used":([0-9.]+)/g)].map((m) => [m[1], units(m[2])]);
  return { json, used };
}
async function runsOf(org) {
  const out = [];
  for (let offset = 0; ; offset += 100) {
    const { text, json } = await raw(`/v1/organizations/${org}/cu/runs?limit=100&offset=${offset}`);
    const cus = [...text.matchAll(/"totalCu":(null|[0-9.]+)/g)].map((m) => (m[1] === 'null' ? null : units(m[1])));
    json.data.items.forEach((r, i) => out.push({ ...r, cu: cus[i] }));
    if (!json.data.hasMore) return out;
  }
}
const dayName = (key) => {
  const d = new Date(`${key}T00:00:00Z`);
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
};
const addDays = (key, n) => new Date(Date.parse(`${key}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

async function open(page, options) {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ledger</title>
<link rel="stylesheet" href="/pkg/cu-cost-table.css"></head><body><main><div id="t"></div></main>
<script type="module">
import init, { mount } from '/pkg/cu_cost_table.js';
await init();
window.__handle = mount(document.getElementById('t'), ${options});
</script></body></html>`;
  await page.route(`${origin}/__t/ledger.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }));
  await page.goto(`${origin}/__t/ledger.html`);
}
const opts = (org, extra = '') => `{ apiBase: location.origin, orgId: '${org}', token: '${TOKEN}', pricePerCu: 0.002, currency: 'USD', now: '${NOW}'${extra} }`;
const rows = '#t table.cu-runs tbody tr:not(.cu-empty-row)';

await check('the_balance_and_its_runway_read_the_ledger_to_the_last_digit', async (page) => {
  const { text } = await raw('/v1/organizations/acme/cu');
  const balance = units(numberOf(text, 'balance'));
  const minimum = units(numberOf(text, 'minThreshold'));
  const cents = (balance * 2n + 50000n) / 100000n; // × 0.002 USD, to the cent, half up
  const days = [...(await usage('acme', '2026-10')).used, ...(await usage('acme', '2026-11')).used];
  // The 30 whole days before today (Nov 28, UTC): Oct 29 … Nov 27.
  const today = '2026-11-28';
  const window = days.filter(([d]) => d >= addDays(today, -30) && d < today);
  assert(window.length === 30, `${window.length} days in the window`);
  const sum = window.reduce((a, [, u]) => a + u, 0n);
  const perDay = (sum + 15n) / 30n;
  // From the balance as it stood at the start of today: the balance now
  // with today's use so far given back (today is not spent twice).
  const start = balance + (days.find(([d]) => d === today)?.[1] ?? 0n);
  assert(start > balance, 'the demo used CU today');
  const below = addDays(today, Number(((start - minimum) * 30n) / sum));
  const out = addDays(today, Number((start * 30n + sum - 1n) / sum) - 1);
  await open(page, opts('acme'));
  const line = page.locator('.cu-balance');
  await line.waitFor({ timeout: 20000 });
  const want = `Balance ${cu(balance)} CU ($${group(cents / 100n)}.${String(cents % 100n).padStart(2, '0')}) · minimum ${cu(minimum)} CU`;
  assert((await line.innerText()) === want, `balance: ${await line.innerText()}\n      want ${want}`);
  const runway = page.locator('.cu-runway');
  await runway.waitFor({ timeout: 20000 });
  const wantRunway = `At the last 30 days' rate (${cu(perDay)} CU a day, from the usage ledger) the balance falls below the minimum on ${dayName(below)} (UTC) and runs out on ${dayName(out)} (UTC).`;
  assert((await runway.innerText()) === wantRunway, `runway: ${await runway.innerText()}\n      want ${wantRunway}`);
  // Its method is its description.
  const described = await runway.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent);
  assert(described.startsWith('Runway method: the CU the usage ledger shows for the last 30 whole days (UTC)'), described);
  assert(await page.locator('.cu-low-balance').innerText() === '', 'a warning above the minimum');
});

await check('below_the_minimum_is_a_warning_said_once', async (page) => {
  const { text } = await raw('/v1/organizations/low-balance/cu');
  const by = units(numberOf(text, 'minThreshold')) - units(numberOf(text, 'balance'));
  await open(page, opts('low-balance'));
  const warning = page.locator('.cu-low-balance[role=status]');
  await warning.filter({ hasText: 'below the minimum' }).waitFor({ timeout: 20000 });
  assert(await warning.innerText() === `The balance is below the minimum, by ${cu(by)} CU.`, await warning.innerText());
  assert(await page.locator('[role=alert]').count() === 0, 'an alert, not a status');
  await page.locator('.cu-runway').filter({ hasText: 'runs out on' }).waitFor({ timeout: 20000 });
  // Said once: Refresh reads the balance again; the warning's text stays
  // the same node and is not set again.
  await warning.evaluate((el) => { window.__changes = 0; new MutationObserver((m) => { window.__changes += m.length; }).observe(el, { childList: true, characterData: true, subtree: true }); });
  await page.locator(rows).nth(19).waitFor({ timeout: 20000 });
  const balanceReads = () => fetch(`${origin}/__demo/ledger-requests?org=low-balance`).then((r) => r.json()).then((l) => (Array.isArray(l) ? l : l.requests || []).length);
  const before = await balanceReads();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.waitForFunction(() => !document.querySelector('.cu-asof')?.textContent.includes('Refreshing'));
  await page.waitForTimeout(500);
  assert(await balanceReads() > before, 'Refresh did not read the balance again');
  assert(await page.evaluate(() => window.__changes) === 0, 'the warning was said again');
});

await check('the_reconciliation_is_exact_on_a_clean_organization', async (page) => {
  const runs = await runsOf('acme');
  const november = runs.filter((r) => r.startedAt && r.startedAt.startsWith('2026-11'));
  const runsCu = november.reduce((a, r) => a + (r.cu ?? 0n), 0n);
  const { used } = await usage('acme', '2026-11');
  const ledgerCu = used.reduce((a, [, u]) => a + u, 0n);
  await open(page, opts('acme', ", period: 'this-month'"));
  const line = page.locator('.cu-recon-line');
  await line.waitFor({ timeout: 30000 });
  const diff = runsCu - ledgerCu;
  assert((await line.innerText()).startsWith(`Runs: ${cu(runsCu)} CU · Ledger: ${cu(ledgerCu)} CU used · Difference ${signed(diff)} CU`), `${await line.innerText()}`);
  const table = page.getByRole('table', { name: 'Reconciliation' });
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert(cells.length === 28, `${cells.length} days (Nov 1 … Nov 28)`);
  let seenMatch = false;
  let sumRuns = 0n; let sumLedger = 0n;
  for (const [day, r, l, d, cause] of cells) {
    const ru = units(r.replace(/,/g, '')); const lu = units(l.replace(/,/g, ''));
    sumRuns += ru; sumLedger += lu;
    const dd = units(d.replace(/[+−,]/g, '')) * (d.startsWith('−') ? -1n : 1n);
    assert(dd === ru - lu, `${day}: ${d} is not ${r} − ${l}`);
    if (dd === 0n) { seenMatch = true; assert(cause === '—', `${day} matches but says ${cause}`); continue; }
    // Days differ only for a cause the runs show, and come first.
    assert(!seenMatch, `${day} differs after a matching day`);
    assert(/crossing midnight UTC|in progress/.test(cause), `${day} differs by ${d}: ${cause}`);
  }
  assert(sumRuns === runsCu && sumLedger === ledgerCu, 'the days do not add up to the month');
  const foot = await table.locator('tfoot tr').evaluate((tr) => [...tr.children].map((c) => c.textContent));
  assert(foot[1] === cu(runsCu) && foot[2] === cu(ledgerCu), `total row ${foot}`);
  // The CSV: a row per day and the total, which is their sum.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export reconciliation CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  assert(csv[0] === 'Day (UTC),Runs CU,Ledger CU,Difference CU,Likely cause', csv[0]);
  const body = csv.slice(1, -1).map((l) => l.split(','));
  const total = csv.at(-1).split(',');
  assert(body.length === 28 && total[0] === '"Total"', `${body.length} rows, last ${total[0]}`);
  assert(body.reduce((a, c) => a + units(c[1]), 0n) === units(total[1]) && units(total[1]) === runsCu, 'CSV runs total');
  assert(body.reduce((a, c) => a + units(c[2]), 0n) === units(total[2]) && units(total[2]) === ledgerCu, 'CSV ledger total');
});

await check('ledger_drift_shows_exactly_the_two_drifted_days', async (page) => {
  await open(page, opts('ledger-drift', ", period: 'this-month'"));
  const table = page.getByRole('table', { name: 'Reconciliation' });
  await table.waitFor({ timeout: 30000 });
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const unexplained = cells.filter((c) => c[4] === 'No cause the runs show').map((c) => `${c[0]} ${c[3]}`);
  // The demo's drift: +1.2345 CU in the ledger on the 3rd, −0.5 CU on the 10th.
  assert(JSON.stringify(unexplained) === JSON.stringify(['Nov 3, 2026 −1.2345', 'Nov 10, 2026 +0.5000']), `unexplained days: ${unexplained.join('; ')}`);
  // The Total row's cause is the differing days' (none), not the runs in
  // progress today, a day that matches.
  const total = await table.locator('tfoot tr').evaluate((tr) => [...tr.children].map((c) => c.textContent));
  assert(total[3] === '−0.7345' && total[4] === 'No cause the runs show', `Total row: ${JSON.stringify(total)}`);
});

// A deployment without the ledger: the 404/403 Chromium logs for it.
const ledgerLoads = /^Failed to load resource: the server responded with a status of 40[34] \([^)]*\) \(http:\/\/127\.0\.0\.1:\d+\/v1\/organizations\/ledger-(none|403)\/cu(\/usage\?[^)]*)?\)$/;
for (const org of ['ledger-none', 'ledger-403']) {
  await check(`${org.replace('-', '_')}_shows_nothing_of_the_ledger_and_breaks_nothing`, async (page) => {
    const asked = [];
    page.on('request', (r) => { if (/\/cu(\/usage)?(\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search)) asked.push(r.url()); });
    await open(page, opts(org, ", period: 'this-month'"));
    await page.locator('.cu-headline').filter({ hasText: 'this month (UTC)' }).waitFor({ timeout: 30000 });
    assert(await page.locator('.cu-balance, .cu-runway, .cu-recon-line, .cu-ledger-month, .cu-ledger .cu-warn:not(.cu-low-balance)').count() === 0, 'a ledger element shows');
    assert(await page.locator('.cu-low-balance').innerText() === '', 'a warning shows');
    assert(!(await page.locator('.cu-headline').innerText()).includes('usage ledger'), 'the headline cites the ledger');
    assert(asked.length === 1, `the ledger was asked ${asked.length} times: ${asked.join(', ')}`);
    await page.getByRole('button', { name: 'Load all runs' }).waitFor();
    assert(await page.locator(rows).count() === 20, 'the runs table');
  }, { allowConsole: ledgerLoads });
}

await check('ledger_true_says_when_there_is_none', async (page) => {
  await open(page, opts('ledger-none', ', ledger: true'));
  await page.getByText('The usage ledger could not be read: The API does not offer the CU ledger here (HTTP 404)').waitFor({ timeout: 20000 });
  await page.locator(rows).nth(19).waitFor({ timeout: 20000 });
}, { allowConsole: ledgerLoads });

await check('ledger_false_never_asks', async (page) => {
  const asked = [];
  page.on('request', (r) => { if (/\/cu(\/usage)?$/.test(new URL(r.url()).pathname)) asked.push(r.url()); });
  await open(page, opts('acme', ', ledger: false'));
  await page.locator(rows).nth(19).waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  assert(asked.length === 0, `asked: ${asked.join(', ')}`);
});

await check('a_past_now_keeps_the_ledger_out_of_the_months_figures', async (page) => {
  // The ledger has use through Nov 28 (the server's day); with now at Nov
  // 20 12:00, This month ends then: the ledger's month, which counts the
  // days after, is neither its headline nor its time chart.
  await open(page, `{ apiBase: location.origin, orgId: 'huge-month', token: '${TOKEN}', now: '2026-11-20T12:00:00Z', period: 'this-month', maxRuns: 300 }`);
  // (The newest 300 runs are all after Nov 20: no row is in the period.)
  await page.locator('.cu-outcome').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(500);
  const said = async (sel) => (await page.locator(sel).allInnerTexts()).join(' | ');
  const headline = await said('.cu-headline');
  assert(headline.includes('is not fully loaded') && !headline.includes('from the usage ledger'), `headline: ${headline}`);
  const charts = await said('figure.cu-chart');
  assert(charts && !charts.includes('from the usage ledger'), `charts: ${charts}`);
  // Nor the month's reconciliation, nor its CU by node type: each says why.
  const why = 'The usage ledger has use after Nov 20 (UTC), the day of the now setting: its figures for November 2026 are not shown for a period that ends then.';
  await page.getByText(why).first().waitFor({ timeout: 10000 });
  assert(!(await page.locator('.cu-root').innerText()).includes('The reconciliation covers'), 'a reconciliation is shown');
  await page.getByLabel('Group by').selectOption('node-type');
  await page.locator('.cu-empty', { hasText: why }).waitFor({ timeout: 10000 });
  assert(await page.getByRole('table', { name: 'CU by node type' }).count() === 0, 'the node types table is shown');
});

await check('the_huge_month_headline_comes_from_the_ledger_while_its_runs_load', async (page) => {
  const { used } = await usage('huge-month', '2026-11');
  const total = used.reduce((a, [, u]) => a + u, 0n);
  await open(page, opts('huge-month', ", period: 'this-month'"));
  const headline = page.locator('.cu-headline');
  await headline.filter({ hasText: 'from the usage ledger' }).waitFor({ timeout: 20000 });
  const text = await headline.innerText();
  assert(text.startsWith(`${cu(total)} CU (`) && text.includes('this month (UTC) (from the usage ledger)'), text);
  // The comparison: whole days on both sides (Nov 1–27 against Oct 1–27),
  // as the daily ledger cannot cut today at 12:00; today's use so far is in
  // the total only.
  const { used: oct } = await usage('huge-month', '2026-10');
  const through = (days, last) => days.filter(([d]) => d <= last).reduce((a, [, u]) => a + u, 0n);
  const [cur, prev] = [through(used, '2026-11-27'), through(oct, '2026-10-27')];
  const num = (cur - prev) * 1000n;
  const tenths = num >= 0n ? (num + prev / 2n) / prev : -((-num + prev / 2n) / prev);
  const pct = `${tenths > 0n ? '+' : tenths < 0n ? '−' : ''}${(tenths < 0n ? -tenths : tenths) / 10n}.${(tenths < 0n ? -tenths : tenths) % 10n} %`;
  const wantChange = new RegExp(`; whole days: Nov 1 – Nov 27 \\(${cu(cur)} CU \\([^)]*\\)\\) ${pct} vs Oct 1 – Oct 27 \\(${cu(prev)} CU \\([^)]*\\)\\)\\.$`);
  assert(wantChange.test(text), `${text}\n  want ${wantChange}`);
  // The month's runs are far more than maxRuns: the walk is still going (or capped), never the source of this figure.
  assert(await page.locator('.cu-progress, .cu-outcome').count() > 0, 'no walk behind the headline');
  // The time chart is the ledger's days too, each day's total its use.
  const chart = page.locator('figure.cu-chart').filter({ hasText: 'from the usage ledger' });
  await chart.waitFor({ timeout: 20000 });
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const days = await chart.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[2].textContent]));
  const want = used.filter(([d]) => d <= '2026-11-28').map(([d, u]) => [dayName(d), cu(u)]);
  assert(JSON.stringify(days) === JSON.stringify(want), `chart days ${JSON.stringify(days.slice(0, 3))} … want ${JSON.stringify(want.slice(0, 3))} …`);
});

await check('group_by_node_type_sums_to_the_month', async (page) => {
  // The oracle: the month's breakdown lines summed per category and node type.
  const { text } = await raw('/v1/organizations/acme/cu/usage?yearMonth=2026-11');
  const want = new Map();
  let count = 0n;
  for (const m of text.matchAll(/\{"type":"([^"]+)","nodeType":"([^"]+)","count":(\d+),"cu":([0-9.]+)\}/g)) {
    const key = `${m[1]} ${m[2]}`;
    want.set(key, (want.get(key) ?? 0n) + units(m[4]));
    count += BigInt(m[3]);
  }
  const month = [...want.values()].reduce((a, b) => a + b, 0n);
  const { used } = await usage('acme', '2026-11');
  assert(month === used.reduce((a, [, u]) => a + u, 0n), 'the demo breakdown does not add up to its days');
  await open(page, opts('acme', ", period: 'this-month'"));
  await page.locator(rows).nth(19).waitFor({ timeout: 20000 });
  await page.getByLabel('Group by').selectOption('node-type');
  const table = page.getByRole('table', { name: 'CU by node type' });
  await table.waitFor({ timeout: 20000 });
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert(cells.length === want.size, `${cells.length} rows, want ${want.size}`);
  let sum = 0n;
  for (const [category, nodeType, , cuText] of cells) {
    const got = units(cuText.replace(/,/g, ''));
    assert(got === want.get(`${category} ${nodeType}`), `${category} ${nodeType}: ${cuText}, want ${cu(want.get(`${category} ${nodeType}`) ?? 0n)}`);
    sum += got;
  }
  const foot = await table.locator('tfoot tr').evaluate((tr) => [...tr.children].map((c) => c.textContent));
  // Total (over category and node type), count, CU, share.
  assert(foot[1] === group(count) && foot[2] === cu(month) && units(foot[2].replace(/,/g, '')) === sum && foot[3] === '100.0 %', `total row ${foot}`);
  // Back to the runs' grouping.
  await page.getByLabel('Group by').selectOption('workflow');
  await page.locator('#t table.cu-subtotals').waitFor();
});

await finish();
