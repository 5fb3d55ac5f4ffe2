#!/usr/bin/env bash
# Builds the container image orchestration-advisor:latest FROM scratch (see Containerfile): a
# static musl build of the server, cargo-leptos' hash.txt, the built site and the DejaVu fonts,
# staged in target/container/. Prints how long each step took and the image size.
# With --run it also starts the image (podman + runc, host network, read-only root, no
# capabilities) on a free loopback port, checks /healthz, /, the hashed JS and a preview card,
# then stops it with SIGTERM and expects a clean exit.
# Usage: scripts/container.sh [--run] [--rebuild-site] [--tag NAME:TAG]
#
# The site (wasm, JS) and the musl server must be built from the same sources: island and
# server-function names are hashed from them. target/site is reused when it is there (with a
# warning when sources are newer than it); --rebuild-site builds it again first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

name=orchestration-advisor            # cargo-leptos output name and binary name
musl_target=x86_64-unknown-linux-musl
tag="$name:latest"
run=false
rebuild_site=false
while (($#)); do
  case $1 in
    --run) run=true ;;
    --rebuild-site) rebuild_site=true ;;
    --tag) tag=${2:?--tag needs NAME:TAG}; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '\033[1m[container]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[container] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Each step is timed; the table is printed at the end, also when a step fails.
timings=()
current_step=""
now_ms() { date +%s%3N; }
step() { # label, function [args...]
  current_step=$1; shift
  printf '\n\033[1m== %s\033[0m\n' "$current_step" >&2
  local t0 dt
  t0=$(now_ms)
  "$@"
  dt=$(($(now_ms) - t0))
  timings+=("$(printf '%-44s %6d.%d s' "$current_step" $((dt / 1000)) $((dt % 1000 / 100)))")
  current_step=""
}

