// http/framing: which request heads are refused before their body (RFC 9112 §6), and which
// refusal a header too long is. The server's read loop only asks these.
#include <doctest/doctest.h>

#include "http/framing.h"

using namespace beitai::site;

namespace {

int refused(std::vector<std::string_view> values, unsigned version = 11) {
    const auto r = refuse_transfer_coding(values, version);
    return r ? r->status : 0;
}

}  // namespace

TEST_CASE("transfer codings: chunked alone, last and once, is the only one read") {
    CHECK(refused({}) == 0);
    CHECK(refused({"chunked"}) == 0);
    CHECK(refused({"Chunked"}) == 0);
    CHECK(refused({" chunked\t"}) == 0);
    CHECK(refused({"chunked,"}) == 0);  // a list may hold empty elements
    // Not chunked last: the body's length is unknown, 400 (never "no body").
    for (std::string_view v : {"xchunked", "identity", "gzip", "chunked, identity", "chunkedx", "chunked;q=1", "", " , "}) {
        CAPTURE(v);
        CHECK(refused({v}) == 400);
    }
    CHECK(refused({"chunked", "gzip"}) == 400);  // two header lines are one list
    // Another coding before chunked: one we do not decode, 501.
    CHECK(refused({"gzip, chunked"}) == 501);
    CHECK(refused({"gzip", "chunked"}) == 501);
    CHECK(refused({"chunked, chunked"}) == 400);
    CHECK(refused({"chunked"}, 10) == 400);  // HTTP/1.0 has no transfer codings
    // The message shows what was sent, printable and short.
    const auto r = refuse_transfer_coding({"gzip\x01" "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz, chunked"}, 11);
    REQUIRE(r);
    CHECK(r->message.find('\x01') == std::string::npos);
    CHECK(r->message.size() < 120);
}

TEST_CASE("a request target over 8 KB is 414; a header too long is 414 or 431 by its part") {
    CHECK_FALSE(refuse_request_head(kMaxTargetBytes, {}, 11));
    CHECK(refuse_request_head(kMaxTargetBytes + 1, {}, 11)->status == 414);
    CHECK(refuse_request_head(10, {"xchunked"}, 11)->status == 400);
    CHECK(header_too_large(std::nullopt).status == 414);  // the request line itself did not fit
    CHECK(header_too_large(kMaxTargetBytes + 1).status == 414);
    CHECK(header_too_large(20).status == 431);
}
