// The planner's fields: coordinates, the eight counties by any of their names, the sites by
// name or part of one; errors in the page's language that name the field and, when a name
// fits several places, list them.
#include <doctest/doctest.h>

#include "map_fixture.h"
#include "render/map_place.h"

using namespace beitai;

namespace {
Result<render::Place> resolve(const map_fixture::Fixture& f, const std::string& text, text::Lang lang = text::Lang::zh_TW) {
    return render::resolve_place(text, lang == text::Lang::en ? "From" : "起點", &f.sites, &f.counties, lang);
}
}  // namespace

TEST_CASE("coordinates, with a comma, a full-width comma or a space") {
    map_fixture::Fixture f;
    for (const char* typed : {"25.03,121.56", " 25.03 , 121.56 ", "25.03，121.56", "25.03 121.56"}) {
        CAPTURE(typed);
        auto p = resolve(f, typed);
        REQUIRE(p);
        CHECK(p->at.lat == doctest::Approx(25.03));
        CHECK(p->at.lon == doctest::Approx(121.56));
    }
    CHECK(resolve(f, "91,121").error() == "起點：座標超出範圍。");
    CHECK(resolve(f, "22.6,120.3").error() == "起點：22.6,120.3 不在北臺八縣市範圍內。");
    CHECK(resolve(f, "22.6,120.3", text::Lang::en).error() == "From: 22.6,120.3 is outside northern Taiwan.");
}

TEST_CASE("a county by its Chinese name (臺 or 台), English name or id: its seat") {
    map_fixture::Fixture f;
    const auto* taipei = content::find_county(f.counties, "Taipei");
    REQUIRE(taipei);
    for (const char* typed : {"臺北市", "台北市", "Taipei City", "taipei city", "Taipei", "  TAIPEI  "}) {
        CAPTURE(typed);
        auto p = resolve(f, typed);
        REQUIRE(p);
        CHECK(p->at.lat == taipei->seat.lat);
        CHECK(p->at.lon == taipei->seat.lon);
    }
    CHECK(resolve(f, "Taipei City", text::Lang::en)->name == "Taipei City");
    CHECK(resolve(f, "新竹縣")->name == "新竹縣");  // not 新竹市: an exact name wins
}

TEST_CASE("a site by its name or a part of it") {
    map_fixture::Fixture f;
    auto whole = resolve(f, "羅東自然教育中心");
    REQUIRE(whole);
    CHECK(whole->at.lat == 24.68);
    auto part = resolve(f, "羅東");
    REQUIRE(part);
    CHECK(part->name == "羅東自然教育中心");
}

TEST_CASE("a name that fits several places lists them; an unknown one says what to type") {
    map_fixture::Fixture f;
    // 新竹 is in 新竹縣 and 新竹市; 自然 in both sites.
    auto two = resolve(f, "新竹");
    REQUIRE_FALSE(two);
    CHECK(two.error() == "起點：「新竹」符合 2 個地點：新竹縣、新竹市。請輸入完整名稱。");
    auto en = resolve(f, "Hsinchu", text::Lang::en);
    REQUIRE(en);  // "Hsinchu" is the city's id: exact
    auto sites = resolve(f, "自然", text::Lang::en);
    REQUIRE_FALSE(sites);
    CHECK(sites.error().find("fits 2 places: 關渡<自然>公園; 羅東自然教育中心") != std::string::npos);
    CHECK(resolve(f, "火星").error() == "起點：找不到「火星」。請輸入縣市名稱、場所名稱或座標（緯度,經度）。");
    CHECK(resolve(f, "").error() == "起點：請輸入縣市名稱、場所名稱或座標（緯度,經度）。");
    CHECK(resolve(f, "   ", text::Lang::en).error() == "From: type a county, a site's name or coordinates (lat,lon).");
}

TEST_CASE("hostile input: long, markup, broken numbers, no lists") {
    map_fixture::Fixture f;
    const std::string huge(100000, 'x');
    auto long_one = resolve(f, huge);
    REQUIRE_FALSE(long_one);
    CHECK(long_one.error().size() < 300);
    CHECK_FALSE(resolve(f, "<script>"));
    CHECK_FALSE(resolve(f, "25.0,121.5,3"));
    CHECK_FALSE(resolve(f, "nan,nan"));
    CHECK_FALSE(resolve(f, ","));
    auto none = render::resolve_place("臺北市", "起點", nullptr, nullptr, text::Lang::zh_TW);
    CHECK_FALSE(none);
    CHECK(render::resolve_place("25.03,121.56", "起點", nullptr, nullptr, text::Lang::zh_TW));
}

TEST_CASE("the names suggested are the counties in the page's language, then the sites") {
    map_fixture::Fixture f;
    const auto names = render::place_names(&f.sites, &f.counties, text::Lang::en);
    REQUIRE(names.size() == f.counties.size() + f.sites.sites.size());
    CHECK(names.front() == f.counties.front().name_en);
    CHECK(names.back() == "羅東自然教育中心");
}
