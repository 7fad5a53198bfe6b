#include "feeds/feed_config.h"

#include "text/json_reader.h"

namespace beitai::site {

using text::Json;
using text::ObjectReader;

namespace {

const char* kCounties[] = {"Taipei", "NewTaipei", "Keelung", "Taoyuan", "Hsinchu", "HsinchuCounty", "MiaoliCounty",
                           "YilanCounty"};

bool known_county(const std::string& id) {
    for (const char* c : kCounties)
        if (id == c) return true;
    return false;
}

// The members a county entry and "defaults" share; each present one overrides `into`.
void read_settings(ObjectReader& r, const Json& node, CountyFeedConfig& into) {
    auto integer = [&](const char* key, auto& field, long long lo, long long hi) {
        if (!node.contains(key)) return;
        const long long v = r.integer(key);
        if (v < lo || v > hi)
            r.error(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        else
            field = static_cast<std::remove_reference_t<decltype(field)>>(v);
    };
    if (node.contains("format")) {
        const std::string f = r.string("format");
        if (f == "json") into.format = FeedFormat::json;
        else if (f == "xml") into.format = FeedFormat::xml;
        else if (f == "taipei") into.format = FeedFormat::taipei;
        else if (f == "yilan") into.format = FeedFormat::yilan;
        else r.error("format", "expected \"json\", \"xml\", \"taipei\" or \"yilan\"");
    }
    integer("interval_s", into.interval_s, 1, 86400);
    integer("car_parks_interval_s", into.car_parks_interval_s, 1, 7 * 86400);
    integer("connect_timeout_ms", into.connect_timeout_ms, 100, 120000);
    integer("timeout_ms", into.timeout_ms, 100, 600000);
    integer("max_body_bytes", into.max_body_bytes, 1024, 1LL << 30);
    integer("stale_after_s", into.stale_after_s, 1, 7 * 86400);
    if (node.contains("sample")) into.sample = r.boolean("sample");
}

// The county's URLs: given, or TDX's paths for TDX's formats; a county's own format has no
// TDX path to fall back on (feed_config.h says which URLs each takes).
void read_urls(ObjectReader& item, const Json& node, const std::string& base_url, bool live, CountyFeedConfig& c) {
    const bool has_parks = node.contains("car_parks_url"), has_live = node.contains("availability_url");
    const std::string who = c.county.empty() ? "this county" : c.county;
    switch (c.format) {
        case FeedFormat::json:
        case FeedFormat::xml:
            c.car_parks_url = has_parks ? item.string("car_parks_url") : tdx_url(base_url, c.county, false, c.format);
            c.availability_url = !live ? std::string()
                                 : has_live ? item.string("availability_url")
                                            : tdx_url(base_url, c.county, true, c.format);
            return;
        case FeedFormat::taipei:
            if (has_parks) c.car_parks_url = item.string("car_parks_url");
            else item.error("car_parks_url", who + ": format \"taipei\" needs car_parks_url (its TCMSV_alldesc document)");
            if (!live) return;
            if (has_live) c.availability_url = item.string("availability_url");
            else item.error("availability_url", who + ": format \"taipei\" needs availability_url (its TCMSV_allavailable "
                                                      "document), or \"live\": false");
            return;
        case FeedFormat::yilan:
            if (has_parks) {
                item.string("car_parks_url");
                item.error("car_parks_url", who + ": format \"yilan\" reads one document, holding the car parks too: "
                                                  "give it as availability_url");
            }
            if (!live) item.error("live", who + ": format \"yilan\" always carries free spaces; leave out \"live\": false");
            if (has_live) c.availability_url = item.string("availability_url");
            else item.error("availability_url", who + ": format \"yilan\" needs availability_url (its one document)");
            return;
    }
}

}  // namespace

std::string tdx_url(const std::string& base_url, const std::string& county, bool availability, FeedFormat format) {
    return base_url + (availability ? "/v1/Parking/OffStreet/ParkingAvailability/City/" : "/v1/Parking/OffStreet/CarPark/City/") +
           county + (format == FeedFormat::xml ? "?$format=XML" : "?$format=JSON");
}

Result<FeedsConfig> read_feeds_config(const std::string& text, const std::string& file, const EnvLookup& env) {
    auto json = text::parse_json_text(text, file);
    if (!json) return Error{json.error()};
    text::Diagnostics d(file);
    ObjectReader root(*json, "", d);
    FeedsConfig config;
    std::string base_url = "https://tdx.transportdata.tw/api/basic";
    if (json->contains("base_url")) base_url = root.string("base_url");
    CountyFeedConfig defaults;
    if (const Json* node = root.object("defaults", true); node && node->is_object()) {
        ObjectReader r(*node, "defaults", d);
        read_settings(r, *node, defaults);
        r.reject_unknown_keys();
    }
    if (const Json* node = json->contains("auth") ? root.object("auth") : nullptr) {
        ObjectReader r(*node, "auth", d);
        OAuthConfig oauth;
        oauth.token_url = r.string("token_url");
        for (auto [key, field] : {std::pair{"client_id_env", &oauth.client_id}, std::pair{"client_secret_env", &oauth.client_secret}}) {
            const std::string name = r.string(key);
            auto value = env ? env(name) : std::nullopt;
            if (!name.empty() && (!value || value->empty())) r.error(key, "the environment variable " + name + " is not set");
            else if (value) *field = *value;
        }
        r.reject_unknown_keys();
        config.oauth = oauth;
    }
    if (const Json* node = json->contains("backoff") ? root.object("backoff") : nullptr) {
        ObjectReader r(*node, "backoff", d);
        auto& b = config.backoff;
        if (node->contains("initial_s")) b.initial_s = r.number("initial_s");
        if (node->contains("factor")) b.factor = r.number("factor");
        if (node->contains("max_s")) b.max_s = r.number("max_s");
        if (node->contains("jitter")) b.jitter = r.number("jitter");
        if (b.initial_s <= 0 || b.max_s < b.initial_s || b.factor < 1 || b.jitter < 0 || b.jitter >= 1)
            r.error("initial_s", "needs 0 < initial_s <= max_s, factor >= 1 and 0 <= jitter < 1");
        r.reject_unknown_keys();
    }
    if (const Json* node = json->contains("breaker") ? root.object("breaker") : nullptr) {
        ObjectReader r(*node, "breaker", d);
        if (node->contains("failures_to_open")) config.breaker.failures_to_open = static_cast<int>(r.integer("failures_to_open"));
        if (node->contains("open_s")) config.breaker.open_s = static_cast<int>(r.integer("open_s"));
        if (config.breaker.failures_to_open < 1 || config.breaker.open_s < 1)
            r.error("failures_to_open", "failures_to_open and open_s must be at least 1");
        r.reject_unknown_keys();
    }
    if (json->contains("keep_every_s")) {
        const long long v = root.integer("keep_every_s");
        if (v < 1 || v > 86400) root.error("keep_every_s", "must be between 1 and 86400");
        else config.keep_every_s = static_cast<int>(v);
    }
    if (const Json* list = root.array("counties")) {
        for (size_t i = 0; i < list->size(); ++i) {
            const Json& node = (*list)[i];
            ObjectReader item(node, "counties[" + std::to_string(i) + "]", d);
            CountyFeedConfig c = defaults;
            c.county = item.string("county");
            if (!c.county.empty() && !known_county(c.county))
                item.error("county", "unknown county \"" + c.county + "\" (expected a TDX city id such as Taipei or MiaoliCounty)");
            read_settings(item, node, c);
            const bool live = node.contains("live") ? item.boolean("live") : true;
            read_urls(item, node, base_url, live, c);
            for (auto [key, url] : {std::pair{"car_parks_url", &c.car_parks_url}, std::pair{"availability_url", &c.availability_url}})
                if (!url->empty() && url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0)
                    item.error(key, "a feed URL must be http:// or https://, not \"" + *url + "\"");
            for (const auto& other : config.counties)
                if (other.county == c.county) item.error("county", c.county + " is listed twice");
            item.reject_unknown_keys();
            config.counties.push_back(std::move(c));
        }
    }
    root.reject_unknown_keys();
    if (!d.empty()) return Error{d.joined()};
    return config;
}

FeedsConfig simulator_feeds(const std::string& base_url, int interval_s) {
    FeedsConfig config;
    int n = 0;
    for (const char* county : kCounties) {
        CountyFeedConfig c;
        c.county = county;
        c.format = n++ % 2 ? FeedFormat::xml : FeedFormat::json;
        c.interval_s = interval_s;
        c.car_parks_interval_s = 600;
        c.stale_after_s = std::max(30, 5 * interval_s);
        c.sample = true;
        c.car_parks_url = tdx_url(base_url, county, false, c.format);
        // Miaoli publishes its car parks but no live availability (as the simulator does).
        if (c.county != "MiaoliCounty") c.availability_url = tdx_url(base_url, county, true, c.format);
        config.counties.push_back(std::move(c));
    }
    return config;
}

}  // namespace beitai::site
