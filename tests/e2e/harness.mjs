// The harness the newer e2e suites share (promises, portals, languages,
// ledger): the
// browser, one fresh context per check, the console guard, and the
// cargo-style result lines scripts/test.sh counts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { watchConsole } from './console-guard.mjs';

const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
export const requireTool = createRequire(join(modules, 'noop.js'));
const { chromium } = requireTool('playwright-core');

export function assert(cond, msg) { if (!cond) throw new Error(msg); }

// The demo API's base URL from the command line (`usage` names the suite).
export function baseUrl(suite) {
  const base = process.argv[2];
  if (!base) {
    console.error(`usage: node tests/e2e/${suite} BASE_URL`);
    process.exit(2);
  }
  return base;
}

// Starts Chromium and returns `check(name, fn, { allowConsole, ...context })`
// and `finish()`: every check gets a fresh context (en-US, UTC, 1280×900
// unless it says otherwise); any uncaught error, unhandled rejection or
// console error fails it, except the lines its `allowConsole` RegExp names;
// `finish` prints the suite's totals and exits.
// `args`: more Chromium flags.
export async function suite(name, { args = [] } = {}) {
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync', ...args],
  });
  const results = [];
  async function check(title, fn, { allowConsole, ...contextOptions } = {}) {
    if (process.env.E2E_ONLY && !title.includes(process.env.E2E_ONLY)) return; // developer filter
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...contextOptions });
    const page = await context.newPage();
    const errors = watchConsole(page);
    const t0 = Date.now();
    try {
      await fn(page);
      const unexpected = errors.filter((e) => !(allowConsole && allowConsole.test(e)));
      if (unexpected.length) throw new Error(`uncaught or console errors on the page (${unexpected.length}):\n      ${unexpected.join('\n      ')}`);
      results.push(true);
      console.log(`test ${title} ... ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      results.push(false);
      console.log(`test ${title} ... FAILED\n    ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n    ')}`);
    } finally {
      await context.close();
    }
  }
  async function finish() {
    await browser.close();
    const passed = results.filter(Boolean).length;
    const failed = results.length - passed;
    console.log(`${name} suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`\ntest result: ${failed ? 'FAILED' : 'ok'}. ${passed} passed; ${failed} failed; 0 ignored`);
    process.exit(failed ? 1 : 0);
  }
  return { check, finish };
}
