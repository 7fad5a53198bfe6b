// Crockford's base32, shared by the signboard codes and the recovery codes: digits and
// upper-case letters without I, L, O and U, so that what people copy by eye reads back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace beitai::raffle::crockford {

inline constexpr const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The first `chars` five-bit groups of `bytes`, most significant bit first; zeros past the end.
inline std::string encode(std::string_view bytes, size_t chars) {
    std::string out;
    out.reserve(chars);
    for (size_t i = 0; i < chars; ++i) {
        unsigned value = 0;
        for (size_t bit = i * 5; bit < i * 5 + 5; ++bit) {
            const size_t byte = bit / 8;
            const unsigned b = byte < bytes.size() ? (static_cast<std::uint8_t>(bytes[byte]) >> (7 - bit % 8)) & 1u : 0u;
            value = value << 1 | b;
        }
        out += kAlphabet[value];
    }
    return out;
}

// A typed character as the alphabet has it: upper-cased, I and L read as 1, O as 0; '\0'
// when it is no character of the alphabet (U included).
inline char canonical(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'I' || c == 'L') return '1';
    if (c == 'O') return '0';
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'U')) return c;
    return '\0';
}

}  // namespace beitai::raffle::crockford
