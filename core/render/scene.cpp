#include "render/scene.h"

#include <algorithm>

namespace beitai::render {

const std::string& county_colour(const std::string& county_id) {
    // Read-only after their first use; the last colour is for anything unknown.
    static const std::string kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                           "#E69F00", "#56B4E9", "#7A5195", "#8C6D1F", "#555555"};
    static constexpr const char* kOrder[] = {"YilanCounty", "Keelung",       "Taipei",  "NewTaipei",
                                             "Taoyuan",     "HsinchuCounty", "Hsinchu", "MiaoliCounty"};
    for (size_t i = 0; i < 8; ++i)
        if (county_id == kOrder[i]) return kColours[i];
    return kColours[8];
}

Style county_seat_look(const std::string& style) {
    // The portal's teal ringed in white; on a proposal's map the cooperating counties in
    // the lighter teal, the others greyed, the proposing one larger and amber.
    Style look{"#ffffff", "#0b3d4f", 2, 1, false, 7};
    if (style == "active") look.fill = "#136b79";
    else if (style == "muted") look.fill = "#9fb0b6";
    else if (style == "origin") {
        look.fill = "#b45f06";
        look.radius = 9;
    }
    return look;
}

void fit_to_contents(Scene& scene) {
    geo::BBox box;
    for (const auto& p : scene.polygons)
        for (const auto& ring : p.rings)
            for (const auto& q : ring) box.extend(q);
    for (const auto& l : scene.polylines)
        for (const auto& part : l.parts)
            for (const auto& q : part) box.extend(q);
    for (const auto& m : scene.markers) box.extend(m.at);
    if (box.empty()) return;
    scene.fit_south_west = {box.south, box.west};
    scene.fit_north_east = {box.north, box.east};
}

Scene county_seats_scene(const std::vector<content::County>& counties, text::Lang lang) {
    Scene scene;
    bool first = true;
    for (const auto& c : counties) {
        SceneMarker m;
        m.id = c.id;
        m.at = c.seat;
        m.label = lang == text::Lang::en ? c.name_en : c.name_zh;
        m.title = m.label;  // one language per page
        m.layer = "county-seats";
        m.labelled = true;
        m.focusable = true;
        m.look = county_seat_look(m.style);
        scene.markers.push_back(std::move(m));
        if (first) {
            scene.fit_south_west = scene.fit_north_east = c.seat;
            first = false;
        }
        scene.fit_south_west.lat = std::min(scene.fit_south_west.lat, c.seat.lat);
        scene.fit_south_west.lon = std::min(scene.fit_south_west.lon, c.seat.lon);
        scene.fit_north_east.lat = std::max(scene.fit_north_east.lat, c.seat.lat);
        scene.fit_north_east.lon = std::max(scene.fit_north_east.lon, c.seat.lon);
    }
    return scene;
}

Scene cooperation_scene(const std::vector<content::County>& counties, const std::vector<std::string>& cooperating,
                        const std::string& proposing, text::Lang lang) {
    Scene scene = county_seats_scene(counties, lang);
    for (auto& m : scene.markers) {
        bool active = std::find(cooperating.begin(), cooperating.end(), m.id) != cooperating.end();
        m.style = m.id == proposing ? "origin" : active ? "active" : "muted";
        m.look = county_seat_look(m.style);
    }
    return scene;
}

}  // namespace beitai::render
