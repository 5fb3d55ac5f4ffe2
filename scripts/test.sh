#!/usr/bin/env bash
# Runs every test: formatting, lints for both feature sets, unit/integration/property tests,
# the release build, and the browser tests (each spec with JavaScript on and off). Prints how
# long each step took, also when one fails.
#
# One release build serves everything: `cargo leptos build --release` compiles the server and
# the wasm, and the Rust tests run in the same release profile afterwards, so the dependency
# graph is compiled once for the host (plus clippy's check pass and the wasm target).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

timings=()
current=""
t_all=$(date +%s)
step_start=$t_all
finish_step() {
  [ -n "$current" ] || return 0
  local dt=$(($(date +%s) - step_start))
  timings+=("$(printf '  %-62s %4d:%02d' "$current" $((dt / 60)) $((dt % 60)))")
  current=""
}
step() {
  finish_step
  current=$*
  step_start=$(date +%s)
  printf '\n\033[1m== %s\033[0m\n' "$current"
}
report() {
  local rc=$?
  finish_step
  local dt=$(($(date +%s) - t_all))
  printf '\n\033[1m== time per step\033[0m\n'
  printf '%s\n' "${timings[@]}"
  printf '  %-62s %4d:%02d\n' "total" $((dt / 60)) $((dt % 60))
  if [ "$rc" = 0 ]; then printf '\033[1mall tests passed\033[0m\n'; else printf '\033[1;31mfailed (exit %s)\033[0m\n' "$rc"; fi
}
trap report EXIT

step "setup (tools, browser, npm packages)"
"$root/scripts/setup.sh"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step "format (rustfmt, leptosfmt)"
cargo fmt --all -- --check
leptosfmt --check app/src >/dev/null

step "clippy, server side (ssr)"
cargo clippy -p decision -p app -p orchestration-advisor --all-targets \
  --features app/ssr,decision/toml -- -D warnings
step "clippy, browser side (hydrate, wasm32)"
cargo clippy -p app --lib --no-default-features --features hydrate \
  --target wasm32-unknown-unknown -- -D warnings

# scripts/build.sh also compiles every test and bench target with the features and the
# environment of the test step below (cargo-leptos sets LEPTOS_OUTPUT_NAME, which leptos reads
# at compile time), so that step compiles nothing. Without it, dev-dependencies change features
# of shared crates (syn, serde, rand...) and the release graph was compiled twice.
step "release build (server, wasm, tests, precompressed assets)"
"$root/scripts/build.sh"

step "unit, integration and property tests (release profile)"
LEPTOS_OUTPUT_NAME=orchestration-advisor cargo test --release --workspace --all-targets \
  --no-default-features --features "$(sed -n 's/^features=//p' "$root/scripts/build.sh")"

step "browser tests (Playwright, Chromium, JavaScript on and off)"
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
