// Hexadecimal digits, read once for every reader: percent-encoding, CSS colours, the secrets
// a store keeps as text. (Writing hex is text::to_hex in text/sha256.h.)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace beitai::text {

// 0–15 for 0-9, a-f, A-F; -1 for anything else.
int hex_digit(char c);

// The bytes that `hex` spells two digits a byte; none when its length is odd or a digit is not one.
std::optional<std::string> bytes_of_hex(std::string_view hex);

}  // namespace beitai::text
