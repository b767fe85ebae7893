// A small React app (no JSX, so no compiler plugin) showing the table under
// <StrictMode>, with a button that removes it and brings it back.
import { StrictMode, createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import init from 'cu-cost-table';
import 'cu-cost-table/cu-cost-table.css';
import { CuRunsTable } from './CuRunsTable.js';

const params = new URLSearchParams(location.search);
const options = {
  apiBase: params.get('api') || 'http://127.0.0.1:8080',
  orgId: params.get('org') || 'acme',
  token: 'demo-token',
  refreshSeconds: 60,
};

function App() {
  const [shown, setShown] = useState(true);
  return h('main', null,
    h('h1', null, 'Compute costs'),
    h('button', { type: 'button', id: 'toggle', onClick: () => setShown(!shown) }, shown ? 'Hide the table' : 'Show the table'),
    shown ? h(CuRunsTable, { options }) : null);
}

init().then(() => {
  createRoot(document.getElementById('app')).render(h(StrictMode, null, h(App)));
});
