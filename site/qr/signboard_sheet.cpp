#include "qr/signboard_sheet.h"

#include "qr/encode.h"
#include "render/signboard.h"

namespace beitai::site {

SignboardFile signboard_file(const content::Campaign& campaign, const content::Site& site,
                             const std::vector<content::County>& counties, const raffle::SignboardKey& key,
                             const std::string& public_url) {
    SignboardFile file;
    file.code = raffle::signboard_code(key, campaign.id, site.id);
    file.url = render::checkin_url(public_url, campaign.id, site.id, file.code);
    render::SignboardSheet sheet;
    sheet.campaign = &campaign;
    sheet.site = &site;
    sheet.county = content::find_county(counties, site.county);
    sheet.code = file.code;
    sheet.url = file.url;
    sheet.qr = encode_qr(file.url);
    file.svg = render::signboard_svg(sheet);
    return file;
}

}  // namespace beitai::site
