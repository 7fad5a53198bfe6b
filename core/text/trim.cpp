#include "text/trim.h"

namespace beitai::text {

namespace {

// The length of the white-space character `s` starts with (0 when it starts with anything
// else): ASCII space, tab, CR, LF, VT, FF, and in UTF-8 U+0085, U+00A0, U+1680,
// U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
size_t leading_space(std::string_view s) {
    if (s.empty()) return 0;
    const auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char c = b(0);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (s.size() >= 2 && c == 0xC2 && (b(1) == 0x85 || b(1) == 0xA0)) return 2;
    if (s.size() < 3) return 0;
    const unsigned u = (c << 16) | (b(1) << 8) | b(2);
    if (u == 0xE19A80 || u == 0xE38080 || u == 0xEFBBBF) return 3;               // U+1680, U+3000, U+FEFF
    if (u >= 0xE28080 && u <= 0xE2808B) return 3;                                // U+2000–U+200B
    if (u == 0xE280A8 || u == 0xE280A9 || u == 0xE280AF || u == 0xE2819F) return 3;  // U+2028, 2029, 202F, 205F
    return 0;
}

// The length of the white-space character `s` ends with, found by trying the lengths a
// white-space character can have.
size_t trailing_space(std::string_view s) {
    for (size_t n : {size_t{1}, size_t{2}, size_t{3}})
        if (s.size() >= n && leading_space(s.substr(s.size() - n)) == n) return n;
    return 0;
}

}  // namespace

std::string trimmed(std::string_view s) {
    while (size_t n = trailing_space(s)) s.remove_suffix(n);
    while (size_t n = leading_space(s)) s.remove_prefix(n);
    return std::string(s);
}

bool is_blank(std::string_view s) { return trimmed(s).empty(); }

}  // namespace beitai::text
