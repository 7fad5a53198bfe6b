// The portal's routes, and the matcher that reads them (see route_table.h).
//
// Index of this file:
// [SECTION] The table
// [SECTION] Matching (and the body limit of an address)
#include "routes/route_table.h"

#include "routes/portal.h"

namespace beitai::site {

// ----------------------------------------------------------------------------------------
// [SECTION] The table
// ----------------------------------------------------------------------------------------

namespace {
constexpr Access anyone = Access::anyone;
constexpr Access sign_in = Access::staff_sign_in;
constexpr Access participant = Access::participant;
constexpr Access staff = Access::staff;
constexpr Access admin = Access::admin;
constexpr Cache own = Cache::handler;
constexpr Cache revalidate = Cache::revalidate;
constexpr Cache no_store = Cache::no_store;
}  // namespace

const std::vector<Route>& route_table() {
    static const std::vector<Route> routes = {
        // pattern                         methods     access   cache       handler
        // -- files: the portal and kiosk pages, scripts, styles, the WASM build, Leaflet, what the
        //    build writes from the core (its colours as CSS)
        {"/",                              GET,        anyone,  revalidate, &Portal::home_page},
        {"/kiosk",                         GET,        anyone,  own,        &Portal::static_file},
        {"/static/{path*}",                GET,        anyone,  own,        &Portal::static_file},
        {"/wasm/{path*}",                  GET,        anyone,  own,        &Portal::static_file},
        {"/vendor/leaflet/{path*}",        GET,        anyone,  own,        &Portal::static_file},
        {"/generated/{path*}",             GET,        anyone,  own,        &Portal::static_file},
        {"/healthz",                       GET,        anyone,  own,        &Portal::healthz},
        {"/metrics",                       GET,        anyone,  no_store,   &Portal::metrics_page},
        {"/lang",                          GET,        anyone,  own,        &Portal::switch_language},
        // -- the proposal tracker: pages, downloads and feeds, JSON
        {"/proposals",                     GET,        anyone,  revalidate, &Portal::proposals_page},
        {"/proposals.csv",                 GET,        anyone,  own,        &Portal::export_csv},
        {"/proposals.json",                GET,        anyone,  own,        &Portal::export_json},
        {"/proposals.ods",                 GET,        anyone,  own,        &Portal::export_ods},
        {"/proposals.atom",                GET,        anyone,  own,        &Portal::export_atom},
        {"/proposals/{id}.atom",           GET,        anyone,  own,        &Portal::proposal_feed},
        {"/proposals/{id}",                GET,        anyone,  revalidate, &Portal::proposal_page},
        {"/api/counties",                  GET,        anyone,  own,        &Portal::api_counties},
        {"/api/proposals",                 GET,        anyone,  own,        &Portal::api_proposals},
        {"/api/proposals/{id}",            GET,        anyone,  own,        &Portal::api_proposal},
        {"/api/snapshot",                  GET,        anyone,  own,        &Portal::api_snapshot},
        // -- the map: pages, the SVG picture, layers as lists, JSON
        {"/map",                           GET,        anyone,  revalidate, &Portal::map_page},
        {"/map.svg",                       GET,        anyone,  own,        &Portal::map_svg},
        {"/map/sites",                     GET,        anyone,  revalidate, &Portal::map_sites_page},
        {"/map/routes",                    GET,        anyone,  revalidate, &Portal::map_routes_page},
        {"/map/gaps",                      GET,        anyone,  revalidate, &Portal::map_gaps_page},
        {"/api/routes",                    GET,        anyone,  own,        &Portal::api_routes},
        {"/api/sites",                     GET,        anyone,  own,        &Portal::api_sites},
        {"/api/basemap",                   GET,        anyone,  own,        &Portal::api_basemap},
        {"/api/bikenet/gaps",              GET,        anyone,  own,        &Portal::api_gaps},
        {"/api/bikenet/route",             GET,        anyone,  own,        &Portal::api_bike_route},
        // -- live parking
        {"/api/parking",                   GET,        anyone,  own,        &Portal::api_parking},
        {"/api/parking/near",              GET,        anyone,  own,        &Portal::api_parking_near},
        {"/api/parking/feeds",             GET,        anyone,  own,        &Portal::api_parking_feeds},
        {"/api/parking/stream",            GET,        anyone,  no_store,   &Portal::api_parking_stream},
        // -- the green-tourism raffle: pages (with forms that work without JavaScript), JSON
        {"/raffle",                        GET,        anyone,  revalidate, &Portal::raffle_index},
        {"/raffle/{campaign}",             GET,        anyone,  no_store,   &Portal::raffle_campaign_page},
        {"/raffle/{campaign}/register",    POST,   participant, no_store,   &Portal::raffle_register_form},
        {"/raffle/{campaign}/check-in",    POST,   participant, no_store,   &Portal::raffle_checkin_form},
        {"/raffle/{campaign}/recover",     POST,   participant, no_store,   &Portal::raffle_recover_form},
        {"/raffle/{campaign}/erase",       POST,   participant, no_store,   &Portal::raffle_erase_form},
        {"/raffle/{campaign}/photo",       POST,   participant, no_store,   &Portal::raffle_photo_form},
        {"/raffle/{campaign}/nearby",      GET,        anyone,  no_store,   &Portal::raffle_nearby_page},
        {"/raffle/{campaign}/draws/{draw}", GET,       anyone,  no_store,   &Portal::raffle_draw_page},
        {"/raffle/{campaign}/draws/{draw}/verify", GET, anyone, revalidate, &Portal::raffle_verify_page},
        {"/api/campaigns",                 GET,        anyone,  revalidate, &Portal::api_campaigns},
        {"/api/campaigns/{campaign}",      GET,        anyone,  revalidate, &Portal::api_campaign},
        {"/api/campaigns/{campaign}/stats", GET,       anyone,  revalidate, &Portal::api_campaign_stats},
        {"/api/campaigns/{campaign}/participants", POST, participant, no_store, &Portal::api_register},
        {"/api/campaigns/{campaign}/checkins", POST, participant, no_store,   &Portal::api_checkin},
        {"/api/campaigns/{campaign}/photos", POST, participant, no_store,     &Portal::api_photo},
        {"/api/campaigns/{campaign}/me",   GET,        anyone,  no_store,   &Portal::api_me},
        {"/api/campaigns/{campaign}/recover", POST, participant, no_store,   &Portal::api_recover},
        {"/api/campaigns/{campaign}/me/erase", POST, participant, no_store,  &Portal::api_erase},
        {"/api/campaigns/{campaign}/draws/{draw}", GET, anyone, revalidate, &Portal::api_draw},
        {"/api/campaigns/{campaign}/draws/{draw}/entries.txt", GET, anyone, revalidate, &Portal::api_draw_entries},
        // -- staff: signing in and out, the session
        {"/staff/sign-in",                 POST,       sign_in, no_store,   &Portal::sign_in},
        {"/api/staff/sign-in",             POST,       sign_in, no_store,   &Portal::sign_in},
        {"/staff/sign-out",                POST,       staff,   no_store,   &Portal::sign_out},
        {"/api/staff/sign-out",            POST,       staff,   no_store,   &Portal::sign_out},
        {"/api/staff/session",             GET,        staff,   no_store,   &Portal::api_session},
        // -- staff: proposals (the core decides who may touch which)
        {"/staff",                         GET,        staff,   no_store,   &Portal::staff_home},
        {"/staff/new",                     GET,        staff,   no_store,   &Portal::staff_new_page},
        {"/staff/proposals/{id}",          GET,        staff,   no_store,   &Portal::staff_edit_page},
        {"/staff/proposals",               POST,       staff,   no_store,   &Portal::create_proposal},
        {"/api/staff/proposals",           POST,       staff,   no_store,   &Portal::create_proposal},
        {"/staff/proposals/{id}/edit",     POST,       staff,   no_store,   &Portal::edit_proposal},
        {"/api/staff/proposals/{id}/edit", POST,       staff,   no_store,   &Portal::edit_proposal},
        {"/staff/proposals/{id}/progress", POST,       staff,   no_store,   &Portal::add_progress},
        {"/api/staff/proposals/{id}/progress", POST,   staff,   no_store,   &Portal::add_progress},
        {"/staff/proposals/{id}/close",    POST,       staff,   no_store,   &Portal::close_proposal},
        {"/api/staff/proposals/{id}/close", POST,      staff,   no_store,   &Portal::close_proposal},
        {"/staff/proposals/{id}/reopen",   POST,       staff,   no_store,   &Portal::reopen_proposal},
        {"/api/staff/proposals/{id}/reopen", POST,     staff,   no_store,   &Portal::reopen_proposal},
        // -- staff: the raffle (the admin freezes and draws; a county's editor reviews check-ins)
        {"/staff/raffle",                  GET,        staff,   no_store,   &Portal::staff_raffle_page},
        {"/staff/raffle/{campaign}/draws/{draw}/freeze", POST, admin, no_store, &Portal::freeze_draw},
        {"/api/staff/raffle/{campaign}/draws/{draw}/freeze", POST, admin, no_store, &Portal::freeze_draw},
        {"/staff/raffle/{campaign}/draws/{draw}/draw", POST, admin, no_store, &Portal::run_draw},
        {"/api/staff/raffle/{campaign}/draws/{draw}/draw", POST, admin, no_store, &Portal::run_draw},
        {"/staff/raffle/{campaign}/draws/{draw}/contacts.csv", GET, admin, no_store, &Portal::winners_contacts},
        {"/api/staff/raffle/waiting",      GET,        staff,   no_store,   &Portal::api_waiting_checkins},
        {"/staff/raffle/checkins/{id}/review", POST, staff,   no_store,   &Portal::review_checkin},
        {"/staff/raffle/new-campaign",     GET,        admin,   no_store,   &Portal::campaign_form_page},
        {"/staff/raffle/campaigns",        POST,       admin,   no_store,   &Portal::save_campaign_form},
        {"/staff/raffle/{campaign}/edit",  GET,        admin,   no_store,   &Portal::campaign_form_page},
        {"/staff/raffle/{campaign}/sites", GET,        staff,   no_store,   &Portal::staff_county_sites_page},
        {"/staff/raffle/{campaign}/sites", POST,       staff,   no_store,   &Portal::save_county_sites},
        {"/api/staff/raffle/{campaign}/sites", GET,    staff,   no_store,   &Portal::staff_county_sites_page},
        {"/api/staff/raffle/{campaign}/sites", POST,   staff,   no_store,   &Portal::save_county_sites},
        {"/staff/raffle/{campaign}/signboards", GET,   staff,   no_store,   &Portal::signboards_print_page},
        {"/staff/raffle/{campaign}/signboards/{site}.svg", GET, staff, no_store, &Portal::signboard_sheet},
        {"/api/staff/raffle/checkins/{id}/review", POST, staff, no_store, &Portal::review_checkin},
        {"/staff/raffle/checkins/{id}/photo", GET,     staff,   no_store,   &Portal::checkin_photo},
        {"/api/staff/campaigns",           POST,       admin,   no_store,   &Portal::create_campaign},
        {"/api/staff/signboards/rotate",   POST,       admin,   no_store,   &Portal::rotate_signboards},
        // -- staff: accounts and the audit log, for the committee secretariat
        {"/staff/accounts",                GET,        admin,   no_store,   &Portal::staff_accounts_page},
        {"/staff/accounts",                POST,       admin,   no_store,   &Portal::add_account},
        {"/api/staff/accounts",            POST,       admin,   no_store,   &Portal::add_account},
        {"/staff/audit",                   GET,        admin,   no_store,   &Portal::staff_audit_page},
        {"/api/staff/audit",               GET,        admin,   no_store,   &Portal::api_audit},
        // -- the rest of the staff area: an address not listed above still needs a session
        // (and a POST its CSRF token) before it is a 404, so a stranger learns nothing by
        // probing; last, so that it covers only what the routes above do not take.
        {"/staff/{rest*}",                 GET | POST, staff,   no_store,   &Portal::staff_not_found},
        {"/api/staff/{rest*}",             GET | POST, staff,   no_store,   &Portal::staff_not_found},
    };
    return routes;
}

// ----------------------------------------------------------------------------------------
// [SECTION] Matching
// ----------------------------------------------------------------------------------------

BodyLimit body_limit_for(std::string_view method, std::string_view target) {
    if (method == "POST") {
        const std::string_view path = target.substr(0, target.find('?'));
        for (const char* upload : {"/api/campaigns/{campaign}/photos", "/raffle/{campaign}/photo"})
            if (path_matches(upload, path)) return {kPhotoBodyLimit, "photo"};
    }
    return {};
}

namespace {

// The next '/'-separated segment of `s` from `pos` (moved past it); false at the end.
bool next_segment(std::string_view s, std::size_t& pos, std::string_view& segment) {
    if (pos > s.size()) return false;
    const std::size_t slash = s.find('/', pos);
    const std::size_t end = slash == std::string_view::npos ? s.size() : slash;
    segment = s.substr(pos, end - pos);
    pos = end + 1;
    return true;
}

bool segment_matches(std::string_view pattern, std::string_view segment, RouteParams* params) {
    if (pattern.empty() || pattern.front() != '{') return pattern == segment;
    const std::size_t close = pattern.find('}');
    if (close == std::string_view::npos) return pattern == segment;
    const std::string_view name = pattern.substr(1, close - 1);
    const std::string_view suffix = pattern.substr(close + 1);
    if (segment.size() <= suffix.size() || segment.substr(segment.size() - suffix.size()) != suffix) return false;
    if (params) params->values.emplace_back(std::string(name), std::string(segment.substr(0, segment.size() - suffix.size())));
    return true;
}

}  // namespace

const std::string& RouteParams::operator[](std::string_view name) const {
    static const std::string none;
    for (const auto& [k, v] : values)
        if (k == name) return v;
    return none;
}

bool path_matches(std::string_view pattern, std::string_view path, RouteParams* params) {
    if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') return false;
    RouteParams found;
    std::size_t p = 1, q = 1;
    std::string_view want, have;
    while (next_segment(pattern, p, want)) {
        if (want.size() > 3 && want.front() == '{' && want.substr(want.size() - 2) == "*}") {
            if (q > path.size()) return false;  // "/staff/{rest*}" needs the slash after /staff
            found.values.emplace_back(std::string(want.substr(1, want.size() - 3)), std::string(path.substr(q)));
            if (params) *params = std::move(found);
            return true;
        }
        if (!next_segment(path, q, have) || !segment_matches(want, have, &found)) return false;
    }
    if (q <= path.size()) return false;  // the path goes on
    if (params) *params = std::move(found);
    return true;
}

RouteMatch match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path) {
    RouteMatch match;
    const unsigned wanted = method == "GET" || method == "HEAD" ? unsigned(GET) : method == "POST" ? unsigned(POST) : 0u;
    for (const Route& route : routes) {
        RouteParams params;
        if (!path_matches(route.pattern, path, &params)) continue;
        if (!match.cache) match.cache = route.cache;
        if (route.methods & wanted) {
            match.route = &route;
            match.params = std::move(params);
            match.cache = route.cache;
            return match;
        }
        match.allowed |= route.methods;
    }
    return match;
}

std::string allow_header(unsigned methods) {
    std::string out;
    if (methods & GET) out += "GET, HEAD";
    if (methods & POST) out += out.empty() ? "POST" : ", POST";
    return out;
}

std::string methods_text(unsigned methods) {
    std::string out;
    if (methods & GET) out += "GET";
    if (methods & POST) out += out.empty() ? "POST" : " POST";
    return out;
}

const char* to_string(Access access) {
    switch (access) {
        case Access::anyone: return "anyone";
        case Access::staff_sign_in: return "staff-sign-in";
        case Access::participant: return "participant";
        case Access::staff: return "staff";
        case Access::admin: return "admin";
    }
    return "?";
}

const char* to_string(Cache cache) {
    switch (cache) {
        case Cache::handler: return "handler";
        case Cache::revalidate: return "no-cache";
        case Cache::no_store: return "no-store";
    }
    return "?";
}

}  // namespace beitai::site
