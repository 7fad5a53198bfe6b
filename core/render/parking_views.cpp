#include "render/parking_views.h"

#include "render/map_lists.h"
#include "render/prose.h"
#include "render/site_card.h"
#include "text/html.h"
#include "tracker/labels.h"

namespace beitai::render {

using parking::Level;
using text::escape_html;
using text::tr;

namespace {

constexpr int kNearbyCount = 3;
constexpr double kNearbyMetres = 3000;

std::string age_text(std::optional<std::int64_t> age_s, text::Lang lang) {
    if (!age_s) return std::string(tr("parking.feed_never", lang));
    if (*age_s < 120) return std::to_string(*age_s) + " " + std::string(tr("parking.seconds_ago", lang));
    return std::to_string(*age_s / 60) + " " + std::string(tr("parking.minutes_ago", lang));
}

parking::Freshness freshness(const MapData& data, const parking::CarParkState& s) {
    return data.parking->freshness(s, data.now);
}

std::string name_of(const parking::CarPark& p, text::Lang lang) {
    return lang == text::Lang::en && !p.name_en.empty() ? p.name_en : p.name_zh;
}

// "35 / 120" or "— / 120".
std::string free_of_total(const parking::CarParkState& s) {
    std::string free = s.live && s.live->available_spaces ? std::to_string(*s.live->available_spaces) : "—";
    std::optional<int> total = s.live && s.live->total_spaces ? s.live->total_spaces : s.park.total_spaces;
    return total ? free + " / " + std::to_string(*total) : free;
}

std::string level_badge(const parking::CarParkState& s, bool stale, text::Lang lang) {
    std::string out = "<span class=\"parking-level level-" + std::string(parking::level_id(s.level)) + "\">" +
                      escape_html(parking_level_text(s, lang)) + "</span>";
    if (stale && s.live) out += " <span class=\"badge badge-stale\">" + escape_html(tr("parking.stale", lang)) + "</span>";
    return out;
}

}  // namespace

Style parking_style(Level level, bool stale) {
    // A hue family of its own (blue → violet → ink), so that no car park reads as a break
    // (red) or a site (green); the box with its number is the shape, the shade the level.
    const char* fill = "#6B7780";
    switch (level) {
        case Level::plenty: fill = "#1A56B0"; break;
        case Level::few: fill = "#6B3FA0"; break;
        case Level::full: fill = "#1F2A44"; break;
        case Level::closed: fill = "#5C5C5C"; break;
        case Level::unknown: break;
    }
    // Stale data keeps its colour, faded and dashed: it was true, it may no longer be.
    return Style{"#ffffff", fill, 1.5, stale ? 0.55 : 1, stale, 8, true};
}

std::string parking_stylesheet() {
    auto colour = [](Level l) { return parking_style(l, false).fill; };
    auto rule = [](const std::string& selectors, const std::string& colour) {
        return selectors + " { color: " + colour + "; }\n";
    };
    std::string out = "/* Generated from core/render/parking_views.cpp (parking_style) at build time: edit there. */\n";
    for (Level l : {Level::plenty, Level::few, Level::full})
        out += rule(".parking-level.level-" + std::string(parking::level_id(l)), colour(l));
    // In words, unknown reads in the darker grey of closed: the marker's lighter grey is for a
    // box with white text, not for text on white.
    out += rule(".parking-level.level-closed, .parking-level.level-unknown", colour(Level::closed));
    out += rule(".feed-ok", colour(Level::plenty));
    // A feed in trouble in amber words: red is the map's colour for a break.
    out += rule(".feed-stale, .feed-never", "#8A5300");
    out += rule(".feed-no-live", colour(Level::closed));
    return out;
}

std::string parking_level_text(const parking::CarParkState& s, text::Lang lang) {
    if (!s.live) return std::string(tr("parking.no_live", lang));
    return std::string(tr("parking.level." + std::string(parking::level_id(s.level)), lang));
}

void add_parking_markers(Scene& scene, const MapData& data, const MapView& view) {
    if (!data.parking) return;
    const bool en = view.lang == text::Lang::en;
    for (const auto& s : data.parking->car_parks()) {
        if (view.bbox && !view.bbox->contains(s.park.position) && "parking:" + parking::car_park_key(s.park) != view.focus) continue;
        const bool stale = freshness(data, s).stale && s.live;
        SceneMarker m;
        m.id = "parking:" + parking::car_park_key(s.park);
        m.layer = "parking";
        m.at = s.park.position;
        // The number is what people look for; a letter where there is none to give.
        if (s.live && s.live->available_spaces && s.level != Level::closed) m.label = std::to_string(*s.live->available_spaces);
        else if (s.level == Level::closed) m.label = en ? "×" : "休";
        else if (s.level == Level::full) m.label = en ? "0" : "滿";
        else m.label = "P";
        m.title = name_of(s.park, view.lang) + " · " + parking_level_text(s, view.lang) + " · " +
                  std::string(tr("parking.free", view.lang)) + " " + free_of_total(s) +
                  (stale ? " · " + std::string(tr("parking.stale", view.lang)) : std::string());
        m.style = std::string("level-") + std::string(parking::level_id(s.level)) + (stale ? " stale" : "");
        m.look = parking_style(s.level, stale);
        m.has_card = true;
        m.has_space = !stale && parking::has_space(s.level);
        m.labelled = true;
        // Every car park is a keyboard stop (Tab, then Enter or Space opens its card): the
        // layer is off until asked for, so its stops do not stand in the way by default.
        m.focusable = true;
        scene.markers.push_back(std::move(m));
    }
}

std::string car_park_card_html(const MapData& data, const parking::CarParkState& s, text::Lang lang) {
    const auto fresh = freshness(data, s);
    const parking::FeedStatus* feed = data.parking->feed(s.park.county);
    std::string out = "<div class=\"parking-card\" data-car-park=\"" + escape_html(parking::car_park_key(s.park)) +
                      "\"><h3>" + source_text(escape_html(name_of(s.park, lang)), lang) + "</h3>";
    if (feed && feed->sample) out += "<p>" + sample_badge_html(lang) + "</p>";
    out += "<dl class=\"facts\"><div class=\"fact\"><dt>" + escape_html(tr("parking.level", lang)) + "</dt><dd>" +
           level_badge(s, fresh.stale, lang) + "</dd></div><div class=\"fact\"><dt>" +
           escape_html(tr("parking.free", lang)) + "</dt><dd>" + escape_html(free_of_total(s)) + "</dd></div>";
    if (s.live)
        out += "<div class=\"fact\"><dt>" + escape_html(tr("parking.updated", lang)) + "</dt><dd>" +
               escape_html(age_text(fresh.age_s, lang)) + "</dd></div>";
    out += "<div class=\"fact\"><dt>" + escape_html(tr("map.county", lang)) + "</dt><dd>" +
           escape_html(county_label(data, s.park.county, lang)) + "</dd></div>";
    if (!s.park.address.empty())
        out += "<div class=\"fact\"><dt>" + escape_html(tr("map.address", lang)) + "</dt><dd>" +
               source_text(escape_html(s.park.address), lang) + "</dd></div>";
    if (!s.park.fare.empty())
        out += "<div class=\"fact\"><dt>" + escape_html(tr("parking.fare", lang)) + "</dt><dd>" +
               source_text(escape_html(s.park.fare), lang) + "</dd></div>";
    out += "<div class=\"fact\"><dt>" + escape_html(tr("parking.wheelchair", lang)) + "</dt><dd>" +
           escape_html(tr(s.park.wheelchair ? "yes" : "no", lang)) + "</dd></div><div class=\"fact\"><dt>" +
           escape_html(tr("parking.ev", lang)) + "</dt><dd>" + escape_html(tr(s.park.ev_charging ? "yes" : "no", lang)) +
           "</dd></div></dl></div>";
    return out;
}

std::string nearby_parking_html(const MapData& data, geo::LatLon at, text::Lang lang) {
    std::string out = "<section class=\"nearby-parking\"><h4>" + escape_html(tr("parking.near_site", lang)) + "</h4>";
    const auto nearby = data.parking->nearest_with_space(at, kNearbyCount, kNearbyMetres);
    if (nearby.empty()) return out + "<p>" + escape_html(tr("parking.none_near", lang)) + "</p></section>";
    out += "<ul>";
    for (const auto& n : nearby) {
        const auto& s = data.parking->car_parks()[n.index];
        out += "<li data-car-park=\"" + escape_html(parking::car_park_key(s.park)) + "\">" +
               source_text(escape_html(name_of(s.park, lang)), lang) + " · " + level_badge(s, freshness(data, s).stale, lang) +
               " · " + escape_html(tr("parking.free", lang)) + " " + escape_html(free_of_total(s)) + " · " +
               escape_html(distance_text(n.distance_m)) + "</li>";
    }
    return out + "</ul></section>";
}

std::string parking_list_html(const MapData& data, text::Lang lang) {
    if (!data.parking) return {};
    const auto& parks = data.parking->car_parks();
    std::string out = "<section class=\"layer-list\" id=\"list-parking\" aria-labelledby=\"list-parking-h\"><details><summary><h2 id=\"list-parking-h\">" +
                      escape_html(tr("parking.list", lang)) + " <span class=\"count\">(" + std::to_string(parks.size()) +
                      ")</span></h2></summary>";
    if (data.parking->sample()) out += "<p>" + sample_badge_html(lang) + "</p>";
    for (const auto& feed : data.parking->feeds()) {
        std::string rows;
        size_t n = 0;
        for (const auto& s : parks) {
            if (s.park.county != feed.county) continue;
            ++n;
            const auto fresh = freshness(data, s);
            rows += "<tr data-car-park=\"" + escape_html(parking::car_park_key(s.park)) + "\" data-level=\"" +
                    std::string(parking::level_id(s.level)) + "\"><th scope=\"row\">" +
                    source_text(escape_html(name_of(s.park, lang)), lang) + "</th><td>" + level_badge(s, fresh.stale, lang) +
                    "</td><td class=\"num\">" + escape_html(free_of_total(s)) + "</td><td>" +
                    (s.live ? escape_html(age_text(fresh.age_s, lang)) : std::string()) + "</td><td>" +
                    show_on_map_html("parking:" + parking::car_park_key(s.park), lang) + "</td></tr>";
        }
        if (n == 0) continue;
        out += "<h3>" + escape_html(county_label(data, feed.county, lang)) + " <span class=\"count\">(" + std::to_string(n) +
               ")</span></h3><table data-county=\"" + escape_html(feed.county) + "\"><thead><tr><th scope=\"col\">" +
               escape_html(tr("parking.name", lang)) + "</th><th scope=\"col\">" + escape_html(tr("parking.level", lang)) +
               "</th><th scope=\"col\">" + escape_html(tr("parking.free", lang)) + "</th><th scope=\"col\">" +
               escape_html(tr("parking.updated", lang)) + "</th><th scope=\"col\">" + escape_html(tr("map.show_on_map", lang)) +
               "</th></tr></thead><tbody>" + rows + "</tbody></table>";
    }
    return out + "</details></section>";
}

std::string parking_list_off_html(const MapData& data, text::Lang lang) {
    if (!data.parking) return {};
    return "<section class=\"layer-list\" id=\"list-parking\" aria-labelledby=\"list-parking-h\"><h2 id=\"list-parking-h\">" +
           escape_html(tr("parking.list", lang)) + "</h2><p>" +
           escape_html(tracker::fill(tr("parking.list_off", lang), "layer", std::string(tr("map.layer.parking", lang)))) +
           "</p></section>";
}

std::string parking_feeds_off_html(const MapData& data) {
    if (!data.parking) return {};
    return "<section class=\"parking-feeds\" id=\"parking-feeds\" hidden></section>";
}

std::string parking_feeds_html(const MapData& data, text::Lang lang) {
    if (!data.parking) return {};
    std::string out = "<section class=\"parking-feeds\" id=\"parking-feeds\" aria-labelledby=\"parking-feeds-h\"><h2 id=\"parking-feeds-h\">" +
                      escape_html(tr("parking.feeds", lang)) + "</h2><ul>";
    for (const auto& f : data.parking->feeds()) {
        const auto fresh = parking::feed_freshness(f, data.now);
        std::string state, detail;
        if (!f.publishes_live) {
            state = "no-live";
            detail = std::string(tr("parking.no_live", lang));
        } else if (!fresh.age_s) {
            state = "never";
            detail = std::string(tr("parking.feed_never", lang));
        } else if (fresh.stale) {
            state = "stale";
            detail = std::string(tr("parking.stale", lang)) + " · " + age_text(fresh.age_s, lang);
        } else {
            state = "ok";
            detail = std::string(tr("parking.feed_ok", lang)) + " · " + age_text(fresh.age_s, lang);
        }
        if (f.breaker_open) detail += " · " + std::string(tr("parking.breaker", lang));
        out += "<li data-county=\"" + escape_html(f.county) + "\" data-state=\"" + state + "\"><span class=\"feed-state feed-" +
               state + "\">" + escape_html(county_label(data, f.county, lang)) + "</span> " + escape_html(detail);
        if (f.consecutive_failures > 0 && !f.last_error.empty())
            out += "<br><span class=\"muted\">" + escape_html(tr("parking.last_error", lang)) + ": " +
                   escape_html(f.last_error.size() > 160 ? f.last_error.substr(0, 157) + "..." : f.last_error) + "</span>";
        out += "</li>";
    }
    return out + "</ul></section>";
}

}  // namespace beitai::render
