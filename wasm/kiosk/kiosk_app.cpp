#include "kiosk_app.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "kiosk_font.h"
#include "qr_code.h"
#include "render/kiosk_handoff.h"
#include "render/kiosk_lists.h"
#include "render/kiosk_page_words.h"
#include "text/json_reader.h"
#include "text/url.h"

namespace beitai::kiosk {

namespace {

using render::KioskPhase;
using render::KioskScreen;

// The sizes (em) the fonts are baked at: the layout's at 1080 px on the short side. Other
// screens scale them (text is drawn at the layout's size).
constexpr float kTextPx = 28;
constexpr float kTitlePx = 48;
constexpr float kFigurePx = 72;

// The words the figure font needs besides ASCII: every figure the Home tiles can show.
constexpr const char* kFigureKeys[] = {"figure.proposals.open",    "figure.parking.count",
                                       "figure.campaign.days_left", "figure.campaign.last_day",
                                       "figure.campaign.starts_in", "figure.campaign.starts_tomorrow"};

const char* screen_title(KioskScreen s, text::Lang lang) {
    switch (s) {
        case KioskScreen::home: return text::say(lang, "北臺區域發展推動委員會", "Northern Taiwan Regional Development");
        case KioskScreen::map: return text::say(lang, "自行車路網與環境教育據點", "Bike routes and eco sites");
        case KioskScreen::proposals: return text::say(lang, "合作提案", "Cooperation proposals");
        case KioskScreen::parking: return text::say(lang, "附近停車", "Parking nearby");
        case KioskScreen::campaign: return text::say(lang, "綠色旅遊打卡", "Green tourism check-in");
    }
    return "";
}

}  // namespace

void KioskApp::Init() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no state between visits
    // A touch screen shows no cursor; and each cursor change is a style write on the canvas.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.Fonts->TexDesiredWidth = 4096;  // wide rather than tall: WebGL2 guarantees 4096

    static ImVector<ImWchar> all_ranges, heading_ranges, figure_ranges;  // must outlive the atlas build
    ImFontGlyphRangesBuilder all;
    all.AddText(kKioskFontChars);
    all.BuildRanges(&all_ranges);
    ImFontGlyphRangesBuilder heading;
    heading.AddText(kKioskHeadingChars);
    heading.BuildRanges(&heading_ranges);
    ImFontGlyphRangesBuilder figure;
    figure.AddRanges(io.Fonts->GetGlyphRangesDefault());
    figure.AddText("—");
    for (const char* key : kFigureKeys) {
        figure.AddText(std::string(text::tr(key, text::Lang::zh_TW)).c_str());
        figure.AddText(std::string(text::tr(key, text::Lang::en)).c_str());
    }
    figure.BuildRanges(&figure_ranges);

    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes are static data
    config.OversampleH = 1;
    config.PixelSnapH = true;
    auto* data = const_cast<unsigned char*>(kKioskFont);
    const int size = static_cast<int>(kKioskFontSize);
    fonts_.text = io.Fonts->AddFontFromMemoryTTF(data, size, LineSize(kTextPx), &config, all_ranges.Data);
    fonts_.title = io.Fonts->AddFontFromMemoryTTF(data, size, LineSize(kTitlePx), &config, heading_ranges.Data);
    fonts_.figure = io.Fonts->AddFontFromMemoryTTF(data, size, LineSize(kFigurePx), &config, figure_ranges.Data);

    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(palette::background);
}

std::string KioskApp::Configure(const std::string& query, std::int64_t now_ms) {
    query_ = query;
    auto params = text::parse_query_string(query);
    config_ = render::read_kiosk_config(params ? *params : text::QueryParams{}, data_.counties());
    if (!params) config_.problems.push_back("the address holds a malformed query string; defaults used");
    StartSession(now_ms);
    std::string out;
    for (const auto& p : config_.problems) out += (out.empty() ? "" : "\n") + p;
    return out;
}

void KioskApp::StartSession(std::int64_t now_ms) {
    // The map's first view: the lobby, zoomed out far enough to show the routes around it.
    session_ = std::make_unique<render::KioskSession>(
        render::session_settings(config_.config, render::home_subjects(), 12), now_ms);
    handoff_visit_.reset();
}

std::string KioskApp::Load(const std::string& part, const std::string& text, std::int64_t fetched_at, std::int64_t now_ms) {
    const bool first_counties = part == "counties" && !data_.Has(DataPart::counties);
    std::string error = data_.Load(part, text, fetched_at);
    // The lobby's county is known once the counties are: read the address again.
    if (error.empty() && first_counties) Configure(query_, now_ms);
    return error;
}

std::optional<std::int64_t> KioskApp::ShownDataAge(std::int64_t now_s) const {
    const auto oldest = data_.OldestFetch();
    if (!oldest) return std::nullopt;
    return std::max<std::int64_t>(now_s - *oldest, 0);
}

