// Starts the browser's Intl (ICU) while the wasm downloads: adds to
// wasm-bindgen's glue, at the start of its `init`, a zero-delay timer that
// builds one number and one date formatter in the browser's language.
//   node scripts/warm-intl.mjs pkg/cu_cost_table.js
// The first Intl constructor of a page starts ICU (about 30 ms, 100 ms at 4×
// CPU slowdown) whatever the language; later ones take 0.1–3 ms. `mount`
// builds its formatters at once, so without this the start is paid on the
// way to the first rows. The timer fires after `init` has sent the wasm's
// request, while the main thread waits for its bytes. Importing the module
// still does nothing: only `init()` sets the timer.
import { patchGlue } from './glue-patch.mjs';

const warm = `
function __cu_warm_intl() {
    try {
        new Intl.NumberFormat().format(1);
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
    } catch (e) { /* nothing to start */ }
}
`;
patchGlue('warm-intl', 'async function __wbg_init_once(module_or_path) {', (anchor) =>
  `${warm}\n${anchor}\n    if (typeof setTimeout === 'function' && typeof Intl === 'object') setTimeout(__cu_warm_intl, 0);`);
