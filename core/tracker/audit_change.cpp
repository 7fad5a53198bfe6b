#include "tracker/audit_change.h"

#include <algorithm>

namespace beitai::tracker {

using text::Json;

namespace {

// The keys of a document that are not fields.
bool is_field(const std::string& key) { return key != "id" && key != "version" && key != "event"; }

// The place of a field in changes_between's order (unknown fields after every known one).
size_t field_rank(const std::string& field) {
    static constexpr const char* kOrder[] = {
        "status", "closure.kind", "closure.reason", "closure.decision", "closure.date", "open_reason", "progress",
        "title", "group", "subgroup", "agency", "county", "types", "counties", "asks_central", "ministry",
        "sheet.description", "sheet.approach", "sheet.benefits", "sheet.contact_unit"};
    const auto* end = std::end(kOrder);
    const auto* at = std::find_if(std::begin(kOrder), end, [&](const char* f) { return field == f; });
    return static_cast<size_t>(at - std::begin(kOrder));
}

const Json& member(const Json& object, const std::string& key) {
    static const Json null;
    if (!object.is_object()) return null;
    auto it = object.find(key);
    return it == object.end() ? null : *it;
}

long long version_of(const Json& doc) {
    const Json& v = member(doc, "version");
    return v.is_number_integer() ? v.get<long long>() : 0;
}

// An old row: two whole records, compared as the 409 view always did.
Result<AuditChange> read_whole_records(const Json& before, const Json& after) {
    text::Diagnostics diagnostics("audit");
    const ProposalRecord a = read_record(after, "after", diagnostics);
    AuditChange out{a.id(), 0, a.version, {}, std::nullopt};
    if (before.is_object()) {
        const ProposalRecord b = read_record(before, "before", diagnostics);
        out.from_version = b.version;
        out.changes = changes_between(b.proposal, a.proposal);
        if (a.history.size() > b.history.size()) out.event = a.history.back();
    } else {
        out.changes = changes_between(content::Proposal{}, a.proposal);
        if (!a.history.empty()) out.event = a.history.back();
    }
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return out;
}

Result<AuditChange> read_changes(const Json& before, const Json& after) {
    AuditChange out;
    const Json& id = member(after, "id");
    if (!id.is_string()) return Error{"audit: after.id: expected the item's id"};
    out.id = id.get<std::string>();
    out.version = version_of(after);
    out.from_version = version_of(before);
    if (out.version <= 0) return Error{"audit: after.version: expected a version"};
    std::vector<std::string> fields;
    for (const auto& [key, value] : after.items())
        if (is_field(key)) fields.push_back(key);
    if (before.is_object())
        for (const auto& [key, value] : before.items())
            if (is_field(key) && !after.contains(key)) fields.push_back(key);
    std::stable_sort(fields.begin(), fields.end(),
                     [](const std::string& x, const std::string& y) { return field_rank(x) < field_rank(y); });
    for (const auto& field : fields) {
        const Json& a = member(after, field);
        const Json& b = member(before, field);
        if (field != "progress") {
            out.changes.push_back({field, b, a});
            continue;
        }
        if (!a.is_array()) return Error{"audit: after.progress: expected the entries added"};
        for (size_t i = 0; i < a.size(); ++i)
            out.changes.push_back({field, b.is_array() && i < b.size() ? b[i] : Json(), a[i]});
    }
    if (const Json& event = member(after, "event"); !event.is_null()) {
        auto e = status_event_from_json(event);
        if (!e) return Error{"audit: after.event: " + e.error()};
        out.event = std::move(*e);
    }
    return out;
}

}  // namespace

AuditDocuments audit_documents(const ProposalRecord* before, const ProposalRecord& after,
                               const std::optional<StatusEvent>& event) {
    const content::Proposal none;
    Json b = {{"id", after.id()}, {"version", before ? before->version : 0}};
    Json a = {{"id", after.id()}, {"version", after.version}};
    for (auto& change : changes_between(before ? before->proposal : none, after.proposal)) {
        if (change.field == "progress") {
            if (!a.contains("progress")) a["progress"] = Json::array(), b["progress"] = Json::array();
            a["progress"].push_back(std::move(change.after));
            b["progress"].push_back(std::move(change.before));
            continue;
        }
        a[change.field] = std::move(change.after);
        b[change.field] = std::move(change.before);
    }
    if (event) a["event"] = to_json(*event);
    return {before ? std::move(b) : Json(), std::move(a)};
}

Result<AuditChange> read_audit_change(const std::string& before_text, const std::string& after_text) {
    auto after = text::parse_json_text(after_text, "audit after");
    if (!after) return Error{after.error()};
    if (!after->is_object()) return Error{"audit after: expected an object"};
    Json before;
    if (!before_text.empty()) {
        auto parsed = text::parse_json_text(before_text, "audit before");
        if (!parsed) return Error{parsed.error()};
        if (!parsed->is_object()) return Error{"audit before: expected an object"};
        before = std::move(*parsed);
    }
    if (after->contains("status_history")) return read_whole_records(before, *after);
    return read_changes(before, *after);
}

}  // namespace beitai::tracker
