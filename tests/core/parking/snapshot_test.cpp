// The snapshot: car parks joined with availability by CarParkID, their levels, what is in a
// box, the nearest with space, and the diff from one snapshot to the next.
#include <doctest/doctest.h>

#include "live.h"
#include "parking/snapshot.h"

using namespace beitai;
using namespace beitai::parking;
using beitai::testing::live;

namespace {

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
