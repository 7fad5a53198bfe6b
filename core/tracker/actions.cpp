#include "tracker/actions.h"

#include <algorithm>
#include <cstdio>

#include "text/text_rule.h"
#include "text/trim.h"

namespace beitai::tracker {

using text::Json;

namespace {

constexpr size_t kMaxTextBytes = 20000;
constexpr size_t kMaxDepth = 4;        // {"sheet": {"description": "…"}} is two
constexpr size_t kMaxProgress = 1000;  // entries in one proposal's log

struct FieldSpec {
    const char* name;
    bool admin_only;
};

// The proposal fields staff may set, per action. County and agency decide who may edit an
// item, so only the secretariat moves an item between counties.
constexpr FieldSpec kEditable[] = {
    {"title", false}, {"group", false}, {"subgroup", false}, {"types", false}, {"counties", false},
    {"asks_central", false}, {"ministry", false}, {"sheet", false}, {"agency", true}, {"county", true},
};

Refusal refused(Refusal::Kind kind, std::string message) { return Refusal{kind, std::move(message), std::nullopt, {}}; }
Outcome refuse(Refusal::Kind kind, std::string message) { return Outcome{{}, {}, refused(kind, std::move(message))}; }

bool is_editable(const std::string& key) {
    for (const auto& f : kEditable)
        if (key == f.name) return true;
    return false;
}

bool admin_only(const std::string& key) {
    for (const auto& f : kEditable)
        if (key == f.name) return f.admin_only;
    return false;
}

// Every string in a JSON value, bounded: a 1 MiB title helps nobody.
std::optional<std::string> oversized_text(const Json& root) {
    std::optional<std::string> found;
    text::visit_json_text(root, [&](const std::string& path, const std::string& text, bool) {
        if (text.size() > kMaxTextBytes)
            found = (path.empty() ? std::string("(body)") : path) + ": longer than " + std::to_string(kMaxTextBytes) + " bytes";
        return found.has_value();
    });
    return found;
}

// Every problem of one action, gathered so that a form can show them all at once.
class Problems {
public:
    void add(const std::string& field, const char* code, std::string param, const std::string& detail) {
        list_.push_back({field, code, std::move(param), field + ": " + detail});
    }
    bool empty() const { return list_.empty(); }
    bool has(const std::string& field) const {
        for (const auto& p : list_)
            if (p.field == field) return true;
        return false;
    }
    Refusal refusal() const {
        std::string message;
        for (const auto& p : list_) message += (message.empty() ? "" : "; ") + p.message;
        return Refusal{Refusal::Kind::invalid, message, std::nullopt, list_};
    }

private:
    std::vector<FieldProblem> list_;
};

// The text rule (text/text_rule.h) over every string and member name the action carries:
// whether it came from a form or from JSON, a NUL or a U+FFFE is refused beside its field
// ("sheet.description"), never stored where a feed or a spreadsheet would carry it.
std::optional<Refusal> flawed_text(const Json& fields) {
    const auto found = text::find_json_text_flaw(fields);
    if (!found) return std::nullopt;
    const char* code = text::text_flaw_code(found->flaw);
    const std::string param = text::text_flaw_param(found->flaw);
    Problems problems;
    problems.add(found->field, code, param, text::fill(text::tr(std::string("problem.") + code, text::Lang::en), "value", param));
    return problems.refusal();
}

// A date field: absent or null is today; never after today.
std::optional<text::Date> date_field(const Json& fields, const char* key, const text::Date& today, Problems& problems) {
    auto it = fields.find(key);
    if (it == fields.end() || it->is_null()) return today;
    const std::string found = it->is_string() ? it->get<std::string>() : std::string();
    auto d = text::parse_iso_date(text::trimmed(found));
    if (!it->is_string() || !d) {
        problems.add(key, "date_format", found,
                     "expected a date as YYYY-MM-DD" + (it->is_string() ? ", found \"" + found + "\"" : std::string()));
        return std::nullopt;
    }
    if (today < *d) {
        problems.add(key, "date_future", text::to_iso(today),
                     text::to_iso(*d) + " is after today (" + text::to_iso(today) + ")");
        return std::nullopt;
    }
    return d;
}

// A text a person must write (a reason, a progress entry): present, a string, and more than
// white space — a reason of spaces would be published as if it were one. Returned trimmed.
std::string required_text(const Json& fields, const char* key, Problems& problems) {
    auto it = fields.find(key);
    if (it == fields.end() || it->is_null()) {
        problems.add(key, "required", "", "required, a non-empty string");
        return {};
    }
    if (!it->is_string()) {
        problems.add(key, "invalid", "expected a string", std::string("expected a string, found ") + text::json_type_name(*it));
        return {};
    }
    const std::string& raw = it->get_ref<const std::string&>();
    if (raw.empty()) {
        problems.add(key, "required", "", "required, a non-empty string");
        return {};
    }
    if (text::is_blank(raw)) {
        problems.add(key, "blank", "", "must not be blank (white space alone says nothing)");
        return {};
    }
    return text::trimmed(raw);
}

// "path: reason" (a reader's diagnostic) as a field problem. A required string that was
// there but empty reads "must not be empty"; it was blank when the editor typed only spaces.
void add_diagnostic(Problems& problems, const std::string& message, const std::vector<std::string>& blanked) {
    std::string m = message.rfind(": ", 0) == 0 ? message.substr(2) : message;
    const auto colon = m.find(": ");
    const std::string field = colon == std::string::npos ? std::string("(body)") : m.substr(0, colon);
    const std::string reason = colon == std::string::npos ? m : m.substr(colon + 2);
    if (problems.has(field)) return;
    if (reason == "must not be empty" || reason == "missing") {
        const bool blank = std::find(blanked.begin(), blanked.end(), field) != blanked.end();
        problems.add(field, blank ? "blank" : "required", "", blank ? "must not be blank (white space alone says nothing)"
                                                                    : "required, a non-empty string");
    } else if (reason.find("is not a sub-group of") != std::string::npos) {
        problems.add(field, "subgroup", "", reason);
    } else {
        problems.add(field, "invalid", reason, reason);
    }
}

// The text fields of a proposal as typed, trimmed; an optional one left blank becomes null,
// a sheet left wholly blank none. `blanked` gets the paths that held only white space.
void trim_proposal_texts(Json& candidate, std::vector<std::string>& blanked) {
    auto trim = [&](Json& node, const std::string& path) {
        if (!node.is_string()) return;
        const std::string& raw = node.get_ref<const std::string&>();
        if (!raw.empty() && text::is_blank(raw)) blanked.push_back(path);
        node = text::trimmed(raw);
    };
    for (const char* key : {"title", "agency"})
        if (candidate.contains(key)) trim(candidate[key], key);
    for (const char* key : {"ministry", "subgroup"})
        if (candidate.contains(key) && candidate[key].is_string()) {
            trim(candidate[key], key);
            if (candidate[key].get_ref<const std::string&>().empty()) candidate[key] = nullptr;
        }
    if (candidate.contains("sheet") && candidate["sheet"].is_object()) {
        Json& sheet = candidate["sheet"];
        bool all_blank = true;
        for (auto it = sheet.begin(); it != sheet.end(); ++it) {
            trim(*it, "sheet." + it.key());
            all_blank = all_blank && it->is_string() && it->get_ref<const std::string&>().empty();
        }
        if (all_blank) {
            candidate["sheet"] = nullptr;
            blanked.erase(std::remove_if(blanked.begin(), blanked.end(),
                                         [](const std::string& f) { return f.rfind("sheet.", 0) == 0; }),
                          blanked.end());
        }
    }
}

// Reads a proposal built from JSON and checks its references; every problem is added.
void validate(Json candidate, const Snapshot& snapshot, content::Proposal& out, Problems& problems) {
    std::vector<std::string> blanked;
    trim_proposal_texts(candidate, blanked);
    text::Diagnostics diagnostics("");
    out = content::read_proposal(candidate, "", diagnostics);
    for (const auto& m : diagnostics.messages()) add_diagnostic(problems, m, blanked);
    if (!diagnostics.empty()) return;
    for (const auto& m : content::check_proposal_references(out, snapshot.counties, snapshot.groups))
        add_diagnostic(problems, m, blanked);
}

}  // namespace

std::string_view to_string(Role role) { return role == Role::admin ? "admin" : "editor"; }

std::optional<Role> parse_role(std::string_view s) {
    if (s == "admin") return Role::admin;
    if (s == "editor") return Role::editor;
    return std::nullopt;
}

std::string_view to_string(ActionKind kind) {
    switch (kind) {
        case ActionKind::create: return "create";
        case ActionKind::edit: return "edit";
        case ActionKind::progress: return "progress";
        case ActionKind::close: return "close";
        case ActionKind::reopen: return "reopen";
    }
    return "edit";
}

bool may_edit(const Actor& actor, const content::Proposal& proposal) {
    return actor.role == Role::admin || (!actor.county.empty() && actor.county == proposal.county);
}

bool may_create(const Actor& actor, const std::string& county) {
    return actor.role == Role::admin || (!actor.county.empty() && actor.county == county);
}

bool cooperates_on(const Actor& actor, const content::Proposal& proposal) {
    if (actor.role == Role::admin || actor.county.empty() || actor.county == proposal.county) return false;
    for (const auto& c : proposal.counties)
        if (c == actor.county) return true;
    for (const auto& co : proposal.co_proposers)
        if (co.county == actor.county) return true;
    return false;
}

bool may_report_progress(const Actor& actor, const content::Proposal& proposal) {
    return may_edit(actor, proposal) || cooperates_on(actor, proposal);
}

Rights rights_on(const Actor& actor, const content::Proposal& proposal) {
    return Rights{may_report_progress(actor, proposal), may_edit(actor, proposal)};
}

Result<Action> read_action(ActionKind kind, const Json& body) {
    if (!body.is_object()) return Error{"(body): expected a JSON object"};
    if (text::nested_deeper_than(body, kMaxDepth)) return Error{"(body): nested deeper than any action needs"};
    Action action;
    action.kind = kind;
    action.fields = Json::object();
    if (auto m = oversized_text(body)) return Error{*m};

    std::vector<std::string> allowed;
    switch (kind) {
        case ActionKind::create:
            allowed = {"year", "title", "group", "subgroup", "agency", "county", "types", "counties",
                       "asks_central", "ministry", "sheet"};
            break;
        case ActionKind::edit:
            for (const auto& f : kEditable) allowed.push_back(f.name);
            break;
        case ActionKind::progress: allowed = {"date", "text"}; break;
        case ActionKind::close: allowed = {"kind", "reason", "decision", "date"}; break;
        case ActionKind::reopen: allowed = {"reason", "date"}; break;
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        const std::string& key = it.key();
        if (key == "version") {
            if (kind == ActionKind::create) return Error{"version: a new proposal has no version"};
            if (!it->is_number_integer() || it->get<long long>() < 1)
                return Error{"version: expected the version number you edited (an integer from 1)"};
            action.version = it->get<long long>();
            continue;
        }
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            if (key == "status") return Error{"status: unknown field here (close or reopen the proposal instead)"};
            return Error{key + ": unknown field"};
        }
        action.fields[key] = *it;
    }
    if (kind != ActionKind::create && action.version == 0) return Error{"version: missing (the version you edited)"};
    if (kind == ActionKind::edit && action.fields.empty()) return Error{"(body): nothing to change"};
    return action;
}

