// The package's entry for bundlers and frameworks (`import { mount } from
// "cu-cost-table"`): the wasm-bindgen module, with `mount` saying plainly
// when it is called where it cannot work. Importing it touches no `window`
// or `document`, so a server-side rendering build may import it.
import wasmInit, { initSync as wasmInitSync, mount as wasmMount, MountHandle } from './cu_cost_table.js';

let ready = false;

/** Loads and instantiates the WebAssembly module (once). */
export default async function init(input) {
  const exports = await wasmInit(input);
  ready = true;
  return exports;
}

/** Instantiates the WebAssembly module from its bytes or a compiled module. */
export function initSync(module) {
  const exports = wasmInitSync(module);
  ready = true;
  return exports;
}

export { MountHandle };

/** Mounts the CU cost table into `element` (see MountOptions). */
export function mount(element, options) {
  if (typeof document === 'undefined') {
    throw new Error('cu-cost-table: mount() needs a browser page (there is no document here). Call it on the client, after the page has loaded (in React, in useEffect; in Vue, in onMounted), not during server-side rendering.');
  }
  if (!ready) {
    throw new Error('cu-cost-table: call `await init()` (the default export) before mount().');
  }
  return wasmMount(element, options);
}
