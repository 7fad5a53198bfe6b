#include <doctest/doctest.h>

#include "text/date.h"

using beitai::text::Date;
using namespace beitai::text;

TEST_CASE("ROC dates convert to Gregorian and back") {
    SUBCASE("the forms the seeds use") {
        struct Case {
            const char* text;
            Date expected;
        } cases[] = {
            {"民國112年8月8日", {2023, 8, 8}},
            {"112年8月8日", {2023, 8, 8}},
            {"112 年 8 月 8 日", {2023, 8, 8}},
            {"111年12月7日", {2022, 12, 7}},
            {"112/06/12", {2023, 6, 12}},
            {"112.6.12", {2023, 6, 12}},
            {"1021231", {2013, 12, 31}},  // TDX FinishedTime
            {"960409", {2007, 4, 9}},
            {"民國1年1月1日", {1912, 1, 1}},
        };
        for (const auto& c : cases) {
            CAPTURE(c.text);
            auto d = parse_roc_date(c.text);
            REQUIRE(d.has_value());
            CHECK(*d == c.expected);
        }
    }
    SUBCASE("formatting") {
        CHECK(to_roc_zh({2023, 8, 8}) == "民國112年8月8日");
        CHECK(to_roc_short({2023, 8, 8}) == "112/08/08");
        CHECK(Date{2023, 8, 8}.roc_year() == 112);
    }
    SUBCASE("round trip over every day of a leap year") {
        Date d{2024, 1, 1};
        int days = 0;
        while (d.year == 2024) {
            CAPTURE(to_iso(d));
            auto back = parse_roc_date(to_roc_zh(d));
            REQUIRE(back.has_value());
            CHECK(*back == d);
            auto iso = parse_iso_date(to_iso(d));
            REQUIRE(iso.has_value());
            CHECK(*iso == d);
            ++days;
            ++d.day;
            if (!is_valid(d)) { d.day = 1; if (++d.month > 12) { d.month = 1; ++d.year; } }
        }
        CHECK(days == 366);
    }
}

TEST_CASE("impossible or malformed dates are refused") {
    for (const char* bad : {"", "112年2月30日", "112年13月1日", "民國0年1月1日", "112年8月", "112年8月8",
                            "abc", "112/8", "11208", "112年8月8日x", "１１２年8月8日"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_roc_date(bad).has_value());
    }
    for (const char* bad : {"2023-02-29", "2023-8-08", "2023/08/08", "2023-08-08T00", "20230808", "2023-00-10"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_date(bad).has_value());
    }
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK(parse_roc_date("113年2月29日").has_value());  // 2024 is a leap year
    CHECK_FALSE(parse_roc_date("112年2月29日").has_value());
}
