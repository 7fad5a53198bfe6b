// The kiosk's hand-off QR code: each screen's view as the web page that shows the same,
// in the visitor's language.
#include <doctest/doctest.h>

#include "render/kiosk_handoff.h"
#include "text/url.h"

using namespace beitai;
using render::KioskScreen;

namespace {

render::KioskConfig lobby() {
    render::KioskConfig c;
    c.county = "Taipei";
    c.position = {25.0375, 121.5637};
    return c;
}

}  // namespace

TEST_CASE("kiosk hand-off: each screen's address on the web") {
    const auto config = lobby();
    render::KioskVisit v;
    CHECK(render::kiosk_handoff_path(v, config, "") == "/");

    v.screen = KioskScreen::map;
    v.map.centre = {25.04321, 121.51234};
    v.map.zoom = 13.7;  // a pinch lands between steps; the web rounds to the nearest
    CHECK(render::kiosk_handoff_path(v, config, "") == "/map?lat=25.04321&lon=121.51234&zoom=14");
    // The kiosk's own steps are whole zooms: each is handed over as it is, odd or even.
    for (double zoom : {12.0, 13.0}) {
        v.map.zoom = zoom;
        CHECK(render::kiosk_handoff_path(v, config, "") ==
              "/map?lat=25.04321&lon=121.51234&zoom=" + std::to_string(static_cast<int>(zoom)));
    }
    v.map.zoom = 13.2;  // nearer 13 than 14
    CHECK(render::kiosk_handoff_path(v, config, "") == "/map?lat=25.04321&lon=121.51234&zoom=13");
    v.map.zoom = 12.5;  // a half goes up
    CHECK(render::kiosk_handoff_path(v, config, "") == "/map?lat=25.04321&lon=121.51234&zoom=13");

    v.screen = KioskScreen::parking;
    CHECK(render::kiosk_handoff_path(v, config, "") == "/map?layers=parking&lat=25.03750&lon=121.56370&zoom=16");

    v.screen = KioskScreen::campaign;
    CHECK(render::kiosk_handoff_path(v, config, "2026-demo") == "/raffle/2026-demo");
    CHECK(render::kiosk_handoff_path(v, config, "") == "/raffle");

    v.screen = KioskScreen::proposals;
    CHECK(render::kiosk_handoff_path(v, config, "") == "/proposals");
    v.proposals.filters.county = "Taipei";
    v.proposals.filters.status = content::Status::open;
    const std::string list = render::kiosk_handoff_path(v, config, "");
    CHECK(list.rfind("/proposals?", 0) == 0);
    CHECK(list.find("county=Taipei") != std::string::npos);
    CHECK(list.find("status=open") != std::string::npos);
    v.proposals.selected = "112-40";
    CHECK(render::kiosk_handoff_path(v, config, "") == "/proposals/112-40");
}

TEST_CASE("kiosk hand-off: an English visit goes through the language switch") {
    render::KioskVisit v;
    v.lang = text::Lang::en;
    v.screen = KioskScreen::proposals;
    v.proposals.selected = "112-40";
    const std::string path = render::kiosk_handoff_path(v, lobby(), "");
    CHECK(path == "/lang?to=en&back=%2Fproposals%2F112-40");
    // The switch reads `back` as the path it was given.
    auto params = text::parse_query_string(path.substr(path.find('?') + 1));
    REQUIRE(params.has_value());
    CHECK((*params)[1].second == "/proposals/112-40");
}
