// The portal's dispatch without a server: requests handed to Portal::handle over a store
// that cannot be reached and a clock that stands still. What the route table promises —
// 404 against 405 with Allow, the staff checks before any handler, the cache column — and
// that the time comes from the clock the portal was given, read as Taiwan's date.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "fake_store.h"
#include "routes/portal.h"

using namespace beitai;
using namespace beitai::site;
using beitai::site::testing::FakeStore;

namespace {

// 2024-06-11T16:30:00Z: already 2024-06-12 in Taipei (00:30 +08:00).
constexpr UnixTime kJustAfterMidnightInTaipei = 1718123400;

struct Fixture {
    FakeStore store;
    ManualClock clock{kJustAfterMidnightInTaipei};
    Portal portal{store, clock, tracker::Snapshot{}, StaticFiles{}, PortalConfig{"http://portal.test"},
                  std::make_unique<MapState>()};

    Response get(const std::string& path, const std::string& method = "GET") {
        Request r;
        r.method = method;
        r.path = path;
        r.remote_address = "127.0.0.1";
        return portal.handle(r);
    }
};

std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

}  // namespace

TEST_CASE("404 for an address nobody answers, 405 with Allow for a method a known one does not take") {
    Fixture f;
    auto missing = f.get("/nothing-here", "POST");
    CHECK(missing.status == 404);
    CHECK(header(missing, "Allow") == "");

    auto post = f.get("/api/proposals", "POST");
    CHECK(post.status == 405);
    CHECK(header(post, "Allow") == "GET, HEAD");
    CHECK(post.body.find("not allowed") != std::string::npos);

    auto put = f.get("/staff/new", "PUT");
    CHECK(put.status == 405);
    CHECK(header(put, "Allow") == "GET, HEAD, POST");
    CHECK(header(put, "Cache-Control") == "no-store");
}

TEST_CASE("staff routes: the checks of the access column come before the handler") {
    Fixture f;
    SUBCASE("no session: 401 for the API, a redirect for pages, the sign-in form at /staff") {
        CHECK(f.get("/api/staff/session").status == 401);
        CHECK(f.get("/api/staff/audit").status == 401);
        auto page = f.get("/staff/audit");
        CHECK(page.status == 303);
        // The sign-in form, which brings the editor back here after signing in.
        CHECK(header(page, "Location") == "/staff?return=/staff/audit");
        auto home = f.get("/staff");
        CHECK(home.status == 200);
        CHECK(home.content_type.rfind("text/html", 0) == 0);
        CHECK(header(home, "Cache-Control") == "no-store");
        // An address the table does not list is no different without a session.
        CHECK(f.get("/api/staff/anything").status == 401);
        CHECK(f.get("/staff/anything").status == 303);
    }
    SUBCASE("a cross-site POST is refused before anything else, the sign-in included") {
        for (const char* path : {"/api/staff/sign-in", "/api/staff/proposals", "/staff/anything"}) {
            CAPTURE(path);
            Request r;
            r.method = "POST";
            r.path = path;
            r.headers.emplace_back("sec-fetch-site", "cross-site");
            r.headers.emplace_back("content-type", "application/json");
            r.body = R"({"name":"x","password":"y"})";
            auto answer = f.portal.handle(r);
            CHECK(answer.status == 403);
            CHECK(answer.body.find("cross-site") != std::string::npos);
        }
    }
}

TEST_CASE("the cache column: pages revalidate, the API is left as answered") {
    Fixture f;
    auto page = f.get("/proposals/999-99");
    CHECK(page.status == 404);
    CHECK(header(page, "Cache-Control") == "no-cache");
    auto api = f.get("/api/proposals/999-99");
    CHECK(api.status == 404);
    CHECK(header(api, "Cache-Control") == "");
}

TEST_CASE("the time comes from the portal's clock, and the date is Taiwan's") {
    Fixture f;
    auto feed = f.get("/proposals.atom");
    REQUIRE(feed.status == 200);
    CHECK(feed.body.find("2024-06-12") != std::string::npos);
    CHECK(feed.body.find("2024-06-11") == std::string::npos);

    f.clock.advance(24 * 60 * 60);
    auto next_day = f.get("/proposals.atom");
    CHECK(next_day.body.find("2024-06-13") != std::string::npos);
}

TEST_CASE("every answer goes through the representation step: public ones tagged, private ones not") {
    Fixture f;
    auto api = f.get("/api/counties");
    REQUIRE(api.status == 200);
    const std::string tag = header(api, "ETag");
    CHECK(tag.size() == 34);
    CHECK(header(api, "Cache-Control") == "no-cache");

    Request again;
    again.method = "GET";
    again.path = "/api/counties";
    again.headers.emplace_back("if-none-match", tag);
    auto not_modified = f.portal.handle(again);
    CHECK(not_modified.status == 304);
    CHECK(not_modified.body.empty());

    Request staff;
    staff.method = "GET";
    staff.path = "/staff";
    staff.headers.emplace_back("if-none-match", "*");
    staff.headers.emplace_back("accept-encoding", "gzip");
    auto sign_in = f.portal.handle(staff);
    CHECK(sign_in.status == 200);
    CHECK(header(sign_in, "ETag") == "");
    CHECK(header(sign_in, "Content-Encoding") == "");
    CHECK(header(sign_in, "Cache-Control") == "no-store");
}
