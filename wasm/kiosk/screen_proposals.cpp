// Proposals: big toggles (status, proposing county, issue group) over a list that scrolls
// under a finger, and one proposal's detail — the same query as /proposals
// (tracker::select_records), fewer filters.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk_font.h"
#include "kiosk_screens.h"
#include "tracker/labels.h"
#include "tracker/query.h"

namespace beitai::kiosk {

namespace {

// A row (or rows) of toggles from `top`, each at least `min_w` wide; returns the height used.
float Toggles(ScreenContext& c, const char* id, float top, float min_w, const std::vector<Choice>& choices,
              std::string& selected) {
    const auto& l = c.ui.layout();
    const auto& area = l.content;
    const float gap = l.gap_px / 2;
    const int per_row = std::max(1, static_cast<int>((area.w + gap) / (min_w + gap)));
    const int rows = (static_cast<int>(choices.size()) + per_row - 1) / per_row;
    const float w = (area.w - gap * (per_row - 1)) / per_row;
    const float h = l.button_px;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const int row = static_cast<int>(i) / per_row, col = static_cast<int>(i) % per_row;
        const render::KioskRect r{area.x + col * (w + gap), top + row * (h + gap), w, h};
        ImGui::PushID(static_cast<int>(i));
        if (c.ui.Button("t", r, choices[i].label, selected == choices[i].value)) {
            selected = choices[i].value;
            c.session.visit().proposals.scroll_px = 0;
        }
        ImGui::PopID();
    }
    ImGui::PopID();
    return rows * h + rows * gap;
}

std::string status_value(const std::optional<content::Status>& s) { return s ? std::string(content::to_string(*s)) : ""; }

}  // namespace

void ProposalsScreen::DrawDetail(ScreenContext& c, const tracker::ProposalRecord& record, TouchScroll& scroll) {
    const auto& l = c.ui.layout();
    const auto& area = l.content;
    const tracker::Snapshot& snapshot = *c.data.snapshot();
    const content::Proposal& p = record.proposal;
    const text::Lang lang = c.ui.lang();
    auto& state = c.session.visit().proposals;

    const render::KioskRect back{area.x, area.y, std::max(320 * l.scale, l.touch_min_px), l.button_px};
    if (c.ui.Button("back", back, c.ui.say("‹ 返回列表", "‹ Back to the list"))) {
        state.selected.clear();
        return;
    }
    // The detail's words, worked out when another proposal, language or data comes.
    DetailText& t = detail_;
    if (t.version != c.data.Version() || t.lang != lang || t.id != p.id) {
        t.version = c.data.Version();
        t.lang = lang;
        t.id = p.id;
        t.meta = p.id + "  ·  " + tracker::county_name(snapshot, p.county, lang) + "  ·  " +
                 tracker::group_name(snapshot, p.group, lang);
        t.status = tracker::status_label(p.status, lang);
        t.why.clear();
        if (p.status == content::Status::closed && p.closure) {
            t.why = tracker::closure_label(p.closure->kind, lang) + "：" + p.closure->reason;
            if (p.closure->decision) t.why += "（" + *p.closure->decision + "）";
        } else if (p.status == content::Status::open && p.open_reason) {
            t.why = *p.open_reason;
        }
        t.dates.clear();
        for (auto it = p.progress.rbegin(); it != p.progress.rend(); ++it) t.dates.push_back(text::format_date(it->date, lang));
    }

    const render::KioskRect body{area.x, back.bottom() + l.gap_px, area.w, area.bottom() - back.bottom() - l.gap_px};
    scroll.Update(body, state.scroll_px, scroll.content_h - body.h, c.ui.presses_enabled());

    ImDrawList* d = c.ui.draw();
    d->PushClipRect(TopLeft(body), BottomRight(body), true);
    const float wrap = body.w;
    float y = body.y - state.scroll_px;
    const float x = body.x;
    y += c.ui.Title(ImVec2(x, y), p.title, palette::text, wrap) + l.gap_px / 2;
    const bool open = p.status == content::Status::open;
    y += c.ui.Text(ImVec2(x, y), t.meta, l.body_px, palette::muted_text, wrap) + l.gap_px / 2;
    y += c.ui.Text(ImVec2(x, y), t.status, l.title_px, open ? palette::warning : palette::text, wrap, c.ui.fonts().title) +
         l.gap_px / 2;
    if (!t.why.empty()) y += c.ui.Text(ImVec2(x, y), t.why, l.body_px, palette::text, wrap) + l.gap_px;
    if (!p.progress.empty()) {
        y += c.ui.Text(ImVec2(x, y), c.ui.say("辦理情形", "Progress"), l.title_px, palette::text, wrap, c.ui.fonts().title) +
             l.gap_px / 2;
        // Latest first: what a passer-by wants to know is where it stands now.
        std::size_t k = 0;
        for (auto it = p.progress.rbegin(); it != p.progress.rend(); ++it, ++k) {
            y += c.ui.Text(ImVec2(x, y), t.dates[k], l.small_px, palette::muted_text, wrap);
            y += c.ui.Text(ImVec2(x, y), it->text, l.body_px, palette::text, wrap) + l.gap_px / 2;
        }
    }
    if (lang == text::Lang::en)
        y += c.ui.Text(ImVec2(x, y), "The committee records its proposals in Chinese.", l.small_px, palette::muted_text, wrap);
    d->PopClipRect();
    scroll.content_h = y + state.scroll_px - body.y;  // for the scroll's end next frame
}

