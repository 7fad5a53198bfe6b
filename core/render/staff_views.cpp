#include "render/staff_views.h"

#include "render/form_fields.h"
#include "text/html.h"
#include "tracker/labels.h"

namespace beitai::render {

using text::escape_html;
using text::Lang;
using text::tr;

namespace {

std::string notice_html(const Notice& n) { return form_notice_html(n.text, n.error); }

std::string version_field(long long version) {
    return "<input type=\"hidden\" name=\"version\" value=\"" + std::to_string(version) + "\">";
}

std::string input(const char* name, std::string_view label, const std::string& value, const char* type = "text",
                  bool required = false, const std::string& form = "") {
    std::string id = form.empty() ? std::string("s-") + name : "s-" + form + "-" + name;
    return "<div class=\"field\"><label for=\"" + id + "\">" + escape_html(label) + "</label><input id=\"" + id +
           "\" name=\"" + name + "\" type=\"" + type + "\" value=\"" + escape_html(value) + "\"" +
           (required ? " required" : "") + "></div>";
}

std::string textarea(const char* name, std::string_view label, const std::string& value, bool required,
                     const std::string& form) {
    std::string id = "s-" + form + "-" + name;
    return "<div class=\"field\"><label for=\"" + id + "\">" + escape_html(label) + "</label><textarea id=\"" + id +
           "\" name=\"" + name + "\" rows=\"4\"" + (required ? " required" : "") + ">" + escape_html(value) +
           "</textarea></div>";
}

std::string option(const std::string& value, const std::string& label, bool selected) {
    return "<option value=\"" + escape_html(value) + "\"" + (selected ? " selected" : "") + ">" + escape_html(label) +
           "</option>";
}

std::string select(const char* name, std::string_view label, const std::string& options, const std::string& form,
                   bool with_empty = false) {
    std::string id = "s-" + form + "-" + name;
    return "<div class=\"field\"><label for=\"" + id + "\">" + escape_html(label) + "</label><select id=\"" + id +
           "\" name=\"" + name + "\">" + (with_empty ? std::string("<option value=\"\">—</option>") : std::string()) +
           options + "</select></div>";
}

std::string checkboxes(const char* name, std::string_view legend, const std::vector<std::pair<std::string, std::string>>& items,
                       const std::vector<std::string>& checked, const std::string& form) {
    std::string out = "<fieldset class=\"checks\"><legend>" + escape_html(legend) + "</legend>";
    for (size_t i = 0; i < items.size(); ++i) {
        bool on = false;
        for (const auto& c : checked) on = on || c == items[i].first;
        std::string id = "s-" + form + "-" + name + "-" + std::to_string(i);
        out += "<label for=\"" + id + "\"><input type=\"checkbox\" id=\"" + id + "\" name=\"" + name + "\" value=\"" +
               escape_html(items[i].first) + "\"" + (on ? " checked" : "") + "> " + escape_html(items[i].second) +
               "</label>";
    }
    return out + "</fieldset>";
}

std::string role_label(tracker::Role role, Lang lang) {
    return std::string(tr(role == tracker::Role::admin ? "staff.role.admin" : "staff.role.editor", lang));
}

std::string who(const tracker::Snapshot& snapshot, const tracker::Actor& actor, Lang lang) {
    std::string s = actor.user + " · " + role_label(actor.role, lang);
    if (!actor.county.empty()) s += " · " + tracker::county_name(snapshot, actor.county, lang);
    return s;
}

std::string sign_out_form(const std::string& csrf, Lang lang) {
    return "<form class=\"sign-out\" method=\"post\" action=\"/staff/sign-out\">" + csrf_field(csrf) +
           "<button type=\"submit\">" + escape_html(tr("staff.sign_out", lang)) + "</button></form>";
}

// The editable fields of a proposal, shared by the edit and the new-proposal forms.
std::string proposal_fields(const tracker::Snapshot& snapshot, const content::Proposal& p, const std::string& form,
                            Lang lang, bool admin, bool creating) {
    std::string groups, subgroups, counties;
    for (const auto& g : snapshot.groups) {
        groups += option(g.id, tracker::group_name(snapshot, g.id, lang), p.group == g.id);
        for (const auto& s : g.subgroups)
            subgroups += option(s.id, tracker::subgroup_name(snapshot, s.id, lang), p.subgroup == s.id);
    }
    std::vector<std::pair<std::string, std::string>> county_items, type_items;
    for (const auto& c : snapshot.counties) {
        county_items.emplace_back(c.id, tracker::county_name(snapshot, c.id, lang));
        counties += option(c.id, tracker::county_name(snapshot, c.id, lang), p.county == c.id);
    }
    for (const auto& t : content::proposal_types()) type_items.emplace_back(t, t);
    std::string out = input("title", tr("staff.title", lang), p.title, "text", true, form) +
                      select("group", tr("filter.group", lang), groups, form) +
                      select("subgroup", tr("filter.subgroup", lang), subgroups, form, true);
    if (admin || creating) {
        out += input("agency", tr("detail.agency", lang), p.agency, "text", true, form);
        if (admin) out += select("county", tr("filter.county", lang), counties, form);
    }
    out += checkboxes("types", tr("detail.types", lang), type_items, p.types, form) +
           checkboxes("counties", tr("detail.counties", lang), county_items, p.counties, form) +
           "<div class=\"field check\"><label><input type=\"checkbox\" name=\"asks_central\" value=\"true\"" +
           std::string(p.asks_central ? " checked" : "") + "> " + escape_html(tr("detail.central", lang)) +
           "</label></div>" + input("ministry", tr("detail.ministry", lang), p.ministry.value_or(""), "text", false, form);
    const content::ProposalSheet sheet = p.sheet.value_or(content::ProposalSheet{});
    out += textarea("description", tr("detail.description", lang), sheet.description, false, form) +
           textarea("approach", tr("detail.approach", lang), sheet.approach, false, form) +
           textarea("benefits", tr("detail.benefits", lang), sheet.benefits, false, form) +
           input("contact_unit", tr("detail.contact_unit", lang), sheet.contact_unit, "text", false, form);
    return out;
}

}  // namespace

std::string sign_in_html(Lang lang, const Notice& notice, const std::string& name) {
    return "<section class=\"panel narrow\"><h1>" + escape_html(tr("staff.sign_in", lang)) + "</h1>" +
           notice_html(notice) + "<form method=\"post\" action=\"/staff/sign-in\" class=\"stack\">" +
           input("name", tr("staff.name", lang), name, "text", true, "signin") +
           "<div class=\"field\"><label for=\"s-signin-password\">" + escape_html(tr("staff.password", lang)) +
           "</label><input id=\"s-signin-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
           "required></div><button type=\"submit\">" +
           escape_html(tr("staff.submit_sign_in", lang)) + "</button></form></section>";
}

std::string staff_home_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                            Lang lang) {
    std::string out = "<section class=\"panel\"><h1>" + escape_html(tr("staff.home", lang)) +
                      "</h1><p class=\"who\">" + escape_html(tr("staff.signed_in_as", lang)) + "：" +
                      escape_html(who(snapshot, actor, lang)) + "</p>" + sign_out_form(csrf, lang) +
                      "<p class=\"staff-links\"><a href=\"/staff/new\">" + escape_html(tr("staff.new", lang)) + "</a> · <a href=\"/staff/raffle\">" +
                      escape_html(tr("raffle.staff_heading", lang)) + "</a>";
    if (actor.role == tracker::Role::admin)
        out += " · <a href=\"/staff/audit\">" + escape_html(tr("staff.audit", lang)) + "</a> · <a href=\"/staff/accounts\">" +
               escape_html(tr("staff.accounts", lang)) + "</a>";
    out += "</p><h2>" + escape_html(tr("staff.your_items", lang)) + "</h2><ul class=\"staff-items\">";
    for (const auto& r : snapshot.records) {
        if (!tracker::may_edit(actor, r.proposal)) continue;
        out += "<li data-id=\"" + escape_html(r.id()) + "\"><a href=\"/staff/proposals/" + escape_html(r.id()) + "\">" +
               escape_html(r.id() + " " + r.proposal.title) + "</a> <span class=\"badge badge-" +
               std::string(content::to_string(r.proposal.status)) + "\">" +
               escape_html(tracker::status_label(r.proposal.status, lang)) + "</span></li>";
    }
    return out + "</ul></section>";
}

