#include "render/kiosk_home.h"

#include <algorithm>
#include <cstdio>

#include "geo/geometry.h"
#include "render/kiosk_lists.h"
#include "render/raffle_views.h"
#include "tracker/labels.h"
#include "tracker/query.h"

namespace beitai::render {

namespace {

using text::Lang;

constexpr const char* kMissing = "—";

std::string t(std::string_view key, Lang lang) { return std::string(text::tr(key, lang)); }

// A template in a language with "{n}" (and others) filled.
std::string n_text(std::string_view key, long long n, Lang lang) { return tracker::fill(t(key, lang), "n", std::to_string(n)); }

KioskTile titled(KioskScreen screen, std::string_view title_key) {
    KioskTile tile;
    tile.screen = screen;
    tile.title_zh = t(title_key, Lang::zh_TW);
    tile.title_en = t(title_key, Lang::en);
    return tile;
}

void set_figure(KioskTile& tile, std::string_view key, long long n) {
    tile.state = KioskFigureState::shown;
    tile.value = n;
    tile.figure_zh = n_text(key, n, Lang::zh_TW);
    tile.figure_en = n_text(key, n, Lang::en);
}

void set_missing(KioskTile& tile, KioskFigureState state) {
    tile.state = state;
    tile.value.reset();
    tile.figure_zh = tile.figure_en = kMissing;
}

void set_line(KioskTile& tile, std::string zh, std::string en) {
    tile.line_zh = std::move(zh);
    tile.line_en = std::move(en);
}

void set_loading(KioskTile& tile) {
    set_missing(tile, KioskFigureState::not_loaded);
    set_line(tile, t("kiosk.home.loading", Lang::zh_TW), t("kiosk.home.loading", Lang::en));
}

// The parking lines' "{km}" and "{age}".
std::string parking_line(std::string_view key, std::optional<std::int64_t> age_s, Lang lang) {
    char km[16];
    std::snprintf(km, sizeof km, "%g", kKioskParkingRadiusM / 1000);  // "1", "0.5"
    std::string s = tracker::fill(t(key, lang), "km", km);
    return age_s ? tracker::fill(s, "age", kiosk_age_text(*age_s, lang)) : s;
}

}  // namespace

std::string kiosk_age_text(std::int64_t age_s, Lang lang) {
    age_s = std::max<std::int64_t>(age_s, 0);
    if (age_s < 120) return n_text("kiosk.age.seconds", age_s, lang);
    if (age_s < 2 * 3600) return n_text("kiosk.age.minutes", age_s / 60, lang);
    return n_text("kiosk.age.hours", age_s / 3600, lang);
}

KioskTile kiosk_map_tile() {
    KioskTile tile = titled(KioskScreen::map, "kiosk.home.map.title");
    set_line(tile, t("kiosk.home.map.line", Lang::zh_TW), t("kiosk.home.map.line", Lang::en));
    return tile;
}

KioskTile kiosk_campaign_tile(const std::vector<content::Campaign>* campaigns, std::int64_t now) {
    KioskTile tile = titled(KioskScreen::campaign, "kiosk.home.campaign.title");
    if (!campaigns) {
        set_loading(tile);
        return tile;
    }
    const content::Campaign* shown = kiosk_campaign(*campaigns, now);
    if (!shown) {
        tile.state = KioskFigureState::none;
        set_line(tile, t("kiosk.home.campaign.none", Lang::zh_TW), t("kiosk.home.campaign.none", Lang::en));
        return tile;
    }
    const content::Campaign* running = campaign_phase(*shown, now) == CampaignPhase::running ? shown : nullptr;
    const content::Campaign* upcoming = running ? nullptr : shown;
    const text::Date today = text::date_in_taipei(now);
    if (running) {
        // The days check-ins are still taken, today included.
        const long long days = text::days_between(today, running->end) + 1;
        set_figure(tile, days == 1 ? "kiosk.home.campaign.last_day" : "kiosk.home.campaign.days_left", days);
    } else {
        const long long days = text::days_between(today, upcoming->start);
        set_figure(tile, days == 1 ? "kiosk.home.campaign.starts_tomorrow" : "kiosk.home.campaign.starts_in", days);
    }
    set_line(tile, shown->name_zh, shown->name_en.empty() ? shown->name_zh : shown->name_en);
    tile.sample = shown->sample;
    return tile;
}

KioskTile kiosk_parking_tile(const parking::ParkingSnapshot* parking, geo::LatLon lobby, std::int64_t now) {
    KioskTile tile = titled(KioskScreen::parking, "kiosk.home.parking.title");
    if (!parking) {
        set_loading(tile);
        return tile;
    }
    tile.sample = parking->sample();
    const auto& all = parking->car_parks();

    // Every car park near the lobby, whatever its level: is what we know about here fresh?
    geo::BBox around;
    around.extend(lobby);
    int near = 0, fresh_near = 0;
    std::optional<std::int64_t> oldest_fresh, youngest_stale;
    for (std::size_t i : parking->within(around.padded(kKioskParkingRadiusM))) {
        if (geo::distance_m(lobby, all[i].park.position) > kKioskParkingRadiusM) continue;
        ++near;
        const parking::Freshness f = parking->freshness(all[i], now);
        if (!f.stale) {
            ++fresh_near;
            if (f.age_s && (!oldest_fresh || *f.age_s > *oldest_fresh)) oldest_fresh = f.age_s;
        } else if (f.age_s && (!youngest_stale || *f.age_s < *youngest_stale)) {
            youngest_stale = f.age_s;
        }
    }
    if (near == 0) {
        set_figure(tile, "kiosk.home.parking.count", 0);
        set_line(tile, parking_line("kiosk.home.parking.none_near", std::nullopt, Lang::zh_TW),
                 parking_line("kiosk.home.parking.none_near", std::nullopt, Lang::en));
        return tile;
    }
    if (fresh_near == 0) {
        // Nothing here is fresh: a count would be a guess. Never fetched at all is loading.
        if (!youngest_stale) {
            set_loading(tile);
            return tile;
        }
        set_missing(tile, KioskFigureState::stale);
        tile.data_age_s = youngest_stale;
        set_line(tile, parking_line("kiosk.home.parking.stale", youngest_stale, Lang::zh_TW),
                 parking_line("kiosk.home.parking.stale", youngest_stale, Lang::en));
        return tile;
    }

    long long with_space = 0;
    for (const auto& n : parking->nearest_with_space(lobby, all.size(), kKioskParkingRadiusM))
        if (!parking->freshness(all[n.index], now).stale) ++with_space;
    set_figure(tile, "kiosk.home.parking.count", with_space);
    tile.data_age_s = oldest_fresh;
    set_line(tile, parking_line("kiosk.home.parking.within", oldest_fresh, Lang::zh_TW),
             parking_line("kiosk.home.parking.within", oldest_fresh, Lang::en));
    return tile;
}

KioskTile kiosk_proposals_tile(const tracker::Snapshot* snapshot) {
    KioskTile tile = titled(KioskScreen::proposals, "kiosk.home.proposals.title");
    if (!snapshot) {
        set_loading(tile);
        return tile;
    }
    tracker::ProposalQuery open;
    open.status = content::Status::open;
    set_figure(tile, "kiosk.home.proposals.open", static_cast<long long>(tracker::select_records(*snapshot, open).size()));
    const auto total = static_cast<long long>(snapshot->records.size());
    set_line(tile, n_text("kiosk.home.proposals.total", total, Lang::zh_TW), n_text("kiosk.home.proposals.total", total, Lang::en));
    return tile;
}

std::vector<KioskScreen> kiosk_home_subjects() {
    return {KioskScreen::map, KioskScreen::campaign, KioskScreen::parking, KioskScreen::proposals};
}

std::vector<KioskTile> kiosk_home_tiles(const KioskHomeData& data) {
    return {kiosk_map_tile(), kiosk_campaign_tile(data.campaigns, data.now),
            kiosk_parking_tile(data.parking, data.lobby, data.now), kiosk_proposals_tile(data.proposals)};
}

}  // namespace beitai::render
