#include "render/notices.h"

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

}  // namespace beitai::render
