// One language per page, checked on the HTML a view writes: an English page may hold Chinese
// only where it is the source's own words (a proposal's text, an agency's name), and those are
// marked lang="zh-Hant-TW" (render::source_text), so screen readers switch voice there too.
#pragma once

#include <string>

namespace beitai::testing {

// `html` without every element marked lang="zh-Hant-TW" (nested elements of the same name
// included).
std::string without_source_text(std::string html);

// What a person reads of `html`: its text, and the attributes that are read (title, alt,
// aria-label, placeholder); not the markup, ids or values sent back with a form.
std::string readable_text(const std::string& html);

// The first Han character or CJK punctuation (U+3000–U+9FFF) in `s` with some text around
// it, or "" when there is none. The sample-data label 示範資料 stays Chinese on every page
// and is passed over.
std::string first_chinese(const std::string& s);

}  // namespace beitai::testing
