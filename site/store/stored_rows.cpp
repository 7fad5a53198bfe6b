#include "store/stored_rows.h"

#include <unordered_map>

namespace beitai::site {

namespace {

text::Json parse_doc(const std::string& where, const std::string& text, text::Diagnostics& diagnostics) {
    auto parsed = text::parse_json_text(text, where);
    if (!parsed) {
        diagnostics.add(where, "stored document is not JSON: " + parsed.error());
        return nullptr;
    }
    return *parsed;
}

// The proposals of `rows`, each with its history (events in seq order).
std::vector<tracker::ProposalRecord> read_records(const StoredRows& rows, text::Diagnostics& diagnostics) {
    std::unordered_map<std::string, size_t> index;
    std::vector<tracker::ProposalRecord> records;
    records.reserve(rows.proposals.size());
    for (const auto& row : rows.proposals) {
        const std::string where = "proposals[" + row.id + "]";
        tracker::ProposalRecord record;
        record.proposal = content::read_proposal(parse_doc(where, row.doc, diagnostics), where, diagnostics);
        record.version = row.version;
        if (auto updated = text::parse_iso_date(row.updated)) record.updated = *updated;
        else diagnostics.add(where + ".updated", "expected a date as YYYY-MM-DD");
        index[row.id] = records.size();
        records.push_back(std::move(record));
    }
    for (const auto& row : rows.events) {
        const std::string where = "status_events[" + std::to_string(row.seq) + "]";
        auto event = tracker::status_event_from_json(parse_doc(where, row.doc, diagnostics));
        if (!event) {
            diagnostics.add(where, event.error());
            continue;
        }
        auto found = index.find(row.proposal_id);
        if (found == index.end()) {
            diagnostics.add(where, "belongs to no proposal (\"" + row.proposal_id + "\")");
            continue;
        }
        records[found->second].history.push_back(std::move(*event));
    }
    return records;
}

}  // namespace

Result<tracker::Snapshot> snapshot_from_rows(const StoredRows& rows, const std::string& source) {
    tracker::Snapshot state;
    text::Diagnostics diagnostics(source);

    text::Json counties = text::Json::array(), groups = text::Json::array();
    for (const auto& r : rows.counties) counties.push_back(parse_doc("counties[" + r.id + "]", r.doc, diagnostics));
    for (const auto& r : rows.groups) groups.push_back(parse_doc("issue_groups[" + r.id + "]", r.doc, diagnostics));
    state.counties = content::read_counties(counties, diagnostics);
    state.groups = content::read_issue_groups(groups, diagnostics);

    state.records = read_records(rows, diagnostics);
    for (const auto& r : state.records)
        for (const auto& p : content::check_proposal_references(r.proposal, state.counties, state.groups))
            diagnostics.add("proposals[" + r.id() + "]", p);
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return state;
}

Result<std::vector<tracker::ProposalRecord>> records_from_rows(const StoredRows& rows, const std::string& source) {
    text::Diagnostics diagnostics(source);
    auto records = read_records(rows, diagnostics);
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return records;
}

}  // namespace beitai::site
