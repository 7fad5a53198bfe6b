// The county-seat map layer as an HTML list, for keyboard and screen-reader users and for
// anyone without the map: every map layer also exists as a list.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "text/lang.h"

namespace beitai::render {

// <ul> of the counties: name in `lang` first, the other language after, seat coordinates.
std::string county_list_html(const std::vector<content::County>& counties, text::Lang lang);

}  // namespace beitai::render
