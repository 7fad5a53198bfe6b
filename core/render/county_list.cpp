#include "render/county_list.h"

#include "text/html.h"
#include "text/url.h"

namespace beitai::render {

std::string county_list_html(const std::vector<content::County>& counties, text::Lang lang) {
    std::string out = "<ul class=\"county-list\">";
    for (const auto& c : counties) {
        const std::string& name = lang == text::Lang::en ? c.name_en : c.name_zh;
        out += "<li data-county=\"" + text::escape_html(c.id) + "\"><a href=\"/proposals?" +
               text::escape_html(text::to_query_string({{"county", c.id}})) + "\">" + text::escape_html(name) +
               "</a></li>";
    }
    return out + "</ul>";
}

}  // namespace beitai::render
