// The small pieces of markup every page may need when something is refused or missing: a
// notice, an error page's main content, a link back. Escaped here, like every view, so the
// server never builds HTML by concatenation.
#pragma once

#include <string>
#include <string_view>

#include "text/lang.h"

namespace beitai::render {

// <p class="notice error" role="alert">message</p>: a refusal inside a page that goes on
// (staff forms).
std::string error_notice_html(std::string_view message);

// An error page's main content: its heading, the message (announced), and a way back.
std::string error_main_html(std::string_view heading, std::string_view message, std::string_view back_href,
                            std::string_view back_label);

// The main content of the page for an address with no page: says so with the address, and
// offers the home page and the main sections.
std::string not_found_main_html(std::string_view path, text::Lang lang);

// <p><a href="…">label</a></p>: the way back from a page that lists one layer of another.
std::string back_link_html(std::string_view href, std::string_view label);

}  // namespace beitai::render
