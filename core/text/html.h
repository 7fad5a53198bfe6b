// Escaping text for HTML, once, here. Every view in core/render/ goes through it, so a
// title of "<script>alert(1)</script>" is shown as text wherever it appears.
#pragma once

#include <string>
#include <string_view>

namespace beitai::text {

// Escapes & < > " ' — safe in element content and in quoted attribute values.
std::string escape_html(std::string_view s);

}  // namespace beitai::text
