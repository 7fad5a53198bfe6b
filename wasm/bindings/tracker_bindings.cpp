// ProposalTracker: the /proposals list in the browser. It reads the snapshot the server
// publishes (/api/snapshot) once, then re-renders the results for every filter change with
// the same core functions the server used for the first page.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "text/json_reader.h"
#include "render/proposal_list.h"
#include "text/url.h"
#include "tracker/query.h"
#include "tracker/record.h"
#include "tracker/snapshot_json.h"

using emscripten::val;
using namespace beitai;

namespace {

class ProposalTracker {
public:
    explicit ProposalTracker(const std::string& snapshot_text) {
        auto parsed = text::parse_json_text(snapshot_text, "/api/snapshot");
        if (!parsed) {
            error_ = parsed.error();
            return;
        }
        auto snapshot = tracker::read_snapshot_json(*parsed, "/api/snapshot");
        if (!snapshot) {
            error_ = snapshot.error();
            return;
        }
        snapshot_ = std::move(*snapshot);
    }

    std::string error() const { return error_; }
    int size() const { return static_cast<int>(snapshot_.records.size()); }

    // render("year=112&status=open", "zh-TW") → {html, query, params: [[k, v]…]} or {error}
    val render(const std::string& query_string, const std::string& lang) const {
        val out = val::object();
        auto params = text::parse_query_string(query_string);
        if (!params) {
            out.set("error", std::string(text::say(text::parse_lang(lang), "網址的查詢字串格式有誤",
                                                   "the address holds a malformed query string")));
            return out;
        }
        auto query = tracker::parse_proposal_query(*params, snapshot_, {"lang"}, text::parse_lang(lang));
        if (!query) {
            out.set("error", query.error());
            return out;
        }
        auto selection = tracker::select_records(snapshot_, *query);
        out.set("html", render::proposal_results_html(snapshot_, *query, selection, text::parse_lang(lang)));
        auto canonical = tracker::to_params(*query);
        out.set("query", text::to_query_string(canonical));
        val pairs = val::array();
        for (const auto& [k, v] : canonical) {
            val pair = val::array();
            pair.call<void>("push", k);
            pair.call<void>("push", v);
            pairs.call<void>("push", pair);
        }
        out.set("params", pairs);
        out.set("total", static_cast<int>(selection.size()));
        return out;
    }

private:
    tracker::Snapshot snapshot_;
    std::string error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(beitai_tracker) {
    emscripten::class_<ProposalTracker>("ProposalTracker")
        .constructor<const std::string&>()
        .function("error", &ProposalTracker::error)
        .function("size", &ProposalTracker::size)
        .function("render", &ProposalTracker::render);
}
