// core/geo/twd97 against PROJ itself: Debian's cs2cs (proj-bin, which portal.sh installs)
// converts 22 reference points spread over the eight counties both ways, EPSG:4326 ↔
// EPSG:3826, and the core's answers must agree within 0.1 m (in practice they agree to well
// under a millimetre: the worst difference is printed). The core runs no programs, so this
// test lives here, natively, beside the site tests; tests/core/geo/twd97_test.cpp holds fixed
// values PROJ gave once, for both core targets.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "geo/twd97.h"

using namespace beitai::geo;

namespace {

struct Place {
    const char* name;
    LatLon p;
};

// Two or three in each county, its coast and its mountains, and the zone's edges.
const Place kPlaces[] = {
    {"臺北 101", {25.0330, 121.5654}},         {"臺北 陽明山", {25.1900, 121.5400}},
    {"基隆港", {25.1276, 121.7415}},           {"基隆 八斗子", {25.1450, 121.8000}},
    {"新北 板橋", {25.0120, 121.4628}},        {"新北 野柳", {25.2970, 121.6330}},
    {"新北 福隆", {25.0110, 121.9250}},        {"新北 烏來", {24.8650, 121.5500}},
    {"桃園", {24.9936, 121.3010}},             {"桃園機場", {25.0797, 121.2320}},
    {"桃園 拉拉山", {24.7000, 121.4300}},      {"新竹市", {24.8138, 120.9686}},
    {"新竹 南寮", {24.8480, 120.9260}},        {"新竹縣 竹北", {24.8387, 121.0177}},
    {"新竹縣 尖石", {24.5530, 121.2870}},      {"苗栗", {24.5602, 120.8214}},
    {"苗栗 通霄", {24.4890, 120.6790}},        {"苗栗 泰安", {24.4430, 120.9100}},
    {"宜蘭", {24.7570, 121.7530}},             {"宜蘭 羅東", {24.6770, 121.7700}},
    {"宜蘭 蘇澳", {24.5950, 121.8600}},        {"宜蘭 南澳", {24.4650, 121.8000}},
};

// Runs cs2cs from `from` to `to` on lines of two numbers; its answers, two numbers a line.
std::vector<std::pair<double, double>> cs2cs(const char* from, const char* to, const std::string& input) {
    char path[] = "/tmp/beitai-proj-XXXXXX";
    const int fd = mkstemp(path);
    REQUIRE_MESSAGE(fd >= 0, "cannot make a temporary file");
    close(fd);
    std::ofstream(path) << input;
    const std::string command = std::string("cs2cs -f %.10f ") + from + " " + to + " < " + path + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buf[4096];
    while (size_t n = std::fread(buf, 1, sizeof buf, pipe)) output.append(buf, n);
    const int status = pclose(pipe);
    std::remove(path);
    REQUIRE_MESSAGE(status == 0, "cs2cs failed (is Debian's proj-bin installed? ./portal.sh installs it): " << output);
    std::vector<std::pair<double, double>> out;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        double a = 0, b = 0;
        if (words >> a >> b) out.emplace_back(a, b);
    }
    return out;
}

double metres_apart(LatLon a, LatLon b) {
    const double north = (a.lat - b.lat) * 110900.0;
    const double east = (a.lon - b.lon) * 111320.0 * std::cos(a.lat * 3.14159265358979 / 180);
    return std::hypot(north, east);
}

constexpr double kTolerance_m = 0.1;

}  // namespace

TEST_CASE("TWD97 against PROJ's cs2cs: WGS84 → EPSG:3826") {
    std::string input;
    for (const auto& place : kPlaces) input += std::to_string(place.p.lat) + " " + std::to_string(place.p.lon) + "\n";
    const auto proj = cs2cs("EPSG:4326", "EPSG:3826", input);  // input lat lon, output easting northing
    REQUIRE(proj.size() == std::size(kPlaces));
    double worst = 0;
    for (size_t i = 0; i < proj.size(); ++i) {
        CAPTURE(kPlaces[i].name);
        const Projected mine = to_twd97(kPlaces[i].p);
        const double d = std::hypot(mine.x - proj[i].first, mine.y - proj[i].second);
        CHECK(d < kTolerance_m);
        worst = std::max(worst, d);
    }
    std::printf("TWD97 forward, %zu places: worst difference from PROJ %.6f mm\n", proj.size(), worst * 1000);
}

TEST_CASE("TWD97 against PROJ's cs2cs: EPSG:3826 → WGS84") {
    // Whole metres near each place, as a county's files give them.
    std::vector<Projected> grid;
    std::string input;
    for (const auto& place : kPlaces) {
        const Projected p = to_twd97(place.p);
        grid.push_back({std::round(p.x), std::round(p.y)});
        input += std::to_string(grid.back().x) + " " + std::to_string(grid.back().y) + "\n";
    }
    const auto proj = cs2cs("EPSG:3826", "EPSG:4326", input);  // output lat lon
    REQUIRE(proj.size() == grid.size());
    double worst = 0;
    for (size_t i = 0; i < proj.size(); ++i) {
        CAPTURE(kPlaces[i].name);
        const LatLon mine = from_twd97(grid[i]);
        const double d = metres_apart(mine, {proj[i].first, proj[i].second});
        CHECK(d < kTolerance_m);
        worst = std::max(worst, d);
    }
    std::printf("TWD97 inverse, %zu places: worst difference from PROJ %.6f mm\n", proj.size(), worst * 1000);
}