void KioskApp::UpdateHandoff(std::int64_t now_s) {
    const render::KioskVisit& visit = session_->visit();
    std::string campaign;
    if (visit.screen == KioskScreen::campaign && data_.campaigns())
        if (const auto* c = render::featured_campaign(*data_.campaigns(), now_s)) campaign = c->id;
    if (handoff_visit_ && *handoff_visit_ == visit && campaign == handoff_campaign_) return;
    handoff_visit_ = visit;
    handoff_campaign_ = campaign;
    handoff_url_ = origin_ + render::kiosk_handoff_path(visit, config_.config, campaign);
    qr_ = EncodeQr(handoff_url_);
}

void KioskApp::DrawHeader(KioskUi& ui, std::int64_t now_s) {
    const auto& l = ui.layout();
    ImDrawList* d = ui.draw();
    d->AddRectFilled(TopLeft(l.header), BottomRight(l.header), palette::band);
    const auto& visit = session_->visit();
    const bool attract = session_->phase() == KioskPhase::attract;
    if (visit.screen != KioskScreen::home && !attract && ui.Button("home", l.home_button, ui.say("‹ 首頁", "‹ Home")))
        session_->home();

    const char* title = attract ? ui.say("請觸碰螢幕開始", "Touch the screen to start") : screen_title(visit.screen, ui.lang());
    // Without the Home button (on Home, in the attract loop) the title takes its room too; a
    // title wider than its room is set smaller, down to the body size, never cut.
    render::KioskRect room = l.title;
    if (visit.screen == KioskScreen::home || attract) {
        room.w += room.x - l.home_button.x;
        room.x = l.home_button.x;
    }
    float size = l.title_px;
    const float width = ui.TextWidth(title, size, ui.fonts().title);
    if (width > room.w) size = std::max(l.body_px, size * room.w / width);
    d->PushClipRect(TopLeft(room), BottomRight(room), true);
    ui.Text(ImVec2(room.x, room.y + (room.h - LineSize(size)) / 2), title, size, palette::text, 0, ui.fonts().title);
    d->PopClipRect();

    // The clock, or, with the server away, how old the data shown is.
    char clock[96];
    ImU32 colour = palette::muted_text;
    const auto age = ShownDataAge(now_s);
    if (!reachable_ && age) {
        const long long minutes = *age / 60;
        std::snprintf(clock, sizeof clock, ui.lang() == text::Lang::en ? "Data from %lld min ago" : "資料更新於 %lld 分鐘前",
                      minutes);
        colour = palette::warning;
    } else {
        const std::int64_t local = now_s + 8 * 3600;  // Taiwan has no daylight saving time
        std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(local / 3600 % 24), static_cast<int>(local / 60 % 60));
    }
    const float cw = ui.TextWidth(clock, l.body_px);
    ui.Text(ImVec2(l.clock.right() - cw, l.clock.y + (l.clock.h - ui.TextHeight(clock, l.body_px)) / 2), clock, l.body_px,
            colour);

    // The other language, named in itself.
    if (ui.Button("lang", l.lang_toggle, ui.lang() == text::Lang::en ? "中文" : "English"))
        session_->visit().lang = ui.lang() == text::Lang::en ? text::Lang::zh_TW : text::Lang::en;
}

void KioskApp::DrawFooter(KioskUi& ui, std::int64_t now_ms) {
    const auto& l = ui.layout();
    ImDrawList* d = ui.draw();
    d->AddRectFilled(TopLeft(l.footer), BottomRight(l.footer), palette::band);
    if (session_->phase() == KioskPhase::attract) {
        // WCAG 2.2.2: the moving highlights can be paused, with a button of their own.
        // Its touches are read in Frame(), before the session sees them.
        const bool paused = session_->attract_paused();
        ui.Button("pause", l.pause_button, paused ? ui.say("▶ 繼續輪播", "▶ Play") : ui.say("‖ 暫停輪播", "‖ Pause"), paused);
    }
    (void)now_ms;
    const bool campaign = session_->visit().screen == KioskScreen::campaign;
    const char* caption = campaign ? ui.say("用手機掃描，報名並在據點打卡", "Scan to take part and check in on your phone")
                                   : ui.say("用手機掃描，繼續瀏覽這一頁", "Scan to continue on your phone");
    const float cy = l.qr_caption.y + (l.qr_caption.h - ui.TextHeight(caption, l.body_px, l.qr_caption.w)) / 2;
    ui.Text(ImVec2(l.qr_caption.x, cy), caption, l.body_px, palette::text, l.qr_caption.w);
    if (qr_) DrawQr(d, *qr_, TopLeft(l.qr), l.qr.w);
}

