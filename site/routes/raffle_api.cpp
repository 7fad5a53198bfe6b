// The raffle's JSON API (issue 11's fixed part): campaigns, statistics, taking part,
// checking in, a participant's progress, a draw's record and its published entry list.
#include "raffle/api_json.h"
#include "raffle/stats.h"
#include "routes/staff_support.h"

namespace beitai::site {

Response Portal::raffle_api(const Call& call, RaffleAction action) {
    auto cc = campaign_call(call);
    if (!cc) return Response::json_error(raffle_ ? 404 : 503, cc.error());
    if (!staff::is_json(call.request)) return Response::json_error(415, "request body: expected application/json");
    auto body = staff::request_json(call.request);
    if (!body) return Response::json_error(400, body.error());
    return raffle_api_answer((this->*action)(call, *cc, *body));
}

Response Portal::raffle_api_answer(const RaffleReply& reply) {
    Response r = reply.status >= 400 ? Response::json_error(reply.status, reply.message)
                                     : Response::json(reply.status, text::to_json_text(reply.body));
    if (reply.status >= 400 && reply.body.is_object()) r = Response::json(reply.status, text::to_json_text(reply.body));
    r.headers.insert(r.headers.end(), reply.headers.begin(), reply.headers.end());
    return r;
}

Response Portal::api_register(const Call& call) { return raffle_api(call, &Portal::raffle_register); }
Response Portal::api_checkin(const Call& call) { return raffle_api(call, &Portal::raffle_check_in); }
Response Portal::api_recover(const Call& call) { return raffle_api(call, &Portal::raffle_recover); }
Response Portal::api_erase(const Call& call) { return raffle_api(call, &Portal::raffle_erase); }

Response Portal::api_campaigns(const Call& call) {
    if (!raffle_) return Response::json_error(503, "the raffle is not available on this server");
    auto campaigns = raffle_->campaigns(call.now);
    if (!campaigns) return Response::json_error(500, campaigns.error());
    auto records = raffle_->store().draw_records();
    if (!records) return Response::json_error(500, records.error());
    return Response::json(200, text::to_json_text(raffle::campaigns_json(**campaigns, *records)));
}

// One campaign whole — its rules, sites with their radii, draws and prizes — as the content
// file holds it: what the kiosk's Campaign screen shows, read with the same reader.
Response Portal::api_campaign(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return Response::json_error(raffle_ ? 404 : 503, cc.error());
    return Response::json(200, text::to_json_text(content::to_json(cc->campaign)));
}

Response Portal::api_campaign_stats(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return Response::json_error(raffle_ ? 404 : 503, cc.error());
    const auto& c = cc->campaign;
    if (c.external) {
        if (!c.figures) return Response::json_error(404, "campaign \"" + c.id + "\" has no recorded figures");
        return Response::json(200, text::to_json_text(raffle::figures_json(*c.figures)));
    }
    auto counts = raffle_->public_counts(c, map_->counties, call.now);
    if (!counts) return Response::json_error(500, counts.error());
    return Response::json(200, text::to_json_text(raffle::figures_json((*counts)->figures)));
}

Response Portal::api_me(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return Response::json_error(raffle_ ? 404 : 503, cc.error());
    if (!cc->me) return Response::json_error(401, "no participation in this browser (POST …/participants or …/recover)");
    return Response::json(200, text::to_json_text(progress_json(*cc)));
}

Response Portal::api_draw(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return Response::json_error(raffle_ ? 404 : 503, cc.error());
    const auto* draw = content::find_draw(cc->campaign, call.params["draw"]);
    if (!draw) return Response::json_error(404, "no draw \"" + call.params["draw"] + "\" in campaign \"" + cc->campaign.id + "\"");
    auto records = raffle_->store().draw_records();
    if (!records) return Response::json_error(500, records.error());
    const text::Lang lang = request_lang(call.request);
    for (const auto& r : *records)
        if (r.campaign == cc->campaign.id && r.draw == draw->id) {
            raffle::DrawRecord published = r;
            published.seed_source = lang == text::Lang::en ? draw->seed_source_en : draw->seed_source_zh;
            return Response::json(200, text::to_json_text(raffle::to_json(published)));
        }
    raffle::DrawRecord open;
    open.campaign = cc->campaign.id;
    open.draw = draw->id;
    open.status = cc->campaign.external ? raffle::DrawStatus::drawn : raffle::DrawStatus::open;
    open.seed_source = lang == text::Lang::en ? draw->seed_source_en : draw->seed_source_zh;
    return Response::json(200, text::to_json_text(raffle::to_json(open)));
}

Response Portal::api_draw_entries(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return Response::json_error(raffle_ ? 404 : 503, cc.error());
    auto document = raffle_->store().entries_document(cc->campaign.id, call.params["draw"]);
    if (!document) return Response::json_error(500, document.error());
    if (!*document) return Response::json_error(404, "draw \"" + call.params["draw"] + "\" has no frozen entry list yet");
    Response r = Response::text(200, std::move(**document));
    r.headers.emplace_back("Content-Disposition", "inline; filename=\"entries-" + cc->campaign.id + "-" + call.params["draw"] + ".txt\"");
    return r;
}

}  // namespace beitai::site
