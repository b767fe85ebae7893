// One edit of wasm-bindgen's JS glue, for the scripts that make one
// (warm-intl.mjs, guard-mount.mjs): reads the glue named on the command
// line, replaces its one `anchor` with `edit(anchor)`, and stops with a
// message when the anchor is not there exactly once (the glue changed).
import { readFileSync, writeFileSync } from 'node:fs';

export function patchGlue(script, anchor, edit) {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error(`usage: node scripts/${script}.mjs GLUE.js`);
    process.exit(2);
  }
  const js = readFileSync(file, 'utf8');
  if (js.split(anchor).length !== 2) {
    console.error(`${script}: ${file} has not exactly one "${anchor}" (wasm-bindgen's glue changed?)`);
    process.exit(1);
  }
  writeFileSync(file, js.replace(anchor, () => edit(anchor)));
}
