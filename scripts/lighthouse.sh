#!/usr/bin/env bash
# Lighthouse 12 (mobile profile: simulated slow 4G and a 4x slower CPU) against the release
# build on loopback, for `/`, `/compare` and `/embed` by default, and prints the four category
# scores per page with the metrics behind performance. The JSON reports stay in
# target/lighthouse/. Not part of the test command: scores move with machine load.
# Usage: scripts/lighthouse.sh [path ...]    e.g. scripts/lighthouse.sh "/?duration=days"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Lighthouse 13 needs Node 22; 12.2.3 runs on Node 20. Kept out of end2end's packages so the
# test command does not install it.
tools="$root/target/lighthouse/tool"
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private":true}' >"$tools/package.json"
  (cd "$tools" && npm i -E --no-audit --no-fund --loglevel=error lighthouse@12.2.3)
fi

"$root/scripts/build.sh" >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RUST_LOG=warn "$root/target/release/orchestration-advisor" --addr "127.0.0.1:$port" \
  --site-root "$root/target/site" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/ /compare /embed)
out="$root/target/lighthouse"
printf '%-28s %5s %5s %5s %5s   %s\n' "page" "perf" "a11y" "best" "seo" "FCP / LCP / TBT / CLS / bytes"
for p in "${paths[@]}"; do
  name=$(tr -c 'A-Za-z0-9' '_' <<<"$p" | cut -c1-40)
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$p" \
    --quiet --output=json --output-path="$out/$name.json" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    >/dev/null 2>&1 || { echo "lighthouse failed on $p" >&2; continue; }
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    const a = (k) => r.audits[k].displayValue;
    const bytes = Math.round(r.audits["total-byte-weight"].numericValue / 1000) + " KB";
    console.log(process.argv[2].padEnd(28), String(s("performance")).padStart(5), String(s("accessibility")).padStart(5),
      String(s("best-practices")).padStart(5), String(s("seo")).padStart(5), "  ",
      [a("first-contentful-paint"), a("largest-contentful-paint"), a("total-blocking-time"), a("cumulative-layout-shift"), bytes].join(" / "));
    for (const [k, c] of Object.entries(r.categories))
      for (const ref of c.auditRefs) {
        const au = r.audits[ref.id];
        if (ref.weight > 0 && au.score !== null && au.score < 1 && k !== "performance")
          console.log("    " + k + ": " + au.id + " — " + au.title);
      }
  ' "$out/$name.json" "$p"
done
echo "reports: $out/*.json"
