#!/usr/bin/env bash
# Installs every tool the build and the tests need, and skips what is already there.
# Safe to run again; each step checks for the exact version it needs first.
set -euo pipefail

CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11's lock needs rustc 1.96; 0.3.10 builds on 1.95
WASM_BINDGEN_VERSION=0.2.130  # must equal the wasm-bindgen version in Cargo.lock
LEPTOSFMT_VERSION=0.1.33

root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

have_version() { # command, expected version substring
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

apt_needed=()
command -v chromium >/dev/null 2>&1 || apt_needed+=(chromium)
command -v wrk >/dev/null 2>&1 || apt_needed+=(wrk)
command -v brotli >/dev/null 2>&1 || apt_needed+=(brotli)
command -v curl >/dev/null 2>&1 || apt_needed+=(curl)
# test.sh and lighthouse.sh pick free ports with it.
command -v python3 >/dev/null 2>&1 || apt_needed+=(python3)
# The preview cards are drawn with DejaVu Sans; without it a card has no text.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_needed+=(fonts-dejavu-core)
if ((${#apt_needed[@]})); then
  log "installing Debian packages: ${apt_needed[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${apt_needed[@]}" >/dev/null
fi

if [ ! -x "$root/end2end/node_modules/.bin/playwright" ] || [ "$root/end2end/package-lock.json" -nt "$root/end2end/node_modules/.package-lock.json" ]; then
  log "installing npm packages for end2end (Playwright without its browser download, axe-core, binaryen's wasm-opt)"
  (cd "$root/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

# The three cargo installs are CPU-bound; run them one after another so each gets both cores.
# They are build tools, not the product: compiled at opt-level 1 without LTO they build in
# about half the time (cargo-leptos: 6 instead of 12 minutes on 2 cores) and run as fast as
# the build needs.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false
if ! have_version leptosfmt "$LEPTOSFMT_VERSION"; then
  log "installing leptosfmt $LEPTOSFMT_VERSION"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --quiet
fi
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --quiet
fi
if ! have_version cargo-leptos "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 6 minutes on 2 cores, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --force --quiet
fi
log "tools ready"
