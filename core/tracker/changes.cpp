#include "tracker/changes.h"

namespace beitai::tracker {

using text::Json;

namespace {

const Json& member(const Json& object, const char* key) {
    static const Json null;
    if (!object.is_object()) return null;
    auto it = object.find(key);
    return it == object.end() ? null : *it;
}

void compare(std::vector<FieldChange>& out, const std::string& field, const Json& before, const Json& after) {
    if (before != after) out.push_back({field, before, after});
}

}  // namespace

std::vector<FieldChange> changes_between(const content::Proposal& before, const content::Proposal& after) {
    const Json b = content::to_json(before), a = content::to_json(after);
    std::vector<FieldChange> out;
    compare(out, "status", b["status"], a["status"]);
    for (const char* key : {"kind", "reason", "decision", "date"})
        compare(out, std::string("closure.") + key, member(b["closure"], key), member(a["closure"], key));
    compare(out, "open_reason", b["open_reason"], a["open_reason"]);
    // Entries are only ever added at the end; an entry not in `before` is new.
    const Json& bp = b["progress"];
    const Json& ap = a["progress"];
    for (size_t i = 0; i < ap.size(); ++i)
        if (i >= bp.size() || bp[i] != ap[i]) out.push_back({"progress", i < bp.size() ? bp[i] : Json(), ap[i]});
    for (const char* key : {"title", "group", "subgroup", "agency", "county", "types", "counties", "asks_central", "ministry"})
        compare(out, key, b[key], a[key]);
    for (const char* key : {"description", "approach", "benefits", "contact_unit"})
        compare(out, std::string("sheet.") + key, member(b["sheet"], key), member(a["sheet"], key));
    return out;
}

}  // namespace beitai::tracker
