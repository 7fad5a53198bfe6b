#!/usr/bin/python3
"""Builds the kiosk's font at build time from Debian's fonts-noto-cjk.

The kiosk draws text with Dear ImGui, which needs glyphs baked into an atlas; the whole
Noto Sans CJK TC face is 16 MB, so we keep only the characters the kiosk can show: every
non-ASCII character in the given source files (the kiosk's own strings, the core's UI words
and the content the API serves; wasm/CMakeLists.txt lists them), the full-width punctuation
the UI writes, plus printable ASCII. A .json or .geojson source is also read as JSON, so a
string written with \\u escapes counts by the characters it stands for. The subset is
written as a C++ source holding the bytes and the character list (for
ImFontGlyphRangesBuilder), so the WASM needs no file system; --chars-out also writes the
character list as one UTF-8 line, for the test that every string the kiosk can draw is
covered (tests/web/kiosk_font.test.mjs).

usage: build_kiosk_font.py --font NotoSansCJK-Regular.ttc --out kiosk_font.cpp
                           [--chars-out kiosk_font_chars.txt] SOURCE...
"""
import argparse
import json
import os
import sys
import tempfile

from fontTools import subset  # Debian: python3-fonttools
from fontTools.ttLib import TTCollection


NOTO_SANS_CJK_TC = 3  # face index of Noto Sans CJK TC inside the collection

# Characters the content writes that Noto Sans CJK has no glyph for, each drawn with the
# glyph of a look-alike the face has (the subset's cmap maps both to that glyph). Any other
# character the face lacks stops the build.
STAND_INS = {
    "\u2610": "\u25a1",  # ☐ BALLOT BOX (unticked boxes of a proposal sheet) → □ WHITE SQUARE
}


# Full-width and typographic punctuation the UI may write around the words it shows (lists,
# quotes, brackets, an ellipsis for cut text, a dash for a missing value), whether or not a
# source holds it today.
UI_PUNCTUATION = "，。：；、「」『』（）…—–！？～・．％／"


def json_strings(value):
    """Every string in a JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


def keyed_strings(value, keys):
    """The strings of a JSON document held under one of `keys`."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in keys and isinstance(v, str):
                yield v
            else:
                yield from keyed_strings(v, keys)
    elif isinstance(value, list):
        for v in value:
            yield from keyed_strings(v, keys)


def wanted_characters(paths, heading_keys=None):
    """Every character of the sources; with `heading_keys`, only those of the UI sources and
    of the content's strings under those keys (what the kiosk sets as headings)."""
    chars = set(chr(c) for c in range(0x20, 0x7F))
    texts = [UI_PUNCTUATION]
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not path.endswith((".json", ".geojson")):
            texts.append(text)
        elif heading_keys is None:
            texts.append(text)
            texts.extend(json_strings(json.loads(text)))
        else:
            texts.extend(keyed_strings(json.loads(text), heading_keys))
    for text in texts:
        for ch in text:
            # Non-ASCII spaces (U+3000, U+00A0) are kept too: ImGui draws a missing one as '?'.
            if ord(ch) > 0x7F and (ch.isprintable() or ch in "\u3000\u00a0"):
                chars.add(ch)
    return "".join(sorted(chars))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--font", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--chars-out", help="also write the characters held, one UTF-8 line")
    parser.add_argument("--heading-keys", default="title,name,name_zh",
                        help="content keys whose strings the kiosk sets as headings (a second, larger size "
                             "baked for fewer characters: kKioskHeadingChars)")
    parser.add_argument("--heading-chars-out", help="also write the heading characters, one UTF-8 line")
    parser.add_argument("sources", nargs="+")
    args = parser.parse_args()

    chars = wanted_characters(args.sources)
    headings = wanted_characters(args.sources, set(args.heading_keys.split(",")))
    face = TTCollection(args.font).fonts[NOTO_SANS_CJK_TC]
    name = face["name"].getDebugName(4)
    if "TC" not in (name or ""):
        sys.exit(f"build_kiosk_font: face {NOTO_SANS_CJK_TC} of {args.font} is {name!r}, not Noto Sans CJK TC")

    face_cmap = face.getBestCmap()
    lacking = [c for c in chars if ord(c) not in face_cmap]
    unmatched = [c for c in lacking if ord(STAND_INS.get(c, "\0")) not in face_cmap]
    if unmatched:
        sys.exit("build_kiosk_font: the font lacks " + "".join(unmatched))
    stand_ins = {c: STAND_INS[c] for c in lacking}

    options = subset.Options()
    options.font_number = NOTO_SANS_CJK_TC
    options.layout_features = []  # ImGui does no shaping
    options.hinting = False
    options.desubroutinize = True  # stb_truetype draws CFF, simpler without subroutines
    with tempfile.TemporaryDirectory() as tmp:
        otf = os.path.join(tmp, "kiosk.otf")
        font = subset.load_font(args.font, options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=chars + "".join(stand_ins.values()))
        subsetter.subset(font)
        for table in font["cmap"].tables:
            if table.isUnicode():
                for c, stand_in in stand_ins.items():
                    if ord(stand_in) in table.cmap:
                        table.cmap[ord(c)] = table.cmap[ord(stand_in)]
        subset.save_font(font, otf, options)
        data = open(otf, "rb").read()

    missing = [c for c in chars if ord(c) not in font.getBestCmap()]
    if missing:
        sys.exit("build_kiosk_font: the font lacks " + "".join(missing))

    def escaped(text):
        return text.replace("\\", "\\\\").replace('"', '\\"')
    with open(args.out + ".tmp", "w", encoding="utf-8") as out:
        out.write("// Generated by assets/fonts/build_kiosk_font.py from Debian's fonts-noto-cjk. Do not edit.\n")
        out.write("#include \"kiosk_font.h\"\n\n")
        out.write("namespace beitai::kiosk {\n\n")
        out.write(f"const unsigned int kKioskFontSize = {len(data)};\n")
        out.write("alignas(4) const unsigned char kKioskFont[] = {\n")
        for i in range(0, len(data), 24):
            out.write("    " + ", ".join(str(b) for b in data[i:i + 24]) + ",\n")
        out.write("};\n\n")
        out.write(f'const char* const kKioskFontChars = u8"{escaped(chars)}";\n')
        out.write(f'const char* const kKioskHeadingChars = u8"{escaped(headings)}";\n\n')
        out.write("}  // namespace beitai::kiosk\n")
    os.replace(args.out + ".tmp", args.out)
    if args.chars_out:
        with open(args.chars_out + ".tmp", "w", encoding="utf-8") as out:
            out.write(chars + "\n")
        os.replace(args.chars_out + ".tmp", args.chars_out)
    if args.heading_chars_out:
        with open(args.heading_chars_out + ".tmp", "w", encoding="utf-8") as out:
            out.write(headings + "\n")
        os.replace(args.heading_chars_out + ".tmp", args.heading_chars_out)
    print(f"kiosk font: {len(chars)} characters ({len(headings)} also as headings), {len(data)} bytes"
          + "".join(f"; {c} drawn as {s}" for c, s in stand_ins.items()))


if __name__ == "__main__":
    main()
