#include "content/route.h"

#include <set>

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
    // "sample" is checked for its type before it is read: the core has no exceptions.
    bool sample = false;
    std::string problem;
    if (collection.is_object()) {
        auto it = collection.find("sample");
        if (it != collection.end() && it->is_boolean()) sample = it->get<bool>();
        else if (it != collection.end()) problem = source + ": sample: expected true or false";
    }
    if (!features) return Error{problem.empty() ? features.error() : problem + "\n" + features.error()};
    auto set = routes_from_features(*features, source, sample);
    if (problem.empty()) return set;
    return Error{set ? problem : problem + "\n" + set.error()};
}

Result<MergedRoutes> merge_routes(const RouteSet& held, const std::vector<Route>& imported) {
    if (held.sample && !held.routes.empty())
        return Error{"the routes held are sample data (\"sample\": true): write the first import without merging"};
    std::set<std::string> counties;
    for (const auto& r : imported) counties.insert(r.county);
    MergedRoutes merged;
    for (const auto& r : held.routes) {
        if (counties.count(r.county)) {
            ++merged.replaced;
            continue;
        }
        merged.routes.push_back(r);
        ++merged.kept;
    }
    merged.routes.insert(merged.routes.end(), imported.begin(), imported.end());
    return merged;
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
