#include "render/notices.h"

#include <utility>

#include "text/html.h"

namespace beitai::render {

using text::escape_html;

std::string error_notice_html(std::string_view message) {
    return "<p class=\"notice error\" role=\"alert\">" + escape_html(message) + "</p>";
}

std::string back_link_html(std::string_view href, std::string_view label) {
    return "<p><a href=\"" + escape_html(href) + "\">" + escape_html(label) + "</a></p>";
}

std::string error_main_html(std::string_view heading, std::string_view message, std::string_view back_href,
                            std::string_view back_label) {
    return "<h1>" + escape_html(heading) + "</h1><p class=\"error\" role=\"alert\">" + escape_html(message) + "</p>" +
           back_link_html(back_href, back_label);
}

std::string not_found_main_html(std::string_view path, text::Lang lang) {
    std::string out = "<h1>" + escape_html(text::tr("not_found.heading", lang)) + "</h1><p class=\"error\">" +
                      escape_html(text::tr("not_found.text", lang)) + " <code>" + escape_html(path) +
                      "</code></p><ul class=\"not-found-links\">";
    const std::pair<const char*, const char*> links[] = {
        {"/", "nav.home"}, {"/proposals", "nav.proposals"}, {"/map", "nav.map"}, {"/raffle", "nav.raffle"}};
    for (const auto& [href, key] : links)
        out += "<li><a href=\"" + std::string(href) + "\">" + escape_html(text::tr(key, lang)) + "</a></li>";
    return out + "</ul>";
}

}  // namespace beitai::render
