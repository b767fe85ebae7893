#!/usr/bin/env bash
# Where the main thread's time goes during "Load all runs" at N runs:
#   bash bench/profile.sh [RUNS] [TOP]     (default 1000000, 25)
#   DEMO_FLAGS="--timestamps seconds --ids uuid --workflows 2000" bash bench/profile.sh 100000
# Builds the package's wasm with function names kept (bench/wasm-breakdown.sh
# builds the same module), serves it with the bench pages from a demo API
# (--latency-ms 10), and prints the functions with the most self time in the
# longest task and over the whole walk, for a search after it, and for mount
# → first rows on a fresh page (bench/profile.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
. scripts/wait-url.sh
RUNS="${1:-1000000}"
TOP="${2:-25}"
out=target/profile
root="$out/root"
rm -rf "$root" && mkdir -p "$root/pkg"
cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm-bindgen --target web --out-dir "$out" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/cu_cost_table.wasm"
node scripts/drop-exports.mjs "$out/cu_cost_table_bg.wasm" "$out/cu_cost_table_bg.wasm" $UNUSED_EXPORTS
wasm-opt $WASM_OPT_FLAGS -g \
  "$out/cu_cost_table_bg.wasm" -o "$root/pkg/cu_cost_table_bg.wasm"
cp "$out/cu_cost_table.js" "$root/pkg/"
node scripts/minify-css.mjs style/main.css "$root/pkg/cu-cost-table.css" >/dev/null
cp -r bench "$root/bench"
cargo build -q --release -p demo-api
log="$out/demo.log"
# shellcheck disable=SC2086 # DEMO_FLAGS is a list of flags (the data shape, as bench/run.sh)
./target/release/demo-api --port 0 --runs "$RUNS" --latency-ms 10 --now 2026-11-28T12:00:00Z --dist dist --root "$root" ${DEMO_FLAGS:-} >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
url=$(wait_for_url "$log" "$pid") || { echo "[profile] demo API did not start (see above)" >&2; exit 1; }
echo "[profile] $RUNS runs, $url" >&2
node bench/profile.mjs "$url" "$TOP"
