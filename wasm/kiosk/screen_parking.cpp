// Parking: the car parks with space nearest the lobby (render/kiosk_lists.h), live as the
// stream's events arrive, each with the age of its data; stale data marked as on /map, and
// every county's feed with its age.
#include <cmath>
#include <cstdio>
#include <string>

#include "kiosk_font.h"
#include "kiosk_screens.h"
#include "render/map_lists.h"
#include "render/live_figures.h"
#include "render/kiosk_lists.h"
#include "render/parking_views.h"

namespace beitai::kiosk {

namespace {

constexpr std::size_t kRows = 8;
constexpr double kRadiusM = 2000;  // wider than the Home tile's 1 km: the list has room

}  // namespace

void ParkingScreen::Draw(ScreenContext& c, TouchScroll& scroll) {
    const auto& l = c.ui.layout();
    const auto& area = l.content;
    const text::Lang lang = c.ui.lang();
    const parking::ParkingSnapshot* snapshot = c.data.parking();
    if (!snapshot) {
        c.ui.Text(TopLeft(area), c.ui.tr("figure.loading"), l.body_px, palette::text, area.w);
        return;
    }
    auto& state = c.session.visit().parking;
    // Landscape: the list left, the counties' feeds right; portrait: the feeds below.
    const float feeds_share = l.portrait ? 0.30f : 0.32f;
    render::KioskRect list = area, feeds = area;
    if (l.portrait) {
        list.h = area.h * (1 - feeds_share) - l.gap_px / 2;
        feeds.y = list.bottom() + l.gap_px;
        feeds.h = area.bottom() - feeds.y;
    } else {
        list.w = area.w * (1 - feeds_share) - l.gap_px / 2;
        feeds.x = list.right() + l.gap_px;
        feeds.w = area.right() - feeds.x;
    }

    float y = list.y;
    y += c.ui.Title(ImVec2(list.x, y), c.ui.say("附近有空位的停車場", "Car parks with space nearby"), palette::text, list.w);
    if (snapshot->sample()) {
        c.ui.SampleBadge(ImVec2(list.x, y + l.gap_px / 4));
        y += LineSize(l.small_px) * 1.2f;
    }
    y += l.gap_px / 2;

    // The rows' words, worked out once a second (ages move on) and when data arrives.
    if (version_ != c.data.Version() || lang_ != lang || second_ != c.now_s) {
        version_ = c.data.Version();
        lang_ = lang;
        second_ = c.now_s;
        rows_ = render::kiosk_parking_rows(*snapshot, c.config.position, c.now_s, kRows, kRadiusM);
        text_.clear();
        for (const auto& row : rows_) {
            const parking::CarParkState& s = snapshot->car_parks()[row.index];
            RowText t;
            t.where = render::distance_text(row.distance_m) + "  ·  " + c.data.CountyName(s.park.county, lang);
            t.spaces = render::parking_level_text(s, lang);
            if (row.available)
                t.spaces += lang == text::Lang::en ? " · " + std::to_string(*row.available) + " spaces"
                                                   : " · 剩 " + std::to_string(*row.available) + " 位";
            t.age = row.age_s ? render::age_text(*row.age_s, lang) : c.ui.say("無資料", "no data");
            if (row.stale) t.age = std::string(c.ui.say("資料逾時：", "Out of date: ")) + t.age;
            text_.push_back(std::move(t));
        }
        feed_lines_.clear();
        for (const auto& feed : snapshot->feeds()) {
            const parking::Freshness f = parking::feed_freshness(feed, c.now_s);
            std::string line = c.data.CountyName(feed.county, lang) + "  ";
            if (!feed.publishes_live) line += c.ui.say("未提供即時資料", "no live data");
            else if (!f.age_s) line += c.ui.say("尚無資料", "no data yet");
            else line += (f.stale ? std::string(c.ui.say("逾時 ", "out of date, ")) : std::string()) + render::age_text(*f.age_s, lang);
            feed_lines_.push_back({std::move(line), f.stale});
        }
    }
    const auto& rows = rows_;
    const render::KioskRect body{list.x, y, list.w, std::max(list.bottom() - y, 0.0f)};
    const float row_h = std::max(LineSize(l.body_px) + LineSize(l.small_px) + l.margin_px / 2, l.touch_min_px);
    const float gap = l.gap_px / 3;
    scroll.Update(body, state.scroll_px, rows.size() * (row_h + gap) - body.h, c.ui.presses_enabled());
    ImDrawList* d = c.ui.draw();
    d->PushClipRect(TopLeft(body), BottomRight(body), true);
    if (rows.empty()) {
        c.ui.Text(TopLeft(body), c.ui.say("2 公里內沒有有空位的停車場。", "No car park with space within 2 km."), l.body_px,
                  palette::text, body.w);
    }
    const float pad = l.margin_px / 2;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const parking::CarParkState& s = snapshot->car_parks()[row.index];
        const render::KioskRect r{body.x, body.y + i * (row_h + gap) - state.scroll_px, body.w, row_h};
        d->AddRectFilled(TopLeft(r), BottomRight(r), palette::tile, 10 * l.scale);
        const std::string& name = lang == text::Lang::en && !s.park.name_en.empty() ? s.park.name_en : s.park.name_zh;
        c.ui.Text(ImVec2(r.x + pad, r.y + pad / 2), name, l.body_px, palette::text, r.w * 0.62f);
        c.ui.Text(ImVec2(r.x + pad, r.y + pad / 2 + LineSize(l.body_px)), text_[i].where, l.small_px, palette::muted_text);
        // Right: the spaces, large, and the data's age under them; stale in the warning colour.
        const float right_x = r.x + r.w * 0.64f;
        c.ui.Text(ImVec2(right_x, r.y + pad / 2), text_[i].spaces, l.body_px, row.stale ? palette::warning : palette::text,
                  r.right() - right_x - pad);
        c.ui.Text(ImVec2(right_x, r.y + pad / 2 + LineSize(l.body_px)), text_[i].age, l.small_px,
                  row.stale ? palette::warning : palette::muted_text);
    }
    d->PopClipRect();

    // Each county's feed: how old its data is, so a lobby in one county sees that another's
    // numbers are not live.
    float fy = feeds.y;
    fy += c.ui.Text(ImVec2(feeds.x, fy), c.ui.say("各縣市資料時間", "Data age by county"), l.body_px, palette::text,
                    feeds.w) + l.gap_px / 3;
    const int per_column = l.portrait ? 4 : 8;
    const float col_w = l.portrait ? feeds.w / 2 : feeds.w;
    const float line_h = LineSize(l.small_px);
    int shown = 0;
    for (const auto& [line, stale] : feed_lines_) {
        const float x = feeds.x + (shown / per_column) * col_w;
        const float ly = fy + (shown % per_column) * line_h;
        c.ui.Text(ImVec2(x, ly), line, l.small_px, stale ? palette::warning : palette::muted_text, col_w - pad);
        ++shown;
    }
}

}  // namespace beitai::kiosk
