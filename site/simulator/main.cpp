// beitai-feed-simulator: the eight counties' TDX parking feeds on 127.0.0.1 (simulator.h).
// A program of its own so that the production server carries no test double; portal.sh
// starts it beside `beitai serve`, the tests start it for each server that polls feeds.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "clock/clock.h"
#include "http/server.h"
#include "simulator/simulator.h"
#include "store/content_files.h"

using namespace beitai::site;
using namespace beitai::site::feeds;

namespace {

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

// argv: the options after the program's name.
int run(int argc, char** argv) {
    std::string port_text = "8090", content = "content", no_live = "MiaoliCounty", step_text = "5", threads_text = "4";
    bool require_token = false;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        bool ok = true;
        if (arg == "--port") ok = value(port_text);
        else if (arg == "--content") ok = value(content);
        else if (arg == "--no-live") ok = value(no_live);
        else if (arg == "--step-seconds") ok = value(step_text);
        else if (arg == "--threads") ok = value(threads_text);
        else if (arg == "--require-token") require_token = true;
        else ok = false;
        if (!ok) {
            std::fprintf(stderr, "beitai-feed-simulator: unknown or incomplete option \"%s\"\n", arg.c_str());
            return 2;
        }
    }
    char* end = nullptr;
    const long port = std::strtol(port_text.c_str(), &end, 10);
    if (*end || port < 0 || port > 65535) {
        std::fprintf(stderr, "beitai-feed-simulator: --port: expected a number from 0 to 65535\n");
        return 2;
    }
    const long step = std::strtol(step_text.c_str(), &end, 10);
    if (*end || step < 1 || step > 86400) {
        std::fprintf(stderr, "beitai-feed-simulator: --step-seconds: expected a number from 1 to 86400\n");
        return 2;
    }
    const long threads = std::strtol(threads_text.c_str(), &end, 10);
    if (*end || threads < 1 || threads > 256) {
        std::fprintf(stderr, "beitai-feed-simulator: --threads: expected a number from 1 to 256\n");
        return 2;
    }

    auto catalog = load_catalog(content);
    if (!catalog) {
        std::fprintf(stderr, "%s\nbeitai-feed-simulator: content has errors\n", catalog.error().c_str());
        return 1;
    }
    if (catalog->car_parks.car_parks.empty()) {
        std::fprintf(stderr, "beitai-feed-simulator: %s/parking/car_parks.json has no car parks\n", content.c_str());
        return 1;
    }
    std::vector<std::string> counties;
    for (const auto& c : catalog->counties) counties.push_back(c.id);
    SimulatorOptions options;
    options.no_live = split_list(no_live);
    for (const auto& id : options.no_live)
        if (std::find(counties.begin(), counties.end(), id) == counties.end()) {
            std::fprintf(stderr, "beitai-feed-simulator: --no-live: unknown county \"%s\"\n", id.c_str());
            return 2;
        }
    options.step_seconds = static_cast<int>(step);
    options.require_token = require_token;

    static const SystemClock clock;
    auto simulator = std::make_shared<FeedSimulator>(counties, catalog->car_parks.car_parks, options,
                                                     [] { return clock.now(); });
    HttpServer server([simulator](const Request& r) { return simulator->handle(r); });
    server.set_threads(static_cast<int>(threads));
    std::uint16_t bound = 0;
    if (auto err = server.listen("127.0.0.1", static_cast<std::uint16_t>(port), bound); !err.empty()) {
        std::fprintf(stderr, "beitai-feed-simulator: %s\n", err.c_str());
        return 1;
    }
    std::printf("Beitai feed simulator listening on http://127.0.0.1:%u/\n", bound);
    std::printf("(%zu car parks in %zu counties%s; no live data: %s; availability changes every %ld s%s)\n",
                catalog->car_parks.car_parks.size(), counties.size(), catalog->car_parks.sample ? ", sample" : "",
                no_live.empty() ? "none" : no_live.c_str(), step, require_token ? "; Bearer token required" : "");
    std::fflush(stdout);
    server.run();
    return 0;
}

}  // namespace

int main(int argc, char** argv) { return run(argc - 1, argv + 1); }
