#include "render/kiosk_session.h"

#include <algorithm>
#include <utility>

namespace beitai::render {

std::string_view screen_id(KioskScreen screen) {
    switch (screen) {
        case KioskScreen::map: return "map";
        case KioskScreen::proposals: return "proposals";
        case KioskScreen::parking: return "parking";
        case KioskScreen::campaign: return "campaign";
        case KioskScreen::home: break;
    }
    return "home";
}

std::string_view phase_id(KioskPhase phase) {
    switch (phase) {
        case KioskPhase::warning: return "warning";
        case KioskPhase::attract: return "attract";
        case KioskPhase::active: break;
    }
    return "active";
}

bool operator==(const KioskProposalFilters& a, const KioskProposalFilters& b) {
    return a.county == b.county && a.group == b.group && a.status == b.status;
}
bool operator==(const KioskProposalsState& a, const KioskProposalsState& b) {
    return a.filters == b.filters && a.selected == b.selected && a.scroll_px == b.scroll_px;
}
bool operator==(const KioskMapState& a, const KioskMapState& b) {
    return a.centre.lat == b.centre.lat && a.centre.lon == b.centre.lon && a.zoom == b.zoom &&
           a.selected_feature == b.selected_feature;
}
bool operator==(const KioskParkingState& a, const KioskParkingState& b) {
    return a.selected == b.selected && a.scroll_px == b.scroll_px;
}
bool operator==(const KioskCampaignState& a, const KioskCampaignState& b) {
    return a.selected_site == b.selected_site && a.scroll_px == b.scroll_px;
}
bool operator==(const KioskVisit& a, const KioskVisit& b) {
    return a.screen == b.screen && a.lang == b.lang && a.proposals == b.proposals && a.map == b.map &&
           a.parking == b.parking && a.campaign == b.campaign;
}

KioskSessionSettings session_settings(const KioskConfig& config, std::vector<KioskScreen> highlights, double home_zoom) {
    KioskSessionSettings s;
    s.idle_ms = config.idle_s * 1000LL;
    s.warning_ms = config.warning_s * 1000LL;
    s.attract = config.attract;
    s.highlights = std::move(highlights);
    s.fresh.lang = config.lang;
    s.fresh.map.centre = config.position;
    s.fresh.map.zoom = home_zoom;
    return s;
}

KioskSession::KioskSession(KioskSessionSettings settings, std::int64_t now_ms)
    : settings_(std::move(settings)), visit_(settings_.fresh), last_ms_(now_ms), last_touch_ms_(now_ms) {
    // Nobody has touched it yet: the kiosk starts between visitors.
    KioskChanges ignored;
    if (settings_.attract) begin_attract(now_ms, ignored);
}

std::optional<KioskScreen> KioskSession::highlight() const {
    if (phase_ != KioskPhase::attract || settings_.highlights.empty()) return std::nullopt;
    return settings_.highlights[highlight_index_];
}

void KioskSession::begin_attract(std::int64_t now_ms, KioskChanges& changes) {
    phase_ = KioskPhase::attract;
    attract_run_ms_ = 0;
    highlight_index_ = 0;
    paused_ = false;
    last_ms_ = now_ms;
    changes.phase = true;
    changes.highlight = !settings_.highlights.empty();
}

void KioskSession::end_visit(std::int64_t now_ms, KioskChanges& changes) {
    visit_ = settings_.fresh;
    visiting_ = false;
    seconds_left_ = 0;
    changes.reset = true;
    if (settings_.attract) {
        begin_attract(now_ms, changes);
    } else {
        // At rest on Home until someone touches it: no warnings for an empty lobby.
        changes.phase = phase_ != KioskPhase::active;
        phase_ = KioskPhase::active;
    }
}

KioskChanges KioskSession::tick(std::int64_t now_ms) {
    KioskChanges changes;
    now_ms = std::max(now_ms, last_ms_);
    switch (phase_) {
        case KioskPhase::active:
        case KioskPhase::warning: {
            if (!visiting_) break;
            const std::int64_t idle_for = now_ms - last_touch_ms_;
            if (idle_for >= settings_.idle_ms) {
                end_visit(now_ms, changes);
                break;
            }
            const std::int64_t warn_at = settings_.idle_ms - settings_.warning_ms;
            if (idle_for < warn_at) break;
            if (phase_ != KioskPhase::warning) {
                phase_ = KioskPhase::warning;
                changes.phase = true;
            }
            const std::int64_t left_ms = settings_.idle_ms - idle_for;
            const int left_s = static_cast<int>((left_ms + 999) / 1000);
            if (left_s != seconds_left_ || changes.phase) changes.countdown = true;
            seconds_left_ = left_s;
            break;
        }
        case KioskPhase::attract: {
            if (paused_) {
                if (now_ms - paused_at_ms_ >= settings_.idle_ms) {
                    paused_ = false;  // nobody is reading it any more
                    changes.paused = true;
                }
                break;  // the time up to now was paused: it does not count
            }
            if (settings_.highlights.empty() || settings_.attract_step_ms <= 0) break;
            attract_run_ms_ += now_ms - last_ms_;
            const auto index = static_cast<std::size_t>(attract_run_ms_ / settings_.attract_step_ms) %
                               settings_.highlights.size();
            if (index != highlight_index_) changes.highlight = true;
            highlight_index_ = index;
            break;
        }
    }
    last_ms_ = now_ms;
    return changes;
}

KioskChanges KioskSession::touch(std::int64_t now_ms) {
    KioskChanges changes = tick(now_ms);
    now_ms = last_ms_;
    if (phase_ != KioskPhase::active) {
        // Back to the visit as it was (warning), or a new one on Home (attract): this touch
        // only woke the kiosk.
        if (phase_ == KioskPhase::attract) visit_.screen = KioskScreen::home;
        phase_ = KioskPhase::active;
        paused_ = false;
        seconds_left_ = 0;
        changes.phase = true;
        changes.consumed = true;
    }
    visiting_ = true;
    last_touch_ms_ = now_ms;
    return changes;
}

KioskChanges KioskSession::pause_attract(std::int64_t now_ms) {
    KioskChanges changes = tick(now_ms);  // the loop has run up to now
    if (phase_ == KioskPhase::attract && !paused_) {
        paused_ = true;
        paused_at_ms_ = last_ms_;
        changes.paused = true;
    }
    return changes;
}

KioskChanges KioskSession::resume_attract(std::int64_t now_ms) {
    KioskChanges changes = tick(now_ms);  // paused time passes uncounted
    if (phase_ == KioskPhase::attract && paused_) {
        paused_ = false;
        changes.paused = true;
    }
    return changes;
}

}  // namespace beitai::render
