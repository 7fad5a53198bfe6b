// Staff and proposals: the home page (the county's items), the new-item form, an item's edit
// page, and the actions — create, edit, progress, close, reopen. Every action is checked by
// the core (tracker::apply_action: who may touch which item, what a close needs), then stored
// with its audit row in one transaction; a write based on an old version is refused (409).
#include "render/notices.h"
#include "render/page.h"
#include "routes/staff_support.h"
#include "text/html.h"

namespace beitai::site {

using namespace staff;

Response Portal::staff_home(const Call& call) {
    const tracker::Actor actor = call.who->account.actor();
    const text::Lang lang = request_lang(call.request);
    return staff_page(call.request, call.now, render::staff_home_html(*snapshot_.get(), actor, call.who->session.csrf, lang));
}

Response Portal::staff_new_page(const Call& call) {
    const tracker::Actor actor = call.who->account.actor();
    const text::Lang lang = request_lang(call.request);
    return staff_page(call.request, call.now,
                      render::staff_new_html(*snapshot_.get(), actor, call.who->session.csrf, lang, {}));
}

Response Portal::staff_edit_page(const Call& call) {
    const Request& request = call.request;
    const text::Lang lang = request_lang(request);
    const tracker::Actor actor = call.who->account.actor();
    auto s = snapshot_.get();
    const tracker::ProposalRecord* r = s->find(call.params["id"]);
    if (!r) return staff_page(request, call.now, render::error_notice_html("404"), 404);
    if (!tracker::may_edit(actor, r->proposal)) return staff_page(request, call.now, forbidden_html(lang), 403);
    render::Notice notice;
    for (const auto& [k, v] : request.query)
        if (k == "saved") notice = {std::string(text::tr("staff.saved", lang)), false};
    return staff_page(request, call.now, render::staff_edit_html(*s, *r, actor, call.who->session.csrf, lang, notice));
}

Response Portal::create_proposal(const Call& call) { return proposal_action(call, "", tracker::ActionKind::create); }
Response Portal::edit_proposal(const Call& call) { return proposal_action(call, call.params["id"], tracker::ActionKind::edit); }
Response Portal::add_progress(const Call& call) { return proposal_action(call, call.params["id"], tracker::ActionKind::progress); }
Response Portal::close_proposal(const Call& call) { return proposal_action(call, call.params["id"], tracker::ActionKind::close); }
Response Portal::reopen_proposal(const Call& call) { return proposal_action(call, call.params["id"], tracker::ActionKind::reopen); }

Response Portal::proposal_action(const Call& call, const std::string& id, tracker::ActionKind kind) {
    const Request& request = call.request;
    const bool json = call.json;
    const UnixTime now = call.now;
    const tracker::Actor actor = call.who->account.actor();
    auto s = snapshot_.get();
    const tracker::ProposalRecord* current = id.empty() ? nullptr : s->find(id);
    if (!id.empty() && !current) return Response::json_error(404, "no proposal with id \"" + id + "\"");
    auto fail = [&](int status, const std::string& message) {
        return proposal_refused(call, id, kind, status, tracker::Refusal{tracker::Refusal::Kind::invalid, message, std::nullopt});
    };

    auto body = body_json(request, kind);
    if (!body) return fail(400, body.error());
    if (kind == tracker::ActionKind::create && body->is_object() && !body->contains("county") && !actor.county.empty())
        (*body)["county"] = actor.county;
    if (kind == tracker::ActionKind::create && body->is_object() && !body->contains("agency"))
        (*body)["agency"] = actor.agency;
    auto action = tracker::read_action(kind, *body);
    if (!action) return fail(400, action.error());

    std::string new_id;
    if (kind == tracker::ActionKind::create) {
        const auto& year = action->fields.contains("year") ? action->fields["year"] : text::Json();
        if (!year.is_number_integer()) return fail(400, "year: expected an ROC year such as 113");
        new_id = tracker::next_proposal_id(*s, year.get<int>());
    }
    auto outcome = tracker::apply_action(*s, current, *action, actor, taipei_today(now), new_id);
    if (!outcome.ok()) return proposal_refused(call, id, kind, status_of(outcome.refusal.kind), outcome.refusal);

    const tracker::ProposalRecord& next = *outcome.record;
    AuditEntry audit{0, now, actor.user, std::string(tracker::to_string(kind)), next.id(),
                     current ? text::to_json_text(tracker::to_json(*current)) : "",
                     text::to_json_text(tracker::to_json(next)), ""};
    auto written = store_.write_proposal(next, current ? current->version : 0, outcome.event, audit);
    if (!written) return Response::json_error(500, written.error());
    if (*written == WriteResult::version_conflict) {
        reload();
        if (const auto* latest = snapshot_.get()->find(next.id()))
            return proposal_refused(call, id, kind, 409, tracker::changed_meanwhile(*latest).refusal);
        return Response::json_error(500, "proposal " + next.id() + ": the store reported a conflict but holds no such item");
    }
    if (auto r = reload(); !r) return Response::json_error(500, r.error());
    if (json) {
        auto fresh = snapshot_.get();
        const auto* stored = fresh->find(next.id());
        return Response::json(kind == tracker::ActionKind::create ? 201 : 200,
                              text::to_json_text(tracker::to_json(stored ? *stored : next)));
    }
    return redirect("/staff/proposals/" + next.id() + "?saved=1");
}


// A refused action: logged with who and why, then answered — as JSON (a conflict with the
// record as it now is, tracker::refusal_json), or the page the form came from with the
// message and, for a conflict, the changes stored since.
Response Portal::proposal_refused(const Call& call, const std::string& id, tracker::ActionKind kind, int status,
                                  const tracker::Refusal& refusal) {
    const Request& request = call.request;
    const auth::SignedIn& who = *call.who;
    const text::Lang lang = request_lang(request);
    const UnixTime now = call.now;
    const tracker::Actor actor = who.account.actor();
    const std::string& message = refusal.message;
    store_.append_audit({0, now, actor.user, "refused:" + std::string(tracker::to_string(kind)), id, "", "", message});
    if (call.json) return Response::json(status, text::to_json_text(tracker::refusal_json(refusal)));
    auto fresh = snapshot_.get();
    if (kind == tracker::ActionKind::create)
        return staff_page(request, now, render::staff_new_html(*fresh, actor, who.session.csrf, lang, {message, true}), status);
    const tracker::ProposalRecord* latest = fresh->find(id);
    if (!latest || status == 403) return staff_page(request, now, render::error_notice_html(message), status);
    std::vector<render::AuditRow> changes;
    if (refusal.current)
        if (auto log = store_.proposal_changes(id, 200))
            for (const auto& e : *log) changes.push_back(audit_row(e));
    render::Notice notice{refusal.current ? std::string(text::tr("staff.conflict", lang)) + " (" + message + ")" : message, true};
    return staff_page(request, now, render::staff_edit_html(*fresh, *latest, actor, who.session.csrf, lang, notice, changes), status);
}

}  // namespace beitai::site
