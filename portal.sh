#!/usr/bin/env bash
# The README's two commands:
#   ./portal.sh serve [--port N]   install what is missing, build, serve on 127.0.0.1:8080 (or N, or $PORT)
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
  libcurl4-openssl-dev            # feeds (native)
  libpugixml-dev                  # XML of the TDX parking feeds (native; WASM compiles the source package)
  chromium                        # browser tests (driven by playwright-core)
  fonts-noto-cjk                  # Traditional Chinese in the kiosk and the test browser
  python3-fonttools               # subsets the kiosk font at build time
  wrk nginx-light                 # benchmarks (tests/bench)
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

install_npm_packages() {
  # npm ci from the lock file; skipped while node_modules matches it.
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    return 0
  fi
  log "installing npm packages (leaflet, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
}

setup() {
  install_debian_packages
  mkdir -p "$BUILD/deps"
  fetch_imgui_sources
  fetch_pugixml_sources
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

# Each libFuzzer target (name:max_len) runs FUZZ_SECONDS (default 15; 0 skips) on its working
# corpus, build/fuzz/work/<target>/corpus: the repository's seeds are copied in (the fuzzer
# never writes to tests/fuzz), what it finds stays there for the next run, and the
# regression inputs are read alongside. $JOBS targets at a time. Prints one line per target;
# for a crash, leak or timeout, where the input is and how to reproduce it. Sets
# fuzz_passed and fuzz_failed.
FUZZ_TARGETS=(fuzz_tdx_json:4096 fuzz_tdx_xml:4096 fuzz_parking_api:8192 fuzz_feeds_config:2048 fuzz_api_json:8192)
run_fuzzers() {
  local secs="${FUZZ_SECONDS:-15}" work="$BUILD/fuzz/work" logs="$1"
  fuzz_passed=0 fuzz_failed=0
  local spec t len running=0
  for spec in "${FUZZ_TARGETS[@]}"; do
    t=${spec%%:*} len=${spec##*:}
    mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
    cp tests/fuzz/corpus/"$t"/* "$work/$t/corpus/"
    touch "$work/$t/started"
    local dirs=("$work/$t/corpus")  # the first is where libFuzzer writes; it stops at a missing one
    [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
    "$BUILD/fuzz/$t" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 -max_len="$len" \
      -dict="tests/fuzz/dict/$t.dict" -artifact_prefix="$work/$t/artifacts/" -print_final_stats=1 \
      "${dirs[@]}" > "$logs/fuzz-$t.log" 2>&1 &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
  done
  wait || true
  for spec in "${FUZZ_TARGETS[@]}"; do
    t=${spec%%:*}
    local log="$logs/fuzz-$t.log" found stats
    found=$(find "$work/$t/artifacts" -newer "$work/$t/started" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | head -n1)
    stats=$(sed -n 's/^#\([0-9]*\)\s*DONE\s*cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\)\/.* exec\/s: \([0-9]*\).*/\1 runs, \5 exec\/s, cov \2, ft \3, corpus \4/p' "$log" | tail -n1)
    if [ -z "$found" ] && grep -q '^Done [0-9]* runs' "$log"; then
      fuzz_passed=$((fuzz_passed + 1))
      echo "  $t: ok ($stats)"
    else
      fuzz_failed=$((fuzz_failed + 1))
      echo "  $t: FAILED (log: $log)"
      { sed -n '/fuzz invariant violated\|runtime error\|ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|ERROR: libFuzzer/,+6p' "$log" | head -n 14
        grep '^SUMMARY' "$log" | head -n 1; } | sed 's/^/    /'
      if [ -n "$found" ]; then
        echo "    input: $found"
        echo "    reproduce: $BUILD/fuzz/$t $found   (or, without clang: $BUILD/native/tests/fuzz/replay_$t $found)"
        echo "    then keep it as a regression test: cp $found tests/fuzz/regressions/$t/<what-it-is> (tests/fuzz/README.md)"
      else
        tail -n 3 "$log" | sed 's/^/    /'
      fi
    fi
  done
}

# "[doctest] test cases: 37 | 37 passed | 0 failed | 0 skipped" → "37 37 0"
doctest_counts() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | sed -n 's/.*test cases: *\([0-9]*\) | *\([0-9]*\) passed | *\([0-9]*\) failed.*/\1 \2 \3/p' | tail -n1
}

run_tests() {
  local logs="$BUILD/test-logs"
  mkdir -p "$logs"
  local failed=0 passed=0 fail=0

  log "core tests, native (ctest)"
  if (cd "$BUILD/native" && ctest --output-on-failure -V -LE fuzz) > "$logs/core-native.log" 2>&1; then :; else failed=1; fi
  tail -n 4 "$logs/core-native.log"
  log "core tests, WASM under node"
  if node "$BUILD/wasm/tests/core/core_tests.js" > "$logs/core-wasm.log" 2>&1; then :; else failed=1; fi
  sed 's/\x1b\[[0-9;]*m//g' "$logs/core-wasm.log" | tail -n 3

  local native wasm
  native=$(doctest_counts "$logs/core-native.log")
  wasm=$(doctest_counts "$logs/core-wasm.log")
  if [ -z "$native" ] || [ -z "$wasm" ]; then
    echo "portal.sh: could not read the core test counts (native: '$native', wasm: '$wasm')" >&2
    failed=1
  elif [ "${native%% *}" != "${wasm%% *}" ]; then
    echo "portal.sh: the native and WASM core tests ran different numbers of cases: native ${native%% *}, WASM ${wasm%% *}" >&2
    failed=1
  else
    echo "core test cases: native ${native%% *}, WASM ${wasm%% *} (the same)"
  fi
  for counts in "$native" "$wasm"; do
    set -- $counts
    passed=$((passed + ${2:-0})); fail=$((fail + ${3:-0}))
  done

  log "fuzz corpora replayed, native (ctest -L fuzz)"
  if (cd "$BUILD/native" && ctest --output-on-failure -L fuzz) > "$logs/fuzz-replay.log" 2>&1; then :; else failed=1; fi
  grep -E 'Test +#|replay: FAILED|invariant violated' "$logs/fuzz-replay.log" | head -n 30 || true
  local replay
  replay=$(sed -n 's/.* \([0-9]*\) tests failed out of \([0-9]*\)$/\1 \2/p' "$logs/fuzz-replay.log" | tail -n1)
  if [ -z "$replay" ]; then
    echo "portal.sh: could not read the fuzz replay's count" >&2
    failed=1
  else
    set -- $replay
    echo "fuzz corpus replay: $2 targets, $(($2 - $1)) passed, $1 failed"
    passed=$((passed + $2 - $1)); fail=$((fail + $1))
  fi

  if [ "${FUZZ_SECONDS:-15}" = 0 ]; then
    echo "fuzzing skipped (FUZZ_SECONDS=0)"
  else
    log "fuzzing (libFuzzer, ${FUZZ_SECONDS:-15} s per target, $JOBS at a time)"
    run_fuzzers "$logs"
    echo "fuzzing: ${#FUZZ_TARGETS[@]} targets, $fuzz_passed passed, $fuzz_failed failed"
    passed=$((passed + fuzz_passed)); fail=$((fail + fuzz_failed))
  fi

  log "site and browser tests (node --test)"
  if BEITAI_ROOT="$ROOT" node --test --test-reporter=spec tests/site/ tests/web/ > "$logs/node.log" 2>&1; then :; else failed=1; fi
  grep -E '^(✔|✖|ℹ)|not ok|Error' "$logs/node.log" | tail -n 60 || true
  local node_pass node_fail
  node_pass=$(sed -n 's/^ℹ pass \([0-9]*\)/\1/p' "$logs/node.log" | tail -n1)
  node_fail=$(sed -n 's/^ℹ fail \([0-9]*\)/\1/p' "$logs/node.log" | tail -n1)
  [ -n "$node_pass" ] || { echo "portal.sh: node's test runner reported nothing" >&2; failed=1; }
  passed=$((passed + ${node_pass:-0})); fail=$((fail + ${node_fail:-0}))

  echo "logs: $logs; screenshots: $BUILD/screenshots"
  echo "$passed passed, $fail failed"
  [ "$failed" = 0 ] && [ "$fail" = 0 ]
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  serve)
    setup
    build_native
    build_wasm
    log "serving (Ctrl-C stops)"
    exec "$BUILD/native/site/beitai" serve "$@"
    ;;
  test)
    setup
    build_native
    build_wasm
    build_fuzz
    start_postgres
    run_tests
    ;;
  *)
    echo "usage: ./portal.sh serve [--port N] | ./portal.sh test" >&2
    exit 2
    ;;
esac
