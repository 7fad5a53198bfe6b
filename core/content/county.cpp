#include "content/county.h"

namespace beitai::content {

std::vector<County> read_counties(const text::Json& root, text::Diagnostics& diagnostics) {
    std::vector<County> counties;
    if (!root.is_array()) {
        diagnostics.add("", "expected an array of counties");
        return counties;
    }
    for (size_t i = 0; i < root.size(); ++i) {
        text::ObjectReader r(root[i], text::index_path("", i), diagnostics);
        County c;
        c.id = r.string("id");
        c.name_zh = r.string("name_zh");
        c.name_en = r.string("name_en");
        if (const text::Json* seat = r.object("seat")) {
            text::ObjectReader s(*seat, r.path_of("seat"), diagnostics);
            c.seat = {s.number("lat"), s.number("lon")};
            s.reject_unknown_keys();
            if (s.is_object() && !geo::is_valid(c.seat)) r.error("seat", "coordinates out of range");
        }
        r.reject_unknown_keys();
        if (!c.id.empty() && find_county(counties, c.id))
            r.error("id", "duplicate county id \"" + c.id + "\"");
        counties.push_back(std::move(c));
    }
    return counties;
}

text::Json to_json(const County& c) {
    return text::Json{{"id", c.id},
                {"name_zh", c.name_zh},
                {"name_en", c.name_en},
                {"seat", {{"lat", c.seat.lat}, {"lon", c.seat.lon}}}};
}

const County* find_county(const std::vector<County>& counties, const std::string& id) {
    for (const auto& c : counties)
        if (c.id == id) return &c;
    return nullptr;
}

}  // namespace beitai::content
