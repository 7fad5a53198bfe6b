#include "tracker/actions.h"

#include <algorithm>
#include <cstdio>

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

Refusal refused(Refusal::Kind kind, std::string message) { return Refusal{kind, std::move(message), std::nullopt}; }
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

// Every string in a JSON value, bounded: a 1 MiB title helps nobody. Walked without
// recursion, and the path is built only for the string that is too long.
std::optional<std::string> oversized_text(const Json& root) {
    struct Item {
        const Json* node;
        std::string path;
    };
    std::vector<Item> stack = {{&root, ""}};
    while (!stack.empty()) {
        Item item = std::move(stack.back());
        stack.pop_back();
        const Json& j = *item.node;
        if (j.is_string() && j.get_ref<const std::string&>().size() > kMaxTextBytes)
            return (item.path.empty() ? std::string("(body)") : item.path) + ": longer than " +
                   std::to_string(kMaxTextBytes) + " bytes";
        if (j.is_object())
            for (auto it = j.begin(); it != j.end(); ++it)
                stack.push_back({&*it, text::key_path(item.path, it.key())});
        else if (j.is_array())
            for (size_t i = 0; i < j.size(); ++i) stack.push_back({&j[i], text::index_path(item.path, i)});
    }
    return std::nullopt;
}

std::optional<text::Date> date_field(const Json& fields, const char* key, const text::Date& today, std::string& error) {
    auto it = fields.find(key);
    if (it == fields.end() || it->is_null()) return today;
    if (!it->is_string()) {
        error = std::string(key) + ": expected a date as YYYY-MM-DD";
        return std::nullopt;
    }
    auto d = text::parse_iso_date(it->get<std::string>());
    if (!d) {
        error = std::string(key) + ": expected a date as YYYY-MM-DD, found \"" + it->get<std::string>() + "\"";
        return std::nullopt;
    }
    if (today < *d) {
        error = std::string(key) + ": " + text::to_iso(*d) + " is after today (" + text::to_iso(today) + ")";
        return std::nullopt;
    }
    return d;
}

std::string required_text(const Json& fields, const char* key, std::string& error) {
    auto it = fields.find(key);
    if (it == fields.end() || !it->is_string() || it->get<std::string>().empty()) {
        if (error.empty()) error = std::string(key) + ": required, a non-empty string";
        return {};
    }
    return it->get<std::string>();
}

// Reads a proposal built from JSON and checks its references; "" when it is valid.
std::string validate(const Json& candidate, const Snapshot& snapshot, content::Proposal& out) {
    text::Diagnostics diagnostics("");
    out = content::read_proposal(candidate, "", diagnostics);
    if (!diagnostics.empty()) {
        // Messages read ": path: reason" without a file; drop the empty prefix.
        std::string m = diagnostics.messages().front();
        return m.rfind(": ", 0) == 0 ? m.substr(2) : m;
    }
    auto problems = content::check_proposal_references(out, snapshot.counties, snapshot.groups);
    return problems.empty() ? std::string() : problems.front();
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
    if (year < first || year > last)
        return refused(Kind::invalid, "year: an editor files proposals for the years " + std::to_string(first) + " to " +
                                          std::to_string(last));
    return std::nullopt;
}

Outcome apply_create(const Snapshot& snapshot, const Action& action, const Actor& actor, const text::Date& today,
                     const std::string& new_id) {
    ProposalRecord record;
    if (auto e = validate(new_proposal_json(action.fields, new_id, actor), snapshot, record.proposal); !e.empty())
        return refuse(Kind::invalid, e);
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
    if (auto e = validate(candidate, snapshot, next.proposal); !e.empty()) return refused(Kind::invalid, e);
    return std::nullopt;
}

std::optional<Refusal> add_progress(const Json& f, const text::Date& today, ProposalRecord& next) {
    std::string error;
    auto date = date_field(f, "date", today, error);
    std::string text = required_text(f, "text", error);
    if (!error.empty()) return refused(Kind::invalid, error);
    if (next.proposal.progress.size() >= kMaxProgress)
        return refused(Kind::invalid, "progress: a proposal keeps at most " + std::to_string(kMaxProgress) + " entries");
    next.proposal.progress.push_back({*date, text});
    return std::nullopt;
}

// A change of status cannot predate the last one: the history reads in order.
std::string before_last_change(const ProposalRecord& current, const text::Date& d) {
    if (current.history.empty() || !(d < current.history.back().date)) return {};
    return "date: " + text::to_iso(d) + " is before the last change of status (" +
           text::to_iso(current.history.back().date) + ")";
}

std::optional<Refusal> close_proposal(const ProposalRecord& current, const Json& f, const Actor& actor,
                                      const text::Date& today, ProposalRecord& next) {
    content::Proposal& p = next.proposal;
    if (p.status == content::Status::closed) return refused(Kind::conflict, "proposal " + p.id + " is already closed");
    std::string error;
    std::string kind_text = required_text(f, "kind", error);
    auto kind = content::parse_closure_kind(kind_text);
    if (error.empty() && !kind)
        error = "kind: expected done, no_need, cancelled, central, routine or other, found \"" + kind_text + "\"";
    std::string reason = required_text(f, "reason", error);
    std::optional<std::string> decision;
    if (auto it = f.find("decision"); it != f.end() && !it->is_null()) {
        if (!it->is_string()) error = "decision: expected a string or null";
        else if (!it->get<std::string>().empty()) decision = it->get<std::string>();
    }
    auto date = date_field(f, "date", today, error);
    if (error.empty()) error = before_last_change(current, *date);
    if (!error.empty()) return refused(Kind::invalid, error);
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
    std::string error;
    std::string reason = required_text(f, "reason", error);
    auto date = date_field(f, "date", today, error);
    if (error.empty()) error = before_last_change(current, *date);
    if (!error.empty()) return refused(Kind::invalid, error);
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
    if (!may_edit(actor, current->proposal))
        return refuse(Kind::forbidden, "a " + (actor.county.empty() ? std::string("staff") : actor.county) +
                                           " editor cannot change proposal " + current->id() + " of " +
                                           current->proposal.county);
    if (action.version != current->version) {
        Outcome out = refuse(Kind::conflict, "proposal " + current->id() + " changed since version " +
                                                 std::to_string(action.version) + ": it is now version " +
                                                 std::to_string(current->version));
        out.refusal.current = *current;
        return out;
    }

    ProposalRecord next = *current;
    next.version = current->version + 1;
    next.updated = today;
    std::optional<Refusal> refusal;
    switch (action.kind) {
        case ActionKind::edit: refusal = edit_fields(snapshot, *current, action.fields, actor, next); break;
        case ActionKind::progress: refusal = add_progress(action.fields, today, next); break;
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
    if (refusal.current) out["current"] = to_json(*refusal.current);
    return out;
}

}  // namespace beitai::tracker
