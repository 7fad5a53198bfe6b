#include "content/geocode.h"

#include <cmath>
#include <cstdlib>

#include "text/json_reader.h"

namespace beitai::content {

using text::Json;

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// A coordinate as services write it: a number or a numeric string.
bool coordinate(const Json& object, const char* key, double& out) {
    auto it = object.find(key);
    if (it == object.end()) return false;
    if (it->is_number()) {
        out = it->get<double>();
    } else if (it->is_string()) {
        const std::string& s = it->get_ref<const std::string&>();
        char* end = nullptr;
        out = std::strtod(s.c_str(), &end);
        if (s.empty() || *end) return false;
    } else {
        return false;
    }
    return std::isfinite(out);
}

}  // namespace

std::string geocoder_address(const std::string& address) {
    std::string a = replace_all(address, "台", "臺");
    size_t digits = 0;
    while (digits < a.size() && ((a[digits] >= '0' && a[digits] <= '9') || a[digits] == ' ')) ++digits;
    return a.substr(digits);
}

std::string geocode_url(GeocoderKind kind, const std::string& base, const text::QueryParams& extra,
                        const std::string& address) {
    text::QueryParams params = extra;
    std::string url = base;
    if (kind == GeocoderKind::nominatim) {
        while (!url.empty() && url.back() == '/') url.pop_back();
        url += "/search";
        params.insert(params.begin(), {{"q", address}, {"format", "json"}, {"limit", "1"}});
    } else {
        params.push_back({"oAddress", address});
        params.push_back({"oSRS", "EPSG:4326"});
        params.push_back({"oResultDataType", "JSON"});
    }
    return url + (url.find('?') == std::string::npos ? "?" : "&") + text::to_query_string(params);
}

Result<geo::LatLon> read_geocode_answer(GeocoderKind kind, std::string_view body) {
    if (kind == GeocoderKind::tgos) {
        // <string xmlns="…">{…}</string>: the JSON is between the first { and the last }.
        const size_t open = body.find('{'), close = body.rfind('}');
        if (open == std::string_view::npos || close == std::string_view::npos || close < open)
            return Error{"the answer holds no JSON object"};
        body = body.substr(open, close - open + 1);
    }
    auto json = text::parse_json_text(body, "the answer");
    if (!json) return Error{json.error()};
    const Json* first = nullptr;
    if (kind == GeocoderKind::nominatim) {
        if (!json->is_array()) return Error{"expected a JSON array of places"};
        if (json->empty()) return Error{"not found"};
        first = &(*json)[0];
    } else {
        auto list = json->is_object() ? json->find("AddressList") : json->end();
        if (!json->is_object() || list == json->end() || !list->is_array()) return Error{"expected an AddressList"};
        if (list->empty()) return Error{"not found"};
        first = &(*list)[0];
    }
    if (!first->is_object()) return Error{"the first place is not an object"};
    geo::LatLon p;
    const bool ok = kind == GeocoderKind::nominatim ? coordinate(*first, "lat", p.lat) && coordinate(*first, "lon", p.lon)
                                                     : coordinate(*first, "Y", p.lat) && coordinate(*first, "X", p.lon);
    if (!ok) return Error{kind == GeocoderKind::nominatim ? "the first place has no lat/lon" : "the first place has no X/Y"};
    if (!geo::is_valid(p)) return Error{"the position is out of range"};
    return p;
}

}  // namespace beitai::content
