// TDX parking documents out of the model: JSON through nlohmann's ordered_json (so fields come
// in the standard's order), XML by hand with every text through text::escape_xml.
//
// Index of this file:
// [SECTION] Shared rules (times, what is unknown)
// [SECTION] JSON
// [SECTION] XML
#include "parking/tdx_write.h"

#include <nlohmann/json.hpp>

#include "text/date.h"
#include "text/html.h"

namespace beitai::parking {

namespace {

using OJson = nlohmann::ordered_json;

// -----------------------------------------------------------------------------------------
// [SECTION] Shared rules (times, what is unknown)
// -----------------------------------------------------------------------------------------

// A time as sent, or, when only the seconds are known, in the feeds' own +08:00 form.
std::string time_text(const std::string& as_sent, const std::optional<std::int64_t>& at) {
    if (!as_sent.empty()) return as_sent;
    if (at) return text::to_iso_datetime_taipei(*at);
    return {};
}

bool known(Service s) { return s != Service::unknown; }
bool known(Fullness f) { return f != Fullness::unknown; }

// -----------------------------------------------------------------------------------------
// [SECTION] JSON
// -----------------------------------------------------------------------------------------

std::string dump(const OJson& j) { return j.dump(-1, ' ', false, OJson::error_handler_t::replace); }

OJson car_park_json(const CarPark& c) {
    OJson j;
    j["CarParkID"] = c.id;
    OJson name;
    name["Zh_tw"] = c.name_zh;
    if (!c.name_en.empty()) name["En"] = c.name_en;
    j["CarParkName"] = std::move(name);
    j["CarParkPosition"] = OJson{{"PositionLat", c.position.lat}, {"PositionLon", c.position.lon}};
    if (!c.address.empty()) j["Address"] = c.address;
    if (!c.fare.empty()) j["FareDescription"] = c.fare;
    j["CarParkType"] = c.type;
    j["LiveOccuppancyAvailable"] = c.live_data ? 1 : 0;
    j["WheelchairAccessible"] = c.wheelchair ? 1 : 0;
    j["EVRechargingAvailable"] = c.ev_charging ? 1 : 0;
    if (c.total_spaces) j["TotalSpaces"] = *c.total_spaces;
    return j;
}

OJson availability_json(const Availability& a) {
    OJson j;
    j["CarParkID"] = a.car_park_id;
    if (a.total_spaces) j["TotalSpaces"] = *a.total_spaces;
    j["AvailableSpaces"] = a.available_spaces.value_or(-1);
    OJson by_type = OJson::array();
    for (const auto& s : a.by_type) {
        OJson e;
        e["SpaceType"] = s.space_type;
        if (s.total) e["NumberOfSpaces"] = *s.total;
        e["AvailableSpaces"] = s.available.value_or(-1);
        by_type.push_back(std::move(e));
    }
    j["Availabilities"] = std::move(by_type);
    if (known(a.service)) j["ServiceStatus"] = static_cast<int>(a.service);
    if (known(a.fullness)) j["FullStatus"] = static_cast<int>(a.fullness);
    if (a.charge_status) j["ChargeStatus"] = *a.charge_status;
    if (auto t = time_text(a.collected, a.collected_at); !t.empty()) j["DataCollectTime"] = t;
    return j;
}

// -----------------------------------------------------------------------------------------
// [SECTION] XML
// -----------------------------------------------------------------------------------------

// Appends elements indented by depth; leaves hold escaped text. `stack_` holds the open
// elements, the root first.
class XmlOut {
public:
    explicit XmlOut(const char* root) {
        out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<";
        out_ += root;
        out_ += " xmlns=\"";
        out_ += kTdxParkingNamespace;
        out_ += "\">\n";
        stack_.push_back(root);
    }

    void open(const char* name) {
        indent();
        out_ += '<';
        out_ += name;
        out_ += ">\n";
        stack_.push_back(name);
    }
    void close() {
        const char* name = stack_.back();
        stack_.pop_back();
        indent();
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }
    void leaf(const char* name, std::string_view value) {
        indent();
        out_ += '<';
        out_ += name;
        out_ += '>';
        out_ += text::escape_xml(value);
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }
    void leaf(const char* name, int value) { leaf(name, std::to_string(value)); }
    // The shortest text that reads back as the same double (nlohmann's round-trip form).
    void leaf(const char* name, double value) { leaf(name, OJson(value).dump()); }
    void leaf_if(const char* name, const std::optional<int>& value) {
        if (value) leaf(name, *value);
    }
    void leaf_if(const char* name, const std::string& value) {
        if (!value.empty()) leaf(name, value);
    }

