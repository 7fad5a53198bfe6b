#include "text/text_rule.h"

#include "text/utf8.h"

namespace beitai::text {

namespace {

bool is_noncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

bool is_refused_control(char32_t cp) {
    if (cp == '\t' || cp == '\n') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

}  // namespace

std::optional<TextFlaw> find_text_flaw(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {  // printable ASCII: the common case, quickly
            ++i;
            continue;
        }
        const auto cp = next_code_point(s, i);
        if (!cp) return TextFlaw{TextFault::invalid_utf8, 0, at};
        // A form's line break is CR LF (HTML sends textareas so); a CR alone is no line break.
        if (*cp == '\r' && i < s.size() && s[i] == '\n') continue;
        if (is_refused_control(*cp)) return TextFlaw{TextFault::control, *cp, at};
        if (is_noncharacter(*cp)) return TextFlaw{TextFault::noncharacter, *cp, at};
    }
    return std::nullopt;
}

const char* text_flaw_code(const TextFlaw& flaw) {
    switch (flaw.fault) {
        case TextFault::invalid_utf8: return "text_invalid";
        case TextFault::control: return "text_control";
        case TextFault::noncharacter: return "text_noncharacter";
    }
    return "text_invalid";
}

std::string text_flaw_param(const TextFlaw& flaw) {
    return flaw.fault == TextFault::invalid_utf8 ? std::string() : code_point_name(flaw.code_point);
}

std::string text_flaw_message(std::string_view field, const TextFlaw& flaw, Lang lang) {
    const std::string wording = fill(tr(std::string("problem.") + text_flaw_code(flaw), lang), "value", text_flaw_param(flaw));
    return std::string(field) + (lang == Lang::en ? ": " : "：") + wording;
}

std::optional<FieldTextFlaw> find_json_text_flaw(const Json& root) {
    std::optional<FieldTextFlaw> found;
    visit_json_text(root, [&](const std::string& path, const std::string& text, bool) {
        if (auto flaw = find_text_flaw(text)) found = FieldTextFlaw{path.empty() ? std::string("(body)") : path, *flaw};
        return found.has_value();
    });
    return found;
}

}  // namespace beitai::text
