// What a front-end team would pick: TanStack Table v8 (table-core, no
// framework) with its filtered, grouped and sorted row models. Two tables
// share the filter state: one grouped by workflow (subtotals), one flat (runs).
import { skeleton, fetchPage, loadAll, renderSubtotals, renderRows, fillWorkflows, debounce, DEBOUNCE_MS } from './common.js';

const { createTable, getCoreRowModel, getFilteredRowModel, getGroupedRowModel, getSortedRowModel } = window.TableCore;
const { q } = skeleton(document.getElementById('app'), 'TanStack Table');

const columns = [
  { accessorKey: 'runId', id: 'runId' },
  { accessorKey: 'workflowId', id: 'workflowId', filterFn: 'equalsString', aggregationFn: 'count' },
  { accessorKey: 'status', id: 'status', filterFn: 'arrIncludesSome' },
  { accessorFn: (r) => r.triggerSource || '', id: 'triggerSource' },
  { accessorKey: 'totalCu', id: 'totalCu', aggregationFn: 'sum', sortDescFirst: true },
];

function makeTable(extraState) {
  let state;
  const table = createTable({
    data: [],
    columns,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getSortedRowModel: getSortedRowModel(),
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: (c) => ['runId', 'workflowId', 'triggerSource'].includes(c.id),
  });
  state = { ...table.initialState, ...extraState };
  const setState = (updater) => {
    state = typeof updater === 'function' ? updater(state) : updater;
    table.setOptions((prev) => ({ ...prev, state }));
  };
  table.setOptions((prev) => ({ ...prev, state, onStateChange: setState }));
  return table;
}

const grouped = makeTable({ grouping: ['workflowId'] });
const flat = makeTable({});
const both = (f) => { f(grouped); f(flat); };

function setData(data) {
  both((t) => t.setOptions((prev) => ({ ...prev, data })));
}

function update() {
  const groups = grouped.getGroupedRowModel().rows.map((row) => ({
    workflowId: row.getValue('workflowId') === undefined ? row.groupingValue : row.groupingValue,
    runs: row.subRows.length,
    cu: row.getValue('totalCu'),
  })).sort((a, b) => b.cu - a.cu);
  const filtered = flat.getFilteredRowModel().rows;
  let total = 0;
  for (const g of groups) total += g.cu;
  renderSubtotals(q, groups, filtered.length, total);
  renderRows(q, flat.getSortedRowModel().rows.slice(0, 20).map((r) => r.original));
}

q('workflow').addEventListener('change', (e) => { both((t) => t.getColumn('workflowId').setFilterValue(e.target.value || undefined)); update(); });
q('status-failure').addEventListener('change', (e) => { both((t) => t.getColumn('status').setFilterValue(e.target.checked ? ['failure'] : undefined)); update(); });
q('search').addEventListener('input', debounce((e) => { both((t) => t.setGlobalFilter(e.target.value)); update(); }, DEBOUNCE_MS));
q('sort-cu').addEventListener('click', () => {
  flat.setSorting((s) => (s.length ? [] : [{ id: 'totalCu', desc: true }]));
  update();
});
q('load-all').addEventListener('click', async () => {
  const runs = await loadAll();
  setData(runs);
  fillWorkflows(q, runs);
  update();
  q('outcome').textContent = `Loaded all ${runs.length} runs.`;
});

const first = (await fetchPage(0, 20)).items;
setData(first);
fillWorkflows(q, first);
update();
