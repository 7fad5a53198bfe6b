#include "text/date.h"

#include <cstdio>
#include <utility>

namespace beitai::text {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of ASCII digits (at most max_digits) at pos; advances pos.
std::optional<int> read_number(std::string_view s, size_t& pos, size_t max_digits = 4) {
    size_t start = pos;
    int value = 0;
    while (pos < s.size() && is_digit(s[pos]) && pos - start < max_digits) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
    }
    if (pos == start) return std::nullopt;
    return value;
}

void skip_spaces(std::string_view s, size_t& pos) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
}

bool consume(std::string_view s, size_t& pos, std::string_view token) {
    if (s.substr(pos, token.size()) != token) return false;
    pos += token.size();
    return true;
}

std::optional<Date> from_roc(int roc_year, int month, int day) {
    Date d{roc_year + 1911, month, day};
    if (roc_year < 1 || !is_valid(d)) return std::nullopt;
    return d;
}

}  // namespace

bool is_valid(const Date& d) {
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    size_t pos = 0;
    auto y = read_number(s, pos, 4);
    if (!y || pos != 4) return std::nullopt;
    pos = 5;
    auto m = read_number(s, pos, 2);
    if (!m || pos != 7) return std::nullopt;
    pos = 8;
    auto d = read_number(s, pos, 2);
    if (!d || pos != 10) return std::nullopt;
    Date date{*y, *m, *d};
    if (!is_valid(date)) return std::nullopt;
    return date;
}

std::string to_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::optional<Date> parse_gregorian_date(std::string_view s) {
    size_t pos = 0;
    skip_spaces(s, pos);
    const size_t start = pos;
    auto y = read_number(s, pos, 4);
    if (!y || pos - start != 4 || pos >= s.size() || (s[pos] != '/' && s[pos] != '-')) return std::nullopt;
    const char separator = s[pos++];
    auto m = read_number(s, pos, 2);
    if (!m || pos >= s.size() || s[pos++] != separator) return std::nullopt;
    auto d = read_number(s, pos, 2);
    if (!d) return std::nullopt;
    skip_spaces(s, pos);
    if (pos != s.size()) return std::nullopt;
    Date date{*y, *m, *d};
    if (!is_valid(date)) return std::nullopt;
    return date;
}

std::optional<Date> parse_roc_date(std::string_view s) {
    size_t pos = 0;
    skip_spaces(s, pos);
    // Compact TDX form: all digits, YYYMMDD or YYMMDD.
    bool all_digits = pos < s.size();
    for (size_t i = pos; i < s.size(); ++i) all_digits = all_digits && is_digit(s[i]);
    if (all_digits) {
        std::string_view digits = s.substr(pos);
        if (digits.size() != 6 && digits.size() != 7) return std::nullopt;
        size_t year_len = digits.size() - 4;
        int y = 0, m = 0, d = 0;
        for (size_t i = 0; i < year_len; ++i) y = y * 10 + (digits[i] - '0');
        m = (digits[year_len] - '0') * 10 + (digits[year_len + 1] - '0');
        d = (digits[year_len + 2] - '0') * 10 + (digits[year_len + 3] - '0');
        return from_roc(y, m, d);
    }
    consume(s, pos, "民國");
    skip_spaces(s, pos);
    auto y = read_number(s, pos, 3);
    if (!y) return std::nullopt;
    skip_spaces(s, pos);
    bool chinese = consume(s, pos, "年");
    if (!chinese && !consume(s, pos, "/") && !consume(s, pos, ".") && !consume(s, pos, "-"))
        return std::nullopt;
    skip_spaces(s, pos);
    auto m = read_number(s, pos, 2);
    if (!m) return std::nullopt;
    skip_spaces(s, pos);
    if (chinese ? !consume(s, pos, "月")
                : !(consume(s, pos, "/") || consume(s, pos, ".") || consume(s, pos, "-")))
        return std::nullopt;
    skip_spaces(s, pos);
    auto d = read_number(s, pos, 2);
    if (!d) return std::nullopt;
    skip_spaces(s, pos);
    if (chinese && !consume(s, pos, "日")) return std::nullopt;
    skip_spaces(s, pos);
    if (pos != s.size()) return std::nullopt;
    return from_roc(*y, *m, *d);
}

std::string to_roc_zh(const Date& d) {
    return "民國" + std::to_string(d.roc_year()) + "年" + std::to_string(d.month) + "月" +
           std::to_string(d.day) + "日";
}

std::string to_roc_short(const Date& d) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d/%02d/%02d", d.roc_year(), d.month, d.day);
    return buf;
}

}  // namespace beitai::text

namespace beitai::text {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

// Exactly `digits` ASCII digits at pos.
std::optional<int> fixed_number(std::string_view s, size_t& pos, size_t digits) {
    if (pos + digits > s.size()) return std::nullopt;
    int value = 0;
    for (size_t i = 0; i < digits; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    pos += digits;
    return value;
}

}  // namespace

std::optional<long long> parse_iso_datetime(std::string_view s) {
    auto date = parse_iso_date(s.substr(0, 10));
    if (!date || s.size() < 19 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
    size_t pos = 11;
    auto hour = fixed_number(s, pos, 2);
    if (!hour || pos >= s.size() || s[pos++] != ':') return std::nullopt;
    auto minute = fixed_number(s, pos, 2);
    if (!minute || pos >= s.size() || s[pos++] != ':') return std::nullopt;
    auto second = fixed_number(s, pos, 2);
    if (!second || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == start) return std::nullopt;
    }
    if (pos >= s.size()) return std::nullopt;  // no offset: whose local time?
    long long offset_s = 0;
    if (s[pos] == 'Z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos++] == '-' ? -1 : 1;
        auto oh = fixed_number(s, pos, 2);
        if (!oh) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') ++pos;
        auto om = fixed_number(s, pos, 2);
        if (!om || *oh > 23 || *om > 59) return std::nullopt;
        offset_s = sign * (*oh * 3600LL + *om * 60LL);
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    return days_from_civil(date->year, date->month, date->day) * 86400 + *hour * 3600LL + *minute * 60LL + *second -
           offset_s;
}

namespace {

// Days since 1970-01-01 and seconds into that day, in UTC+8.
std::pair<long long, long long> taipei_day_and_second(long long unix_seconds) {
    const long long local = unix_seconds + 8 * 3600;
    long long days = local / 86400, rest = local % 86400;
    if (rest < 0) {
        rest += 86400;
        days -= 1;
    }
    return {days, rest};
}

}  // namespace

Date date_in_taipei(long long unix_seconds) { return civil_from_days(taipei_day_and_second(unix_seconds).first); }

std::string to_iso_datetime_taipei(long long unix_seconds) {
    const auto [days, rest] = taipei_day_and_second(unix_seconds);
    const Date d = civil_from_days(days);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", d.year, d.month, d.day,
                  static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return buf;
}

long long days_between(const Date& from, const Date& to) {
    return days_from_civil(to.year, to.month, to.day) - days_from_civil(from.year, from.month, from.day);
}

}  // namespace beitai::text
