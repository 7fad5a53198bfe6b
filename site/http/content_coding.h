// Content codings (RFC 9110 §8.4, §12.5.3): what a request's Accept-Encoding allows, which
// coding to send, and gzip for answers compressed as they are sent.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"

namespace beitai::site {

enum class Coding { identity, gzip, br };

// The weight (q-value, 0 to 1) a request gives each coding we can send. No Accept-Encoding
// header: identity alone (RFC 9110 allows any coding then, but a client that sends none —
// curl without --compressed, wrk — usually cannot decode one). "*" stands for every coding
// not named; "x-gzip" is gzip; a q-value that is not a number from 0 to 1 counts as 0.
// identity, acceptable unless refused, is the least wanted unless named with its own weight.
struct AcceptedCodings {
    double br = 0;
    double gzip = 0;
    double identity = 1;
};
AcceptedCodings parse_accept_encoding(std::string_view header, bool present = true);
// The request's Accept-Encoding, read so.
AcceptedCodings accepted_codings(const Request& request);

// The coding to send among those available (identity always is): the highest weight above
// 0; at equal weight the smaller, br before gzip before identity. Identity also when nothing
// is acceptable (we would rather send the bytes than a 406).
Coding choose_coding(const AcceptedCodings& accepted, bool have_br, bool have_gzip);

// "br", "gzip", "" (Content-Encoding) and "br", "gz", "" (the suffix of a file and of a tag).
const char* coding_name(Coding coding);
const char* coding_suffix(Coding coding);

// Whether answers of this media type shrink when compressed: text, JSON, JavaScript, SVG,
// XML, WebAssembly, fonts other than WOFF2 — not images, archives (ODS is a zip), nor an
// event stream (each event must leave as soon as it is written).
bool is_compressible(std::string_view content_type);

// The gzip member of `bytes` (zlib, level 6: nginx's default, most of level 9's gain for a
// third of its time).
std::string gzip_bytes(std::string_view bytes, int level = 6);

}  // namespace beitai::site