void KioskApp::DrawWarning(KioskUi& ui) {
    const auto& l = ui.layout();
    ImDrawList* d = ImGui::GetForegroundDrawList();
    d->AddRectFilled(ImVec2(0, 0), ImVec2(l.width, l.height), palette::scrim);
    const auto& r = l.dialog;
    d->AddRectFilled(TopLeft(r), BottomRight(r), palette::panel, 18 * l.scale);
    const float pad = l.margin_px * 1.5f;
    const char* ask = ui.say("還在使用嗎？", "Still there?");
    d->AddText(ui.fonts().title, LineSize(l.title_px), ImVec2(r.x + pad, r.y + pad), palette::dark_text, ask);
    char line[120];
    std::snprintf(line, sizeof line,
                  ui.lang() == text::Lang::en ? "Back to the start in %d s. Touch anywhere to continue."
                                              : "%d 秒後回到首頁。觸碰螢幕任何地方即可繼續。",
                  session_->warning_seconds_left());
    d->AddText(ui.fonts().text, LineSize(l.body_px), ImVec2(r.x + pad, r.y + pad + LineSize(l.title_px) * 1.3f),
               palette::dark_text, line,
               nullptr, r.w - 2 * pad);
    // The button is a target to aim at; any touch continues (the session consumes it).
    const render::KioskRect button{r.x + pad, r.bottom() - pad - l.button_px, r.w - 2 * pad, l.button_px};
    d->AddRectFilled(TopLeft(button), BottomRight(button), palette::tile, 12 * l.scale);
    const char* go_on = ui.say("繼續使用", "Continue");
    const ImVec2 ts = ui.fonts().text->CalcTextSizeA(LineSize(l.body_px), FLT_MAX, 0, go_on);
    d->AddText(ui.fonts().text, LineSize(l.body_px), ImVec2(button.x + (button.w - ts.x) / 2, button.y + (button.h - ts.y) / 2),
               palette::text, go_on);
}

void KioskApp::Frame(std::int64_t now_ms, std::int64_t now_s) {
    if (!session_) Configure(query_, now_ms);
    const ImGuiIO& io = ImGui::GetIO();
    // Laid out again only when the canvas or the orientation changes (a layout is vectors).
    if (!layout_ || layout_->width != io.DisplaySize.x || layout_->height != io.DisplaySize.y ||
        layout_orientation_ != config_.config.orientation) {
        layout_ = render::kiosk_layout(io.DisplaySize.x, io.DisplaySize.y, config_.config.orientation,
                                       static_cast<int>(render::home_subjects().size()));
        layout_orientation_ = config_.config.orientation;
    }
    const render::KioskLayout& layout = *layout_;

    // The attract loop's pause button is its own: a touch on it pauses or resumes, and does
    // not end the loop as any other touch does.
    const bool on_pause = session_->phase() == KioskPhase::attract && io.MouseClicked[0] &&
                          ImGui::IsMouseHoveringRect(TopLeft(layout.pause_button), BottomRight(layout.pause_button), false);
    render::KioskChanges changes;
    if (on_pause) {
        changes = session_->attract_paused() ? session_->resume_attract(now_ms) : session_->pause_attract(now_ms);
        swallow_ = true;
    } else if (io.MouseClicked[0]) {
        changes = session_->touch(now_ms);
        if (changes.consumed) swallow_ = true;
    }
    const render::KioskChanges ticked = session_->tick(now_ms);
    if (changes.reset || ticked.reset) {
        scroll_ = TouchScroll();
        map_.Reset();
    }
    // Home's figures, once a second and when data arrives — only while Home (or the attract
    // loop) shows them: a frame elsewhere allocates nothing for them.
    const bool tiles_shown = session_->phase() == KioskPhase::attract || session_->visit().screen == KioskScreen::home;
    if (tiles_shown && (now_s != tiles_second_ || data_.Version() != tiles_version_)) {
        tiles_ = render::live_figures(HomeData(data_, config_.config, now_s));
        tiles_second_ = now_s;
        tiles_version_ = data_.Version();
    }
    UpdateHandoff(now_s);

    const KioskPhase phase = session_->phase();
    targets_.clear();
    KioskUi ui(layout, fonts_, session_->visit().lang, !swallow_ && phase == KioskPhase::active, &targets_);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ScreenContext context{ui, *session_, data_, config_.config, now_s};
    if (phase == KioskPhase::attract) {
        if (auto subject = session_->highlight()) DrawHighlight(context, tiles_, *subject);
    } else {
        switch (session_->visit().screen) {
            case KioskScreen::home: DrawHome(context, tiles_); break;
            case KioskScreen::map: map_.Draw(context); break;
            case KioskScreen::proposals: proposals_.Draw(context, scroll_); break;
            case KioskScreen::parking: parking_.Draw(context, scroll_); break;
            case KioskScreen::campaign: campaign_.Draw(context, scroll_); break;
        }
    }
    DrawHeader(ui, now_s);
    DrawFooter(ui, now_ms);
    if (!config_.problems.empty() && phase != KioskPhase::attract) {
        // For the staff who set the kiosk up: what in its address was not understood.
        const std::string& first = config_.problems.front();
        ui.Text(ImVec2(layout.margin_px, layout.footer.y - LineSize(layout.small_px) * 1.1f), first, layout.small_px,
                palette::warning, layout.width - 2 * layout.margin_px);
    }
    if (phase == KioskPhase::warning) DrawWarning(ui);
    ImGui::End();
    if (swallow_ && !io.MouseDown[0] && !io.MouseClicked[0]) swallow_ = false;
}

