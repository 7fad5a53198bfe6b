// text/text_rule: what a text field may hold, the same in forms and in JSON. Each refused kind
// is named with its character; what people really type (Chinese, emoji, CR LF from a form's
// textarea, tabs) passes.
#include <doctest/doctest.h>

#include <string>

#include "text/text_rule.h"
#include "text/utf8.h"

using namespace beitai;
using text::TextFault;

namespace {

std::string utf8(char32_t cp) {
    std::string s;
    text::append_utf8(s, cp);
    return s;
}

}  // namespace

TEST_CASE("text rule: what people type passes") {
    for (const std::string& s : {std::string(""), std::string("北臺區域發展推動委員會"), std::string("line one\nline two"),
                                 std::string("a form's textarea\r\nsends CR LF"), std::string("tab\tseparated"),
                                 std::string("emoji 🚲 and math 𝔸, private use \xEE\x80\x80"),
                                 std::string("U+FFFD itself \xEF\xBF\xBD"), std::string("~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./")}) {
        CAPTURE(s);
        CHECK_FALSE(text::find_text_flaw(s));
    }
}

TEST_CASE("text rule: control characters but tab and line breaks are refused, with the character and its place") {
    for (char32_t cp = 0; cp < 0xA0; ++cp) {
        if (cp >= 0x20 && cp < 0x7F) continue;
        CAPTURE(static_cast<unsigned>(cp));
        const auto flaw = text::find_text_flaw("ab" + utf8(cp) + "c");
        if (cp == '\t' || cp == '\n') {
            CHECK_FALSE(flaw);
            continue;
        }
        REQUIRE(flaw);
        CHECK(flaw->fault == TextFault::control);
        CHECK(flaw->code_point == cp);
        CHECK(flaw->offset == 2);
    }
    // NUL does not end the text, and a CR is a line break only before LF.
    CHECK(text::find_text_flaw(std::string_view("a\0b", 3))->code_point == 0);
    CHECK(text::find_text_flaw("a\rb")->code_point == U'\r');
    CHECK(text::find_text_flaw("a\r")->code_point == U'\r');
    CHECK(text::find_text_flaw("a\r\r\n")->offset == 1);
    CHECK_FALSE(text::find_text_flaw("a\r\nb\r\n"));
}

TEST_CASE("text rule: noncharacters are refused, in every plane") {
    for (char32_t cp : {0xFDD0u, 0xFDEFu, 0xFFFEu, 0xFFFFu, 0x1FFFEu, 0x1FFFFu, 0x10FFFEu, 0x10FFFFu}) {
        CAPTURE(static_cast<unsigned>(cp));
        const auto flaw = text::find_text_flaw("名" + utf8(cp));
        REQUIRE(flaw);
        CHECK(flaw->fault == TextFault::noncharacter);
        CHECK(flaw->code_point == cp);
        CHECK(flaw->offset == 3);
    }
    for (char32_t cp : {0xFDCFu, 0xFDF0u, 0xFFFDu, 0x1FFFDu, 0x20000u}) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK_FALSE(text::find_text_flaw(utf8(cp)));
    }
}

