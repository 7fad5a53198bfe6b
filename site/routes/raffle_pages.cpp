// The raffle's pages for citizens: the campaigns, a campaign (with the forms that work
// without JavaScript: register, check in by code, recover, erase), a draw's public record
// and the page that re-runs it in the browser.
#include "raffle/draw.h"
#include "raffle/participant.h"
#include "render/raffle_views.h"
#include "routes/staff_support.h"

namespace beitai::site {

namespace {

std::string tr_s(const char* key, text::Lang lang) { return std::string(text::tr(key, lang)); }

}  // namespace

Response Portal::raffle_index(const Call& call) {
    if (!raffle_) return raffle_unavailable(call, 503, "the raffle is not available on this server");
    auto campaigns = raffle_->campaigns(call.now);
    if (!campaigns) return raffle_unavailable(call, 500, campaigns.error());
    render::PageFrame frame = page_frame(call.request, "raffle");
    frame.title = tr_s("raffle.heading", frame.lang);
    render::RaffleData data{&map_->counties, &raffle_->sites(), &map_->basemap};
    frame.main_html = render::campaigns_main_html(data, **campaigns, call.now, frame.lang);
    return html_page(200, render::page_html(frame));
}

Response Portal::raffle_campaign_page(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return raffle_unavailable(call, 404, cc.error());
    return campaign_page(call, *cc, nullptr);
}

Response Portal::raffle_form(const Call& call, RaffleAction action) {
    auto cc = campaign_call(call);
    if (!cc) return raffle_unavailable(call, 404, cc.error());
    auto body = staff::body_json(call.request, std::nullopt);
    RaffleReply reply = body ? (this->*action)(call, *cc, *body) : RaffleReply{400, body.error()};
    if (reply.status >= 400 && body) reply.typed = *body;
    return raffle_form_answer(call, *cc, reply);
}

Response Portal::raffle_form_answer(const Call& call, CampaignCall& cc, const RaffleReply& reply) {
    // Done: back to the campaign's page (Post/Redirect/Get), which says what was done — but
    // a new recovery code is shown on this answer only, never put in an address.
    if (reply.status < 400 && reply.recovery_code.empty() && !reply.notice_key.empty()) {
        std::string to = "/raffle/" + text::percent_encode(cc.campaign.id) + "?notice=" + text::percent_encode(reply.notice_key);
        if (!reply.notice_site.empty()) to += "&at=" + text::percent_encode(reply.notice_site);
        Response r = redirect(to);
        r.headers.insert(r.headers.end(), reply.headers.begin(), reply.headers.end());
        return r;
    }
    return campaign_page(call, cc, &reply);
}

Response Portal::raffle_register_form(const Call& call) { return raffle_form(call, &Portal::raffle_register); }
Response Portal::raffle_checkin_form(const Call& call) { return raffle_form(call, &Portal::raffle_check_in); }
Response Portal::raffle_recover_form(const Call& call) { return raffle_form(call, &Portal::raffle_recover); }
Response Portal::raffle_erase_form(const Call& call) { return raffle_form(call, &Portal::raffle_erase); }

Response Portal::raffle_draw_page(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return raffle_unavailable(call, 404, cc.error());
    const auto* draw = content::find_draw(cc->campaign, call.params["draw"]);
    if (!draw) return raffle_unavailable(call, 404, "no draw \"" + call.params["draw"] + "\" in campaign \"" + cc->campaign.id + "\"");
    render::PageFrame frame = page_frame(call.request, "raffle");
    render::DrawPageView view;
    view.campaign = &cc->campaign;
    view.draw = draw;
    view.lang = frame.lang;
    view.now = call.now;
    if (auto records = raffle_->store().draw_records())
        for (auto& r : *records)
            if (r.campaign == cc->campaign.id && r.draw == draw->id) view.record = std::move(r);
    if (view.record) {
        if (auto count = raffle_->store().entry_count(cc->campaign.id, draw->id)) view.entries = *count;
        if (cc->me)
            if (auto mine = raffle_->store().entries_of(cc->campaign.id, cc->me->id))
                for (const auto& [d, entry] : *mine)
                    if (d == draw->id) view.my_entry = entry;
        // Each winner's contact, masked, while it is kept (a winner recognises themselves).
        for (const auto& w : view.record->winners) {
            std::string masked;
            if (auto contact = winner_contact(cc->campaign.id, draw->id, w.entry); contact && *contact)
                masked = raffle::mask_contact((*contact)->contact);
            view.contacts_masked.push_back(masked);
        }
        // The prize names in the reader's language, from the campaign's slots.
        const auto slots = raffle::prize_slots(*draw);
        for (auto& w : view.record->winners)
            if (w.slot < slots.size()) {
                const auto* county = content::find_county(map_->counties, slots[w.slot].county);
                const std::string giver = county ? (frame.lang == text::Lang::en ? county->name_en : county->name_zh) : slots[w.slot].county;
                w.prize = (frame.lang == text::Lang::en ? slots[w.slot].name_en : slots[w.slot].name_zh) + " · " + giver;
            }
    }
    frame.title = std::string(frame.lang == text::Lang::en ? cc->campaign.name_en : cc->campaign.name_zh) + " · " + draw->id;
    frame.main_html = render::draw_main_html(view);
    return html_page(200, render::page_html(frame));
}

Response Portal::raffle_nearby_page(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return raffle_unavailable(call, 404, cc.error());
    std::string lat, lon;
    for (const auto& [k, v] : call.request.query) {
        if (k == "lat") lat = v;
        if (k == "lon") lon = v;
    }
    auto from = render::parse_point(lat + "," + lon, "lat,lon");
    if (!from) return raffle_unavailable(call, 400, from.error());
    render::PageFrame frame = page_frame(call.request, "raffle");
    frame.title = std::string(text::tr("raffle.nearby_heading", frame.lang));
    render::NearbyView view;
    view.campaign = &cc->campaign;
    view.from = *from;
    view.lang = frame.lang;
    if (cc->me)
        if (auto stored = raffle_->store().checkins_of(cc->me->id))
            for (const auto& s : *stored) view.mine.push_back({s.site, s.at, s.state});
    std::shared_ptr<const parking::ParkingSnapshot> parking;
    if (parking_) parking = parking_->snapshot();
    view.parking = map_->data();
    view.parking.parking = parking.get();
    view.parking.now = call.now;
    render::RaffleData data{&map_->counties, &raffle_->sites(), &map_->basemap};
    frame.main_html = render::nearby_main_html(data, view);
    return html_page(200, render::page_html(frame));
}

Response Portal::raffle_verify_page(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return raffle_unavailable(call, 404, cc.error());
    const auto* draw = content::find_draw(cc->campaign, call.params["draw"]);
    if (!draw) return raffle_unavailable(call, 404, "no draw \"" + call.params["draw"] + "\" in campaign \"" + cc->campaign.id + "\"");
    render::PageFrame frame = page_frame(call.request, "raffle");
    frame.title = tr_s("raffle.verify_heading", frame.lang);
    frame.main_html = render::verify_main_html(cc->campaign, *draw, frame.lang);
    frame.scripts = {"/wasm/beitai_core.js", "/static/js/raffle_verify.js"};
    return html_page(200, render::page_html(frame));
}

}  // namespace beitai::site
