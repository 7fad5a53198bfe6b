#include "render/proposal_detail.h"

#include "tracker/labels.h"
#include "render/scene.h"
#include "render/svg.h"
#include "text/html.h"

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

std::string row(std::string_view label, const std::string& value_html) {
    return "<div class=\"fact\"><dt>" + escape_html(label) + "</dt><dd>" + value_html + "</dd></div>";
}

std::string counties_html(const tracker::Snapshot& snapshot, const content::Proposal& p, Lang lang) {
    if (p.counties.empty()) return escape_html(tr("detail.counties_unknown", lang));
    if (p.counties.size() == snapshot.counties.size()) return escape_html(tr("detail.counties_all", lang));
    return escape_html(tracker::county_names(snapshot, p.counties, lang));
}

}  // namespace

std::string progress_log_html(const content::Proposal& p, Lang lang) {
    std::string out = "<ol class=\"progress-log\">";
    for (auto it = p.progress.rbegin(); it != p.progress.rend(); ++it) {
        const std::string reporter =
            it->agency.empty() ? escape_html(tr("detail.progress_record", lang)) : source_text(escape_html(it->agency), lang);
        out += "<li><p class=\"date\"><time datetime=\"" + text::to_iso(it->date) + "\">" +
               escape_html(text::format_date(it->date, lang)) + "</time> · <span class=\"reporter\">" +
               escape_html(tr("detail.reported_by", lang)) + escape_html(tr("punct.colon", lang)) + reporter +
               "</span></p>" + source_text(paragraphs_html(it->text), lang, "div") + "</li>";
    }
    return out + "</ol>";
}

