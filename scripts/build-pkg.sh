#!/usr/bin/env bash
# The embeddable package: ES module + wasm + .d.ts (wasm-pack), the
# component's CSS, then wasm-opt from npm binaryen@132 (never Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
wasm-pack build --target web --release --out-dir pkg
cp style/main.css pkg/cu-cost-table.css
for f in examples/cu-runs-table.js; do [ -f "$f" ] && cp "$f" pkg/; done
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  pkg/cu_cost_table_bg.wasm -o pkg/cu_cost_table_bg.wasm
