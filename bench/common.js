// Shared by the two reference pages (vanilla and TanStack): fetching, the
// 4-in-flight page walk, formatting and the DOM they render into. Only the
// data pipeline (filter, group, sort) differs between them.
export const API = '/v1/organizations/bench/cu/runs';
export const TOKEN = 'bench-token';
export const DEBOUNCE_MS = 200; // the same as the component's search debounce

export async function fetchPage(offset, limit = 100) {
  const res = await fetch(`${API}?limit=${limit}&offset=${offset}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = await res.json();
  return { items: body.data.items, hasMore: body.data.hasMore };
}

// Every page, four requests in flight, in offset order.
export async function loadAll(onProgress) {
  const pages = [];
  let next = 0;
  let done = false;
  async function worker() {
    while (!done) {
      const offset = next;
      next += 100;
      const page = await fetchPage(offset);
      pages[offset / 100] = page.items;
      onProgress && onProgress(page.items.length);
      if (!page.hasMore || page.items.length === 0) done = true;
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  const out = [];
  for (const p of pages) if (p) for (const r of p) out.push(r);
  return out;
}

export const fmt = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

export function debounce(fn, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
}

// The page skeleton both reference pages render into.
export function skeleton(root, title) {
  root.innerHTML = `
    <h2>${title}</h2>
    <p><button type="button" data-bench="load-all">Load all runs</button> <span data-bench="outcome"></span></p>
    <p>
      <label>Search runs <input data-bench="search"></label>
      <label>Workflow <select data-bench="workflow"><option value="">All workflows</option></select></label>
      <label><input type="checkbox" data-bench="status-failure" value="failure"> Failed</label>
    </p>
    <table><caption>CU by workflow</caption>
      <thead><tr><th>Workflow</th><th>Runs</th><th>Total CU</th></tr></thead>
      <tbody data-bench="subtotals"></tbody>
      <tfoot><tr><th>Total</th><td data-bench="runs"></td><td data-bench="total"></td></tr></tfoot>
    </table>
    <table><caption>Workflow runs</caption>
      <thead><tr><th>Run</th><th>Workflow</th><th>Status</th><th><button type="button" data-bench="sort-cu">CU</button></th></tr></thead>
      <tbody data-bench="rows"></tbody>
    </table>`;
  const q = (k) => root.querySelector(`[data-bench="${k}"]`);
  return { q };
}

export function renderSubtotals(q, groups, count, total) {
  q('subtotals').innerHTML = '';
  const frag = document.createDocumentFragment();
  for (const g of groups) {
    const tr = document.createElement('tr');
    for (const v of [g.workflowId, String(g.runs), fmt(g.cu)]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    frag.append(tr);
  }
  q('subtotals').append(frag);
  q('runs').textContent = String(count);
  q('total').textContent = fmt(total);
}

export function renderRows(q, runs) {
  const frag = document.createDocumentFragment();
  for (const r of runs) {
    const tr = document.createElement('tr');
    for (const v of [r.runId, r.workflowId, r.status, fmt(r.totalCu)]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    frag.append(tr);
  }
  q('rows').replaceChildren(frag);
}

export function fillWorkflows(q, runs) {
  const sel = q('workflow');
  const current = sel.value;
  const names = [...new Set(runs.map((r) => r.workflowId))].sort();
  sel.replaceChildren(new Option('All workflows', ''), ...names.map((n) => new Option(n, n)));
  sel.value = current;
}
