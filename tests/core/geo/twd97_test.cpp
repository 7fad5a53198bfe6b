// core/geo/twd97: TWD97 TM2 zone 121 (EPSG:3826) to and from WGS84, against PROJ's answers.
//
// The reference values below were computed once with PROJ 9.1.1 (Debian 12's proj-bin):
//   echo "LAT LON" | cs2cs -f %.6f EPSG:4326 EPSG:3826      (degrees → metres)
//   echo "X Y"     | cs2cs -f %.10f EPSG:3826 EPSG:4326     (metres → degrees)
// and written down here (the core runs no programs); tests/proj compares with cs2cs itself
// at every run of the site tests.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "geo/twd97.h"

using namespace beitai::geo;

namespace {

struct Reference {
    const char* where;
    LatLon wgs84;
    Projected twd97;
};

// One or more in each of the eight counties, and the zone's origin column.
const Reference kForward[] = {
    {"臺北 101", {25.0330, 121.5654}, {307056.818979, 2769551.836862}},
    {"基隆", {25.1276, 121.7415}, {324770.865576, 2780116.350028}},
    {"板橋", {25.0120, 121.4628}, {296710.820205, 2767186.470584}},
    {"桃園", {24.9936, 121.3010}, {280384.602731, 2765102.410451}},
    {"新竹市", {24.8138, 120.9686}, {246825.724090, 2745154.337492}},
    {"竹北", {24.8387, 121.0177}, {251788.963375, 2747911.993329}},
    {"苗栗", {24.5602, 120.8214}, {231908.455209, 2717077.673864}},
    {"宜蘭", {24.7570, 121.7530}, {326158.058836, 2739072.463298}},
    {"福隆 (east edge)", {25.0110, 121.9250}, {343363.805220, 2767314.598828}},
    {"offshore east, 1° from the meridian", {24.8000, 122.0000}, {351106.129102, 2743995.614122}},
    {"on the central meridian", {24.0000, 121.0000}, {250000.000000, 2655023.124957}},
};

const Reference kInverse[] = {
    {"臺北", {25.0325341628, 121.5648348357}, {307000, 2769500}},
    {"基隆", {25.1274509549, 121.7417880145}, {324800, 2780100}},
    {"新北", {25.0121224781, 121.4626932564}, {296700, 2767200}},
    {"桃園", {24.9935779292, 121.3011524758}, {280400, 2765100}},
    {"新竹市", {24.8142122152, 120.9683454321}, {246800, 2745200}},
    {"新竹縣", {24.5530105768, 121.2872587684}, {279100, 2716300}},
    {"苗栗", {24.5604014808, 120.8213162447}, {231900, 2717100}},
    {"宜蘭", {24.7572465138, 121.7534161573}, {326200, 2739100}},
    {"on the central meridian", {23.9997911914, 121.0000000000}, {250000, 2655000}},
};

// Metres between two positions this close: a local flat approximation is exact enough.
double metres_apart(LatLon a, LatLon b) {
    const double north = (a.lat - b.lat) * 110900.0;
    const double east = (a.lon - b.lon) * 111320.0 * std::cos(a.lat * 3.14159265358979 / 180);
    return std::hypot(north, east);
}

}  // namespace

TEST_CASE("TWD97: WGS84 to TM2 zone 121 as PROJ computes it") {
    for (const auto& r : kForward) {
        CAPTURE(r.where);
        const Projected p = to_twd97(r.wgs84);
        CHECK(std::fabs(p.x - r.twd97.x) < 0.001);  // PROJ's answers as printed: to the micrometre
        CHECK(std::fabs(p.y - r.twd97.y) < 0.001);
    }
}

TEST_CASE("TWD97: TM2 zone 121 to WGS84 as PROJ computes it") {
    for (const auto& r : kInverse) {
        CAPTURE(r.where);
        const LatLon p = from_twd97(r.twd97);
        CHECK(std::fabs(p.lat - r.wgs84.lat) < 2e-10);  // PROJ printed 10 decimals: ~0.01 mm
        CHECK(std::fabs(p.lon - r.wgs84.lon) < 2e-10);
        CHECK(metres_apart(p, r.wgs84) < 0.001);
    }
}

TEST_CASE("TWD97: the round trip holds to the nanometre over the whole zone") {
    // From Kinmen's latitude to north of Keelung, 2.5° either side of the meridian.
    double worst = 0;
    for (double lat = 21.5; lat <= 26.5; lat += 0.37)
        for (double lon = 118.5; lon <= 123.5; lon += 0.29) {
            const LatLon back = from_twd97(to_twd97({lat, lon}));
            worst = std::max(worst, metres_apart(back, {lat, lon}));
        }
    CHECK(worst < 1e-6);
    const Projected p = to_twd97(from_twd97({304533.5659, 2767436.0048}));
    CHECK(std::fabs(p.x - 304533.5659) < 1e-6);
    CHECK(std::fabs(p.y - 2767436.0048) < 1e-6);
}

TEST_CASE("TWD97: nonsense in, nothing believable out") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (Projected bad : {Projected{nan, 2700000}, Projected{250000, nan}, Projected{1e300, 2700000}, Projected{-1e300, 1e300},
                          Projected{std::numeric_limits<double>::infinity(), 0}}) {
        CAPTURE(bad.x);
        CAPTURE(bad.y);
        const LatLon p = from_twd97(bad);
        CHECK_FALSE((std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat > 21 && p.lat < 27 && p.lon > 118 && p.lon < 124));
    }
}
