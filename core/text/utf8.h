// Reading UTF-8 one code point at a time: the text rule, the XML escape and the UTF-8 check
// all decode with this, so they agree on what a well-formed sequence is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace beitai::text {

// The code point that starts at s[i], and i moved past it; nullopt (i moved past the one bad
// byte) when the bytes there are not well-formed UTF-8 — a stray continuation byte, a cut
// sequence, an overlong form, a surrogate (U+D800–DFFF) or anything above U+10FFFF.
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i);

// Whether the bytes are well-formed UTF-8 throughout.
bool is_valid_utf8(std::string_view s);

// A code point as UTF-8 bytes.
void append_utf8(std::string& out, char32_t cp);

// "U+0007", "U+FFFE", "U+1FFFF": how a message names a code point.
std::string code_point_name(char32_t cp);

}  // namespace beitai::text
