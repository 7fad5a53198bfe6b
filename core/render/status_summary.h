// The headline of the portal: how many proposals are open (列管) and closed (解除列管).
// Rendered here so the server and the browser's WASM produce the same markup.
#pragma once

#include <string>

#include "text/lang.h"
#include "tracker/stats.h"

namespace beitai::render {

// A <dl> with one entry per status and the total; numbers carry data-count attributes
// for tests and styling.
std::string status_summary_html(const tracker::StatusCounts& counts, text::Lang lang);

}  // namespace beitai::render
