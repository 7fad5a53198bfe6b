// The route table and its matcher: patterns, parameters, 404 against 405 with its Allow
// header, and the access and cache columns the server's checks are derived from.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "routes/portal.h"
#include "routes/route_table.h"

using namespace beitai::site;

namespace {

// A path that fits `pattern`, with "x1" for every parameter.
std::string sample_path(const std::string& pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        i = pattern.find('}', i);
        out += "x1";
    }
    return out;
}

bool is_staff_area(const std::string& pattern) {
    return pattern == "/staff" || pattern.rfind("/staff/", 0) == 0 || pattern.rfind("/api/staff/", 0) == 0;
}

}  // namespace

TEST_CASE("path patterns") {
    SUBCASE("literals match whole segments only") {
        CHECK(path_matches("/", "/"));
        CHECK(path_matches("/proposals", "/proposals"));
        CHECK_FALSE(path_matches("/proposals", "/proposals/"));
        CHECK_FALSE(path_matches("/proposals", "/proposalsx"));
        CHECK_FALSE(path_matches("/proposals", "/"));
        CHECK_FALSE(path_matches("/", "/proposals"));
        CHECK(path_matches("/proposals.csv", "/proposals.csv"));
        CHECK_FALSE(path_matches("/proposals.csv", "/proposals.tsv"));
    }
    SUBCASE("a parameter takes one whole, non-empty segment") {
        RouteParams params;
        REQUIRE(path_matches("/proposals/{id}", "/proposals/112-03", &params));
        CHECK(params["id"] == "112-03");
        CHECK(params["other"] == "");
        CHECK_FALSE(path_matches("/proposals/{id}", "/proposals/"));
        CHECK_FALSE(path_matches("/proposals/{id}", "/proposals/112-03/x"));
        REQUIRE(path_matches("/staff/proposals/{id}/close", "/staff/proposals/111-01/close", &params));
        CHECK(params["id"] == "111-01");
        CHECK_FALSE(path_matches("/staff/proposals/{id}/close", "/staff/proposals/111-01/reopen"));
    }
    SUBCASE("a parameter with a literal suffix") {
        RouteParams params;
        REQUIRE(path_matches("/proposals/{id}.atom", "/proposals/112-03.atom", &params));
        CHECK(params["id"] == "112-03");
        CHECK_FALSE(path_matches("/proposals/{id}.atom", "/proposals/.atom"));
        CHECK_FALSE(path_matches("/proposals/{id}.atom", "/proposals/112-03"));
    }
    SUBCASE("the rest of the path, possibly empty, after the slash") {
        RouteParams params;
        REQUIRE(path_matches("/static/{path*}", "/static/js/map.js", &params));
        CHECK(params["path"] == "js/map.js");
        REQUIRE(path_matches("/staff/{rest*}", "/staff/", &params));
        CHECK(params["rest"] == "");
        CHECK_FALSE(path_matches("/staff/{rest*}", "/staff"));
        CHECK_FALSE(path_matches("/staff/{rest*}", "/staffing/x"));
    }
    SUBCASE("paths must be absolute") {
        CHECK_FALSE(path_matches("/proposals", "proposals"));
        CHECK_FALSE(path_matches("/proposals", ""));
    }
}

