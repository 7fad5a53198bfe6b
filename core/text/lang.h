// The portal speaks zh-TW first and English second. Every user-facing string the core
// renders is looked up here by key, so a view never hard-codes one language.
#pragma once

#include <string_view>

namespace beitai::text {

enum class Lang { zh_TW, en };

// "zh-TW" / "en"; anything else falls back to zh-TW.
Lang parse_lang(std::string_view tag);
std::string_view lang_tag(Lang lang);

// The string for `key` in `lang`; the key itself when unknown (visible, never empty).
std::string_view tr(std::string_view key, Lang lang);

}  // namespace beitai::text
