#!/usr/bin/python3
"""Writes the browser's files under names that carry their content's hash, compressed ahead.

A file whose name changes whenever its bytes do can be kept by browsers for a year without
asking again (Cache-Control: immutable), and compressing it once at build time lets us use
brotli's slowest, smallest setting, which would be too slow to do per request. For every
file a --mount's patterns select, this writes into --out, laid out by URL:

    /static/css/portal.css → OUT/static/css/portal.3f9a1c2e.css      the bytes
                             OUT/static/css/portal.3f9a1c2e.css.br   brotli, quality 11
                             OUT/static/css/portal.3f9a1c2e.css.gz   gzip -9

(the compressed copies only when they save at least a tenth), and OUT/manifest.json, mapping
each logical URL to its hashed one: {"/static/css/portal.css": "/static/css/portal.3f9a1c2e.css"}.
The server (site/http/asset_manifest.h) loads the manifest at start, serves the hashed URLs
with their precompressed copies, and puts them in the pages it renders; the logical URLs keep
working, revalidated each time, for anything outside that still names them.

Emscripten's loader (X.js) fetches its module (X.wasm) by name: its hashed copy is given the
hashed name of the module it belongs with, so each loader always fetches the very module it
was built with. A loader that does not name its module stops the build (a new emcc writing
the name differently must not quietly bring back the unhashed, uncached module).

Files of a previous run that this run did not write are removed. Compressing is skipped for
a hashed name already written with its copies: the name says the bytes are the same.

usage: fingerprint_assets.py --out DIR --mount URL_PREFIX SOURCE_DIR PATTERN... [--mount ...]
"""
import argparse
import glob
import gzip
import hashlib
import json
import os
import sys

import brotli  # Debian: python3-brotli

HASH_LENGTH = 8  # hex digits of SHA-256 in a name: 32 bits, ample for versions of one file
COMPRESSIBLE = {".js", ".css", ".wasm", ".json", ".svg", ".otf", ".ttf", ".txt", ".map"}
WORTH_IT = 0.9  # a compressed copy is written only when it is at most this part of the bytes


def hashed_name(rel, digest):
    """css/portal.css → css/portal.3f9a1c2e.css (the hash before the last suffix)."""
    head, ext = os.path.splitext(rel)
    return f"{head}.{digest[:HASH_LENGTH]}{ext}"


def loader_module(rel, files):
    """The .wasm a loader X.js of the same folder fetches, or None."""
    head, ext = os.path.splitext(rel)
    return head + ".wasm" if ext == ".js" and head + ".wasm" in files else None


def write_if_changed(path, data):
    if os.path.exists(path) and os.path.getsize(path) == len(data):
        with open(path, "rb") as f:
            if f.read() == data:
                return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def compressed_copies(path, data, ext, written):
    """Writes PATH.br and PATH.gz beside PATH when compressing is worth it (PATH.skip marks
    a file found not worth it, so that a later run does not try again)."""
    if ext not in COMPRESSIBLE:
        return
    marks = [path + s for s in (".br", ".gz", ".skip")]
    if any(os.path.exists(m) for m in marks):
        # A hashed name an earlier run has compressed already: the same bytes.
        written.update(m for m in marks if os.path.exists(m))
        return
    mode = {".otf": brotli.MODE_FONT, ".ttf": brotli.MODE_FONT, ".wasm": brotli.MODE_GENERIC}.get(ext, brotli.MODE_TEXT)
    copies = {".br": brotli.compress(data, quality=11, mode=mode), ".gz": gzip.compress(data, compresslevel=9, mtime=0)}
    kept = [suffix for suffix, packed in copies.items() if len(packed) <= WORTH_IT * len(data)]
    for suffix in kept:
        write_if_changed(path + suffix, copies[suffix])
        written.add(path + suffix)
    if not kept:
        write_if_changed(path + ".skip", b"")
        written.add(path + ".skip")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--mount", action="append", nargs="+", required=True,
                        metavar=("URL_PREFIX", "SOURCE_DIR PATTERN"))
    args = parser.parse_args()

    manifest = {}
    written = set()
    for mount in args.mount:
        if len(mount) < 3 or not mount[0].startswith("/") or not mount[0].endswith("/"):
            sys.exit(f"fingerprint_assets: --mount URL_PREFIX SOURCE_DIR PATTERN...: got {mount}")
        prefix, source, patterns = mount[0], mount[1], mount[2:]
        files = set()
        for pattern in patterns:
            found = glob.glob(os.path.join(source, pattern))
            if not found:
                sys.exit(f"fingerprint_assets: nothing in {source} matches {pattern}")
            files.update(os.path.relpath(f, source) for f in found if os.path.isfile(f))
        hashed = {}
        # Modules before the loaders that name them.
        for rel in sorted(files, key=lambda r: (not r.endswith(".wasm"), r)):
            with open(os.path.join(source, rel), "rb") as f:
                data = f.read()
            module = loader_module(rel, files)
            if module:
                name = os.path.basename(module).encode()
                quoted = b'"' + name + b'"'
                if quoted not in data:
                    sys.exit(f"fingerprint_assets: {rel} does not name {module} as {quoted.decode()}; "
                             "cannot point it at the hashed module")
                data = data.replace(quoted, b'"' + os.path.basename(hashed[module]).encode() + b'"')
            digest = hashlib.sha256(data).hexdigest()
            hashed[rel] = hashed_name(rel, digest)
            path = os.path.join(args.out, prefix.lstrip("/"), hashed[rel])
            write_if_changed(path, data)
            written.add(path)
            compressed_copies(path, data, os.path.splitext(rel)[1], written)
            logical = prefix + rel.replace(os.sep, "/")
            if logical in manifest:
                sys.exit(f"fingerprint_assets: {logical} comes from two mounts")
            manifest[logical] = prefix + hashed[rel].replace(os.sep, "/")

    # What an earlier run wrote and this one did not: older versions, files since removed.
    manifest_path = os.path.join(args.out, "manifest.json")
    for root, _, names in os.walk(args.out):
        for n in names:
            p = os.path.join(root, n)
            if p not in written and p != manifest_path:
                os.remove(p)
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    os.makedirs(args.out, exist_ok=True)
    tmp = manifest_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, manifest_path)  # always touched: the build's output is up to date


if __name__ == "__main__":
    main()
