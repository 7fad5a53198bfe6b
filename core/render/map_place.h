// What a person types into the route planner's "from" and "to": coordinates ("25.03,121.56",
// latitude first, as people say them; a full-width comma too), one of the eight counties
// (臺北市, 台北市, Taipei City, Taipei — its seat), or an environmental-education site by
// name or part of one. Errors are sentences in the page's language, naming the field, and
// list the candidates when a name fits several places.
#pragma once

#include <string>
#include <vector>

#include "content/county.h"
#include "content/site.h"
#include "geo/latlon.h"
#include "text/lang.h"
#include "text/result.h"

namespace beitai::render {

struct Place {
    geo::LatLon at;
    std::string name;  // as the reader knows it: the site's or county's name, or the coordinates
};

// `field` is the field's label ("起點", "From") for the messages. Either list may be null.
Result<Place> resolve_place(const std::string& text, const std::string& field, const content::SiteList* sites,
                            const std::vector<content::County>* counties, text::Lang lang);

// Every name resolve_place knows exactly (the counties in `lang`, then the sites), for the
// fields' suggestions.
std::vector<std::string> place_names(const content::SiteList* sites, const std::vector<content::County>* counties,
                                     text::Lang lang);

}  // namespace beitai::render
