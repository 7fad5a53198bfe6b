#include "text/lang.h"

namespace beitai::text {

namespace {

struct Entry {
    std::string_view key;
    std::string_view zh;
    std::string_view en;
};

// Sorted by nothing in particular; the table is small and looked up rarely.
constexpr Entry kStrings[] = {
    {"status.open", "列管", "Open"},
    {"status.closed", "解除列管", "Closed"},
    {"summary.total", "提案總數", "All proposals"},
    {"summary.heading", "合作提案追蹤", "Cooperation proposals"},
    {"summary.caption", "依狀態統計（資料來源：112年度副首長會議紀錄）",
     "By status (source: the 112 vice-mayors' meeting record)"},
};

}  // namespace

Lang parse_lang(std::string_view tag) { return tag == "en" ? Lang::en : Lang::zh_TW; }

std::string_view lang_tag(Lang lang) { return lang == Lang::en ? "en" : "zh-TW"; }

std::string_view tr(std::string_view key, Lang lang) {
    for (const auto& e : kStrings)
        if (e.key == key) return lang == Lang::en ? e.en : e.zh;
    return key;
}

}  // namespace beitai::text
