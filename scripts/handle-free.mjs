// Makes `MountHandle.free()` (wasm-bindgen's, also `Symbol.dispose`, so
// `using handle = mount(…)`) remove the table as `unmount()` does, and
// `unmount()` or `free()` after `free()` do nothing, as a second
// `unmount()` does.
// Without it `free()` released the handle and left the table on the page,
// where nothing could remove it any more, and `unmount()` then threw "null
// pointer passed to rust". A handle the garbage collector frees still
// leaves its table mounted (the finalizer calls the wasm directly, not
// `free()`): a page that ignores `mount`'s result keeps its table.
//   node scripts/handle-free.mjs pkg/cu_cost_table.js
import { patchGlue } from './glue-patch.mjs';

const free = `    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_mounthandle_free(ptr, 0);`;
patchGlue('handle-free', free, (anchor) => anchor.replace('    free() {', '    free() {\n        if (!this.__wbg_ptr) return;\n        this.unmount();'));
const unmount = `    unmount() {
        wasm.mounthandle_unmount(this.__wbg_ptr);`;
patchGlue('handle-free', unmount, (anchor) => anchor.replace('    unmount() {', '    unmount() {\n        if (!this.__wbg_ptr) return;'));
