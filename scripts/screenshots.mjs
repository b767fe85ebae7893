// Headless screenshots for the README: the standalone page (also with this
// month against the last), the portal example, light, dark and narrow (320 px). Usage (with the demo running):
//   node scripts/screenshots.mjs http://127.0.0.1:8080
import { createRequire } from 'node:module';
import { join } from 'node:path';

const modules = process.env.CU_NODE_MODULES || join(process.cwd(), 'node_modules');
const { chromium } = createRequire(join(modules, 'noop.js'))('playwright-core');
const base = process.argv[2] || 'http://127.0.0.1:8080';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const shots = [
  ['docs/screenshot.png', '/', 'light', 1280, 1500, true],
  ['docs/period.png', '/?period=this-month', 'light', 1280, 1250, 'period'],
  ['docs/screenshot-dark.png', '/', 'dark', 1280, 1500],
  ['docs/screenshot-narrow.png', '/', 'light', 320, 1600],
  ['docs/portal.png', '/examples/portal.html', 'light', 1280, 1100],
  ['docs/portal-dark.png', '/examples/portal.html', 'dark', 1280, 1100],
  ['docs/portal-narrow.png', '/examples/portal.html', 'light', 320, 1600],
];
for (const [file, path, scheme, width, height, loadAll] of shots) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(base + path);
  await page.locator('table:has(caption:text-is("Workflow runs")) tbody tr:not(.cu-empty-row)').first().waitFor({ timeout: 20000 });
  await page.locator('.cu-bars svg[role=img]').first().waitFor({ timeout: 20000 });
  if (loadAll === 'period') {
    // This month against October, with the budget and the estimate (the
    // chosen period loads its runs by itself).
    await page.locator('.cu-period-cover', { hasText: 'This month: all ' }).waitFor({ timeout: 30000 });
  } else if (loadAll) {
    await page.getByRole('button', { name: 'Load all runs' }).click();
    await page.locator('.cu-outcome', { hasText: 'Loaded all' }).waitFor({ timeout: 30000 });
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await context.close();
}
await browser.close();
