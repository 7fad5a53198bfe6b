#include "text/taiwan_time.h"

#include <cstdio>
#include <cstring>

#include "text/date.h"

namespace beitai::text {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// "2025-07-27 16:12:00" or "2025/07/27T16:12:00.5" (no offset) → ISO 8601 at +08:00, which
// parse_iso_datetime then checks field by field.
std::optional<long long> local_iso(std::string_view s) {
    if (s.size() < 19 || (s[4] != '-' && s[4] != '/') || s[7] != s[4]) return std::nullopt;
    std::string iso(s);
    iso[4] = iso[7] = '-';
    return parse_iso_datetime(iso + "+08:00");
}

// "Sun Jul 27 16:12:00 CST 2025": six words, single spaces (Java pads the day to two digits;
// one is taken too).
std::optional<long long> java_date(std::string_view s) {
    std::string_view words[6];
    size_t n = 0, pos = 0;
    while (pos <= s.size() && n < 6) {
        const size_t end = std::min(s.find(' ', pos), s.size());
        words[n++] = s.substr(pos, end - pos);
        pos = end + 1;
    }
    if (n != 6 || pos <= s.size()) return std::nullopt;  // fewer or more than six words
    bool weekday = false;
    for (const char* w : kWeekdays) weekday = weekday || words[0] == w;
    int month = 0;
    for (int m = 0; m < 12; ++m)
        if (words[1] == kMonths[m]) month = m + 1;
    const std::string_view day = words[2], time = words[3], zone = words[4], year = words[5];
    if (!weekday || !month || day.size() > 2 || !all_digits(day) || time.size() != 8 || year.size() != 4 ||
        !all_digits(year))
        return std::nullopt;
    const char* offset = zone == "CST" ? "+08:00" : zone == "GMT" || zone == "UTC" ? "Z" : nullptr;
    if (!offset) return std::nullopt;
    char iso[40];
    std::snprintf(iso, sizeof iso, "%.4s-%02d-%02dT%.8s%s", year.data(), month,
                  day.size() == 1 ? day[0] - '0' : (day[0] - '0') * 10 + (day[1] - '0'), time.data(), offset);
    return parse_iso_datetime(iso);
}

}  // namespace

std::optional<long long> parse_taiwan_datetime(std::string_view s) {
    if (auto t = parse_iso_datetime(s)) return t;
    if (auto t = local_iso(s)) return t;
    return java_date(s);
}

std::string to_java_date_taipei(long long unix_seconds) {
    const std::string iso = to_iso_datetime_taipei(unix_seconds);  // "2025-07-27T16:12:00+08:00"
    const long long local = unix_seconds + 8 * 3600;
    const long long days = local / 86400 - (local % 86400 < 0 ? 1 : 0);
    const int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
    const int month = std::stoi(iso.substr(5, 2));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s %s %s %s CST %s", kWeekdays[weekday], kMonths[month - 1], iso.substr(8, 2).c_str(),
                  iso.substr(11, 8).c_str(), iso.substr(0, 4).c_str());
    return buf;
}

}  // namespace beitai::text
