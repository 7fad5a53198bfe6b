// The words of the web page around the kiosk's canvas — the tab's title, the canvas's name
// for screen readers and the live region's line about the data — in the kiosk's language
// now. The kiosk draws its own words on the canvas; these are the ones the browser reads
// out (web/kiosk.html starts with the zh-TW ones, and the WASM keeps them in step).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "text/lang.h"

namespace beitai::render {

// Whether the kiosk has yet heard from the server, and whether it answers.
enum class KioskDataState { loading, fresh, offline };

struct KioskPageWords {
    std::string lang;          // the page's lang attribute: "zh-Hant-TW" / "en"
    std::string title;         // <title>
    std::string canvas_label;  // the canvas's aria-label
    std::string status;        // the live region: loading, up to date, or offline (with the data's age)
};

// `data_age_s`: how old the data shown is, when offline (whole minutes are said; none: not said).
KioskPageWords kiosk_page_words(text::Lang lang, KioskDataState state, std::optional<std::int64_t> data_age_s = {});

}  // namespace beitai::render
