// Removes from a wasm module the exports whose names start with one of the
// given prefixes, so that wasm-opt can drop the code only they reach:
//   node scripts/drop-exports.mjs in.wasm out.wasm PREFIX...
// Used for wasm-streams' stream adapters (`intounderlying*`), which leptos's
// server_fn links in and this package never calls (BENCHMARKS.md, session 10).
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, ...prefixes] = process.argv.slice(2);
if (!input || !output || prefixes.length === 0) {
  console.error('usage: node scripts/drop-exports.mjs in.wasm out.wasm PREFIX...');
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
