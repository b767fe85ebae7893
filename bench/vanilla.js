// The floor: plain objects from JSON, one pass per filter change.
import { skeleton, fetchPage, loadAll, renderSubtotals, renderRows, fillWorkflows, debounce, DEBOUNCE_MS } from './common.js';

const { q } = skeleton(document.getElementById('app'), 'Vanilla JS');
let runs = [];
const state = { search: '', workflow: '', failedOnly: false, sortCu: false };

function update() {
  const needle = state.search.toLowerCase();
  const kept = [];
  for (const r of runs) {
    if (state.workflow && r.workflowId !== state.workflow) continue;
    if (state.failedOnly && r.status !== 'failure') continue;
    if (needle && !(`${r.runId} ${r.workflowId} ${r.triggerSource || ''}`.toLowerCase().includes(needle))) continue;
    kept.push(r);
  }
  const groups = new Map();
  let total = 0;
  for (const r of kept) {
    let g = groups.get(r.workflowId);
    if (!g) groups.set(r.workflowId, (g = { workflowId: r.workflowId, runs: 0, cu: 0 }));
    g.runs += 1;
    g.cu += r.totalCu;
    total += r.totalCu;
  }
  renderSubtotals(q, [...groups.values()].sort((a, b) => b.cu - a.cu), kept.length, total);
  let shown = kept;
  if (state.sortCu) shown = [...kept].sort((a, b) => b.totalCu - a.totalCu);
  renderRows(q, shown.slice(0, 20));
}

q('workflow').addEventListener('change', (e) => { state.workflow = e.target.value; update(); });
q('status-failure').addEventListener('change', (e) => { state.failedOnly = e.target.checked; update(); });
q('search').addEventListener('input', debounce((e) => { state.search = e.target.value; update(); }, DEBOUNCE_MS));
q('sort-cu').addEventListener('click', () => { state.sortCu = !state.sortCu; update(); });
q('load-all').addEventListener('click', async () => {
  runs = await loadAll();
  fillWorkflows(q, runs);
  update();
  q('outcome').textContent = `Loaded all ${runs.length} runs.`;
});

runs = (await fetchPage(0, 20)).items;
fillWorkflows(q, runs);
update();
