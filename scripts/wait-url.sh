# Sourced by scripts/test.sh and bench/run.sh (bash).
# wait_for_url LOG PID [SECONDS]: waits until the demo API started as PID has
# written its address to LOG and accepts connections there; prints the
# address. Safe under `set -euo pipefail` (a grep that finds nothing yet is
# not an error), survives a slow first start (default 120 s), and says why
# it gave up: the process exited (with its log) or the time ran out.
wait_for_url() {
  local log="$1" pid="$2" limit="${3:-120}" url="" hostport start
  start=$(date +%s)
  while :; do
    url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$log" 2>/dev/null | head -n1 || true)
    if [ -n "$url" ]; then
      hostport="${url#http://}"
      # The address is printed once the socket listens; check it anyway.
      if (exec 3<>"/dev/tcp/${hostport%%:*}/${hostport##*:}") 2>/dev/null; then
        printf '%s\n' "$url"
        return 0
      fi
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "wait_for_url: the server (pid $pid) exited before it listened; its log:" >&2
      cat "$log" >&2 || true
      return 1
    fi
    if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
      echo "wait_for_url: no address in $log after ${limit}s; its log:" >&2
      cat "$log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}
