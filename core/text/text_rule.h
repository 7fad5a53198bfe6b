// The one rule for text that people send: what may be stored in a text field, checked at every
// input — the staff's forms and JSON, the raffle's, accounts, campaigns — so that nothing
// stored can break a page, a CSV, a feed or a spreadsheet later.
//
// A text field holds well-formed UTF-8 with
//   - no control character but tab and line breaks (LF, or CR LF as forms send them): no NUL,
//     no other C0 control (U+0000–001F), no DEL (U+007F), no C1 control (U+0080–009F), no
//     lone CR;
//   - no noncharacter: U+FDD0–FDEF and the last two code points of every plane (U+FFFE,
//     U+FFFF, U+1FFFE … U+10FFFF), which XML refuses outright or which mean "not text".
// Anything else Unicode assigns or may assign is text (private use and emoji included).
//
// Writers do not rely on this alone: text::escape_xml drops what XML 1.0 forbids anyway, for
// text stored before the rule or read from elsewhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "text/json_reader.h"
#include "text/lang.h"

namespace beitai::text {

enum class TextFault {
    invalid_utf8,  // bytes that are not UTF-8
    control,       // a control character other than tab and line breaks
    noncharacter,  // U+FDD0–FDEF, U+xFFFE, U+xFFFF
};

struct TextFlaw {
    TextFault fault = TextFault::invalid_utf8;
    char32_t code_point = 0;  // the character refused (0 for invalid UTF-8)
    std::size_t offset = 0;   // its first byte
};

// The first thing in `s` the rule refuses, or nullopt when all of it may be stored.
std::optional<TextFlaw> find_text_flaw(std::string_view s);

// The wording's key in the language tables, which also names the problem in JSON answers:
// "text_invalid", "text_control", "text_noncharacter" (lang.cpp holds "problem.<code>").
const char* text_flaw_code(const TextFlaw& flaw);
// What fills the wording's {value}: the character's name ("U+0000"), empty for bad UTF-8.
std::string text_flaw_param(const TextFlaw& flaw);
// "note：含有控制字元 U+0000，…" / "note: contains the control character U+0000 …": the field
// first, then the wording from the language tables.
std::string text_flaw_message(std::string_view field, const TextFlaw& flaw, Lang lang);

// A flaw in a JSON document and where: every string value and every member name is checked,
// the path written as the readers write theirs ("progress[2].note", "[0]", "(body)" for a
// string at the root). Walked without recursion.
struct FieldTextFlaw {
    std::string field;
    TextFlaw flaw;
};
std::optional<FieldTextFlaw> find_json_text_flaw(const Json& value);

}  // namespace beitai::text
