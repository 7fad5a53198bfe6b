// The JSON API: counties, proposals (filtered), one proposal, and the snapshot the
// browser's WASM renders the tracker from.
#include "routes/portal.h"
#include "tracker/api_json.h"
#include "tracker/snapshot_json.h"
#include "tracker/query.h"

namespace beitai::site {

Response Portal::api_counties(const Call&) {
    text::Json out = text::Json::array();
    for (const auto& c : snapshot_.get()->counties) out.push_back(content::to_json(c));
    return Response::json(200, text::to_json_text(out));
}

Response Portal::api_proposals(const Call& call) {
    const Request& request = call.request;
    auto s = snapshot_.get();
    auto query = tracker::parse_proposal_query(request.query, *s);
    if (!query) return Response::json_error(400, query.error());
    // Keyed by the canonical query, so "?year=112&status=open" and "?status=open&year=112" share.
    auto body = snapshot_.cached("api/proposals?" + text::to_query_string(tracker::to_params(*query)),
                                 [&](const tracker::Snapshot& snapshot) {
                                     return text::to_json_text(
                                         tracker::list_json(tracker::select_records(snapshot, *query)));
                                 });
    return Response::json(200, std::move(body));
}

Response Portal::api_proposal(const Call& call) {
    const std::string& id = call.params["id"];
    auto s = snapshot_.get();
    const tracker::ProposalRecord* r = s->find(id);
    if (!r) return Response::json_error(404, "no proposal with id \"" + id + "\"");
    return Response::json(200, text::to_json_text(tracker::to_json(*r)));
}

Response Portal::api_snapshot(const Call&) {
    return Response::json(200, text::to_json_text(tracker::snapshot_json(*snapshot_.get())));
}

}  // namespace beitai::site
