#!/usr/bin/env bash
# Soak test (not part of CI): runs the release server on a free loopback port under wrk for a
# long while (DURATION, default 5m; 256 connections) against a mix of about 20 advisor URLs
# with different answers (pages, /compare, /sources, the JSON API, a short link and a preview
# card when the pages name them), all asking for brotli. Then prints a table: requests/s,
# latency percentiles, socket errors, non-2xx/3xx responses, and resident memory at start,
# at the end and at its peak, and whether the server stopped cleanly on SIGTERM.
# Builds nothing when target/release/orchestration-advisor exists.
# Usage: scripts/soak.sh [server flags...]
#   DURATION=30m CONNECTIONS=256 THREADS=2 scripts/soak.sh --page-cache-mb 16
#   BIN=target/x86_64-unknown-linux-musl/release/orchestration-advisor scripts/soak.sh
#     (the musl build from scripts/container.sh: its hash.txt is copied beside it)
# Exits non-zero when any request failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
duration=${DURATION:-5m}
connections=${CONNECTIONS:-256}
threads=${THREADS:-2}
bin=${BIN:-$root/target/release/orchestration-advisor}
site=${SITE_ROOT:-$root/target/site}

log() { printf '\033[1m[soak]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[soak] error:\033[0m %s\n' "$*" >&2; exit 1; }

if [ ! -x "$bin" ]; then
  [ -z "${BIN:-}" ] || die "BIN=$bin is not an executable"
  log "no release build yet: scripts/build.sh"
  "$root/scripts/setup.sh"
  "$root/scripts/build.sh" >&2
fi
if ! command -v wrk >/dev/null 2>&1; then
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  log "installing wrk"
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
# 256 client sockets plus as many on the server side, in one process each.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

tmp=$(mktemp -d)
pid=""
cleanup() {
  local rc=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
RUST_LOG=${RUST_LOG:-warn} "$bin" --addr "127.0.0.1:$port" --site-root "$site" "$@" >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs --max-time 1 "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/server.log" >&2; die "the server exited during start"; }
  sleep 0.1
done
curl -fs --max-time 2 "$base/healthz" >/dev/null || { cat "$tmp/server.log" >&2; die "no /healthz answer"; }

kib() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$pid/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
rss_start=$(kib VmRSS)

# The mix: ~20 distinct answer sets, so the page cache holds several entries and misses.
paths=()
for rate in 5 40 120 300 450 900 1500 3000 8000 25000 150000; do
  paths+=("/?duration=36h&rate=$rate")
done
paths+=(
  "/"
  "/?duration=90s&rate=2000&languages=python"
  "/?duration=14d&waits=human&audit=required"
  "/?duration=20m&fanout=thousands&payload=large&repeat_safe=some-exactly-once"
  "/?duration=hours&languages=java&languages=go&coordination=central&definition=visual"
  "/compare"
  "/compare?duration=36h&rate=450"
  "/sources"
  "/api/v1/recommendation?rate=450"
  "/api/v1/recommendation?duration=36h&rate=1500&waits=callbacks"
)
# A short link and a preview card, if the answered page names them (not required).
page=$(curl -fs "$base/?duration=36h&rate=450" || true)
for re in '/r/[A-Za-z0-9_-]+' '/og/[A-Za-z0-9._~%-]+\.png'; do
  p=$(grep -oE "$re" <<<"$page" | head -n 1 || true)
  if [ -n "$p" ]; then paths+=("$p"); fi
done

# Every URL must answer 2xx before the load starts, or the run would measure error pages.
log "checking ${#paths[@]} URLs"
for p in "${paths[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: br' "$base$p")
  [[ $code == 2* ]] || die "GET $p answered $code"
done

{
  echo 'local paths = {'
  for p in "${paths[@]}"; do printf '  "%s",\n' "$p"; done
  echo '}'
  cat <<'LUA'
-- Each wrk thread has its own Lua state; threads start at different places in the list.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7)
end
local i = 0
function init(args)
  i = offset or 0
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "br" })
end
LUA
} >"$tmp/mix.lua"

log "wrk -t$threads -c$connections -d$duration --latency over ${#paths[@]} URLs on $base (RSS at start $(mib "$rss_start"))"
wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency -s "$tmp/mix.lua" "$base" | tee "$tmp/wrk.txt" >&2

rss_end=$(kib VmRSS)
rss_peak=$(kib VmHWM)
out=$(cat "$tmp/wrk.txt")
requests=$(awk '/requests in/ {print $1}' <<<"$out")
rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
socket=$(sed -n 's/^ *Socket errors: *//p' <<<"$out")
non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")
socket_total=$(awk -F'[ ,]+' '{ s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i; print s }' <<<"${socket:-}")

kill "$pid"
status=0
wait "$pid" || status=$?
pid=""
stopped="clean (exit 0)"
[ "$status" = 0 ] || stopped="exit code $status"

printf '\n%-26s %s\n' "soak" "$duration, $connections connections, $threads threads, ${#paths[@]} URLs, Accept-Encoding: br"
printf '%-26s %s\n' \
  "requests" "${requests:-?}" \
  "requests/s" "${rps:-?}" \
  "latency p50" "${p50:-?}" \
  "latency p99" "${p99:-?}" \
  "socket errors" "${socket:-none}" \
  "non-2xx/3xx responses" "${non2xx:-0}" \
  "RSS at start" "$(mib "$rss_start")" \
  "RSS at end" "$(mib "$rss_end")" \
  "RSS peak (VmHWM)" "$(mib "$rss_peak")" \
  "shutdown on SIGTERM" "$stopped"
if [ "${socket_total:-0}" != 0 ] || [ "${non2xx:-0}" != 0 ] || [ "$stopped" != "clean (exit 0)" ]; then
  tail -n 20 "$tmp/server.log" >&2
  exit 1
fi
