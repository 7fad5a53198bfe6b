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
namespace {

// A feed reader gets Atom's own type. A browser (it asks for HTML first) gets the same XML as
// application/xml: Chromium shows application/atom+xml as bare text, but renders XML with its
// stylesheet (tracker::atom_stylesheet), so a citizen who follows the link reads a page.
Response feed_response(const Request& request, std::string xml) {
    Response r;
    const bool browser = request.header("accept").find("text/html") != std::string::npos;
    r.content_type = browser ? "application/xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
    r.headers.emplace_back("Vary", "Accept");
    r.body = std::move(xml);
    return r;
}

}  // namespace

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
    return feed_response(request, tracker::atom_feed(spec, *s, selection));
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
    return feed_response(request, tracker::atom_proposal_feed(spec, *s, *record));
}

}  // namespace beitai::site
