#!/usr/bin/env bash
# The side-by-side benchmark in one command (see BENCHMARKS.md):
#   bash bench/run.sh                 # 10,000, 100,000 and 1,000,000 runs (full figures; TanStack left out at 1,000,000)
#   bash bench/run.sh --smoke         # 2,000 runs, 1 repetition (CI smoke)
#   bash bench/run.sh 10000:5 50000:3 # sizes:repetitions of your choice
#   bash bench/run.sh 1000000:0       # mount → first rows and bytes only (repetitions 0)
#   bash bench/run.sh --cold-start    # navigation → first rows, CPU 4× slower, 10 Mbit/s, +40 ms, no cache, gzip
#   DEMO_FLAGS="--timestamps seconds --ids uuid --workflows 2000" bash bench/run.sh 100000:1
#                                     # the data shape real servers send (see demo-api --help)
# Builds the package and the demo API (release), serves each size from a
# demo API with --latency-ms 10, and prints a table per size. JSON results go
# to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
. scripts/wait-url.sh

if [ "${1:-}" = "--cold-start" ]; then SIZES=("10000:0"); export COLD_START=1; LATENCY_MS="${LATENCY_MS:-0}"; elif [ "${1:-}" = "--smoke" ]; then SIZES=("2000:1"); export FIRST_ROWS_SAMPLES="${FIRST_ROWS_SAMPLES:-2}"; elif [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=("10000:5" "100000:3" "1000000:1"); fi

LATENCY_MS="${LATENCY_MS:-10}"
echo "[bench] building the package (release) and the demo API…" >&2
pkg_log="$(mktemp)"
bash scripts/build-pkg.sh >"$pkg_log" 2>&1 || { echo "[bench] package build failed:" >&2; cat "$pkg_log" >&2; exit 1; }
cargo build -q --release -p demo-api || { echo "[bench] demo API build failed" >&2; exit 1; }
mkdir -p bench/vendor bench/results
cp "$CU_NODE_MODULES/@tanstack/table-core/build/umd/index.production.js" bench/vendor/table-core.umd.js \
  || { echo "[bench] @tanstack/table-core is missing from $CU_NODE_MODULES (scripts/bootstrap.sh installs it)" >&2; exit 1; }

PID=""
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; fi; }
trap cleanup EXIT
for spec in "${SIZES[@]}"; do
  runs="${spec%%:*}"; reps="${spec##*:}"
  log="$(mktemp)"
  # shellcheck disable=SC2086 # DEMO_FLAGS is a list of flags
  ./target/release/demo-api --port 0 --runs "$runs" --latency-ms "$LATENCY_MS" --now 2026-11-28T12:00:00Z --dist dist --root . ${DEMO_FLAGS:-} >"$log" 2>&1 &
  PID=$!
  url=$(wait_for_url "$log" "$PID") || { echo "[bench] demo API did not start (see above)" >&2; exit 1; }
  echo "[bench] $runs runs × $reps repetitions, latency ${LATENCY_MS} ms, data ${DEMO_FLAGS:-as the demo API defaults}, $url" >&2
  tag="$(printf '%s' "${COLD_START:+cold }${DEMO_FLAGS:-}" | tr -c 'a-z0-9' '-' | tr -s '-' | sed 's/^-//; s/-$//')"
  node bench/bench.mjs "$url" "$runs" "$reps" "bench/results/bench-$runs${tag:+-$tag}.json" \
    || { echo "[bench] bench/bench.mjs failed at $runs runs (see above)" >&2; exit 1; }
  echo
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
