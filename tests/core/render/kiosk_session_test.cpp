// A kiosk visit on a fake clock: idle → warning (with its countdown) → Home with every
// screen's state cleared → the attract loop, advancing, pausable, stopped by a touch; a
// touch in the warning keeps the visit; a visitor who keeps touching never sees a warning.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "render/kiosk_session.h"

using namespace beitai;
using render::KioskPhase;
using render::KioskScreen;
using render::KioskSession;

namespace {

constexpr std::int64_t kSecond = 1000;

const std::vector<KioskScreen> kHighlights = {KioskScreen::map, KioskScreen::campaign, KioskScreen::parking,
                                              KioskScreen::proposals};

render::KioskSessionSettings settings(bool attract = true) {
    render::KioskConfig config;
    config.county = "Taipei";
    config.position = {25.0375, 121.5637};
    config.attract = attract;  // idle 90 s, warning 30 s: the defaults
    auto s = render::session_settings(config, kHighlights, 15);
    s.attract_step_ms = 8 * kSecond;
    return s;
}

// A visitor's traces on every screen: what the reset must clear.
void use_every_screen(KioskSession& session) {
    auto& v = session.visit();
    session.go(KioskScreen::proposals);
    v.lang = text::Lang::en;
    v.proposals.filters.county = "NewTaipei";
    v.proposals.filters.group = "traffic";
    v.proposals.filters.status = content::Status::closed;
    v.proposals.selected = "112-40";
    v.proposals.scroll_px = 640;
    v.map.centre = {24.9, 121.2};
    v.map.zoom = 11;
    v.map.selected_feature = "site:TPE-03";
    v.parking.selected = "Taipei/TPE-S001";
    v.parking.scroll_px = 120;
    v.campaign.selected_site = "YIL-01";
    v.campaign.scroll_px = 300;
}

}  // namespace

