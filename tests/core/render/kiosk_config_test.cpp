// The kiosk's URL parameters: defaults, every bad value reported with its parameter and
// value and replaced by its default (a kiosk must start anyway), and the config written
// back as a query string that reads as the same config.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/kiosk_config.h"
#include "text/url.h"

using namespace beitai;
using render::KioskConfig;
using render::KioskOrientation;
using render::read_kiosk_config;

namespace {

std::vector<content::County> counties() {
    return {{"YilanCounty", "宜蘭縣", "Yilan County", {24.7302, 121.7631}},
            {"Taipei", "臺北市", "Taipei City", {25.0375, 121.5637}},
            {"Hsinchu", "新竹市", "Hsinchu City", {24.8066, 120.9686}}};
}

render::KioskConfigReading read(const std::string& query) {
    auto params = text::parse_query_string(query);
    REQUIRE(params.has_value());
    return read_kiosk_config(*params, counties());
}

// The one problem a reading reported; fails the test when there is not exactly one.
std::string only_problem(const render::KioskConfigReading& r) {
    REQUIRE(r.problems.size() == 1);
    return r.problems.front();
}

}  // namespace

TEST_CASE("kiosk config: a county alone gives every default, the position at its seat") {
    const auto r = read("county=Taipei");
    CHECK(r.problems.empty());
    const KioskConfig& c = r.config;
    CHECK(c.county == "Taipei");
    CHECK(c.position.lat == 25.0375);
    CHECK(c.position.lon == 121.5637);
    CHECK_FALSE(c.position_given);
    CHECK(c.lang == text::Lang::zh_TW);
    CHECK(c.orientation == KioskOrientation::automatic);
    CHECK(c.idle_s == 90);
    CHECK(c.warning_s == 30);
    CHECK(c.attract);
}

TEST_CASE("kiosk config: every parameter read when it is good") {
    const auto r = read("county=Hsinchu&lat=24.8013&lon=120.9716&lang=en&orientation=portrait&idle=120&warning=45&attract=off");
    CHECK(r.problems.empty());
    const KioskConfig& c = r.config;
    CHECK(c.county == "Hsinchu");
    CHECK(c.position.lat == 24.8013);
    CHECK(c.position.lon == 120.9716);
    CHECK(c.position_given);
    CHECK(c.lang == text::Lang::en);
    CHECK(c.orientation == KioskOrientation::portrait);
    CHECK(c.idle_s == 120);
    CHECK(c.warning_s == 45);
    CHECK_FALSE(c.attract);
    CHECK(read("county=Taipei&orientation=landscape&lang=zh-TW&attract=on&orientation=landscape")
              .config.orientation == KioskOrientation::landscape);
    // The limits themselves are allowed.
    CHECK(read("county=Taipei&idle=30&warning=20").problems.empty());
    CHECK(read("county=Taipei&idle=600&warning=599").config.warning_s == 599);
}

TEST_CASE("kiosk config: a bad value is reported with its parameter and value, and its default used") {
    struct Case {
        const char* query;
        const char* problem;
    } cases[] = {
        {"county=Taipei&idle=5", "idle=5: must be between 30 and 600 seconds; 90 used"},
        {"county=Taipei&idle=601", "idle=601: must be between 30 and 600 seconds; 90 used"},
        {"county=Taipei&idle=90s", "idle=90s: not a whole number of seconds; 90 used"},
        {"county=Taipei&idle=-60", "idle=-60: not a whole number of seconds; 90 used"},
        {"county=Taipei&idle=", "idle=: not a whole number of seconds; 90 used"},
        {"county=Taipei&warning=10", "warning=10: must be at least 20 seconds (WCAG 2.2.1: time to answer it); 30 used"},
        {"county=Taipei&warning=90", "warning=90: must be less than idle (90 seconds); 30 used"},
        {"county=Taipei&warning=thirty", "warning=thirty: not a whole number of seconds; 30 used"},
        {"county=Taipei&lang=fr", "lang=fr: must be zh-TW or en; zh-TW used"},
        {"county=Taipei&lang=EN", "lang=EN: must be zh-TW or en; zh-TW used"},
        {"county=Taipei&orientation=upright", "orientation=upright: must be auto, landscape or portrait; auto used"},
        {"county=Taipei&attract=yes", "attract=yes: must be on or off; on used"},
        {"county=Taipai", "county=Taipai: not one of YilanCounty, Taipei, Hsinchu; YilanCounty used"},
        {"county=Taipei&lat=25.04", "lat=25.04: lon is missing (give both or neither); the seat of Taipei used"},
        {"county=Taipei&lon=121.5", "lon=121.5: lat is missing (give both or neither); the seat of Taipei used"},
        {"county=Taipei&lat=north&lon=121.5", "lat=north: not a number; the seat of Taipei used"},
        {"county=Taipei&lat=25.04&lon=", "lon=: not a number; the seat of Taipei used"},
        {"county=Taipei&lat=121.56&lon=25.03",
         "lat=121.56, lon=25.03: outside northern Taiwan (lat and lon swapped?); the seat of Taipei used"},
        {"county=Taipei&lat=22.6&lon=120.3", "lat=22.6, lon=120.3: outside northern Taiwan; the seat of Taipei used"},
        {"county=Taipei&idel=60",
         "idel=60: unknown parameter, ignored (known: county, lat, lon, lang, orientation, idle, warning, attract)"},
        {"county=Taipei&idle=120&idle=60", "idle=60: given twice, ignored; idle=120 used"},
    };
    const KioskConfig defaults = read("county=Taipei").config;
    for (const auto& c : cases) {
        const std::string query = c.query;
        CAPTURE(query);
        const auto r = read(query);
        CHECK(only_problem(r) == c.problem);
        // Whatever was wrong, the rest is the defaults (bar the repeated idle, whose first value stands).
        KioskConfig expected = defaults;
        if (query.find("Taipai") != std::string::npos) {
            expected.county = "YilanCounty";
            expected.position = {24.7302, 121.7631};
        }
        if (query.find("idle=120") != std::string::npos) expected.idle_s = 120;
        CHECK(r.config == expected);
    }
}

