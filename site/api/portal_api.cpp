#include "api/portal_api.h"

#include "tracker/api_json.h"
#include "tracker/query.h"

namespace beitai::site {

namespace {
const std::string kProposalPrefix = "/api/proposals/";
}

PortalApi::PortalApi(std::shared_ptr<const StoredState> state, StaticFiles files)
    : state_(std::move(state)), files_(std::move(files)) {}

std::shared_ptr<const StoredState> PortalApi::state() const { return std::atomic_load(&state_); }

Response PortalApi::handle(const Request& request) const {
    const std::string& path = request.path;
    bool is_api = path.rfind("/api/", 0) == 0 || path == "/healthz";
    if (request.method != "GET") {
        Response r = Response::json_error(405, "method " + request.method + " not allowed on " + path);
        r.headers.emplace_back("Allow", "GET, HEAD");
        return r;
    }
    if (path == "/healthz") return Response::json(200, R"({"status":"ok"})");
    if (path == "/api/counties") return counties();
    if (path == "/api/proposals") return proposals(request);
    if (path.rfind(kProposalPrefix, 0) == 0) return proposal(path.substr(kProposalPrefix.size()));
    if (!is_api)
        if (auto r = files_.serve(path)) return std::move(*r);
    return Response::json_error(404, "no such resource: " + path);
}

Response PortalApi::counties() const {
    content::Json out = content::Json::array();
    for (const auto& c : state()->catalog.counties) out.push_back(content::to_json(c));
    return Response::json(200, content::to_json_text(out));
}

Response PortalApi::proposals(const Request& request) const {
    auto s = state();
    auto query = tracker::parse_proposal_query(request.query, s->catalog);
    if (!query) return Response::json_error(400, query.error());
    auto selected = tracker::select_proposals(s->catalog.proposals, *query);
    return Response::json(200, content::to_json_text(tracker::list_json(selected)));
}

Response PortalApi::proposal(const std::string& id) const {
    auto s = state();
    const content::Proposal* p = s->catalog.find_proposal(id);
    if (!p) return Response::json_error(404, "no proposal with id \"" + id + "\"");
    static const std::vector<tracker::StatusEvent> none;
    auto h = s->history.find(id);
    return Response::json(200, content::to_json_text(tracker::detail_json(*p, h == s->history.end() ? none : h->second)));
}

}  // namespace beitai::site
