// A small, strict reader of multipart/form-data bodies (RFC 7578), for the one form that
// sends a file: the raffle's photo check-in without JavaScript. It takes what browsers send
// and refuses the rest with a message naming what was wrong:
//   - the boundary comes from the Content-Type (1–70 characters, RFC 2046's set);
//   - the body starts with the first delimiter (no preamble) and ends with the closing one
//     (anything after it, the epilogue, is ignored as the RFC says);
//   - each part has at most kMaxHeaders header lines of at most kMaxHeaderLine bytes, a
//     Content-Disposition of form-data with a name, and optionally a filename and a
//     Content-Type; a field sent twice and more than kMaxParts parts are refused.
// Bodies are views into the request body (no copy); the body's size is bounded by the
// server's limit before it gets here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/result.h"

namespace beitai::site {

struct FormPart {
    std::string name;
    bool is_file = false;      // a filename was given (possibly empty: no file chosen)
    std::string filename;
    std::string content_type;  // as sent, lower-cased; "" when the part has none
    std::string_view body;     // into the request body
};

struct MultipartLimits {
    std::size_t max_parts = 16;
    std::size_t max_headers = 8;         // header lines per part
    std::size_t max_header_line = 1024;  // bytes, without its CRLF
};

// The boundary of a "multipart/form-data; boundary=…" Content-Type (quoted or not).
Result<std::string> multipart_boundary(std::string_view content_type);

// The parts of `body`, in order. Errors read "request body: …" or "<field>: …".
Result<std::vector<FormPart>> read_multipart(std::string_view content_type, std::string_view body,
                                             const MultipartLimits& limits = {});

// The part named `name`, or nullptr.
const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace beitai::site
