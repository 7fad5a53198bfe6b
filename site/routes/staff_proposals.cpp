// Staff and proposals: the home page (the items one may act on), the new-item form, an item's
// edit page, and the actions — create, edit, progress, close, reopen. Every action is checked
// by the core (tracker::apply_action: who may touch which item, what a close needs), then
// stored with its audit row in one transaction; a write based on an old version is refused
// (409). A refused form comes back as typed: every problem beside its field, or, for a 409,
// the changes stored since the editor's version beside what they typed.
#include "render/notices.h"
#include "render/page.h"
#include "routes/staff_forms.h"
#include "routes/staff_support.h"
#include "text/html.h"
#include "tracker/api_json.h"
#include "tracker/audit_change.h"

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
    render::Notice notice;
    for (const auto& [k, v] : call.request.query)
        if (k == "saved") notice = {std::string(text::tr("staff.saved", request_lang(call.request))), false};
    return proposal_form_page(call.request, call.now, call.who->account.actor(), call.who->session.csrf, call.params["id"],
                              notice, std::nullopt, 200);
}

namespace {

// The changes stored after `version`, oldest first, each field by field (the audit rows'
// changes, in either of their forms: tracker/audit_change.h).
std::vector<render::StoredChange> changes_since(const std::vector<AuditEntry>& log, long long version) {
    std::vector<render::StoredChange> out;
    for (auto it = log.rbegin(); it != log.rend(); ++it) {
        auto change = tracker::read_audit_change(it->before, it->after);
        if (!change || change->version <= version) continue;
        out.push_back({audit_time(it->at), it->user, it->action, change->version, std::move(change->changes)});
    }
    return out;
}

}  // namespace

Response Portal::proposal_form_page(const Request& request, UnixTime now, const tracker::Actor& actor,
                                    const std::string& csrf, const std::string& id, const render::Notice& notice,
                                    const std::optional<render::KeptForm>& kept, int status,
                                    std::optional<long long> conflict_from) {
    const text::Lang lang = request_lang(request);
    auto s = snapshot_.get();
    if (id.empty()) return staff_page(request, now, render::staff_new_html(*s, actor, csrf, lang, notice, kept), status);
    const tracker::ProposalRecord* r = s->find(id);
    if (!r) return staff_page(request, now, render::error_notice_html(text::tr("staff.not_found", lang)), 404);
    if (!tracker::may_report_progress(actor, r->proposal)) return staff_page(request, now, forbidden_html(lang), 403);
    render::StaffEditView view{*s, *r, actor, csrf, lang, notice, kept, conflict_from, {}};
    if (conflict_from)
        if (auto log = store_.proposal_changes(id, 200)) view.changes = changes_since(*log, *conflict_from);
    return staff_page(request, now, render::staff_edit_html(view), status);
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
    auto fail = [&](int status, const std::string& message, std::vector<tracker::FieldProblem> problems = {}) {
        return proposal_refused(call, id, kind, status,
                                tracker::Refusal{tracker::Refusal::Kind::invalid, message, std::nullopt, std::move(problems)});
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
        if (!year.is_number_integer()) {
            const std::string m = "year: expected an ROC year such as 113";
            return fail(400, m, {{"year", "year_format", "", m}});
        }
        new_id = tracker::next_proposal_id(*s, year.get<int>());
    }
    auto outcome = tracker::apply_action(*s, current, *action, actor, taipei_today(now), new_id);
    if (!outcome.ok()) return proposal_refused(call, id, kind, status_of(outcome.refusal.kind), outcome.refusal);

    // Held once: the store writes it, the snapshot takes it, the answer reads it.
    const auto stored = std::make_shared<tracker::ProposalRecord>(std::move(*outcome.record));
    const tracker::ProposalRecord& next = *stored;
    // The audit row holds what changed, not the two records (tracker/audit_change.h).
    const auto documents = tracker::audit_documents(current, next, outcome.event);
    AuditEntry audit{0, now, actor.user, std::string(tracker::to_string(kind)), next.id(),
                     documents.before.is_null() ? "" : text::to_json_text(documents.before),
                     text::to_json_text(documents.after), ""};
    auto written = writes_.add({stored, current ? current->version : 0, outcome.event, std::move(audit)});
    if (!written) return Response::json_error(500, written.error());
    if (*written == WriteResult::version_conflict) {
        catch_up();
        if (const auto* latest = snapshot_.get()->find(next.id()))
            return proposal_refused(call, id, kind, 409, tracker::changed_meanwhile(*latest).refusal);
        return Response::json_error(500, "proposal " + next.id() + ": the store reported a conflict but holds no such item");
    }
    // Stored and durable, and in the snapshot: the next request sees it.
    // Not the whole history: an answer that grew with it would make every write slower than the last.
    if (json)
        return Response::json(kind == tracker::ActionKind::create ? 201 : 200,
                              text::to_json_text(tracker::written_json(next, outcome.event)));
    return redirect("/staff/proposals/" + next.id() + "?saved=1");
}


// A refused action: logged with who and why, then answered — as JSON (every problem by field,
// a conflict with the record as it now is: tracker::refusal_json), or the page the form came
// from, filled in as typed: each problem beside its field, or, for a conflict, the changes
// stored since the editor's version beside their text, the form now carrying the current
// version so that sending it again is a deliberate choice made after seeing them.
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
    if (status == 403) return staff_page(request, now, forbidden_html(lang), status);

    render::KeptForm kept{form_name(kind), {}, std::nullopt, refusal.problems};
    long long posted_version = 0;
    if (auto form = decoded_form(request)) {  // as typed, flaws and all: the problems say where
        kept.values = kept_values(*form);
        const std::string v = form_value(*form, "version");
        if (!v.empty() && v.size() < 19 && v.find_first_not_of("0123456789") == std::string::npos)
            posted_version = std::stoll(v);
    }
    // A problem with no field of its own (a malformed form) is said above the form.
    render::Notice notice{refusal.problems.empty() ? message : std::string(text::tr("staff.not_saved", lang)), true};
    std::optional<long long> conflict_from;
    if (refusal.current) {
        notice = {std::string(text::tr("staff.conflict", lang)), true};
        kept.version = refusal.current->version;
        conflict_from = posted_version > 0 ? posted_version : refusal.current->version;
    }
    return proposal_form_page(request, now, actor, who.session.csrf, id, notice, kept, status, conflict_from);
}

}  // namespace beitai::site
