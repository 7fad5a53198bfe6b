// MapExplorer: /map in the browser. It reads what the server publishes (counties, routes,
// sites, county areas), builds the same bike network, breaks and route planner as the
// server, and draws the core's Scene with Leaflet. Layer toggles and planning answer at once,
// without a round trip; the server's /map and /map.svg show the same things without
// JavaScript.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <optional>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "bikenet/route_planner.h"
#include "content/county.h"
#include "content/route.h"
#include "content/site.h"
#include "leaflet/leaflet_scene.h"
#include "render/map_lists.h"
#include "render/map_page.h"
#include "render/map_place.h"
#include "parking/api_json.h"
#include "render/map_scene.h"
#include "render/parking_views.h"
#include "text/url.h"

using emscripten::val;
using namespace beitai;

namespace {

class MapExplorer {
public:
    MapExplorer(const std::string& counties_text, const std::string& routes_text, const std::string& sites_text,
                const std::string& basemap_text) {
        text::Diagnostics diagnostics("map data");
        auto counties = text::parse_json_text(counties_text, "/api/counties");
        auto routes = text::parse_json_text(routes_text, "/api/routes");
        auto sites = text::parse_json_text(sites_text, "/api/sites");
        auto basemap = text::parse_json_text(basemap_text, "/api/basemap");
        for (auto* r : {&counties, &routes, &sites, &basemap})
            if (!*r) {
                error_ = r->error();
                return;
            }
        counties_ = content::read_counties(*counties, diagnostics);
        sites_ = content::read_sites(*sites, diagnostics);
        if (!diagnostics.empty()) {
            error_ = diagnostics.joined();
            return;
        }
        auto route_set = content::read_routes(*routes, "/api/routes");
        if (!route_set) {
            error_ = route_set.error();
            return;
        }
        routes_sample_ = route_set->sample;
        auto areas = geo::read_feature_collection(*basemap, "/api/basemap");
        if (!areas) {
            error_ = areas.error();
            return;
        }
        basemap_ = std::move(*areas);
        network_ = bikenet::build_network(route_set->routes);
        gaps_ = bikenet::find_gaps(network_);
        // The planner's index is built on the first plan, not while the page opens.
    }

    std::string error() const { return error_; }

    // Creates the Leaflet map in the element (tiles from `tile_url`, or none).
    void attach(const std::string& element_id, const std::string& tile_url, const std::string& attribution) {
        wasm::LeafletMapOptions options;
        options.element_id = element_id;
        options.tile_url = tile_url;
        options.tile_attribution = attribution;
        options.lang = text::parse_lang(val::global("document")["documentElement"]["lang"].as<std::string>() == "en" ? "en" : "zh-TW");
        leaflet_ = std::make_unique<wasm::LeafletScene>(options);
    }

    // The live car parks: the bytes of GET /api/parking, then each event of the live stream,
    // drawn with the levels and staleness the server sent. `now` is the browser's clock in
    // Unix seconds: between events, the sent ages move on by it. Both redraw
    // the parking layer; they return {car_parks} or {error}.
    val setParking(const std::string& text, double now) {
        auto json = text::parse_json_text(text, "/api/parking");
        if (!json) return error_object(json.error());
        auto sent = parking::read_parking_json(*json);
        if (!sent) return error_object("/api/parking: " + sent.error());
        parking_sent_ = std::move(*sent);
        return refresh_parking(now);
    }

    val applyParking(const std::string& event_text, double now) {
        auto json = text::parse_json_text(event_text, "parking event");
        if (!json) return error_object(json.error());
        if (auto applied = parking::apply_changes_json(parking_sent_, *json); !applied)
            return error_object("parking event: " + applied.error());
        return refresh_parking(now);
    }

    // Takes an event's changes without drawing them: a burst of events (a feed that comes
    // back sends every county's changes at once) is drawn once, by the next refreshParking.
    // Returns {} or {error}.
    val queueParking(const std::string& event_text) {
        auto json = text::parse_json_text(event_text, "parking event");
        if (!json) return error_object(json.error());
        if (auto applied = parking::apply_changes_json(parking_sent_, *json); !applied)
            return error_object("parking event: " + applied.error());
        return val::object();
    }

    // Redraws the car parks as they are at `now` without new data: ages move on, and data
    // that was fresh a minute ago may be stale now even when no event comes.
    val refreshParking(double now) { return refresh_parking(now); }

