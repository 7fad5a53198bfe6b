// The kiosk's Home tiles and their live figures: open proposals, car parks with space near
// the lobby (fresh data only, with its age), days left in the running campaign — and a
// missing figure, never a false zero, when the data is not there yet or too old.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parking/live.h"
#include "render/live_figures.h"
#include "render/kiosk_lists.h"
#include "test_content.h"
#include "text/date.h"

using namespace beitai;
using render::FigureState;
using render::KioskScreen;
using render::LiveFigure;

namespace {

const geo::LatLon kLobby = {25.0375, 121.5637};  // Taipei City Hall

long long at(const char* iso) {
    const auto t = text::parse_iso_datetime(iso);
    REQUIRE(t.has_value());
    return *t;
}

// A point `metres` north of the lobby.
geo::LatLon north_of_lobby(double metres) { return {kLobby.lat + metres / 111'195.0, kLobby.lon}; }

parking::CarPark park(const std::string& id, geo::LatLon where) {
    parking::CarPark c;
    c.county = "Taipei";
    c.id = id;
    c.name_zh = "示範" + id;
    c.position = where;
    c.live_data = true;
    return c;
}

// Car parks near the lobby, as a county feed sends them at `now`:
//   A 300 m, plenty, 60 s old   B 600 m, few, 120 s old   C 800 m, full, 90 s old
//   D 900 m, plenty but 1000 s old (stale: the limit is 300 s)   E 1500 m, plenty: too far
parking::ParkingSnapshot parking_near_lobby(long long now, bool sample = false) {
    parking::CountyParking taipei;
    taipei.status.county = "Taipei";
    taipei.status.sample = sample;
    taipei.status.stale_after_s = 300;
    taipei.status.last_success_at = now - 30;
    struct Row {
        const char* id;
        double metres;
        int available, total;
        long long age_s;
    } rows[] = {{"A", 300, 40, 100, 60}, {"B", 600, 5, 100, 120}, {"C", 800, 0, 50, 90},
                {"D", 900, 60, 100, 1000}, {"E", 1500, 80, 100, 10}};
    parking::AvailabilityList list;
    for (const auto& r : rows) {
        taipei.car_parks.car_parks.push_back(park(r.id, north_of_lobby(r.metres)));
        auto a = testing::live(r.available, r.total);
        a.car_park_id = r.id;
        a.collected_at = now - r.age_s;
        list.items.push_back(a);
    }
    taipei.availability = list;
    return parking::ParkingSnapshot({taipei});
}

content::Campaign campaign(const std::string& id, text::Date start, text::Date end) {
    content::Campaign c;
    c.id = id;
    c.name_zh = "北臺綠色旅遊 " + id;
    c.name_en = "Green tourism " + id;
    c.start = start;
    c.end = end;
    return c;
}

tracker::Snapshot three_proposals() {
    tracker::Snapshot s;
    for (auto [id, status] : {std::pair{"112-01", content::Status::open}, std::pair{"112-02", content::Status::closed},
                              std::pair{"112-03", content::Status::open}}) {
        content::Proposal p;
        p.id = id;
        p.year = 112;
        p.status = status;
        s.records.push_back(tracker::record_from_content(p));
    }
    return s;
}

}  // namespace

TEST_CASE("kiosk home: open proposals, by the /proposals query") {
    const auto snapshot = three_proposals();
    const LiveFigure tile = render::proposals_figure(&snapshot);
    CHECK(tile.screen == KioskScreen::proposals);
    CHECK(tile.state == FigureState::shown);
    CHECK(tile.value == 2);
    CHECK(tile.figure_zh == "2 件列管中");
    CHECK(tile.figure_en == "2 open");
    CHECK(tile.line_zh == "共 3 件提案");
    CHECK(tile.line_en == "3 proposals in all");
    CHECK(tile.title_zh == "合作提案");
    CHECK(tile.title(text::Lang::en) == "Cooperation proposals");
    CHECK(tile.figure(text::Lang::zh_TW) == tile.figure_zh);
    CHECK_FALSE(tile.missing());

    // The repository's tracker: the figure is its open items, counted here independently.
    const auto& repo = testing::repository_snapshot();
    long long open = 0;
    for (const auto& r : repo.records) open += r.proposal.status == content::Status::open;
    REQUIRE(open > 0);
    REQUIRE(open < static_cast<long long>(repo.records.size()));
    CHECK(render::proposals_figure(&repo).value == open);

    const LiveFigure loading = render::proposals_figure(nullptr);
    CHECK(loading.state == FigureState::not_loaded);
    CHECK(loading.missing());
    CHECK_FALSE(loading.value.has_value());
    CHECK(loading.figure_zh == "—");
    CHECK(loading.line_zh == "資料載入中");
}

TEST_CASE("kiosk home: car parks with space within 1 km, fresh ones only, with the data's age") {
    const long long now = at("2026-11-20T10:00:00+08:00");
    const auto snapshot = parking_near_lobby(now);
    const LiveFigure tile = render::parking_figure(&snapshot, kLobby, now);
    CHECK(tile.screen == KioskScreen::parking);
    CHECK(tile.state == FigureState::shown);
    // A and B: C is full, D's data is stale, E is 1.5 km away.
    CHECK(tile.value == 2);
    CHECK(tile.figure_zh == "2 處有空位");
    CHECK(tile.figure_en == "2 with space");
    // The oldest fresh data near the lobby: B's, 120 s.
    CHECK(tile.data_age_s == 120);
    CHECK(tile.line_zh == "1 公里內，資料 2 分鐘前");
    CHECK(tile.line_en == "Within 1 km, data 2 min ago");
    CHECK_FALSE(tile.sample);
    CHECK(render::parking_figure(&snapshot, kLobby, now).title_en == "Parking nearby");

    // Measured from the lobby given: 1.2 km north, E is near (300 m) and A far enough (900 m) still.
    CHECK(render::parking_figure(&snapshot, north_of_lobby(1200), now).value == 3);  // A, B, E

    // Everything near the lobby stale: no number, the age of the best we hold.
    const long long later = now + 2000;
    const LiveFigure stale = render::parking_figure(&snapshot, kLobby, later);
    CHECK(stale.state == FigureState::stale);
    CHECK(stale.missing());
    CHECK_FALSE(stale.value.has_value());
    CHECK(stale.figure_zh == "—");
    CHECK(stale.data_age_s == 2060);  // A's, the youngest
    CHECK(stale.line_zh == "1 公里內資料逾時（34 分鐘前）");
    CHECK(stale.line_en == "Out of date within 1 km (34 min ago)");

    // No car park within 1 km at all: an honest zero.
    const LiveFigure far = render::parking_figure(&snapshot, geo::LatLon{24.8066, 120.9686}, now);
    CHECK(far.state == FigureState::shown);
    CHECK(far.value == 0);
    CHECK(far.figure_en == "0 with space");
    CHECK(far.line_zh == "1 公里內沒有停車場");
    CHECK_FALSE(far.data_age_s.has_value());

    // Not loaded yet.
    const LiveFigure loading = render::parking_figure(nullptr, kLobby, now);
    CHECK(loading.state == FigureState::not_loaded);
    CHECK(loading.figure_en == "—");
    CHECK(loading.line_en == "Loading data");

    // Sample feeds say so.
    const auto sample = parking_near_lobby(now, true);
    CHECK(render::parking_figure(&sample, kLobby, now).sample);
}

TEST_CASE("kiosk home: car parks never fetched are loading, not stale and not zero") {
    parking::CountyParking taipei;
    taipei.status.county = "Taipei";  // no fetch has worked yet: no time to age from
    taipei.car_parks.car_parks = {park("A", north_of_lobby(200))};
    const parking::ParkingSnapshot snapshot({taipei});
    const LiveFigure tile = render::parking_figure(&snapshot, kLobby, at("2026-11-20T10:00:00+08:00"));
    CHECK(tile.state == FigureState::not_loaded);
    CHECK_FALSE(tile.value.has_value());
}

TEST_CASE("kiosk home: days left in the running campaign, or days until the next") {
    const std::vector<content::Campaign> campaigns = {campaign("2026-demo", {2026, 11, 1}, {2027, 1, 31})};
    auto tile_at = [&](const char* iso) { return render::campaign_figure(&campaigns, at(iso)); };

    const LiveFigure running = tile_at("2027-01-20T09:00:00+08:00");
    CHECK(running.screen == KioskScreen::campaign);
    CHECK(running.state == FigureState::shown);
    CHECK(running.value == 12);  // the 20th to the 31st, both counted
    CHECK(running.figure_zh == "剩 12 天");
    CHECK(running.figure_en == "12 days left");
    CHECK(running.line_zh == "北臺綠色旅遊 2026-demo");
    CHECK(running.line_en == "Green tourism 2026-demo");

    // Taiwan's days, not UTC's: 23:59 on the last day is still the last day, midnight is not.
    CHECK(tile_at("2027-01-30T23:59:59+08:00").figure_en == "2 days left");
    const LiveFigure last = tile_at("2027-01-31T23:59:59+08:00");
    CHECK(last.value == 1);
    CHECK(last.figure_zh == "今天截止");
    CHECK(last.figure_en == "Last day today");
    const LiveFigure ended = tile_at("2027-02-01T00:00:00+08:00");
    CHECK(ended.state == FigureState::none);
    CHECK_FALSE(ended.missing());
    CHECK(ended.figure_zh.empty());
    CHECK(ended.line_zh == "目前沒有進行中的活動");
    CHECK(ended.line_en == "No campaign running now");
    CHECK(tile_at("2026-11-01T00:00:00+08:00").figure_en == "92 days left");  // first day: Nov 30 + Dec 31 + Jan 31

    const LiveFigure upcoming = tile_at("2026-10-27T12:00:00+08:00");
    CHECK(upcoming.state == FigureState::shown);
    CHECK(upcoming.value == 5);
    CHECK(upcoming.figure_zh == "5 天後開始");
    CHECK(upcoming.figure_en == "Starts in 5 days");
    CHECK(tile_at("2026-10-31T20:00:00+08:00").figure_en == "Starts tomorrow");
    CHECK(tile_at("2026-10-31T20:00:00+08:00").figure_zh == "明天開始");

    const LiveFigure loading = render::campaign_figure(nullptr, 0);
    CHECK(loading.state == FigureState::not_loaded);
    CHECK(loading.figure_zh == "—");
}

TEST_CASE("kiosk home: which campaign — running before upcoming, the one ending first, never history") {
    auto history = campaign("112", {2023, 6, 5}, {2027, 11, 30});
    history.external = true;  // run on a cloud form: nothing to check in to here
    auto later = campaign("late", {2026, 12, 1}, {2027, 3, 31});
    auto sooner = campaign("soon", {2026, 11, 1}, {2027, 1, 31});
    sooner.sample = true;
    auto next = campaign("next", {2027, 2, 1}, {2027, 5, 31});
    const std::vector<content::Campaign> campaigns = {history, later, next, sooner};

    const LiveFigure both = render::campaign_figure(&campaigns, at("2027-01-01T10:00:00+08:00"));
    CHECK(both.line_en == "Green tourism soon");
    CHECK(both.value == 31);
    CHECK(both.sample);
    // None running yet (history does not count): the first to start.
    const LiveFigure before = render::campaign_figure(&campaigns, at("2026-10-01T10:00:00+08:00"));
    CHECK(before.line_en == "Green tourism soon");
    CHECK(before.figure_en == "Starts in 31 days");
    // Both ended: the one running after them.
    const LiveFigure after = render::campaign_figure(&campaigns, at("2027-04-10T10:00:00+08:00"));
    CHECK(after.line_en == "Green tourism next");
    CHECK(after.figure_en == "52 days left");
    const std::vector<content::Campaign> only_history = {history};
    CHECK(render::campaign_figure(&only_history, at("2027-01-01T10:00:00+08:00")).state == FigureState::none);
    // An English name left empty shows the Chinese one rather than nothing.
    auto unnamed = sooner;
    unnamed.name_en.clear();
    const std::vector<content::Campaign> one = {unnamed};
    CHECK(render::campaign_figure(&one, at("2027-01-01T10:00:00+08:00")).line_en == "北臺綠色旅遊 soon");
}

TEST_CASE("kiosk home: the tiles in order, one per subject, the map without a figure") {
    const long long now = at("2027-01-20T09:00:00+08:00");
    const auto proposals = three_proposals();
    const auto parking = parking_near_lobby(now);
    const std::vector<content::Campaign> campaigns = {campaign("2026-demo", {2026, 11, 1}, {2027, 1, 31})};
    render::LiveFigureData data;
    data.proposals = &proposals;
    data.parking = &parking;
    data.campaigns = &campaigns;
    data.lobby = kLobby;
    data.now = now;
    const auto tiles = render::live_figures(data);
    REQUIRE(tiles.size() == 4);
    const auto subjects = render::home_subjects();
    REQUIRE(subjects.size() == tiles.size());
    for (size_t i = 0; i < tiles.size(); ++i) CHECK(tiles[i].screen == subjects[i]);
    CHECK(subjects == std::vector<KioskScreen>{KioskScreen::map, KioskScreen::campaign, KioskScreen::parking,
                                               KioskScreen::proposals});
    CHECK(tiles[0].state == FigureState::none);
    CHECK(tiles[0].figure_zh.empty());
    CHECK(tiles[0].title_zh == "自行車路網");
    CHECK_FALSE(tiles[0].line_en.empty());
    CHECK(tiles[1].value == 12);
    CHECK(tiles[2].value == 2);
    CHECK(tiles[3].value == 2);
    for (const auto& t : tiles) {
        CHECK_FALSE(t.title_zh.empty());
        CHECK_FALSE(t.title_en.empty());
        CHECK(t.title_zh != t.title_en);
        CHECK(t.line_zh != t.line_en);
    }
    // Nothing loaded: every figure but the map's is missing, and no figure reads as 0.
    const auto empty = render::live_figures({});
    for (size_t i = 1; i < empty.size(); ++i) {
        CHECK(empty[i].missing());
        CHECK(empty[i].figure_en.find('0') == std::string::npos);
    }
}

TEST_CASE("kiosk home: ages as people read them") {
    using text::Lang;
    CHECK(render::age_text(0, Lang::zh_TW) == "0 秒前");
    CHECK(render::age_text(-5, Lang::en) == "0 s ago");  // a clock ahead of ours is "now"
    CHECK(render::age_text(119, Lang::en) == "119 s ago");
    CHECK(render::age_text(120, Lang::en) == "2 min ago");
    CHECK(render::age_text(7199, Lang::zh_TW) == "119 分鐘前");
    CHECK(render::age_text(7200, Lang::en) == "2 h ago");
    CHECK(render::age_text(7200, Lang::zh_TW) == "2 小時前");
}

TEST_CASE("the home page's parking figure: every fresh car park with space in the region, no radius") {
    const long long now = at("2026-11-20T10:00:00+08:00");
    const auto snapshot = parking_near_lobby(now);
    const LiveFigure region = render::parking_figure(&snapshot, std::nullopt, now);
    CHECK(region.state == FigureState::shown);
    CHECK(region.value == 3);  // A, B and E (1.5 km from the lobby counts here); C full, D stale
    CHECK(region.title_zh == "即時停車");
    CHECK(region.title_en == "Live parking");
    REQUIRE(region.data_age_s.has_value());
    CHECK(region.line_en == "Across the region, oldest data " + render::age_text(*region.data_age_s, text::Lang::en));
    CHECK(region.line_zh.find("km") == std::string::npos);

    const LiveFigure stale = render::parking_figure(&snapshot, std::nullopt, now + 2000);
    CHECK(stale.state == FigureState::stale);
    CHECK_FALSE(stale.value.has_value());
    CHECK(stale.line_zh.rfind("全區資料逾時（", 0) == 0);

    const parking::ParkingSnapshot nothing;
    const LiveFigure none = render::parking_figure(&nothing, std::nullopt, now);
    CHECK(none.value == 0);
    CHECK(none.line_en == "No car park data yet");
}

TEST_CASE("kiosk home: its strings exist in both languages with the same placeholders") {
    struct Key {
        const char* key;
        std::vector<const char*> placeholders;
    };
    const Key keys[] = {{"figure.map.title", {}},
                        {"figure.map.line", {}},
                        {"figure.campaign.title", {}},
                        {"figure.campaign.days_left", {"{n}"}},
                        {"figure.campaign.last_day", {}},
                        {"figure.campaign.starts_in", {"{n}"}},
                        {"figure.campaign.starts_tomorrow", {}},
                        {"figure.campaign.none", {}},
                        {"figure.parking.title", {}},
                        {"figure.parking.count", {"{n}"}},
                        {"figure.parking.within", {"{km}", "{age}"}},
                        {"figure.parking.none_near", {"{km}"}},
                        {"figure.parking.stale", {"{km}", "{age}"}},
                        {"figure.parking.title_region", {}},
                        {"figure.parking.region", {"{age}"}},
                        {"figure.parking.none_region", {}},
                        {"figure.parking.stale_region", {"{age}"}},
                        {"figure.proposals.title", {}},
                        {"figure.proposals.open", {"{n}"}},
                        {"figure.proposals.total", {"{n}"}},
                        {"figure.loading", {}},
                        {"age.seconds", {"{n}"}},
                        {"age.minutes", {"{n}"}},
                        {"age.hours", {"{n}"}}};
    for (const auto& k : keys) {
        const std::string key = k.key;
        CAPTURE(key);
        const std::string zh(text::tr(key, text::Lang::zh_TW)), en(text::tr(key, text::Lang::en));
        CHECK(zh != key);
        CHECK(en != key);
        CHECK(zh != en);
        for (const char* p : k.placeholders) {
            CHECK(zh.find(p) != std::string::npos);
            CHECK(en.find(p) != std::string::npos);
        }
    }
}

// ---- The Parking and Campaign screens' lists (render/kiosk_lists.h), on the same data -----

TEST_CASE("kiosk parking rows: the car parks with space nearest the lobby, fresh first") {
    const long long now = at("2026-11-20T10:00:00+08:00");
    const auto snapshot = parking_near_lobby(now);
    const auto rows = render::kiosk_parking_rows(snapshot, kLobby, now, 10, render::kKioskParkingRadiusM);
    // C is full and E too far; D has space but its data is stale: last, and marked.
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].key == "Taipei/A");
    CHECK(rows[1].key == "Taipei/B");
    CHECK(rows[2].key == "Taipei/D");
    CHECK_FALSE(rows[0].stale);
    CHECK(rows[2].stale);
    CHECK(rows[0].distance_m == doctest::Approx(300).epsilon(0.01));
    CHECK(rows[0].available == 40);
    CHECK(rows[0].total == 100);
    CHECK(rows[0].age_s == 60);
    CHECK(rows[1].level == parking::Level::few);
    // At most n, and a wider radius reaches E (fresh: before the stale D).
    CHECK(render::kiosk_parking_rows(snapshot, kLobby, now, 1, 1000).size() == 1);
    const auto wide = render::kiosk_parking_rows(snapshot, kLobby, now, 10, 2000);
    REQUIRE(wide.size() == 4);
    CHECK(wide[2].key == "Taipei/E");
    CHECK(wide[3].key == "Taipei/D");
}

