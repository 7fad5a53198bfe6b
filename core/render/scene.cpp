#include "render/scene.h"

#include <algorithm>

namespace beitai::render {

Scene county_seats_scene(const std::vector<content::County>& counties, text::Lang lang) {
    Scene scene;
    bool first = true;
    for (const auto& c : counties) {
        SceneMarker m;
        m.id = c.id;
        m.at = c.seat;
        m.label = lang == text::Lang::en ? c.name_en : c.name_zh;
        m.title = lang == text::Lang::en ? c.name_en + " (" + c.name_zh + ")" : c.name_zh + "（" + c.name_en + "）";
        m.layer = "county-seats";
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
    }
    return scene;
}

}  // namespace beitai::render
