// One kiosk visit as a state machine, on a clock the caller reads: every call takes the
// time in milliseconds (the browser's performance.now(), a test's counter) and nothing here
// reads a clock, so a test walks through a whole day in microseconds.
//
//   attract ──touch──▶ active ──(idle − warning) s without a touch──▶ warning ──idle s──▶ reset
//      ▲                 ▲                                              │
//      │                 └──────────────touch (state kept)──────────────┘
//      └── reset: Home, every screen's state cleared (attract off: active on Home, at rest)
//
// The platform (wasm/kiosk) calls touch() on every pointer-down, tick() once a frame, go()
// and home() when a tile or button is tapped, and reads and writes the screens' state in
// visit() as plain fields: whatever lives there is what the reset clears.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/proposal.h"
#include "geo/latlon.h"
#include "render/kiosk_config.h"
#include "text/lang.h"

namespace beitai::render {

enum class KioskScreen { home, map, proposals, parking, campaign };
std::string_view screen_id(KioskScreen screen);  // "home", "map", …

enum class KioskPhase {
    active,   // a visitor is (or may be) there
    warning,  // "still there?": a countdown; a touch continues the visit as it was
    attract,  // between visitors: the highlights loop until a touch
};
std::string_view phase_id(KioskPhase phase);

// The proposals screen's big toggles: the same filters as /proposals, fewer of them.
struct KioskProposalFilters {
    std::string county;                     // proposing county (TDX id); "" any
    std::string group;                      // issue group id; "" any
    std::optional<content::Status> status;  // nullopt: open and closed
};

struct KioskProposalsState {
    KioskProposalFilters filters;
    std::string selected;  // the proposal whose detail is open ("112-40"); "" the list
    float scroll_px = 0;   // the list's offset
};

struct KioskMapState {
    geo::LatLon centre;
    double zoom = 0;               // Web Mercator zoom level
    std::string selected_feature;  // the Scene id whose card is open; ""
};

struct KioskParkingState {
    std::string selected;  // parking::car_park_key of the open card ("Taipei/TPE-001"); ""
    float scroll_px = 0;
};

struct KioskCampaignState {
    std::string selected_site;  // site id of the open card; ""
    float scroll_px = 0;
};

// Everything a visitor can change. A reset replaces it whole with the settings' fresh one.
struct KioskVisit {
    KioskScreen screen = KioskScreen::home;
    text::Lang lang = text::Lang::zh_TW;  // a visitor's switch lasts for their visit only
    KioskProposalsState proposals;
    KioskMapState map;
    KioskParkingState parking;
    KioskCampaignState campaign;
};
bool operator==(const KioskProposalFilters& a, const KioskProposalFilters& b);
bool operator==(const KioskProposalsState& a, const KioskProposalsState& b);
bool operator==(const KioskMapState& a, const KioskMapState& b);
bool operator==(const KioskParkingState& a, const KioskParkingState& b);
bool operator==(const KioskCampaignState& a, const KioskCampaignState& b);
bool operator==(const KioskVisit& a, const KioskVisit& b);
inline bool operator!=(const KioskVisit& a, const KioskVisit& b) { return !(a == b); }

struct KioskSessionSettings {
    std::int64_t idle_ms = 90'000;     // without a touch, then the reset
    std::int64_t warning_ms = 30'000;  // the last part of idle_ms, under the warning
    bool attract = true;
    std::int64_t attract_step_ms = 8'000;  // one highlight this long
    std::vector<KioskScreen> highlights;   // what the attract loop shows in turn (the Home tiles' subjects)
    KioskVisit fresh;                      // what a reset returns to
};

// The settings of a configured kiosk: its timing, Home in its language, the map on the
// lobby at `home_zoom`.
KioskSessionSettings session_settings(const KioskConfig& config, std::vector<KioskScreen> highlights,
                                      double home_zoom = 15);

// What a call changed, so that the platform redraws or announces only then.
struct KioskChanges {
    bool phase = false;      // another phase began
    bool countdown = false;  // the warning's seconds left changed (also when it begins)
    bool reset = false;      // the visit was cleared and Home shown
    bool highlight = false;  // the attract loop shows another highlight (also when it begins)
    bool paused = false;     // the attract loop was paused or resumed
    // The touch only woke the kiosk (from the warning or the attract loop): the platform
    // must not also press what lies under the finger.
    bool consumed = false;

    bool any() const { return phase || countdown || reset || highlight || paused || consumed; }
};

class KioskSession {
public:
    // Starts between visitors: in the attract loop when it is on, else at rest on Home.
    KioskSession(KioskSessionSettings settings, std::int64_t now_ms);

    // A pointer went down anywhere. Time is brought up to date first (a touch after the
    // idle time finds the visit already reset).
    KioskChanges touch(std::int64_t now_ms);
    // Once a frame: enters the warning, counts it down, resets, advances the attract loop.
    // A clock that goes backwards is taken as standing still.
    KioskChanges tick(std::int64_t now_ms);

    void go(KioskScreen screen) { visit_.screen = screen; }
    void home() { visit_.screen = KioskScreen::home; }

    // WCAG 2.2.2: the attract loop's own pause button (not a touch: a touch stops the loop).
    // A paused loop holds its highlight; it resumes on resume_attract(), or by itself after
    // idle_ms without input, so that the next visitor never finds a frozen screen.
    KioskChanges pause_attract(std::int64_t now_ms);
    KioskChanges resume_attract(std::int64_t now_ms);

    KioskPhase phase() const { return phase_; }
    // The warning's countdown, whole seconds rounded up (30 when it begins, 1 in its last
    // second); 0 outside the warning.
    int warning_seconds_left() const { return phase_ == KioskPhase::warning ? seconds_left_ : 0; }
    // In the attract loop, the highlight shown; nullopt otherwise or with no highlights.
    std::optional<KioskScreen> highlight() const;
    std::size_t highlight_index() const { return highlight_index_; }
    bool attract_paused() const { return phase_ == KioskPhase::attract && paused_; }

    KioskVisit& visit() { return visit_; }
    const KioskVisit& visit() const { return visit_; }
    const KioskSessionSettings& settings() const { return settings_; }

private:
    void end_visit(std::int64_t now_ms, KioskChanges& changes);
    void begin_attract(std::int64_t now_ms, KioskChanges& changes);

    KioskSessionSettings settings_;
    KioskVisit visit_;
    KioskPhase phase_ = KioskPhase::active;
    bool visiting_ = false;          // a touch since the last reset: only then does idle time count
    std::int64_t last_ms_ = 0;       // the latest time seen
    std::int64_t last_touch_ms_ = 0;
    int seconds_left_ = 0;
    std::int64_t attract_run_ms_ = 0;  // time the loop has run, pauses left out
    std::size_t highlight_index_ = 0;
    bool paused_ = false;
    std::int64_t paused_at_ms_ = 0;
};

}  // namespace beitai::render
