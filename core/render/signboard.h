// A site's printable signboard sheet (立牌) for a check-in campaign: A4 portrait SVG with the
// QR code of the site's check-in link, the code typed out for those who cannot scan, the
// site's name, the campaign and its dates, in Chinese with English beneath.
#pragma once

#include <string>

#include "content/campaign.h"
#include "content/county.h"
#include "content/site.h"
#include "render/qr_svg.h"

namespace beitai::render {

struct SignboardSheet {
    const content::Campaign* campaign = nullptr;
    const content::Site* site = nullptr;
    const content::County* county = nullptr;
    std::string code;  // "1-K7QM3X9D2H4T8RWA"
    std::string url;   // what the QR code holds
    QrModules qr;
};

std::string signboard_svg(const SignboardSheet& sheet);

// "https://portal/raffle/2026-demo?site=site-001&code=1-K7QM…": the link a signboard's QR holds.
std::string checkin_url(const std::string& public_url, const std::string& campaign, const std::string& site,
                        const std::string& code);

}  // namespace beitai::render
