// Makes the module's own `mount` say what is wrong when it is called before
// `init()` (the README's HTML snippet imports the module directly, not the
// package entry `index.js`, which checks this too): wasm-bindgen's glue
// would fail with "Cannot read properties of undefined (reading 'mount')".
//   node scripts/guard-mount.mjs pkg/cu_cost_table.js
import { readFileSync, writeFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/guard-mount.mjs GLUE.js');
  process.exit(2);
}
const anchor = 'export function mount(element, options) {';
const js = readFileSync(file, 'utf8');
if (js.split(anchor).length !== 2) {
  console.error(`guard-mount: ${file} has not exactly one "${anchor}" (wasm-bindgen's glue changed?)`);
  process.exit(1);
}
const guard = "\n    if (wasm === undefined) throw new Error('cu-cost-table: call `await init()` (the default export) before mount().');";
writeFileSync(file, js.replace(anchor, anchor + guard));
