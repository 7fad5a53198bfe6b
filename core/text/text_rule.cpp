#include "text/text_rule.h"

#include <vector>

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
    struct Item {
        const Json* node;
        std::string path;
    };
    std::vector<Item> stack = {{&root, ""}};
    while (!stack.empty()) {
        Item item = std::move(stack.back());
        stack.pop_back();
        const Json& j = *item.node;
        if (j.is_string()) {
            if (auto flaw = find_text_flaw(j.get_ref<const std::string&>()))
                return FieldTextFlaw{item.path.empty() ? std::string("(body)") : item.path, *flaw};
        } else if (j.is_object()) {
            // Last pushed is first checked: push in reverse so the first member is said first.
            std::vector<Item> members;
            for (auto it = j.begin(); it != j.end(); ++it) {
                // A flawed name is said by the object that holds it: the name itself is no path.
                if (auto flaw = find_text_flaw(it.key()))
                    return FieldTextFlaw{item.path.empty() ? std::string("(body)") : item.path, *flaw};
                members.push_back({&*it, key_path(item.path, it.key())});
            }
            for (auto m = members.rbegin(); m != members.rend(); ++m) stack.push_back(std::move(*m));
        } else if (j.is_array()) {
            for (std::size_t i = j.size(); i-- > 0;) stack.push_back({&j[i], index_path(item.path, i)});
        }
    }
    return std::nullopt;
}

}  // namespace beitai::text
