// Wasm memory during "Load all runs", sampled every 20 ms on the bench's
// project page: each line is "ms since the page's start, wasm MB" when the
// memory grew (wasm memory never shrinks, so its last line is the peak).
//   ./target/release/demo-api --port 0 --runs 1000000 --dist dist --root . \
//     --timestamps seconds --ids uuid --workflows 2000 &   # after bash scripts/build-pkg.sh
//   node bench/memory-probe.mjs http://127.0.0.1:PORT
import { createRequire } from 'node:module';

const require = createRequire(`${process.env.CU_NODE_MODULES || `${process.cwd()}/node_modules`}/`);
const { chromium } = require('playwright-core');
const url = process.argv[2];
if (!url) {
  console.error('usage: node bench/memory-probe.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => { console.error('page error:', e.message); process.exitCode = 1; });
  await page.goto(`${url}/bench/project.html`);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length > 5, null, { timeout: 60000 });
  const started = Date.now();
  await page.evaluate(() => {
    window.__samples = [];
    let last = 0;
    const tick = () => {
      const mb = window.__wasmMemory.buffer.byteLength / 1048576;
      if (mb !== last) {
        window.__samples.push([Math.round(performance.now()), mb]);
        last = mb;
      }
      setTimeout(tick, 20);
    };
    tick();
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Load all runs').click();
  });
  await page.waitForFunction(
    () => (document.querySelector('.cu-outcome')?.textContent || '').startsWith('Loaded all'),
    null, { timeout: 900000, polling: 500 },
  );
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const [ms, mb] of await page.evaluate(() => window.__samples)) console.log(`${ms}\t${mb} MB`);
  console.log(`walk: ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
}
