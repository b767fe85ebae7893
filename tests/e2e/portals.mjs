// End-to-end checks of the component as other people's portals host it: a
// page served with a strict Content-Security-Policy (the one security-minded
// portals send) and the same page without it. Prints cargo-style lines so
// scripts/test.sh counts them.
// Usage: node tests/e2e/portals.mjs http://127.0.0.1:PORT  (a demo API
// started with --test-aids --root . so /pkg exists)
import { join } from 'node:path';
import { assert, baseUrl, suite } from './harness.mjs';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';

const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const base = baseUrl('portals.mjs');
const origin = new URL(base).origin;
const { check, finish } = await suite('portals');

// ---- A strict Content-Security-Policy: exactly what the README tells a
// portal it needs (the API on the page's own origin here, so 'self').
export const POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; require-trusted-types-for 'script'; trusted-types 'none'";

// The page: no inline script or style (the policy allows neither), so its
// module is a file of its own. It records every CSP violation the browser
// reports, and mounts the table as the README's `mount` example does.
const MAIN_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});
const { default: init, mount } = await import('/pkg/cu_cost_table.js');
await init();
window.__handle = mount(document.getElementById('cu-table'), {
  apiBase: location.origin, orgId: 'acme', token: 'demo-token', pageSize: 20, budgetCu: 800,
});
window.__ready = true;
`;
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>portal</title>
<link rel="stylesheet" href="/pkg/cu-cost-table.css"></head>
<body><main><div id="cu-table"></div></main>
<script type="module" src="/__t/portal-main.js"></script></body></html>`;

async function open(page, policy) {
  const headers = { 'content-type': 'text/html; charset=utf-8' };
  if (policy) headers['content-security-policy'] = policy;
  await page.route(`${origin}/__t/portal.html`, (route) => route.fulfill({ status: 200, headers, body: PAGE }));
  await page.route(`${origin}/__t/portal-main.js`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body: MAIN_JS }));
  await page.goto(`${origin}/__t/portal.html`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 20000 });
  await page.locator('table.cu-runs tbody tr:not(.cu-empty-row)').nth(19).waitFor({ timeout: 20000 });
}

// Everything a user does in one visit: Load all runs, both charts (and
// their tables), Group by, Columns, both CSV exports, print. Returns the
// pictures of both charts (the same pixels with and without the policy).
async function walkThrough(page) {
  const root = page.locator('#cu-table');
  await root.getByRole('button', { name: 'Load all runs', exact: true }).click();
  await root.locator('.cu-outcome', { hasText: 'Loaded all' }).waitFor({ timeout: 30000 });
  await root.locator('.cu-bars svg[role=img]').waitFor();
  await root.locator('.cu-days svg[role=img]').waitFor();
  // The day chart's slider: a day picked by keyboard (the highlight moves).
  await root.getByRole('slider', { name: 'Day' }).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const pictures = {
    bars: await steadyShot(root.locator('figure.cu-chart').first()),
    days: await steadyShot(root.locator('.cu-days').first()),
  };
  // Each picture swapped for its figures and back.
  for (const b of await root.getByRole('button', { name: 'Show as table' }).all()) {
    await b.click();
    await b.click();
  }
  await root.getByRole('combobox', { name: 'Group by' }).selectOption('status');
  await root.getByRole('table', { name: 'CU by status' }).waitFor();
  await root.getByRole('combobox', { name: 'Group by' }).selectOption('workflow');
  const columns = root.getByRole('button', { name: 'Columns', exact: true });
  await columns.click();
  await root.getByRole('group', { name: 'Columns', exact: true }).getByRole('checkbox', { name: 'Trigger column' }).uncheck();
  await root.getByRole('group', { name: 'Columns', exact: true }).getByRole('checkbox', { name: 'Trigger column' }).check();
  await page.keyboard.press('Escape');
  for (const name of ['Export CSV', 'Export subtotals CSV']) {
    const download = page.waitForEvent('download', { timeout: 10000 });
    await root.getByRole('button', { name, exact: true }).click();
    assert((await (await download).path()) !== null, `${name}: no file`);
  }
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  return pictures;
}

// A picture once two in a row are the same (a transition has ended).
async function steadyShot(locator) {
  let last = await locator.screenshot();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const next = await locator.screenshot();
    if (next.equals(last)) return next;
    last = next;
  }
  throw new Error('the picture never settled');
}

