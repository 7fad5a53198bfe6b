#include "render/status_summary.h"

#include "text/html.h"

namespace beitai::render {

namespace {
std::string entry(const char* status, std::string_view label, int count) {
    std::string n = std::to_string(count);
    return "<div class=\"stat stat-" + std::string(status) + "\"><dt>" + text::escape_html(label) +
           "</dt><dd data-status=\"" + status + "\" data-count=\"" + n + "\">" + n + "</dd></div>";
}
}  // namespace

std::string status_summary_html(const tracker::StatusCounts& counts, text::Lang lang) {
    using text::tr;
    return "<dl class=\"status-summary\">" + entry("open", tr("status.open", lang), counts.open) +
           entry("closed", tr("status.closed", lang), counts.closed) +
           entry("total", tr("summary.total", lang), counts.total()) + "</dl>";
}

}  // namespace beitai::render
