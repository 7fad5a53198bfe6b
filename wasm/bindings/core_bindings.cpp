// The embind API of the browser module (BeitaiCore). web/js calls these with the text the
// server sent; every rule and every piece of markup comes from core/.
//
// Each function returns a plain object: the result's fields, or {error: "…"} with a message
// that names what was wrong (a JSON path), never a thrown exception.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "content/county.h"
#include "text/json_reader.h"
#include "leaflet/leaflet_scene.h"
#include "render/county_list.h"
#include "render/scene.h"
#include "render/status_summary.h"
#include "tracker/api_json.h"
#include "tracker/stats.h"

using emscripten::val;
using namespace beitai;

namespace {

val error_object(const std::string& message) {
    val out = val::object();
    out.set("error", message);
    return out;
}

// proposalCounts(text of GET /api/proposals, "zh-TW" | "en") → {open, closed, total, html}
val proposal_counts(const std::string& list_text, const std::string& lang) {
    auto parsed = text::parse_json_text(list_text, "/api/proposals");
    if (!parsed) return error_object(parsed.error());
    auto list = tracker::read_summary_list(*parsed);
    if (!list) return error_object(list.error());
    auto counts = tracker::count_by_status(*list);
    val out = val::object();
    out.set("open", counts.open);
    out.set("closed", counts.closed);
    out.set("total", counts.total());
    out.set("html", render::status_summary_html(counts, text::parse_lang(lang)));
    return out;
}

// showCountySeats(element id, text of GET /api/counties, lang, tile URL or "")
//   → {markers, listHtml}: the map drawn in the element, and the same layer as a list
val show_county_seats(const std::string& element_id, const std::string& counties_text, const std::string& lang,
                      const std::string& tile_url) {
    auto parsed = text::parse_json_text(counties_text, "/api/counties");
    if (!parsed) return error_object(parsed.error());
    text::Diagnostics diagnostics("/api/counties");
    auto counties = content::read_counties(*parsed, diagnostics);
    if (!diagnostics.empty()) return error_object(diagnostics.joined());
    auto scene = render::county_seats_scene(counties, text::parse_lang(lang));
    wasm::LeafletMapOptions options;
    options.element_id = element_id;
    options.tile_url = tile_url;
    options.tile_attribution = "&copy; OpenStreetMap contributors";
    wasm::create_leaflet_map(options, scene);
    val out = val::object();
    out.set("markers", static_cast<int>(scene.markers.size()));
    out.set("listHtml", render::county_list_html(counties, text::parse_lang(lang)));
    return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(beitai_core) {
    emscripten::function("proposalCounts", &proposal_counts);
    emscripten::function("showCountySeats", &show_county_seats);
}
