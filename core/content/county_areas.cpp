#include "content/county_areas.h"

#include "content/imports.h"

namespace beitai::content {

namespace {

std::string area_name(const geo::Feature& f) {
    for (const char* key : {"COUNTYNAME", "name"}) {
        auto it = f.properties.find(key);
        if (it != f.properties.end() && it->is_string()) return it->get<std::string>();
    }
    return {};
}

}  // namespace

AreaHit county_at(const std::vector<geo::Feature>& areas, geo::LatLon p, const std::vector<County>& counties) {
    for (const auto& f : areas)
        for (const auto& polygon : f.geometry.polygons) {
            if (polygon.empty() || !geo::bbox_of(polygon.front()).contains(p) || !geo::contains(polygon, p)) continue;
            const std::string name = area_name(f);
            return {county_id_of(name, counties), name.empty() ? "(an unnamed area)" : name};
        }
    return {};
}

}  // namespace beitai::content
