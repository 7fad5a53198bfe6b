#include "geocode/geocoder.h"

#include <thread>

#include "text/json_reader.h"

namespace beitai::site {

Result<GeocoderConfig> read_geocoder_config(const std::string& text, const std::string& source, const EnvLookup& env) {
    auto json = text::parse_json_text(text, source);
    if (!json) return Error{json.error()};
    text::Diagnostics diagnostics(source);
    text::ObjectReader r(*json, "", diagnostics);
    GeocoderConfig c;
    const std::string service = r.string("service");
    if (service == "tgos") c.kind = content::GeocoderKind::tgos;
    else if (!service.empty() && service != "nominatim") r.error("service", "expected \"nominatim\" or \"tgos\", found \"" + service + "\"");
    c.url = r.string("url");
    if (!c.url.empty() && c.url.rfind("http://", 0) != 0 && c.url.rfind("https://", 0) != 0)
        r.error("url", "expected an http:// or https:// address");
    if (json->is_object() && json->contains("params"))
        if (const text::Json* params = r.object("params"))
            for (auto it = params->begin(); it != params->end(); ++it) {
                if (it->is_string()) c.params.push_back({it.key(), it->get<std::string>()});
                else diagnostics.add(text::key_path("params", it.key()), "expected a string");
            }
    if (json->is_object() && json->contains("params_env"))
        if (const text::Json* params = r.object("params_env"))
            for (auto it = params->begin(); it != params->end(); ++it) {
                const std::string path = text::key_path("params_env", it.key());
                if (!it->is_string()) {
                    diagnostics.add(path, "expected the name of an environment variable");
                } else if (auto value = env(it->get<std::string>()); !value || value->empty()) {
                    diagnostics.add(path, "the environment variable " + it->get<std::string>() + " is not set");
                } else {
                    c.params.push_back({it.key(), *value});
                }
            }
    if (json->is_object() && json->contains("min_interval_ms")) {
        const long long v = r.integer("min_interval_ms");
        if (v < 0 || v > 60000) r.error("min_interval_ms", "expected 0 to 60000");
        c.min_interval_ms = static_cast<int>(v);
    }
    if (json->is_object() && json->contains("timeout_ms")) {
        const long long v = r.integer("timeout_ms");
        if (v < 100 || v > 120000) r.error("timeout_ms", "expected 100 to 120000");
        c.timeout_ms = static_cast<int>(v);
    }
    if (auto ua = r.optional_string("user_agent")) c.user_agent = *ua;
    r.reject_unknown_keys();
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return c;
}

Result<geo::LatLon> Geocoder::locate(const std::string& address) {
    const std::string query = content::geocoder_address(address);
    if (auto it = answered_.find(query); it != answered_.end()) return it->second;
    // Pacing: a public service bans a client that asks faster than its policy.
    const auto due = last_ + std::chrono::milliseconds(config_.min_interval_ms);
    if (requests_ > 0 && std::chrono::steady_clock::now() < due) std::this_thread::sleep_until(due);
    last_ = std::chrono::steady_clock::now();
    ++requests_;
    HttpLimits limits;
    limits.connect_timeout_ms = std::min(5000, config_.timeout_ms);
    limits.timeout_ms = config_.timeout_ms;
    limits.max_body_bytes = 256 * 1024;
    limits.user_agent = config_.user_agent;
    const HttpAnswer answer =
        http_request(content::geocode_url(config_.kind, config_.url, config_.params, query), limits, {"Accept: application/json"});
    Result<geo::LatLon> result = Error{"not asked"};
    if (!answer.error.empty()) result = Error{answer.error};
    else if (answer.status != 200) result = Error{"HTTP " + std::to_string(answer.status)};
    else result = content::read_geocode_answer(config_.kind, answer.body);
    answered_.emplace(query, result);
    return result;
}

}  // namespace beitai::site
