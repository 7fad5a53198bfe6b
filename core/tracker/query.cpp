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

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The search text of a query, prepared once for all records. Boyer–Moore–Horspool rather
// than memchr-then-compare: in UTF-8 Chinese nearly every third byte is a lead byte such
// as 0xE8, so a first-byte scan stops everywhere.
class TextMatcher {
public:
    explicit TextMatcher(const std::string& text)
        : needle_(fold_ascii(text)),
          letters_(std::any_of(needle_.begin(), needle_.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        // Horspool's shift table, on folded bytes (libc++ in Emscripten 3.1.6 has no
        // std::boyer_moore_horspool_searcher, so it is written out here).
        const size_t m = needle_.size();
        for (auto& s : shift_) s = m;
        for (size_t i = 0; i + 1 < m; ++i) shift_[static_cast<unsigned char>(needle_[i])] = m - 1 - i;
    }

    bool empty() const { return needle_.empty(); }

    bool in(const std::string& haystack) const { return letters_ ? find<true>(haystack) : find<false>(haystack); }

private:
    // Folding only when the needle has ASCII letters: most searches here are Chinese.
    template <bool Fold>
    bool find(const std::string& haystack) const {
        const size_t m = needle_.size(), n = haystack.size();
        if (m == 0) return true;
        const char* h = haystack.data();
        const char* nd = needle_.data();
        auto f = [](char c) { return Fold ? fold(c) : c; };
        size_t at = 0;
        while (at + m <= n) {
            size_t k = m;
            while (k > 0 && f(h[at + k - 1]) == nd[k - 1]) --k;
            if (k == 0) return true;
            at += shift_[static_cast<unsigned char>(f(h[at + m - 1]))];
        }
        return false;
    }

    std::string needle_;
    bool letters_;
    size_t shift_[256];
};

bool matches_with(const ProposalRecord& record, const ProposalQuery& q, const TextMatcher& text);

std::optional<int> parse_small_number(const std::string& s, size_t max_digits) {
    if (s.empty() || s.size() > max_digits) return std::nullopt;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

const char* kKnownKeys = "year, group, subgroup, county, partner, status, closure, type, track, q, sort, page";

}  // namespace

Result<ProposalQuery> parse_proposal_query(const QueryParams& params, const Snapshot& snapshot,
                                           const std::vector<std::string>& also_allowed, text::Lang lang) {
    using text::say;
    ProposalQuery q;
    const auto quoted = [&](const std::string& value) { return say(lang, "「", " \"") + value + say(lang, "」", "\""); };
    const auto found = [&](const std::string& value) { return say(lang, "，收到", ", found") + quoted(value); };
    for (const auto& [key, value] : params) {
        if (value.empty()) continue;  // an empty form field means "any"
        if (key == "year") {
            q.year = parse_small_number(value, 3);
            if (!q.year) return Error{say(lang, "year：應為民國年，例如 112", "year: expected an ROC year such as 112") + found(value)};
        } else if (key == "group") {
            if (!content::find_group(snapshot.groups, value))
                return Error{say(lang, "group：沒有這個議題組", "group: unknown issue group") + quoted(value)};
            q.group = value;
        } else if (key == "subgroup") {
            bool known = false;
            for (const auto& g : snapshot.groups) known = known || g.has_subgroup(value);
            if (!known) return Error{say(lang, "subgroup：沒有這個分組", "subgroup: unknown sub-group") + quoted(value)};
            q.subgroup = value;
        } else if (key == "county" || key == "partner") {
            if (!content::find_county(snapshot.counties, value))
                return Error{key + say(lang, "：沒有這個縣市代碼", ": unknown county id") + quoted(value) +
                             say(lang, "（應為 TDX 城市代碼，例如 Taipei 或 YilanCounty）",
                                 " (expected a TDX city id such as Taipei or YilanCounty)")};
            (key == "county" ? q.county : q.partner) = value;
        } else if (key == "status") {
            q.status = content::parse_status(value);
            if (!q.status) return Error{say(lang, "status：應為 open 或 closed", "status: expected \"open\" or \"closed\"") + found(value)};
        } else if (key == "closure") {
            q.closure = content::parse_closure_kind(value);
            if (!q.closure)
                return Error{say(lang, "closure：應為 done、no_need、cancelled、central、routine 或 other",
                                 "closure: expected done, no_need, cancelled, central, routine or other") +
                             found(value)};
        } else if (key == "type") {
            if (!has(content::proposal_types(), value))
                return Error{say(lang, "type：沒有這個提案類型", "type: unknown proposal type") + quoted(value)};
            q.type = value;
        } else if (key == "track") {
            if (value == "central") q.track = Track::central;
            else if (value == "joint") q.track = Track::joint;
            else return Error{say(lang, "track：應為 central 或 joint", "track: expected \"central\" or \"joint\"") + found(value)};
        } else if (key == "q") {
            if (value.size() > 200) return Error{say(lang, "q：搜尋文字超過 200 位元組", "q: search text longer than 200 bytes")};
            q.text = value;
        } else if (key == "sort") {
            if (value == "year") q.sort = SortOrder::year;
            else if (value == "group") q.sort = SortOrder::group;
            else if (value == "updated") q.sort = SortOrder::updated;
            else return Error{say(lang, "sort：應為 year、group 或 updated", "sort: expected year, group or updated") + found(value)};
        } else if (key == "page") {
            auto page = parse_small_number(value, 6);
            if (!page || *page < 1)
                return Error{say(lang, "page：應為從 1 起的頁碼", "page: expected a page number from 1") + found(value)};
            q.page = *page;
        } else if (!has(also_allowed, key)) {
            return Error{say(lang, "不認得的參數", "unknown parameter") + quoted(key) + say(lang, "（可用：", " (known: ") +
                         kKnownKeys + say(lang, "）", ")")};
        }
    }
    return q;
}

QueryParams to_params(const ProposalQuery& q) {
    QueryParams p;
    if (q.year) p.emplace_back("year", std::to_string(*q.year));
    if (q.group) p.emplace_back("group", *q.group);
    if (q.subgroup) p.emplace_back("subgroup", *q.subgroup);
    if (q.county) p.emplace_back("county", *q.county);
    if (q.partner) p.emplace_back("partner", *q.partner);
    if (q.status) p.emplace_back("status", std::string(content::to_string(*q.status)));
    if (q.closure) p.emplace_back("closure", std::string(content::to_string(*q.closure)));
    if (q.type) p.emplace_back("type", *q.type);
    if (q.track) p.emplace_back("track", *q.track == Track::central ? "central" : "joint");
    if (!q.text.empty()) p.emplace_back("q", q.text);
    if (q.sort == SortOrder::group) p.emplace_back("sort", "group");
    if (q.sort == SortOrder::updated) p.emplace_back("sort", "updated");
    if (q.page > 1) p.emplace_back("page", std::to_string(q.page));
    return p;
}

bool matches(const ProposalRecord& record, const ProposalQuery& q) {
    return matches_with(record, q, TextMatcher(q.text));
}

namespace {
bool matches_with(const ProposalRecord& record, const ProposalQuery& q, const TextMatcher& text) {
    const content::Proposal& p = record.proposal;
    if (q.year && p.year != *q.year) return false;
    if (q.group && p.group != *q.group) return false;
    if (q.subgroup && p.subgroup != q.subgroup) return false;
    if (q.county && p.county != *q.county) return false;
    if (q.partner && !has(p.counties, *q.partner)) return false;
    if (q.status && p.status != *q.status) return false;
    if (q.closure && (!p.closure || p.status != content::Status::closed || p.closure->kind != *q.closure)) return false;
    if (q.type && !has(p.types, *q.type)) return false;
    if (q.track && p.asks_central != (*q.track == Track::central)) return false;
    if (!text.empty()) {
        bool found = text.in(p.title) || text.in(p.agency);
        if (!found && p.sheet) found = text.in(p.sheet->description);
        for (size_t i = 0; !found && i < p.progress.size(); ++i) found = text.in(p.progress[i].text);
        if (!found) return false;
    }
    return true;
}
}  // namespace

std::vector<const ProposalRecord*> select_records(const Snapshot& snapshot, const ProposalQuery& q) {
    std::vector<const ProposalRecord*> out;
    const TextMatcher text(q.text);
    for (const auto& r : snapshot.records)
        if (matches_with(r, q, text)) out.push_back(&r);
    switch (q.sort) {
        case SortOrder::year:
            std::stable_sort(out.begin(), out.end(), [](const ProposalRecord* a, const ProposalRecord* b) {
                return a->proposal.year > b->proposal.year;
            });
            break;
        case SortOrder::group: {
            auto rank = [&](const std::string& group) {
                for (size_t i = 0; i < snapshot.groups.size(); ++i)
                    if (snapshot.groups[i].id == group) return i;
                return snapshot.groups.size();
            };
            std::stable_sort(out.begin(), out.end(), [&](const ProposalRecord* a, const ProposalRecord* b) {
                size_t ra = rank(a->proposal.group), rb = rank(b->proposal.group);
                if (ra != rb) return ra < rb;
                return a->proposal.year > b->proposal.year;
            });
            break;
        }
        case SortOrder::updated:
            std::stable_sort(out.begin(), out.end(),
                             [](const ProposalRecord* a, const ProposalRecord* b) { return b->updated < a->updated; });
            break;
    }
    return out;
}

}  // namespace beitai::tracker
