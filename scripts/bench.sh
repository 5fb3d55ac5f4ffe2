#!/usr/bin/env bash
# Measures, in one run: SSR throughput and latency of `/` against a static file of the same
# size served by the same server (wrk on loopback), the raw and brotli sizes of the wasm, the
# JS glue and the CSS, and the engine's criterion benchmarks.
# Usage: scripts/bench.sh [--no-criterion]   (DURATION=10s CONNECTIONS=50 to change the load)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
duration=${DURATION:-10s}
connections=${CONNECTIONS:-50}

cargo leptos build --release >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
site="$root/target/site"
bin="$root/target/release/orchestration-advisor"
RUST_LOG=warn "$bin" --addr "127.0.0.1:$port" --site-root "$site" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$site/bench-static.html"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
page_bytes=$(curl -fs "$base/" | wc -c)
python3 -c 'import sys,random; n=int(sys.argv[1]); random.seed(1); sys.stdout.write("".join(random.choice("abcdefghij <>/=\"\n") for _ in range(n)))' "$page_bytes" > "$site/bench-static.html"

run() { # label url
  local out rps p50 p99
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-34s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$rps" "$p50" "$p99"
  echo "$rps" > "/tmp/bench-rps-$$-$3"
}
echo "== load: wrk -t2 -c$connections -d$duration, loopback, sharing the machine's cores"
echo "page size: $page_bytes bytes"
run "GET / (server-rendered)" "$base/" page
run "GET /bench-static.html (same size)" "$base/bench-static.html" static
run "GET /?answers (9 answered)" "$base/?duration=days&waits=human&repeat_safe=some-exactly-once&audit=required&services=few&languages=java&coordination=central&rate=100-2000&definition=visual" answered
awk -v a="$(cat /tmp/bench-rps-$$-page)" -v b="$(cat /tmp/bench-rps-$$-static)" 'BEGIN { printf "SSR / static throughput ratio: %.2f\n", a/b }'
rm -f /tmp/bench-rps-$$-*

echo
echo "== sizes (raw / brotli -q 11)"
size() { printf '%-24s %9s B raw %9s B brotli\n' "$1" "$(wc -c <"$2")" "$(brotli -c -q 11 "$2" | wc -c)"; }
size "wasm" "$site/pkg/orchestration-advisor.wasm"
size "JS glue" "$site/pkg/orchestration-advisor.js"
css=$(mktemp); curl -fs "$base$(curl -fs "$base/" | grep -o -m1 '/assets/app-[0-9a-f]*\.css')" > "$css"
size "CSS" "$css"
html=$(mktemp); curl -fs "$base/" > "$html"; size "HTML of /" "$html"
rm -f "$css" "$html"

if [ "${1:-}" != "--no-criterion" ]; then
  echo
  echo "== engine (criterion)"
  cargo bench -p app --features ssr --bench engine -- --noplot 2>/dev/null | grep -E "^(parse|evaluate)|time:"
fi
