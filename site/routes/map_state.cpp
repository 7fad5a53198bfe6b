#include "routes/map_state.h"

#include <cmath>

#include "geo/topojson.h"

namespace beitai::site {

Result<std::vector<geo::Feature>> read_basemap(const std::string& topojson, const std::string& source) {
    auto parsed = text::parse_json_text(topojson, source);
    if (!parsed) return Error{parsed.error()};
    auto features = geo::read_topojson(*parsed, "counties", source);
    if (!features) return Error{features.error()};
    // The atlas is drawn at county scale: 80 m of simplification keeps the coast's
    // shape and cuts the rings to a size a phone draws quickly.
    // Six decimals (about 10 cm) is more than the atlas's own precision and keeps the
    // JSON short.
    auto round6 = [](double v) { return std::round(v * 1e6) / 1e6; };
    for (auto& f : *features)
        for (auto& polygon : f.geometry.polygons)
            for (auto& ring : polygon) {
                ring = geo::simplify(ring, 80);
                for (auto& p : ring) p = {round6(p.lat), round6(p.lon)};
            }
    // Every reader of the basemap (/map in the browser and as SVG, the kiosk, the raffle's
    // map, the importers' county of a line) shows northern Taiwan: the areas reaching into it
    // are all it needs, not the islands and the south (a third of the bytes of the whole atlas).
    return geo::polygons_reaching(std::move(*features), geo::northern_taiwan());
}

render::MapData MapState::data() const { return render::map_data(counties, network, gaps, sites, basemap); }

Result<std::unique_ptr<MapState>> build_map_state(const content::Catalog& catalog, const std::string& basemap_topojson,
                                                  const std::string& basemap_source) {
    auto state = std::make_unique<MapState>();
    state->counties = catalog.counties;
    state->sites = catalog.sites;
    state->routes_sample = catalog.routes.sample;
    state->network = bikenet::build_network(catalog.routes.routes);
    state->gaps = bikenet::find_gaps(state->network);
    state->planner = std::make_unique<bikenet::RoutePlanner>(state->network, state->gaps);
    if (!basemap_topojson.empty()) {
        auto areas = read_basemap(basemap_topojson, basemap_source);
        if (!areas) return Error{areas.error()};
        state->basemap = std::move(*areas);
    }
    return state;
}

}  // namespace beitai::site
