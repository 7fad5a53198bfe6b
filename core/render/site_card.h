// An environmental-education site's card: the same markup in the map's popup and in the
// list of sites beside the map (where keyboard and screen-reader users read it). Sample
// data carries the 示範資料 label.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "content/site.h"
#include "text/lang.h"

namespace beitai::render {

// `heading` is the level of the card's heading: 3 in a popup, 4 under a list's county heading.
std::string site_card_html(const content::Site& site, const std::vector<content::County>* counties, text::Lang lang,
                           int heading = 3);

// The label every page showing sample data carries.
std::string sample_badge_html(text::Lang lang);
// The label with what it means, as a paragraph: at the top of a page of sample data.
std::string sample_note_html(text::Lang lang);
// The same in plain text, for a picture (/map.svg).
std::string sample_label_text(text::Lang lang);

}  // namespace beitai::render
