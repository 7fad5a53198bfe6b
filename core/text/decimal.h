// Numbers as people and programs type them in addresses and forms: plain decimal notation
// only. strtod alone would also take "nan", "inf", "0x19" (hexadecimal), leading spaces and
// the locale's decimal comma; a coordinate or a distance is never any of those.
#pragma once

#include <optional>
#include <string_view>

namespace beitai::text {

// [+-]digits[.digits][e[+-]digits] or [+-].digits…: at least one digit, nothing before or after,
// at most 32 characters; the value finite. nullopt for anything else ("NaN", "inf", "0x19",
// " 5", "5 ", "5km", "1e999").
std::optional<double> parse_decimal(std::string_view s);

}  // namespace beitai::text
