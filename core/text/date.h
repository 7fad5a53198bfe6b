// Calendar dates, Gregorian and ROC (民國). The Republic of China calendar counts years from
// 1912 = 民國1年, so 民國112年8月8日 is 2023-08-08. The seeds write ROC dates in several forms
// ("112年8月8日", "112 年 8 月 8 日", "民國112年8月8日", TDX's "1120808"); all parse here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace beitai::text {

struct Date {
    int year = 0;   // Gregorian
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    int roc_year() const { return year - 1911; }
    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
};

bool is_valid(const Date& d);

// "2023-08-08" exactly; nullopt for anything else or an impossible date.
std::optional<Date> parse_iso_date(std::string_view s);
std::string to_iso(const Date& d);
// A Gregorian date as the ministries' open-data lists write it: "2011/05/13", "2011/5/13",
// or ISO "2011-05-13" (spaces around it allowed); nullopt otherwise. A 2- or 3-digit year
// is an ROC year here, not Gregorian: such text goes to parse_roc_date.
std::optional<Date> parse_gregorian_date(std::string_view s);

// "民國112年8月8日", "112年8月8日" (spaces allowed between parts), "112/8/8", "112.08.08",
// and the compact "1120808" / "960409" of TDX (3- or 2-digit year, then MMDD).
std::optional<Date> parse_roc_date(std::string_view s);
// "民國112年8月8日"
std::string to_roc_zh(const Date& d);
// "112/08/08", the short form tables use.
std::string to_roc_short(const Date& d);

// ISO 8601 date and time with an offset, as TDX writes it: "2024-05-01T12:34:56+08:00",
// "…Z", with optional fractional seconds. Unix seconds, or nullopt when it does not parse
// (a time without an offset is ambiguous and refused).
std::optional<long long> parse_iso_datetime(std::string_view s);
// The calendar date in Taiwan (UTC+8, no daylight saving) at Unix seconds.
Date date_in_taipei(long long unix_seconds);
// Unix seconds as "2024-05-01T12:34:56+08:00" (Taiwan time, the feeds' own).
std::string to_iso_datetime_taipei(long long unix_seconds);

// Whole days from `from` to `to`, negative when `to` is earlier: 2023-08-08 → 2023-08-10
// is 2 ("ends in N days", "starts in N days").
long long days_between(const Date& from, const Date& to);

}  // namespace beitai::text
