#include "content/route.h"

namespace beitai::content {

Result<RouteSet> routes_from_features(const std::vector<geo::Feature>& features, const std::string& source,
                                      bool sample) {
    RouteSet set;
    set.sample = sample;
    text::Diagnostics diagnostics(source);
    for (size_t i = 0; i < features.size(); ++i) {
        const auto& f = features[i];
        const std::string where = "features[" + std::to_string(i) + "]";
        auto text = [&](const char* key) -> std::string {
            auto it = f.properties.find(key);
            if (it == f.properties.end() || !it->is_string() || it->get<std::string>().empty()) {
                diagnostics.add(where + ".properties." + key, "missing (a non-empty string)");
                return {};
            }
            return it->get<std::string>();
        };
        const std::string id = text("id"), name = text("name"), county = text("county");
        if (f.geometry.type != geo::GeometryType::line_string && f.geometry.type != geo::GeometryType::multi_line_string) {
            diagnostics.add(where + ".geometry", "a route is a LineString or MultiLineString");
            continue;
        }
        for (size_t k = 0; k < f.geometry.lines.size(); ++k)
            set.routes.push_back({k == 0 ? id : id + "#" + std::to_string(k + 1), name, county, f.geometry.lines[k]});
    }
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return set;
}

Result<RouteSet> read_routes(const text::Json& collection, const std::string& source) {
    geo::ReadOptions options;
    options.region = geo::northern_taiwan();
    options.check_region = true;
    auto features = geo::read_feature_collection(collection, source, options);
    if (!features) return Error{features.error()};
    const bool sample = collection.is_object() && collection.value("sample", false);
    return routes_from_features(*features, source, sample);
}

text::Json routes_to_geojson(const std::vector<Route>& routes, bool sample) {
    std::vector<geo::Feature> features;
    for (const auto& r : routes) {
        geo::Feature f;
        f.geometry.type = geo::GeometryType::line_string;
        f.geometry.lines = {r.line};
        f.properties = {{"id", r.id}, {"name", r.name}, {"county", r.county}, {"sample", sample}};
        features.push_back(std::move(f));
    }
    text::Json out = geo::to_feature_collection(features);
    out["sample"] = sample;
    return out;
}

}  // namespace beitai::content
