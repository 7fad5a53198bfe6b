// The citizen's pages of the proposal tracker: the list and each proposal, rendered by core/
// views so they work without JavaScript.
#include "render/notices.h"
#include "render/page.h"
#include "render/proposal_detail.h"
#include "render/proposal_list.h"
#include "routes/portal.h"
#include "text/html.h"
#include "text/url.h"
#include "tracker/labels.h"
#include "tracker/query.h"

namespace beitai::site {

Response Portal::proposals_page(const Call& call) {
    const Request& request = call.request;
    auto s = snapshot_.get();
    const text::Lang lang = request_lang(request);
    auto query = tracker::parse_proposal_query(request.query, *s, {}, lang);
    render::PageFrame frame = page_frame(request, "proposals");
    frame.title = std::string(text::tr("summary.heading", lang));
    if (!query) {
        frame.main_html = render::error_main_html(frame.title, query.error(), "/proposals", text::tr("filter.reset", lang));
        return html_page(400, render::page_html(frame));
    }
    auto selection = tracker::select_records(*s, *query);
    // The list is here already: the core (and the snapshot it filters) comes only when the
    // visitor first changes a filter (web/js/proposals.js).
    frame.scripts = {"/static/js/proposals.js"};
    frame.on_demand_scripts = {"/wasm/beitai_core.js"};
    tracker::ProposalQuery every_page = *query;
    every_page.page = 1;
    frame.alternates.push_back({render::proposals_url(every_page, "/proposals.atom"), "application/atom+xml",
                                std::string(text::tr("list.feed", lang))});
    frame.main_html = render::proposals_main_html(*s, *query, selection, lang);
    return html_page(200, render::page_html(frame));
}

Response Portal::proposal_page(const Call& call) {
    const Request& request = call.request;
    const std::string& id = call.params["id"];
    auto s = snapshot_.get();
    const text::Lang lang = request_lang(request);
    render::PageFrame frame = page_frame(request, "proposals");
    const tracker::ProposalRecord* r = s->find(id);
    if (!r) {
        frame.title = std::string(text::tr("detail.not_found", lang));
        frame.main_html = render::error_main_html(frame.title, tracker::fill(text::tr("detail.no_such", lang), "id", id),
                                                  "/proposals", text::tr("detail.back", lang));
        return html_page(404, render::page_html(frame));
    }
    frame.title = r->proposal.title;
    frame.alternates.push_back({"/proposals/" + text::percent_encode(r->id()) + ".atom", "application/atom+xml",
                                std::string(text::tr("detail.feed", lang))});
    frame.main_html = render::proposal_detail_html(*s, *r, lang);
    return html_page(200, render::page_html(frame));
}

}  // namespace beitai::site
