// The home page: what the committee is, the live figures (open proposals, car parks with
// space, the campaign) each leading to its section, and the sections themselves. Written by
// the server on every request from what it holds, so it needs no script and weighs little.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/county.h"
#include "parking/snapshot.h"
#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::render {

struct HomeData {
    const std::vector<content::County>* counties = nullptr;  // the members, in their order
    const tracker::Snapshot* proposals = nullptr;
    const parking::ParkingSnapshot* parking = nullptr;       // nullptr: no live parking here
    const std::vector<content::Campaign>* campaigns = nullptr;  // nullptr: no raffle here
    std::int64_t now = 0;                                    // Unix seconds
};

// The page's <main> content.
std::string home_main_html(const HomeData& data, text::Lang lang);

}  // namespace beitai::render
