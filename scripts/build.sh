#!/usr/bin/env bash
# The release build every script shares (serve, test, bench, lighthouse, soak, container):
# `cargo leptos build --release --precompress` for the server, the wasm and the JS glue with
# brotli/gzip siblings, and, through --bin-cargo-args, every test and bench target of the
# workspace with the features the test step uses. One build, one feature set: a later
# `cargo test` (see scripts/test.sh) compiles nothing, and running the scripts in any order
# never rebuilds the release graph because one of them asked for other features.
#
# cargo-leptos builds the wasm first and the server after it, and much of the wasm build runs
# on one core (web-sys, the bundle's single-unit LTO, wasm-bindgen, wasm-opt). The server side
# needs nothing from it, so the same server build is started alongside; when cargo-leptos gets
# to the server, it finds it built (or waits for cargo's lock and then finds it built).
# Assumes scripts/setup.sh has run. Extra arguments go to cargo-leptos.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Also read by scripts/test.sh for `cargo test`.
features=ssr,app/ssr,decision/toml

# The environment cargo-leptos gives the server build that the crates read while compiling
# (leptos reads the output name); anything else would make cargo-leptos compile it again.
(
  set -o pipefail
  LEPTOS_OUTPUT_NAME=orchestration-advisor cargo build --release --workspace --all-targets \
    --no-default-features --features "$features" 2>&1 | sed -u 's/^/[server] /'
) &
server=$!
# If cargo-leptos fails, stop the server build too (set -e applies inside the trap as well).
trap 'pkill -P "$server" 2>/dev/null || true; kill "$server" 2>/dev/null || true' EXIT

cargo leptos build --release --precompress \
  --bin-cargo-args=--workspace --bin-cargo-args=--all-targets \
  --bin-cargo-args=--features=$features "$@"
wait "$server"
trap - EXIT
