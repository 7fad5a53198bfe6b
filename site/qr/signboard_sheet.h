// One site's signboard sheet under the current key, put together the same way for the
// command line (beitai signboards) and for a county's editor on the staff pages.
#pragma once

#include <string>
#include <vector>

#include "content/campaign.h"
#include "content/county.h"
#include "content/site.h"
#include "raffle/signboard.h"

namespace beitai::site {

struct SignboardFile {
    std::string code;  // "1-K7QM3X9D2H4T8RWA"
    std::string url;   // what the QR code holds
    std::string svg;   // the A4 sheet
};

// `public_url`: where people reach the portal, without a trailing slash.
SignboardFile signboard_file(const content::Campaign& campaign, const content::Site& site,
                             const std::vector<content::County>& counties, const raffle::SignboardKey& key,
                             const std::string& public_url);

}  // namespace beitai::site