void ProposalsScreen::Draw(ScreenContext& c, TouchScroll& scroll) {
    const auto& l = c.ui.layout();
    const auto& area = l.content;
    const text::Lang lang = c.ui.lang();
    const tracker::Snapshot* snapshot = c.data.snapshot();
    if (!snapshot) {
        c.ui.Text(TopLeft(area), c.ui.tr("figure.loading"), l.body_px, palette::text, area.w);
        return;
    }
    auto& state = c.session.visit().proposals;
    if (!state.selected.empty()) {
        if (const auto* record = snapshot->find(state.selected)) return DrawDetail(c, *record, scroll);
        state.selected.clear();  // gone from the data since it was opened
    }

    // The list's words — the toggles, the rows — worked out when the data, the language or a
    // filter changes, not once a frame.
    ListText& t = list_;
    if (t.version != c.data.Version() || t.lang != lang || !(t.filters == state.filters)) {
        t.version = c.data.Version();
        t.lang = lang;
        t.filters = state.filters;
        t.statuses = {{"", c.ui.say("全部", "All")}, {"open", tracker::status_label(content::Status::open, lang)},
                      {"closed", tracker::status_label(content::Status::closed, lang)}};
        t.counties = {{"", c.ui.say("全部縣市", "All counties")}};
        for (const auto& county : snapshot->counties)
            t.counties.push_back({county.id, lang == text::Lang::en ? county.name_en : county.name_zh});
        t.groups = {{"", c.ui.say("全部議題", "All topics")}};
        for (const auto& g : snapshot->groups) t.groups.push_back({g.id, tracker::group_name(*snapshot, g.id, lang)});
        tracker::ProposalQuery query;
        if (!state.filters.county.empty()) query.county = state.filters.county;
        if (!state.filters.group.empty()) query.group = state.filters.group;
        query.status = state.filters.status;
        t.rows.clear();
        for (const auto* record : tracker::select_records(*snapshot, query)) {
            const content::Proposal& p = record->proposal;
            t.rows.push_back({record, p.id + "  " + tracker::status_label(p.status, lang) + "  " +
                                          tracker::county_name(*snapshot, p.county, lang)});
        }
        t.count = lang == text::Lang::en ? std::to_string(t.rows.size()) + " proposals" : std::to_string(t.rows.size()) + " 件提案";
    }

    // The toggles: what a passer-by asks first — still open? from my county? about what?
    std::string status = status_value(state.filters.status);
    float y = area.y;
    y += Toggles(c, "status", y, 240 * l.scale, t.statuses, status);
    state.filters.status = status.empty() ? std::nullopt : content::parse_status(status);
    y += Toggles(c, "county", y, (lang == text::Lang::en ? 300 : 180) * l.scale, t.counties, state.filters.county);
    y += Toggles(c, "group", y, (lang == text::Lang::en ? 420 : 170) * l.scale, t.groups, state.filters.group);
    y += c.ui.Text(ImVec2(area.x, y), t.count, l.body_px, palette::muted_text) + l.gap_px / 2;

    const render::KioskRect list{area.x, y, area.w, std::max(area.bottom() - y, 0.0f)};
    const float row_h = std::max(LineSize(l.small_px) + 2 * LineSize(l.body_px) + l.margin_px / 2, l.touch_min_px);
    const float row_gap = l.gap_px / 3;
    const float total_h = t.rows.size() * (row_h + row_gap);
    scroll.Update(list, state.scroll_px, total_h - list.h, c.ui.presses_enabled());

    ImDrawList* d = c.ui.draw();
    // ImGui's clip rect, not only the draw list's: no row is pressed outside the list. (Mixing
    // the two leaves ImGui's clipped to the list after the pop, and the header unpressable.)
    ImGui::PushClipRect(TopLeft(list), BottomRight(list), true);
    const float pad = l.margin_px / 2;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const float top = list.y + i * (row_h + row_gap) - state.scroll_px;
        if (top + row_h < list.y || top > list.bottom()) continue;
        const content::Proposal& p = t.rows[i].record->proposal;
        const render::KioskRect r{list.x, top, list.w, row_h};
        ImGui::PushID(p.id.c_str());
        bool held = false;
        const bool tapped = c.ui.Area("row", r, &held, p.id);
        ImGui::PopID();
        d->AddRectFilled(TopLeft(r), BottomRight(r), held && !scroll.dragged() ? palette::tile_pressed : palette::tile,
                         10 * l.scale);
        d->PushClipRect(TopLeft(r), BottomRight(r), true);
        const bool open = p.status == content::Status::open;
        c.ui.Text(ImVec2(r.x + pad, r.y + pad / 2), t.rows[i].head, l.small_px, open ? palette::warning : palette::muted_text);
        c.ui.Text(ImVec2(r.x + pad, r.y + pad / 2 + LineSize(l.small_px)), p.title, l.body_px, palette::text, r.w - 2 * pad);
        d->PopClipRect();
        if (tapped && !scroll.dragged()) {
            state.selected = p.id;
            state.scroll_px = 0;
        }
    }
    ImGui::PopClipRect();
}

}  // namespace beitai::kiosk
