// What the tracker holds about each proposal beyond its content: its version (for safe
// concurrent edits), its status history and the date it last changed. A Snapshot is the
// whole tracker at one moment; readers share one, writers replace it.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "content/catalog.h"
#include "tracker/history.h"
#include "tracker/status_history.h"

namespace beitai::tracker {

struct ProposalRecord {
    content::Proposal proposal;
    long long version = 1;  // +1 on every write; a write based on an older one is refused
    StatusHistory history;  // copies share its events (tracker/status_history.h)
    text::Date updated;  // latest progress entry or status change

    const std::string& id() const { return proposal.id; }
};

// The records of a snapshot, each held once and shared by every snapshot that has it: a write
// makes the next snapshot by replacing one record, which copies pointers, not the other
// 10,000 records with their texts and histories (site/routes/portal.cpp). Reads as a vector of
// records; a record in it never changes (edit() copies one that another list shares).
class RecordList {
    using Slots = std::vector<std::shared_ptr<const ProposalRecord>>;

public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = ProposalRecord;
        using difference_type = std::ptrdiff_t;
        using pointer = const ProposalRecord*;
        using reference = const ProposalRecord&;
        explicit const_iterator(Slots::const_iterator at) : at_(at) {}
        reference operator*() const { return **at_; }
        pointer operator->() const { return at_->get(); }
        const_iterator& operator++() { ++at_; return *this; }
        const_iterator operator++(int) { auto before = *this; ++at_; return before; }
        bool operator==(const const_iterator& o) const { return at_ == o.at_; }
        bool operator!=(const const_iterator& o) const { return at_ != o.at_; }

    private:
        Slots::const_iterator at_;
    };

    RecordList() = default;
    RecordList(std::vector<ProposalRecord> records);  // NOLINT: a vector of records reads as one

    const_iterator begin() const { return const_iterator(slots_.begin()); }
    const_iterator end() const { return const_iterator(slots_.end()); }
    size_t size() const { return slots_.size(); }
    bool empty() const { return slots_.empty(); }
    const ProposalRecord& operator[](size_t i) const { return *slots_[i]; }
    const ProposalRecord& front() const { return *slots_.front(); }
    const ProposalRecord& back() const { return *slots_.back(); }

    void reserve(size_t n) { slots_.reserve(n); }
    void push_back(ProposalRecord record);
    void replace(size_t i, ProposalRecord record);
    // The same with a record already held by its writer (site/routes/portal.cpp): shared, not
    // copied. Not a pointer to const, so that edit() may later change this list's own copy.
    void push_back(std::shared_ptr<ProposalRecord> record);
    void replace(size_t i, std::shared_ptr<ProposalRecord> record);
    // The record at `i` to change in place: this list's own copy (a shared one is copied first).
    ProposalRecord& edit(size_t i);

private:
    Slots slots_;
};

struct Snapshot {
    std::vector<content::County> counties;
    std::vector<content::IssueGroup> groups;
    RecordList records;

    const ProposalRecord* find(const std::string& id) const;
    // The snapshot after one stored write: the record of that id replaced, or, for a new item,
    // added at the end (where the stores place it). Shares every other record.
    void put(ProposalRecord record);
    void put(std::shared_ptr<ProposalRecord> record);  // shared, not copied (RecordList)
};

// The latest date among progress entries and status events.
text::Date last_update(const content::Proposal& proposal, const StatusHistory& history);

// A record as content first imports it: version 1, the history the content implies.
ProposalRecord record_from_content(const content::Proposal& proposal);
Snapshot snapshot_from_catalog(const content::Catalog& catalog);

// The record as one flat JSON object: the proposal's fields, then "version", "updated" and
// "status_history". This is the form of /proposals.json and of what the browser's WASM
// reads to re-render the list.
text::Json to_json(const ProposalRecord& record);
// The same without "status_history" (tracker/api_json.h: written_json).
text::Json to_json_without_history(const ProposalRecord& record);
ProposalRecord read_record(const text::Json& json, const std::string& path, text::Diagnostics& diagnostics);

// An array of records (the /proposals.json export) read back; errors name "[i].field".
Result<std::vector<ProposalRecord>> read_records(const text::Json& array, const std::string& source);

}  // namespace beitai::tracker
