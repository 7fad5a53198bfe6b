// The geocoder's config (site/geocode/geocoder.h): both services, keys from the environment,
// every mistake named by its JSON path.
#include <doctest/doctest.h>

#include <map>

#include "geocode/geocoder.h"

using namespace beitai;
using namespace beitai::site;

namespace {

Result<GeocoderConfig> read(const std::string& text, std::map<std::string, std::string> env = {}) {
    return read_geocoder_config(text, "geocoder.json", [env](const std::string& name) -> std::optional<std::string> {
        auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
}

}  // namespace

TEST_CASE("a Nominatim config: its defaults respect the service's policy") {
    auto c = read(R"({"service": "nominatim", "url": "https://nominatim.example.org", "params": {"countrycodes": "tw"}})");
    REQUIRE_MESSAGE(c, (c ? std::string() : c.error()));
    CHECK(c->kind == content::GeocoderKind::nominatim);
    CHECK(c->min_interval_ms == 1000);
    CHECK(c->params == text::QueryParams{{"countrycodes", "tw"}});
}

TEST_CASE("a TGOS config: its keys from the environment, never from the file") {
    auto c = read(R"({"service": "tgos", "url": "https://tgos.example/QueryAddr", "params_env": {"oAPPId": "APP", "oAPIKey": "KEY"},
                      "min_interval_ms": 0, "timeout_ms": 3000})", {{"APP", "a"}, {"KEY", "k"}});
    REQUIRE_MESSAGE(c, (c ? std::string() : c.error()));
    CHECK(c->kind == content::GeocoderKind::tgos);
    CHECK(c->params == text::QueryParams{{"oAPIKey", "k"}, {"oAPPId", "a"}});  // in key order
    CHECK(c->timeout_ms == 3000);
    auto missing = read(R"({"service": "tgos", "url": "https://tgos.example/", "params_env": {"oAPIKey": "KEY"}})");
    REQUIRE_FALSE(missing);
    CHECK(missing.error() == "geocoder.json: params_env.oAPIKey: the environment variable KEY is not set");
}

TEST_CASE("geocoder config mistakes, each by its path") {
    auto c = read(R"({"service": "google", "url": "ftp://x", "min_interval_ms": -1, "timeout_ms": 5, "colour": "red",
                      "params": {"a": 1}})");
    REQUIRE_FALSE(c);
    for (const char* part : {"service: expected \"nominatim\" or \"tgos\"", "url: expected an http:// or https:// address",
                             "min_interval_ms: expected 0 to 60000", "timeout_ms: expected 100 to 120000", "colour",
                             "params.a: expected a string"}) {
        CAPTURE(part);
        CHECK(c.error().find(part) != std::string::npos);
    }
    CHECK_FALSE(read("not json"));
    CHECK_FALSE(read("[]"));
}
