#include "render/map_place.h"

#include <cstdio>
#include <cstdlib>

#include "geo/geojson.h"
#include "text/decimal.h"
#include "text/trim.h"

namespace beitai::render {

namespace {

// A sentence from the table with its {placeholders} filled.
std::string fill(std::string_view key, text::Lang lang, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out(text::tr(key, lang));
    for (const auto& [name, value] : values) {
        const std::string mark = "{" + name + "}";
        for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
            out.replace(at, mark.size(), value);
    }
    return out;
}

// The form people compare names in: ASCII letters in lower case, spaces folded, 台 as 臺
// (both are written for the same counties).
std::string folded(const std::string& s) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (s.compare(i, 3, "台") == 0) {
            out += "臺";
            i += 2;
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    return out;
}

bool number(const std::string& s, double& v) {
    const std::string t = text::trimmed(s);
    const auto read = text::parse_decimal(t);  // plain decimals: never "0x19" or "nan"
    if (read) v = *read;
    return read.has_value();
}

// "25.03,121.56", "25.03，121.56" or "25.03 121.56": two numbers, or nothing.
bool coordinates(const std::string& text, double& lat, double& lon) {
    std::string s = text;
    for (size_t at = s.find("，"); at != std::string::npos; at = s.find("，")) s.replace(at, 3, ",");
    size_t comma = s.find(',');
    if (comma == std::string::npos) {
        const std::string t = text::trimmed(s);
        comma = t.find(' ');
        if (comma == std::string::npos) return false;
        s = t;
    }
    if (s.find(',', comma + 1) != std::string::npos) return false;
    return number(s.substr(0, comma), lat) && number(s.substr(comma + 1), lon);
}

struct Candidate {
    Place place;
    std::vector<std::string> keys;  // folded names it answers to
};

}  // namespace

Result<Place> resolve_place(const std::string& text, const std::string& field, const content::SiteList* sites,
                            const std::vector<content::County>* counties, text::Lang lang) {
    const std::string typed = text::trimmed(text);
    if (typed.empty()) return Error{fill("map.place.empty", lang, {{"field", field}})};
    if (typed.size() > 200) return Error{fill("map.place.unknown", lang, {{"field", field}, {"text", typed.substr(0, 40) + "…"}})};
    double lat = 0, lon = 0;
    if (coordinates(typed, lat, lon)) {
        const geo::LatLon p{lat, lon};
        if (!geo::is_valid(p)) return Error{fill("map.place.range", lang, {{"field", field}})};
        if (!geo::northern_taiwan().contains(p)) return Error{fill("map.place.outside", lang, {{"field", field}, {"text", typed}})};
        char name[64];
        std::snprintf(name, sizeof name, "%.5f,%.5f", lat, lon);
        return Place{p, name};
    }
    std::vector<Candidate> all;
    if (counties)
        for (const auto& c : *counties)
            all.push_back({{c.seat, lang == text::Lang::en ? c.name_en : c.name_zh},
                           {folded(c.name_zh), folded(c.name_en), folded(c.id)}});
    if (sites)
        for (const auto& s : sites->sites)
            if (s.at) all.push_back({{*s.at, s.name}, {folded(s.name)}});  // a route cannot end at no place
    const std::string want = folded(typed);
    std::vector<const Candidate*> exact, partial;
    for (const auto& c : all) {
        bool is_exact = false, is_partial = false;
        for (const auto& k : c.keys) {
            is_exact = is_exact || k == want;
            is_partial = is_partial || k.find(want) != std::string::npos;
        }
        if (is_exact) exact.push_back(&c);
        else if (is_partial) partial.push_back(&c);
    }
    const auto& found = exact.empty() ? partial : exact;
    if (found.size() == 1) return found.front()->place;
    if (found.empty()) return Error{fill("map.place.unknown", lang, {{"field", field}, {"text", typed}})};
    // Several: name them (the first few), so the reader can type one exactly.
    constexpr size_t kListed = 6;
    std::string names;
    for (size_t i = 0; i < found.size() && i < kListed; ++i)
        names += (i ? (lang == text::Lang::en ? "; " : "、") : "") + found[i]->place.name;
    if (found.size() > kListed) names += lang == text::Lang::en ? "; …" : "⋯";
    return Error{fill("map.place.ambiguous", lang,
                      {{"field", field}, {"text", typed}, {"n", std::to_string(found.size())}, {"names", names}})};
}

std::vector<std::string> place_names(const content::SiteList* sites, const std::vector<content::County>* counties,
                                     text::Lang lang) {
    std::vector<std::string> out;
    if (counties)
        for (const auto& c : *counties) out.push_back(lang == text::Lang::en ? c.name_en : c.name_zh);
    if (sites)
        for (const auto& s : sites->sites) out.push_back(s.name);
    return out;
}

}  // namespace beitai::render