std::string proposal_detail_html(const tracker::Snapshot& snapshot, const tracker::ProposalRecord& r, Lang lang) {
    const content::Proposal& p = r.proposal;
    std::string group = escape_html(group_name(snapshot, p.group, lang));
    if (p.subgroup) group += " / " + escape_html(subgroup_name(snapshot, *p.subgroup, lang));
    std::string types;
    for (const auto& t : p.types) types += (types.empty() ? std::string() : std::string(tr("punct.list", lang))) + escape_html(tracker::type_name(t, lang));
    std::string co;
    for (const auto& c : p.co_proposers) co += (co.empty() ? "" : "、") + escape_html(c.agency);
    co = source_text(co, lang);

    std::string out = "<article class=\"proposal-detail status-" + std::string(content::to_string(p.status)) +
                      "\" data-id=\"" + escape_html(p.id) + "\" data-version=\"" + std::to_string(r.version) +
                      "\"><p class=\"back\"><a href=\"/proposals\">" + escape_html(tr("detail.back", lang)) +
                      "</a></p><h1>" + source_text(escape_html(p.title), lang) + "</h1>";

    // Status first: what a citizen came to learn.
    out += "<section class=\"status-box\" aria-labelledby=\"status-heading\"><h2 id=\"status-heading\">" +
           escape_html(tr("detail.status", lang)) + "</h2><p><span class=\"badge badge-" +
           std::string(content::to_string(p.status)) + "\">" + escape_html(status_label(p.status, lang)) + "</span>";
    if (p.status == content::Status::closed && p.closure)
        out += " <span class=\"badge badge-kind\" data-closure=\"" + std::string(content::to_string(p.closure->kind)) +
               "\">" + escape_html(closure_label(p.closure->kind, lang)) + "</span>";
    out += "</p><dl class=\"facts\">";
    if (p.status == content::Status::closed && p.closure) {
        out += row(tr("detail.reason", lang), source_text(paragraphs_html(p.closure->reason), lang, "div"));
        if (p.closure->decision) out += row(tr("detail.decision", lang), source_text(escape_html(*p.closure->decision), lang));
        if (p.closure->date) out += row(tr("detail.history_date", lang), escape_html(text::format_date(*p.closure->date, lang)));
    } else if (p.open_reason) {
        out += row(tr("detail.open_reason", lang), source_text(paragraphs_html(*p.open_reason), lang, "div"));
    }
    out += "</dl></section>";

    out += "<dl class=\"facts\">" + row(tr("detail.year", lang), std::to_string(p.year)) +
           row(tr("detail.group", lang), group) + row(tr("detail.agency", lang), source_text(escape_html(p.agency), lang));
    if (!co.empty()) out += row(tr("detail.co_proposers", lang), co);
    if (!types.empty()) out += row(tr("detail.types", lang), types);
    out += row(tr("detail.counties", lang), counties_html(snapshot, p, lang)) +
           row(tr("detail.central", lang), escape_html(tr(p.asks_central ? "yes" : "no", lang)));
    if (p.ministry) out += row(tr("detail.ministry", lang), source_text(escape_html(*p.ministry), lang));
    out += row(tr("detail.source", lang), source_text(escape_html(p.seed_ref), lang)) +
           row(tr("detail.version", lang), std::to_string(r.version)) + "</dl>";

    SvgOptions svg;
    svg.width = 360;
    svg.height = 300;
    svg.title = std::string(tr("detail.map", lang)) + ": " + (p.counties.empty() ? std::string(tr("detail.counties_unknown", lang)) : "");
    for (const auto& c : p.counties) svg.title += county_name(snapshot, c, lang) + " ";
    out += "<figure class=\"county-map\"><figcaption>" + escape_html(tr("detail.map", lang)) + "</figcaption>" +
           scene_svg(cooperation_scene(snapshot.counties, p.counties, p.county, lang), svg) + "</figure>";

    if (p.sheet) {
        out += "<section class=\"sheet\"><h2>" + escape_html(tr("detail.description", lang)) + "</h2>" +
               source_text(paragraphs_html(p.sheet->description), lang, "div") + "<h2>" + escape_html(tr("detail.approach", lang)) + "</h2>" +
               source_text(paragraphs_html(p.sheet->approach), lang, "div") + "<h2>" + escape_html(tr("detail.benefits", lang)) + "</h2>" +
               source_text(paragraphs_html(p.sheet->benefits), lang, "div") + "<p class=\"contact\"><strong>" +
               escape_html(tr("detail.contact_unit", lang)) + "</strong>" + escape_html(tr("punct.colon", lang)) +
               source_text(escape_html(p.sheet->contact_unit), lang) +
               "</p></section>";
    } else {
        out += "<p class=\"no-sheet\">" + escape_html(tr("detail.no_sheet", lang)) + "</p>";
    }

    out += "<section class=\"progress\"><h2>" + escape_html(tr("detail.progress", lang)) + "</h2>";
    if (p.progress.empty()) out += "<p>" + escape_html(tr("detail.progress_none", lang)) + "</p>";
    out += progress_log_html(p, lang) + "</section>";

    out += "<section class=\"history\"><h2>" + escape_html(tr("detail.history", lang)) + "</h2>";
    if (r.history.empty()) {
        out += "<p>" + escape_html(tr("detail.history_none", lang)) + "</p>";
    } else {
        out += "<table><thead><tr><th scope=\"col\">" + escape_html(tr("detail.history_date", lang)) +
               "</th><th scope=\"col\">" + escape_html(tr("detail.history_change", lang)) + "</th><th scope=\"col\">" +
               escape_html(tr("detail.decision", lang)) + "</th><th scope=\"col\">" +
               escape_html(tr("detail.reason", lang)) + "</th><th scope=\"col\">" +
               escape_html(tr("detail.history_by", lang)) + "</th></tr></thead><tbody>";
        for (auto it = r.history.rbegin(); it != r.history.rend(); ++it) {
            std::string change = escape_html(status_label(it->from, lang)) + " → " + escape_html(status_label(it->to, lang));
            if (it->kind) change += escape_html(fill(tr("punct.aside", lang), "text", closure_label(*it->kind, lang)));
            out += "<tr><td><time datetime=\"" + text::to_iso(it->date) + "\">" +
                   escape_html(text::format_date(it->date, lang)) + "</time></td><td>" + change + "</td><td>" +
                   (it->decision ? source_text(escape_html(*it->decision), lang) : "—") + "</td><td>" +
                   source_text(escape_html(it->reason), lang) + "</td><td>" + source_text(escape_html(it->agency), lang) +
                   "</td></tr>";
        }
        out += "</tbody></table>";
    }
    out += "</section>";

    out += "<p class=\"feed\"><a href=\"/proposals/" + escape_html(p.id) + ".atom\">" +
           escape_html(tr("detail.feed", lang)) + "</a></p></article>";
    return out;
}

}  // namespace beitai::render
