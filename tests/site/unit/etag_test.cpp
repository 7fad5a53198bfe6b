// Entity tags and If-None-Match: lists, W/, "*", and what does not parse.
#include <doctest/doctest.h>

#include "http/etag.h"

using namespace beitai::site;

TEST_CASE("etag_of: strong, the same for the same bytes, another for other bytes") {
    const std::string a = etag_of("北臺"), b = etag_of("北臺 "), empty = etag_of("");
    CHECK(a.size() == 34);
    CHECK(a.front() == '"');
    CHECK(a.back() == '"');
    CHECK(a.find("W/") == std::string::npos);
    CHECK(a == etag_of("北臺"));
    CHECK(a != b);
    CHECK(a != empty);
    CHECK(etag_with_coding(a, "gz") == a.substr(0, 33) + "-gz\"");
    CHECK(etag_with_coding(a, "gz") != etag_with_coding(a, "br"));
}

TEST_CASE("If-None-Match: weak comparison over a list, and '*'") {
    const std::string tag = "\"abc\"";
    CHECK(if_none_match_matches("\"abc\"", tag));
    CHECK(if_none_match_matches("W/\"abc\"", tag));
    CHECK(if_none_match_matches("\"x\", \"abc\"", tag));
    CHECK(if_none_match_matches("\"x\",W/\"abc\" , \"y\"", tag));
    CHECK(if_none_match_matches("  \"abc\"  ", tag));
    CHECK(if_none_match_matches("*", tag));
    CHECK(if_none_match_matches(" * ", tag));
    CHECK_FALSE(if_none_match_matches("\"abcd\"", tag));
    CHECK_FALSE(if_none_match_matches("\"ab\"", tag));
    CHECK_FALSE(if_none_match_matches("abc", tag));                 // not quoted
    CHECK_FALSE(if_none_match_matches("\"x\", abc", tag));
    CHECK_FALSE(if_none_match_matches("\"abc", tag));               // unclosed
    CHECK_FALSE(if_none_match_matches("garbage, \"abc\"", tag));     // a bad list is ignored whole
    CHECK_FALSE(if_none_match_matches("\"abc\" \"abc\"", tag));      // no comma between
    CHECK_FALSE(if_none_match_matches("w/\"abc\"", tag));            // W/ is case-sensitive
    CHECK_FALSE(if_none_match_matches("", tag));
    CHECK_FALSE(if_none_match_matches("*, \"abc\"", tag));           // "*" stands alone
    CHECK_FALSE(if_none_match_matches("\"abc-gz\"", tag));           // another representation
}
