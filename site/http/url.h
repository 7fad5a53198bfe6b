// Splitting request targets: "/api/proposals?q=%E8%87%AA" → decoded path + query pairs.
// The decoding itself is core/text/url.h, shared with the browser.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace beitai::site {

struct Target {
    std::string path;
    QueryParams query;
};

// nullopt when the target is not origin-form ("/…") or holds a bad escape.
std::optional<Target> parse_target(std::string_view target);

}  // namespace beitai::site
