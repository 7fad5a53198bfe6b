#include "tracker/record.h"

namespace beitai::tracker {

RecordList::RecordList(std::vector<ProposalRecord> records) {
    slots_.reserve(records.size());
    for (auto& r : records) push_back(std::move(r));
}

void RecordList::push_back(ProposalRecord record) { push_back(std::make_shared<ProposalRecord>(std::move(record))); }

void RecordList::replace(size_t i, ProposalRecord record) { replace(i, std::make_shared<ProposalRecord>(std::move(record))); }

void RecordList::push_back(std::shared_ptr<ProposalRecord> record) { slots_.push_back(std::move(record)); }

void RecordList::replace(size_t i, std::shared_ptr<ProposalRecord> record) { slots_[i] = std::move(record); }

ProposalRecord& RecordList::edit(size_t i) {
    // Only this list holds it: no other snapshot can see the change. (Every record is made
    // non-const by make_shared<ProposalRecord>, so writing to it through const_cast is sound.)
    if (slots_[i].use_count() != 1) slots_[i] = std::make_shared<ProposalRecord>(*slots_[i]);
    return const_cast<ProposalRecord&>(*slots_[i]);
}

const ProposalRecord* Snapshot::find(const std::string& id) const {
    for (const auto& r : records)
        if (r.proposal.id == id) return &r;
    return nullptr;
}

void Snapshot::put(ProposalRecord record) { put(std::make_shared<ProposalRecord>(std::move(record))); }

void Snapshot::put(std::shared_ptr<ProposalRecord> record) {
    for (size_t i = 0; i < records.size(); ++i)
        if (records[i].proposal.id == record->proposal.id) return records.replace(i, std::move(record));
    records.push_back(std::move(record));
}

text::Date last_update(const content::Proposal& proposal, const StatusHistory& history) {
    text::Date latest;
    for (const auto& e : proposal.progress)
        if (latest < e.date) latest = e.date;
    for (const auto& e : history)
        if (latest < e.date) latest = e.date;
    return latest;
}

ProposalRecord record_from_content(const content::Proposal& proposal) {
    ProposalRecord r;
    r.proposal = proposal;
    r.history = initial_history(proposal);
    r.updated = last_update(proposal, r.history);
    return r;
}

Snapshot snapshot_from_catalog(const content::Catalog& catalog) {
    Snapshot s;
    s.counties = catalog.counties;
    s.groups = catalog.groups;
    s.records.reserve(catalog.proposals.size());
    for (const auto& p : catalog.proposals) s.records.push_back(record_from_content(p));
    return s;
}

text::Json to_json_without_history(const ProposalRecord& record) {
    text::Json j = content::to_json(record.proposal);
    j["version"] = record.version;
    j["updated"] = text::is_valid(record.updated) ? text::Json(text::to_iso(record.updated)) : text::Json(nullptr);
    return j;
}

text::Json to_json(const ProposalRecord& record) {
    text::Json j = to_json_without_history(record);
    text::Json events = text::Json::array();
    for (const auto& e : record.history) events.push_back(to_json(e));
    j["status_history"] = std::move(events);
    return j;
}

ProposalRecord read_record(const text::Json& json, const std::string& path, text::Diagnostics& diagnostics) {
    ProposalRecord r;
    if (!json.is_object()) {
        diagnostics.add(path, "expected an object");
        return r;
    }
    text::Json proposal = json;
    proposal.erase("version");
    proposal.erase("updated");
    proposal.erase("status_history");
    r.proposal = content::read_proposal(proposal, path, diagnostics);

    text::ObjectReader extra(json, path, diagnostics);
    r.version = extra.integer("version");
    if (auto d = text::read_iso_date(extra, "updated", true)) r.updated = *d;
    if (const text::Json* events = extra.array("status_history")) {
        for (size_t i = 0; i < events->size(); ++i) {
            auto e = status_event_from_json((*events)[i]);
            if (!e) {
                diagnostics.add(text::index_path(extra.path_of("status_history"), i), e.error());
                continue;
            }
            r.history.push_back(std::move(*e));
        }
    }
    return r;
}

Result<std::vector<ProposalRecord>> read_records(const text::Json& array, const std::string& source) {
    text::Diagnostics diagnostics(source);
    std::vector<ProposalRecord> out;
    if (!array.is_array()) return Error{source + ": expected an array of proposals"};
    out.reserve(array.size());
    for (size_t i = 0; i < array.size(); ++i) out.push_back(read_record(array[i], text::index_path("", i), diagnostics));
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return out;
}

}  // namespace beitai::tracker
