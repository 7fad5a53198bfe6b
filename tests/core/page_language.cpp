#include "page_language.h"

namespace beitai::testing {

std::string without_source_text(std::string html) {
    const std::string mark = " lang=\"zh-Hant-TW\">";
    for (auto at = html.find(mark); at != std::string::npos; at = html.find(mark)) {
        const auto open = html.rfind('<', at);
        const std::string name = html.substr(open + 1, at - open - 1);
        size_t depth = 1, pos = at + mark.size();
        while (depth > 0) {
            const auto next_open = html.find("<" + name, pos), next_close = html.find("</" + name + ">", pos);
            if (next_close == std::string::npos) return html.substr(0, open) + "<unclosed " + name + ">";
            if (next_open != std::string::npos && next_open < next_close) {
                ++depth;
                pos = next_open + 1;
            } else {
                --depth;
                pos = next_close + name.size() + 3;
            }
        }
        html.erase(open, pos - open);
    }
    return html;
}

std::string readable_text(const std::string& html) {
    std::string out;
    for (size_t at = 0; at < html.size();) {
        if (html[at] != '<') {
            out += html[at++];
            continue;
        }
        const auto end = html.find('>', at);
        if (end == std::string::npos) break;
        const std::string tag = html.substr(at, end - at);
        for (const char* name : {" title=\"", " alt=\"", " aria-label=\"", " placeholder=\""}) {
            const auto a = tag.find(name);
            if (a == std::string::npos) continue;
            const auto from = a + std::string(name).size();
            out += " " + tag.substr(from, tag.find('"', from) - from) + " ";
        }
        // <style> and <script> hold no reading.
        for (const char* raw : {"style", "script"}) {
            if (tag.compare(1, std::string(raw).size(), raw) == 0) {
                const auto close = html.find(std::string("</") + raw + ">", end);
                at = close == std::string::npos ? html.size() : close;
                break;
            }
        }
        if (at < end) at = end + 1;
        out += ' ';
    }
    return out;
}

std::string first_chinese(const std::string& s) {
    const std::string sample = "示範資料";
    for (size_t at = 0; at < s.size(); ++at) {
        if (s.compare(at, sample.size(), sample) == 0) {
            at += sample.size() - 1;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[at]);
        if (c >= 0xE3 && c <= 0xE9) {
            size_t from = at > 80 ? at - 80 : 0;
            while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;  // a whole character
            return s.substr(from, at - from + 60);
        }
    }
    return {};
}

}  // namespace beitai::testing
