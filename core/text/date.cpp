#include "text/date.h"

#include <cstdio>

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
