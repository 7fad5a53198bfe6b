// The portal speaks zh-TW first and English second. Every user-facing string the core
// renders is looked up here by key, so a view never hard-codes one language. Proposal
// text stays as written; labels, dates and statuses are translated.
#pragma once

#include <string>
#include <string_view>

#include "text/date.h"

namespace beitai::text {

enum class Lang { zh_TW, en };

// "en" → English; anything else (including "zh-TW") → zh-TW.
Lang parse_lang(std::string_view tag);
std::string_view lang_tag(Lang lang);       // "zh-TW" / "en"
std::string_view html_lang_tag(Lang lang);  // "zh-Hant-TW" / "en"

// One of two texts written in place, in the reader's language: for a message said once (a
// route's refusal, a form's hint) that would be noise in the shared table below.
inline const char* say(Lang lang, const char* zh, const char* en) { return lang == Lang::en ? en : zh; }

// The string for `key` in `lang`; the key itself when unknown (visible, never empty).
std::string_view tr(std::string_view key, Lang lang);

// Replaces "{name}" in a translated template with `value`.
std::string fill(std::string_view pattern, std::string_view name, const std::string& value);

// A date as people read it: "民國112年8月8日（2023-08-08）" / "8 Aug 2023 (ROC 112)".
std::string format_date(const Date& date, Lang lang);

}  // namespace beitai::text
