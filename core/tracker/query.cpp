#include "tracker/query.h"

#include <algorithm>

namespace beitai::tracker {

namespace {

// ASCII case folding only: Chinese has no case, and folding the bytes of a UTF-8
// sequence would corrupt it.
std::string fold_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool contains_folded(const std::string& haystack, const std::string& folded_needle) {
    return fold_ascii(haystack).find(folded_needle) != std::string::npos;
}

std::optional<int> parse_year(const std::string& s) {
    if (s.empty() || s.size() > 3) return std::nullopt;
    int y = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        y = y * 10 + (c - '0');
    }
    return y;
}

}  // namespace

Result<ProposalQuery> parse_proposal_query(const QueryParams& params, const content::Catalog& catalog) {
    ProposalQuery query;
    for (const auto& [key, value] : params) {
        if (value.empty()) continue;  // an empty form field means "any"
        if (key == "year") {
            query.year = parse_year(value);
            if (!query.year) return Error{"year: expected an ROC year such as 112, found \"" + value + "\""};
        } else if (key == "status") {
            query.status = content::parse_status(value);
            if (!query.status) return Error{"status: expected \"open\" or \"closed\", found \"" + value + "\""};
        } else if (key == "county") {
            if (!content::find_county(catalog.counties, value))
                return Error{"county: unknown county id \"" + value +
                             "\" (expected a TDX city id such as Taipei or YilanCounty)"};
            query.county = value;
        } else if (key == "group") {
            if (!content::find_group(catalog.groups, value))
                return Error{"group: unknown issue group \"" + value + "\""};
            query.group = value;
        } else if (key == "q") {
            if (value.size() > 200) return Error{"q: search text longer than 200 bytes"};
            query.text = value;
        } else {
            return Error{"unknown parameter \"" + key + "\" (known: year, status, county, group, q)"};
        }
    }
    return query;
}

bool matches(const Proposal& p, const ProposalQuery& query) {
    if (query.year && p.year != *query.year) return false;
    if (query.status && p.status != *query.status) return false;
    if (query.county && p.county != *query.county) return false;
    if (query.group && p.group != *query.group) return false;
    if (!query.text.empty()) {
        const std::string needle = fold_ascii(query.text);
        bool found = contains_folded(p.title, needle) || contains_folded(p.agency, needle);
        if (!found && p.sheet) found = contains_folded(p.sheet->description, needle);
        for (size_t i = 0; !found && i < p.progress.size(); ++i)
            found = contains_folded(p.progress[i].text, needle);
        if (!found) return false;
    }
    return true;
}

std::vector<const Proposal*> select_proposals(const std::vector<Proposal>& proposals,
                                              const ProposalQuery& query) {
    std::vector<const Proposal*> out;
    for (const auto& p : proposals)
        if (matches(p, query)) out.push_back(&p);
    return out;
}

}  // namespace beitai::tracker
