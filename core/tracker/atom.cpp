#include "tracker/atom.h"

#include <algorithm>

#include "text/html.h"
#include "tracker/labels.h"

namespace beitai::tracker {

namespace {

struct Entry {
    text::Date date;
    std::string id;  // unique and stable: tag URI
    std::string title;
    std::string summary;
    std::string link;
    std::string author;
};

// Dates become timestamps at Taiwan's midnight: the records keep days, Atom wants instants.
std::string timestamp(const text::Date& d) { return text::to_iso(d) + "T00:00:00+08:00"; }

std::string tag(const std::string& what) { return "tag:beitai.portal,2023:" + what; }

text::Date earliest(const ProposalRecord& r) {
    text::Date first = r.updated;
    for (const auto& e : r.proposal.progress)
        if (e.date < first) first = e.date;
    for (const auto& e : r.history)
        if (e.date < first) first = e.date;
    return first;
}

void add_listing(std::vector<Entry>& entries, const FeedSpec& spec, const Snapshot& snapshot, const ProposalRecord& r) {
    const content::Proposal& p = r.proposal;
    entries.push_back({earliest(r), tag("proposal/" + p.id), p.title,
                       group_name(snapshot, p.group, spec.lang) + " · " + p.agency + " · " + status_label(p.status, spec.lang),
                       spec.base_url + "/proposals/" + p.id, p.agency});
}

void add_status_changes(std::vector<Entry>& entries, const FeedSpec& spec, const ProposalRecord& r) {
    for (size_t i = 0; i < r.history.size(); ++i) {
        const StatusEvent& e = r.history[i];
        std::string change = status_label(e.from, spec.lang) + " → " + status_label(e.to, spec.lang);
        if (e.kind) change += "（" + closure_label(*e.kind, spec.lang) + "）";
        std::string summary = e.reason;
        if (e.decision) summary = *e.decision + "：" + summary;
        entries.push_back({e.date, tag("proposal/" + r.id() + "/status/" + std::to_string(i)),
                           change + " " + r.proposal.title, summary, spec.base_url + "/proposals/" + r.id(), e.agency});
    }
}

std::string render(const FeedSpec& spec, std::vector<Entry> entries) {
    // An item with no date at all (created without progress, never changed) is dated by
    // the day the feed is made rather than given an impossible timestamp.
    for (auto& e : entries)
        if (!text::is_valid(e.date)) e.date = spec.today;
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return b.date < a.date; });
    if (entries.size() > spec.max_entries) entries.resize(spec.max_entries);
    text::Date updated = entries.empty() ? spec.today : entries.front().date;
    for (const auto& e : entries)
        if (updated < e.date) updated = e.date;
    const auto escape_html = [](std::string_view v) { return text::escape_xml(v); };
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?xml-stylesheet type=\"text/css\" href=\"" +
                      std::string(kAtomStylesheetPath) + "\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                      std::string(text::html_lang_tag(spec.lang)) + "\"><id>" + escape_html(tag("feed" + spec.self_path)) +
                      "</id><title>" + escape_html(spec.title) + "</title><updated>" + timestamp(updated) +
                      "</updated><link rel=\"self\" href=\"" + escape_html(spec.base_url + spec.self_path) +
                      "\"/><author><name>" + escape_html(std::string(text::tr("site.name", spec.lang))) + "</name></author>";
    for (const auto& e : entries)
        out += "<entry><id>" + escape_html(e.id) + "</id><title>" + escape_html(e.title) + "</title><updated>" +
               timestamp(e.date) + "</updated><link href=\"" + escape_html(e.link) + "\"/><author><name>" +
               escape_html(e.author) + "</name></author><summary>" + escape_html(e.summary) + "</summary></entry>";
    return out + "</feed>\n";
}

// A CSS string literal of a text of ours (no quotes or backslashes in the language table's
// words, but be safe).
std::string css_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\A ";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string atom_stylesheet() {
    std::string css =
        "feed { display: block; max-width: 48rem; margin: 0 auto; padding: 1rem; font-family: \"Noto Sans CJK TC\", "
        "\"Noto Sans TC\", system-ui, sans-serif; line-height: 1.6; color: #14232b; background: #f6f4ef; }\n"
        "feed > * { display: none; }\n"
        "feed > title { display: block; font-size: 1.6rem; font-weight: 700; margin: .5rem 0; }\n"
        "feed::before { display: block; white-space: pre-wrap; padding: .75rem 1rem; border-radius: 8px; "
        "background: #fff8e6; border: 1px solid #b45f06; }\n"
        "entry { display: block; background: #fff; border-radius: 8px; padding: .75rem 1rem; margin: .75rem 0; }\n"
        "entry > * { display: none; }\n"
        "entry > title { display: block; font-weight: 700; }\n"
        "entry > updated { display: block; color: #4a5d66; font-size: .9rem; }\n"
        "entry > summary { display: block; white-space: pre-wrap; }\n";
    for (text::Lang lang : {text::Lang::zh_TW, text::Lang::en})
        css += "feed:lang(" + std::string(text::html_lang_tag(lang)) + ")::before { content: " +
               css_string(text::tr("feed.explain", lang)) + "; }\n";
    return css;
}

std::string atom_feed(const FeedSpec& spec, const Snapshot& snapshot, const std::vector<const ProposalRecord*>& records) {
    std::vector<Entry> entries;
    for (const auto* r : records) {
        add_listing(entries, spec, snapshot, *r);
        add_status_changes(entries, spec, *r);
    }
    return render(spec, std::move(entries));
}

std::string atom_proposal_feed(const FeedSpec& spec, const Snapshot& snapshot, const ProposalRecord& r) {
    std::vector<Entry> entries;
    add_listing(entries, spec, snapshot, r);
    for (size_t i = 0; i < r.proposal.progress.size(); ++i) {
        const auto& e = r.proposal.progress[i];
        entries.push_back({e.date, tag("proposal/" + r.id() + "/progress/" + std::to_string(i)),
                           std::string(text::tr("detail.progress", spec.lang)) + " " + r.proposal.title, e.text,
                           spec.base_url + "/proposals/" + r.id(), r.proposal.agency});
    }
    add_status_changes(entries, spec, r);
    return render(spec, std::move(entries));
}

}  // namespace beitai::tracker
