#include "tracker/snapshot_json.h"

#include "content/county.h"
#include "content/issue_group.h"

namespace beitai::tracker {

using text::Json;

Json snapshot_json(const Snapshot& s) {
    Json out = {{"counties", Json::array()}, {"groups", Json::array()}, {"records", Json::array()}};
    for (const auto& c : s.counties) out["counties"].push_back(content::to_json(c));
    for (const auto& g : s.groups) out["groups"].push_back(content::to_json(g));
    for (const auto& r : s.records) out["records"].push_back(to_json(r));
    return out;
}

Result<Snapshot> read_snapshot_json(const Json& root, const std::string& source) {
    if (!root.is_object() || !root.contains("counties") || !root.contains("groups") || !root.contains("records"))
        return Error{source + ": expected an object with counties, groups and records"};
    text::Diagnostics diagnostics(source);
    Snapshot snapshot;
    snapshot.counties = content::read_counties(root["counties"], diagnostics);
    snapshot.groups = content::read_issue_groups(root["groups"], diagnostics);
    auto records = read_records(root["records"], source + " records");
    if (!records) diagnostics.add("records", records.error());
    else snapshot.records = std::move(*records);
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return snapshot;
}

}  // namespace beitai::tracker
