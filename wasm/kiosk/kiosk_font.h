// The kiosk's CJK font subset, generated at build time (assets/fonts/build_kiosk_font.py).
#pragma once

namespace beitai::kiosk {

extern const unsigned int kKioskFontSize;
extern const unsigned char kKioskFont[];
// Every character the subset holds, UTF-8: feed it to ImFontGlyphRangesBuilder::AddText.
extern const char* const kKioskFontChars;

}  // namespace beitai::kiosk
