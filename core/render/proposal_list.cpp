#include "render/proposal_list.h"

#include <algorithm>
#include <set>

#include "render/prose.h"
#include "tracker/labels.h"
#include "text/html.h"
#include "tracker/stats.h"

namespace beitai::render {

using text::escape_html;
using text::Lang;
using text::tr;
using tracker::closure_label;
using tracker::county_name;
using tracker::fill;
using tracker::group_name;
using tracker::status_label;
using tracker::subgroup_name;

namespace {

std::string option(const std::string& value, const std::string& label, bool selected) {
    return "<option value=\"" + escape_html(value) + "\"" + (selected ? " selected" : "") + ">" + escape_html(label) +
           "</option>";
}

std::string select_field(const char* name, std::string_view label, const std::string& options, Lang lang) {
    return "<div class=\"field\"><label for=\"f-" + std::string(name) + "\">" + escape_html(label) +
           "</label><select id=\"f-" + std::string(name) + "\" name=\"" + name + "\">" +
           option("", std::string(tr("filter.any", lang)), false) + options + "</select></div>";
}

std::string summary_html(const tracker::Snapshot& snapshot, const tracker::Summary& s, Lang lang) {
    std::string out = "<section class=\"summary\" aria-labelledby=\"summary-heading\"><h2 id=\"summary-heading\">" +
                      escape_html(tr("summary.at_a_glance", lang)) + "</h2>";
    auto stat = [&](const char* status, std::string_view label, int n) {
        std::string c = std::to_string(n);
        return "<div class=\"stat stat-" + std::string(status) + "\"><dt>" + escape_html(label) +
               "</dt><dd data-status=\"" + status + "\" data-count=\"" + c + "\">" + c + "</dd></div>";
    };
    out += "<dl class=\"status-summary\">" + stat("open", tr("status.open", lang), s.status.open) +
           stat("closed", tr("status.closed", lang), s.status.closed) +
           stat("total", tr("summary.total", lang), s.status.total()) + "</dl>";

    if (!s.closures.empty()) {
        out += "<h3>" + escape_html(tr("summary.by_closure", lang)) + "</h3><ul class=\"closure-counts\">";
        for (const auto& [kind, n] : s.closures)
            out += "<li data-closure=\"" + std::string(content::to_string(kind)) + "\">" +
                   escape_html(closure_label(kind, lang)) + " <strong>" + std::to_string(n) + "</strong></li>";
        out += "</ul>";
    }

    out += "<table class=\"year-figures\"><caption>" + escape_html(tr("summary.by_year", lang)) +
           "</caption><thead><tr><th scope=\"col\">" + escape_html(tr("summary.year", lang)) +
           "</th><th scope=\"col\">" + escape_html(tr("summary.items", lang)) + "</th><th scope=\"col\">" +
           escape_html(tr("status.open", lang)) + "</th><th scope=\"col\">" + escape_html(tr("status.closed", lang)) +
           "</th><th scope=\"col\">" + escape_html(tr("summary.central", lang)) + "</th><th scope=\"col\">" +
           escape_html(tr("summary.joint", lang)) + "</th></tr></thead><tbody>";
    for (const auto& y : s.years)
        out += "<tr data-year=\"" + std::to_string(y.year) + "\"><th scope=\"row\">" + std::to_string(y.year) +
               "</th><td data-field=\"items\">" + std::to_string(y.items) + "</td><td data-field=\"open\">" +
               std::to_string(y.open) + "</td><td data-field=\"closed\">" + std::to_string(y.closed) +
               "</td><td data-field=\"central\">" + std::to_string(y.asks_central) + "</td><td data-field=\"joint\">" +
               std::to_string(y.joint) + "</td></tr>";
    out += "</tbody></table>";

    out += "<table class=\"group-figures\"><caption>" + escape_html(tr("summary.by_group", lang)) +
           "</caption><thead><tr><th scope=\"col\">" + escape_html(tr("summary.group", lang)) +
           "</th><th scope=\"col\">" + escape_html(tr("status.open", lang)) + "</th><th scope=\"col\">" +
           escape_html(tr("status.closed", lang)) + "</th></tr></thead><tbody>";
    for (const auto& g : s.groups)
        out += "<tr><th scope=\"row\">" + escape_html(group_name(snapshot, g.group, lang)) + "</th><td>" +
               std::to_string(g.open) + "</td><td>" + std::to_string(g.closed) + "</td></tr>";
    return out + "</tbody></table></section>";
}

std::string item_html(const tracker::Snapshot& snapshot, const tracker::ProposalRecord& r, Lang lang) {
    const content::Proposal& p = r.proposal;
    std::string group = group_name(snapshot, p.group, lang);
    if (p.subgroup) group += " / " + subgroup_name(snapshot, *p.subgroup, lang);
    const bool closed = p.status == content::Status::closed;
    std::string out = "<li class=\"proposal status-" + std::string(content::to_string(p.status)) + "\" data-id=\"" +
                      escape_html(p.id) + "\"><article><h3><a href=\"/proposals/" + escape_html(p.id) + "\">" +
                      source_text(escape_html(p.title), lang) + "</a></h3><p class=\"meta\"><span class=\"pid\">" +
                      escape_html(p.id) + "</span> · " + std::to_string(p.year) + " · " + escape_html(group) + " · " +
                      source_text(escape_html(p.agency), lang) + "</p><p class=\"status-line\"><span class=\"badge badge-" +
                      std::string(content::to_string(p.status)) + "\">" + escape_html(status_label(p.status, lang)) +
                      "</span>";
    if (closed && p.closure)
        out += " <span class=\"badge badge-kind\" data-closure=\"" + std::string(content::to_string(p.closure->kind)) +
               "\">" + escape_html(closure_label(p.closure->kind, lang)) + "</span>";
    if (p.asks_central) out += " <span class=\"badge badge-central\">" + escape_html(tr("track.central", lang)) + "</span>";
    out += "</p>";
    if (closed && p.closure) out += source_text("<div class=\"reason\">" + paragraphs_html(p.closure->reason) + "</div>", lang, "div");
    out += "<p class=\"updated\">" + escape_html(tr("list.updated", lang)) + " " +
           escape_html(text::format_date(r.updated, lang)) + "</p></article></li>";
    return out;
}

}  // namespace

std::string proposals_url(const tracker::ProposalQuery& query, const std::string& base) {
    std::string qs = text::to_query_string(tracker::to_params(query));
    return qs.empty() ? base : base + "?" + qs;
}

std::string proposal_filters_html(const tracker::Snapshot& snapshot, const tracker::ProposalQuery& q, Lang lang) {
    std::set<int> years;
    for (const auto& r : snapshot.records) years.insert(r.proposal.year);
    std::string year_options;
    for (auto it = years.rbegin(); it != years.rend(); ++it)
        year_options += option(std::to_string(*it), std::to_string(*it), q.year == *it);

    std::string group_options, subgroup_options;
    for (const auto& g : snapshot.groups) {
        group_options += option(g.id, group_name(snapshot, g.id, lang), q.group == g.id);
        for (const auto& s : g.subgroups)
            subgroup_options += option(s.id, subgroup_name(snapshot, s.id, lang) + " (" + group_name(snapshot, g.id, lang) + ")",
                                       q.subgroup == s.id);
    }
    std::string county_options, partner_options;
    for (const auto& c : snapshot.counties) {
        county_options += option(c.id, county_name(snapshot, c.id, lang), q.county == c.id);
        partner_options += option(c.id, county_name(snapshot, c.id, lang), q.partner == c.id);
    }
    std::string status_options = option("open", status_label(content::Status::open, lang), q.status == content::Status::open) +
                                 option("closed", status_label(content::Status::closed, lang), q.status == content::Status::closed);
    std::string closure_options;
    for (auto k : {content::ClosureKind::done, content::ClosureKind::no_need, content::ClosureKind::cancelled,
                   content::ClosureKind::central, content::ClosureKind::routine, content::ClosureKind::other})
        closure_options += option(std::string(content::to_string(k)), closure_label(k, lang), q.closure == k);
    std::string type_options;
    for (const auto& t : content::proposal_types()) type_options += option(t, tracker::type_name(t, lang), q.type == t);
    std::string track_options = option("central", std::string(tr("track.central", lang)), q.track == tracker::Track::central) +
                                option("joint", std::string(tr("track.joint", lang)), q.track == tracker::Track::joint);
    std::string sort_options = option("year", std::string(tr("sort.year", lang)), q.sort == tracker::SortOrder::year) +
                               option("group", std::string(tr("sort.group", lang)), q.sort == tracker::SortOrder::group) +
                               option("updated", std::string(tr("sort.updated", lang)), q.sort == tracker::SortOrder::updated);
    // "Any" is the first option of every select except sort; sort has no "any".
    std::string sort_field = "<div class=\"field\"><label for=\"f-sort\">" + escape_html(tr("filter.sort", lang)) +
                             "</label><select id=\"f-sort\" name=\"sort\">" + sort_options + "</select></div>";

    return "<form id=\"proposal-filters\" class=\"filters\" method=\"get\" action=\"/proposals\" role=\"search\" "
           "aria-labelledby=\"filters-heading\"><h2 id=\"filters-heading\">" +
           escape_html(tr("filter.heading", lang)) + "</h2><div class=\"field field-q\"><label for=\"f-q\">" +
           escape_html(tr("filter.q", lang)) + "</label><input id=\"f-q\" name=\"q\" type=\"search\" value=\"" +
           escape_html(q.text) + "\" placeholder=\"" + escape_html(tr("filter.q_hint", lang)) + "\"></div>" +
           select_field("year", tr("filter.year", lang), year_options, lang) +
           select_field("status", tr("filter.status", lang), status_options, lang) +
           select_field("closure", tr("filter.closure", lang), closure_options, lang) +
           select_field("group", tr("filter.group", lang), group_options, lang) +
           select_field("subgroup", tr("filter.subgroup", lang), subgroup_options, lang) +
           select_field("county", tr("filter.county", lang), county_options, lang) +
           select_field("partner", tr("filter.partner", lang), partner_options, lang) +
           select_field("type", tr("filter.type", lang), type_options, lang) +
           select_field("track", tr("filter.track", lang), track_options, lang) + sort_field +
           "<div class=\"actions\"><button type=\"submit\">" + escape_html(tr("filter.apply", lang)) +
           "</button> <a href=\"/proposals\">" + escape_html(tr("filter.reset", lang)) + "</a></div></form>";
}

std::string proposal_results_html(const tracker::Snapshot& snapshot, const tracker::ProposalQuery& query,
                                  const std::vector<const tracker::ProposalRecord*>& selection, Lang lang) {
    std::string out = summary_html(snapshot, tracker::summarize(selection, snapshot.groups), lang);

    const int total = static_cast<int>(selection.size());
    const int pages = std::max(1, (total + kProposalsPerPage - 1) / kProposalsPerPage);
    const int page = std::min(query.page, pages);
    out += "<section class=\"list\" aria-labelledby=\"list-heading\"><h2 id=\"list-heading\">" +
           escape_html(tr("list.heading", lang)) + " <span class=\"count\" data-total=\"" + std::to_string(total) +
           "\">" + escape_html(fill(tr("list.count", lang), "n", std::to_string(total))) + "</span></h2>";
    if (total == 0) {
        out += "<p class=\"empty\">" + escape_html(tr("list.none", lang)) + "</p>";
    } else {
        out += "<ol class=\"proposal-list\">";
        const size_t first = static_cast<size_t>(page - 1) * kProposalsPerPage;
        for (size_t i = first; i < selection.size() && i < first + kProposalsPerPage; ++i)
            out += item_html(snapshot, *selection[i], lang);
        out += "</ol>";
    }
    if (pages > 1) {
        out += "<nav class=\"pager\" aria-label=\"" + escape_html(tr("list.heading", lang)) + "\">";
        tracker::ProposalQuery q = query;
        if (page > 1) {
            q.page = page - 1;
            out += "<a rel=\"prev\" href=\"" + escape_html(proposals_url(q)) + "\">" + escape_html(tr("list.previous", lang)) + "</a> ";
        }
        out += "<span>" + escape_html(fill(fill(tr("list.page", lang), "p", std::to_string(page)), "t", std::to_string(pages))) + "</span>";
        if (page < pages) {
            q.page = page + 1;
            out += " <a rel=\"next\" href=\"" + escape_html(proposals_url(q)) + "\">" + escape_html(tr("list.next", lang)) + "</a>";
        }
        out += "</nav>";
    }
    tracker::ProposalQuery all_pages = query;
    all_pages.page = 1;
    out += "<p class=\"exports\">" + escape_html(tr("list.exports", lang)) + escape_html(tr("punct.colon", lang)) + "<a href=\"" +
           escape_html(proposals_url(all_pages, "/proposals.csv")) + "\">CSV</a> · <a href=\"" +
           escape_html(proposals_url(all_pages, "/proposals.json")) + "\">JSON</a> · <a href=\"" +
           escape_html(proposals_url(all_pages, "/proposals.ods")) + "\">ODS</a> · <a href=\"" +
           escape_html(proposals_url(all_pages, "/proposals.atom")) + "\">" + escape_html(tr("list.feed", lang)) +
           "</a></p></section>";
    return out;
}

std::string proposals_main_html(const tracker::Snapshot& snapshot, const tracker::ProposalQuery& query,
                                const std::vector<const tracker::ProposalRecord*>& selection, Lang lang) {
    return "<h1>" + escape_html(tr("summary.heading", lang)) + "</h1><div class=\"tracker\">" +
           proposal_filters_html(snapshot, query, lang) +
           "<div id=\"proposal-results\" class=\"results\" aria-live=\"polite\">" +
           proposal_results_html(snapshot, query, selection, lang) + "</div></div>";
}

}  // namespace beitai::render
