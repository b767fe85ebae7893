// The console guard both e2e suites share: every uncaught page error and
// every console error is recorded, and a check fails on any that it did not
// declare (a check that provokes failed requests on purpose names them with
// `failedLoadsOf`).

// Records the page's uncaught errors and console errors as lines; a failed
// resource ends with the resource's URL in parentheses.
export function watchConsole(page) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location() && m.location().url;
    errors.push(url ? `${m.text()} (${url})` : m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e && e.stack || e}`));
  return errors;
}

const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The console error Chromium logs for every 4xx/5xx fetch, for the runs
// endpoint of these organizations on `origin` only, and for their ledger
// (`/cu`, `/cu/usage`), which a fault organization fails the same way.
export const failedLoadsOf = (origin, ...orgs) => new RegExp('^Failed to load resource: the server responded with a status of \\d{3} \\([^)]*\\) '
  + `\\(${escapeRe(origin)}/v1/organizations/(${orgs.map(escapeRe).join('|')})/cu(/runs\\?[^)]*|/usage\\?[^)]*)?\\)$`);
