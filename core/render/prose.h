// Proposal text as it was written (always Chinese), placed in a page of either language.
#pragma once

#include <string>
#include <string_view>

#include "text/lang.h"

namespace beitai::render {

// Text as written, one <p> per line (the transcriptions keep the seed's list items on
// their own lines); empty lines dropped; escaped.
std::string paragraphs_html(const std::string& text);

// Marks already-escaped Chinese source text with lang="zh-Hant-TW" on an English page, so a
// screen reader reads it with the right voice; unchanged on a Chinese page.
std::string source_text(const std::string& html, text::Lang page_lang, const char* element = "span");

// A template of the language table with "{name}" replaced by markup (escaped by its maker,
// e.g. source_text): the template's own words are escaped here.
std::string fill_html(std::string_view pattern, std::string_view name, const std::string& html);

}  // namespace beitai::render
