#include "feeds/hub_loading.h"

#include <cstdio>

#include "parking/tdx_json.h"

namespace beitai::site {

void add_feed_counties(const FeedsConfig& config, ParkingHub& hub) {
    for (const auto& c : config.counties) {
        parking::FeedStatus status;
        status.county = c.county;
        status.sample = c.sample;
        status.publishes_live = !c.availability_url.empty();
        status.stale_after_s = c.stale_after_s;
        hub.add_county(status);
    }
}

size_t load_kept_documents(const std::vector<ParkingDocument>& documents, const FeedsConfig& config, ParkingHub& hub,
                           bool restoring, UnixTime now) {
    size_t taken = 0;
    for (const ParkingDocument& d : documents) {
        const CountyFeedConfig* c = nullptr;
        for (const auto& county : config.counties)
            if (county.county == d.county) c = &county;
        const bool live = d.kind == "availability";
        if (!c || d.sample != c->sample || (live && c->availability_url.empty())) continue;
        const std::string where = "parking feed " + d.county + " " + d.kind + (restoring ? " kept at the last run" : " kept in the store");
        if (live) {
            auto list = parking::read_availability_json(d.body);
            if (!list) {
                std::fprintf(stderr, "beitai: %s: %s\n", where.c_str(), list.error().c_str());
                continue;
            }
            hub.update(d.county, [&](parking::CountyParking& p) {
                p.status.live_items = list->items.size();
                p.status.last_success_at = d.fetched_at;
                p.status.data_updated_at = list->updated_at;
                p.availability = std::move(*list);
            });
        } else {
            auto list = parking::read_car_parks_json(d.body, d.county);
            if (!list) {
                std::fprintf(stderr, "beitai: %s: %s\n", where.c_str(), list.error().c_str());
                continue;
            }
            hub.update(d.county, [&](parking::CountyParking& p) {
                p.status.car_parks = list->car_parks.size();
                if (c->availability_url.empty()) {
                    p.status.last_success_at = d.fetched_at;
                    p.status.data_updated_at = list->updated_at;
                }
                p.car_parks = std::move(*list);
            });
        }
        ++taken;
        if (restoring)
            std::printf("parking: %s restored (fetched %lld s ago)\n", where.c_str(), static_cast<long long>(now - d.fetched_at));
    }
    return taken;
}

}  // namespace beitai::site