text::Lang KioskApp::Lang() const { return session_ ? session_->visit().lang : config_.config.lang; }

std::string KioskApp::PageWordsJson(std::int64_t now_s) const {
    const auto state = !reach_known_ ? render::KioskDataState::loading
                       : reachable_  ? render::KioskDataState::fresh
                                     : render::KioskDataState::offline;
    const render::KioskPageWords w = render::kiosk_page_words(Lang(), state, ShownDataAge(now_s));
    return text::Json{{"lang", w.lang}, {"title", w.title}, {"canvas_label", w.canvas_label}, {"status", w.status}}.dump();
}

std::string KioskApp::StateJson(std::int64_t now_s) const {
    text::Json j;
    if (!session_) return "{}";
    const auto& v = session_->visit();
    j["phase"] = std::string(render::phase_id(session_->phase()));
    j["screen"] = std::string(render::screen_id(v.screen));
    j["lang"] = std::string(text::lang_tag(v.lang));
    j["warning_s"] = session_->warning_seconds_left();
    j["highlight"] = session_->highlight() ? std::string(render::screen_id(*session_->highlight())) : "";
    j["paused"] = session_->attract_paused();
    j["proposal"] = v.proposals.selected;
    j["filters"] = {{"county", v.proposals.filters.county},
                    {"group", v.proposals.filters.group},
                    {"status", v.proposals.filters.status ? std::string(content::to_string(*v.proposals.filters.status)) : ""}};
    j["map"] = {{"lat", v.map.centre.lat}, {"lon", v.map.centre.lon}, {"zoom", v.map.zoom}, {"feature", v.map.selected_feature}};
    j["handoff"] = handoff_url_;
    j["map_repaints"] = map_.repaints();
    j["reachable"] = reachable_;
    const auto age = ShownDataAge(now_s);
    j["data_age_s"] = age ? text::Json(*age) : text::Json();
    j["county"] = config_.config.county;
    j["problems"] = config_.problems;
    text::Json parts = text::Json::object();
    for (DataPart p : kDataParts)
        parts[part_name(p)] = data_.FetchedAt(p) ? text::Json(*data_.FetchedAt(p)) : text::Json();
    j["fetched_at"] = parts;
    // Where things are on the canvas, so that a test taps them where a person would.
    const ImGuiIO& io = ImGui::GetIO();
    const render::KioskLayout l = render::kiosk_layout(io.DisplaySize.x, io.DisplaySize.y, config_.config.orientation,
                                                       static_cast<int>(render::home_subjects().size()));
    const auto rect = [](const render::KioskRect& r) { return text::Json::array({r.x, r.y, r.w, r.h}); };
    text::Json layout{{"portrait", l.portrait}, {"home", rect(l.home_button)}, {"lang", rect(l.lang_toggle)},
                      {"content", rect(l.content)}, {"qr", rect(l.qr)}, {"pause", rect(l.pause_button)},
                      {"dialog", rect(l.dialog)}, {"header", rect(l.header)}, {"title", rect(l.title)}, {"footer", rect(l.footer)},
                      {"body_px", l.body_px}, {"small_px", l.small_px}, {"button_px", l.button_px}};
    layout["tiles"] = text::Json::array();
    for (const auto& t : l.tiles) layout["tiles"].push_back(rect(t));
    j["layout"] = layout;
    j["targets"] = text::Json::array();
    for (int i = 0; i < targets_.count; ++i)
        j["targets"].push_back({{"label", targets_.items[i].label}, {"rect", rect(targets_.items[i].rect)}});
    j["tiles"] = text::Json::array();
    for (const auto& t : tiles_)
        j["tiles"].push_back({{"screen", std::string(render::screen_id(t.screen))}, {"figure", t.figure(v.lang)},
                              {"value", t.value ? text::Json(*t.value) : text::Json()}});
    return j.dump();
}

}  // namespace beitai::kiosk
