// The citizen's pages of the proposal tracker: the list and each proposal, rendered by core/
// views so they work without JavaScript.
#include "render/page.h"
#include "render/proposal_detail.h"
#include "render/proposal_list.h"
#include "routes/portal.h"
#include "text/html.h"
#include "tracker/query.h"

namespace beitai::site {

Response Portal::proposals_page(const Call& call) {
    const Request& request = call.request;
    auto s = snapshot_.get();
    const text::Lang lang = request_lang(request);
    auto query = tracker::parse_proposal_query(request.query, *s);
    render::PageFrame frame;
    frame.lang = lang;
    frame.path_and_query = path_and_query(request);
    frame.active_nav = "proposals";
    frame.title = std::string(text::tr("summary.heading", lang));
    if (!query) {
        frame.main_html = "<h1>" + text::escape_html(frame.title) + "</h1><p class=\"error\" role=\"alert\">" +
                          text::escape_html(query.error()) + "</p><p><a href=\"/proposals\">" +
                          text::escape_html(text::tr("filter.reset", lang)) + "</a></p>";
        return html_page(400, render::page_html(frame));
    }
    auto selection = tracker::select_records(*s, *query);
    frame.scripts = {"/wasm/beitai_core.js", "/static/js/proposals.js"};
    frame.main_html = "<h1>" + text::escape_html(frame.title) + "</h1><div class=\"tracker\">" +
                      render::proposal_filters_html(*s, *query, lang) +
                      "<div id=\"proposal-results\" class=\"results\" aria-live=\"polite\">" +
                      render::proposal_results_html(*s, *query, selection, lang) + "</div></div>";
    return html_page(200, render::page_html(frame));
}

Response Portal::proposal_page(const Call& call) {
    const Request& request = call.request;
    const std::string& id = call.params["id"];
    auto s = snapshot_.get();
    const text::Lang lang = request_lang(request);
    render::PageFrame frame;
    frame.lang = lang;
    frame.path_and_query = path_and_query(request);
    frame.active_nav = "proposals";
    const tracker::ProposalRecord* r = s->find(id);
    if (!r) {
        frame.title = "404";
        frame.main_html = "<h1>404</h1><p class=\"error\">" + text::escape_html("no proposal with id \"" + id + "\"") +
                          "</p><p><a href=\"/proposals\">" + text::escape_html(text::tr("detail.back", lang)) + "</a></p>";
        return html_page(404, render::page_html(frame));
    }
    frame.title = r->proposal.title;
    frame.main_html = render::proposal_detail_html(*s, *r, lang);
    return html_page(200, render::page_html(frame));
}

}  // namespace beitai::site
