// text/lang: zh-TW first, English second. Tags, the string table in both languages, and
// dates as people read them in each.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/lang.h"

using namespace beitai;
using text::Lang;

namespace {

// Keys the views look up by name (grep 'tr("' in core/ and site/); each must be in the table.
const char* const kUsedKeys[] = {
    "site.name", "site.short", "site.skip", "nav.home", "nav.proposals", "nav.map", "nav.kiosk", "nav.staff",
    "nav.language", "nav.language_label", "status.open", "status.closed", "punct.colon", "summary.heading",
    "summary.total", "filter.heading", "filter.any", "filter.apply", "filter.reset", "list.count", "list.page",
    "list.none", "detail.year", "detail.status", "detail.history", "detail.back", "staff.sign_in", "staff.conflict",
    "staff.forbidden", "map.title", "map.sample_title", "map.no_js", "map.plan", "parking.free", "parking.stale",
    "parking.none_near", "closure.done", "closure.no_need", "closure.cancelled", "closure.central",
    "closure.routine", "closure.other", "parking.level.plenty", "parking.level.full", "yes", "no"};

bool has_cjk(std::string_view s) {
    // The CJK Unified Ideographs are U+4E00..U+9FFF: UTF-8 lead bytes 0xE4..0xE9.
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0xE4 && u <= 0xE9) return true;
    }
    return false;
}

size_t count(std::string_view s, std::string_view what) {
    size_t n = 0;
    for (auto at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("language tags: only \"en\" is English, everything else is zh-TW") {
    CHECK(text::parse_lang("en") == Lang::en);
    for (const char* other : {"zh-TW", "zh", "", "EN", "en-GB", "en ", "fr", "zh-Hant-TW"}) {
        const std::string shown_other = other;
        CAPTURE(shown_other);
        CHECK(text::parse_lang(other) == Lang::zh_TW);
    }
    CHECK(text::lang_tag(Lang::zh_TW) == "zh-TW");
    CHECK(text::lang_tag(Lang::en) == "en");
    CHECK(text::html_lang_tag(Lang::zh_TW) == "zh-Hant-TW");  // BCP 47 with the script: traditional characters
    CHECK(text::html_lang_tag(Lang::en) == "en");
    for (Lang lang : {Lang::zh_TW, Lang::en}) CHECK(text::parse_lang(text::lang_tag(lang)) == lang);
}

TEST_CASE("every key the views use has a string in both languages") {
    for (const char* key : kUsedKeys) {
        const std::string k = key;
        CAPTURE(k);
        const auto zh = text::tr(key, Lang::zh_TW);
        const auto en = text::tr(key, Lang::en);
        CHECK(zh != key);
        CHECK(en != key);
        CHECK_FALSE(zh.empty());
        CHECK_FALSE(en.empty());
        CHECK(zh != en);
    }
    // The language switch names the other language, in that language.
    CHECK(text::tr("nav.language", Lang::zh_TW) == "English");
    CHECK(text::tr("nav.language", Lang::en) == "中文");
    CHECK(text::tr("status.open", Lang::zh_TW) == "列管");
    CHECK(text::tr("status.closed", Lang::zh_TW) == "解除列管");
    CHECK(text::tr("status.open", Lang::en) == "Open");
    CHECK(text::tr("status.closed", Lang::en) == "Closed");
}

TEST_CASE("zh-TW strings are Chinese and English ones are not, bar the switch and a quoted example") {
    for (const char* key : kUsedKeys) {
        const std::string k = key;
        CAPTURE(k);
        // The language switch is written in the language it switches to.
        if (k == "punct.colon" || k == "nav.language" || k == "nav.language_label") continue;
        CHECK(has_cjk(text::tr(key, Lang::zh_TW)));
        CHECK_FALSE(has_cjk(text::tr(key, Lang::en)));
    }
    // zh-TW punctuation is full-width, English is not.
    CHECK(text::tr("punct.colon", Lang::zh_TW) == "：");
    CHECK(text::tr("punct.colon", Lang::en) == ": ");
}

TEST_CASE("templates carry the same placeholders in both languages") {
    struct Template {
        const char* key;
        std::vector<const char*> placeholders;
    };
    const Template templates[] = {{"list.count", {"{n}"}}, {"list.page", {"{p}", "{t}"}}};
    for (const auto& t : templates) {
        for (Lang lang : {Lang::zh_TW, Lang::en}) {
            const std::string shown_t_key = t.key;
            CAPTURE(shown_t_key);
            CAPTURE(text::lang_tag(lang));
            const auto s = text::tr(t.key, lang);
            for (const char* p : t.placeholders) {
                const std::string shown_p = p;
                CAPTURE(shown_p);
                CHECK(count(s, p) == 1);
            }
        }
    }
}

TEST_CASE("an unknown key shows itself, in either language") {
    for (Lang lang : {Lang::zh_TW, Lang::en}) {
        CHECK(text::tr("no.such.key", lang) == "no.such.key");
        CHECK(text::tr("status.Open", lang) == "status.Open");  // keys are case-sensitive
        CHECK(text::tr("status.open ", lang) == "status.open ");
        CHECK(text::tr("status", lang) == "status");  // a prefix of keys is no key
    }
}

TEST_CASE("dates: ROC year and ISO in zh-TW, day month year and ROC in English") {
    CHECK(text::format_date({2023, 8, 8}, Lang::zh_TW) == "民國112年8月8日（2023-08-08）");
    CHECK(text::format_date({2023, 8, 8}, Lang::en) == "8 Aug 2023 (ROC 112)");
    CHECK(text::format_date({1912, 1, 1}, Lang::zh_TW) == "民國1年1月1日（1912-01-01）");
    CHECK(text::format_date({1912, 1, 1}, Lang::en) == "1 Jan 1912 (ROC 1)");
    CHECK(text::format_date({2024, 2, 29}, Lang::en) == "29 Feb 2024 (ROC 113)");
    CHECK(text::format_date({2011, 12, 31}, Lang::zh_TW) == "民國100年12月31日（2011-12-31）");

    const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int m = 1; m <= 12; ++m) {
        CAPTURE(m);
        CHECK(text::format_date({2023, m, 15}, Lang::en) == std::string("15 ") + months[m - 1] + " 2023 (ROC 112)");
        CHECK(text::format_date({2023, m, 15}, Lang::zh_TW) ==
              "民國112年" + std::to_string(m) + "月15日（2023-" + (m < 10 ? "0" : "") + std::to_string(m) + "-15）");
    }
}

TEST_CASE("an impossible or unset date is a dash, never garbage") {
    const text::Date bad[] = {{}, {2023, 2, 29}, {2023, 13, 1}, {2023, 0, 1}, {2023, 4, 31}, {2023, 1, 0}, {-5, 1, 1}};
    for (const auto& d : bad) {
        CAPTURE(d.year);
        CAPTURE(d.month);
        CAPTURE(d.day);
        CHECK(text::format_date(d, Lang::zh_TW) == "—");
        CHECK(text::format_date(d, Lang::en) == "—");
    }
}
