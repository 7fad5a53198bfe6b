// Campaign: the green-tourism campaign the portal runs now (or next), its rule, dates and
// draws, and its sites nearest this lobby. Taking part happens on one's phone: the footer's
// QR code opens the campaign's page there.
#include <cmath>
#include <cstdio>
#include <string>

#include "kiosk_font.h"
#include "kiosk_screens.h"
#include "render/map_lists.h"
#include "render/kiosk_lists.h"
#include "text/date.h"
#include "tracker/labels.h"

namespace beitai::kiosk {

namespace {

constexpr std::size_t kSites = 12;

}  // namespace

void CampaignScreen::Draw(ScreenContext& c, TouchScroll& scroll) {
    const auto& l = c.ui.layout();
    const auto& area = l.content;
    const text::Lang lang = c.ui.lang();
    const auto* campaigns = c.data.campaigns();
    if (!campaigns) {
        c.ui.Text(TopLeft(area), c.ui.tr("figure.loading"), l.body_px, palette::text, area.w);
        return;
    }
    const content::Campaign* campaign = render::featured_campaign(*campaigns, c.now_s);
    if (!campaign) {
        c.ui.Title(TopLeft(area), c.ui.tr("figure.campaign.none"), palette::text, area.w);
        return;
    }
    auto& state = c.session.visit().campaign;
    const bool en = lang == text::Lang::en;
    // The words, worked out when the data, the language or the day changes.
    const text::Date today = text::date_in_taipei(c.now_s);
    if (version_ != c.data.Version() || lang_ != lang || !(today_ == today) || id_ != campaign->id) {
        version_ = c.data.Version();
        lang_ = lang;
        today_ = today;
        id_ = campaign->id;
        period_ = std::string(c.ui.say("打卡期間 ", "Check-ins ")) + text::format_date(campaign->start, lang) + " – " +
                  text::format_date(campaign->end, lang);
        char rule[200];
        std::snprintf(rule, sizeof rule,
                      en ? "Check in at sites in at least %d of the %zu counties to enter the draws."
                         : "在北臺 %2$zu 縣市中至少 %1$d 個縣市的據點打卡，即可參加抽獎。",
                      campaign->min_counties, c.data.counties().size());
        rule_ = rule;
        draws_.clear();
        for (const auto& draw : campaign->draws) {
            std::string line = c.ui.say("抽獎 ", "Draw ");
            if (draw.date) line += text::format_date(text::date_in_taipei(*draw.date), lang);
            if (draw.cutoff)
                line += std::string(c.ui.say("（打卡至 ", " (check-ins up to ")) +
                        text::format_date(text::date_in_taipei(*draw.cutoff), lang) + c.ui.say("）", ")");
            draws_.push_back(std::move(line));
        }
        rows_ = render::kiosk_campaign_sites(*campaign, c.data.sites().sites, c.config.position, kSites);
        row_lines_.clear();
        for (const auto& row : rows_)
            row_lines_.push_back(render::distance_text(row.distance_m) + "  ·  " + c.data.CountyName(row.site->county, lang));
    }
    const float wrap = area.w;
    float y = area.y;
    y += c.ui.Title(ImVec2(area.x, y), en && !campaign->name_en.empty() ? campaign->name_en : campaign->name_zh,
                    palette::text, wrap);
    if (campaign->sample) {
        c.ui.SampleBadge(ImVec2(area.x, y + l.gap_px / 4));
        y += LineSize(l.small_px) * 1.3f;
    }
    y += c.ui.Text(ImVec2(area.x, y), period_, l.body_px, palette::text, wrap);
    y += c.ui.Text(ImVec2(area.x, y), rule_, l.body_px, palette::text, wrap);
    for (const auto& line : draws_) y += c.ui.Text(ImVec2(area.x, y), line, l.small_px, palette::muted_text, wrap);
    y += l.gap_px / 2;
    y += c.ui.Text(ImVec2(area.x, y), c.ui.say("離這裡最近的打卡據點", "Check-in sites nearest here"), l.body_px,
                   palette::text, wrap) + l.gap_px / 3;

    const auto& rows = rows_;
    const render::KioskRect body{area.x, y, area.w, std::max(area.bottom() - y, 0.0f)};
    const int columns = l.portrait ? 1 : 2;
    const float col_w = (body.w - l.gap_px * (columns - 1)) / columns;
    const float row_h = std::max(LineSize(l.body_px) + LineSize(l.small_px) + l.margin_px / 2, l.touch_min_px);
    const float gap = l.gap_px / 3;
    const std::size_t lines = (rows.size() + columns - 1) / columns;
    scroll.Update(body, state.scroll_px, lines * (row_h + gap) - body.h, c.ui.presses_enabled());
    ImDrawList* d = c.ui.draw();
    d->PushClipRect(TopLeft(body), BottomRight(body), true);
    const float pad = l.margin_px / 2;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const render::KioskRect r{body.x + (i % columns) * (col_w + l.gap_px),
                                  body.y + (i / columns) * (row_h + gap) - state.scroll_px, col_w, row_h};
        d->AddRectFilled(TopLeft(r), BottomRight(r), palette::tile, 10 * l.scale);
        d->PushClipRect(TopLeft(r), BottomRight(r), true);
        c.ui.Text(ImVec2(r.x + pad, r.y + pad / 3), rows[i].site->name, l.body_px, palette::text, r.w - 2 * pad);
        c.ui.Text(ImVec2(r.x + pad, r.y + pad / 3 + LineSize(l.body_px)), row_lines_[i], l.small_px, palette::muted_text);
        d->PopClipRect();
    }
    d->PopClipRect();
}

}  // namespace beitai::kiosk
