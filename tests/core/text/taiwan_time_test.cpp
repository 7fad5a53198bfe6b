// core/text/taiwan_time: the times the counties' own feeds write (Taipei's Java dates, times
// without an offset taken as Taiwan's), and Java's form written back.
#include <doctest/doctest.h>

#include "text/taiwan_time.h"

using namespace beitai::text;

TEST_CASE("Taiwan feed times: Java's Date.toString with CST = UTC+8, and times without an offset") {
    // 2025-07-27 16:12:00 in Taiwan is 08:12:00 UTC (`TZ=Asia/Taipei date -d @1753603920`
    // prints "Sun Jul 27 16:12:00 CST 2025").
    const long long t = 1753603920;
    for (const char* s : {"Sun Jul 27 16:12:00 CST 2025", "Sun Jul 27 08:12:00 GMT 2025", "Sun Jul 27 08:12:00 UTC 2025",
                          "2025-07-27T16:12:00+08:00", "2025-07-27T08:12:00Z", "2025-07-27 16:12:00",
                          "2025/07/27 16:12:00", "2025-07-27T16:12:00", "2025-07-27T16:12:00.250", "Mon Jul 27 16:12:00 CST 2025"}) {
        CAPTURE(s);
        CHECK(parse_taiwan_datetime(s) == t);  // the last: a wrong weekday is not checked
    }
    CHECK(parse_taiwan_datetime("Thu Feb 29 00:00:00 CST 2024") == 1709136000LL);  // a leap day
    CHECK(parse_taiwan_datetime("Thu Jan 01 08:00:00 CST 1970") == 0);
}

TEST_CASE("Taiwan feed times: what is not a time is refused") {
    for (const char* s : {"", "Sun Jul 27 16:12:00 EST 2025", "Sun Jul 27 16:12:00 cst 2025", "Sun Jul 27 16:12 CST 2025",
                          "Sun Jul 27 16:12:00 CST", "Sun Jul 27 16:12:00 CST 2025 x", "Sun Jul  7 16:12:00 CST 2025",
                          "Sun Jux 27 16:12:00 CST 2025", "Xyz Jul 27 16:12:00 CST 2025", "Sun Feb 30 16:12:00 CST 2025",
                          "Sun Jul 27 25:12:00 CST 2025", "Sun Jul 27 16:12:00 CST 20x5", "Sun Jul 127 16:12:00 CST 2025",
                          "2025-07-27", "2025-07/27 16:12:00", "2025-13-01 00:00:00", "2025-07-27 16:12", "2025-07-27 16:12:00 ",
                          "2025-07-27X16:12:00", "一二三四五六"}) {
        CAPTURE(s);
        CHECK_FALSE(parse_taiwan_datetime(s).has_value());
    }
}

TEST_CASE("Taiwan feed times: Java's form written, and read back") {
    CHECK(to_java_date_taipei(1753603920) == "Sun Jul 27 16:12:00 CST 2025");
    CHECK(to_java_date_taipei(0) == "Thu Jan 01 08:00:00 CST 1970");
    CHECK(to_java_date_taipei(-8 * 3600 - 1) == "Wed Dec 31 23:59:59 CST 1969");
    for (long long s = 1700000000; s < 1700000000 + 40LL * 86400; s += 86400 / 3 + 7) {
        CAPTURE(s);
        CHECK(parse_taiwan_datetime(to_java_date_taipei(s)) == s);
    }
}
