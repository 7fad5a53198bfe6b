// Checking in with a photo (issue 11 (c)). The API takes the image itself as the body, the
// form without JavaScript a multipart/form-data body; both re-encode it first (site/photo/:
// anything but a readable JPEG or PNG within the pixel cap is refused and nothing is kept),
// then pass through the same gate and judgement as a code or a position check-in (the core
// makes a photo wait for the county editor's review), and the check-in and its photo are
// stored in one transaction. The staff who review it see the photo here — the editor of the
// site's county, or the admin — until the review deletes it (store/raffle_store.h).
#include "http/multipart.h"
#include "photo/reencode.h"
#include "routes/staff_support.h"
#include "text/url.h"

namespace beitai::site {

using text::say;

namespace {

int status_of(photo::PhotoProblem problem) {
    switch (problem) {
        case photo::PhotoProblem::not_an_image: return 415;
        case photo::PhotoProblem::too_many_pixels: return 413;
        default: return 400;
    }
}

// "image/jpeg" of "Image/JPEG; charset=…".
std::string media_type(const std::string& content_type) {
    std::string type = content_type.substr(0, content_type.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return type;
}

}  // namespace

Portal::RaffleReply Portal::raffle_photo_check_in(const Call& call, CampaignCall& cc, const std::string& site,
                                                  std::string_view bytes) {
    const text::Lang lang = request_lang(call.request);
    if (auto refused = checkin_gate(call, cc)) return std::move(*refused);
    if (site.empty()) return {400, std::string("site: ") + say(lang, "請選擇場所", "choose a site")};
    if (bytes.empty()) return {400, std::string("photo: ") + say(lang, "請選擇一張照片", "choose a photo")};
    // Outside the participant's lock: decoding takes a while, and judging needs none of it.
    const auto photo = photo::reencode_photo(bytes);
    if (!photo.ok()) return {status_of(photo.problem), photo::photo_problem_text(photo.problem, lang)};
    raffle::CheckinClaim claim;
    claim.site = site;
    claim.proof = raffle::Proof::photo;
    claim.at = call.now;
    return judge_and_store(call, cc, claim, &photo);
}

Response Portal::api_photo(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return Response::json_error(raffle_ ? 404 : 503, cc.error());
    const std::string type = media_type(call.request.header("content-type"));
    if (type != "image/jpeg" && type != "image/png")
        return Response::json_error(415, std::string("photo: ") + say(request_lang(call.request), "請以 image/jpeg 或 image/png 傳送圖片本身",
                                                                      "send the image itself, as image/jpeg or image/png"));
    std::string site;
    for (const auto& [k, v] : call.request.query)
        if (k == "site") site = v;
    return raffle_api_answer(raffle_photo_check_in(call, *cc, site, call.request.body));
}

Response Portal::raffle_photo_form(const Call& call) {
    auto cc = campaign_call(call);
    if (!cc) return raffle_unavailable(call, 404, cc.error());
    const text::Lang lang = request_lang(call.request);
    RaffleReply reply{400, ""};
    std::string site;
    auto parts = read_multipart(call.request.header("content-type"), call.request.body);
    if (!parts) reply.message = parts.error();
    else
        for (const auto& part : *parts)
            if (part.name != "site" && part.name != "photo") reply.message = part.name + say(lang, "：不認得的欄位", ": unknown field");
    if (parts && reply.message.empty()) {
        const FormPart* site_part = find_part(*parts, "site");
        const FormPart* photo_part = find_part(*parts, "photo");
        if (site_part && text::is_valid_utf8(site_part->body)) site = std::string(site_part->body);
        if (site_part && site.empty() && !site_part->body.empty())
            reply.message = std::string("site: ") + say(lang, "不是有效的 UTF-8 文字", "not valid UTF-8 text");
        else if (photo_part && !photo_part->is_file)
            reply.message = std::string("photo: ") + say(lang, "請以檔案欄位傳送照片", "send the photo as a file");
        else
            reply = raffle_photo_check_in(call, *cc, site, photo_part ? photo_part->body : std::string_view());
    }
    if (reply.status >= 400) reply.typed = {{"site", site}};
    return raffle_form_answer(call, *cc, reply);
}

Response Portal::checkin_photo(const Call& call) {
    const text::Lang lang = request_lang(call.request);
    if (!raffle_) return staff_raffle_reply(call, 503, "the raffle is not available");
    const tracker::Actor actor = call.who->account.actor();
    const std::optional<StoredCheckin> target = waiting_checkin(call.params["id"], call.now);
    // Only a waiting check-in has a photo: a review deletes it.
    if (!target) return staff_raffle_reply(call, 404, say(lang, "沒有這筆待審核打卡的照片。", "No waiting check-in has this photo."));
    if (actor.role != tracker::Role::admin && actor.county != target->county)
        return staff_raffle_reply(call, 403, say(lang, "只能查看本縣市場所的打卡照片。", "You may see only photos of check-ins at your county's sites."));
    auto photo = raffle_->store().photo(target->id);
    if (!photo) return staff_raffle_reply(call, 500, photo.error());
    if (!*photo) return staff_raffle_reply(call, 404, say(lang, "這筆打卡沒有照片。", "This check-in has no photo."));
    // A participant's photo is personal data: who looked at it is kept, as for the contacts.
    store_.append_audit({0, call.now, actor.user, "raffle-photo-view", "", "", "",
                         target->campaign + " check-in " + std::to_string(target->id) + " at " + target->site});
    Response r;
    r.content_type = (*photo)->content_type;
    r.body = std::move((*photo)->bytes);
    r.headers.emplace_back("Content-Disposition", "inline; filename=\"checkin-" + std::to_string(target->id) + ".jpg\"");
    return r;
}

}  // namespace beitai::site