TEST_CASE("kiosk campaign: the running one ending first, else the next; its sites nearest the lobby") {
    const text::Date d1{2026, 11, 1}, d2{2026, 11, 30}, d3{2026, 12, 20}, d4{2027, 1, 10};
    std::vector<content::Campaign> campaigns = {campaign("late", d1, d4), campaign("soon", d1, d3),
                                                campaign("next", {2027, 2, 1}, {2027, 3, 1})};
    campaigns.push_back(campaign("history", d1, d4));
    campaigns.back().external = true;
    const long long now = at("2026-11-20T10:00:00+08:00");
    REQUIRE(render::featured_campaign(campaigns, now) != nullptr);
    CHECK(render::featured_campaign(campaigns, now)->id == "soon");
    CHECK(render::featured_campaign(campaigns, at("2026-12-25T10:00:00+08:00"))->id == "late");
    CHECK(render::featured_campaign(campaigns, at("2027-01-20T10:00:00+08:00"))->id == "next");
    CHECK(render::featured_campaign(campaigns, at("2027-03-20T10:00:00+08:00")) == nullptr);
    (void)d2;

    std::vector<content::Site> sites;
    for (auto [id, metres] : {std::pair{"far", 5000.0}, std::pair{"near", 200.0}, std::pair{"mid", 900.0}}) {
        content::Site s;
        s.id = id;
        s.name = std::string("示範據點 ") + id;
        s.at = north_of_lobby(metres);
        sites.push_back(s);
    }
    content::Campaign c = campaign("c", d1, d3);
    c.sites = {{"far", 100}, {"unknown", 100}, {"mid", 50}, {"near", 300}};
    const auto rows = render::kiosk_campaign_sites(c, sites, kLobby, 10);
    REQUIRE(rows.size() == 3);  // "unknown" is not in the list
    CHECK(rows[0].site->id == "near");
    CHECK(rows[0].radius_m == 300);
    CHECK(rows[1].site->id == "mid");
    CHECK(rows[2].site->id == "far");
    CHECK(rows[2].distance_m == doctest::Approx(5000).epsilon(0.01));
    CHECK(render::kiosk_campaign_sites(c, sites, kLobby, 2).size() == 2);
}
