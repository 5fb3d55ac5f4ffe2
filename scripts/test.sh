#!/usr/bin/env bash
# Runs every test: formatting, lints for both feature sets, unit/integration/property tests,
# the release build, and the browser tests (each spec with JavaScript on and off).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
start=$(date +%s)
step() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$*" "$(( $(date +%s) - start ))"; }

step "setup"
"$root/scripts/setup.sh"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

step "format"
cargo fmt --all -- --check
leptosfmt --check app/src

step "clippy (ssr)"
cargo clippy -p app -p orchestration-advisor --all-targets --features ssr -- -D warnings
step "clippy (hydrate)"
cargo clippy -p app --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

step "unit, integration and property tests"
cargo test --workspace --all-targets

step "release build"
cargo leptos build --release

step "browser tests"
# Three free ports: the server under test, a second server with a strict embed allowlist, and
# the stand-in wiki that frames them. Asked for together so they cannot collide.
read -r port strict_port host_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')
export E2E_PORT=$port E2E_STRICT_PORT=$strict_port E2E_HOST_PORT=$host_port
export E2E_SERVER="$root/target/release/orchestration-advisor"
export E2E_SITE_ROOT="$root/target/site"
(cd end2end && npx playwright test)

step "all tests passed"
