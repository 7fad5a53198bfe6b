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
    // Then any field the edit page does not offer (year, seed_ref, co_proposers, notes: set when
    // an item is created), in the order of the item's JSON, so that nothing changes unsaid.
    static constexpr const char* kSaid[] = {"id",     "status", "closure", "open_reason", "progress", "title",
                                            "group",  "subgroup", "agency", "county",    "types",    "counties",
                                            "asks_central", "ministry", "sheet"};
    auto said = [](const std::string& key) {
        for (const char* k : kSaid)
            if (key == k) return true;
        return false;
    };
    for (const auto& [key, value] : a.items())
        if (!said(key)) compare(out, key, member(b, key.c_str()), value);
    for (const auto& [key, value] : b.items())
        if (!said(key) && !a.contains(key)) compare(out, key, value, Json());
    return out;
}

}  // namespace beitai::tracker
