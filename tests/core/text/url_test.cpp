#include <doctest/doctest.h>

#include "text/url.h"

using namespace beitai::text;

TEST_CASE("percent_encode keeps only unreserved characters") {
    struct Case {
        const char* what;
        std::string in;
        const char* out;
    } cases[] = {
        {"unreserved", "AZaz09-._~", "AZaz09-._~"},
        {"Chinese (UTF-8 bytes, upper-case hex)", "自", "%E8%87%AA"},
        {"a group name", "交通運輸組", "%E4%BA%A4%E9%80%9A%E9%81%8B%E8%BC%B8%E7%B5%84"},
        {"space is %20, never '+'", "a b", "a%20b"},
        {"plus", "a+b", "a%2Bb"},
        {"reserved gen-delims", ":/?#[]@", "%3A%2F%3F%23%5B%5D%40"},
        {"reserved sub-delims", "!$&'()*+,;=", "%21%24%26%27%28%29%2A%2B%2C%3B%3D"},
        {"percent itself", "100%", "100%25"},
        {"markup", "<script>", "%3Cscript%3E"},
        {"NUL and control bytes", std::string("a\0\n", 3), "a%00%0A"},
        {"empty", "", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        CHECK(percent_encode(c.in) == c.out);
    }
}

TEST_CASE("percent_decode inverts percent_encode for any bytes, in either '+' mode") {
    const std::string inputs[] = {
        "",
        "plain",
        "自行車道路網",
        "北臺 8 縣市 & 交通運輸組",
        "a+b c",
        "=?&#%+/;",
        "100%",
        "%E8%87%AA",  // already-encoded text must come back as written, not decoded twice
        "<script>alert(1)</script>",
        std::string("\0\x01\x7f\x80\xff", 5),
    };
    for (const auto& s : inputs) {
        CAPTURE(s);
        const std::string encoded = percent_encode(s);
        auto query_mode = percent_decode(encoded, true);
        auto path_mode = percent_decode(encoded, false);
        REQUIRE(query_mode.has_value());
        REQUIRE(path_mode.has_value());
        CHECK(*query_mode == s);
        CHECK(*path_mode == s);
    }
}

TEST_CASE("'+' is a space in query strings only") {
    CHECK(percent_decode("a+b", true) == std::optional<std::string>("a b"));
    CHECK(percent_decode("a+b", false) == std::optional<std::string>("a+b"));
    CHECK(percent_decode("%2B", true) == std::optional<std::string>("+"));  // an encoded plus stays a plus
    CHECK(percent_decode("%20", false) == std::optional<std::string>(" "));
    CHECK(percent_decode("++", true) == std::optional<std::string>("  "));
}

TEST_CASE("percent_decode accepts either case of hex and decodes Chinese") {
    CHECK(percent_decode("%E8%87%AA", true) == std::optional<std::string>("自"));
    CHECK(percent_decode("%e8%87%aa", true) == std::optional<std::string>("自"));
    CHECK(percent_decode("%e8%87%AA%E8%A1%8C", true) == std::optional<std::string>("自行"));
    auto nul = percent_decode("a%00b", false);
    REQUIRE(nul.has_value());
    CHECK(*nul == std::string("a\0b", 3));
}

TEST_CASE("a bad escape is refused, wherever it sits") {
    const char* bad[] = {
        "%E8%8",    // truncated second byte
        "%ZZ",      // not hex
        "%",        // alone
        "abc%",     // at the end
        "%4",       // one digit
        "%G0",      // first digit not hex
        "%0G",      // second digit not hex
        "%%41",     // a percent escaping a percent
        "a%2",      // truncated at the end after text
        "%-1",      // a sign is not a digit
        "% 41",     // nor a space
        "%E8%87%AA%",
    };
    for (const char* s : bad) {
        CAPTURE(s);
        CHECK_FALSE(percent_decode(s, true).has_value());
        CHECK_FALSE(percent_decode(s, false).has_value());
    }
    // A view that ends inside an escape must not read the bytes beyond it.
    const std::string text = "q=%41%42";
    CHECK_FALSE(percent_decode(std::string_view(text).substr(0, 4), true).has_value());
    CHECK_FALSE(percent_decode(std::string_view(text).substr(0, 7), true).has_value());
    CHECK(percent_decode(std::string_view(text).substr(0, 5), true) == std::optional<std::string>("q=A"));
    CHECK_FALSE(parse_query_string(std::string_view(text).substr(0, 4)).has_value());
}

TEST_CASE("parse_query_string reads pairs in order") {
    struct Case {
        const char* what;
        const char* in;
        QueryParams out;
    } cases[] = {
        {"plain", "year=112&status=open", {{"year", "112"}, {"status", "open"}}},
        {"leading '?'", "?year=112&status=open", {{"year", "112"}, {"status", "open"}}},
        {"only '?'", "?", {}},
        {"empty", "", {}},
        {"fragment dropped", "a=1#b=2", {{"a", "1"}}},
        {"fragment only", "?#year=112", {}},
        {"'#' encoded is data", "q=%23tag", {{"q", "#tag"}}},
        {"empty pairs skipped", "&a=1&&b=2&", {{"a", "1"}, {"b", "2"}}},
        {"only ampersands", "&&&", {}},
        {"key without '='", "flag", {{"flag", ""}}},
        {"keys without '=' among pairs", "flag&x=&y=2", {{"flag", ""}, {"x", ""}, {"y", "2"}}},
        {"empty key", "=v", {{"", "v"}}},
        {"'=' in a value", "a=b=c", {{"a", "b=c"}}},
        {"repeated keys keep their order", "type=a&type=b", {{"type", "a"}, {"type", "b"}}},
        {"Chinese and '+' spaces", "q=%E8%87%AA+%E8%A1%8C&group=%E4%BA%A4%E9%80%9A%E9%81%8B%E8%BC%B8%E7%B5%84",
         {{"q", "自 行"}, {"group", "交通運輸組"}}},
        {"encoded '&' and '=' stay inside", "q=a%26b%3Dc", {{"q", "a&b=c"}}},
        {"encoded key", "%71=1", {{"q", "1"}}},
        {"raw UTF-8 passes through", "q=自行車", {{"q", "自行車"}}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        auto parsed = parse_query_string(c.in);
        REQUIRE(parsed.has_value());
        CHECK(*parsed == c.out);
    }
}

TEST_CASE("parse_query_string refuses a bad escape in a key or a value") {
    const char* bad[] = {"q=%E8%8", "q=%ZZ", "%ZZ=1", "a=1&b=%", "?x=%G1#ok", "ok=1&%E8%8"};
    for (const char* s : bad) {
        CAPTURE(s);
        CHECK_FALSE(parse_query_string(s).has_value());
    }
    // A bad escape after the fragment is not part of the query.
    CHECK(parse_query_string("a=1#%ZZ") == std::optional<QueryParams>(QueryParams{{"a", "1"}}));
}

TEST_CASE("to_query_string encodes what parse_query_string reads back") {
    CHECK(to_query_string({}).empty());
    CHECK(to_query_string({{"a", "1"}, {"b", "自"}}) == "a=1&b=%E8%87%AA");
    CHECK(to_query_string({{"q", "a b+c"}}) == "q=a%20b%2Bc");

    const QueryParams cases[] = {
        {{"year", "112"}, {"status", "open"}},
        {{"q", "電子煙 Get Out!"}, {"group", "交通運輸組"}},
        {{"q", "a&b=c#d?e+f g%"}},
        {{"", ""}, {"k", ""}},
        {{"q", "<script>alert(1)</script>"}, {"x", "\"><img src=x onerror=alert(1)>"}},
        {{"type", "a"}, {"type", "b"}},
    };
    for (const auto& params : cases) {
        const std::string qs = to_query_string(params);
        CAPTURE(qs);
        CHECK(qs.find_first_of(" #?+<>\"") == std::string::npos);
        auto back = parse_query_string(qs);
        REQUIRE(back.has_value());
        CHECK(*back == params);
        auto with_question_mark = parse_query_string("?" + qs);
        REQUIRE(with_question_mark.has_value());
        CHECK(*with_question_mark == params);
    }
}
