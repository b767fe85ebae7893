#!/usr/bin/env bash
# Runs every check and test suite, then prints one summary line over all of
# them: "N passed, M failed". Installs what is missing first (idempotent).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || { echo "bootstrap failed"; echo "0 passed, 1 failed"; exit 1; }
. scripts/env.sh
. scripts/wait-url.sh
echo "disk free where the build goes: $(df -h . | awk 'NR==2 {print $4}')"

PASSED=0
FAILED=0
LOG_DIR="$(mktemp -d)"
# Chromium under chromedriver (wasm-pack test) leaves a ~100 MB profile per
# run in the temp directory; give the run its own and remove it at the end.
export TMPDIR="$LOG_DIR/tmp"
mkdir -p "$TMPDIR"
# Non-incremental builds: the incremental caches doubled target/'s size.
export CARGO_INCREMENTAL=0
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$TMPDIR"
}
trap cleanup EXIT

# A check that is one pass or one fail.
check() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then PASSED=$((PASSED + 1)); echo "ok: $name"; else FAILED=$((FAILED + 1)); echo "FAILED: $name"; fi
}

# A suite whose output has cargo-style "test result:" lines; adds its counts.
suite() {
  local name="$1"; shift
  local log="$LOG_DIR/$(echo "$name" | tr ' /' '__').log"
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^passed/) s += $i } END { print s + 0 }' "$log")
  f=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^failed/) s += $i } END { print s + 0 }' "$log")
  PASSED=$((PASSED + ${p:-0}))
  FAILED=$((FAILED + ${f:-0}))
  if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then FAILED=$((FAILED + 1)); echo "FAILED: $name exited with $rc"; fi
}

# Starts the demo API on a free port; sets DEMO_URL (waits for a slow first
# start and says why when it does not come up). Both starts below pass
# --test-aids: the browser and end-to-end tests read /__demo/requests and
# /__demo/served, which exist only with it (scripts/demo.sh never passes it).
start_demo() {
  local log="$LOG_DIR/demo-$RANDOM.log" pid
  ./target/debug/demo-api --port 0 "$@" >"$log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  DEMO_URL=$(wait_for_url "$log" "$pid") || { echo "demo-api did not start (see above)"; return 1; }
}

check "cargo fmt --check" cargo fmt --all -- --check
check "clippy (native) -D warnings" cargo clippy --workspace --all-targets --quiet -- -D warnings
check "clippy (wasm32) -D warnings" cargo clippy -p cu-cost-table --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings
suite "native tests (api, logic, demo-api contract)" cargo test --workspace

cargo build -q -p demo-api || { FAILED=$((FAILED + 1)); echo "FAILED: demo-api build"; }
if start_demo --test-aids --runs 1500 --now 2026-11-28T12:00:00Z; then
  export CU_DEMO_API="$DEMO_URL"
  echo "demo API for browser tests: $CU_DEMO_API"
  # wasm-bindgen-test-runner gives a whole test binary 20 s by default and
  # then reports its unfinished tests as not run; browser_table's real walks
  # (fault-slow answers after 2 s) take about that much on this 2-core
  # machine. Each test's own waits still bound it.
  export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
  for t in tests/*.rs; do
    name=$(basename "$t" .rs)
    # The architecture and locales tests read files natively (cargo test
    # above runs them).
    case "$name" in architecture | locales) continue ;; esac
    suite "browser tests: $name" wasm-pack test --headless --chrome --test "$name"
  done
else
  FAILED=$((FAILED + 1))
fi

# The standalone page and the package as users get them: the Trunk build and
# pkg/ (wasm-pack), served by the demo API.
if trunk build --release --offline >"$LOG_DIR/trunk.log" 2>&1 && bash scripts/build-pkg.sh >>"$LOG_DIR/trunk.log" 2>&1; then
  check "package size within the 288 KB ceiling (gzip)" node scripts/package-size.mjs pkg 288
  if start_demo --test-aids --runs 1500 --now 2026-11-28T12:00:00Z --dist dist --root .; then
    suite "end-to-end (headless Chromium)" node tests/e2e/run.mjs "$DEMO_URL"
    # The promises users meet (refresh timer, hostile servers, bad input),
    # through pkg/ on a test page; reads /__demo/* (this demo has --test-aids).
    suite "end-to-end: promises (timer, hostile servers, bad input)" node tests/e2e/promises.mjs "$DEMO_URL"
    suite "end-to-end: portals (a strict Content-Security-Policy)" node tests/e2e/portals.mjs "$DEMO_URL"
    suite "end-to-end: languages (German, plural rules, messages at mount, right to left)" node tests/e2e/languages.mjs "$DEMO_URL"
    suite "end-to-end: ledger (balance, runway, reconciliation, no ledger, huge month)" node tests/e2e/ledger.mjs "$DEMO_URL"
  else
    FAILED=$((FAILED + 1))
  fi
else
  cat "$LOG_DIR/trunk.log"; FAILED=$((FAILED + 1)); echo "FAILED: trunk or package build"
fi

# The side-by-side benchmark at a small size: proves it runs and prints its
# figures (no timing assertions; full figures are in BENCHMARKS.md).
check "benchmark smoke (bench/run.sh --smoke, 2,000 runs)" bash bench/run.sh --smoke

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