    std::string finish() {
        while (!stack_.empty()) close();
        return std::move(out_);
    }

private:
    void indent() { out_.append(2 * stack_.size(), ' '); }

    std::string out_;
    std::vector<const char*> stack_;
};

}  // namespace

std::string to_tdx_json(const CarParkList& list) {
    OJson doc;
    if (auto t = time_text(list.update_time, list.updated_at); !t.empty()) doc["UpdateTime"] = t;
    OJson items = OJson::array();
    for (const auto& c : list.car_parks) items.push_back(car_park_json(c));
    doc["CarParks"] = std::move(items);
    return dump(doc);
}

std::string to_tdx_json(const AvailabilityList& list) {
    OJson doc;
    if (auto t = time_text(list.update_time, list.updated_at); !t.empty()) doc["UpdateTime"] = t;
    if (list.update_interval_s) doc["UpdateInterval"] = *list.update_interval_s;
    if (list.src_update_interval_s) doc["SrcUpdateInterval"] = *list.src_update_interval_s;
    OJson items = OJson::array();
    for (const auto& a : list.items) items.push_back(availability_json(a));
    doc["ParkingAvailabilities"] = std::move(items);
    return dump(doc);
}

std::string to_tdx_xml(const CarParkList& list) {
    XmlOut x("CarParkList");
    x.leaf_if("UpdateTime", time_text(list.update_time, list.updated_at));
    x.open("CarParks");
    for (const auto& c : list.car_parks) {
        x.open("CarPark");
        x.leaf("CarParkID", c.id);
        x.open("CarParkName");
        x.leaf("Zh_tw", c.name_zh);
        x.leaf_if("En", c.name_en);
        x.close();
        x.open("CarParkPosition");
        x.leaf("PositionLat", c.position.lat);
        x.leaf("PositionLon", c.position.lon);
        x.close();
        x.leaf_if("Address", c.address);
        x.leaf_if("FareDescription", c.fare);
        x.leaf("CarParkType", c.type);
        x.leaf("LiveOccuppancyAvailable", c.live_data ? 1 : 0);
        x.leaf("WheelchairAccessible", c.wheelchair ? 1 : 0);
        x.leaf("EVRechargingAvailable", c.ev_charging ? 1 : 0);
        x.leaf_if("TotalSpaces", c.total_spaces);
        x.close();
    }
    x.close();
    return x.finish();
}

std::string to_tdx_xml(const AvailabilityList& list) {
    XmlOut x("ParkingAvailabilityList");
    x.leaf_if("UpdateTime", time_text(list.update_time, list.updated_at));
    x.leaf_if("UpdateInterval", list.update_interval_s);
    x.leaf_if("SrcUpdateInterval", list.src_update_interval_s);
    x.open("ParkingAvailabilities");
    for (const auto& a : list.items) {
        x.open("ParkingAvailability");
        x.leaf("CarParkID", a.car_park_id);
        x.leaf_if("TotalSpaces", a.total_spaces);
        x.leaf_if("AvailableSpaces", a.available_spaces);
        x.open("Availabilities");
        for (const auto& s : a.by_type) {
            x.open("Availability");
            x.leaf("SpaceType", s.space_type);
            x.leaf_if("NumberOfSpaces", s.total);
            x.leaf_if("AvailableSpaces", s.available);
            x.close();
        }
        x.close();
        if (known(a.service)) x.leaf("ServiceStatus", static_cast<int>(a.service));
        if (known(a.fullness)) x.leaf("FullStatus", static_cast<int>(a.fullness));
        x.leaf_if("ChargeStatus", a.charge_status);
        x.leaf_if("DataCollectTime", time_text(a.collected, a.collected_at));
        x.close();
    }
    x.close();
    return x.finish();
}

}  // namespace beitai::parking