std::string next_proposal_id(const Snapshot& snapshot, int roc_year) {
    const std::string prefix = std::to_string(roc_year) + "-";
    int highest = 0;
    for (const auto& r : snapshot.records) {
        if (r.proposal.id.rfind(prefix, 0) != 0) continue;
        highest = std::max(highest, std::atoi(r.proposal.id.c_str() + prefix.size()));
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%02d", prefix.c_str(), highest + 1);
    return buf;
}

namespace {

using Kind = Refusal::Kind;

// The fields a new proposal has before anyone fills them, so that the content reader sees
// a whole proposal and names what is really missing.
Json new_proposal_json(const Json& fields, const std::string& new_id, const Actor& actor) {
    Json candidate = fields;
    candidate["id"] = new_id;
    candidate["seed_ref"] = "北臺入口網站線上新增（" + actor.agency + "）";
    for (const char* key : {"subgroup", "ministry", "sheet"})
        if (!candidate.contains(key)) candidate[key] = nullptr;
    for (const char* key : {"types", "counties"})
        if (!candidate.contains(key)) candidate[key] = Json::array();
    if (!candidate.contains("asks_central")) candidate["asks_central"] = false;
    candidate["co_proposers"] = Json::array();
    candidate["progress"] = Json::array();
    candidate["status"] = "open";
    candidate["closure"] = nullptr;
    candidate["open_reason"] = nullptr;
    candidate["notes"] = Json::array();
    return candidate;
}

// An editor files for their own agency (the public pages show it as the proposer), in the
// newest year on record or later up to next year: earlier years are history.
std::optional<Refusal> editor_may_not_file(const Snapshot& snapshot, const content::Proposal& proposal,
                                           const Actor& actor, const text::Date& today) {
    if (proposal.agency != actor.agency)
        return refused(Kind::forbidden, "agency: an editor files proposals under their own agency (" + actor.agency + ")");
    int newest = 0;
    for (const auto& r : snapshot.records) newest = std::max(newest, r.proposal.year);
    const int year = proposal.year, last = today.roc_year() + 1;
    const int first = newest > 0 ? std::min(newest, last) : today.roc_year();
    if (year < first || year > last) {
        Problems problems;
        problems.add("year", "year_range", std::to_string(first) + "–" + std::to_string(last),
                     "an editor files proposals for the years " + std::to_string(first) + " to " + std::to_string(last));
        return problems.refusal();
    }
    return std::nullopt;
}

Outcome apply_create(const Snapshot& snapshot, const Action& action, const Actor& actor, const text::Date& today,
                     const std::string& new_id) {
    if (auto refusal = flawed_text(action.fields)) return Outcome{{}, {}, std::move(*refusal)};
    ProposalRecord record;
    Problems problems;
    validate(new_proposal_json(action.fields, new_id, actor), snapshot, record.proposal, problems);
    if (!problems.empty()) return Outcome{{}, {}, problems.refusal()};
    if (!may_create(actor, record.proposal.county))
        return refuse(Kind::forbidden, "a " + actor.county + " editor cannot file a proposal for " + record.proposal.county);
    if (actor.role != Role::admin)
        if (auto refusal = editor_may_not_file(snapshot, record.proposal, actor, today)) return Outcome{{}, {}, *refusal};
    if (snapshot.find(new_id)) return refuse(Kind::conflict, "proposal " + new_id + " exists already");
    record.version = 1;
    record.updated = today;
    return Outcome{std::move(record), {}, {}};
}

// Each change below works on `next`, a copy of the current record one version on; it
// returns the refusal, or nothing when the change is made.
std::optional<Refusal> edit_fields(const Snapshot& snapshot, const ProposalRecord& current, const Json& f,
                                   const Actor& actor, ProposalRecord& next) {
    Json candidate = content::to_json(current.proposal);
    for (auto it = f.begin(); it != f.end(); ++it) {
        if (!is_editable(it.key())) return refused(Kind::invalid, it.key() + ": unknown field");
        if (admin_only(it.key()) && actor.role != Role::admin && *it != candidate[it.key()])
            return refused(Kind::forbidden, it.key() + ": only the committee secretariat moves a proposal "
                                                       "to another county or agency");
        candidate[it.key()] = *it;
    }
    Problems problems;
    validate(candidate, snapshot, next.proposal, problems);
    if (!problems.empty()) return problems.refusal();
    return std::nullopt;
}

// The entry is the reporting agency's: a cooperating county reports what it did itself.
std::optional<Refusal> add_progress(const Json& f, const Actor& actor, const text::Date& today, ProposalRecord& next) {
    Problems problems;
    auto date = date_field(f, "date", today, problems);
    std::string text = required_text(f, "text", problems);
    if (next.proposal.progress.size() >= kMaxProgress)
        problems.add("text", "too_many", std::to_string(kMaxProgress),
                     "a proposal keeps at most " + std::to_string(kMaxProgress) + " progress entries");
    if (!problems.empty()) return problems.refusal();
    next.proposal.progress.push_back({*date, std::move(text), actor.agency, actor.county});
    return std::nullopt;
}

// A change of status cannot predate the last one: the history reads in order.
void check_after_last_change(const ProposalRecord& current, const std::optional<text::Date>& d, Problems& problems) {
    if (!d || current.history.empty() || !(*d < current.history.back().date)) return;
    const std::string last = text::to_iso(current.history.back().date);
    problems.add("date", "date_before_last", last,
                 text::to_iso(*d) + " is before the last change of status (" + last + ")");
}

// A closure names its kind — nothing is preselected, so "done" is always someone's choice —
// and a reason a reader can read.
std::optional<Refusal> close_proposal(const ProposalRecord& current, const Json& f, const Actor& actor,
                                      const text::Date& today, ProposalRecord& next) {
    content::Proposal& p = next.proposal;
    if (p.status == content::Status::closed) return refused(Kind::conflict, "proposal " + p.id + " is already closed");
    Problems problems;
    std::optional<content::ClosureKind> kind;
    const auto k = f.find("kind");
    if (k == f.end() || k->is_null() || (k->is_string() && text::is_blank(k->get_ref<const std::string&>()))) {
        problems.add("kind", "choose", "", "required: choose done, no_need, cancelled, central, routine or other");
    } else if (!k->is_string() || !(kind = content::parse_closure_kind(k->get<std::string>()))) {
        const std::string found = k->is_string() ? k->get<std::string>() : std::string(text::json_type_name(*k));
        problems.add("kind", "choice", found,
                     "expected done, no_need, cancelled, central, routine or other, found \"" + found + "\"");
    }
    std::string reason = required_text(f, "reason", problems);
    std::optional<std::string> decision;
    if (auto it = f.find("decision"); it != f.end() && !it->is_null()) {
        if (!it->is_string()) problems.add("decision", "invalid", "expected a string or null", "expected a string or null");
        else if (!text::is_blank(it->get_ref<const std::string&>())) decision = text::trimmed(it->get<std::string>());
    }
    auto date = date_field(f, "date", today, problems);
    check_after_last_change(current, date, problems);
    if (!problems.empty()) return problems.refusal();
    p.status = content::Status::closed;
    p.closure = content::Closure{*kind, reason, decision, *date};
    next.history.push_back(
        StatusEvent{*date, content::Status::open, content::Status::closed, kind, reason, decision, actor.agency});
    return std::nullopt;
}

std::optional<Refusal> reopen_proposal(const ProposalRecord& current, const Json& f, const Actor& actor,
                                       const text::Date& today, ProposalRecord& next) {
    content::Proposal& p = next.proposal;
    if (p.status == content::Status::open) return refused(Kind::conflict, "proposal " + p.id + " is already open");
    Problems problems;
    std::string reason = required_text(f, "reason", problems);
    auto date = date_field(f, "date", today, problems);
    check_after_last_change(current, date, problems);
    if (!problems.empty()) return problems.refusal();
    p.status = content::Status::open;
    p.closure.reset();
    p.open_reason = reason;
    next.history.push_back(
        StatusEvent{*date, content::Status::closed, content::Status::open, std::nullopt, reason, std::nullopt, actor.agency});
    return std::nullopt;
}

}  // namespace

Outcome apply_action(const Snapshot& snapshot, const ProposalRecord* current, const Action& action,
                     const Actor& actor, const text::Date& today, const std::string& new_id) {
    if (action.kind == ActionKind::create) return apply_create(snapshot, action, actor, today, new_id);
    if (!current) return refuse(Kind::not_found, "no such proposal");
    const Rights rights = rights_on(actor, current->proposal);
    if (action.kind == ActionKind::progress ? !rights.progress : !rights.manage) {
        const std::string who = "a " + (actor.county.empty() ? std::string("staff") : actor.county) + " editor";
        if (rights.progress)
            return refuse(Kind::forbidden, who + " reports progress on proposal " + current->id() + " of " +
                                               current->proposal.county + " (a cooperating county), but only " +
                                               current->proposal.county + " and the secretariat may " +
                                               std::string(to_string(action.kind)) + " it");
        return refuse(Kind::forbidden, who + " cannot change proposal " + current->id() + " of " + current->proposal.county);
    }
    if (action.version != current->version) {
        Outcome out = refuse(Kind::conflict, "proposal " + current->id() + " changed since version " +
                                                 std::to_string(action.version) + ": it is now version " +
                                                 std::to_string(current->version));
        out.refusal.current = *current;
        return out;
    }

    if (auto refusal = flawed_text(action.fields)) return Outcome{{}, {}, std::move(*refusal)};
    ProposalRecord next = *current;
    next.version = current->version + 1;
    next.updated = today;
    std::optional<Refusal> refusal;
    switch (action.kind) {
        case ActionKind::edit: refusal = edit_fields(snapshot, *current, action.fields, actor, next); break;
        case ActionKind::progress: refusal = add_progress(action.fields, actor, today, next); break;
        case ActionKind::close: refusal = close_proposal(*current, action.fields, actor, today, next); break;
        case ActionKind::reopen: refusal = reopen_proposal(*current, action.fields, actor, today, next); break;
        case ActionKind::create: break;
    }
    if (refusal) {
        // "Already closed" is a conflict with what the record says now: show it.
        if (refusal->kind == Kind::conflict) refusal->current = *current;
        return Outcome{{}, {}, std::move(*refusal)};
    }
    std::optional<StatusEvent> event;
    if (next.history.size() > current->history.size()) event = next.history.back();
    return Outcome{std::move(next), std::move(event), {}};
}

Outcome changed_meanwhile(const ProposalRecord& latest) {
    Outcome out = refuse(Refusal::Kind::conflict, "proposal " + latest.id() +
                                                      " was changed by someone else while you saved: it is now version " +
                                                      std::to_string(latest.version));
    out.refusal.current = latest;
    return out;
}

Json refusal_json(const Refusal& refusal) {
    Json out = {{"error", refusal.message}};
    if (!refusal.problems.empty()) {
        Json problems = Json::array();
        for (const auto& p : refusal.problems)
            problems.push_back({{"field", p.field}, {"code", p.code}, {"message", p.message}});
        out["problems"] = std::move(problems);
    }
    if (refusal.current) out["current"] = to_json(*refusal.current);
    return out;
}

}  // namespace beitai::tracker
