#!/usr/bin/env bash
# Prints what a browser downloads for each front end: the WASM module and its JS glue,
# raw and gzip -9. Run after ./portal.sh has built build/wasm.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=build/wasm/web
printf '%-10s %10s %10s\n' bundle raw gzip
for bundle in beitai_core kiosk; do
  raw=0; gz=0
  for ext in js wasm; do
    f="$out/$bundle.$ext"
    [ -f "$f" ] || { echo "missing $f: build first (./portal.sh test)" >&2; exit 1; }
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9c "$f" | wc -c)))
  done
  printf '%-10s %10d %10d\n' "$bundle" "$raw" "$gz"
done