let withoutPolicy = null;
await check('the_walk_through_without_a_policy_is_the_reference', async (page) => {
  await open(page, null);
  withoutPolicy = await walkThrough(page);
});

await check('a_strict_csp_portal_sees_no_violation_and_the_same_pixels', async (page) => {
  await open(page, POLICY);
  const pictures = await walkThrough(page);
  const violations = await page.evaluate(() => window.__violations);
  assert(violations.length === 0, `CSP violations (${violations.length}):\n      ${violations.slice(0, 10).join('\n      ')}`);
  assert(withoutPolicy, 'the reference walk did not run');
  for (const [name, picture] of Object.entries(pictures)) {
    if (!picture.equals(withoutPolicy[name])) {
      writeFileSync(`target/portals-${name}-csp.png`, picture);
      writeFileSync(`target/portals-${name}-reference.png`, withoutPolicy[name]);
      throw new Error(`the ${name} chart's pixels differ under the policy (target/portals-${name}-{csp,reference}.png)`);
    }
  }
});

// ---- Narrow boxes with real data: the `hostile` organization (a 10 KB run
// id, a 2,000-character workflow id, markup and emoji everywhere). The
// header cells the promise names must lie inside the component's box.
const NARROW = `${origin}/__t/narrow.html`;
async function headerBoxes(page, width, options, ready = '#box table.cu-subtotals tbody tr') {
  await page.route(NARROW, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="/pkg/cu-cost-table.css"></head>
<body style="margin:0"><div id="box" style="width:${width}px"></div>
<script type="module">
import init, { mount } from "/pkg/cu_cost_table.js";
await init();
mount(document.getElementById("box"), ${JSON.stringify(options)});
window.__ready = true;
</script></body></html>` }));
  await page.setViewportSize({ width: Math.max(width, 360), height: 900 });
  await page.goto(NARROW);
  await page.waitForFunction(() => window.__ready === true);
  await page.locator('#box table.cu-runs tbody tr:not(.cu-empty-row)').first().waitFor({ timeout: 20000 });
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].some((e) => e.textContent.trim() !== '—'), ready, { timeout: 30000 });
  return page.evaluate(() => {
    // What shows of a table: its scroll area's box (the component's box
    // minus its own padding), not what a sideways scroll would reveal.
    const seen = (table) => document.querySelector(`#box table.${table}`).closest('.cu-scroll').getBoundingClientRect();
    const box = document.getElementById('box').getBoundingClientRect();
    const cells = (table) => [...document.querySelectorAll(`#box table.${table} thead th`)]
      .filter((th) => th.getClientRects().length > 0)
      .map((th) => {
        const r = th.getBoundingClientRect();
        const name = ((th.querySelector('button') || th).childNodes[0]?.textContent || th.textContent).trim();
        return { name, left: r.left, right: r.right };
      });
    const area = (table) => { const r = seen(table); return { left: Math.max(r.left, box.left), right: Math.min(r.right, box.right) }; };
    const el = document.getElementById('box');
    // Anything wider than the box (a legend, a chip) would widen the page.
    const wide = [...el.querySelectorAll('*')].filter((e) => !e.closest('.cu-scroll') && e.getBoundingClientRect().right > box.right + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''}`);
    return { wide, runs: { ...area('cu-runs'), cells: cells('cu-runs') }, subtotals: { ...area('cu-subtotals'), cells: cells('cu-subtotals') } };
  });
}

function outside(boxes, table, names) {
  const { left, right, cells } = boxes[table];
  return names.map((n) => {
    const cell = cells.find((c) => c.name === n || c.name.startsWith(n));
    if (!cell) return `${n}: not shown`;
    if (cell.left < left - 0.5 || cell.right > right + 0.5) return `${n}: ${cell.left.toFixed(0)}–${cell.right.toFixed(0)} outside ${left.toFixed(0)}–${right.toFixed(0)}`;
    return null;
  }).filter(Boolean);
}

await check('narrow_boxes_keep_the_money_columns_inside_with_hostile_data', async (page) => {
  const options = { apiBase: origin, orgId: 'hostile', token: 't', pricePerCu: 0.002, currency: 'USD' };
  const problems = [];
  for (const width of [480, 600, 1000]) {
    const boxes = await headerBoxes(page, width, options);
    for (const p of outside(boxes, 'runs', ['Run', 'Workflow', 'Status', 'CU', 'Cost'])) problems.push(`runs table at ${width}px: ${p}`);
    if (boxes.wide.length) problems.push(`at ${width}px, wider than the box: ${boxes.wide.slice(0, 5).join(', ')}`);
  }
  for (const width of [320, 360, 390, 480]) {
    const boxes = await headerBoxes(page, width, options);
    if (width >= 360) for (const p of outside(boxes, 'subtotals', ['Workflow', 'Total CU', 'Cost'])) problems.push(`subtotals at ${width}px: ${p}`);
    // Nothing outside the tables' own scroll boxes is wider than the box:
    // a status label with no break in it wraps anywhere.
    if (boxes.wide.length) problems.push(`at ${width}px, wider than the box: ${boxes.wide.slice(0, 5).join(', ')}`);
  }
  // Comparing: the Change column too.
  const comparing = { ...options, orgId: 'acme', period: 'this-month', now: '2026-11-28T12:00:00Z' };
  for (const width of [360, 390]) {
    // Once the previous month is loaded and compared.
    const boxes = await headerBoxes(page, width, comparing, '#box table.cu-subtotals.cu-comparing tbody td.cu-col-prev');
    for (const p of outside(boxes, 'subtotals', ['Workflow', 'Total CU', 'Cost', 'Change'])) problems.push(`subtotals comparing at ${width}px: ${p}`);
  }
  assert(problems.length === 0, problems.join('\n      '));
});

// Theming as the README says: the --cu-* properties set on an ancestor
// (the mount's element, a portal's card, <cu-runs-table>) or on .cu-root
// itself apply; with none set, the light and dark defaults do.
await check('theme_properties_apply_from_an_ancestor_or_the_root', async (page) => {
  const url = `${origin}/__t/theme.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="/pkg/cu-cost-table.css">
<style>
  #anc { --cu-accent: rgb(255, 0, 0); --cu-bg: rgb(0, 0, 255); --cu-c0: rgb(0, 255, 0); --cu-font-size: 20px; }
  #direct .cu-root { --cu-accent: rgb(255, 0, 0); --cu-bg: rgb(0, 0, 255); --cu-c0: rgb(0, 255, 0); --cu-font-size: 20px; }
  cu-runs-table { display: block; --cu-accent: rgb(255, 0, 0); --cu-bg: rgb(0, 0, 255); --cu-c0: rgb(0, 255, 0); --cu-font-size: 20px; }
</style></head>
<body><div id="anc"><div id="a"></div></div><div id="direct"><div id="d"></div></div><div id="plain"></div>
<cu-runs-table id="el" api-base="/" org-id="acme"></cu-runs-table>
<script type="module">
import init, { mount } from "/pkg/cu_cost_table.js";
await init();
for (const id of ['a', 'd', 'plain']) mount(document.getElementById(id), { apiBase: '/', orgId: 'acme', token: 't' });
document.getElementById('el').token = 't';
await import('/pkg/cu-runs-table.js');
window.__ready = true;
</script></body></html>` }));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForFunction(() => window.__ready === true);
  for (const id of ['a', 'd', 'plain', 'el']) await page.locator(`#${id} .cu-group-chart .cu-c0, #${id} .cu-c0`).first().waitFor({ state: 'attached', timeout: 30000 });
  const look = (id) => page.evaluate((id) => {
    const root = document.querySelector(`#${id} .cu-root`);
    const load = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load all runs');
    const c0 = root.querySelector('.cu-c0');
    return {
      bg: getComputedStyle(root).backgroundColor,
      size: getComputedStyle(root).fontSize,
      accent: getComputedStyle(load).backgroundColor,
      series: getComputedStyle(c0).getPropertyValue('--cu-series').trim(),
    };
  }, id);
  for (const id of ['a', 'd', 'el']) {
    const l = await look(id);
    assert(l.bg === 'rgb(0, 0, 255)' && l.size === '20px' && l.accent === 'rgb(255, 0, 0)' && l.series === 'rgb(0, 255, 0)', `#${id}: the theme did not apply: ${JSON.stringify(l)}`);
  }
  const light = await look('plain');
  assert(light.bg === 'rgb(255, 255, 255)' && light.size === '14px' && light.accent === 'rgb(36, 88, 198)' && light.series === '#2458c6', `defaults: ${JSON.stringify(light)}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await look('plain');
  assert(dark.bg === 'rgb(24, 27, 33)' && dark.accent === 'rgb(122, 162, 247)' && dark.series === '#7aa2f7', `dark defaults: ${JSON.stringify(dark)}`);
  const darkThemed = await look('a');
  assert(darkThemed.bg === 'rgb(0, 0, 255)', `the ancestor's theme lost to the dark default: ${JSON.stringify(darkThemed)}`);
  await page.emulateMedia({ colorScheme: 'light' });
});

await check('a_long_name_shows_in_full_on_keyboard_focus', async (page) => {
  const options = { apiBase: origin, orgId: 'hostile', token: 't', pricePerCu: 0.002, currency: 'USD' };
  await headerBoxes(page, 390, options);
  for (const selector of ['#box .cu-subtotals .cu-link', '#box .cu-bar-hit']) {
    const long = page.locator(selector).filter({ hasText: /.{1000}/ }).first();
    const text = selector.endsWith('cu-link') ? long : long.locator('.cu-bar-label');
    const clipped = () => text.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    assert(await clipped(), `${selector}: the long name is not cut to begin with`);
    // Keyboard focus (:focus-visible): Tab into it from the element before.
    await long.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    assert(await long.evaluate((el) => el === document.activeElement && el.matches(':focus-visible')), `${selector}: not focused by the keyboard`);
    assert(!(await clipped()), `${selector}: the long name is still cut while focused`);
    const right = await text.evaluate((el) => el.getBoundingClientRect().right);
    const box = await page.locator('#box').evaluate((el) => el.getBoundingClientRect().right);
    assert(right <= box + 0.5, `${selector}: the full name runs out of the box (${right} > ${box})`);
    await page.keyboard.press('Shift+Tab');
    assert(await clipped(), `${selector}: the name stays in full after focus left`);
  }
  // The runs table: its scroll region is the Tab stop; focused, its cells show in full.
  const region = page.locator('#box .cu-scroll').filter({ has: page.locator('table.cu-runs') });
  const cell = region.locator('.cu-trunc').filter({ hasText: /.{1000}/ }).first();
  const cut = () => cell.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  assert(await cut(), 'the runs table: the long name is not cut to begin with');
  await region.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert(await region.evaluate((el) => el.matches(':focus-visible')), 'the runs table region is not focused by the keyboard');
  assert(!(await cut()), 'the runs table: the long name is still cut while its region is focused');
});

// A narrow box: a group's name takes the width the figures leave, so the
// demo's workflow names show in full beside Total CU and Cost, and stay
// inside the box.
await check('narrow_subtotals_show_group_names_in_the_width_the_figures_leave', async (page) => {
  const options = { apiBase: origin, orgId: 'demo-org', token: 't', pricePerCu: 0.002, currency: 'USD' };
  const problems = [];
  for (const width of [390, 480, 600, 800]) {
    await headerBoxes(page, width, options);
    const names = await page.evaluate(() => {
      const box = document.getElementById('box').getBoundingClientRect();
      return [...document.querySelectorAll('#box table.cu-subtotals tbody th .cu-link')].map((b) => ({
        text: b.textContent.trim(), cut: b.scrollWidth > b.clientWidth + 1, right: b.getBoundingClientRect().right, box: box.right,
      }));
    });
    if (names.length < 5) problems.push(`at ${width}px: ${names.length} group names`);
    for (const n of names) {
      if (n.cut) problems.push(`at ${width}px: "${n.text}" is cut`);
      if (n.right > n.box + 0.5) problems.push(`at ${width}px: "${n.text}" runs out of the box`);
    }
  }
  assert(problems.length === 0, problems.join('\n      '));
});

// ---- The npm package as a bundler or an SSR build meets it: `npm pack`
// of pkg/, installed from its tarball into a fresh project.
const { execFileSync } = await import('node:child_process');

const { tmpdir } = await import('node:os');
const repo = join(new URL('.', import.meta.url).pathname, '..', '..');
let installed = null;
let tarball = null;

// Serves `dir` on 127.0.0.1 (its own origin); `.close()` when done.
async function serve(dir) {
  const { createServer } = await import('node:http');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

// Builds the project in `dir` with Vite (for production, or in `mode`
// development: React's StrictMode double-mounts only there); returns dist/.
function viteBuild(dir, mode = 'production') {
  try {
    execFileSync(process.execPath, [join(modules, 'vite', 'bin', 'vite.js'), 'build', '--mode', mode, '--logLevel', 'warn'],
      { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: mode } });
  } catch (e) {
    throw new Error(`vite build failed:\n${e.stdout}\n${e.stderr}`);
  }
  const dist = join(dir, 'dist');
  assert(existsSync(join(dist, 'index.html')), 'no dist/index.html');
  return dist;
}


await check('npm_pack_ships_the_exports_map_and_only_its_files', async () => {
  const out = mkdtempSync(join(tmpdir(), 'cu-pack-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: join(repo, 'pkg'), encoding: 'utf8' }));
  const files = packed[0].files.map((f) => f.path).sort();
  const want = ['README.md', 'cu-cost-table.css', 'cu-runs-table.js', 'cu_cost_table.d.ts', 'cu_cost_table.js', 'cu_cost_table_bg.wasm',
    'cu_cost_table_bg.wasm.d.ts', 'index.d.ts', 'index.js', 'locales/de.d.ts', 'locales/de.js', 'package.json'];
  assert(JSON.stringify(files) === JSON.stringify(want), `the tarball holds ${files.join(', ')}`);
  const project = mkdtempSync(join(tmpdir(), 'cu-app-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(out, packed[0].filename)], { cwd: project, stdio: 'pipe' });
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'cu-cost-table', 'package.json'), 'utf8'));
  assert(manifest.exports['.'].types === './index.d.ts' && manifest.exports['./cu-cost-table.css'] === './cu-cost-table.css', 'exports map');
  assert(JSON.stringify(manifest.sideEffects) === JSON.stringify(['./cu-cost-table.css', './cu-runs-table.js']), `sideEffects ${manifest.sideEffects}`);
  installed = project;
  tarball = join(out, packed[0].filename);
});

await check('the_package_imports_on_a_server_and_mount_says_why_it_cannot_run_there', async () => {
  assert(installed, 'the package was not installed');
  // As an SSR build does: the modules imported in Node, where there is no
  // window or document; resolving the stylesheet and the element by name.
  const script = `
    const m = await import('cu-cost-table');
    await import('cu-cost-table/cu-runs-table.js');
    const css = import.meta.resolve('cu-cost-table/cu-cost-table.css');
    let message = '';
    try { m.mount({}, { apiBase: '/', orgId: 'o', token: 't' }); } catch (e) { message = e.message; }
    console.log(JSON.stringify({ keys: Object.keys(m).sort(), window: typeof window, document: typeof document,
      elements: typeof customElements, css: css.endsWith('/cu-cost-table.css'), message }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: installed, encoding: 'utf8' }));
  assert(JSON.stringify(out.keys) === JSON.stringify(['MountHandle', 'default', 'initSync', 'mount']), `exports ${out.keys}`);
  assert(out.window === 'undefined' && out.document === 'undefined' && out.elements === 'undefined', `the import defined globals: ${JSON.stringify(out)}`);
  assert(out.css, 'the stylesheet does not resolve by name');
  assert(out.message.startsWith('cu-cost-table: mount() needs a browser page'), `mount on a server: ${out.message}`);
});

// ---- A fresh Vite app that installs the tarball, imports `mount` and the
// stylesheet as the README says, builds for production, and is served on
// its own origin against the demo API on another (CORS).
await check('a_vite_app_built_for_production_shows_rows_charts_and_loads_all', async (page) => {
  assert(installed, 'the package was not installed');
  const { createServer } = await import('node:http');
  writeFileSync(join(installed, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>vite app</title></head>
<body><div id="costs"></div><script type="module" src="/main.js"></script></body></html>`);
  writeFileSync(join(installed, 'main.js'), `import init, { mount } from "cu-cost-table";
import "cu-cost-table/cu-cost-table.css";
const apiBase = new URLSearchParams(location.search).get("api");
init().then(() => {
  window.__handle = mount(document.getElementById("costs"), { apiBase, orgId: "acme", token: "vite-app-token" });
});
`);
  const dist = viteBuild(installed);
  const server = await serve(dist);
  try {
    const app = `http://127.0.0.1:${server.address().port}`;
    assert(new URL(app).origin !== origin, 'the app must be on its own origin');
    await page.goto(`${app}/?api=${encodeURIComponent(origin)}`);
    const root = page.locator('#costs');
    await root.locator('table.cu-runs tbody tr:not(.cu-empty-row)').nth(19).waitFor({ timeout: 20000 });
    await root.locator('.cu-bars svg[role=img]').waitFor();
    await root.locator('.cu-days svg[role=img]').waitFor();
    // The stylesheet came through the bundler: the root is styled.
    const styled = await root.locator('.cu-root').first().evaluate((el) => getComputedStyle(el).boxSizing);
    assert(styled === 'border-box', `the stylesheet is not applied (box-sizing ${styled})`);
    await root.getByRole('button', { name: 'Load all runs', exact: true }).click();
    await root.locator('.cu-outcome', { hasText: 'Loaded all' }).waitFor({ timeout: 30000 });
  } finally {
    server.close();
  }
});

// ---- examples/react: the React component over mount/unmount, under
// <StrictMode> (mount, unmount and mount again at once), built with Vite.
await check('react_strict_mode_leaves_one_table_and_unmount_leaves_nothing', async (page) => {
  assert(tarball, 'the package was not packed');
  const app = mkdtempSync(join(tmpdir(), 'cu-react-'));
  cpSync(join(repo, 'examples', 'react'), app, { recursive: true, filter: (f) => !f.includes('node_modules') && !f.includes('dist') });
  // The example's own package.json names the registry; here React comes
  // from the tools bootstrap installed (no network), the package from its tarball.
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'react-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: app, stdio: 'pipe' });
  for (const dep of ['react', 'react-dom', 'scheduler']) symlinkSync(join(modules, dep), join(app, 'node_modules', dep), 'dir');
  // React's development build: StrictMode mounts, unmounts and mounts again.
  const server = await serve(viteBuild(app, 'development'));
  try {
    // Live intervals and the window/document listeners of type
    // visibilitychange (the table's own), counted from the page's start.
    await page.addInitScript(() => {
      const intervals = new Set();
      const setI = window.setInterval.bind(window);
      const clearI = window.clearInterval.bind(window);
      window.setInterval = (...a) => { const id = setI(...a); intervals.add(id); return id; };
      window.clearInterval = (id) => { intervals.delete(id); clearI(id); };
      let visibility = 0;
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      const seen = new Set();
      EventTarget.prototype.addEventListener = function (type, fn, o) {
        if ((this === window || this === document) && type === 'visibilitychange' && !seen.has(fn)) { seen.add(fn); visibility++; }
        return add.call(this, type, fn, o);
      };
      EventTarget.prototype.removeEventListener = function (type, fn, o) {
        if ((this === window || this === document) && type === 'visibilitychange' && seen.delete(fn)) visibility--;
        return remove.call(this, type, fn, o);
      };
      window.__live = () => ({ intervals: intervals.size, visibility, tables: document.querySelectorAll('#app .cu-root').length });
    });
    const runs = { finished: 0, failed: 0 };
    const mine = (r) => new URL(r.url()).pathname === '/v1/organizations/acme/cu/runs';
    page.on('requestfinished', (r) => { if (mine(r) && r.method() === 'GET') runs.finished++; });
    page.on('requestfailed', (r) => { if (mine(r)) runs.failed++; });
    await page.goto(`http://127.0.0.1:${server.address().port}/?api=${encodeURIComponent(origin)}`);
    await page.locator('#app table.cu-runs tbody tr:not(.cu-empty-row)').nth(19).waitFor({ timeout: 20000 });
    await page.waitForTimeout(500);
    const shown = await page.evaluate(() => window.__live());
    assert(JSON.stringify(shown) === JSON.stringify({ intervals: 1, visibility: 1, tables: 1 }), `after StrictMode's double mount: ${JSON.stringify(shown)}`);
    // StrictMode's first table sent its first request during mount, and its
    // unmount aborted it; the second table's page is the one on screen.
    assert(runs.finished === 1 && runs.failed === 1, `runs requests: ${JSON.stringify(runs)}`);
    await page.getByRole('button', { name: 'Hide the table' }).click();
    await page.waitForTimeout(500);
    const hidden = await page.evaluate(() => ({ ...window.__live(), children: document.querySelector('main').children.length }));
    assert(JSON.stringify(hidden) === JSON.stringify({ intervals: 0, visibility: 0, tables: 0, children: 2 }), `after unmount: ${JSON.stringify(hidden)}`);
    await page.getByRole('button', { name: 'Show the table' }).click();
    await page.locator('#app table.cu-runs tbody tr:not(.cu-empty-row)').nth(19).waitFor({ timeout: 20000 });
    const again = await page.evaluate(() => window.__live());
    assert(JSON.stringify(again) === JSON.stringify({ intervals: 1, visibility: 1, tables: 1 }), `shown again: ${JSON.stringify(again)}`);
  } finally {
    server.close();
  }
});

await finish();
