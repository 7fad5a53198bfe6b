// Splitting and decoding request targets: "/api/proposals?q=%E8%87%AA" → path + pairs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace beitai::site {

// Percent-decoding; '+' is a space in query strings only. nullopt on a bad escape.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

struct Target {
    std::string path;
    QueryParams query;
};

// nullopt when the target is not origin-form ("/…") or holds a bad escape.
std::optional<Target> parse_target(std::string_view target);

}  // namespace beitai::site
