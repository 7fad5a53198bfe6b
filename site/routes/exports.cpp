// Downloads of the current filtered view (CSV, JSON, ODS) and Atom feeds.
#include "routes/portal.h"
#include "tracker/atom.h"
#include "tracker/exports.h"
#include "tracker/query.h"

namespace beitai::site {

namespace {
Response file(std::string content_type, std::string body, const std::string& filename) {
    Response r;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
}
}  // namespace

Response Portal::export_csv(const Call& call) { return export_view(call, "csv"); }
Response Portal::export_json(const Call& call) { return export_view(call, "json"); }
Response Portal::export_ods(const Call& call) { return export_view(call, "ods"); }
Response Portal::export_atom(const Call& call) { return export_view(call, "atom"); }

Response Portal::export_view(const Call& call, const std::string& format) const {
    const Request& request = call.request;
    auto s = snapshot_.get();
    auto query = tracker::parse_proposal_query(request.query, *s);
    if (!query) return Response::json_error(400, query.error());
    const text::Lang lang = request_lang(request);
    auto selection = tracker::select_records(*s, *query);
    if (format == "csv")
        return file("text/csv; charset=utf-8", tracker::export_csv(*s, selection, lang), "beitai-proposals.csv");
    if (format == "json") {
        Response r = Response::json(200, tracker::export_json(selection));
        return r;
    }
    if (format == "ods")
        return file("application/vnd.oasis.opendocument.spreadsheet", tracker::export_ods(*s, selection, lang),
                    "beitai-proposals.ods");
    tracker::FeedSpec spec;
    spec.base_url = config_.public_url;
    spec.self_path = path_and_query(request);
    spec.lang = lang;
    spec.today = taipei_today(call.now);
    spec.title = std::string(text::tr("site.short", lang)) + " · " + std::string(text::tr("summary.heading", lang));
    Response r;
    r.content_type = "application/atom+xml; charset=utf-8";
    r.body = tracker::atom_feed(spec, *s, selection);
    return r;
}

Response Portal::proposal_feed(const Call& call) {
    const Request& request = call.request;
    const std::string& id = call.params["id"];
    auto s = snapshot_.get();
    const tracker::ProposalRecord* record = s->find(id);
    if (!record) return Response::json_error(404, "no proposal with id \"" + id + "\"");
    tracker::FeedSpec spec;
    spec.base_url = config_.public_url;
    spec.self_path = path_and_query(request);
    spec.lang = request_lang(request);
    spec.today = taipei_today(call.now);
    spec.title = std::string(text::tr("site.short", spec.lang)) + " · " + record->proposal.title;
    Response r;
    r.content_type = "application/atom+xml; charset=utf-8";
    r.body = tracker::atom_proposal_feed(spec, *s, *record);
    return r;
}

}  // namespace beitai::site
