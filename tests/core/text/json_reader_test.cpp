#include <doctest/doctest.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "text/json_reader.h"

using namespace beitai::text;

TEST_CASE("a JSON syntax error names the file, line and column") {
    auto r = parse_json_text("[\n  {\"id\": 1,\n   \"x\": }\n]", "content/x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("content/x.json: line 3, column 9") == 0);
    CHECK(r.error().find("invalid JSON") != std::string::npos);

    auto truncated = parse_json_text("[{\"a\": \"b\"", "f.json");
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.error().find("f.json: line 1") == 0);

    CHECK(parse_json_text("[1, 2]", "f.json").ok());
}

TEST_CASE("the object reader records every problem with its path") {
    Json j = Json::parse(R"({"name": 5, "n": "x", "flag": "yes", "list": [1, "a"], "extra": true})");
    Diagnostics d("file.json");
    ObjectReader r(j, "[4]", d);
    CHECK(r.string("name").empty());
    CHECK(r.integer("n") == 0);
    CHECK(r.boolean("flag") == false);
    auto list = r.string_array("list");
    CHECK(list == std::vector<std::string>{"a"});
    CHECK(r.string("missing").empty());
    r.reject_unknown_keys();
    const auto& m = d.messages();
    REQUIRE(m.size() == 6);
    CHECK(m[0] == "file.json: [4].name: expected a string, found an integer");
    CHECK(m[1] == "file.json: [4].n: expected an integer, found a string");
    CHECK(m[2] == "file.json: [4].flag: expected true or false, found a string");
    CHECK(m[3] == "file.json: [4].list[0]: expected a string, found an integer");
    CHECK(m[4] == "file.json: [4].missing: missing");
    CHECK(m[5] == "file.json: [4].extra: unknown field");
}

TEST_CASE("a reader over a non-object reports it once and reads defaults") {
    Json j = Json::parse("[1]");
    Diagnostics d("f.json");
    ObjectReader r(j, "[0]", d);
    CHECK_FALSE(r.is_object());
    CHECK(r.string("id").empty());
    r.reject_unknown_keys();
    REQUIRE(d.messages().size() == 1);
    CHECK(d.messages()[0] == "f.json: [0]: expected an object, found an array");
}

TEST_CASE("invalid UTF-8 is replaced on output, never aborts") {
    Json j = std::string("a\xff" "b");
    auto text = to_json_text(j);
    CHECK(text.find("a") != std::string::npos);
    CHECK(text.find("\xff") == std::string::npos);
}

// The WASM builds replace strtod (wasm/libc/fast_strtod.cpp); the same cases run natively
// against glibc, so the two must agree to the last bit.
TEST_CASE("numbers read to the nearest double, as strtod defines it, in both builds") {
    auto json = parse_json_text(
        R"([24.123456, 121.5654321, 0.1, 1e-300, 2.2250738585072014e-308, 4.9e-324, 1.7976931348623157e308,
            9007199254740993.0, 0.30000000000000004, -0.0, 1e23, 123456789012345678901234567890.0])",
        "numbers");
    REQUIRE(json);
    const std::vector<double> expected = {24.123456, 121.5654321, 0.1, 1e-300, 2.2250738585072014e-308, 4.9e-324,
                                          1.7976931348623157e308, 9007199254740993.0, 0.30000000000000004, -0.0,
                                          1e23, 123456789012345678901234567890.0};
    REQUIRE(json->size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(json->at(i).get<double>() == expected[i]);
    }
    CHECK(std::signbit(json->at(9).get<double>()));

    // What strtod takes beyond JSON: spaces, '+', hex, inf, where it stops, and range errors.
    char* end = nullptr;
    const char* text = "  +2.5e1xyz";
    CHECK(std::strtod(text, &end) == 25.0);
    CHECK(std::string(end) == "xyz");
    CHECK(std::strtod("0x1p3", nullptr) == 8.0);
    CHECK(std::isinf(std::strtod("inf", nullptr)));
    CHECK(std::isnan(std::strtod("nan", nullptr)));
    const char* word = "north";
    CHECK(std::strtod(word, &end) == 0.0);
    CHECK(end == word);
    errno = 0;
    CHECK(std::isinf(std::strtod("1e999", nullptr)));
    CHECK(errno == ERANGE);
    errno = 0;
    CHECK(std::strtod("121.25,", &end) == 121.25);
    CHECK(*end == ',');
    CHECK(errno == 0);
}
