#!/usr/bin/env bash
# The package's wasm as shipped (release, LTO, wasm-bindgen, wasm-opt as scripts/build-pkg.sh runs it)
# but with function names kept (wasm-opt -g), then where its bytes go per
# section, crate and function, and the JS glue per binding:
#   bash bench/wasm-breakdown.sh   (after scripts/bootstrap.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=target/breakdown
mkdir -p "$out"
cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm-bindgen --target web --out-dir "$out" ${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/cu_cost_table.wasm
node scripts/drop-exports.mjs "$out/cu_cost_table_bg.wasm" "$out/cu_cost_table_bg.wasm" $UNUSED_EXPORTS
wasm-opt $WASM_OPT_FLAGS -g \
  "$out/cu_cost_table_bg.wasm" -o "$out/named.wasm"
wasm-opt $WASM_OPT_FLAGS \
  "$out/cu_cost_table_bg.wasm" -o "$out/shipped.wasm"
echo "shipped wasm: $(wc -c <"$out/shipped.wasm") bytes, $(gzip -9c "$out/shipped.wasm" | wc -c) gzip; JS glue: $(wc -c <"$out/cu_cost_table.js") bytes, $(gzip -9c "$out/cu_cost_table.js" | wc -c) gzip"
echo "(the breakdown below is of the same module with its name section kept)"
python3 bench/wasm-breakdown.py "$out/named.wasm" "$out/cu_cost_table.js"