cid=""
tmp=$(mktemp -d)
cleanup() {
  local rc=$?
  rm -rf "$tmp"
  if [ -n "$cid" ]; then
    if [ "$rc" != 0 ]; then
      log "container logs (last 40 lines):"
      podman logs --tail 40 "$cid" >&2 2>&1 || true
    fi
    podman rm -f -t 2 "$cid" >/dev/null 2>&1 || true
  fi
  if ((${#timings[@]})); then
    printf '\n%-44s %8s\n' "step" "time" >&2
    printf '%s\n' "${timings[@]}" >&2
  fi
  [ -n "$current_step" ] && printf '\033[1;31mfailed during: %s\033[0m\n' "$current_step" >&2
  exit "$rc"
}
trap cleanup EXIT

site="$root/target/site"
hash_file="$root/target/release/hash.txt"
musl_dir="$root/target/$musl_target/release"
ctx="$root/target/container"

install_packages() {
  local missing=() p sudo_cmd=()
  for p in podman buildah runc musl-tools fonts-dejavu-core curl; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    log "podman, buildah, runc, musl-tools, fonts-dejavu-core and curl are installed"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get here: install them by hand"
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  log "installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

add_musl_target() {
  local installed
  installed=$(rustup target list --installed)
  if grep -qx "$musl_target" <<<"$installed"; then
    log "$musl_target target is installed"
  else
    rustup target add "$musl_target"
  fi
}

# js/wasm hashes from hash.txt ("js: <hash>" lines).
hash_of() { awk -v k="$1:" '$1 == k {print $2}' "$hash_file"; }

build_site() {
  if [ "$rebuild_site" = false ] && [ -d "$site/pkg" ] && [ -f "$hash_file" ]; then
    log "reusing the site in target/site (built $(date -r "$hash_file" '+%F %T'))"
    local newer=()
    mapfile -t newer < <(find app server style public Cargo.toml Cargo.lock -type f \
      -newer "$hash_file" -not -path '*/node_modules/*' 2>/dev/null | head -n 5)
    if ((${#newer[@]})); then
      log "WARNING: sources changed after the site was built, e.g. ${newer[*]}"
      log "WARNING: if the app changed, the wasm will not match the server: use --rebuild-site"
    fi
  else
    "$root/scripts/setup.sh"
    "$root/scripts/build.sh"
  fi
  local js wasm
  js=$(hash_of js); wasm=$(hash_of wasm)
  if [ -z "$js" ] || [ -z "$wasm" ]; then
    die "$hash_file has no js/wasm hashes; rebuild with --rebuild-site"
  fi
  if [ ! -f "$site/pkg/$name.$js.js" ] || [ ! -f "$site/pkg/$name.$wasm.wasm" ]; then
    die "target/site/pkg has no $name.$js.js / $name.$wasm.wasm named in hash.txt: the site and hash.txt disagree; use --rebuild-site"
  fi
  [ -f "$site/pkg/$name.$wasm.wasm.br" ] ||
    log "WARNING: no precompressed .br files in target/site/pkg (built without --precompress?)"
}

build_server() {
  # The same package, binary and features that cargo-leptos builds (bin-features = ["ssr"],
  # bin-default-features = false). LEPTOS_OUTPUT_NAME is read at compile time by leptos
  # (option_env!), as when cargo-leptos builds it.
  LEPTOS_OUTPUT_NAME=$name cargo build --release -p "$name" --bin "$name" \
    --no-default-features --features ssr --target "$musl_target"
  local bin="$musl_dir/$name"
  [ -x "$bin" ] || die "no binary at $bin"
  if command -v readelf >/dev/null 2>&1; then
    local elf
    elf=$(readelf -lW -dW "$bin")
    if grep -q -e 'program interpreter' -e '(NEEDED)' <<<"$elf"; then
      die "$bin is dynamically linked; a FROM scratch image needs a static binary"
    fi
    log "$bin is statically linked"
  fi
  # Leptos reads the asset hashes from hash.txt beside the running binary.
  cp "$hash_file" "$musl_dir/hash.txt"
}

stage_context() {
  local fonts=/usr/share/fonts/truetype/dejavu copyright=/usr/share/doc/fonts-dejavu-core/copyright f
  rm -rf "$ctx"
  mkdir -p "$ctx/fonts" "$ctx/doc" "$ctx/etc"
  cp "$musl_dir/$name" "$musl_dir/hash.txt" "$ctx/"
  cp -R "$site" "$ctx/site"
  for f in DejaVuSans.ttf DejaVuSans-Bold.ttf; do
    [ -f "$fonts/$f" ] || die "$fonts/$f is missing (apt-get install fonts-dejavu-core)"
    cp "$fonts/$f" "$ctx/fonts/"
  done
  if [ -f "$copyright" ]; then
    cp "$copyright" "$ctx/doc/copyright"
  else
    echo "DejaVu fonts: Bitstream Vera / Arev derived license, see https://dejavu-fonts.github.io/License.html" > "$ctx/doc/copyright"
  fi
  printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' \
    'advisor:x:10001:10001:Orchestration Advisor:/app:/sbin/nologin' > "$ctx/etc/passwd"
  printf '%s\n' 'root:x:0:' 'advisor:x:10001:' > "$ctx/etc/group"
  # Readable by the unprivileged user whatever the umask was; writable by nobody but root.
  chmod -R u+rwX,go+rX,go-w "$ctx"
  chmod 0755 "$ctx/$name"
  log "context: $(du -sh "$ctx" | cut -f1) in ${ctx#"$root"/}"
}

# podman in this kind of sandbox: runc (crun fails on setrlimit/cgroups), no default ulimits,
# cgroupfs instead of systemd. An existing CONTAINERS_CONF is respected.
containers_conf() {
  if [ -z "${CONTAINERS_CONF:-}" ]; then
    mkdir -p "$root/target/container-conf"
    cat > "$root/target/container-conf/containers.conf" <<'EOF'
[containers]
default_ulimits = []

[engine]
cgroup_manager = "cgroupfs"
EOF
    export CONTAINERS_CONF="$root/target/container-conf/containers.conf"
  fi
  log "CONTAINERS_CONF=$CONTAINERS_CONF"
}

build_image() {
  local rev
  rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$root" diff --quiet HEAD 2>/dev/null || rev="$rev-dirty"
  podman build -f "$root/Containerfile" -t "$tag" --build-arg REVISION="$rev" "$ctx"
}

image_size() {
  local bytes
  bytes=$(podman image inspect --format '{{.Size}}' "$tag")
  printf 'image %s: %s bytes (%s MiB)\n' "$tag" "$bytes" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')"
}

smoke_test() {
  local port base body js og ctype magic code logs
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  # Not --rm: if the server dies at start, its logs must still be there to print.
  # --read-only and --cap-drop=all mirror the Kubernetes securityContext in deploy/.
  cid=$(podman --runtime runc run -d --network host --read-only --cap-drop=all \
    --security-opt=no-new-privileges --name "$name-smoke-$$" \
    -e LEPTOS_SITE_ADDR="127.0.0.1:$port" "$tag")
  log "container ${cid:0:12} on $base"
  for _ in $(seq 1 100); do
    if curl -fs --max-time 1 "$base/healthz" >/dev/null 2>&1; then break; fi
    [ "$(podman inspect -f '{{.State.Running}}' "$cid")" = true ] || die "the container exited during start"
    sleep 0.1
  done
  body=$(curl -fsS --max-time 5 "$base/healthz") || die "/healthz did not answer within 10 s"
  [ "$body" = ok ] || die "/healthz answered '$body', not 'ok'"
  log "GET /healthz: ok"

  body=$(curl -fsS --max-time 10 "$base/") || die "GET / failed"
  js=$(hash_of js)
  grep -q "$name\.$js\.js" <<<"$body" ||
    die "the page does not reference $name.$js.js: the server did not pick up hash.txt beside its binary"
  log "GET /: $(wc -c <<<"$body") bytes, references the hashed $name.$js.js"

  code=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -H 'Accept-Encoding: br' \
    -D "$tmp/js-headers" "$base/pkg/$name.$js.js")
  [ "${code%% *}" = 200 ] || die "GET /pkg/$name.$js.js answered ${code%% *}"
  if grep -qi '^content-encoding: *br' "$tmp/js-headers"; then
    log "GET /pkg/$name.$js.js (br): 200, brotli"
  else
    log "WARNING: /pkg/$name.$js.js came without Content-Encoding: br"
  fi

  body=$(curl -fsS --max-time 10 "$base/?duration=36h&rate=450") || die "GET /?duration=36h&rate=450 failed"
  og=$(grep -o '/og/[A-Za-z0-9._~%-]*\.png' <<<"$body" | head -n 1 || true)
  if [ -z "$og" ]; then
    log "WARNING: no /og/<code>.png preview link in the answered page; preview card not checked"
  else
    ctype=$(curl -fsS --max-time 20 -o "$tmp/og.png" -w '%{content_type}' "$base$og") || die "GET $og failed"
    magic=$(head -c 8 "$tmp/og.png" | od -An -tx1 | tr -d ' \n')
    if [ "$magic" != 89504e470d0a1a0a ] || [[ $ctype != image/png* ]]; then
      die "GET $og is not a PNG ($ctype)"
    fi
    logs=$(podman logs "$cid" 2>&1)
    if grep -q 'no system fonts found' <<<"$logs"; then
      die "the server found no fonts: preview cards have no text (check /usr/share/fonts in the image)"
    fi
    log "GET $og: PNG, $(wc -c <"$tmp/og.png") bytes, fonts found"
  fi

  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/metrics")
  log "GET /metrics: $code"
  logs=$(podman logs "$cid" 2>&1)
  if [[ $logs == "{"* ]]; then
    log "logs are JSON lines"
  else
    log "WARNING: the first log line is not JSON (ADVISOR_LOG_FORMAT=json in the image?)"
  fi
}

stop_container() {
  local rc
  podman stop -t 10 "$cid" >/dev/null
  rc=$(podman inspect -f '{{.State.ExitCode}}' "$cid")
  podman rm "$cid" >/dev/null
  cid=""
  [ "$rc" = 0 ] || die "the server exited with $rc on SIGTERM (expected a clean drain and 0)"
  log "stopped on SIGTERM, exit code 0"
}

step "install packages" install_packages
step "rustup target $musl_target" add_musl_target
step "site (wasm, JS, precompressed)" build_site
step "server ($musl_target)" build_server
step "stage target/container" stage_context
containers_conf
step "podman build $tag" build_image
step "image size" image_size
if [ "$run" = true ]; then
  step "run and probe" smoke_test
  step "stop (SIGTERM)" stop_container
fi
log "done: $tag"
