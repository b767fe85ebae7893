// Makes the module's own `mount` say what is wrong when it is called before
// `init()` (the README's HTML snippet imports the module directly, not the
// package entry `index.js`, which checks this too): wasm-bindgen's glue
// would fail with "Cannot read properties of undefined (reading 'mount')".
//   node scripts/guard-mount.mjs pkg/cu_cost_table.js
import { patchGlue } from './glue-patch.mjs';

const guard = "\n    if (wasm === undefined) throw new Error('cu-cost-table: call `await init()` (the default export) before mount().');";
patchGlue('guard-mount', 'export function mount(element, options) {', (anchor) => anchor + guard);
