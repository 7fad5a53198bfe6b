// The feeds config reader (site/feeds/feed_config.h): defaults and overrides, URLs built for
// TDX, the OAuth2 secrets from the environment, and each mistake named by its JSON path.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "feeds/feed_config.h"

using namespace beitai;
using namespace beitai::site;

namespace {

Result<FeedsConfig> read(const std::string& text, std::map<std::string, std::string> env = {}) {
    return read_feeds_config(text, "feeds.json", [env](const std::string& name) -> std::optional<std::string> {
        auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
}

const CountyFeedConfig& county(const FeedsConfig& c, const std::string& id) {
    for (const auto& f : c.counties)
        if (f.county == id) return f;
    FAIL("no county " << id);
    return c.counties.front();
}

}  // namespace

TEST_CASE("a county without URLs gets TDX's paths under base_url, in its format") {
    auto c = read(R"({"defaults": {}, "counties": [{"county": "Taipei"}, {"county": "Keelung", "format": "xml"}]})");
    REQUIRE_MESSAGE(c, (c ? std::string() : c.error()));
    REQUIRE(c->counties.size() == 2);
    const auto& taipei = county(*c, "Taipei");
    CHECK(taipei.format == FeedFormat::json);
    CHECK(taipei.car_parks_url == "https://tdx.transportdata.tw/api/basic/v1/Parking/OffStreet/CarPark/City/Taipei?$format=JSON");
    CHECK(taipei.availability_url ==
          "https://tdx.transportdata.tw/api/basic/v1/Parking/OffStreet/ParkingAvailability/City/Taipei?$format=JSON");
    CHECK(county(*c, "Keelung").availability_url ==
          "https://tdx.transportdata.tw/api/basic/v1/Parking/OffStreet/ParkingAvailability/City/Keelung?$format=XML");
    CHECK_FALSE(c->oauth.has_value());
    CHECK(c->keep_every_s == 30);
    CHECK(taipei.sample == false);
}

TEST_CASE("defaults apply to every county; a county's own settings win") {
    auto c = read(R"({"base_url": "http://127.0.0.1:8090",
                      "defaults": {"interval_s": 5, "timeout_ms": 2000, "sample": true},
                      "keep_every_s": 10,
                      "counties": [{"county": "Taipei"}, {"county": "Hsinchu", "interval_s": 30},
                                   {"county": "MiaoliCounty", "live": false},
                                   {"county": "YilanCounty", "car_parks_url": "https://example.org/parks",
                                    "availability_url": "https://example.org/live"}]})");
    REQUIRE_MESSAGE(c, (c ? std::string() : c.error()));
    CHECK(county(*c, "Taipei").interval_s == 5);
    CHECK(county(*c, "Taipei").timeout_ms == 2000);
    CHECK(county(*c, "Taipei").sample);
    CHECK(county(*c, "Hsinchu").interval_s == 30);
    CHECK(county(*c, "Hsinchu").timeout_ms == 2000);
    CHECK(county(*c, "Taipei").car_parks_url == "http://127.0.0.1:8090/v1/Parking/OffStreet/CarPark/City/Taipei?$format=JSON");
    CHECK(county(*c, "MiaoliCounty").availability_url.empty());
    CHECK_FALSE(county(*c, "MiaoliCounty").car_parks_url.empty());
    CHECK(county(*c, "YilanCounty").car_parks_url == "https://example.org/parks");
    CHECK(county(*c, "YilanCounty").availability_url == "https://example.org/live");
    CHECK(c->keep_every_s == 10);
}

TEST_CASE("the OAuth2 client id and secret come from the environment variables named") {
    const std::string text = R"({"auth": {"token_url": "https://tdx.example/token",
                                          "client_id_env": "ID_VAR", "client_secret_env": "SECRET_VAR"},
                                 "defaults": {}, "counties": [{"county": "Taipei"}]})";
    auto c = read(text, {{"ID_VAR", "client-1"}, {"SECRET_VAR", "s3cret"}});
    REQUIRE_MESSAGE(c, (c ? std::string() : c.error()));
    REQUIRE(c->oauth.has_value());
    CHECK(c->oauth->token_url == "https://tdx.example/token");
    CHECK(c->oauth->client_id == "client-1");
    CHECK(c->oauth->client_secret == "s3cret");

    auto missing = read(text, {{"ID_VAR", "client-1"}});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("SECRET_VAR is not set") != std::string::npos);
    CHECK(missing.error().find("client_id") == std::string::npos);
}

TEST_CASE("backoff and breaker policies are read and checked") {
    auto c = read(R"({"backoff": {"initial_s": 0.5, "factor": 2, "max_s": 10, "jitter": 0.1},
                      "breaker": {"failures_to_open": 3, "open_s": 20}, "defaults": {}, "counties": []})");
    REQUIRE_MESSAGE(c, (c ? std::string() : c.error()));
    CHECK(c->backoff.initial_s == doctest::Approx(0.5));
    CHECK(c->backoff.factor == doctest::Approx(2));
    CHECK(c->backoff.max_s == doctest::Approx(10));
    CHECK(c->breaker.failures_to_open == 3);
    CHECK(c->breaker.open_s == 20);

    auto bad = read(R"({"backoff": {"initial_s": 5, "max_s": 1}, "defaults": {}, "counties": []})");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("backoff") != std::string::npos);
}

