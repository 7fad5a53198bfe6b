// Benchmark: reading a 5,000-car-park availability document, as the poller does after each
// fetch — TDX JSON and TDX XML of the same data (core/parking/tdx_json.h, tdx_xml.h) —
// and the snapshot built from it. Prints medians; asserts nothing about time.
#include <chrono>
#include <cstdio>
#include <string>

#include "bench_support.h"
#include "parking/snapshot.h"
#include "parking/tdx_json.h"
#include "parking/tdx_write.h"
#include "parking/tdx_xml.h"
#include "text/date.h"

using namespace beitai;
using bench::median;
using bench::ms_since;

int main() {
    constexpr int kCarParks = 5000;
    bench::Random rnd(7);
    parking::CarParkList parks;
    parking::AvailabilityList live;
    live.update_time = "2024-05-01T12:35:00+08:00";
    live.update_interval_s = 60;
    for (int i = 0; i < kCarParks; ++i) {
        parking::CarPark p;
        p.id = "BENCH-" + std::to_string(i);
        p.county = "Taipei";
        p.name_zh = "示範停車場 " + std::to_string(i);
        p.name_en = "Sample car park " + std::to_string(i);
        p.position = {24.9 + rnd.unit() * 0.2, 121.4 + rnd.unit() * 0.2};
        p.live_data = true;
        parks.car_parks.push_back(p);
        parking::Availability a;
        a.car_park_id = p.id;
        const int total = 50 + static_cast<int>(rnd.unit() * 500);
        a.total_spaces = total;
        if (rnd.unit() > 0.05) a.available_spaces = static_cast<int>(rnd.unit() * total);
        a.by_type = {{1, total - 10, a.available_spaces ? std::optional<int>(*a.available_spaces / 2) : std::nullopt},
                     {9, 10, 2}};
        a.service = parking::Service::open;
        a.fullness = parking::Fullness::space;
        a.charge_status = 1;
        a.collected_at = 1714538096 - static_cast<int>(rnd.unit() * 60);
        a.collected = text::to_iso_datetime_taipei(*a.collected_at);
        live.items.push_back(a);
    }
    const std::string json = parking::to_tdx_json(live);
    const std::string xml = parking::to_tdx_xml(live);
    std::printf("parking parse benchmark (%s): %d car parks; JSON %zu bytes, XML %zu bytes\n", bench::target_name(),
                kCarParks, json.size(), xml.size());

    std::vector<double> json_ms, xml_ms, snapshot_ms;
    size_t items = 0;
    for (int run = 0; run < 21; ++run) {
        auto t = std::chrono::steady_clock::now();
        auto a = parking::read_availability_json(json);
        json_ms.push_back(ms_since(t));
        t = std::chrono::steady_clock::now();
        auto b = parking::read_availability_xml(xml);
        xml_ms.push_back(ms_since(t));
        if (!a || !b || !(*a == *b)) {
            std::printf("  the two formats did not read to the same model: %s %s\n", a ? "" : a.error().c_str(),
                        b ? "" : b.error().c_str());
            return 1;
        }
        items = a->items.size();
        parking::CountyParking county;
        county.car_parks = parks;
        county.availability = std::move(*a);
        county.status.county = "Taipei";
        t = std::chrono::steady_clock::now();
        parking::ParkingSnapshot snapshot({county});
        snapshot_ms.push_back(ms_since(t));
    }
    // Hostile XML: one element with 40,000 distinct members (350 KB). Repeated members are
    // looked for among the earlier ones, so this must stay linear in the document.
    std::string wide = "<ParkingAvailabilityList>";
    for (int i = 0; i < 40000; ++i) wide += "<e" + std::to_string(i) + "/>";
    wide += "</ParkingAvailabilityList>";
    std::vector<double> wide_ms;
    for (int run = 0; run < 5; ++run) {
        auto t = std::chrono::steady_clock::now();
        auto refused = parking::read_availability_xml(wide);
        wide_ms.push_back(ms_since(t));
        if (refused) return std::printf("  a document without ParkingAvailabilities was taken\n"), 1;
    }

    std::printf("  read availability, JSON   %7.2f ms median of 21 (%zu items)\n", median(json_ms), items);
    std::printf("  read availability, XML    %7.2f ms median of 21 (the same model)\n", median(xml_ms));
    std::printf("  snapshot (join, levels)   %7.2f ms median of 21\n", median(snapshot_ms));
    std::printf("  XML, 40,000 members in one element (%zu bytes, refused): %.2f ms median of 5\n", wide.size(),
                median(wide_ms));
    return 0;
}
