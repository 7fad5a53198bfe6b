// render/signboard: a site's printable sheet for a check-in campaign — the link its QR code
// holds, and a sheet that carries everything a visitor needs without the QR code: the code
// typed out, the site, its county, the campaign and its dates.
#include <doctest/doctest.h>

#include <string>

#include "../raffle/fixture.h"
#include "render/signboard.h"

using namespace beitai;

namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

struct Sheet {
    content::Campaign campaign = raffle::fixture::campaign();
    content::Site site = raffle::fixture::sites()[0];  // site-tp, in Taipei
    content::County county = raffle::fixture::counties()[2];
    render::SignboardSheet sheet() const {
        render::SignboardSheet s;
        s.campaign = &campaign;
        s.site = &site;
        s.county = &county;
        s.code = "1-K7QM3X9D2H4T8RWA";
        s.url = render::checkin_url("https://portal.example", campaign.id, site.id, s.code);
        s.qr.size = 3;
        s.qr.dark = {true, true, false, false, false, false, false, true, true};
        return s;
    }
};

}  // namespace

TEST_CASE("checkin_url: public_url/raffle/{campaign}?site=…&code=…") {
    CHECK(render::checkin_url("https://portal.example", "2026-demo", "site-tp", "1-K7QM3X9D2H4T8RWA") ==
          "https://portal.example/raffle/2026-demo?site=site-tp&code=1-K7QM3X9D2H4T8RWA");
}

TEST_CASE("checkin_url percent-encodes every part that could break the link") {
    CHECK(render::checkin_url("https://portal.example", "a b/c", "site&x=1", "1-K7?#") ==
          "https://portal.example/raffle/a%20b%2Fc?site=site%26x%3D1&code=1-K7%3F%23");
    CHECK(render::checkin_url("http://127.0.0.1:8080", "示範", "s", "c") ==
          "http://127.0.0.1:8080/raffle/%E7%A4%BA%E7%AF%84?site=s&code=c");
}

TEST_CASE("the signboard holds the code, the site, its county, the campaign, its dates and the QR path") {
    const Sheet f;
    const auto s = f.sheet();
    const std::string svg = render::signboard_svg(s);
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"297mm\"", 0) == 0);
    CHECK(has(svg, ">1-K7QM3X9D2H4T8RWA</text>"));
    CHECK(has(svg, ">示範場所 site-tp</text>"));
    CHECK(has(svg, ">示範Taipei · Taipei</text>"));
    CHECK(has(svg, ">示範打卡</text>"));
    CHECK(has(svg, ">Sample check-in</text>"));
    CHECK(has(svg, "活動期間 2026-10-01 – 2026-12-15 · 3 縣市即可參加抽獎"));
    CHECK(has(svg, "between 2026-10-01 and 2026-12-15"));
    CHECK(has(svg, "d=\"" + render::qr_path_data(s.qr) + "\""));
    CHECK(has(svg, "viewBox=\"0 0 11 11\""));  // the code's 3 modules and the quiet zone
    CHECK(has(svg, "<title>示範打卡 · 示範場所 site-tp</title>"));
}

TEST_CASE("the signboard says 示範資料 for a sample campaign only") {
    Sheet f;
    CHECK(has(render::signboard_svg(f.sheet()), "示範資料 · Sample data"));
    f.campaign.sample = false;
    CHECK_FALSE(has(render::signboard_svg(f.sheet()), "示範資料"));
}

TEST_CASE("a signboard without a county leaves the county line out") {
    Sheet f;
    auto s = f.sheet();
    s.county = nullptr;
    CHECK_FALSE(has(render::signboard_svg(s), "示範Taipei"));
}

TEST_CASE("a hostile site name or code is escaped on the signboard") {
    Sheet f;
    f.site.name = "<script>alert(1)</script> & \"x\"";
    f.campaign.name_en = "</text><script>";
    auto s = f.sheet();
    s.code = "1-<b>";
    const std::string svg = render::signboard_svg(s);
    CHECK_FALSE(has(svg, "<script>"));
    CHECK_FALSE(has(svg, "<b>"));
    CHECK(has(svg, ">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</text>"));
    CHECK(has(svg, "<title>示範打卡 · &lt;script&gt;"));
    CHECK(has(svg, ">1-&lt;b&gt;</text>"));
}
