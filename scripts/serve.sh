#!/usr/bin/env bash
# Builds the release site (server binary, wasm, JS glue) and serves it on 127.0.0.1:3000.
# Flags after the script name go to the server, e.g. `scripts/serve.sh --addr 127.0.0.1:8080`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
"$root/scripts/build.sh"
# The site root as an environment default (not a flag), so a `--site-root` given here wins.
LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$root/target/site}" exec "$root/target/release/orchestration-advisor" "$@"