std::string staff_edit_html(const tracker::Snapshot& snapshot, const tracker::ProposalRecord& r,
                            const tracker::Actor& actor, const std::string& csrf, Lang lang, const Notice& notice,
                            const std::vector<AuditRow>& changes) {
    const content::Proposal& p = r.proposal;
    const std::string action = "/staff/proposals/" + escape_html(p.id);
    std::string out = "<section class=\"panel staff-edit\" data-id=\"" + escape_html(p.id) + "\" data-version=\"" +
                      std::to_string(r.version) + "\"><p><a href=\"/staff\">" + escape_html(tr("staff.home", lang)) +
                      "</a> · <a href=\"/proposals/" + escape_html(p.id) + "\">" + escape_html(p.id) + "</a></p><h1>" +
                      escape_html(p.title) + "</h1>" + notice_html(notice) + "<p><span class=\"badge badge-" +
                      std::string(content::to_string(p.status)) + "\">" +
                      escape_html(tracker::status_label(p.status, lang)) + "</span> " +
                      escape_html(tr("detail.version", lang)) + " " + std::to_string(r.version) + "</p>";
    if (!changes.empty()) {
        out += "<h2>" + escape_html(tr("staff.changes_since", lang)) + "</h2><ul class=\"changes\">";
        for (const auto& c : changes)
            out += "<li>" + escape_html(c.at + " · " + c.action + " · " + c.user + (c.detail.empty() ? "" : " · " + c.detail)) + "</li>";
        out += "</ul>";
    }

    out += "<form method=\"post\" action=\"" + action + "/progress\" class=\"stack\" id=\"form-progress\"><h2>" +
           escape_html(tr("staff.add_progress", lang)) + "</h2>" + csrf_field(csrf) + version_field(r.version) +
           input("date", tr("staff.date", lang), "", "date", false, "progress") +
           textarea("text", tr("staff.text", lang), "", true, "progress") + "<button type=\"submit\">" +
           escape_html(tr("staff.save", lang)) + "</button></form>";

    if (p.status == content::Status::open) {
        std::string kinds;
        for (auto k : {content::ClosureKind::done, content::ClosureKind::no_need, content::ClosureKind::cancelled,
                       content::ClosureKind::central, content::ClosureKind::routine, content::ClosureKind::other})
            kinds += option(std::string(content::to_string(k)), tracker::closure_label(k, lang), false);
        out += "<form method=\"post\" action=\"" + action + "/close\" class=\"stack\" id=\"form-close\"><h2>" +
               escape_html(tr("staff.close", lang)) + "</h2>" + csrf_field(csrf) + version_field(r.version) +
               select("kind", tr("staff.kind", lang), kinds, "close") +
               textarea("reason", tr("staff.reason", lang), "", true, "close") +
               input("decision", tr("staff.decision", lang), "", "text", false, "close") +
               input("date", tr("staff.date", lang), "", "date", false, "close") + "<button type=\"submit\">" +
               escape_html(tr("staff.close", lang)) + "</button></form>";
    } else {
        out += "<form method=\"post\" action=\"" + action + "/reopen\" class=\"stack\" id=\"form-reopen\"><h2>" +
               escape_html(tr("staff.reopen", lang)) + "</h2>" + csrf_field(csrf) + version_field(r.version) +
               textarea("reason", tr("staff.reason", lang), "", true, "reopen") +
               input("date", tr("staff.date", lang), "", "date", false, "reopen") + "<button type=\"submit\">" +
               escape_html(tr("staff.reopen", lang)) + "</button></form>";
    }
    out += "<form method=\"post\" action=\"" + action + "/edit\" class=\"stack\" id=\"form-edit\"><h2>" +
           escape_html(tr("staff.edit_fields", lang)) + "</h2>" + csrf_field(csrf) + version_field(r.version) +
           proposal_fields(snapshot, p, "edit", lang, actor.role == tracker::Role::admin, false) +
           "<button type=\"submit\">" + escape_html(tr("staff.save", lang)) + "</button></form></section>";
    return out;
}

