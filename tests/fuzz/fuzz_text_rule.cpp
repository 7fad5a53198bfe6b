// libFuzzer target: the text rule (text/text_rule.h) and the XML escape (text/html.h) on any
// bytes. The promises checked:
//   - escape_xml writes well-formed UTF-8 of XML 1.0 characters only, with no markup: every
//     '&' starts one of its five entities, and pugixml reads it back inside an element and an
//     attribute;
//   - what the rule takes is valid UTF-8 with no control character but tab and line breaks
//     and no noncharacter, and escape_xml replaces nothing in it;
//   - a flaw's offset points at the character it names;
//   - the JSON walk finds a flaw exactly when one of the document's strings or names has one.
#include "fuzz_support.h"

#include <pugixml.hpp>

#include "text/html.h"
#include "text/text_rule.h"
#include "text/utf8.h"

using namespace beitai;

namespace {

bool xml_char(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::size_t count(std::string_view s, std::string_view what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string_view::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

void check_escape(std::string_view input) {
    const std::string out = text::escape_xml(input);
    for (std::size_t i = 0; i < out.size();) {
        const std::size_t at = i;
        const auto cp = text::next_code_point(out, i);
        FUZZ_CHECK(cp, "escape_xml wrote a byte that is not UTF-8 at " + std::to_string(at));
        FUZZ_CHECK(xml_char(*cp), "escape_xml wrote " + text::code_point_name(*cp));
        FUZZ_CHECK(*cp != '<' && *cp != '>' && *cp != '"' && *cp != '\'', "escape_xml left markup at " + std::to_string(at));
        if (*cp == '&') {
            bool known = false;
            for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) known = known || out.compare(at, e.size(), e) == 0;
            FUZZ_CHECK(known, "a bare & at " + std::to_string(at));
        }
    }
    pugi::xml_document doc;
    const std::string xml = "<a b=\"" + out + "\">" + out + "</a>";
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    FUZZ_CHECK(parsed, std::string("pugixml refuses the escaped text: ") + parsed.description());
    FUZZ_CHECK(doc.child("a") && doc.child("a").attribute("b"), "the element or its attribute is gone");
}

void check_rule(std::string_view input) {
    const auto flaw = text::find_text_flaw(input);
    if (!flaw) {
        FUZZ_CHECK(text::is_valid_utf8(input), "the rule took bytes that are not UTF-8");
        for (std::size_t i = 0; i < input.size();) {
            const char32_t cp = *text::next_code_point(input, i);
            FUZZ_CHECK(!(cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') && !(cp >= 0x7F && cp <= 0x9F),
                       "the rule took " + text::code_point_name(cp));
            FUZZ_CHECK(cp != '\r' || (i < input.size() && input[i] == '\n'), "the rule took a lone CR");
            FUZZ_CHECK(!(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE, "the rule took " + text::code_point_name(cp));
        }
        const std::string out = text::escape_xml(input);
        FUZZ_CHECK(count(out, "\xEF\xBF\xBD") == count(input, "\xEF\xBF\xBD"), "escape_xml replaced text the rule takes");
        return;
    }
    FUZZ_CHECK(flaw->offset < input.size(), "a flaw past the end");
    std::size_t at = flaw->offset;
    const auto cp = text::next_code_point(input, at);
    if (flaw->fault == text::TextFault::invalid_utf8) FUZZ_CHECK(!cp, "invalid UTF-8 said where a character reads");
    else FUZZ_CHECK(cp && *cp == flaw->code_point, "the flaw names " + text::code_point_name(flaw->code_point));
    // Everything before the flaw is text the rule takes.
    FUZZ_CHECK(!text::find_text_flaw(input.substr(0, flaw->offset)), "a flaw before the first flaw");
}

void check_json(std::string_view input) {
    auto json = text::parse_json_text(input, "input");
    if (!json || text::nested_deeper_than(*json, 64)) return;
    bool any = false;
    std::vector<const text::Json*> stack = {&*json};
    while (!stack.empty()) {
        const text::Json& j = *stack.back();
        stack.pop_back();
        if (j.is_string()) any = any || text::find_text_flaw(j.get_ref<const std::string&>());
        if (j.is_object())
            for (auto it = j.begin(); it != j.end(); ++it) {
                any = any || text::find_text_flaw(it.key());
                stack.push_back(&*it);
            }
        if (j.is_array())
            for (const auto& e : j) stack.push_back(&e);
    }
    const auto found = text::find_json_text_flaw(*json);
    FUZZ_CHECK(found.has_value() == any, found ? "a flaw found in " + found->field + " that no string holds" : "a flaw missed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fuzz::as_text(data, size);
    check_escape(input);
    check_rule(input);
    check_json(input);
    return 0;
}
