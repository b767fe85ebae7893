#!/usr/bin/env bash
# The embeddable package: ES module + wasm + .d.ts (wasm-pack), the
# component's CSS, then wasm-opt from npm binaryen@132 (never Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
wasm-pack build --target web --release --out-dir pkg
# The stylesheet without comments and layout whitespace (style/main.css is
# the readable source; the e2e suite checks the browser reads the same rules).
node scripts/minify-css.mjs style/main.css pkg/cu-cost-table.css
cp js/cu-runs-table.js pkg/
# wasm-streams' stream adapters (exported classes `IntoUnderlying*`, linked
# through leptos's server_fn, never used by this package) leave the module,
# so wasm-opt drops their code, and their classes leave the JS glue and the
# .d.ts: -1.7 KB gzip of wasm, -0.3 KB of JS (BENCHMARKS.md, changelog “wasm-streams' exports dropped”).
node scripts/drop-exports.mjs pkg/cu_cost_table_bg.wasm pkg/cu_cost_table_bg.wasm \
  --glue pkg/cu_cost_table.js --types pkg/cu_cost_table.d.ts,pkg/cu_cost_table_bg.wasm.d.ts \
  $UNUSED_EXPORTS
# The passes and why: scripts/env.sh (WASM_OPT_FLAGS).
wasm-opt $WASM_OPT_FLAGS \
  pkg/cu_cost_table_bg.wasm -o pkg/cu_cost_table_bg.wasm
# Intl started while the wasm downloads (see the script; BENCHMARKS.md, “Cold start”).
node scripts/warm-intl.mjs pkg/cu_cost_table.js
# `mount` before `init()` says so, as the package entry's does (see the script).
node scripts/guard-mount.mjs pkg/cu_cost_table.js
# `free()` removes the table too, and `unmount()` after it does nothing (see the script).
node scripts/handle-free.mjs pkg/cu_cost_table.js
# The JS glue minified (wasm-bindgen writes it readable; the exports and the
# .d.ts stay as they are): 10.0 -> 7.5 KB gzip (BENCHMARKS.md, changelog “JS glue and stylesheet minified”).
terser pkg/cu_cost_table.js --module --compress --mangle -o pkg/cu_cost_table.min.js
mv pkg/cu_cost_table.min.js pkg/cu_cost_table.js
# The package entry for bundlers (index.js: the module with a clear error
# from `mount` on a server or before `init`), the custom element and the
# stylesheet ship with it. package.json: an exports map (entry with its
# types, the module itself, the element, the stylesheet, the wasm), the
# files that ship and nothing else, and the modules with side effects (the
# stylesheet and the element, which defines itself).
cp js/index.js js/index.d.ts pkg/
# Catalogs for other languages are files of their own (English is built in),
# so an English-only portal downloads nothing more.
mkdir -p pkg/locales
cp js/locales/*.js pkg/locales/
for f in js/locales/*.js; do
  b=$(basename "$f" .js)
  printf '%s\n' "/** The $b messages of the CU cost table, for the \`messages\` option of mount. */" \
    "declare const messages: import('../cu_cost_table.js').Messages;" "export default messages;" > "pkg/locales/$b.d.ts"
done
node -e '
const fs = require("fs");
const p = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
p.files = ["index.js", "index.d.ts", "cu_cost_table.js", "cu_cost_table.d.ts", "cu_cost_table_bg.wasm",
  "cu_cost_table_bg.wasm.d.ts", "cu-runs-table.js", "cu-cost-table.css",
  ...fs.readdirSync("pkg/locales").map((f) => "locales/" + f)];
for (const f of p.files) if (!fs.existsSync("pkg/" + f)) throw new Error("pkg/" + f + " is missing");
p.main = "index.js";
p.module = "index.js";
p.types = "index.d.ts";
p.sideEffects = ["./cu-cost-table.css", "./cu-runs-table.js"];
p.exports = {
  ".": { types: "./index.d.ts", default: "./index.js" },
  "./cu_cost_table.js": { types: "./cu_cost_table.d.ts", default: "./cu_cost_table.js" },
  "./cu-runs-table.js": "./cu-runs-table.js",
  "./cu-runs-table": "./cu-runs-table.js",
  "./cu-cost-table.css": "./cu-cost-table.css",
  "./cu_cost_table_bg.wasm": "./cu_cost_table_bg.wasm",
  "./locales/*.js": { types: "./locales/*.d.ts", default: "./locales/*.js" },
  "./package.json": "./package.json",
};
fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");
'