std::string staff_new_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                           Lang lang, const Notice& notice) {
    content::Proposal blank;
    blank.county = actor.county;
    blank.agency = actor.agency;
    blank.year = 0;
    return "<section class=\"panel\"><p><a href=\"/staff\">" + escape_html(tr("staff.home", lang)) + "</a></p><h1>" +
           escape_html(tr("staff.new", lang)) + "</h1>" + notice_html(notice) +
           "<form method=\"post\" action=\"/staff/proposals\" class=\"stack\" id=\"form-new\">" + csrf_field(csrf) +
           input("year", tr("detail.year", lang), "", "number", true, "new") +
           proposal_fields(snapshot, blank, "new", lang, actor.role == tracker::Role::admin, true) +
           "<button type=\"submit\">" + escape_html(tr("staff.save", lang)) + "</button></form></section>";
}

std::string audit_html(const std::vector<AuditRow>& rows, Lang lang) {
    std::string out = "<section class=\"panel\"><p><a href=\"/staff\">" + escape_html(tr("staff.home", lang)) +
                      "</a></p><h1>" + escape_html(tr("staff.audit", lang)) + "</h1><table class=\"audit\"><thead><tr>";
    for (const char* h : {"staff.when", "staff.who", "staff.action", "staff.item", "staff.detail"})
        out += "<th scope=\"col\">" + escape_html(tr(h, lang)) + "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& r : rows)
        out += "<tr data-seq=\"" + std::to_string(r.seq) + "\"><td>" + escape_html(r.at) + "</td><td>" +
               escape_html(r.user) + "</td><td>" + escape_html(r.action) + "</td><td>" + escape_html(r.proposal_id) +
               "</td><td>" + escape_html(r.detail) + "</td></tr>";
    return out + "</tbody></table></section>";
}

