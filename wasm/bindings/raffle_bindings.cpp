// The raffle's verify page in the browser: the published draw record and entry list (as the
// page fetched them, or as the reader changed them) re-run with the same core the server
// drew with, and the comparison rendered by the core (render/raffle_views.h).
#include <emscripten/bind.h>

#include "raffle/api_json.h"
#include "render/notices.h"
#include "render/raffle_views.h"
#include "text/json_reader.h"

using namespace beitai;

namespace {

// verifyDraw(entriesText, seedValue, drawJsonText, prizes, "zh-TW") → the result's HTML.
std::string verify_draw(const std::string& entries_text, const std::string& seed_value, const std::string& draw_json,
                        int prizes, const std::string& lang) {
    const text::Lang l = text::parse_lang(lang);
    auto parsed = text::parse_json_text(draw_json, "draw record");
    if (!parsed) return render::error_notice_html(parsed.error());
    auto record = raffle::read_draw_record(*parsed);
    if (!record) return render::error_notice_html(record.error());
    return render::verify_result_html(entries_text, seed_value, *record, static_cast<size_t>(prizes < 0 ? 0 : prizes), l);
}

}  // namespace

EMSCRIPTEN_BINDINGS(beitai_raffle) { emscripten::function("verifyDraw", &verify_draw); }
