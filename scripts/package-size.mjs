// Prints the shipped package's size (wasm + JS glue + CSS of pkg/, each
// gzipped at level 9 with Node's zlib, as the benchmark counts it) and
// exits 1 above the ceiling (KB, default 288): the headroom above today's
// size is for features users ask for, each one's cost measured and noted.
// Usage: node scripts/package-size.mjs [pkg-dir] [ceiling-kb]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'pkg';
const ceiling = Number(process.argv[3] || 288);
const files = ['cu_cost_table_bg.wasm', 'cu_cost_table.js', 'cu-cost-table.css'];
let total = 0;
const parts = files.map((name) => {
  const gz = gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;
  total += gz;
  return `${name} ${(gz / 1024).toFixed(1)} KB`;
});
const kb = total / 1024;
console.log(`package size (gzip): ${kb.toFixed(1)} KB shipped (${parts.join(', ')}); ceiling ${ceiling} KB`);
if (kb > ceiling) {
  console.log(`the package is ${(kb - ceiling).toFixed(1)} KB over the ${ceiling} KB ceiling`);
  process.exit(1);
}