    // The feeds' freshness panel and the list of car parks as they are now.
    std::string parkingFeedsHtml(const std::string& lang, double now) {
        now_ = static_cast<std::int64_t>(now);
        return render::parking_feeds_html(data(), text::parse_lang(lang));
    }
    std::string parkingListHtml(const std::string& lang, double now) {
        now_ = static_cast<std::int64_t>(now);
        return render::parking_list_html(data(), text::parse_lang(lang));
    }

    // show("layers=routes,sites&bbox=…", "zh-TW", fit) → {query, routes, gaps, sites, basemap, parking} or {error}
    val show(const std::string& query_string, const std::string& lang, bool fit) {
        auto params = text::parse_query_string(query_string);
        if (!params) return error_object("the address holds a malformed query string");
        auto view = render::parse_map_view(*params, {"from", "to", "zoom", "lat", "lon"});
        if (view && !view->county.empty() && !content::find_county(counties_, view->county))
            return error_object("county: unknown county id \"" + view->county + "\"");
        if (!view) return error_object(view.error());
        view->lang = text::parse_lang(lang);
        view_ = *view;
        shown_ = true;
        // Fitting moves the map, and the page redraws after every move (redraw, below).
        if (leaflet_ && fit) {
            const auto whole = render::map_scene(data(), everything());
            leaflet_->fit(whole.fit_south_west, whole.fit_north_east);
        }
        return redraw();
    }

    // plan("臺北市", "24.80,120.97", "zh-TW") → {found, html, length, counties, drawn} or
    // {error, field}: the fields take places by name or coordinates (render/map_place.h),
    // and what is wrong is said in `lang` for the field it concerns. The route joins the
    // Scene (layer "path", with its start and end pins) and the map moves to show it whole.
    val plan(const std::string& from_text, const std::string& to_text, const std::string& lang_tag) {
        const text::Lang lang = text::parse_lang(lang_tag);
        auto from = render::resolve_place(from_text, std::string(text::tr("map.from", lang)), &sites_, &counties_, lang);
        auto to = render::resolve_place(to_text, std::string(text::tr("map.to", lang)), &sites_, &counties_, lang);
        if (!from || !to) {
            val out = error_object(!from ? from.error() : to.error());
            out.set("field", std::string(!from ? "from" : "to"));
            if (!from && !to) out.set("toError", to.error());
            return out;
        }
        if (!planner_) planner_ = std::make_unique<bikenet::RoutePlanner>(network_, gaps_);
        auto route = planner_->plan(from->at, to->at);
        val out = val::object();
        out.set("found", route.found);
        out.set("length", route.length_m);
        out.set("counties", static_cast<int>(route.counties.size()));
        out.set("html", render::planned_route_html(route, data(), lang));
        // A plan that finds no way leaves the last one drawn.
        if (route.found) {
            planned_ = std::move(route);
            if (leaflet_ && shown_) {
                leaflet_->draw(render::map_scene(data(), in_sight(only(""))), false, "path");
                geo::BBox box;
                for (const auto& p : planned_->path) box.extend(p);
                if (!box.empty()) leaflet_->fit({box.south, box.west}, {box.north, box.east});
            }
        }
        out.set("drawn", leaflet_ ? leaflet_->count("path") : 0);
        return out;
    }

    // Moves the map to a feature and opens its card (or its name, for a line); false when
    // nothing drawn has that id (its layer is off, or the county filter hides it).
    // The feature is drawn even out of sight and never gathered into a cluster.
    bool focus(const std::string& id) {
        if (!leaflet_ || !shown_) return false;
        view_.focus = id;
        redraw();
        return leaflet_->focus(id);
    }

    // Draws what is in sight now, gathered as this zoom gathers it: the page calls it after
    // every move of the map. Returns what show() returns.
    val redraw() {
        val out = val::object();
        if (leaflet_ && shown_) leaflet_->draw(render::map_scene(data(), in_sight()), false);
        out.set("query", text::to_query_string(render::to_params(view_)));
        for (const char* layer : {"routes", "gaps", "sites", "basemap", "parking"})
            out.set(layer, leaflet_ ? leaflet_->count(layer) : 0);
        return out;
    }

    // What a tap on the map offers: set the point as the start or the end.
    std::string pointActionsHtml(double lat, double lon, const std::string& lang) {
        return render::map_point_actions_html({lat, lon}, text::parse_lang(lang));
    }

    // The sites' list for the county filter ("" for all), as the server writes it.
    std::string sitesListHtml(const std::string& county, const std::string& lang) {
        return render::sites_list_html(data(), text::parse_lang(lang), county);
    }

    // The card a marker opens (LeafletScene asks through Module.sceneCard when it opens).
    std::string card(const std::string& id, const std::string& lang, double now) {
        now_ = static_cast<std::int64_t>(now);
        return render::map_card_html(data(), id, text::parse_lang(lang));
    }

