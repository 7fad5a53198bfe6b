// The kiosk's CJK font subset, generated at build time (assets/fonts/build_kiosk_font.py).
#pragma once

namespace beitai::kiosk {

extern const unsigned int kKioskFontSize;
extern const unsigned char kKioskFont[];
// Every character the subset holds, UTF-8: feed it to ImFontGlyphRangesBuilder::AddText.
extern const char* const kKioskFontChars;
// The characters also baked at the heading size: the kiosk's own words and the content's
// titles and names (build_kiosk_font.py --heading-keys). Baking all of them large cost half
// a second of the kiosk's start.
extern const char* const kKioskHeadingChars;

// Dear ImGui sizes a font by its line (ascent − descent, through stb_truetype's
// ScaleForPixelHeight); CSS, the SVG and the kiosk's layout by its em. Noto Sans CJK's line
// is 1.448 em (hhea 1160 + 288 per 1000): text meant at 28 px em is drawn at 28 × 1.448.
constexpr float kKioskFontLinePerEm = 1.448f;
inline float LineSize(float em_px) { return em_px * kKioskFontLinePerEm; }

}  // namespace beitai::kiosk
