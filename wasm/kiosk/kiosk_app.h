// The lobby kiosk: the portal's subjects on a touch screen, drawn with Dear ImGui. One
// visit is a render::KioskSession (idle warning, reset, attract loop); the screens draw
// what KioskData holds; the footer's QR code carries the view on to a phone.
//
// Platform-free: main_web.cpp owns the window, the GL context and the frame loop, reads the
// clocks, and calls Frame() once per frame with them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk_data.h"
#include "kiosk_screens.h"
#include "kiosk_ui.h"
#include "render/kiosk_config.h"
#include "render/live_figures.h"
#include "render/kiosk_layout.h"
#include "render/kiosk_session.h"
#include "render/qr_svg.h"

namespace beitai::kiosk {

class KioskApp {
public:
    // Builds the fonts from the embedded CJK subset. Call once after ImGui::CreateContext().
    void Init();
    // The page's query string ("county=Taipei&lang=en…"): read now and again once the
    // counties arrive (an unknown county is only known unknown then). Returns the problems,
    // one per line ("" when none); the kiosk starts anyway, on the defaults.
    std::string Configure(const std::string& query, std::int64_t now_ms);
    // The site's origin ("https://portal.example"), put in front of the hand-off paths.
    void SetOrigin(const std::string& origin) { origin_ = origin; handoff_visit_.reset(); }
    // Whether the glue reaches the server now; away, the header says how old the data is.
    void SetReachable(bool reachable) { reachable_ = reachable; reach_known_ = true; }

    KioskData& data() { return data_; }
    // A data part loaded: the counties also re-read the configuration.
    std::string Load(const std::string& part, const std::string& text, std::int64_t fetched_at, std::int64_t now_ms);
    void ApplyPinch(const Pinch& pinch) { map_.ApplyPinch(pinch); }

    // Draws one frame covering the whole display. `now_ms`: a monotonic clock (the session's
    // timers); `now_s`: the wall clock in Unix seconds (ages, days, the clock shown).
    void Frame(std::int64_t now_ms, std::int64_t now_s);

    // For the tests and the page's live region: the phase, the screen, the countdown, the
    // open things, the hand-off address, the data's age.
    std::string StateJson(std::int64_t now_s) const;
    const std::string& HandoffUrl() const { return handoff_url_; }
    // The words of the page around the canvas (render::kiosk_page_words) in the visit's
    // language, as JSON: {lang, title, canvas_label, status}.
    std::string PageWordsJson(std::int64_t now_s) const;
    // The visit's language now (a tap on the toggle or a reset changes it).
    text::Lang Lang() const;

private:
    void StartSession(std::int64_t now_ms);
    void DrawHeader(KioskUi& ui, std::int64_t now_s);
    void DrawFooter(KioskUi& ui, std::int64_t now_ms);
    void DrawWarning(KioskUi& ui);
    void UpdateHandoff(std::int64_t now_s);
    std::optional<std::int64_t> ShownDataAge(std::int64_t now_s) const;

    KioskFonts fonts_;
    KioskData data_;
    std::string query_;
    render::KioskConfigReading config_;
    std::unique_ptr<render::KioskSession> session_;
    bool reachable_ = true;
    bool reach_known_ = false;  // the glue has said whether the server answers (loading until then)
    std::string origin_;

    // A touch that only woke the kiosk presses nothing until the finger lifts.
    bool swallow_ = false;
    TouchScroll scroll_;
    TapTargets targets_;  // what the last frame offered to tap
    MapScreen map_;
    ProposalsScreen proposals_;
    ParkingScreen parking_;
    CampaignScreen campaign_;

    // Worked out when their inputs change, not once a frame.
    std::optional<render::KioskLayout> layout_;
    render::KioskOrientation layout_orientation_ = render::KioskOrientation::automatic;
    std::vector<render::LiveFigure> tiles_;
    std::int64_t tiles_second_ = -1;
    int tiles_version_ = -1;
    std::optional<render::KioskVisit> handoff_visit_;
    std::string handoff_campaign_;
    std::string handoff_url_;
    std::optional<render::QrModules> qr_;
};

}  // namespace beitai::kiosk
