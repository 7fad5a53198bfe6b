// beitai signboards CAMPAIGN: a printable A4 SVG per participating site — the QR code of the
// site's check-in link under the current signboard key, the code typed out, names and dates
// (render/signboard.h) — and codes.tsv listing site, code and link, for the county's staff.
// After a key rotation (POST /api/staff/signboards/rotate) the sheets are printed anew.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "qr/signboard_sheet.h"
#include "raffle/signboard.h"
#include "store/content_files.h"
#include "store/raffle_store.h"

namespace beitai::site::cli {

int signboards(int argc, char** argv) {
    const std::string campaign_id = argv[2];
    Options o = {{"out", "build/signboards"}, {"db", "build/data/beitai.sqlite"}, {"content", "content"},
                 {"public-url", "http://127.0.0.1:8080"}};
    if (!parse_options(argc, argv, 3, o)) return 2;
    auto catalog = load_catalog(o["content"]);
    if (!catalog) {
        std::fprintf(stderr, "%s\n", catalog.error().c_str());
        return 1;
    }
    auto store = open_raffle_store(o["db"]);
    if (!store) {
        std::fprintf(stderr, "beitai: %s\n", store.error().c_str());
        return 1;
    }
    auto campaigns = (*store)->campaigns();
    if (!campaigns) {
        std::fprintf(stderr, "beitai: %s\n", campaigns.error().c_str());
        return 1;
    }
    const content::Campaign* campaign = nullptr;
    for (const auto& c : *campaigns)
        if (c.id == campaign_id) campaign = &c;
    if (!campaign) {
        std::fprintf(stderr, "beitai signboards: no campaign \"%s\" in %s (serve once to store the content's campaigns)\n",
                     campaign_id.c_str(), o["db"].c_str());
        return 1;
    }
    auto keys = (*store)->signboard_keys();
    if (!keys || !raffle::current_key(*keys)) {
        std::fprintf(stderr, "beitai signboards: no signboard key in %s (serve once to make one)\n", o["db"].c_str());
        return 1;
    }
    const raffle::SignboardKey* key = raffle::current_key(*keys);
    std::error_code ec;
    std::filesystem::create_directories(o["out"], ec);
    std::ofstream codes(o["out"] + "/codes.tsv", std::ios::binary);
    if (ec || !codes) {
        std::fprintf(stderr, "beitai signboards: cannot write to %s\n", o["out"].c_str());
        return 1;
    }
    codes << "site\tname\tcode\turl\n";
    std::string public_url = o["public-url"];
    while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
    int written = 0;
    for (const auto& cs : campaign->sites) {
        const content::Site* site = content::find_site(catalog->sites.sites, cs.site);
        if (!site) continue;
        const SignboardFile sheet = signboard_file(*campaign, *site, catalog->counties, *key, public_url);
        std::ofstream out(o["out"] + "/" + site->id + ".svg", std::ios::binary);
        out << sheet.svg;
        if (!out) {
            std::fprintf(stderr, "beitai signboards: cannot write %s/%s.svg\n", o["out"].c_str(), site->id.c_str());
            return 1;
        }
        codes << site->id << '\t' << site->name << '\t' << sheet.code << '\t' << sheet.url << '\n';
        ++written;
    }
    std::printf("wrote %d signboards of campaign %s (key version %d) to %s\n", written, campaign->id.c_str(), key->version,
                o["out"].c_str());
    return 0;
}

}  // namespace beitai::site::cli
