// The kiosk's settings, from the address a lobby's Chromium opens:
//   /kiosk?county=Taipei&lat=25.0375&lon=121.5637&lang=en&orientation=portrait&idle=120&warning=30&attract=off
//
// A kiosk must start whatever its address says: nobody in a lobby can fix a typo, and an
// error page on a public screen helps no one. So a bad or missing value falls back to its
// default and is reported as a problem naming the parameter and the value; the kiosk shows
// the problems on a staff-facing line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/county.h"
#include "geo/latlon.h"
#include "text/lang.h"
#include "text/url.h"

namespace beitai::render {

// How the screen is laid out: by the canvas's aspect, or forced (a screen mounted on its
// side whose browser still reports the other shape).
enum class KioskOrientation { automatic, landscape, portrait };

// The limits of the timing parameters, in seconds.
struct KioskTimingLimits {
    static constexpr int default_idle_s = 90;
    static constexpr int min_idle_s = 30;  // commercial kiosks go down to 30 s, no lower
    static constexpr int max_idle_s = 600;
    static constexpr int default_warning_s = 30;
    static constexpr int min_warning_s = 20;  // WCAG 2.2.1: at least 20 s to extend a time-out
};

struct KioskConfig {
    std::string county;            // TDX id of the lobby's county
    geo::LatLon position;          // the lobby: as given, else its county's seat
    bool position_given = false;   // lat/lon came from the address (written back; a seat is not)
    text::Lang lang = text::Lang::zh_TW;  // the language each visit starts in
    KioskOrientation orientation = KioskOrientation::automatic;
    int idle_s = KioskTimingLimits::default_idle_s;        // seconds without a touch before the reset to Home
    int warning_s = KioskTimingLimits::default_warning_s;  // the last seconds of those, under the warning
    bool attract = true;                                    // the attract loop between visitors

    friend bool operator==(const KioskConfig& a, const KioskConfig& b);
    friend bool operator!=(const KioskConfig& a, const KioskConfig& b) { return !(a == b); }
};

struct KioskConfigReading {
    KioskConfig config;
    // One line per problem, each naming the parameter and its value and what was used
    // instead: "idle=5: must be between 30 and 600 seconds; 90 used". Empty when all is well.
    std::vector<std::string> problems;
};

// Reads the kiosk's parameters against the counties the portal knows. Never fails: every
// bad value becomes a problem and its default. With no (or an unknown) county, the first
// of `counties` is used, so that the kiosk still has a position to measure from.
KioskConfigReading read_kiosk_config(const text::QueryParams& params, const std::vector<content::County>& counties);

// The warning the kiosk gives when the address names none: 30 s, or idle − 10 s when the
// idle time is under 40 s (the warning must end before the idle time does, and a visitor
// gets at least 10 s of calm before it).
int default_warning_s(int idle_s);

// The config back as parameters, in a fixed order (county, lat, lon, lang, orientation,
// idle, warning, attract), leaving out what equals its default; the county is always
// written. Reading them back gives the same config with no problems.
text::QueryParams to_params(const KioskConfig& config);
std::string kiosk_query_string(const KioskConfig& config);  // "county=Taipei&idle=120" (no '?')

std::string_view orientation_id(KioskOrientation orientation);  // "auto", "landscape", "portrait"

}  // namespace beitai::render