TEST_CASE("kiosk config: no county takes the first one, and says so") {
    const auto r = read("lang=en");
    CHECK(only_problem(r) == "county: missing; YilanCounty used (set county= to the lobby's county: YilanCounty, Taipei, Hsinchu)");
    CHECK(r.config.county == "YilanCounty");
    CHECK(r.config.position.lat == 24.7302);
    CHECK(r.config.lang == text::Lang::en);

    // With no counties loaded the kiosk still starts, and the line says what it lacks.
    const auto none = read_kiosk_config({{"county", "Taipei"}}, {});
    CHECK(only_problem(none) == "county=Taipei: no counties are loaded; the lobby's county and position are unknown");
    CHECK(none.config.county == "Taipei");
    CHECK(read_kiosk_config({}, {}).problems.size() == 1);

    // A good position stands even when the county is unknown.
    const auto placed = read("county=Nowhere&lat=25.05&lon=121.52");
    CHECK(placed.problems.size() == 1);
    CHECK(placed.config.position.lat == 25.05);
    CHECK(placed.config.position_given);
}

TEST_CASE("kiosk config: the default warning leaves 10 s of calm under a short idle time") {
    CHECK(render::default_warning_s(90) == 30);
    CHECK(render::default_warning_s(40) == 30);
    CHECK(render::default_warning_s(39) == 29);
    CHECK(render::default_warning_s(30) == 20);
    CHECK(read("county=Taipei&idle=30").config.warning_s == 20);
    CHECK(read("county=Taipei&idle=30").problems.empty());
    CHECK(read("county=Taipei&idle=35").config.warning_s == 25);
    // A warning judged against the idle time actually used, not the one asked for.
    const auto r = read("county=Taipei&idle=5&warning=60");
    CHECK(only_problem(r) == "idle=5: must be between 30 and 600 seconds; 90 used");
    CHECK(r.config.warning_s == 60);
    const auto too_long = read("county=Taipei&idle=40&warning=40");
    CHECK(only_problem(too_long) == "warning=40: must be less than idle (40 seconds); 30 used");
    // Every reading, good or bad, satisfies the rules the session relies on.
    for (const char* idle : {"", "1", "30", "31", "45", "90", "600", "9999"}) {
        for (const char* warning : {"", "0", "19", "20", "29", "30", "59", "600"}) {
            const std::string query = std::string("county=Taipei&idle=") + idle + "&warning=" + warning;
            CAPTURE(query);
            const auto c = read(query).config;
            CHECK(c.idle_s >= 30);
            CHECK(c.idle_s <= 600);
            CHECK(c.warning_s >= 20);
            CHECK(c.warning_s < c.idle_s);
        }
    }
}

TEST_CASE("kiosk config: written back, defaults left out, read back the same") {
    KioskConfig c = read("county=Taipei").config;
    CHECK(render::kiosk_query_string(c) == "county=Taipei");

    c.county = "Hsinchu";
    c.position = {24.8013, 120.9716};
    c.position_given = true;
    c.lang = text::Lang::en;
    c.orientation = KioskOrientation::portrait;
    c.idle_s = 120;
    c.warning_s = 45;
    c.attract = false;
    const std::string written = render::kiosk_query_string(c);
    CHECK(written == "county=Hsinchu&lat=24.8013&lon=120.9716&lang=en&orientation=portrait&idle=120&warning=45&attract=off");
    const auto back = read(written);
    CHECK(back.problems.empty());
    CHECK(back.config == c);

    // A short idle time's own default warning is left out too, and comes back.
    KioskConfig short_idle = read("county=Taipei&idle=35").config;
    CHECK(render::kiosk_query_string(short_idle) == "county=Taipei&idle=35");
    CHECK(read(render::kiosk_query_string(short_idle)).config == short_idle);

    CHECK(render::orientation_id(KioskOrientation::automatic) == "auto");
    CHECK(render::orientation_id(KioskOrientation::landscape) == "landscape");
}
