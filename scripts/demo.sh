#!/usr/bin/env bash
# Builds the page and the package, then serves the demo at http://127.0.0.1:8080
# (the demo API, the standalone page, pkg/ and examples/ on one origin).
# Extra arguments go to demo-api (e.g. --runs 100000 --latency-ms 50).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
echo "[demo] building the page (trunk, release)…" >&2
trunk build --release --offline
echo "[demo] building the embeddable package (wasm-pack → pkg/)…" >&2
bash scripts/build-pkg.sh
cargo build --release -p demo-api
# The port: `--port N` (or `--port=N`) among the arguments, else $PORT, else 8080.
port="${PORT:-8080}"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--port" ] && [ $((i + 1)) -lt ${#args[@]} ]; then port="${args[$((i + 1))]}"; fi
  case "${args[$i]}" in --port=*) port="${args[$i]#--port=}" ;; esac
done
if [ "$port" = 0 ]; then
  # Any free port: only the demo API knows which; it prints its address next.
  echo "[demo] serving the demo on a free port: open the address on the next line (Ctrl+C to stop)" >&2
else
  echo "[demo] serving the demo: open http://127.0.0.1:${port}/ (Ctrl+C to stop)" >&2
fi
# `--port` among the arguments is passed on as given; else the port above.
port_args=(--port "$port")
for a in "$@"; do case "$a" in --port | --port=*) port_args=() ;; esac; done
exec "${CARGO_TARGET_DIR:-target}/release/demo-api" "${port_args[@]}" --dist dist --root . "$@"
