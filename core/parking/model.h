// Car parks and their live availability, as the Ministry of Transportation's parking data
// standard describes them (TDX OffStreet CarPark and ParkingAvailability), normalised into
// one model whatever the county, format (JSON or XML) or quirks of the server. Readers:
// tdx_json.h, tdx_xml.h, and the counties' own formats taipei_json.h, yilan_json.h;
// writers: tdx_write.h, county_write.h.
//
// Unknown is never zero: a number the feed did not give (absent, null, -1, "未提供", Taipei's -9) is an
// empty optional, and a car park with no availability item at all has "no live data".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "content/car_park.h"
#include "geo/geometry.h"

namespace beitai::parking {

// ServiceStatus: 0 休息中, 1 營業中, 2 暫停營業; some servers also send 3 非營業時段.
enum class Service { resting = 0, open = 1, suspended = 2, off_hours = 3, unknown = -1 };
// FullStatus: 0 尚有空位, 1 車位將滿, 2 車位已滿, 3 過度擁擠.
enum class Fullness { space = 0, nearly_full = 1, full = 2, overcrowded = 3, unknown = -1 };

// The static record of a car park is the content type (content/car_park.h): curated sample
// files and the counties' TDX feeds fill the same struct.
using CarPark = content::CarPark;

// Spaces of one SpaceType (0 all, 1 car, 2 scooter, … 9 disabled car, 11 EV car …).
struct SpaceCount {
    int space_type = 0;
    std::optional<int> total;
    std::optional<int> available;

    auto tie() const { return std::tie(space_type, total, available); }
    friend bool operator==(const SpaceCount& a, const SpaceCount& b) { return a.tie() == b.tie(); }
};

struct Availability {
    std::string car_park_id;
    std::optional<int> total_spaces;
    std::optional<int> available_spaces;  // -1 and "未提供" read as unknown
    std::vector<SpaceCount> by_type;
    Service service = Service::unknown;
    Fullness fullness = Fullness::unknown;
    std::optional<int> charge_status;
    std::string collected;                 // DataCollectTime as sent, e.g. "2024-05-01T12:34:56+08:00"
    std::optional<std::int64_t> collected_at;  // the same in Unix seconds, when it parses

    auto tie() const {
        return std::tie(car_park_id, total_spaces, available_spaces, by_type, service, fullness, charge_status, collected,
                        collected_at);
    }
    friend bool operator==(const Availability& a, const Availability& b) { return a.tie() == b.tie(); }
};

// One fetched document of either kind, with its envelope.
struct CarParkList {
    std::string update_time;  // UpdateTime as sent
    std::optional<std::int64_t> updated_at;
    std::vector<CarPark> car_parks;
    std::vector<std::string> rejected;  // one line per item not taken, naming where and why

    auto tie() const { return std::tie(update_time, updated_at, car_parks, rejected); }
    friend bool operator==(const CarParkList& a, const CarParkList& b) { return a.tie() == b.tie(); }
};

struct AvailabilityList {
    std::string update_time;
    std::optional<std::int64_t> updated_at;
    std::optional<int> update_interval_s;      // UpdateInterval
    std::optional<int> src_update_interval_s;  // SrcUpdateInterval
    std::vector<Availability> items;
    std::vector<std::string> rejected;

    auto tie() const {
        return std::tie(update_time, updated_at, update_interval_s, src_update_interval_s, items, rejected);
    }
    friend bool operator==(const AvailabilityList& a, const AvailabilityList& b) { return a.tie() == b.tie(); }
};

// One document that holds both (Yilan's traffic-information API: each car park with its
// count of free spaces). An item not taken is in both lists' `rejected`.
struct CarParksWithAvailability {
    CarParkList car_parks;
    AvailabilityList availability;
};

// Limits a reader enforces on a document from outside.
struct ReadLimits {
    size_t max_items = 20000;
    // A document is garbage, not data, when more than this share of its items is rejected:
    // the reader then fails as a whole and the last good data stays.
    double max_rejected_share = 0.1;
};

}  // namespace beitai::parking
