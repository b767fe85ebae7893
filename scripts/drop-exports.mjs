// Removes from a wasm module the exports whose names start with one of the
// given prefixes, so that wasm-opt can drop the code only they reach, and
// (with --glue/--types) the JS classes wasm-bindgen wrote around them:
//   node scripts/drop-exports.mjs in.wasm out.wasm [--glue x.js] [--types a.d.ts,b.d.ts] PREFIX...
// Used for wasm-streams' stream adapters (`intounderlying*`), which leptos's
// server_fn links in and this package never calls (BENCHMARKS.md, changelog “wasm-streams' exports dropped”).
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const glue = option('--glue');
const types = option('--types');
const [input, output, ...prefixes] = args;
if (!input || !output || prefixes.length === 0) {
  console.error('usage: node scripts/drop-exports.mjs in.wasm out.wasm [--glue x.js] [--types x.d.ts] PREFIX...');
  process.exit(2);
}
const wasm = readFileSync(input);

function leb(buf, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const parts = [wasm.subarray(0, 8)];
let at = 8, dropped = [];
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = leb(wasm, at + 1);
  const end = start + size;
  if (id !== 7) {
    parts.push(wasm.subarray(at, end));
  } else {
    let [count, p] = leb(wasm, start);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const from = p;
      const [len, q] = leb(wasm, p);
      const name = wasm.subarray(q, q + len).toString('utf8');
      p = q + len + 1; // kind
      [, p] = leb(wasm, p); // index
      if (prefixes.some((x) => name.startsWith(x))) dropped.push(name);
      else kept.push(wasm.subarray(from, p));
    }
    const body = Buffer.concat([encodeLeb(kept.length), ...kept]);
    parts.push(Buffer.from([7]), encodeLeb(body.length), body);
  }
  at = end;
}
if (dropped.length === 0) {
  console.error(`drop-exports: no export of ${input} starts with ${prefixes.join(' or ')}`);
  process.exit(1);
}
writeFileSync(output, Buffer.concat(parts));
console.log(`drop-exports: ${dropped.length} exports dropped (${dropped.join(', ')})`);

// The classes whose `free` export went (`__wbg_<class>_free`), by lowercased name.
const gone = new Set(dropped.map((n) => /^__wbg_(\w+)_free$/.exec(n)?.[1]).filter(Boolean));

// `text` without each `export class C { ... }` of a gone class (braces
// matched; wasm-bindgen's class bodies hold no brace in a string).
function withoutClasses(text) {
  let out = text;
  for (;;) {
    const m = [...out.matchAll(/^export class (\w+) \{/gm)].find((c) => gone.has(c[1].toLowerCase()));
    if (!m) return out;
    let depth = 0;
    let end = m.index;
    for (let k = out.indexOf('{', m.index); k < out.length; k++) {
      if (out[k] === '{') depth++;
      else if (out[k] === '}' && --depth === 0) {
        end = k + 1;
        break;
      }
    }
    out = out.slice(0, m.index) + out.slice(end);
  }
}

if (glue) {
  let js = withoutClasses(readFileSync(glue, 'utf8'));
  for (const c of js.matchAll(/^const (\w+)Finalization = /gm)) {
    if (!gone.has(c[1].toLowerCase())) continue;
    js = js.replace(new RegExp(`^const ${c[1]}Finalization = [^;]*;\n`, 'm'), '');
    js = js.replace(new RegExp(`^if \\(Symbol\\.dispose\\) ${c[1]}\\.prototype\\[Symbol\\.dispose\\] = ${c[1]}\\.prototype\\.free;\n`, 'm'), '');
  }
  writeFileSync(glue, js);
}
// --types takes the .d.ts files, comma-separated: the module's (classes,
// `readonly export: ...` of InitOutput) and the wasm's (`export const`).
for (const file of types ? types.split(',') : []) {
  let dts = withoutClasses(readFileSync(file, 'utf8'));
  for (const name of dropped) {
    dts = dts.replace(new RegExp(`^ *(readonly|export const) ${name}: [^\n]*\n`, 'm'), '');
  }
  writeFileSync(file, dts);
}
