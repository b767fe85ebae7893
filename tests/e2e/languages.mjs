// End-to-end checks of the UI's words: the German catalog the package ships
// (pkg/locales/de.js) leaves no English word on the page in any state, the
// locale's plural rules pick the forms, a bad `messages` value is a clear
// error at mount, and the layout holds on a right-to-left page. Prints
// cargo-style lines so scripts/test.sh counts them.
// Usage: node tests/e2e/languages.mjs http://127.0.0.1:PORT  (a demo API
// started with --test-aids --root . so /pkg exists)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, baseUrl, requireTool, suite } from './harness.mjs';
import { failedLoadsOf } from './console-guard.mjs';

const base = baseUrl('languages.mjs');
const origin = new URL(base).origin;
const { check, finish } = await suite('languages');
const AXE = requireTool.resolve('axe-core/axe.min.js');

// ---- The words of each catalog. English: the texts of src/core/messages.rs;
// German: the object of js/locales/de.js (JSON by that file's rule).
const words = (text) => (text.replace(/\{[A-Za-z]+\}/g, ' ').match(/[A-Za-zÄÖÜäöüß]{3,}/g) || []).map((w) => w.toLowerCase());
const english = new Set();
for (const m of readFileSync('src/core/messages.rs', 'utf8').matchAll(/^\s+[A-Za-z0-9]+: (".*"(?: \| ".*")?),$/gm)) {
  for (const t of JSON.parse(`[${m[1].replace(' | ', ',')}]`)) words(t).forEach((w) => english.add(w));
}
const deSource = readFileSync('js/locales/de.js', 'utf8');
const de = JSON.parse(deSource.slice(deSource.indexOf('export default') + 'export default'.length).trim().replace(/;$/, ''));
const german = new Set();
for (const v of Object.values(de)) for (const t of typeof v === 'string' ? [v] : Object.values(v)) words(t).forEach((w) => german.add(w));
// What the API sends is data, shown as sent (ids, workflow and trigger
// names, a server's error message), and so is what the user types: those
// strings are taken out of the page's text before its words are read.
const sent = [];
async function readSent(org) {
  sent.push(org);
  for (let offset = 0; ; offset += 100) {
    const r = await fetch(`${origin}/v1/organizations/${org}/cu/runs?limit=100&offset=${offset}`, { headers: { authorization: 'Bearer demo-token' } });
    const body = await r.json();
    if (!body.data) { sent.push(body.message, body.requestId, ...(body.details || [])); return; }
    for (const run of body.data.items) sent.push(run.runId, run.workflowId, run.triggerSource || '', run.status);
    if (!body.data.hasMore) return;
  }
}
await readSent('acme');
await readSent('fault-500');
await readSent('empty');
const sentSorted = () => [...new Set(sent.filter(Boolean))].sort((x, y) => y.length - x.length);
// Words only English uses: none of them may be left on a German page.
const englishOnly = new Set([...english].filter((w) => !german.has(w)));
assert(englishOnly.size > 150, `only ${englishOnly.size} English-only words: the catalog was not read`);

// The words on the page: text and the attributes people and screen readers
// read (labels, titles, placeholders, values).
async function uiWords(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#cu-table');
    // Timestamps that are not RFC 3339 are shown as sent; a request id
    // (new for every request) is code.
    const data = '.cu-raw, code';
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest(data)) continue;
      out.push(n.textContent);
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]')) {
      if (el.closest(data)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out.join('\n');
  });
}

// Every word of the UI is the German catalog's (or data, or a zone or
// currency code): no English word, and no word from outside the catalog.
async function noEnglish(page, state) {
  let text = await uiWords(page);
  for (const d of sentSorted()) text = text.split(d).join(' ');
  const seen = [...new Set((text.match(/[A-Za-zÄÖÜäöüß]{3,}/g) || []).map((w) => w.toLowerCase()))];
  const left = seen.filter((w) => englishOnly.has(w));
  assert(left.length === 0, `${state}: English words left: ${left.join(', ')}\n      in: ${text.replace(/\s+/g, ' ').slice(0, 600)}`);
  // Unit symbols (durations: d, h, min, s, ms) are the same in every language.
  const stray = seen.filter((w) => !german.has(w) && !['utc', 'eur', 'min'].includes(w));
  assert(stray.length === 0, `${state}: words from outside the catalog: ${stray.join(', ')}`);
}

