// Entity tags (RFC 9110 §8.8.3) and If-None-Match (§13.1.2): a browser that kept an answer
// asks with the tag it was given, and an unchanged answer is a 304 with no body.
#pragma once

#include <string>
#include <string_view>

namespace beitai::site {

// A strong tag for these bytes: "\"" + 32 hex digits of BLAKE2b-128 + "\"". The same bytes
// give the same tag in every server process, so a browser's tag holds behind a load balancer.
std::string etag_of(std::string_view bytes);

// The tag of the same bytes sent with a content coding ("br", "gz"): a strong tag names one
// representation, and the compressed one is another ("\"abc\"" → "\"abc-br\"").
std::string etag_with_coding(std::string_view etag, std::string_view coding);

// Whether an If-None-Match value matches `etag` (a quoted tag): "*", or a comma-separated
// list holding the same opaque tag, weak (W/) or not — If-None-Match compares weakly. A value
// that is not a list of tags matches nothing (the full answer is sent).
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace beitai::site
