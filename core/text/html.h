// Escaping text for HTML, once, here. Every view in core/render/ goes through it, so a
// title of "<script>alert(1)</script>" is shown as text wherever it appears.
#pragma once

#include <string>
#include <string_view>

namespace beitai::text {

// Escapes & < > " ' — safe in element content and in quoted attribute values.
std::string escape_html(std::string_view s);

// The same for XML documents (Atom, ODF, SVG), which may hold only XML 1.0's characters
// (§2.2): every other one — a control character but tab, LF and CR (a pasted Word line break
// is \x0B), U+FFFE and U+FFFF, a byte that is not UTF-8, a surrogate — becomes U+FFFD, so
// no stored text, whenever and however it came in, can make a whole feed, map or spreadsheet
// unreadable. Every XML writer of the portal goes through it.
std::string escape_xml(std::string_view s);

}  // namespace beitai::text
