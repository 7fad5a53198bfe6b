// core/geo/wkt: TDX's LINESTRING / MULTILINESTRING text, and errors that say where.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "geo/wkt.h"

using namespace beitai::geo;

TEST_CASE("TDX's MULTILINESTRING reads as lines of lat/lon points") {
    auto r = parse_wkt_lines("MULTILINESTRING((121.5123 25.0456,121.5130 25.0460),(121.52 25.05,121.53 25.06))");
    REQUIRE_MESSAGE(r.ok(), r.error());
    const auto& lines = *r;
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[0].size() == 2);
    REQUIRE(lines[1].size() == 2);
    CHECK(lines[0][0].lon == 121.5123);
    CHECK(lines[0][0].lat == 25.0456);
    CHECK(lines[0][1].lon == 121.5130);
    CHECK(lines[0][1].lat == 25.0460);
    CHECK(lines[1][0].lat == 25.05);
    CHECK(lines[1][1].lon == 121.53);
    CHECK(lines[1][1].lat == 25.06);
}

TEST_CASE("WKT's spelling varies: case, spaces, SRID, Z") {
    SUBCASE("a LINESTRING") {
        auto r = parse_wkt_lines("LINESTRING(121.5 25.0, 121.6 25.1, 121.7 25.2)");
        REQUIRE(r.ok());
        REQUIRE(r->size() == 1);
        CHECK((*r)[0].size() == 3);
        CHECK((*r)[0][2].lat == 25.2);
    }
    SUBCASE("lower case and generous whitespace") {
        auto r = parse_wkt_lines("  multiLineString \n ( ( 121.5\t25.0 ,\r\n121.6  25.1 ) ,( 121.7 25.2,121.8 25.3 ) )  \n");
        REQUIRE_MESSAGE(r.ok(), r.error());
        REQUIRE(r->size() == 2);
        CHECK((*r)[1][1].lon == 121.8);
    }
    SUBCASE("an SRID=4326 prefix") {
        auto r = parse_wkt_lines("SRID=4326;LINESTRING(121.5 25.0, 121.6 25.1)");
        REQUIRE_MESSAGE(r.ok(), r.error());
        CHECK((*r)[0][1].lon == 121.6);
        CHECK(parse_wkt_lines("srid = 4326 ; linestring (121.5 25.0, 121.6 25.1)").ok());
    }
    SUBCASE("a Z coordinate is read and ignored") {
        auto r = parse_wkt_lines("LINESTRING Z (121.5 25.0 12, 121.6 25.1 15.5)");
        REQUIRE_MESSAGE(r.ok(), r.error());
        CHECK((*r)[0][0].lat == 25.0);
        CHECK((*r)[0][1].lon == 121.6);
        auto implicit = parse_wkt_lines("MULTILINESTRING((121.5 25.0 3, 121.6 25.1 4))");
        REQUIRE(implicit.ok());
        CHECK((*implicit)[0][1].lat == 25.1);
    }
    SUBCASE("number forms") {
        auto r = parse_wkt_lines("LINESTRING(+121.5 2.5e1, -1.215E2 -.5)");
        REQUIRE_MESSAGE(r.ok(), r.error());
        CHECK((*r)[0][0].lon == 121.5);
        CHECK((*r)[0][0].lat == 25.0);
        CHECK((*r)[0][1].lon == -121.5);
        CHECK((*r)[0][1].lat == -0.5);
    }
}

TEST_CASE("WKT errors give the character and the reason") {
    struct Case {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"LINESTRING(121.5 25.0)", "at character 11: a line needs at least 2 points, found 1"},
        {"MULTILINESTRING((121.5 25.0, 121.6 25.1)) x", "at character 43: unexpected text after the geometry: \"x\""},
        {"LINESTRING(121.5 25.0, 121.6 25.1);", "at character 35: unexpected text after the geometry: ';'"},
        {"LINESTRING(121.5 95, 121.6 25.1)", "at character 18: latitude 95 out of range (-90..90)"},
        {"LINESTRING(121.5 25, 181 25.1)", "at character 22: longitude 181 out of range (-180..180)"},
        {"MULTILINESTRING((121 25, 121.1 25.1),", "at character 38: expected '(', found the end of the text"},
        {"MULTILINESTRING((121 25, 121.1 25.1)", "at character 37: expected ')', found the end of the text"},
        {"SRID=3826;LINESTRING(300000 2770000, 300100 2770100)",
         "at character 6: SRID 3826 is not supported; coordinates must be WGS84 degrees (SRID=4326)"},
        {"LINESTRING(121.5 abc, 121.6 25.1)", "at character 18: expected a number, found \"abc\""},
        {"LINESTRING(121.5,25.0, 121.6 25.1)", "at character 17: expected a latitude after the longitude, found ','"},
        {"LINESTRING EMPTY", "at character 12: empty geometry: a line needs at least 2 points"},
        {"MULTILINESTRING((121 25, 121.1 25.1), EMPTY)", "at character 39: empty line: a line needs at least 2 points"},
        {"LINESTRING()", "at character 12: expected a number, found ')'"},
        {"LINESTRING(121 25, 121.1 25.1 10)",
         "at character 20: expected 2 coordinates per point as in the first point, found 3"},
        {"LINESTRING Z (121 25, 121.1 25.1)", "at character 15: expected 3 coordinates per point (Z was declared), found 2"},
        {"LINESTRING M (121 25 1, 121.1 25.1 2)", "at character 12: measured coordinates (M) are not supported"},
        {"LINESTRING(121.5 25.0x, 121.6 25.1)", "at character 22: expected a space between coordinates, found \"x\""},
        {"MULTILINESTRING(121 25, 121.1 25.1)", "at character 17: expected '(', found '1'"},
        {"POLYGON((121 25, 121.1 25.1, 121 25.1, 121 25))",
         "at character 1: expected LINESTRING or MULTILINESTRING, found \"POLYGON\""},
        {"", "at character 1: expected LINESTRING or MULTILINESTRING, found the end of the text"},
        {"LINESTRING(121.5 2e, 121.6 25.1)", "at character 20: expected the exponent's digits, found ','"},
        {"LINESTRING(121.5 25.0, 121.6 1e999)", "at character 30: latitude 1e999 out of range (-90..90)"},
        {"LINESTRING(121.5 25.0, 121.6 nan)", "at character 30: expected a number, found \"nan\""},
        {"LINESTRING(121.5 25.0 1 2, 121.6 25.1)", "at character 25: expected ')', found '2'"},
        {"臺LINESTRING(121.5 25.0, 121.6 25.1)",
         "at character 1: expected LINESTRING or MULTILINESTRING, found a non-ASCII or control character"},
        {"LINESTRING(121.5 25.0, 121.6 25.1)臺", "at character 35: unexpected text after the geometry: a non-ASCII or control character"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto r = parse_wkt_lines(c.text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == c.message);
    }
}
