#include "content/site.h"

namespace beitai::content {

SiteList read_sites(const text::Json& root, text::Diagnostics& diagnostics) {
    SiteList list;
    text::ObjectReader top(root, "", diagnostics);
    list.sample = top.boolean("sample");
    list.note = top.optional_string("note").value_or("");
    if (const text::Json* sites = top.array("sites")) {
        for (size_t i = 0; i < sites->size(); ++i) {
            text::ObjectReader r((*sites)[i], text::index_path("sites", i), diagnostics);
            Site s;
            s.id = r.string("id");
            s.name = r.string("name");
            s.county = r.string("county");
            s.address = r.string("address");
            s.at = {r.number("lat"), r.number("lon")};
            if (r.is_object() && !geo::is_valid(s.at))
                r.error(s.at.lat >= -90 && s.at.lat <= 90 ? "lon" : "lat", "coordinates out of range");
            s.activities = r.optional_string("activities").value_or("");
            s.hours = r.optional_string("hours").value_or("");
            s.green_tourism = r.boolean("green_tourism");
            s.sample = r.boolean("sample");
            r.reject_unknown_keys();
            list.sites.push_back(std::move(s));
        }
    }
    top.reject_unknown_keys();
    return list;
}

text::Json to_json(const Site& s) {
    return text::Json{{"id", s.id},           {"name", s.name},         {"county", s.county},
                {"address", s.address}, {"lat", s.at.lat},        {"lon", s.at.lon},
                {"activities", s.activities}, {"hours", s.hours}, {"green_tourism", s.green_tourism},
                {"sample", s.sample}};
}

const Site* find_site(const std::vector<Site>& sites, const std::string& id) {
    for (const auto& s : sites)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace beitai::content
