// Query strings, both ways: the server decodes requests with these, the browser's WASM
// decodes location.search and encodes the filter state back into the URL.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/utf8.h"  // is_valid_utf8, which the callers of these use on what they decode

namespace beitai::text {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Percent-decoding; '+' is a space in query strings only. nullopt on a bad escape.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);
// Encodes everything but unreserved characters (RFC 3986 §2.3).
std::string percent_encode(std::string_view s);

// "a=1&b=%E8%87%AA" (a leading '?' is allowed) → pairs; nullopt on a bad escape.
std::optional<QueryParams> parse_query_string(std::string_view query);
// Pairs → "a=1&b=%E8%87%AA" (no leading '?').
std::string to_query_string(const QueryParams& params);

}  // namespace beitai::text
