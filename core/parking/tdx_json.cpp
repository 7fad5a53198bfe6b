#include "parking/tdx_json.h"

#include "parking/tdx_fields.h"

namespace beitai::parking {

using text::Json;
using namespace tdx;

namespace {

// The items of a document: {"<wrapper>": [...], …} or a bare array.
Result<const Json*> items_of(const Json& root, const char* wrapper) {
    if (root.is_array()) return &root;
    if (!root.is_object()) return Error{std::string("expected an object with \"") + wrapper + "\", got " + shown(root)};
    auto it = root.find(wrapper);
    if (it == root.end()) return Error{std::string("no \"") + wrapper + "\" in the document"};
    if (it->is_null()) return &*it;  // an empty document written as null
    if (!it->is_array()) return Error{std::string(wrapper) + ": expected a list, got " + shown(*it)};
    return &*it;
}

// An availability item of a tree, as the rules read it.
void fields_of(const Json& item, AvailabilityFields& f) {
    f = AvailabilityFields{};
    if (!item.is_object()) {
        f.not_object = &item;
        return;
    }
    f.id = member_of(item, "CarParkID");
    f.total = member_of(item, "TotalSpaces");
    f.available = member_of(item, "AvailableSpaces");
    if (const Json* by_type = member_of(item, "Availabilities")) {
        if (!by_type->is_array()) f.by_type_not_list = by_type;
        else
            for (const Json& entry : *by_type) {
                AvailabilityEntryFields e;
                if (!entry.is_object()) {
                    e.not_object = &entry;
                } else {
                    e.space_type = member_of(entry, "SpaceType");
                    e.total = member_of(entry, "NumberOfSpaces");
                    e.available = member_of(entry, "AvailableSpaces");
                }
                f.by_type.push_back(e);
            }
    }
    f.service = member_of(item, "ServiceStatus");
    f.full = member_of(item, "FullStatus");
    f.charge = member_of(item, "ChargeStatus");
    f.collected = member_of(item, "DataCollectTime");
}

}  // namespace

Result<CarParkList> read_car_parks(const Json& root, const std::string& county, const ReadLimits& limits) {
    auto items = items_of(root, "CarParks");
    if (!items) return Error{items.error()};
    CarParkList out;
    read_update_time(member_of(root, "UpdateTime"), out.update_time, out.updated_at);
    const Json& list = **items;
    if (list.is_null()) return out;
    auto read = [&county](const Json& item, FieldReader& r) {
        auto member = [&](const char* key) { return member_of(item, key); };
        CarPark c;
        c.county = county;
        c.id = r.text(member("CarParkID"), "CarParkID", true);
        if (const Json* name = member("CarParkName")) {
            if (name->is_object()) {
                FieldReader n(r.path_of("CarParkName"));
                c.name_zh = n.text(member_of(*name, "Zh_tw"), "Zh_tw", true);
                c.name_en = n.text(member_of(*name, "En"), "En", false);
                if (!n.ok()) r.fail(r.path_of("CarParkName"), n.problem().substr(n.problem().find(": ") + 2));
            } else if (name->is_string()) {
                c.name_zh = clean_text(name->get<std::string>());  // some servers flatten the name
                if (c.name_zh.empty() || c.name_zh == "NULL") r.fail(r.path_of("CarParkName"), "empty");
            } else {
                r.fail(r.path_of("CarParkName"), "expected {Zh_tw, En}, got " + shown(*name));
            }
        } else {
            r.fail(r.path_of("CarParkName"), "missing");
        }
        if (const Json* pos = member("CarParkPosition"); pos && pos->is_object()) {
            const std::string where = r.path_of("CarParkPosition");
            c.position.lat = r.coordinate(member_of(*pos, "PositionLat"), where + ".PositionLat");
            c.position.lon = r.coordinate(member_of(*pos, "PositionLon"), where + ".PositionLon");
            if (r.ok() && !in_taiwan(c.position))
                r.fail(where, "outside Taiwan (" + std::to_string(c.position.lat) + ", " + std::to_string(c.position.lon) + ")");
        } else {
            r.fail(r.path_of("CarParkPosition"), pos ? "expected {PositionLat, PositionLon}, got " + shown(*pos) : "missing");
        }
        c.address = r.text(member("Address"), "Address", false);
        c.fare = r.text(member("FareDescription"), "FareDescription", false);
        c.type = r.count(member("CarParkType"), "CarParkType").value_or(255);
        c.live_data = r.flag(member("LiveOccuppancyAvailable"), "LiveOccuppancyAvailable");
        c.wheelchair = r.flag(member("WheelchairAccessible"), "WheelchairAccessible");
        c.ev_charging = r.flag(member("EVRechargingAvailable"), "EVRechargingAvailable");
        c.total_spaces = r.count(member("TotalSpaces"), "TotalSpaces");
        return c;
    };
    const std::string base = root.is_array() ? "" : "CarParks";
    if (auto taken = read_items(list, "CarParks", base, limits, out.car_parks, out.rejected, read); !taken)
        return Error{taken.error()};
    return out;
}

Result<AvailabilityList> read_availability(const Json& root, const ReadLimits& limits) {
    auto items = items_of(root, "ParkingAvailabilities");
    if (!items) return Error{items.error()};
    AvailabilityList out;
    read_update_time(member_of(root, "UpdateTime"), out.update_time, out.updated_at);
    out.update_interval_s = envelope_seconds(member_of(root, "UpdateInterval"));
    out.src_update_interval_s = envelope_seconds(member_of(root, "SrcUpdateInterval"));
    const Json& list = **items;
    if (list.is_null()) return out;
    if (list.size() > limits.max_items) return Error{too_many_items("ParkingAvailabilities", list.size(), limits)};
    const std::string base = root.is_array() ? "" : "ParkingAvailabilities";
    AvailabilityFields fields;
    std::string problem;
    for (size_t i = 0; i < list.size(); ++i) {
        fields_of(list[i], fields);
        Availability a;
        if (read_availability_item(fields, base + "[" + std::to_string(i) + "]", a, problem))
            out.items.push_back(std::move(a));
        else
            out.rejected.push_back(problem);
    }
    if (auto share = check_share(out.rejected.size(), list.size(), limits, out.rejected); !share) return Error{share.error()};
    return out;
}

Result<CarParkList> read_car_parks_json(std::string_view text, const std::string& county, const ReadLimits& limits) {
    auto json = text::parse_json_text(text, "car parks");
    if (!json) return Error{json.error()};
    return read_car_parks(*json, county, limits);
}

// read_availability_json is in availability_stream.cpp: it reads without building the tree.

}  // namespace beitai::parking
