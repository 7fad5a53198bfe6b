// Levels, freshness, the snapshot's joins and its "nearest with space".
#include <doctest/doctest.h>

#include "parking/levels.h"
#include "parking/snapshot.h"

using namespace beitai;
using namespace beitai::parking;

namespace {

Availability live(std::optional<int> available, std::optional<int> total, Service service = Service::open,
                  Fullness fullness = Fullness::unknown) {
    Availability a;
    a.available_spaces = available;
    a.total_spaces = total;
    a.service = service;
    a.fullness = fullness;
    return a;
}

CarPark park(const std::string& county, const std::string& id, double lat, double lon) {
    CarPark c;
    c.county = county;
    c.id = id;
    c.name_zh = "示範" + id;
    c.position = {lat, lon};
    c.live_data = true;
    return c;
}

}  // namespace

TEST_CASE("levels: the number decides, then FullStatus; closed wins; no data is unknown") {
    CHECK(level_of(nullptr) == Level::unknown);
    Availability a = live(0, 100);
    CHECK(level_of(&a) == Level::full);
    a = live(10, 100);  // at most max(10, 10 % of 100) free
    CHECK(level_of(&a) == Level::few);
    a = live(11, 100);
    CHECK(level_of(&a) == Level::plenty);
    a = live(150, 2000);  // 10 % of 2,000 is 200
    CHECK(level_of(&a) == Level::few);
    a = live(201, 2000);
    CHECK(level_of(&a) == Level::plenty);
    a = live(3, std::nullopt);
    CHECK(level_of(&a) == Level::few);
    a = live(std::nullopt, 100, Service::open, Fullness::nearly_full);
    CHECK(level_of(&a) == Level::few);
    a = live(std::nullopt, 100, Service::open, Fullness::overcrowded);
    CHECK(level_of(&a) == Level::full);
    a = live(std::nullopt, 100, Service::open, Fullness::space);
    CHECK(level_of(&a) == Level::plenty);
    a = live(std::nullopt, 100);  // unknown count, unknown status: unknown, not empty
    CHECK(level_of(&a) == Level::unknown);
    a = live(50, 100, Service::suspended);
    CHECK(level_of(&a) == Level::closed);
    a = live(50, 100, Service::resting);
    CHECK(level_of(&a) == Level::closed);
    LevelThresholds strict;
    strict.few_spaces = 60;
    a = live(50, 100);
    CHECK(level_of(&a, strict) == Level::few);
    for (Level l : {Level::plenty, Level::few, Level::full, Level::closed, Level::unknown})
        CHECK(parse_level(level_id(l)) == l);
    CHECK_FALSE(parse_level("empty").has_value());
}

TEST_CASE("freshness: age from the data's own time, never younger than the fetch; stale past the limit") {
    const std::int64_t now = 1714538400;
    auto f = freshness_of(now - 100, now - 30, now, 300);
    CHECK(f.age_s == 100);
    CHECK_FALSE(f.stale);
    f = freshness_of(now - 301, now - 5, now, 300);
    CHECK(f.stale);
    // A server clock ahead of ours does not make old fetches fresh.
    f = freshness_of(now + 3600, now - 400, now, 300);
    CHECK(f.age_s == 400);
    CHECK(f.stale);
    f = freshness_of(std::nullopt, now - 20, now, 300);
    CHECK(f.age_s == 20);
    f = freshness_of(std::nullopt, std::nullopt, now, 300);
    CHECK_FALSE(f.age_s.has_value());
    CHECK(f.stale);
}

TEST_CASE("the snapshot joins availability by CarParkID; car parks without it have no live data") {
    CountyParking taipei;
    taipei.status.county = "Taipei";
    taipei.car_parks.car_parks = {park("Taipei", "A", 25.040, 121.510), park("Taipei", "B", 25.045, 121.515),
                                  park("Taipei", "C", 25.100, 121.600)};
    AvailabilityList live_list;
    Availability a = live(40, 100);
    a.car_park_id = "A";
    Availability b = live(0, 50);
    b.car_park_id = "B";
    Availability stray = live(5, 5);
    stray.car_park_id = "Z";  // no such car park: dropped
    live_list.items = {a, b, stray};
    taipei.availability = live_list;
    CountyParking miaoli;
    miaoli.status.county = "MiaoliCounty";
    miaoli.status.publishes_live = false;
    miaoli.status.sample = true;
    miaoli.car_parks.car_parks = {park("MiaoliCounty", "M1", 24.56, 120.82)};

    ParkingSnapshot snap({taipei, miaoli});
    REQUIRE(snap.car_parks().size() == 4);
    CHECK(snap.sample());
    CHECK(snap.find("Taipei", "A")->level == Level::plenty);
    CHECK(snap.find("Taipei", "B")->level == Level::full);
    CHECK(snap.find("Taipei", "C")->level == Level::unknown);
    CHECK_FALSE(snap.find("Taipei", "C")->live.has_value());
    CHECK(snap.find("MiaoliCounty", "M1")->level == Level::unknown);
    CHECK(snap.find("Taipei", "Z") == nullptr);
    CHECK(snap.feed("MiaoliCounty")->publishes_live == false);
    CHECK(snap.feed("Keelung") == nullptr);

    // Nearest with space: B is nearer to this point but full, so A; C has no live data.
    auto near = snap.nearest_with_space({25.046, 121.516}, 3, 5000);
    REQUIRE(near.size() == 1);
    CHECK(snap.car_parks()[near[0].index].park.id == "A");
    CHECK(near[0].distance_m == doctest::Approx(geo::distance_m({25.046, 121.516}, {25.040, 121.510})));
    CHECK(snap.nearest_with_space({25.046, 121.516}, 3, 100).empty());

    auto boxed = snap.within(geo::BBox{25.0, 121.5, 25.05, 121.52});  // south, west, north, east;
    CHECK(boxed.size() == 2);

    // The diff: B gets space, C disappears, a new one appears.
    CountyParking taipei2 = taipei;
    taipei2.availability->items[1].available_spaces = 12;
    taipei2.car_parks.car_parks = {park("Taipei", "A", 25.040, 121.510), park("Taipei", "B", 25.045, 121.515),
                                   park("Taipei", "D", 25.050, 121.520)};
    ParkingSnapshot next({taipei2, miaoli});
    auto changes = diff(snap, next);
    REQUIRE(changes.changed.size() == 2);
    CHECK(next.car_parks()[changes.changed[0]].park.id == "B");
    CHECK(next.car_parks()[changes.changed[1]].park.id == "D");
    CHECK(changes.removed == std::vector<std::string>{"Taipei/C"});
    CHECK_FALSE(changes.feeds_changed);
    CHECK(diff(next, next).empty());
}
