// Live parking as people see it: markers coloured by level with the number of free spaces,
// a car park's card, "car parks with space near this site", the list of every car park by
// county, and the panel of each county's data freshness. Levels and their thresholds are
// core/parking/levels.h's; colours and words are here.
#pragma once

#include <string>

#include "parking/levels.h"
#include "parking/snapshot.h"
#include "render/map_scene.h"
#include "render/scene.h"

namespace beitai::render {

// The marker colour of a level (traffic-light, as Taiwan's parking apps use): green, amber,
// red, dark grey for closed, grey for unknown — each dark enough for white text (4.5:1).
Style parking_style(parking::Level level, bool stale);
// The colours of the level badges and of the feeds' states in HTML, as CSS: the same fills
// as the markers. Written at build time (site/cli/print_styles.cpp) to a stylesheet the pages
// link (/generated/css/parking.css), so that no colour is written twice.
std::string parking_stylesheet();
// "尚有空位", "No live data", … for a car park now.
std::string parking_level_text(const parking::CarParkState& state, text::Lang lang);

void add_parking_markers(Scene& scene, const MapData& data, const MapView& view);

std::string car_park_card_html(const MapData& data, const parking::CarParkState& state, text::Lang lang);
// Up to three car parks with space within 3 km of `at`, nearest first, or a sentence that
// there are none.
std::string nearby_parking_html(const MapData& data, geo::LatLon at, text::Lang lang);

// Every car park, by county: name, status, free of total, data time (with 資料逾時 when old).
std::string parking_list_html(const MapData& data, text::Lang lang);
// Each county's feed: updating, out of date (with its last error), paused, or without live data.
std::string parking_feeds_html(const MapData& data, text::Lang lang);

// Where the two stand while the car parks layer is off (the first view): the list's title and
// how to show it, and an empty panel. Live data then stays out of /map's HTML, which keeps
// one entity tag from view to view (a repeat view is a 304); the layer brings the data (the
// server's page with it, or the browser's core, which fills these two places).
// Empty without live parking (data.parking unset), as the two above.
std::string parking_list_off_html(const MapData& data, text::Lang lang);
std::string parking_feeds_off_html(const MapData& data);

}  // namespace beitai::render