async function axe(page, state) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const v = await page.evaluate(async () => (await window.axe.run(document)).violations.map(
    (x) => `${x.id} (${x.nodes.length}): ${x.help} @ ${x.nodes[0].target.join(' ')}`));
  assert(v.length === 0, `${state}: axe violations:\n      ${v.join('\n      ')}`);
}

// A page that mounts the table from the package with `options` (a JS
// expression; `de` is the German catalog), as the README shows.
async function open(page, options, { lang = 'de', dir = 'ltr', width = 1280, catalog = true } = {}) {
  const body = `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Portal</title>
<link rel="stylesheet" href="/pkg/cu-cost-table.css"></head>
<body><main><h1>Portal</h1><div id="cu-table" style="max-width:${width}px"></div></main>
<script type="module">
import init, { mount } from '/pkg/cu_cost_table.js';
${catalog ? "import de from '/pkg/locales/de.js';" : ''}
await init();
try {
  window.__handle = mount(document.getElementById('cu-table'), ${options});
} catch (e) { window.__mountError = e.message; }
window.__ready = true;
</script></body></html>`;
  await page.route(`${origin}/__t/lang.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }));
  await page.goto(`${origin}/__t/lang.html`);
  await page.waitForFunction(() => window.__ready === true);
}

const rows = '#cu-table table.cu-runs tbody tr:not(.cu-empty-row)';
const DE = (extra = '') => `{ apiBase: location.origin, orgId: 'acme', token: 'demo-token', locale: 'de-DE', messages: de, pricePerCu: 0.002, currency: 'EUR', budgetCu: 800, now: '2026-11-28T12:00:00Z'${extra} }`;

await check('german_leaves_no_english_word_in_any_state_and_axe_is_clean', async (page) => {
  // Loading: the first page held back until the loading state is read.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/v1\/organizations\/acme\/cu\/runs\?/, async (route) => { await held; await route.continue(); }, { times: 1 });
  await open(page, DE());
  await page.getByText('Läufe werden geladen…').first().waitFor();
  await noEnglish(page, 'loading');
  release();
  // Data: a page of runs, both charts, the subtotals.
  await page.locator(rows).nth(19).waitFor({ timeout: 20000 });
  await noEnglish(page, 'data');
  await axe(page, 'data');
  // Load all runs, a period with its comparison and budget, the charts as tables.
  await page.getByRole('button', { name: 'Alle Läufe laden' }).click();
  await page.getByText(/Alle [\d.]+ Läufe geladen\./).waitFor({ timeout: 60000 });
  await page.getByLabel('Zeitraum', { exact: true }).selectOption('this-month');
  await page.locator('.cu-headline').filter({ hasText: 'gegenüber' }).waitFor();
  await noEnglish(page, 'period');
  for (const b of await page.getByRole('button', { name: 'Als Tabelle zeigen' }).all()) await b.click();
  await page.getByRole('button', { name: 'Spalten' }).click();
  await noEnglish(page, 'period, charts as tables, columns menu');
  await axe(page, 'period');
  // Filters that match nothing: the empty state.
  // What the user typed is shown as typed (in the chip).
  sent.push('no-such-run-anywhere');
  await page.getByLabel('Läufe durchsuchen').fill('no-such-run-anywhere');
  await page.getByText('Keine Läufe passen zu diesen Filtern.').waitFor();
  await noEnglish(page, 'empty');
  // The coverage line with a filter: "0 der N geladenen Läufe" (genitive;
  // "von" would need "Läufen").
  await page.getByText(/^Die Summen umfassen 0 der [\d.]+ geladenen Läufe \(/).waitFor();
  // Print: the print header says what the printout covers.
  await page.emulateMedia({ media: 'print' });
  await noEnglish(page, 'print');
  await page.emulateMedia({ media: 'screen' });
});

await check('german_error_and_empty_organization_states', async (page) => {
  await open(page, `{ apiBase: location.origin, orgId: 'fault-500', token: 'demo-token', locale: 'de-DE', messages: de }`);
  await page.getByRole('button', { name: 'Erneut versuchen' }).waitFor({ timeout: 20000 });
  await page.getByText('Es konnten keine Läufe geladen werden.').waitFor();
  await noEnglish(page, 'error');
  await axe(page, 'error');
  await open(page, `{ apiBase: location.origin, orgId: 'empty', token: 'demo-token', locale: 'de-DE', messages: de }`);
  await page.getByText('Noch keine Läufe.').waitFor({ timeout: 20000 });
  await noEnglish(page, 'empty organization');
}, { allowConsole: failedLoadsOf(origin, 'fault-500') });

await check('plural_forms_follow_the_locale_rules', async (page) => {
  // Polish has one, few, many and other: 22 is "few", 25 is "many".
  const pl = `{ runCount: { one: '{n} przebieg', few: '{n} przebiegi', many: '{n} przebiegów', other: '{n} przebiegu' }, coverPage: 'Sumy obejmują {runs} na tej stronie.' }`;
  await open(page, `{ apiBase: location.origin, orgId: 'acme', token: 'demo-token', locale: 'pl-PL', pageSize: 22, messages: ${pl} }`, { lang: 'pl' });
  await page.getByText('Sumy obejmują 22 przebiegi na tej stronie.').waitFor({ timeout: 20000 });
  await open(page, `{ apiBase: location.origin, orgId: 'acme', token: 'demo-token', locale: 'pl-PL', pageSize: 25, messages: ${pl} }`, { lang: 'pl' });
  await page.getByText('Sumy obejmują 25 przebiegów na tej stronie.').waitFor({ timeout: 20000 });
  // Keys not given stay English.
  await page.getByRole('button', { name: 'Load all runs' }).waitFor();
});

await check('a_bad_messages_value_is_a_clear_error_at_mount', async (page) => {
  const cases = [
    [`{ noSuchKey: 'x' }`, 'messages has an unknown key "noSuchKey"'],
    [`{ loadAll: '<b>Alle</b>' }`, 'messages.loadAll must be text, not markup'],
    [`{ coverPage: 'Summen.' }`, 'messages.coverPage is missing the placeholder {runs}'],
    [`{ coverPage: 'Summen {count}.' }`, 'messages.coverPage has an unknown placeholder {count}'],
    [`{ runCount: { one: '{n} Lauf' } }`, 'messages.runCount needs an "other" form'],
    [`{ loadAll: { other: 'x' } }`, 'messages.loadAll must be a string'],
    [`'de'`, 'messages must be an object of message texts by key'],
  ];
  for (const [messages, want] of cases) {
    await open(page, `{ apiBase: location.origin, orgId: 'acme', token: 'demo-token', messages: ${messages} }`);
    const got = await page.evaluate(() => window.__mountError);
    assert(got && got.startsWith(want), `messages ${messages}: got ${JSON.stringify(got)}, want ${want}`);
    assert(await page.locator('#cu-table *').count() === 0, `messages ${messages}: something was mounted`);
  }
});

await check('a_right_to_left_page_keeps_the_layout', async (page) => {
  await open(page, `{ apiBase: location.origin, orgId: 'acme', token: 'demo-token', pricePerCu: 0.002, currency: 'USD' }`, { lang: 'ar', dir: 'rtl', width: 900 });
  await page.locator(rows).nth(19).waitFor({ timeout: 20000 });
  const box = await page.evaluate(() => {
    const root = document.querySelector('#cu-table');
    const r = root.getBoundingClientRect();
    const heads = [...root.querySelectorAll('table.cu-runs thead th')].map((th) => th.getBoundingClientRect()).filter((h) => h.width > 0);
    const wide = [...root.querySelectorAll('*')].filter((el) => !el.closest('.cu-scroll') && el.getBoundingClientRect().width > r.width + 1).map((el) => el.className);
    const axis = [...root.querySelectorAll('.cu-axis-x span')].map((s) => s.getBoundingClientRect().left);
    const fill = root.querySelector('.cu-bars-svg .cu-fill').getBoundingClientRect();
    const track = root.querySelector('.cu-bars-svg .cu-bar-track').getBoundingClientRect();
    return { left: r.left, right: r.right, heads: heads.map((h) => [h.left, h.right]), wide, axis, fill: [fill.left, fill.right], track: [track.left, track.right], overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth };
  });
  assert(!box.overflow, 'the page scrolls sideways');
  assert(box.wide.length === 0, `wider than the box: ${box.wide.join(', ')}`);
  // Right to left: the first column (Run) is the rightmost.
  const [first, second] = box.heads;
  assert(first[0] > second[0], `the first column is not on the right: ${JSON.stringify(box.heads.slice(0, 3))}`);
  for (const [l, r] of box.heads.slice(0, 5)) assert(l >= box.left - 1 && r <= box.right + 1, `a header cell lies outside the box: ${l}–${r} vs ${box.left}–${box.right}`);
  // The time axis runs left to right, as its plot; bars grow from the right.
  assert(box.axis.length === 2 && box.axis[0] < box.axis[1], `the time axis is reversed: ${box.axis}`);
  assert(Math.abs(box.fill[1] - box.track[1]) < 1.5, `the bars do not grow from the right: fill ${box.fill}, track ${box.track}`);
  mkdirSync('target/e2e-shots', { recursive: true });
  await page.locator('#cu-table').screenshot({ path: 'target/e2e-shots/rtl.png' });
});

await check('english_only_portals_download_no_catalog', async (page) => {
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await open(page, `{ apiBase: location.origin, orgId: 'acme', token: 'demo-token' }`, { lang: 'en', catalog: false });
  await page.locator(rows).nth(19).waitFor({ timeout: 20000 });
  const catalogs = asked.filter((u) => u.includes('/locales/'));
  assert(catalogs.length === 0, `catalog requests: ${catalogs.join(', ')}`);
  const wasm = readFileSync(join('pkg', 'cu_cost_table_bg.wasm'));
  assert(!wasm.includes(Buffer.from('Alle Läufe laden')), 'the German words are inside the English package');
  assert(wasm.includes(Buffer.from('Load all runs')), 'the English words are not in the package');
});

await check('the_readme_translation_example_runs_as_written', async (page) => {
  // The README's block, with its API, organization and token pointed at the
  // demo (the substitution tests/e2e/run.mjs documents for its examples).
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/^```html\n([\s\S]*?)^```[ \t]*$/gm)].map((m) => m[1]).filter((b) => b.includes('/pkg/locales/de.js'));
  assert(blocks.length === 1, `README.md: ${blocks.length} html blocks import the German catalog`);
  let html = blocks[0];
  for (const [from, to] of [['https://api.example.com', origin], ['org_123', 'demo-org'], ['"..."', '"readme-token"']]) {
    assert(html.includes(from), `the README example no longer holds ${from}`);
    html = html.split(from).join(to);
  }
  const body = `<!doctype html><html lang="de"><head><title>README</title></head><body>${html}</body></html>`;
  await page.route(`${origin}/__t/readme-de.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }));
  await page.goto(`${origin}/__t/readme-de.html`);
  await page.locator('#kosten table.cu-runs tbody tr:not(.cu-empty-row)').nth(19).waitFor({ timeout: 20000 });
  await page.getByRole('button', { name: 'Alle Läufe abrufen' }).waitFor();
  await page.getByRole('button', { name: 'Aktualisieren' }).waitFor();
  await page.getByText(/Die Summen umfassen 20 Läufe auf dieser Seite\./).waitFor();
});

await finish();