TEST_CASE("matching requests against the portal's table") {
    const auto& table = route_table();

    SUBCASE("a page with its parameter") {
        auto m = match_route(table, "GET", "/proposals/112-03");
        REQUIRE(m.route != nullptr);
        CHECK(std::string(m.route->pattern) == "/proposals/{id}");
        CHECK(m.params["id"] == "112-03");
        CHECK(m.route->access == Access::anyone);
        CHECK(m.cache == Cache::revalidate);
    }
    SUBCASE("a proposal's Atom feed comes before the proposal page") {
        auto m = match_route(table, "GET", "/proposals/112-03.atom");
        REQUIRE(m.route != nullptr);
        CHECK(std::string(m.route->pattern) == "/proposals/{id}.atom");
        CHECK(m.params["id"] == "112-03");
    }
    SUBCASE("HEAD is answered as GET") {
        auto m = match_route(table, "HEAD", "/api/proposals");
        REQUIRE(m.route != nullptr);
        CHECK(std::string(m.route->pattern) == "/api/proposals");
    }
    SUBCASE("a known address with another method: 405 with what it takes") {
        auto m = match_route(table, "POST", "/api/proposals");
        CHECK(m.route == nullptr);
        CHECK(m.allowed == GET);
        CHECK(allow_header(m.allowed) == "GET, HEAD");
        auto put = match_route(table, "PUT", "/proposals/112-03");
        CHECK(put.route == nullptr);
        CHECK(allow_header(put.allowed) == "GET, HEAD");
    }
    SUBCASE("an address nobody answers: 404, not 405") {
        for (const char* path : {"/nope", "/api/nope", "/proposals/", "/api/proposals/a/b", "/proposals.xml", ""}) {
            CAPTURE(path);
            auto m = match_route(table, "POST", path);
            CHECK(m.route == nullptr);
            CHECK(m.allowed == 0);
            CHECK_FALSE(m.cache.has_value());
        }
    }
    SUBCASE("staff routes: a write, the sign-in, and what is not listed") {
        auto close = match_route(table, "POST", "/api/staff/proposals/112-03/close");
        REQUIRE(close.route != nullptr);
        CHECK(close.route->access == Access::staff);
        CHECK(close.params["id"] == "112-03");

        auto sign_in = match_route(table, "POST", "/staff/sign-in");
        REQUIRE(sign_in.route != nullptr);
        CHECK(sign_in.route->access == Access::staff_sign_in);

        // Not listed: still behind the session check, then a 404.
        for (const char* path : {"/staff/sign-in", "/staff/nothing", "/api/staff/proposals/112-03/delete", "/staff/"}) {
            CAPTURE(path);
            auto m = match_route(table, "GET", path);
            REQUIRE(m.route != nullptr);
            CHECK(m.route->access == Access::staff);
            CHECK(std::string(m.route->pattern).find("{rest*}") != std::string::npos);
        }
        auto put = match_route(table, "PUT", "/staff/new");
        CHECK(put.route == nullptr);
        CHECK(allow_header(put.allowed) == "GET, HEAD, POST");
        CHECK(put.cache == Cache::no_store);
    }
    SUBCASE("admin routes") {
        for (auto [method, path] : {std::pair{"GET", "/staff/audit"}, std::pair{"GET", "/api/staff/audit"},
                                    std::pair{"GET", "/staff/accounts"}, std::pair{"POST", "/staff/accounts"},
                                    std::pair{"POST", "/api/staff/accounts"}}) {
            CAPTURE(path);
            auto m = match_route(table, method, path);
            REQUIRE(m.route != nullptr);
            CHECK(m.route->access == Access::admin);
        }
    }
}

TEST_CASE("the table's columns") {
    const auto& table = route_table();
    for (const Route& route : table) {
        const std::string pattern = route.pattern;
        CAPTURE(pattern);
        CHECK(route.handler != nullptr);
        CHECK(route.methods != 0);
        CHECK((route.methods & ~(GET | POST)) == 0u);
        // Everything under /staff and /api/staff needs staff access (or is the sign-in form),
        // answers are never stored, and nothing else is behind a session.
        if (is_staff_area(pattern)) {
            CHECK(route.access != Access::anyone);
            CHECK(route.access != Access::participant);
            CHECK(route.cache == Cache::no_store);
        } else {
            CHECK((route.access == Access::anyone || route.access == Access::participant));
        }
        // The public site takes no writes but a raffle participant's own, which are POSTs
        // under /raffle or /api/campaigns and never stored by a cache.
        if (route.methods & POST) CHECK(route.access != Access::anyone);
        if (route.access == Access::staff_sign_in) CHECK(route.methods == POST);
        if (route.access == Access::participant) {
            CHECK(route.methods == POST);
            CHECK(route.cache == Cache::no_store);
            CHECK((pattern.rfind("/raffle/", 0) == 0 || pattern.rfind("/api/campaigns/", 0) == 0));
        }
    }
}

TEST_CASE("every route is reachable: none is hidden behind an earlier one") {
    const auto& table = route_table();
    for (const Route& route : table) {
        const std::string path = sample_path(route.pattern);
        for (unsigned method : {unsigned(GET), unsigned(POST)}) {
            if (!(route.methods & method)) continue;
            CAPTURE(route.pattern);
            CAPTURE(method);
            auto m = match_route(table, method == GET ? "GET" : "POST", path);
            REQUIRE(m.route != nullptr);
            // A catch-all is reachable through addresses nothing else takes.
            if (std::string(route.pattern).find("*}") != std::string::npos && m.route != &route) continue;
            CHECK(m.route == &route);
        }
    }
}

TEST_CASE("no two routes take the same pattern and method") {
    std::set<std::pair<std::string, unsigned>> seen;
    for (const Route& route : route_table())
        for (unsigned method : {unsigned(GET), unsigned(POST)})
            if (route.methods & method) {
                CAPTURE(route.pattern);
                CHECK(seen.emplace(route.pattern, method).second);
            }
}
