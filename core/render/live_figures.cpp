#include "render/live_figures.h"

#include <algorithm>
#include <cstdio>

#include "geo/geometry.h"
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

LiveFigure titled(KioskScreen screen, std::string_view title_key) {
    LiveFigure tile;
    tile.screen = screen;
    tile.title_zh = t(title_key, Lang::zh_TW);
    tile.title_en = t(title_key, Lang::en);
    return tile;
}

void set_figure(LiveFigure& tile, std::string_view key, long long n) {
    tile.state = FigureState::shown;
    tile.value = n;
    tile.figure_zh = n_text(key, n, Lang::zh_TW);
    tile.figure_en = n_text(key, n, Lang::en);
}

void set_missing(LiveFigure& tile, FigureState state) {
    tile.state = state;
    tile.value.reset();
    tile.figure_zh = tile.figure_en = kMissing;
}

void set_line(LiveFigure& tile, std::string zh, std::string en) {
    tile.line_zh = std::move(zh);
    tile.line_en = std::move(en);
}

void set_loading(LiveFigure& tile) {
    set_missing(tile, FigureState::not_loaded);
    set_line(tile, t("figure.loading", Lang::zh_TW), t("figure.loading", Lang::en));
}

// The parking lines' "{km}" and "{age}".
std::string parking_line(std::string_view key, std::optional<std::int64_t> age_s, Lang lang) {
    char km[16];
    std::snprintf(km, sizeof km, "%g", kKioskParkingRadiusM / 1000);  // "1", "0.5"
    std::string s = tracker::fill(t(key, lang), "km", km);
    return age_s ? tracker::fill(s, "age", age_text(*age_s, lang)) : s;
}

}  // namespace

const content::Campaign* featured_campaign(const std::vector<content::Campaign>& campaigns, std::int64_t now) {
    const content::Campaign* running = nullptr;
    const content::Campaign* upcoming = nullptr;
    for (const auto& c : campaigns) {
        const CampaignPhase phase = campaign_phase(c, now);
        if (phase == CampaignPhase::running && (!running || c.end < running->end)) running = &c;
        if (phase == CampaignPhase::upcoming && (!upcoming || c.start < upcoming->start)) upcoming = &c;
    }
    return running ? running : upcoming;
}

std::string age_text(std::int64_t age_s, Lang lang) {
    age_s = std::max<std::int64_t>(age_s, 0);
    if (age_s < 120) return n_text("age.seconds", age_s, lang);
    if (age_s < 2 * 3600) return n_text("age.minutes", age_s / 60, lang);
    return n_text("age.hours", age_s / 3600, lang);
}

LiveFigure map_figure() {
    LiveFigure tile = titled(KioskScreen::map, "figure.map.title");
    set_line(tile, t("figure.map.line", Lang::zh_TW), t("figure.map.line", Lang::en));
    return tile;
}

LiveFigure campaign_figure(const std::vector<content::Campaign>* campaigns, std::int64_t now) {
    LiveFigure tile = titled(KioskScreen::campaign, "figure.campaign.title");
    if (!campaigns) {
        set_loading(tile);
        return tile;
    }
    const content::Campaign* shown = featured_campaign(*campaigns, now);
    if (!shown) {
        tile.state = FigureState::none;
        set_line(tile, t("figure.campaign.none", Lang::zh_TW), t("figure.campaign.none", Lang::en));
        return tile;
    }
    const content::Campaign* running = campaign_phase(*shown, now) == CampaignPhase::running ? shown : nullptr;
    const content::Campaign* upcoming = running ? nullptr : shown;
    const text::Date today = text::date_in_taipei(now);
    if (running) {
        // The days check-ins are still taken, today included.
        const long long days = text::days_between(today, running->end) + 1;
        set_figure(tile, days == 1 ? "figure.campaign.last_day" : "figure.campaign.days_left", days);
    } else {
        const long long days = text::days_between(today, upcoming->start);
        set_figure(tile, days == 1 ? "figure.campaign.starts_tomorrow" : "figure.campaign.starts_in", days);
    }
    set_line(tile, shown->name_zh, shown->name_en.empty() ? shown->name_zh : shown->name_en);
    tile.sample = shown->sample;
    return tile;
}

