// Accept-Encoding read with its q-values, the coding chosen from it, and gzip that decodes
// back to the bytes.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>

#include "http/content_coding.h"

using namespace beitai::site;

namespace {

Coding pick(const char* header, bool br = true, bool gzip = true) {
    return choose_coding(parse_accept_encoding(header), br, gzip);
}

std::string gunzip(const std::string& packed) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    std::string out(1 << 20, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    CHECK(inflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    inflateEnd(&z);
    return out;
}

}  // namespace

TEST_CASE("Accept-Encoding: q-values, '*', identity, case and spaces") {
    CHECK(pick("br, gzip") == Coding::br);
    CHECK(pick("gzip, deflate, br, zstd") == Coding::br);
    CHECK(pick("gzip") == Coding::gzip);
    CHECK(pick("br;q=0, gzip") == Coding::gzip);
    CHECK(pick("br; q=0 , gzip") == Coding::gzip);
    CHECK(pick("gzip;q=0.5, br;q=0.4") == Coding::gzip);
    CHECK(pick("gzip;q=0.5, br;q=0.5") == Coding::br);  // equal weight: the smaller
    CHECK(pick("GZip;Q=1") == Coding::gzip);
    CHECK(pick("x-gzip") == Coding::gzip);
    CHECK(pick("*") == Coding::br);
    CHECK(pick("*;q=0, gzip") == Coding::gzip);
    CHECK(pick("br;q=0, *") == Coding::gzip);
    CHECK(pick("identity") == Coding::identity);
    CHECK(pick("deflate, zstd") == Coding::identity);
    CHECK(pick("") == Coding::identity);
    CHECK(pick(",,, ;q=1, ;") == Coding::identity);
    CHECK(pick("gzip;q=0.3, identity;q=0.5") == Coding::identity);  // the client would rather not
    CHECK(pick("gzip;q=0.5, identity;q=0.5") == Coding::gzip);
    CHECK(pick("br, gzip", false, true) == Coding::gzip);    // what the file has
    CHECK(pick("br", false, true) == Coding::identity);
    CHECK(pick("br, gzip", false, false) == Coding::identity);

    SUBCASE("a q-value that is not one is 0: not acceptable") {
        for (const char* bad : {"gzip;q=nonsense", "gzip;q=1.5", "gzip;q=2", "gzip;q=-1", "gzip;q=0.0001", "gzip;q=", "gzip;q=.5"}) {
            CAPTURE(bad);
            CHECK(pick(bad) == Coding::identity);
        }
        CHECK(pick("gzip;q=1.000") == Coding::gzip);
        CHECK(pick("gzip;q=0.001") == Coding::gzip);
        CHECK(pick("gzip;level=9") == Coding::gzip);  // other parameters are not a weight
    }
    SUBCASE("no header at all: identity (curl, wrk); identity refused by name or by *;q=0") {
        const auto none = parse_accept_encoding("", false);
        CHECK(none.br == 0);
        CHECK(none.gzip == 0);
        CHECK(none.identity == 1);
        CHECK(parse_accept_encoding("identity;q=0, gzip").identity == 0);
        CHECK(parse_accept_encoding("*;q=0").identity == 0);
        CHECK(parse_accept_encoding("*;q=0, identity").identity == 1);
        CHECK(pick("*;q=0") == Coding::identity);  // nothing acceptable: the bytes, not a 406
    }
    SUBCASE("from a request: the header's presence counts") {
        Request r;
        CHECK(accepted_codings(r).gzip == 0);
        r.headers.emplace_back("accept-encoding", "gzip");
        CHECK(accepted_codings(r).gzip == 1);
    }
}

TEST_CASE("what is worth compressing") {
    for (const char* yes : {"text/html; charset=utf-8", "text/css; charset=utf-8", "text/javascript; charset=utf-8",
                            "application/json; charset=utf-8", "application/wasm", "image/svg+xml", "text/csv; charset=utf-8",
                            "application/atom+xml; charset=utf-8", "application/geo+json", "font/otf"}) {
        CAPTURE(yes);
        CHECK(is_compressible(yes));
    }
    for (const char* no : {"image/png", "image/jpeg", "font/woff2", "application/vnd.oasis.opendocument.spreadsheet",
                           "application/octet-stream", "text/event-stream"}) {
        CAPTURE(no);
        CHECK_FALSE(is_compressible(no));
    }
}

TEST_CASE("gzip_bytes decodes back to the bytes, empty ones included") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "北臺 proposal " + std::to_string(i % 37) + "\n";
    const std::string packed = gzip_bytes(text);
    CHECK(packed.size() < text.size() / 5);
    CHECK(static_cast<unsigned char>(packed[0]) == 0x1f);
    CHECK(static_cast<unsigned char>(packed[1]) == 0x8b);
    CHECK(gunzip(packed) == text);
    CHECK(gunzip(gzip_bytes("")).empty());
    std::string binary;
    for (int i = 0; i < 70000; ++i) binary += static_cast<char>((i * 2654435761u) >> 13);
    CHECK(gunzip(gzip_bytes(binary)) == binary);
}