TEST_CASE("text rule: bytes that are not UTF-8 are refused where they start") {
    for (const std::string& s : {std::string("\xFF"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                                 std::string("\xE8\x87"), std::string("\x80"), std::string("\xF4\x90\x80\x80"),
                                 std::string("\xF8\x88\x80\x80\x80")}) {
        CAPTURE(s);
        const auto flaw = text::find_text_flaw("ok" + s);
        REQUIRE(flaw);
        CHECK(flaw->fault == TextFault::invalid_utf8);
        CHECK(flaw->offset == 2);
        CHECK(text::text_flaw_param(*flaw).empty());
    }
}

TEST_CASE("text rule: the message names the field and the character, in both languages") {
    const auto nul = *text::find_text_flaw(std::string_view("\0", 1));
    CHECK(std::string(text::text_flaw_code(nul)) == "text_control");
    CHECK(text::text_flaw_param(nul) == "U+0000");
    const std::string en = text::text_flaw_message("progress[2].note", nul, text::Lang::en);
    const std::string zh = text::text_flaw_message("progress[2].note", nul, text::Lang::zh_TW);
    CHECK(en.rfind("progress[2].note: ", 0) == 0);
    CHECK(zh.rfind("progress[2].note：", 0) == 0);
    CHECK(en.find("U+0000") != std::string::npos);
    CHECK(zh.find("U+0000") != std::string::npos);
    CHECK(en.find("control character") != std::string::npos);
    CHECK(zh.find("控制字元") != std::string::npos);
    const auto ffff = *text::find_text_flaw("\xEF\xBF\xBF");
    CHECK(std::string(text::text_flaw_code(ffff)) == "text_noncharacter");
    CHECK(text::text_flaw_message("title", ffff, text::Lang::en).find("U+FFFF") != std::string::npos);
    const auto bad = *text::find_text_flaw("\xFF");
    CHECK(std::string(text::text_flaw_code(bad)) == "text_invalid");
    CHECK(text::text_flaw_message("title", bad, text::Lang::zh_TW).find("UTF-8") != std::string::npos);
    // Every code has its wording in the tables (a missing one would show the key).
    for (const auto& flaw : {nul, ffff, bad})
        for (auto lang : {text::Lang::zh_TW, text::Lang::en})
            CHECK(text::text_flaw_message("f", flaw, lang).find("problem.") == std::string::npos);
}

TEST_CASE("text rule over JSON: the first flaw in document order, with its path") {
    using text::Json;
    CHECK_FALSE(text::find_json_text_flaw(Json::parse(R"({"a": "b", "c": [1, true, null, "d"], "e": {"f": "g"}})")));
    const auto deep = text::find_json_text_flaw(Json::parse(R"({"title": "ok", "progress": [{"note": "a"}, {"note": "b"}, {"note": "c\u0000"}]})"));
    REQUIRE(deep);
    CHECK(deep->field == "progress[2].note");
    CHECK(deep->flaw.code_point == 0);
    const auto first = text::find_json_text_flaw(Json::parse(R"({"a": "\uffff", "b": "\u0007"})"));
    REQUIRE(first);
    CHECK(first->field == "a");
    CHECK(first->flaw.fault == TextFault::noncharacter);
    CHECK(text::find_json_text_flaw(Json::parse(R"(["x", "\u0085"])"))->field == "[1]");
    CHECK(text::find_json_text_flaw(Json::parse(R"("\u001b[31m")"))->field == "(body)");
    // A member's name is text too; it is said by the object that holds it.
    CHECK(text::find_json_text_flaw(Json::parse(R"({"sheet": {"a\u0000": "x"}})"))->field == "sheet");
    CHECK(text::find_json_text_flaw(Json::parse(R"({"\ufdd0": 1})"))->field == "(body)");
    // Invalid UTF-8 cannot come through the JSON parser, but a form's text converted to JSON can.
    Json built = {{"text", std::string("\xC3")}};
    CHECK(text::find_json_text_flaw(built)->flaw.fault == TextFault::invalid_utf8);
    // Deep nesting is walked without recursion.
    Json nested = "\x01";
    for (int i = 0; i < 100000; ++i) nested = Json::array({std::move(nested)});
    CHECK(text::find_json_text_flaw(nested)->flaw.code_point == 1);
}

TEST_CASE("utf8: next_code_point reads one character, or steps over one bad byte") {
    std::size_t i = 0;
    const std::string s = "a臺🚲\xFF";
    CHECK(*text::next_code_point(s, i) == U'a');
    CHECK(i == 1);
    CHECK(*text::next_code_point(s, i) == U'臺');
    CHECK(i == 4);
    CHECK(*text::next_code_point(s, i) == U'🚲');
    CHECK(i == 8);
    CHECK_FALSE(text::next_code_point(s, i));
    CHECK(i == 9);
    CHECK(text::code_point_name(0) == "U+0000");
    CHECK(text::code_point_name(0x1FFFE) == "U+1FFFE");
    for (char32_t cp : {0x0u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
        std::string out;
        text::append_utf8(out, cp);
        std::size_t at = 0;
        CHECK(*text::next_code_point(out, at) == cp);
        CHECK(at == out.size());
    }
}
