// The package's entry for bundlers and frameworks (`import { mount } from
// "cu-cost-table"`): the wasm-bindgen module, with `mount` saying plainly
// when it is called where it cannot work (on a server here; before `init()`
// in the module itself, scripts/guard-mount.mjs). Importing it touches no
// `window` or `document`, so a server-side rendering build may import it.
import { mount as wasmMount } from './cu_cost_table.js';

export { default, initSync, MountHandle } from './cu_cost_table.js';

/** Mounts the CU cost table into `element` (see MountOptions). */
export function mount(element, options) {
  if (typeof document === 'undefined') {
    throw new Error('cu-cost-table: mount() needs a browser page (there is no document here). Call it on the client, after the page has loaded (in React, in useEffect; in Vue, in onMounted), not during server-side rendering.');
  }
  return wasmMount(element, options);
}
