// Every map layer as an HTML list, for keyboard and screen-reader users and for anyone
// without the map: sites by county, routes with their lengths, breaks with their distances.
#pragma once

#include <string>

#include "render/map_scene.h"

namespace beitai::render {

// Lists longer than `inline_limit` entries give, per county, the count and a link to that
// county's full list (/map/sites?county=…, /map/routes?county=…) instead: a map page with
// thousands of entries must still open quickly. An empty `only_county` lists every county.
constexpr size_t kInlineListLimit = 500;
// Beside the map a list starts folded (the page opens on the map); on a page of its own
// (/map/sites, /map/routes) the list is what the reader came for and starts open.
enum class ListPlace { beside_map, own_page };
std::string sites_list_html(const MapData& data, text::Lang lang, const std::string& only_county = "",
                            size_t inline_limit = kInlineListLimit, ListPlace place = ListPlace::beside_map);
std::string routes_list_html(const MapData& data, text::Lang lang, const std::string& only_county = "",
                             size_t inline_limit = kInlineListLimit, ListPlace place = ListPlace::beside_map);
// The breaks, shortest first; past `inline_limit` the rest are on /map/gaps.
std::string gaps_list_html(const MapData& data, text::Lang lang, size_t inline_limit = kInlineListLimit);

// The link every list entry carries to its feature on the map: /map?focus=<id> (the map
// moves to it and opens its card; without JavaScript the page shows the card by the map).
std::string show_on_map_html(const std::string& id, text::Lang lang);

// A distance as people read it: "850 m", "12.3 km".
std::string distance_text(double metres);

}  // namespace beitai::render
