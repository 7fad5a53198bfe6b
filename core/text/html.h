// Escaping text for HTML, once, here. Every view in core/render/ goes through it, so a
// title of "<script>alert(1)</script>" is shown as text wherever it appears.
#pragma once

#include <string>
#include <string_view>

namespace beitai::text {

// Escapes & < > " ' — safe in element content and in quoted attribute values.
std::string escape_html(std::string_view s);

// The same for XML documents (Atom, ODF), which also may not contain most control
// characters: those (a pasted Word line break is \x0B) become U+FFFD, so one bad title
// cannot make a whole feed or spreadsheet unreadable.
std::string escape_xml(std::string_view s);

}  // namespace beitai::text
