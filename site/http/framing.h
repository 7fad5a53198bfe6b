// How a request's framing is judged before its body is read (RFC 9112 §6): the transfer codings
// it names, and which refusal a header too long for us is. Pure functions of the header's text,
// so that the server's read loop only asks, and a fuzz target can ask too.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beitai::site {

struct FramingRefusal {
    int status = 400;
    std::string message;
};

// The Transfer-Encoding field values of one request, in order (each header line one value).
// We decode one transfer coding, chunked, and it must come last and once: a last coding that
// is not chunked ("xchunked", "chunked, identity") leaves the body's length unknown, 400
// (§6.3); another coding before chunked ("gzip, chunked") is one we do not know, 501 (§6.1);
// chunked twice, or any Transfer-Encoding in an HTTP/1.0 request, 400. Never "no body", which
// would let the body be read as the next request (smuggling). nullopt when there is no such
// field or it is plain "chunked".
std::optional<FramingRefusal> refuse_transfer_coding(const std::vector<std::string_view>& values, unsigned http_version);

// The longest request target we read (RFC 9112 §3 asks servers for at least 8000 octets).
constexpr std::size_t kMaxTargetBytes = 8 * 1024;

// A request head we refuse before its body: a target longer than kMaxTargetBytes (414), or
// its transfer codings (refuse_transfer_coding).
std::optional<FramingRefusal> refuse_request_head(std::size_t target_length, const std::vector<std::string_view>& transfer_codings,
                                                  unsigned http_version);

// A request whose header did not fit the limit: 414 when its request target is longer than
// `target_limit` or the request line did not even fit (`target_length` nullopt), 431 otherwise
// (RFC 9110 §15.5.15, RFC 6585 §5): the client learns which part to shorten.
FramingRefusal header_too_large(std::optional<std::size_t> target_length, std::size_t target_limit = kMaxTargetBytes);

}  // namespace beitai::site
