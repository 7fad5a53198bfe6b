// Everything the kiosk shows, as the portal's APIs sent it, parsed with the same core
// readers as the browser pages, and when each part last arrived. The JS glue hands over
// the text of each response (fresh from the server, or the last good copy from the
// browser's storage when the server is away) and its time; a part that fails to read
// leaves the last good one in place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bikenet/gaps.h"
#include "bikenet/network.h"
#include "content/campaign.h"
#include "content/county.h"
#include "content/site.h"
#include "geo/geojson.h"
#include "parking/api_json.h"
#include "parking/snapshot.h"
#include "render/scene_paint.h"
#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::kiosk {

// The parts, by the name the glue loads them under (the API each comes from).
enum class DataPart { counties, snapshot, parking, campaigns, routes, sites, basemap };
constexpr DataPart kDataParts[] = {DataPart::counties, DataPart::snapshot, DataPart::parking, DataPart::campaigns,
                                   DataPart::routes,   DataPart::sites,    DataPart::basemap};
const char* part_name(DataPart part);  // "counties", "snapshot", …
std::optional<DataPart> parse_part(const std::string& name);

class KioskData {
public:
    // The text of a part's API and when it was fetched (Unix seconds). "" when read, else
    // the reader's error naming the part; the last good copy stays.
    // "campaigns" is a JSON array of whole campaigns (GET /api/campaigns/{id} each).
    std::string Load(const std::string& part, const std::string& text, std::int64_t fetched_at);
    // The server sent the same text again: the part is as fresh as `fetched_at`, and nothing
    // worked out from it (the network, the prepared map) is redone.
    std::string Confirm(const std::string& part, std::int64_t fetched_at);
    // An event of /api/parking/stream applied to the car parks.
    std::string ApplyParkingEvent(const std::string& text, std::int64_t received_at);

    // Grows with every part loaded or event applied: what was worked out from the data
    // before is out of date when it moved.
    int Version() const { return version_; }

    bool Has(DataPart part) const { return fetched_at_[static_cast<int>(part)].has_value(); }
    std::optional<std::int64_t> FetchedAt(DataPart part) const { return fetched_at_[static_cast<int>(part)]; }
    // The oldest time among the parts held: "the data was updated N minutes ago" must not
    // flatter the part that is most out of date.
    std::optional<std::int64_t> OldestFetch() const;

    const std::vector<content::County>& counties() const { return counties_; }
    // A county's name in `lang`; its id when the counties do not hold it.
    const std::string& CountyName(const std::string& id, text::Lang lang) const;
    const tracker::Snapshot* snapshot() const { return Has(DataPart::snapshot) ? &snapshot_ : nullptr; }
    const parking::ParkingSnapshot* parking() const { return Has(DataPart::parking) ? &parking_ : nullptr; }
    const std::vector<content::Campaign>* campaigns() const { return Has(DataPart::campaigns) ? &campaigns_ : nullptr; }
    const content::SiteList& sites() const { return sites_; }
    bool routes_sample() const { return routes_sample_; }

    // The map's Scene, prepared for painting in `lang` with its sites gathered as `zoom`
    // gathers them (render/map_clusters.h): rebuilt only when the map data, the language or
    // the whole zoom level changed since the last call. Null until counties, routes, sites
    // and the basemap are all there.
    const render::PreparedScene* Scene(text::Lang lang, double zoom);
    // Changes every time the prepared scene is rebuilt (the map screen refits on it).
    int SceneGeneration() const { return scene_generation_; }

private:
    std::optional<std::int64_t> fetched_at_[7];
    int version_ = 0;
    std::vector<content::County> counties_;
    tracker::Snapshot snapshot_;
    parking::SentParking parking_sent_;
    parking::ParkingSnapshot parking_;
    std::vector<content::Campaign> campaigns_;
    content::SiteList sites_;
    bool routes_sample_ = false;
    std::vector<geo::Feature> basemap_;
    bikenet::Network network_;
    std::vector<bikenet::Gap> gaps_;

    std::optional<render::PreparedScene> scene_;
    text::Lang scene_lang_ = text::Lang::zh_TW;
    int scene_level_ = -1;  // the whole zoom level its clusters are for
    bool scene_dirty_ = true;
    int scene_generation_ = 0;
};

}  // namespace beitai::kiosk
