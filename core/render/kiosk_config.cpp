#include "render/kiosk_config.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

#include "geo/geojson.h"
#include "text/decimal.h"

namespace beitai::render {

namespace {

using Limits = KioskTimingLimits;

constexpr const char* kKnown[] = {"county", "lat", "lon", "lang", "orientation", "idle", "warning", "attract"};

bool known(const std::string& key) {
    return std::any_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return key == k; });
}

// A whole number of seconds: digits only, at most 6 of them (no sign, no unit, no spaces).
std::optional<int> seconds(const std::string& s) {
    if (s.empty() || s.size() > 6) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<double> number(const std::string& s) { return text::parse_decimal(s); }

// "25.0375": six decimals (10 cm) without trailing zeros.
std::string coordinate(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string known_ids(const std::vector<content::County>& counties) {
    std::string out;
    for (const auto& c : counties) out += (out.empty() ? "" : ", ") + c.id;
    return out;
}

}  // namespace

bool operator==(const KioskConfig& a, const KioskConfig& b) {
    return a.county == b.county && a.position.lat == b.position.lat && a.position.lon == b.position.lon &&
           a.position_given == b.position_given && a.lang == b.lang && a.orientation == b.orientation &&
           a.idle_s == b.idle_s && a.warning_s == b.warning_s && a.attract == b.attract;
}

int default_warning_s(int idle_s) { return std::min(Limits::default_warning_s, idle_s - 10); }

std::string_view orientation_id(KioskOrientation orientation) {
    switch (orientation) {
        case KioskOrientation::landscape: return "landscape";
        case KioskOrientation::portrait: return "portrait";
        case KioskOrientation::automatic: break;
    }
    return "auto";
}

KioskConfigReading read_kiosk_config(const text::QueryParams& params, const std::vector<content::County>& counties) {
    KioskConfigReading out;
    KioskConfig& config = out.config;
    auto problem = [&](const std::string& key, const std::string& value, const std::string& what) {
        out.problems.push_back(key + "=" + value + ": " + what);
    };

    // The first value of each known parameter; a repeated or unknown one is a problem.
    std::map<std::string, std::string> given;
    for (const auto& [key, value] : params) {
        if (!known(key)) {
            problem(key, value, "unknown parameter, ignored (known: county, lat, lon, lang, orientation, idle, warning, attract)");
            continue;
        }
        const auto [first, inserted] = given.emplace(key, value);
        if (!inserted) problem(key, value, "given twice, ignored; " + key + "=" + first->second + " used");
    }
    auto value_of = [&](const char* key) -> const std::string* {
        const auto it = given.find(key);
        return it == given.end() ? nullptr : &it->second;
    };

    // county: the kiosk measures "near this lobby" from it, so one is always chosen.
    const content::County* county = nullptr;
    if (const std::string* v = value_of("county")) {
        county = content::find_county(counties, *v);
        if (!county && !counties.empty())
            problem("county", *v, "not one of " + known_ids(counties) + "; " + counties.front().id + " used");
        else if (!county)
            problem("county", *v, "no counties are loaded; the lobby's county and position are unknown");
    } else if (!counties.empty()) {
        out.problems.push_back("county: missing; " + counties.front().id +
                               " used (set county= to the lobby's county: " + known_ids(counties) + ")");
    } else {
        out.problems.push_back("county: missing and no counties are loaded; the lobby's position is unknown");
    }
    if (!county && !counties.empty()) county = &counties.front();
    if (county) {
        config.county = county->id;
        config.position = county->seat;
    } else if (const std::string* v = value_of("county")) {
        config.county = *v;  // kept as written: nothing to check it against
    }
    const std::string seat_used = county ? "; the seat of " + county->id + " used" : "; no position used";

    // lat/lon: both or neither, numbers, inside northern Taiwan (a swapped pair is not).
    const std::string* lat_text = value_of("lat");
    const std::string* lon_text = value_of("lon");
    if (lat_text && lon_text) {
        const auto lat = number(*lat_text), lon = number(*lon_text);
        if (!lat) {
            problem("lat", *lat_text, "not a number" + seat_used);
        } else if (!lon) {
            problem("lon", *lon_text, "not a number" + seat_used);
        } else if (!geo::northern_taiwan().contains({*lat, *lon})) {
            out.problems.push_back("lat=" + *lat_text + ", lon=" + *lon_text + ": outside northern Taiwan" +
                                   (geo::northern_taiwan().contains({*lon, *lat}) ? " (lat and lon swapped?)" : "") +
                                   seat_used);
        } else {
            config.position = {*lat, *lon};
            config.position_given = true;
        }
    } else if (lat_text) {
        problem("lat", *lat_text, "lon is missing (give both or neither)" + seat_used);
    } else if (lon_text) {
        problem("lon", *lon_text, "lat is missing (give both or neither)" + seat_used);
    }

    if (const std::string* v = value_of("lang")) {
        if (*v == "en") config.lang = text::Lang::en;
        else if (*v != "zh-TW") problem("lang", *v, "must be zh-TW or en; zh-TW used");
    }

    if (const std::string* v = value_of("orientation")) {
        if (*v == "landscape") config.orientation = KioskOrientation::landscape;
        else if (*v == "portrait") config.orientation = KioskOrientation::portrait;
        else if (*v != "auto") problem("orientation", *v, "must be auto, landscape or portrait; auto used");
    }

    const std::string idle_default = "; " + std::to_string(Limits::default_idle_s) + " used";
    if (const std::string* v = value_of("idle")) {
        const auto s = seconds(*v);
        if (!s) problem("idle", *v, "not a whole number of seconds" + idle_default);
        else if (*s < Limits::min_idle_s || *s > Limits::max_idle_s)
            problem("idle", *v, "must be between " + std::to_string(Limits::min_idle_s) + " and " +
                                    std::to_string(Limits::max_idle_s) + " seconds" + idle_default);
        else config.idle_s = *s;
    }

    // The warning depends on the idle time: read after it.
    config.warning_s = default_warning_s(config.idle_s);
    if (const std::string* v = value_of("warning")) {
        const auto s = seconds(*v);
        const std::string fallback = "; " + std::to_string(config.warning_s) + " used";
        if (!s) problem("warning", *v, "not a whole number of seconds" + fallback);
        else if (*s < Limits::min_warning_s)
            problem("warning", *v, "must be at least " + std::to_string(Limits::min_warning_s) +
                                       " seconds (WCAG 2.2.1: time to answer it)" + fallback);
        else if (*s >= config.idle_s)
            problem("warning", *v, "must be less than idle (" + std::to_string(config.idle_s) + " seconds)" + fallback);
        else config.warning_s = *s;
    }

    if (const std::string* v = value_of("attract")) {
        if (*v == "off") config.attract = false;
        else if (*v != "on") problem("attract", *v, "must be on or off; on used");
    }
    return out;
}

text::QueryParams to_params(const KioskConfig& config) {
    text::QueryParams out;
    out.emplace_back("county", config.county);
    if (config.position_given) {
        out.emplace_back("lat", coordinate(config.position.lat));
        out.emplace_back("lon", coordinate(config.position.lon));
    }
    if (config.lang != text::Lang::zh_TW) out.emplace_back("lang", std::string(text::lang_tag(config.lang)));
    if (config.orientation != KioskOrientation::automatic)
        out.emplace_back("orientation", std::string(orientation_id(config.orientation)));
    if (config.idle_s != Limits::default_idle_s) out.emplace_back("idle", std::to_string(config.idle_s));
    if (config.warning_s != default_warning_s(config.idle_s)) out.emplace_back("warning", std::to_string(config.warning_s));
    if (!config.attract) out.emplace_back("attract", "off");
    return out;
}

std::string kiosk_query_string(const KioskConfig& config) { return text::to_query_string(to_params(config)); }

}  // namespace beitai::render
