// An environmental-education site's card: the same markup in the map's popup, the list
// beside the map and the kiosk's detail. Sample data carries the 示範資料 label.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "content/site.h"
#include "text/lang.h"

namespace beitai::render {

std::string site_card_html(const content::Site& site, const std::vector<content::County>* counties, text::Lang lang);

// The label every page showing sample data carries.
std::string sample_badge_html(text::Lang lang);

}  // namespace beitai::render
