#!/usr/bin/env bash
# The list benchmark natively and as WASM under node, side by side, with the ratio per
# workload. Builds the two benchmark targets first (./portal.sh test has set up the trees).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NODE_PATH=/usr/share/nodejs
cmake --build build/native -j"$(nproc)" --target tracker_list_bench >/dev/null
cmake --build build/wasm -j"$(nproc)" --target tracker_list_bench >/dev/null
native=$(build/native/tests/bench/tracker_list_bench)
wasm=$(node build/wasm/tests/bench/tracker_list_bench.js)
echo "$native"
echo "$wasm"
echo
printf '%-20s %10s %10s %8s\n' workload native_ms wasm_ms ratio
paste <(echo "$native" | awk 'NR>1 {print $1, $2}') <(echo "$wasm" | awk 'NR>1 {print $2}') |
  awk '{ printf "%-20s %10.2f %10.2f %7.2fx\n", $1, $2, $3, $3 / $2 }'
