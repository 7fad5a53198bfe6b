// A county's page of a campaign, for its editor: which of the county's sites take part and
// how close a position must be at each (until check-ins open), and each site's signboard
// sheet to print. The admin sees the same page for any county.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "content/campaign.h"
#include "text/lang.h"

namespace beitai::render {

struct CountySitesView {
    const content::Campaign* campaign = nullptr;
    std::string county;       // TDX id
    std::string county_name;  // in the page's language
    struct Row {
        std::string site, name, address;
        bool chosen = false;
        double radius_m = 100;
        long long checkins = 0;  // counted there so far
    };
    std::vector<Row> rows;  // every site of the county in the site list, in its order
    std::string version;    // raffle::county_sites_version, carried by the form
    bool frozen = false;    // check-ins have opened: the choice is shown, not offered
    int key_version = 0;    // the signboard key sheets are printed with (0: none yet)
    // The admin's county chooser: (id, name) of every county; empty for an editor.
    std::vector<std::pair<std::string, std::string>> counties;
    std::string csrf;
    std::string notice;
    bool notice_error = false;
    text::Lang lang = text::Lang::zh_TW;
};
std::string county_sites_main_html(const CountySitesView& view);

// Every chosen site's sheet on one page, one per printed page.
std::string signboards_print_main_html(const CountySitesView& view);

}  // namespace beitai::render