TEST_CASE("every mistake is reported, each with its JSON path; none is silently taken") {
    auto c = read(R"({"counties": [{"county": "Tainan"},
                                   {"county": "Taipei", "interval_s": 0},
                                   {"county": "Taipei"},
                                   {"county": "Keelung", "car_parks_url": "ftp://example.org/x"},
                                   {"county": "Hsinchu", "colour": "red"},
                                   {"county": "Taoyuan", "format": "csv"}],
                      "defaults": {"timeout_ms": 1},
                      "extra": 1})");
    REQUIRE_FALSE(c);
    const std::string& e = c.error();
    CAPTURE(e);
    CHECK(e.find("feeds.json") != std::string::npos);
    CHECK(e.find("counties[0].county") != std::string::npos);
    CHECK(e.find("unknown county \"Tainan\"") != std::string::npos);
    CHECK(e.find("counties[1].interval_s") != std::string::npos);
    CHECK(e.find("Taipei is listed twice") != std::string::npos);
    CHECK(e.find("must be http:// or https://") != std::string::npos);
    CHECK(e.find("colour") != std::string::npos);
    CHECK(e.find("counties[5].format") != std::string::npos);
    CHECK(e.find("defaults.timeout_ms") != std::string::npos);
    CHECK(e.find("extra") != std::string::npos);
}

TEST_CASE("\"defaults\" must be there, even empty") {
    auto c = read(R"({"counties": [{"county": "Taipei"}]})");
    REQUIRE_FALSE(c);
    CHECK(c.error().find("defaults: missing") != std::string::npos);
}

TEST_CASE("text that is not JSON is refused with the file's name") {
    auto c = read("{\"counties\": [");
    REQUIRE_FALSE(c);
    CHECK(c.error().find("feeds.json") != std::string::npos);
}

TEST_CASE("the simulator's feeds: eight sample counties, both formats, Miaoli without live data") {
    const FeedsConfig c = simulator_feeds("http://127.0.0.1:8091", 2);
    REQUIRE(c.counties.size() == 8);
    int xml = 0;
    for (const auto& f : c.counties) {
        CAPTURE(f.county);
        CHECK(f.sample);
        CHECK(f.interval_s == 2);
        CHECK(f.car_parks_url.rfind("http://127.0.0.1:8091/v1/Parking/OffStreet/CarPark/City/" + f.county, 0) == 0);
        CHECK(f.availability_url.empty() == (f.county == "MiaoliCounty"));
        xml += f.format == FeedFormat::xml;
    }
    CHECK(xml == 4);
    CHECK(simulator_feeds("http://x", 20).counties.front().stale_after_s == 100);
}

TEST_CASE("a county's own format: Taipei's pair, Yilan's one document as availability_url") {
    auto c = read(R"({"defaults": {}, "counties": [
        {"county": "Taipei", "format": "taipei", "car_parks_url": "https://example.org/TCMSV_alldesc.json",
         "availability_url": "https://example.org/TCMSV_allavailable.json"},
        {"county": "YilanCounty", "format": "yilan", "availability_url": "https://example.org/yilan/parking"},
        {"county": "Keelung", "format": "taipei", "car_parks_url": "https://example.org/desc", "live": false}]})");
    REQUIRE_MESSAGE(c, (c ? std::string() : c.error()));
    const auto& taipei = county(*c, "Taipei");
    CHECK(taipei.format == FeedFormat::taipei);
    CHECK(taipei.car_parks_url == "https://example.org/TCMSV_alldesc.json");
    CHECK(taipei.availability_url == "https://example.org/TCMSV_allavailable.json");
    const auto& yilan = county(*c, "YilanCounty");
    CHECK(yilan.format == FeedFormat::yilan);
    CHECK(yilan.car_parks_url.empty());  // one document: no TDX path put in its place
    CHECK(yilan.availability_url == "https://example.org/yilan/parking");
    CHECK(county(*c, "Keelung").availability_url.empty());
}

TEST_CASE("a county's own format without its URLs is refused, naming the county and the member") {
    struct Case {
        const char* county;
        const char* member;
        const char* message;
    } cases[] = {
        {R"({"county": "Taipei", "format": "taipei", "availability_url": "https://example.org/a"})", "counties[0].car_parks_url",
         "Taipei: format \"taipei\" needs car_parks_url (its TCMSV_alldesc document)"},
        {R"({"county": "Taipei", "format": "taipei", "car_parks_url": "https://example.org/d"})", "counties[0].availability_url",
         "Taipei: format \"taipei\" needs availability_url (its TCMSV_allavailable document), or \"live\": false"},
        {R"({"county": "YilanCounty", "format": "yilan"})", "counties[0].availability_url",
         "YilanCounty: format \"yilan\" needs availability_url (its one document)"},
        {R"({"county": "YilanCounty", "format": "yilan", "car_parks_url": "https://example.org/y"})", "counties[0].car_parks_url",
         "YilanCounty: format \"yilan\" reads one document, holding the car parks too: give it as availability_url"},
        {R"({"county": "YilanCounty", "format": "yilan", "availability_url": "https://example.org/y", "live": false})",
         "counties[0].live", "YilanCounty: format \"yilan\" always carries free spaces; leave out \"live\": false"},
        {R"({"county": "YilanCounty", "format": "yilan", "availability_url": "file:///etc/passwd"})", "counties[0].availability_url",
         "a feed URL must be http:// or https://"},
        {R"({"county": "Taipei", "format": "tcmsv"})", "counties[0].format", "expected \"json\", \"xml\", \"taipei\" or \"yilan\""},
    };
    for (const auto& k : cases) {
        CAPTURE(k.county);
        auto c = read(std::string(R"({"defaults": {}, "counties": [)") + k.county + "]}");
        REQUIRE_FALSE(c);
        CHECK(c.error().find(k.member) != std::string::npos);
        CHECK(c.error().find(k.message) != std::string::npos);
        CHECK(c.error().find("unknown") == std::string::npos);  // a misplaced URL is named once, not as unknown too
    }
}