    int gap_count() const { return static_cast<int>(gaps_.size()); }
    int route_count() const { return static_cast<int>(network_.routes.size()); }
    int site_count() const { return static_cast<int>(sites_.sites.size()); }
    val leaflet_map() const { return leaflet_ ? leaflet_->map() : val::undefined(); }

private:
    val refresh_parking(double now) {
        now_ = static_cast<std::int64_t>(now);
        parking_.emplace(parking_sent_.snapshot());
        if (leaflet_ && shown_ && view_.layers.parking)
            leaflet_->draw(render::map_scene(data(), in_sight(only("parking"))), false, "parking");
        val out = val::object();
        out.set("car_parks", static_cast<int>(parking_->car_parks().size()));
        out.set("drawn", leaflet_ ? leaflet_->count("parking") : 0);
        return out;
    }

    // Everything the view's layers hold, each marker itself: what a fit shows whole.
    render::MapView everything() const {
        render::MapView v = view_;
        v.bbox.reset();
        v.zoom.reset();
        return v;
    }

    // The view with only this layer on ("" for none: the planned route is drawn whatever
    // the layers): a live layer's redraw builds nothing else.
    render::MapView only(const std::string& layer) const {
        render::MapView v = view_;
        v.layers = {false, false, false, false, layer == "parking"};
        return v;
    }

    // What the map shows now and a quarter screen around it (a short pan shows no gap
    // before the redraw), at the map's zoom: a view of 50,000 features draws a few hundred.
    render::MapView in_sight() const { return in_sight(view_); }
    render::MapView in_sight(render::MapView v) const {
        v.bbox.reset();
        val bounds = leaflet_->map().call<val>("getBounds").call<val>("pad", 0.25);
        geo::BBox box;
        box.south = std::max(-90.0, bounds.call<double>("getSouth"));
        box.west = std::max(-180.0, bounds.call<double>("getWest"));
        box.north = std::min(90.0, bounds.call<double>("getNorth"));
        box.east = std::min(180.0, bounds.call<double>("getEast"));
        if (box.south < box.north && box.west < box.east) v.bbox = box;
        v.zoom = leaflet_->map().call<double>("getZoom");
        return v;
    }

    static val error_object(const std::string& message) {
        val out = val::object();
        out.set("error", message);
        return out;
    }

    render::MapData data() const {
        auto d = render::map_data(counties_, network_, gaps_, sites_, basemap_);
        if (parking_) {
            d.parking = &*parking_;
            d.now = now_;
        }
        if (planned_) d.planned = &*planned_;
        return d;
    }

    // The scene of the last show(), for redrawing one layer as live data changes.
    render::MapView view_;
    bool shown_ = false;
    parking::SentParking parking_sent_;  // levels and freshness as the server sent them
    std::optional<parking::ParkingSnapshot> parking_;
    std::int64_t now_ = 0;

    std::string error_;
    std::vector<content::County> counties_;
    content::SiteList sites_;
    bool routes_sample_ = false;
    std::vector<geo::Feature> basemap_;
    bikenet::Network network_;
    std::vector<bikenet::Gap> gaps_;
    std::unique_ptr<bikenet::RoutePlanner> planner_;
    std::unique_ptr<wasm::LeafletScene> leaflet_;
    std::optional<bikenet::PlannedRoute> planned_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(beitai_map) {
    emscripten::class_<MapExplorer>("MapExplorer")
        .constructor<const std::string&, const std::string&, const std::string&, const std::string&>()
        .function("error", &MapExplorer::error)
        .function("attach", &MapExplorer::attach)
        .function("show", &MapExplorer::show)
        .function("plan", &MapExplorer::plan)
        .function("card", &MapExplorer::card)
        .function("focus", &MapExplorer::focus)
        .function("redraw", &MapExplorer::redraw)
        .function("pointActionsHtml", &MapExplorer::pointActionsHtml)
        .function("sitesListHtml", &MapExplorer::sitesListHtml)
        .function("setParking", &MapExplorer::setParking)
        .function("applyParking", &MapExplorer::applyParking)
        .function("refreshParking", &MapExplorer::refreshParking)
        .function("queueParking", &MapExplorer::queueParking)
        .function("parkingFeedsHtml", &MapExplorer::parkingFeedsHtml)
        .function("parkingListHtml", &MapExplorer::parkingListHtml)
        .function("gapCount", &MapExplorer::gap_count)
        .function("routeCount", &MapExplorer::route_count)
        .function("siteCount", &MapExplorer::site_count)
        .function("leafletMap", &MapExplorer::leaflet_map);
}