LiveFigure parking_figure(const parking::ParkingSnapshot* parking, std::optional<geo::LatLon> lobby, std::int64_t now) {
    LiveFigure tile = titled(KioskScreen::parking, lobby ? "figure.parking.title" : "figure.parking.title_region");
    if (!parking) {
        set_loading(tile);
        return tile;
    }
    tile.sample = parking->sample();
    const auto& all = parking->car_parks();
    // The near lines name the radius; the region's lines do not.
    auto line = [&](std::string_view near_key, std::string_view region_key, std::optional<std::int64_t> age) {
        return std::pair{parking_line(lobby ? near_key : region_key, age, Lang::zh_TW),
                         parking_line(lobby ? near_key : region_key, age, Lang::en)};
    };

    // Every car park counted, whatever its level: is what we know about there fresh?
    std::vector<std::size_t> counted;
    if (lobby) {
        geo::BBox around;
        around.extend(*lobby);
        for (std::size_t i : parking->within(around.padded(kKioskParkingRadiusM)))
            if (geo::distance_m(*lobby, all[i].park.position) <= kKioskParkingRadiusM) counted.push_back(i);
    } else {
        for (std::size_t i = 0; i < all.size(); ++i) counted.push_back(i);
    }
    long long fresh = 0, with_space = 0;
    std::optional<std::int64_t> oldest_fresh, youngest_stale;
    for (std::size_t i : counted) {
        const parking::Freshness f = parking->freshness(all[i], now);
        if (!f.stale) {
            ++fresh;
            if (parking::has_space(all[i].level)) ++with_space;
            if (f.age_s && (!oldest_fresh || *f.age_s > *oldest_fresh)) oldest_fresh = f.age_s;
        } else if (f.age_s && (!youngest_stale || *f.age_s < *youngest_stale)) {
            youngest_stale = f.age_s;
        }
    }
    if (counted.empty()) {
        set_figure(tile, "figure.parking.count", 0);
        auto [zh, en] = line("figure.parking.none_near", "figure.parking.none_region", std::nullopt);
        set_line(tile, zh, en);
        return tile;
    }
    if (fresh == 0) {
        // Nothing here is fresh: a count would be a guess. Never fetched at all is loading.
        if (!youngest_stale) {
            set_loading(tile);
            return tile;
        }
        set_missing(tile, FigureState::stale);
        tile.data_age_s = youngest_stale;
        auto [zh, en] = line("figure.parking.stale", "figure.parking.stale_region", youngest_stale);
        set_line(tile, zh, en);
        return tile;
    }
    set_figure(tile, "figure.parking.count", with_space);
    tile.data_age_s = oldest_fresh;
    auto [zh, en] = line("figure.parking.within", "figure.parking.region", oldest_fresh);
    set_line(tile, zh, en);
    return tile;
}

LiveFigure proposals_figure(const tracker::Snapshot* snapshot) {
    LiveFigure tile = titled(KioskScreen::proposals, "figure.proposals.title");
    if (!snapshot) {
        set_loading(tile);
        return tile;
    }
    tracker::ProposalQuery open;
    open.status = content::Status::open;
    set_figure(tile, "figure.proposals.open", static_cast<long long>(tracker::select_records(*snapshot, open).size()));
    const auto total = static_cast<long long>(snapshot->records.size());
    set_line(tile, n_text("figure.proposals.total", total, Lang::zh_TW), n_text("figure.proposals.total", total, Lang::en));
    return tile;
}

std::vector<KioskScreen> home_subjects() {
    return {KioskScreen::map, KioskScreen::campaign, KioskScreen::parking, KioskScreen::proposals};
}

std::vector<LiveFigure> live_figures(const LiveFigureData& data) {
    return {map_figure(), campaign_figure(data.campaigns, data.now),
            parking_figure(data.parking, data.lobby, data.now), proposals_figure(data.proposals)};
}

}  // namespace beitai::render
