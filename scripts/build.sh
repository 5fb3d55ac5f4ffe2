#!/usr/bin/env bash
# The release build every script shares (serve, test, bench, lighthouse, soak, container):
# `cargo leptos build --release --precompress` for the server, the wasm and the JS glue with
# brotli/gzip siblings, and, through --bin-cargo-args, every test and bench target of the
# workspace with the features the test step uses. One build, one feature set: a later
# `cargo test` (see scripts/test.sh) compiles nothing, and running the scripts in any order
# never rebuilds the release graph because one of them asked for other features.
# Assumes scripts/setup.sh has run. Extra arguments go to cargo-leptos.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Also read by scripts/test.sh for `cargo test`.
features=ssr,app/ssr,decision/toml
exec cargo leptos build --release --precompress \
  --bin-cargo-args=--workspace --bin-cargo-args=--all-targets \
  --bin-cargo-args=--features=$features "$@"