TEST_CASE("kiosk session: idle → warning at the right second → Home cleared → attract, pausable, stopped by a touch") {
    KioskSession session(settings(), 0);
    // Nobody yet: the kiosk starts in the attract loop, on its first highlight.
    CHECK(session.phase() == KioskPhase::attract);
    CHECK(session.highlight() == KioskScreen::map);

    const std::int64_t t0 = 5 * kSecond;
    auto woke = session.touch(t0);
    CHECK(woke.consumed);
    CHECK(woke.phase);
    CHECK(session.phase() == KioskPhase::active);
    CHECK(session.visit().screen == KioskScreen::home);
    CHECK_FALSE(session.highlight().has_value());
    use_every_screen(session);
    const render::KioskVisit used = session.visit();
    REQUIRE(used != session.settings().fresh);

    // 60 s without a touch (idle 90 − warning 30): nothing changes before, the warning at it.
    CHECK_FALSE(session.tick(t0 + 59'999).any());
    CHECK(session.phase() == KioskPhase::active);
    auto warned = session.tick(t0 + 60 * kSecond);
    CHECK(warned.phase);
    CHECK(warned.countdown);
    CHECK(session.phase() == KioskPhase::warning);
    CHECK(session.warning_seconds_left() == 30);
    CHECK(session.visit() == used);  // the warning keeps everything while it counts

    // The countdown in whole seconds: it changes once a second, not every frame.
    CHECK_FALSE(session.tick(t0 + 60'500).countdown);
    CHECK(session.warning_seconds_left() == 30);
    CHECK(session.tick(t0 + 61 * kSecond).countdown);
    CHECK(session.warning_seconds_left() == 29);
    session.tick(t0 + 89'999);
    CHECK(session.warning_seconds_left() == 1);
    CHECK(session.phase() == KioskPhase::warning);

    // At 90 s: Home, every screen's state as new, the language back to the kiosk's.
    auto reset = session.tick(t0 + 90 * kSecond);
    CHECK(reset.reset);
    CHECK(reset.phase);
    CHECK(reset.highlight);
    const auto& v = session.visit();
    CHECK(v == session.settings().fresh);
    CHECK(v.screen == KioskScreen::home);
    CHECK(v.lang == text::Lang::zh_TW);
    CHECK(v.proposals.filters.county.empty());
    CHECK(v.proposals.filters.group.empty());
    CHECK_FALSE(v.proposals.filters.status.has_value());
    CHECK(v.proposals.selected.empty());
    CHECK(v.proposals.scroll_px == 0);
    CHECK(v.map.centre.lat == 25.0375);
    CHECK(v.map.centre.lon == 121.5637);
    CHECK(v.map.zoom == 15);
    CHECK(v.map.selected_feature.empty());
    CHECK(v.parking.selected.empty());
    CHECK(v.parking.scroll_px == 0);
    CHECK(v.campaign.selected_site.empty());
    CHECK(v.campaign.scroll_px == 0);
    CHECK(session.warning_seconds_left() == 0);

    // The attract loop: one highlight every 8 s, round and round.
    const std::int64_t a0 = t0 + 90 * kSecond;
    CHECK(session.phase() == KioskPhase::attract);
    CHECK(session.highlight() == KioskScreen::map);
    CHECK_FALSE(session.tick(a0 + 7'999).highlight);
    CHECK(session.tick(a0 + 8 * kSecond).highlight);
    CHECK(session.highlight() == KioskScreen::campaign);
    session.tick(a0 + 16 * kSecond);
    CHECK(session.highlight() == KioskScreen::parking);
    session.tick(a0 + 24 * kSecond);
    CHECK(session.highlight() == KioskScreen::proposals);
    session.tick(a0 + 32 * kSecond);
    CHECK(session.highlight() == KioskScreen::map);
    session.tick(a0 + 36 * kSecond);  // halfway through the map's 8 s

    // Paused (WCAG 2.2.2): the highlight holds, however long, within the idle time.
    auto paused = session.pause_attract(a0 + 36 * kSecond);
    CHECK(paused.paused);
    CHECK(session.attract_paused());
    for (std::int64_t t = a0 + 36 * kSecond; t <= a0 + 120 * kSecond; t += 250) {
        CHECK_FALSE(session.tick(t).highlight);
    }
    CHECK(session.highlight() == KioskScreen::map);
    CHECK(session.phase() == KioskPhase::attract);
    // Resumed: the rest of the map's 8 s (4 s), not a fresh step and not a jump.
    CHECK(session.resume_attract(a0 + 120 * kSecond).paused);
    CHECK_FALSE(session.attract_paused());
    CHECK_FALSE(session.tick(a0 + 123'999).highlight);
    CHECK(session.tick(a0 + 124 * kSecond).highlight);
    CHECK(session.highlight() == KioskScreen::campaign);

    // A touch stops it and shows Home; the touch does nothing else.
    auto stopped = session.touch(a0 + 130 * kSecond);
    CHECK(stopped.consumed);
    CHECK(stopped.phase);
    CHECK(session.phase() == KioskPhase::active);
    CHECK(session.visit().screen == KioskScreen::home);
    CHECK_FALSE(session.highlight().has_value());
    CHECK_FALSE(session.tick(a0 + 200 * kSecond).highlight);
}

TEST_CASE("kiosk session: a touch during the warning continues the visit as it was") {
    KioskSession session(settings(), 0);
    session.touch(0);
    use_every_screen(session);
    const render::KioskVisit used = session.visit();

    session.tick(75 * kSecond);
    REQUIRE(session.phase() == KioskPhase::warning);
    CHECK(session.warning_seconds_left() == 15);
    auto kept = session.touch(80 * kSecond);
    CHECK(kept.consumed);  // "touch to continue" must not also press the button under the finger
    CHECK(kept.phase);
    CHECK_FALSE(kept.reset);
    CHECK(session.phase() == KioskPhase::active);
    CHECK(session.warning_seconds_left() == 0);
    CHECK(session.visit() == used);

    // The idle time starts again from that touch: the next warning 60 s later, not sooner.
    CHECK_FALSE(session.tick(139'999).phase);
    CHECK(session.phase() == KioskPhase::active);
    CHECK(session.tick(140 * kSecond).phase);
    CHECK(session.phase() == KioskPhase::warning);
    CHECK(session.visit() == used);

    // An ordinary touch while active is not consumed: it presses what it touches.
    KioskSession other(settings(), 0);
    other.touch(0);
    CHECK_FALSE(other.touch(10 * kSecond).consumed);
}

TEST_CASE("kiosk session: a visitor who keeps touching never sees the warning") {
    KioskSession session(settings(), 0);
    session.touch(0);
    use_every_screen(session);
    const render::KioskVisit used = session.visit();
    bool warned = false, reset = false;
    // Ten minutes at 60 frames a second, a touch every 55 s (just inside the 60 s before the warning).
    for (std::int64_t t = 0; t <= 600 * kSecond; t += 16) {
        if (t % (55 * kSecond) < 16) session.touch(t);
        const auto changes = session.tick(t);
        warned = warned || session.phase() == KioskPhase::warning;
        reset = reset || changes.reset;
    }
    CHECK_FALSE(warned);
    CHECK_FALSE(reset);
    CHECK(session.visit() == used);
    // The same visitor pausing for 61 s does see it: the loop above could have failed.
    session.touch(601 * kSecond);
    session.tick(662 * kSecond);
    CHECK(session.phase() == KioskPhase::warning);
}

TEST_CASE("kiosk session: with the attract loop off, the reset rests on Home with no warnings for an empty lobby") {
    KioskSession session(settings(false), 0);
    CHECK(session.phase() == KioskPhase::active);
    CHECK_FALSE(session.tick(600 * kSecond).any());  // nobody came: no warning
    CHECK(session.phase() == KioskPhase::active);

    session.touch(600 * kSecond);
    use_every_screen(session);
    session.tick(660 * kSecond);
    CHECK(session.phase() == KioskPhase::warning);
    const auto reset = session.tick(690 * kSecond);
    CHECK(reset.reset);
    CHECK(reset.phase);
    CHECK_FALSE(reset.highlight);
    CHECK(session.phase() == KioskPhase::active);
    CHECK(session.visit() == session.settings().fresh);
    CHECK_FALSE(session.highlight().has_value());
    // At rest: an hour passes without a warning, until the next visitor touches it.
    for (std::int64_t t = 690 * kSecond; t <= 4290 * kSecond; t += kSecond) CHECK_FALSE(session.tick(t).any());
    CHECK_FALSE(session.touch(4300 * kSecond).consumed);
    session.tick(4360 * kSecond);
    CHECK(session.phase() == KioskPhase::warning);
}

TEST_CASE("kiosk session: a paused attract loop resumes by itself after the idle time") {
    KioskSession session(settings(), 0);
    session.tick(10 * kSecond);
    CHECK(session.highlight() == KioskScreen::campaign);
    session.pause_attract(10 * kSecond);
    CHECK_FALSE(session.tick(99'999).paused);
    CHECK(session.attract_paused());
    CHECK(session.tick(100 * kSecond).paused);
    CHECK_FALSE(session.attract_paused());
    CHECK(session.highlight() == KioskScreen::campaign);  // from where it stood: 6 s of its 8 left
    CHECK_FALSE(session.tick(105'999).highlight);
    CHECK(session.tick(106 * kSecond).highlight);
    CHECK(session.highlight() == KioskScreen::parking);
    // Pausing outside the attract loop does nothing.
    session.touch(107 * kSecond);
    CHECK_FALSE(session.pause_attract(108 * kSecond).paused);
    CHECK_FALSE(session.attract_paused());
}

TEST_CASE("kiosk session: late or backward clocks") {
    SUBCASE("a touch long after the last frame finds the visit already reset") {
        KioskSession session(settings(), 0);
        session.touch(0);
        use_every_screen(session);
        const auto changes = session.touch(500 * kSecond);  // no frame ran in between (a hidden tab)
        CHECK(changes.reset);
        CHECK(changes.consumed);  // it woke the kiosk from the attract loop the reset began
        CHECK(session.phase() == KioskPhase::active);
        CHECK(session.visit() == session.settings().fresh);
    }
    SUBCASE("a clock that goes back is taken as standing still") {
        KioskSession session(settings(), 0);
        session.touch(50 * kSecond);
        CHECK_FALSE(session.tick(10 * kSecond).any());
        CHECK(session.phase() == KioskPhase::active);
        session.tick(109 * kSecond);
        CHECK(session.phase() == KioskPhase::active);
        session.tick(110 * kSecond);
        CHECK(session.phase() == KioskPhase::warning);
        CHECK_FALSE(session.tick(0).any());
        CHECK(session.warning_seconds_left() == 30);
    }
}

TEST_CASE("kiosk session: navigation and the settings a config gives") {
    render::KioskConfig config;
    config.position = {24.8, 121.0};
    config.lang = text::Lang::en;
    config.idle_s = 120;
    config.warning_s = 40;
    config.attract = false;
    const auto s = render::session_settings(config, {KioskScreen::parking}, 13);
    CHECK(s.idle_ms == 120'000);
    CHECK(s.warning_ms == 40'000);
    CHECK_FALSE(s.attract);
    CHECK(s.attract_step_ms == 8'000);
    CHECK(s.highlights == std::vector<KioskScreen>{KioskScreen::parking});
    CHECK(s.fresh.lang == text::Lang::en);
    CHECK(s.fresh.map.centre.lat == 24.8);
    CHECK(s.fresh.map.zoom == 13);
    CHECK(s.fresh.screen == KioskScreen::home);

    KioskSession session(s, 0);
    session.go(KioskScreen::map);
    CHECK(session.visit().screen == KioskScreen::map);
    session.visit().map.zoom = 17;
    session.go(KioskScreen::parking);
    session.go(KioskScreen::map);
    CHECK(session.visit().map.zoom == 17);  // within a visit, a screen keeps its state
    session.home();
    CHECK(session.visit().screen == KioskScreen::home);
    CHECK(render::screen_id(KioskScreen::campaign) == "campaign");
    CHECK(render::phase_id(KioskPhase::warning) == "warning");
}
