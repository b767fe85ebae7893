// Where the main thread's time goes during "Load all runs" on the project's
// page: a sampling CPU profile (Chrome DevTools Protocol), then the functions
// with the most self time in the longest busy stretch (the longest task) and
// over the whole walk; then the same for a search typed after the load, and
// for mount → first rows (a fresh page, profiled from navigation).
// Run it through bench/profile.sh, which serves a build with function names
// kept.
// Usage: node bench/profile.mjs BASE_URL [TOP]
import { createRequire } from 'node:module';
import { join } from 'node:path';

const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const { chromium } = createRequire(join(modules, 'noop.js'))('playwright-core');
const [base, topArg] = process.argv.slice(2);
if (!base) {
  console.error('usage: node bench/profile.mjs BASE_URL [TOP]');
  process.exit(2);
}
const TOP = Number(topArg || 25);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const firstRow = '.cu-runs tbody tr:not(.cu-empty-row) td';
  // Mount → first rows, profiled from navigation on a page of its own.
  const mountPage = await context.newPage();
  const mountCdp = await context.newCDPSession(mountPage);
  await mountCdp.send('Profiler.enable');
  await mountCdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await mountCdp.send('Profiler.start');
  await mountPage.goto(base + '/bench/project.html');
  // 'attached': no visibility checks (Playwright's own layout work would
  // show up in the profile as page time).
  await mountPage.waitForSelector(firstRow, { state: 'attached', timeout: 60000 });
  const { profile: mountProfile } = await mountCdp.send('Profiler.stop');
  await mountPage.close();

  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', String(e)));
  await page.goto(base + '/bench/project.html');
  await page.waitForSelector(firstRow, { timeout: 60000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load all runs');
    button.click();
    const done = () => (document.querySelector('.cu-outcome')?.textContent || '').startsWith('Loaded all');
    await new Promise((resolve) => { const tick = () => (done() ? resolve() : setTimeout(tick, 5)); tick(); });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  });
  const { profile } = await cdp.send('Profiler.stop');
  // Then a search, as the benchmark types it, profiled on its own.
  await cdp.send('Profiler.start');
  await page.evaluate(async () => {
    const input = document.querySelector('input[id$="-search"]');
    input.value = 'billing';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });
  const { profile: searchProfile } = await cdp.send('Profiler.stop');
  // The search cleared (not profiled), as the benchmark changes one
  // filter at a time.
  await page.evaluate(async () => {
    const input = document.querySelector('input[id$="-search"]');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });
  // Then the Failed status checkbox, on and off, each profiled on its own.
  const statusProfiles = [];
  for (const step of ['on', 'off']) {
    await cdp.send('Profiler.start');
    await page.evaluate(async () => {
      const box = [...document.querySelectorAll('.cu-check')].find((l) => l.textContent.includes('Failed')).querySelector('input');
      box.click();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
    });
    statusProfiles.push([step, (await cdp.send('Profiler.stop')).profile]);
  }
  // Then the Workflow select set to its second option (a workflow with
  // runs), profiled on its own, and set back untimed.
  await cdp.send('Profiler.start');
  await page.evaluate(async () => {
    const select = document.querySelector('select[id$="-workflow"]');
    select.value = select.options[1].value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
  });
  statusProfiles.push(['Workflow select', (await cdp.send('Profiler.stop')).profile]);
  await page.evaluate(async () => {
    const select = document.querySelector('select[id$="-workflow"]');
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
  });
  // Then a sort by CU (the column header's button), profiled on its own.
  await cdp.send('Profiler.start');
  await page.evaluate(async () => {
    const button = [...document.querySelectorAll('.cu-runs thead button')].find((b) => b.textContent.replace(/[↕▲▼]/g, '').trim() === 'CU');
    button.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
  });
  statusProfiles.push(['sort by CU', (await cdp.send('Profiler.stop')).profile]);

  const analyse = (profile, label) => {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const idle = new Set(profile.nodes.filter((n) => ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName) && n.callFrame.functionName !== '(garbage collector)').map((n) => n.id));
    // Sample times (µs) and the busy stretches between idle samples.
    let t = profile.startTime;
    const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return { id, t }; });
    let best = null;
    let start = null;
    for (let i = 0; i < samples.length; i++) {
      const busy = !idle.has(samples[i].id);
      if (busy && start === null) start = i;
      if ((!busy || i === samples.length - 1) && start !== null) {
        const ms = (samples[i].t - samples[start].t) / 1000;
        if (!best || ms > best.ms) best = { from: start, to: i, ms };
        start = null;
      }
    }
    const name = (n) => {
      const f = n.callFrame;
      const fn = f.functionName || '(anonymous)';
      return f.url && !f.url.endsWith('.wasm') && !fn.startsWith('$') ? `${fn} (${f.url.split('/').pop()}:${f.lineNumber + 1})` : fn;
    };
    const table = (from, to, title) => {
      const self = new Map();
      const total = new Map();
      let all = 0;
      for (let i = from + 1; i <= to; i++) {
        const dt = (samples[i].t - samples[i - 1].t) / 1000;
        const node = byId.get(samples[i].id);
        if (idle.has(node.id)) continue;
        all += dt;
        self.set(name(node), (self.get(name(node)) || 0) + dt);
        // Inclusive time: every distinct function on the stack.
        const seen = new Set();
        for (let n = node; n; n = n.parent) {
          const k = name(n);
          if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) || 0) + dt); }
        }
      }
      console.log(`\n${title}: ${all.toFixed(1)} ms busy`);
      console.log('self ms  incl ms  function');
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
        console.log(`${v.toFixed(1).padStart(7)}  ${(total.get(k) || 0).toFixed(1).padStart(7)}  ${k.slice(0, 150)}`);
      }
      console.log('\nincl ms  function (inclusive, top)');
      for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
        console.log(`${v.toFixed(1).padStart(7)}  ${k.slice(0, 150)}`);
      }
    };
    for (const n of profile.nodes) for (const c of n.children || []) byId.get(c).parent = n;
    if (best) table(best.from, best.to, `${label}: longest busy stretch (${best.ms.toFixed(1)} ms)`);
    table(0, samples.length - 1, `${label}: whole profile`);

  };
  analyse(profile, 'Load all runs');
  analyse(searchProfile, 'Search "billing"');
  for (const [step, p] of statusProfiles) analyse(p, step === 'on' || step === 'off' ? `Status "Failed" ${step}` : step);
  analyse(mountProfile, 'Mount → first rows');
} finally {
  await browser.close();
}
