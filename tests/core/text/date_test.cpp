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

TEST_CASE("ISO date-times with an offset become Unix seconds, and Taiwan time goes back") {
    using beitai::text::parse_iso_datetime;
    using beitai::text::to_iso_datetime_taipei;
    CHECK(parse_iso_datetime("1970-01-01T00:00:00Z") == 0LL);
    CHECK(parse_iso_datetime("1970-01-01T08:00:00+08:00") == 0LL);
    // 2024-05-01T12:34:56+08:00 = 04:34:56 UTC = 1714538096
    CHECK(parse_iso_datetime("2024-05-01T12:34:56+08:00") == 1714538096LL);
    CHECK(parse_iso_datetime("2024-05-01T12:34:56.123+0800") == 1714538096LL);
    CHECK(parse_iso_datetime("2024-05-01 04:34:56Z") == 1714538096LL);
    CHECK(parse_iso_datetime("2024-02-29T00:00:00-05:30") == 1709184600LL);
    CHECK(to_iso_datetime_taipei(1714538096) == "2024-05-01T12:34:56+08:00");
    CHECK(to_iso_datetime_taipei(0) == "1970-01-01T08:00:00+08:00");
    CHECK(beitai::text::date_in_taipei(1714579199) == Date{2024, 5, 1});  // 23:59:59 in Taipei
    CHECK(beitai::text::date_in_taipei(1714579200) == Date{2024, 5, 2});
    CHECK(beitai::text::date_in_taipei(-1) == Date{1970, 1, 1});          // 07:59:59 in Taipei
    CHECK(parse_iso_datetime(to_iso_datetime_taipei(1735660799)) == 1735660799LL);  // 2024-12-31T23:59:59Z
    for (const char* bad : {"", "2024-05-01", "2024-05-01T12:34:56", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z",
                            "2024-05-01T24:00:00Z", "2024-05-01T12:34Z", "2024-05-01T12:34:56+8", "2024-05-01T12:34:56Zjunk",
                            "2024-05-01T12:34:56.Z", "未提供"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_datetime(bad).has_value());
    }
}

TEST_CASE("days between two dates: across months, leap days and years, either way") {
    CHECK(days_between({2023, 8, 8}, {2023, 8, 10}) == 2);
    CHECK(days_between({2023, 8, 10}, {2023, 8, 8}) == -2);
    CHECK(days_between({2023, 8, 8}, {2023, 8, 8}) == 0);
    CHECK(days_between({2024, 2, 28}, {2024, 3, 1}) == 2);  // 2024 is a leap year
    CHECK(days_between({2023, 2, 28}, {2023, 3, 1}) == 1);
    CHECK(days_between({2026, 11, 1}, {2027, 1, 31}) == 91);
    CHECK(days_between({1970, 1, 1}, {2000, 1, 1}) == 10957);
    // Consistent with the Taiwan date of Unix seconds: a day later is one day more.
    const Date d = date_in_taipei(1'780'000'000);
    CHECK(days_between(d, date_in_taipei(1'780'000'000 + 86400)) == 1);
}

TEST_CASE("Gregorian dates as open-data lists write them") {
    CHECK(beitai::text::parse_gregorian_date("2011/05/13") == beitai::text::Date{2011, 5, 13});
    CHECK(beitai::text::parse_gregorian_date(" 2011/5/3 ") == beitai::text::Date{2011, 5, 3});
    CHECK(beitai::text::parse_gregorian_date("2011-05-13") == beitai::text::Date{2011, 5, 13});
    for (const char* bad : {"", "100/05/13", "2011/13/01", "2011/02/30", "2011-05/13", "2011/05/13x", "20110513"}) {
        CAPTURE(bad);
        CHECK_FALSE(beitai::text::parse_gregorian_date(bad));
    }
}
