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
            const text::Json& record = (*sites)[i];
            if (record.is_object() && (record.contains("lat") || record.contains("lon"))) {
                const geo::LatLon at{r.number("lat"), r.number("lon")};
                if (!geo::is_valid(at))
                    r.error(at.lat >= -90 && at.lat <= 90 ? "lon" : "lat", "coordinates out of range");
                s.at = at;
            }
            s.activities = r.optional_string("activities").value_or("");
            s.hours = r.optional_string("hours").value_or("");
            s.green_tourism = r.boolean("green_tourism");
            s.sample = r.boolean("sample");
            s.licence = r.optional_string("licence").value_or("");
            if (auto until = text::read_iso_date(r, "valid_until", true)) s.valid_until = text::to_iso(*until);
            if (record.is_object() && record.contains("certificate_expired")) s.certificate_expired = r.boolean("certificate_expired");
            r.reject_unknown_keys();
            list.sites.push_back(std::move(s));
        }
    }
    top.reject_unknown_keys();
    return list;
}

// Only what the site has: no "lat"/"lon" without a position, no certificate fields for a
// site that did not come from the certified list.
text::Json to_json(const Site& s) {
    text::Json out{{"id", s.id}, {"name", s.name}, {"county", s.county}, {"address", s.address}};
    if (s.at) {
        out["lat"] = s.at->lat;
        out["lon"] = s.at->lon;
    }
    out["activities"] = s.activities;
    out["hours"] = s.hours;
    out["green_tourism"] = s.green_tourism;
    out["sample"] = s.sample;
    if (!s.licence.empty()) out["licence"] = s.licence;
    if (!s.valid_until.empty()) out["valid_until"] = s.valid_until;
    if (s.certificate_expired) out["certificate_expired"] = true;
    return out;
}

const Site* find_site(const std::vector<Site>& sites, const std::string& id) {
    for (const auto& s : sites)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace beitai::content
