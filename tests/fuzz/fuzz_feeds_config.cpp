// libFuzzer target: the feeds configuration (site/feeds/feed_config.h, `beitai serve
// --feeds FILE`). Written by an operator rather than a stranger, but a JSON format of the
// project all the same, and the server trusts what it returns.
//
// When read_feeds_config takes a file, what it promised holds: known counties, each once;
// feed URLs http(s) (availability empty only for a county without live data); every
// setting inside its documented range; OAuth credentials present when "auth" is given.
#include "fuzz_support.h"

#include <set>

#include "feeds/feed_config.h"

using namespace beitai;
using namespace beitai::site;

namespace {

bool http_url(const std::string& url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

template <class T>
bool within(T v, long long lo, long long hi) {
    return static_cast<long long>(v) >= lo && static_cast<long long>(v) <= hi;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::as_text(data, size));
    // TDX_CLIENT_ID and TDX_CLIENT_SECRET are set, EMPTY is set to "", nothing else is.
    const EnvLookup env = [](const std::string& name) -> std::optional<std::string> {
        if (name == "TDX_CLIENT_ID" || name == "TDX_CLIENT_SECRET") return "value-of-" + name;
        if (name == "EMPTY") return std::string();
        return std::nullopt;
    };
    auto config = read_feeds_config(text, "feeds.json", env);
    if (!config) {
        FUZZ_CHECK(!config.error().empty(), "failed without a message");
        return 0;
    }
    static const std::set<std::string> kCounties = {"Taipei", "NewTaipei", "Keelung", "Taoyuan",
                                                    "Hsinchu", "HsinchuCounty", "MiaoliCounty", "YilanCounty"};
    std::set<std::string> seen;
    for (const auto& c : config->counties) {
        FUZZ_CHECK(kCounties.count(c.county), "unknown county \"" + c.county + "\"");
        FUZZ_CHECK(seen.insert(c.county).second, c.county + " listed twice");
        // Yilan's format reads one document, availability_url; every other has its car parks'.
        if (c.format == FeedFormat::yilan)
            FUZZ_CHECK(c.car_parks_url.empty() && http_url(c.availability_url),
                       c.county + ": yilan with car_parks_url \"" + c.car_parks_url + "\", availability_url \"" +
                           c.availability_url + "\"");
        else
            FUZZ_CHECK(http_url(c.car_parks_url), c.county + ": car_parks_url \"" + c.car_parks_url + "\"");
        FUZZ_CHECK(c.availability_url.empty() || http_url(c.availability_url),
                   c.county + ": availability_url \"" + c.availability_url + "\"");
        FUZZ_CHECK(within(c.interval_s, 1, 86400), c.county + ": interval_s " + std::to_string(c.interval_s));
        FUZZ_CHECK(within(c.car_parks_interval_s, 1, 7 * 86400), c.county + ": car_parks_interval_s");
        FUZZ_CHECK(within(c.connect_timeout_ms, 100, 120000), c.county + ": connect_timeout_ms");
        FUZZ_CHECK(within(c.timeout_ms, 100, 600000), c.county + ": timeout_ms");
        FUZZ_CHECK(within(c.max_body_bytes, 1024, 1LL << 30), c.county + ": max_body_bytes " + std::to_string(c.max_body_bytes));
        FUZZ_CHECK(within(c.stale_after_s, 1, 7 * 86400), c.county + ": stale_after_s");
    }
    const auto& b = config->backoff;
    FUZZ_CHECK(b.initial_s > 0 && b.max_s >= b.initial_s && b.factor >= 1 && b.jitter >= 0 && b.jitter < 1,
               "backoff " + std::to_string(b.initial_s) + " " + std::to_string(b.factor) + " " + std::to_string(b.max_s) +
                   " " + std::to_string(b.jitter));
    FUZZ_CHECK(config->breaker.failures_to_open >= 1 && config->breaker.open_s >= 1, "breaker");
    FUZZ_CHECK(within(config->keep_every_s, 1, 86400), "keep_every_s " + std::to_string(config->keep_every_s));
    if (config->oauth) {
        FUZZ_CHECK(!config->oauth->token_url.empty(), "auth without a token_url");
        FUZZ_CHECK(!config->oauth->client_id.empty() && !config->oauth->client_secret.empty(), "auth without credentials");
    }
    return 0;
}
