#include "text/html.h"

#include "text/utf8.h"

namespace beitai::text {

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// XML 1.0's Char production (§2.2): what a document may hold at all, escaped or not.
namespace {
bool xml_char(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}
}  // namespace

std::string escape_xml(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        switch (c) {
            case '&': out += "&amp;"; ++i; continue;
            case '<': out += "&lt;"; ++i; continue;
            case '>': out += "&gt;"; ++i; continue;
            case '"': out += "&quot;"; ++i; continue;
            case '\'': out += "&#39;"; ++i; continue;
            default: break;
        }
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x80) {  // printable ASCII: the common case, quickly
            out += c;
            ++i;
            continue;
        }
        const std::size_t at = i;
        const auto cp = next_code_point(s, i);
        if (cp && xml_char(*cp)) out.append(s.data() + at, i - at);
        else out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER, in place of each bad byte or character
    }
    return out;
}

}  // namespace beitai::text
