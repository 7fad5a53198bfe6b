#include "render/prose.h"

#include "text/html.h"

namespace beitai::render {

std::string paragraphs_html(const std::string& text) {
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!line.empty()) out += "<p>" + text::escape_html(line) + "</p>";
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

std::string source_text(const std::string& html, text::Lang page_lang, const char* element) {
    if (page_lang == text::Lang::zh_TW) return html;
    return std::string("<") + element + " lang=\"zh-Hant-TW\">" + html + "</" + element + ">";
}

std::string fill_html(std::string_view pattern, std::string_view name, const std::string& html) {
    const std::string token = "{" + std::string(name) + "}";
    std::string out;
    size_t from = 0;
    for (auto at = pattern.find(token); at != std::string_view::npos; at = pattern.find(token, from)) {
        out += text::escape_html(pattern.substr(from, at - from)) + html;
        from = at + token.size();
    }
    return out + text::escape_html(pattern.substr(from));
}

}  // namespace beitai::render
