#include "render/county_list.h"

#include <cstdio>

#include "text/html.h"

namespace beitai::render {

namespace {
std::string coordinate(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}
}  // namespace

std::string county_list_html(const std::vector<content::County>& counties, text::Lang lang) {
    std::string out = "<ul class=\"county-list\">";
    for (const auto& c : counties) {
        const std::string& first = lang == text::Lang::en ? c.name_en : c.name_zh;
        const std::string& second = lang == text::Lang::en ? c.name_zh : c.name_en;
        out += "<li data-county=\"" + text::escape_html(c.id) + "\"><span class=\"county-name\">" +
               text::escape_html(first) + "</span> <span class=\"county-alt\" lang=\"" +
               (lang == text::Lang::en ? "zh-Hant-TW" : "en") + "\">" + text::escape_html(second) +
               "</span> <span class=\"county-seat\">" + coordinate(c.seat.lat) + ", " + coordinate(c.seat.lon) +
               "</span></li>";
    }
    return out + "</ul>";
}

}  // namespace beitai::render
