// The eight members as an HTML list, each leading to its own proposals: the home page's
// "who we are", in the page's language only.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "text/lang.h"

namespace beitai::render {

// <ul class="county-list"> of the counties, each name a link to /proposals?county={id}.
std::string county_list_html(const std::vector<content::County>& counties, text::Lang lang);

}  // namespace beitai::render
