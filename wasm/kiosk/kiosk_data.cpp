#include "kiosk_data.h"

#include <algorithm>
#include <cmath>

#include "content/route.h"
#include "render/map_clusters.h"
#include "render/map_scene.h"
#include "text/json_reader.h"
#include "tracker/snapshot_json.h"

namespace beitai::kiosk {

namespace {

constexpr const char* kPartNames[] = {"counties", "snapshot", "parking", "campaigns", "routes", "sites", "basemap"};

}  // namespace

const char* part_name(DataPart part) { return kPartNames[static_cast<int>(part)]; }

std::optional<DataPart> parse_part(const std::string& name) {
    for (DataPart p : kDataParts)
        if (name == part_name(p)) return p;
    return std::nullopt;
}

std::string KioskData::Load(const std::string& part_text, const std::string& text, std::int64_t fetched_at) {
    const auto part = parse_part(part_text);
    if (!part) return "unknown data part \"" + part_text + "\"";
    const std::string source = part_text;
    auto json = text::parse_json_text(text, source);
    if (!json) return json.error();

    text::Diagnostics diagnostics(source);
    switch (*part) {
        case DataPart::counties: {
            auto counties = content::read_counties(*json, diagnostics);
            if (!diagnostics.empty()) return diagnostics.joined();
            counties_ = std::move(counties);
            scene_dirty_ = true;
            break;
        }
        case DataPart::snapshot: {
            auto snapshot = tracker::read_snapshot_json(*json, source);
            if (!snapshot) return snapshot.error();
            snapshot_ = std::move(*snapshot);
            break;
        }
        case DataPart::parking: {
            auto sent = parking::read_parking_json(*json);
            if (!sent) return source + ": " + sent.error();
            parking_sent_ = std::move(*sent);
            parking_ = parking_sent_.snapshot();
            break;
        }
        case DataPart::campaigns: {
            if (!json->is_array()) return source + ": expected an array of campaigns";
            std::vector<content::Campaign> campaigns;
            for (const auto& one : *json) campaigns.push_back(content::read_campaign(one, diagnostics));
            if (!diagnostics.empty()) return diagnostics.joined();
            campaigns_ = std::move(campaigns);
            break;
        }
        case DataPart::routes: {
            auto routes = content::read_routes(*json, source);
            if (!routes) return routes.error();
            routes_sample_ = routes->sample;
            network_ = bikenet::build_network(routes->routes);
            gaps_ = bikenet::find_gaps(network_);
            scene_dirty_ = true;
            break;
        }
        case DataPart::sites: {
            auto sites = content::read_sites(*json, diagnostics);
            if (!diagnostics.empty()) return diagnostics.joined();
            sites_ = std::move(sites);
            scene_dirty_ = true;
            break;
        }
        case DataPart::basemap: {
            auto areas = geo::read_feature_collection(*json, source);
            if (!areas) return areas.error();
            basemap_ = std::move(*areas);
            scene_dirty_ = true;
            break;
        }
    }
    fetched_at_[static_cast<int>(*part)] = fetched_at;
    ++version_;
    return {};
}

std::string KioskData::Confirm(const std::string& part_text, std::int64_t fetched_at) {
    const auto part = parse_part(part_text);
    if (!part) return "unknown data part \"" + part_text + "\"";
    if (!Has(*part)) return part_text + ": nothing loaded to confirm";
    fetched_at_[static_cast<int>(*part)] = fetched_at;
    return {};
}

std::string KioskData::ApplyParkingEvent(const std::string& text, std::int64_t received_at) {
    if (!Has(DataPart::parking)) return "parking event: no car parks loaded yet";
    auto json = text::parse_json_text(text, "parking event");
    if (!json) return json.error();
    if (auto applied = parking::apply_changes_json(parking_sent_, *json); !applied)
        return "parking event: " + applied.error();
    parking_ = parking_sent_.snapshot();
    fetched_at_[static_cast<int>(DataPart::parking)] = received_at;
    ++version_;
    return {};
}

const std::string& KioskData::CountyName(const std::string& id, text::Lang lang) const {
    if (const auto* c = content::find_county(counties_, id)) return lang == text::Lang::en ? c->name_en : c->name_zh;
    return id;
}

std::optional<std::int64_t> KioskData::OldestFetch() const {
    std::optional<std::int64_t> oldest;
    for (const auto& at : fetched_at_)
        if (at && (!oldest || *at < *oldest)) oldest = at;
    return oldest;
}

const render::PreparedScene* KioskData::Scene(text::Lang lang, double zoom) {
    for (DataPart p : {DataPart::counties, DataPart::routes, DataPart::sites, DataPart::basemap})
        if (!Has(p)) return nullptr;
    // Past the cluster zoom every level draws the same markers: one scene serves them all.
    const int level = static_cast<int>(std::floor(std::clamp(zoom, 0.0, render::kClusterMaxZoom)));
    if (scene_ && !scene_dirty_ && scene_lang_ == lang && scene_level_ == level) return &*scene_;
    // The kiosk's map: county areas, routes, their breaks and the sites. Live parking has
    // its own screen; keeping it off the map keeps the prepared scene still between events.
    render::MapView view;
    view.layers.parking = false;
    view.lang = lang;
    view.zoom = level;
    scene_ = render::prepare_scene(render::map_scene(render::map_data(counties_, network_, gaps_, sites_, basemap_), view));
    scene_lang_ = lang;
    scene_level_ = level;
    scene_dirty_ = false;
    ++scene_generation_;
    return &*scene_;
}

}  // namespace beitai::kiosk
