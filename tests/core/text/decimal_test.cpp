// text/decimal: the numbers of query strings and forms are plain decimals (issue 15:
// within_m=NaN was taken, and a hexadecimal latitude passed the range check).
#include <doctest/doctest.h>

#include <string>

#include "text/decimal.h"

using namespace beitai;

TEST_CASE("parse_decimal: plain decimal notation is read") {
    CHECK(*text::parse_decimal("25") == 25);
    CHECK(*text::parse_decimal("-25.5") == -25.5);
    CHECK(*text::parse_decimal("+121.517") == doctest::Approx(121.517));
    CHECK(*text::parse_decimal("0.5") == 0.5);
    CHECK(*text::parse_decimal(".5") == 0.5);
    CHECK(*text::parse_decimal("5.") == 5);
    CHECK(*text::parse_decimal("1e3") == 1000);
    CHECK(*text::parse_decimal("2.5E-1") == 0.25);
    CHECK(*text::parse_decimal("00012") == 12);
}

TEST_CASE("parse_decimal: NaN, infinity, hexadecimal, spaces and junk are refused") {
    for (const char* s : {"", "NaN", "nan", "-nan", "inf", "-inf", "Infinity", "0x19", "0X19", "0x1p3", "1e999", "-1e999",
                          " 5", "5 ", "5\n", "5km", "5,5", "1,000", "--5", "+-5", "+", "-", ".", "e5", "1e", "1e+", "1.2.3",
                          "٣", "５", "1_000", "0b101"}) {
        const std::string shown = s;
        CAPTURE(shown);
        CHECK_FALSE(text::parse_decimal(s));
    }
    CHECK_FALSE(text::parse_decimal(std::string_view("1\0", 2)));
    CHECK_FALSE(text::parse_decimal(std::string(33, '1')));
    CHECK(text::parse_decimal(std::string(32, '1')));
}
