// The home page: the committee, its members, the live figures leading to their sections, in
// one language per page; parts this server does not run are left out, not shown empty.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/home_page.h"
#include "render/notices.h"
#include "test_content.h"
#include "text/date.h"

using namespace beitai;
using text::Lang;

namespace {

long long at(const char* iso) {
    const auto t = text::parse_iso_datetime(iso);
    REQUIRE(t.has_value());
    return *t;
}

size_t count(const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
}

bool has_han(const std::string& s) {
    // U+3400–U+9FFF and the CJK punctuation block U+3000–U+303F, in UTF-8: lead bytes E3–E9.
    for (unsigned char c : s)
        if (c >= 0xE3 && c <= 0xE9) return true;
    return false;
}

size_t open_in(const tracker::Snapshot& s) {
    size_t n = 0;
    for (const auto& r : s.records) n += r.proposal.status == content::Status::open;
    return n;
}

}  // namespace

TEST_CASE("the home page says what the committee is, lists its members and counts the open proposals") {
    const auto& snapshot = testing::repository_snapshot();
    render::HomeData data;
    data.counties = &snapshot.counties;
    data.proposals = &snapshot;
    data.now = at("2026-11-20T02:00:00Z");

    const std::string zh = render::home_main_html(data, Lang::zh_TW);
    CHECK(zh.find("<h1 id=\"home-heading\">北臺區域發展推動委員會</h1>") != std::string::npos);
    CHECK(count(zh, "<li data-county=") == 8);
    CHECK(zh.find("href=\"/proposals?county=MiaoliCounty\">苗栗縣</a>") != std::string::npos);
    const std::string open = std::to_string(open_in(snapshot));
    CHECK(zh.find("data-figure=\"proposals\" data-state=\"shown\" data-value=\"" + open + "\"><a href=\"/proposals?status=open\">") !=
          std::string::npos);
    CHECK(zh.find(">" + open + " 件列管中</strong>") != std::string::npos);
    CHECK(zh.find("共 " + std::to_string(snapshot.records.size()) + " 件提案") != std::string::npos);
    // A server without live parking or the raffle shows neither figure nor section.
    CHECK(zh.find("data-figure=\"parking\"") == std::string::npos);
    CHECK(zh.find("data-figure=\"campaign\"") == std::string::npos);
    CHECK(zh.find("href=\"/raffle\"") == std::string::npos);
    for (const char* section : {"href=\"/proposals\"", "href=\"/map\"", "href=\"/kiosk\"", "href=\"/staff\"",
                                "href=\"/proposals.atom\""})
        CHECK(zh.find(section) != std::string::npos);

    const std::string en = render::home_main_html(data, Lang::en);
    CHECK(en.find(">" + open + " open</strong>") != std::string::npos);
    CHECK(en.find(">Hsinchu City</a>") != std::string::npos);
    CHECK_FALSE(has_han(en));
}

TEST_CASE("the home page's campaign and parking figures lead to the campaign and to the parking map") {
    const auto& snapshot = testing::repository_snapshot();
    content::Campaign running;
    running.id = "2026 <demo>";
    running.name_zh = "<script>綠色旅遊</script>";
    running.name_en = "Green & tourism";
    running.start = {2026, 11, 1};
    running.end = {2026, 11, 30};
    const std::vector<content::Campaign> campaigns = {running};
    const parking::ParkingSnapshot parking;
    render::HomeData data;
    data.counties = &snapshot.counties;
    data.proposals = &snapshot;
    data.parking = &parking;
    data.campaigns = &campaigns;
    data.now = at("2026-11-20T02:00:00Z");

    const std::string zh = render::home_main_html(data, Lang::zh_TW);
    CHECK(zh.find("data-figure=\"campaign\" data-state=\"shown\" data-value=\"11\"><a href=\"/raffle/2026%20%3Cdemo%3E\">") !=
          std::string::npos);
    CHECK(zh.find("剩 11 天") != std::string::npos);
    CHECK(zh.find("<script>") == std::string::npos);
    CHECK(zh.find("&lt;script&gt;綠色旅遊&lt;/script&gt;") != std::string::npos);
    CHECK(zh.find("data-figure=\"parking\" data-state=\"shown\" data-value=\"0\"><a href=\"/map?layers=parking\">") !=
          std::string::npos);
    CHECK(zh.find("href=\"/raffle\"") != std::string::npos);
    CHECK(zh.find("示範資料") == std::string::npos);

    // Over: nothing to feature, and the figure leads to the list of campaigns.
    data.now = at("2026-12-20T02:00:00Z");
    const std::string en = render::home_main_html(data, Lang::en);
    CHECK(en.find("data-figure=\"campaign\" data-state=\"none\"><a href=\"/raffle\">") != std::string::npos);
    CHECK(en.find("No campaign running now") != std::string::npos);
    CHECK_FALSE(has_han(en));

    // Sample data says so.
    std::vector<content::Campaign> sample = campaigns;
    sample.front().sample = true;
    data.campaigns = &sample;
    data.now = at("2026-11-20T02:00:00Z");
    CHECK(render::home_main_html(data, Lang::zh_TW).find("示範資料") != std::string::npos);
}

TEST_CASE("the page for an address with no page names the address and offers the sections, escaped") {
    const std::string zh = render::not_found_main_html("/nope/<b>", Lang::zh_TW);
    CHECK(zh.find("<h1>找不到這個網頁</h1>") != std::string::npos);
    CHECK(zh.find("<code>/nope/&lt;b&gt;</code>") != std::string::npos);
    CHECK(zh.find("<a href=\"/proposals\">合作提案</a>") != std::string::npos);
    const std::string en = render::not_found_main_html("/x", Lang::en);
    CHECK(en.find("<h1>Page not found</h1>") != std::string::npos);
    CHECK_FALSE(has_han(en));
}