std::string accounts_html(const tracker::Snapshot& snapshot, const std::vector<AccountRow>& accounts,
                          const std::string& csrf, Lang lang, const Notice& notice) {
    std::string out = "<section class=\"panel\"><p><a href=\"/staff\">" + escape_html(tr("staff.home", lang)) +
                      "</a></p><h1>" + escape_html(tr("staff.accounts", lang)) + "</h1>" + notice_html(notice) +
                      "<table><thead><tr>";
    for (const char* h : {"staff.name", "staff.role", "staff.county", "staff.agency", "staff.disabled"})
        out += "<th scope=\"col\">" + escape_html(tr(h, lang)) + "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& a : accounts)
        out += "<tr><td>" + escape_html(a.name) + "</td><td>" + escape_html(role_label(a.role, lang)) + "</td><td>" +
               escape_html(a.county.empty() ? "—" : tracker::county_name(snapshot, a.county, lang)) + "</td><td>" +
               escape_html(a.agency) + "</td><td>" + escape_html(tr(a.disabled ? "yes" : "no", lang)) + "</td></tr>";
    std::string counties = option("", "—", true);
    for (const auto& c : snapshot.counties) counties += option(c.id, tracker::county_name(snapshot, c.id, lang), false);
    out += "</tbody></table><form method=\"post\" action=\"/staff/accounts\" class=\"stack\" id=\"form-account\"><h2>" +
           escape_html(tr("staff.create_account", lang)) + "</h2>" + csrf_field(csrf) +
           input("name", tr("staff.name", lang), "", "text", true, "account") +
           "<div class=\"field\"><label for=\"s-account-password\">" + escape_html(tr("staff.password", lang)) + "（" +
           escape_html(tr("staff.password_rule", lang)) +
           "）</label><input id=\"s-account-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" "
           "minlength=\"12\" required></div>" +
           select("role", tr("staff.role", lang),
                  option("editor", role_label(tracker::Role::editor, lang), true) +
                      option("admin", role_label(tracker::Role::admin, lang), false),
                  "account") +
           select("county", tr("staff.county", lang), counties, "account") +
           input("agency", tr("staff.agency", lang), "", "text", true, "account") + "<button type=\"submit\">" +
           escape_html(tr("staff.create_account", lang)) + "</button></form></section>";
    return out;
}

}  // namespace beitai::render
