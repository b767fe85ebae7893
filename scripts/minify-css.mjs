// The package's stylesheet without comments and layout whitespace:
//   node scripts/minify-css.mjs style/main.css pkg/cu-cost-table.css
// Conservative on purpose: comments go, runs of whitespace become one space,
// and the space around `{ } ;` goes (never around `:` or `>`, where a
// space can be a descendant combinator). The e2e suite checks that the
// browser reads the same rules from both files.
import { readFileSync, writeFileSync } from 'node:fs';

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: node scripts/minify-css.mjs SOURCE.css OUT.css');
  process.exit(2);
}
const css = readFileSync(src, 'utf8');
// Comments first (they may hold apostrophes); no string here holds `/*`.
const bare = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
if (/["']/.test(bare.replace(/"[^"\n]*"|'[^'\n]*'/g, ''))) {
  console.error(`${src}: an unbalanced quote; not minified`);
  process.exit(1);
}
// Strings are kept as they are; everything between them is minified.
const parts = bare.split(/("[^"\n]*"|'[^'\n]*')/);
const min = parts
  .map((p, i) => (i % 2 === 1 ? p : p.replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1')))
  .join('')
  .replace(/;}/g, '}')
  .trim();
writeFileSync(out, min + '\n');
console.log(`${out}: ${css.length} -> ${min.length + 1} bytes`);
