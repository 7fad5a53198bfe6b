// Atom feeds (RFC 4287) of what happens to proposals: new items and every change of status
// for a filtered view, and for one proposal also its progress entries — so anyone can
// follow a single item in a feed reader.
#pragma once

#include <string>
#include <vector>

#include "text/lang.h"
#include "tracker/record.h"

namespace beitai::tracker {

struct FeedSpec {
    std::string base_url;   // "https://portal.example" — no trailing slash
    std::string self_path;  // "/proposals.atom?status=closed"
    std::string title;
    text::Lang lang = text::Lang::zh_TW;
    size_t max_entries = 200;
    text::Date today{2023, 8, 8};  // the day the feed is made: dates undated entries, or an empty feed
};

// Entries: each record's listing (dated by its earliest known date) and each status change.
std::string atom_feed(const FeedSpec& spec, const Snapshot& snapshot, const std::vector<const ProposalRecord*>& records);

// One proposal: its listing, its progress entries and its status changes.
std::string atom_proposal_feed(const FeedSpec& spec, const Snapshot& snapshot, const ProposalRecord& record);

// A browser opening a feed's address shows the XML styled by this sheet (served at
// kAtomStylesheetPath, written at build time like the parking colours): a heading that says
// what a feed is and how to follow it, in the feed's language, then its entries as a list.
// Without it, a citizen who follows the page's feed link meets raw XML.
constexpr const char* kAtomStylesheetPath = "/generated/css/atom.css";
std::string atom_stylesheet();

}  // namespace beitai::tracker
