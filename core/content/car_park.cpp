#include "content/car_park.h"

#include <set>
#include <utility>

namespace beitai::content {

CarParkSet read_car_park_set(const text::Json& root, text::Diagnostics& diagnostics) {
    CarParkSet set;
    text::ObjectReader top(root, "", diagnostics);
    set.sample = top.boolean("sample");
    set.note = top.optional_string("note").value_or("");
    std::set<std::pair<std::string, std::string>> seen;
    if (const text::Json* parks = top.array("car_parks")) {
        for (size_t i = 0; i < parks->size(); ++i) {
            const text::Json& item = (*parks)[i];
            text::ObjectReader r(item, text::index_path("car_parks", i), diagnostics);
            CarPark c;
            c.id = r.string("id");
            c.county = r.string("county");
            c.name_zh = r.string("name_zh");
            c.name_en = r.optional_string("name_en").value_or("");
            c.position = {r.number("lat"), r.number("lon")};
            if (r.is_object() && !geo::is_valid(c.position)) r.error("lat", "coordinates out of range");
            c.address = r.optional_string("address").value_or("");
            c.fare = r.optional_string("fare").value_or("");
            c.type = static_cast<int>(r.integer("type"));
            if (r.is_object() && !((c.type >= 1 && c.type <= 6) || c.type == 254 || c.type == 255))
                r.error("type", "expected a TDX CarParkType (1–6, 254 or 255), found " + std::to_string(c.type));
            c.live_data = r.boolean("live_data");
            c.wheelchair = r.boolean("wheelchair");
            c.ev_charging = r.boolean("ev_charging");
            if (item.is_object() && item.contains("total_spaces") && item.at("total_spaces").is_null()) {
                r.object("total_spaces", true);  // null: not known
            } else {
                const long long total = r.integer("total_spaces");
                if (total < 0 || total > 100000) r.error("total_spaces", "expected a count of spaces, found " + std::to_string(total));
                else c.total_spaces = static_cast<int>(total);
            }
            r.boolean("sample");
            r.reject_unknown_keys();
            if (!c.id.empty() && !seen.insert({c.county, c.id}).second)
                r.error("id", "\"" + c.id + "\" appears twice in " + c.county);
            set.car_parks.push_back(std::move(c));
        }
    }
    top.reject_unknown_keys();
    return set;
}

text::Json to_json(const CarPark& c, bool sample) {
    return text::Json{{"id", c.id},
                {"county", c.county},
                {"name_zh", c.name_zh},
                {"name_en", c.name_en},
                {"lat", c.position.lat},
                {"lon", c.position.lon},
                {"address", c.address},
                {"fare", c.fare},
                {"type", c.type},
                {"live_data", c.live_data},
                {"wheelchair", c.wheelchair},
                {"ev_charging", c.ev_charging},
                {"total_spaces", c.total_spaces ? text::Json(*c.total_spaces) : text::Json(nullptr)},
                {"sample", sample}};
}

}  // namespace beitai::content
