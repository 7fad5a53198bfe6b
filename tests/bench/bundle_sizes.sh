#!/usr/bin/env bash
# Prints what a browser downloads for each front end: the WASM module and its JS glue, raw,
# gzip -9, and as the server sends them to a browser that accepts brotli (the build's
# precompressed copies in build/wasm/assets, assets/web/fingerprint_assets.py). Run after
# ./portal.sh has built build/wasm. A whole page's weight: node tests/bench/page_weight.mjs.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=build/wasm/web
manifest=build/wasm/assets/manifest.json
[ -f "$manifest" ] || { echo "missing $manifest: build first (./portal.sh test)" >&2; exit 1; }
printf '%-10s %10s %10s %10s\n' bundle raw gzip brotli
for bundle in beitai_core kiosk; do
  raw=0; gz=0; br=0
  for ext in js wasm; do
    f="$out/$bundle.$ext"
    [ -f "$f" ] || { echo "missing $f: build first (./portal.sh test)" >&2; exit 1; }
    hashed=$(sed -n "s|^ *\"/wasm/$bundle\.$ext\": \"/wasm/\(.*\)\",\{0,1\}$|\1|p" "$manifest")
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9c "$f" | wc -c)))
    br=$((br + $(stat -c %s "build/wasm/assets/wasm/$hashed.br")))
  done
  printf '%-10s %10d %10d %10d\n' "$bundle" "$raw" "$gz" "$br"
done
