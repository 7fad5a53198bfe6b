// The small grammar HTTP's field values share (RFC 9110 §5.6): optional white space around
// list elements, and tokens compared without regard to case. Used by the readers of
// Accept-Encoding (content_coding) and Transfer-Encoding (framing).
#pragma once

#include <string_view>

namespace beitai::site {

// Without the spaces and tabs (OWS) around it.
std::string_view trim_ows(std::string_view s);

// ASCII letters compared without regard to case ("Chunked" is "chunked").
bool iequals(std::string_view a, std::string_view b);

}  // namespace beitai::site
