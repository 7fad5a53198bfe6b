// The home page and the page for an address with no page: both HTML, in the visitor's
// language, with the site's navigation.
#include "render/home_page.h"
#include "render/notices.h"
#include "routes/portal.h"

namespace beitai::site {

Response Portal::home_page(const Call& call) {
    render::PageFrame frame = page_frame(call.request, "home");
    frame.title = std::string(text::tr("home.title", frame.lang));
    const auto snapshot = snapshot_.get();
    const auto parking = parking_ ? parking_->snapshot() : nullptr;
    RaffleState::Campaigns campaigns;
    if (raffle_) {
        // A store fault leaves the campaign out of the figures; the page still answers.
        if (auto loaded = raffle_->campaigns(call.now)) campaigns = *loaded;
    }
    render::HomeData data;
    data.counties = &snapshot->counties;
    data.proposals = snapshot.get();
    data.parking = parking.get();
    data.campaigns = campaigns.get();
    data.now = call.now;
    frame.alternates.push_back({"/proposals.atom", "application/atom+xml", std::string(text::tr("home.feed", frame.lang))});
    frame.main_html = render::home_main_html(data, frame.lang);
    return html_page(200, render::page_html(frame));
}

Response Portal::not_found(const Request& request) {
    // Programs asked the API and get JSON; a person who followed a link gets a page.
    if (request.path.rfind("/api/", 0) == 0) return Response::json_error(404, "no such resource: " + request.path);
    render::PageFrame frame = page_frame(request, "");
    frame.title = std::string(text::tr("not_found.heading", frame.lang));
    frame.main_html = render::not_found_main_html(request.path, frame.lang);
    return html_page(404, render::page_html(frame));
}

}  // namespace beitai::site
