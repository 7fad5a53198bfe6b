#include "render/staff_views.h"

#include "render/form_fields.h"
#include "render/proposal_detail.h"
#include "render/prose.h"
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

std::string value_of(const FormValues& values, const std::string& name) {
    for (const auto& [k, v] : values)
        if (k == name) return v;
    return {};
}

std::vector<std::string> values_of(const FormValues& values, const std::string& name) {
    std::vector<std::string> out;
    for (const auto& [k, v] : values)
        if (k == name && !v.empty()) out.push_back(v);
    return out;
}

// The form field a problem belongs to: "sheet.approach" is the field "approach".
std::string field_name(const std::string& path) {
    return path.rfind("sheet.", 0) == 0 ? path.substr(6) : path;
}

// A field's label, by its form name.
std::string field_label(const std::string& name, Lang lang) {
    static const std::pair<const char*, const char*> kLabels[] = {
        {"text", "staff.text"},          {"date", "staff.date"},
        {"kind", "staff.kind"},          {"reason", "staff.reason"},
        {"decision", "staff.decision_short"}, {"title", "staff.title"},
        {"group", "filter.group"},       {"subgroup", "filter.subgroup"},
        {"agency", "detail.agency"},     {"county", "filter.county"},
        {"types", "detail.types"},       {"counties", "detail.counties"},
        {"asks_central", "detail.central"}, {"ministry", "detail.ministry"},
        {"description", "detail.description"}, {"approach", "detail.approach"},
        {"benefits", "detail.benefits"}, {"contact_unit", "detail.contact_unit"},
        {"year", "detail.year"},         {"version", "detail.version"},
        {"status", "detail.status"},     {"open_reason", "staff.reopen_reason"},
        {"progress", "detail.progress"},
    };
    for (const auto& [n, key] : kLabels)
        if (name == n) return std::string(tr(key, lang));
    return name;
}

// A problem in the reader's words: "請填寫理由。" — the wording chosen by its code.
std::string problem_text(const tracker::FieldProblem& p, Lang lang) {
    const std::string key = "problem." + p.code;
    std::string_view pattern = tr(key, lang);
    if (pattern == key) pattern = tr("problem.invalid", lang);
    return tracker::fill(pattern, "value", p.param);
}

// Builds one form's fields: the value each shows (as typed, or as stored), and the problem,
// if any, beside it.
class FormBuilder {
public:
    FormBuilder(std::string form, Lang lang, const FormValues& values, const std::vector<tracker::FieldProblem>& problems)
        : form_(std::move(form)), lang_(lang), values_(values), problems_(problems) {}

    std::string id(const std::string& name) const { return "s-" + form_ + "-" + name; }
    std::string value(const std::string& name) const { return value_of(values_, name); }
    std::vector<std::string> values(const std::string& name) const { return values_of(values_, name); }

    // The problem text of a field, "" when it has none.
    std::string problem(const std::string& name) const {
        for (const auto& p : problems_)
            if (field_name(p.field) == name) return problem_text(p, lang_);
        return {};
    }

    std::string input(const char* name, std::string_view label, const char* type = "text", bool required = false,
                      const std::string& hint = {}) const {
        return field_open(name, label, hint) + "<input id=\"" + id(name) + "\" name=\"" + name + "\" type=\"" + type +
               "\" value=\"" + escape_html(value(name)) + "\"" + state(name, required, hint) + "></div>";
    }

    std::string textarea(const char* name, std::string_view label, bool required, const std::string& hint = {}) const {
        return field_open(name, label, hint) + "<textarea id=\"" + id(name) + "\" name=\"" + name + "\" rows=\"4\"" +
               state(name, required, hint) + ">" + escape_html(value(name)) + "</textarea></div>";
    }

    // `placeholder` is the first, empty option ("請選擇", or "—" for an optional choice).
    std::string select(const char* name, std::string_view label,
                       const std::vector<std::pair<std::string, std::string>>& options, bool required,
                       std::string_view placeholder = {}) const {
        const std::string chosen = value(name);
        std::string out = field_open(name, label, {}) + "<select id=\"" + id(name) + "\" name=\"" + name + "\"" +
                          state(name, required, {}) + ">";
        if (!placeholder.empty())
            out += "<option value=\"\"" + std::string(chosen.empty() ? " selected" : "") + ">" + escape_html(placeholder) +
                   "</option>";
        for (const auto& [v, l] : options)
            out += "<option value=\"" + escape_html(v) + "\"" + (v == chosen ? " selected" : "") + ">" + escape_html(l) +
                   "</option>";
        return out + "</select></div>";
    }

    std::string checkboxes(const char* name, std::string_view legend,
                           const std::vector<std::pair<std::string, std::string>>& items) const {
        const std::vector<std::string> checked = values(name);
        const std::string error = problem(name);
        std::string out = "<fieldset class=\"checks" + std::string(error.empty() ? "" : " invalid") + "\"" +
                          (error.empty() ? "" : " aria-describedby=\"" + id(name) + "-error\"") + "><legend>" +
                          escape_html(legend) + "</legend>" + error_html(name, error);
        for (size_t i = 0; i < items.size(); ++i) {
            bool on = false;
            for (const auto& c : checked) on = on || c == items[i].first;
            const std::string box = id(name) + "-" + std::to_string(i);
            out += "<label for=\"" + box + "\"><input type=\"checkbox\" id=\"" + box + "\" name=\"" + name +
                   "\" value=\"" + escape_html(items[i].first) + "\"" + (on ? " checked" : "") + "> " +
                   escape_html(items[i].second) + "</label>";
        }
        return out + "</fieldset>";
    }

    std::string checkbox(const char* name, std::string_view label) const {
        return "<div class=\"field check\"><label for=\"" + id(name) + "\"><input type=\"checkbox\" id=\"" + id(name) +
               "\" name=\"" + name + "\" value=\"true\"" + (value(name) == "true" ? " checked" : "") + "> " +
               escape_html(label) + "</label></div>";
    }

    // Where the summary's link for a field goes: the field, or a group's first box.
    std::string anchor(const std::string& name) const {
        if (name == "types" || name == "counties") return id(name) + "-0";
        return id(name);
    }

private:
    std::string error_html(const std::string& name, const std::string& error) const {
        if (error.empty()) return {};
        return "<p class=\"field-error\" id=\"" + id(name) + "-error\"><span class=\"visually-hidden\">" +
               escape_html(tr("staff.error_prefix", lang_)) + "</span>" + escape_html(error) + "</p>";
    }

    std::string field_open(const std::string& name, std::string_view label, const std::string& hint) const {
        const std::string error = problem(name);
        std::string out = "<div class=\"field" + std::string(error.empty() ? "" : " invalid") + "\"><label for=\"" +
                          id(name) + "\">" + escape_html(label) + "</label>";
        if (!hint.empty()) out += "<p class=\"hint\" id=\"" + id(name) + "-hint\">" + escape_html(hint) + "</p>";
        return out + error_html(name, error);
    }

    // required / aria-required, aria-invalid and what describes the field (its hint, its error).
    std::string state(const std::string& name, bool required, const std::string& hint) const {
        std::string out = required ? " required aria-required=\"true\"" : "";
        std::string described = hint.empty() ? "" : id(name) + "-hint";
        if (!problem(name).empty()) {
            out += " aria-invalid=\"true\"";
            described += (described.empty() ? "" : " ") + id(name) + "-error";
        }
        if (!described.empty()) out += " aria-describedby=\"" + described + "\"";
        return out;
    }

    std::string form_;
    Lang lang_;
    const FormValues& values_;
    const std::vector<tracker::FieldProblem>& problems_;
};

// The summary at the top of a refused form: how many problems, each a link to its field. It
// is announced (role=alert) and takes the focus when the page opens (autofocus), so that a
// keyboard or screen-reader user starts from it.
std::string error_summary_html(const FormBuilder& form, const std::vector<tracker::FieldProblem>& problems, Lang lang) {
    if (problems.empty()) return {};
    std::string out = "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">"
                      "<h2 id=\"error-summary-title\">" +
                      escape_html(tracker::fill(tr("staff.error_summary", lang), "n", std::to_string(problems.size()))) +
                      "</h2><ul>";
    for (const auto& p : problems) {
        const std::string name = field_name(p.field);
        out += "<li><a href=\"#" + escape_html(form.anchor(name)) + "\">" + escape_html(field_label(name, lang)) +
               escape_html(tr("punct.colon", lang)) + escape_html(problem_text(p, lang)) + "</a></li>";
    }
    return out + "</ul></div>";
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

// A proposal's fields as the edit form posts them.
FormValues proposal_values(const content::Proposal& p) {
    FormValues v = {{"title", p.title}, {"group", p.group}, {"subgroup", p.subgroup.value_or("")},
                    {"agency", p.agency}, {"county", p.county}, {"ministry", p.ministry.value_or("")}};
    if (p.year) v.emplace_back("year", std::to_string(p.year));
    for (const auto& t : p.types) v.emplace_back("types", t);
    for (const auto& c : p.counties) v.emplace_back("counties", c);
    if (p.asks_central) v.emplace_back("asks_central", "true");
    const content::ProposalSheet sheet = p.sheet.value_or(content::ProposalSheet{});
    v.insert(v.end(), {{"description", sheet.description}, {"approach", sheet.approach}, {"benefits", sheet.benefits},
                       {"contact_unit", sheet.contact_unit}});
    return v;
}

// The editable fields of a proposal, shared by the edit and the new-proposal forms.
std::string proposal_fields(const tracker::Snapshot& snapshot, const FormBuilder& f, Lang lang, bool admin, bool creating) {
    std::vector<std::pair<std::string, std::string>> groups, subgroups, county_items, type_items;
    for (const auto& g : snapshot.groups) {
        groups.emplace_back(g.id, tracker::group_name(snapshot, g.id, lang));
        for (const auto& s : g.subgroups) subgroups.emplace_back(s.id, tracker::subgroup_name(snapshot, s.id, lang));
    }
    for (const auto& c : snapshot.counties) county_items.emplace_back(c.id, tracker::county_name(snapshot, c.id, lang));
    for (const auto& t : content::proposal_types()) type_items.emplace_back(t, tracker::type_name(t, lang));
    std::string out = f.input("title", tr("staff.title", lang), "text", true) +
                      f.select("group", tr("filter.group", lang), groups, true) +
                      f.select("subgroup", tr("filter.subgroup", lang), subgroups, false, "—");
    if (admin || creating) {
        out += f.input("agency", tr("detail.agency", lang), "text", true);
        if (admin) out += f.select("county", tr("filter.county", lang), county_items, true);
    }
    out += f.checkboxes("types", tr("detail.types", lang), type_items) +
           f.checkboxes("counties", tr("detail.counties", lang), county_items) +
           f.checkbox("asks_central", tr("detail.central", lang)) + f.input("ministry", tr("detail.ministry", lang));
    out += f.textarea("description", tr("detail.description", lang), false) +
           f.textarea("approach", tr("detail.approach", lang), false) +
           f.textarea("benefits", tr("detail.benefits", lang), false) +
           f.input("contact_unit", tr("detail.contact_unit", lang));
    return out;
}

// One form of the edit page: its values as kept (typed) when it is the kept one, else empty
// (or, for the edit form, the stored proposal).
struct FormPart {
    std::string name;
    FormValues values;
    std::vector<tracker::FieldProblem> problems;
    long long version = 0;
};

FormPart form_part(const StaffEditView& v, const std::string& name, FormValues blank) {
    FormPart part{name, std::move(blank), {}, v.record.version};
    if (v.kept && v.kept->form == name) {
        part.values = v.kept->values;
        part.problems = v.kept->problems;
        if (v.kept->version) part.version = *v.kept->version;
    }
    return part;
}

std::string form_open(const std::string& action, const FormPart& part, std::string_view heading, const std::string& csrf,
                      const FormBuilder& f, Lang lang) {
    return "<form method=\"post\" action=\"" + escape_html(action) + "/" + part.name +
           "\" class=\"stack\" novalidate id=\"form-" + part.name + "\" aria-labelledby=\"form-" + part.name +
           "-h\"><h2 id=\"form-" + part.name + "-h\">" + escape_html(heading) + "</h2>" +
           error_summary_html(f, part.problems, lang) + csrf_field(csrf) + version_field(part.version);
}

std::string submit(std::string_view label) { return "<button type=\"submit\">" + escape_html(label) + "</button></form>"; }

// The status as it stands: open (and why, if reopened), or closed with its kind, reason,
// deciding meeting and date.
std::string status_html(const tracker::Snapshot& snapshot, const tracker::ProposalRecord& r, Lang lang) {
    (void)snapshot;
    const content::Proposal& p = r.proposal;
    auto row = [](std::string_view label, const std::string& html) {
        return "<div class=\"fact\"><dt>" + escape_html(label) + "</dt><dd>" + html + "</dd></div>";
    };
    std::string out = "<section class=\"status-now\" aria-labelledby=\"status-now-h\"><h2 id=\"status-now-h\">" +
                      escape_html(tr("staff.status_now", lang)) + "</h2><dl class=\"facts\">" +
                      row(tr("detail.status", lang), "<span class=\"badge badge-" + std::string(content::to_string(p.status)) +
                                                         "\">" + escape_html(tracker::status_label(p.status, lang)) + "</span>");
    if (p.status == content::Status::closed && p.closure) {
        out += row(tr("detail.closure_kind", lang), escape_html(tracker::closure_label(p.closure->kind, lang))) +
               row(tr("detail.reason", lang), source_text(escape_html(p.closure->reason), lang)) +
               row(tr("detail.decision", lang),
                   p.closure->decision ? source_text(escape_html(*p.closure->decision), lang) : std::string("—"));
        if (p.closure->date) out += row(tr("staff.date", lang), escape_html(text::format_date(*p.closure->date, lang)));
    } else if (p.open_reason) {
        out += row(tr("detail.open_reason", lang), source_text(escape_html(*p.open_reason), lang));
    }
    out += row(tr("detail.version", lang), std::to_string(r.version));
    return out + "</dl></section>";
}

// A value of a changed field as people read it: county and group names, a kind of closure,
// a status, yes/no; text as it is.
std::string change_value_html(const tracker::Snapshot& snapshot, const std::string& field, const text::Json& v, Lang lang) {
    if (v.is_null()) return "—";
    if (v.is_boolean()) return escape_html(tr(v.get<bool>() ? "yes" : "no", lang));
    if (field == "progress" && v.is_object()) {
        std::string who = v.value("agency", std::string(tr("detail.progress_record", lang)));
        std::string date = v.value("date", "");
        auto d = text::parse_iso_date(date);
        return escape_html((d ? text::format_date(*d, lang) : date) + " · ") + source_text(escape_html(who), lang) +
               escape_html(tr("punct.colon", lang)) + source_text(escape_html(v.value("text", "")), lang);
    }
    if (v.is_array()) {
        std::string out;
        for (const auto& e : v) {
            std::string s = e.is_string() ? e.get<std::string>() : e.dump();
            if (field == "counties" || field == "county") s = tracker::county_name(snapshot, s, lang);
            out += (out.empty() ? "" : "、") + s;
        }
        return out.empty() ? "—" : escape_html(out);
    }
    if (!v.is_string()) return escape_html(v.dump());
    const std::string s = v.get<std::string>();
    if (field == "status") {
        if (auto st = content::parse_status(s)) return escape_html(tracker::status_label(*st, lang));
    } else if (field == "closure.kind") {
        if (auto k = content::parse_closure_kind(s)) return escape_html(tracker::closure_label(*k, lang));
    } else if (field == "county") {
        return escape_html(tracker::county_name(snapshot, s, lang));
    } else if (field == "group") {
        return escape_html(tracker::group_name(snapshot, s, lang));
    } else if (field == "closure.date") {
        if (auto d = text::parse_iso_date(s)) return escape_html(text::format_date(*d, lang));
    }
    return source_text(escape_html(s), lang);
}

std::string change_label(const std::string& field, Lang lang) {
    if (field == "closure.kind") return std::string(tr("detail.closure_kind", lang));
    if (field == "closure.reason") return std::string(tr("staff.close_reason", lang));
    if (field == "closure.decision") return std::string(tr("detail.decision", lang));
    if (field == "closure.date") return std::string(tr("staff.close_date", lang));
    if (field == "progress") return std::string(tr("staff.progress_added", lang));
    return field_label(field_name(field), lang);
}

// "2024-06-12 14:03 (+08:00)" from "2024-06-12T14:03:00+08:00": Taiwan's time, said so.
std::string time_html(const std::string& iso) {
    std::string shown = iso;
    if (iso.size() >= 25) shown = iso.substr(0, 10) + " " + iso.substr(11, 5) + " (" + iso.substr(19) + ")";
    return "<time datetime=\"" + escape_html(iso) + "\">" + escape_html(shown) + "</time>";
}

// An audit action as the reader says it ("staff.action.<name>"); a refusal is "refused:<name>"
// ("Refused: Closed"); a name the table does not know is shown as recorded.
std::string action_label(const std::string& action, Lang lang) {
    const std::string prefix = "refused:";
    if (action.compare(0, prefix.size(), prefix) == 0 && action.size() > prefix.size())
        return tracker::fill(tr("staff.action.refused", lang), "action", action_label(action.substr(prefix.size()), lang));
    const std::string key = "staff.action." + action;
    const std::string_view label = tr(key, lang);
    return label == key ? action : std::string(label);
}

// A stored write's changes as facts, "field: before → after" (a progress entry: the entry).
std::string field_changes_html(const tracker::Snapshot& snapshot, const std::vector<tracker::FieldChange>& changes,
                               Lang lang) {
    std::string out;
    for (const auto& fc : changes)
        out += "<div class=\"fact\"><dt>" + escape_html(change_label(fc.field, lang)) + "</dt><dd>" +
               (fc.field == "progress" ? "" : "<del>" + change_value_html(snapshot, fc.field, fc.before, lang) + "</del> → ") +
               "<ins>" + change_value_html(snapshot, fc.field, fc.after, lang) + "</ins></dd></div>";
    return out;
}

// After a 409: what others stored since the editor's version, beside what the editor typed.
std::string conflict_html(const StaffEditView& v) {
    const Lang lang = v.lang;
    std::string out = "<section class=\"conflict\" aria-labelledby=\"conflict-h\"><h2 id=\"conflict-h\">" +
                      escape_html(tr("staff.conflict_heading", lang)) + "</h2><p>" +
                      escape_html(tracker::fill(tracker::fill(tr("staff.conflict_versions", lang), "mine",
                                                              std::to_string(*v.conflict_from)),
                                                "now", std::to_string(v.record.version))) +
                      "</p><div class=\"compare\"><div class=\"theirs\"><h3>" +
                      escape_html(tr("staff.conflict_theirs", lang)) + "</h3>";
    if (v.changes.empty()) out += "<p>" + escape_html(tr("staff.conflict_unknown", lang)) + "</p>";
    out += "<ol class=\"changes\">";
    for (const auto& c : v.changes) {
        out += "<li><p class=\"change-head\">" + time_html(c.at) + " · " + escape_html(action_label(c.action, lang)) +
               " · " + escape_html(tr("staff.who", lang)) + escape_html(tr("punct.colon", lang)) + escape_html(c.user) +
               " · " + escape_html(tr("detail.version", lang)) + " " + std::to_string(c.version) + "</p><dl>" +
               field_changes_html(v.snapshot, c.changes, lang) + "</dl></li>";
    }
    out += "</ol></div><div class=\"mine\"><h3>" + escape_html(tr("staff.conflict_mine", lang)) + "</h3>";
    if (v.kept) {
        out += "<p>" + escape_html(tr("staff.conflict_kept", lang)) + " <a href=\"#form-" + escape_html(v.kept->form) + "\">" +
               escape_html(tr("staff.conflict_to_form", lang)) + "</a></p><dl>";
        std::string last;
        for (const auto& [k, val] : v.kept->values) {
            if (k == "csrf" || k == "version" || val.empty()) continue;
            std::string shown = val;
            if (k == "kind")
                if (auto kind = content::parse_closure_kind(val)) shown = tracker::closure_label(*kind, lang);
            if (k == "counties" || k == "county") shown = tracker::county_name(v.snapshot, val, lang);
            if (k == "group") shown = tracker::group_name(v.snapshot, val, lang);
            if (k == "asks_central") shown = std::string(tr("yes", lang));
            out += (k == last ? std::string() : "<dt>" + escape_html(field_label(k, lang)) + "</dt>") + "<dd>" +
                   source_text(escape_html(shown), lang) + "</dd>";
            last = k;
        }
        out += "</dl>";
    }
    return out + "</div></div></section>";
}

}  // namespace

std::string sign_in_html(Lang lang, const Notice& notice, const std::string& name, const SignInReturn& back) {
    std::string kept;
    if (!back.path.empty()) kept += "<input type=\"hidden\" name=\"return\" value=\"" + escape_html(back.path) + "\">";
    for (const auto& [k, v] : back.kept)
        kept += "<input type=\"hidden\" name=\"kept." + escape_html(k) + "\" value=\"" + escape_html(v) + "\">";
    const FormValues values = {{"name", name}};
    const std::vector<tracker::FieldProblem> none;
    FormBuilder f("signin", lang, values, none);
    return "<section class=\"panel narrow\"><h1>" + escape_html(tr("staff.sign_in", lang)) + "</h1>" +
           notice_html(notice) + "<form method=\"post\" action=\"/staff/sign-in\" class=\"stack\">" + kept +
           f.input("name", tr("staff.name", lang), "text", true) +
           "<div class=\"field\"><label for=\"s-signin-password\">" + escape_html(tr("staff.password", lang)) +
           "</label><input id=\"s-signin-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
           "required></div><button type=\"submit\">" +
           escape_html(tr("staff.submit_sign_in", lang)) + "</button></form></section>";
}

namespace {

// One list of the staff home: open items first, then closed, each as filed.
std::string item_list_html(const tracker::Snapshot& snapshot, const std::vector<const tracker::ProposalRecord*>& items,
                           const char* heading_key, const char* note_key, const char* id, bool show_county, Lang lang) {
    std::string out = "<section class=\"staff-list\" aria-labelledby=\"" + std::string(id) + "\"><h2 id=\"" + id + "\">" +
                      escape_html(tr(heading_key, lang)) + " <span class=\"count\">(" + std::to_string(items.size()) +
                      ")</span></h2><p class=\"hint\">" + escape_html(tr(note_key, lang)) + "</p>";
    if (items.empty()) return out + "<p>" + escape_html(tr("staff.none", lang)) + "</p></section>";
    out += "<ul class=\"staff-items\">";
    for (const content::Status status : {content::Status::open, content::Status::closed})
        for (const auto* r : items) {
            if (r->proposal.status != status) continue;
            out += "<li data-id=\"" + escape_html(r->id()) + "\" data-status=\"" + std::string(content::to_string(status)) +
                   "\"><a href=\"/staff/proposals/" + escape_html(r->id()) + "\">" + escape_html(r->id()) + " " +
                   source_text(escape_html(r->proposal.title), lang) + "</a> <span class=\"badge badge-" +
                   std::string(content::to_string(status)) + "\">" + escape_html(tracker::status_label(status, lang)) +
                   "</span>";
            if (show_county)
                out += " <span class=\"proposer\">" + escape_html(tr("staff.proposed_by", lang)) +
                       escape_html(tr("punct.colon", lang)) +
                       escape_html(tracker::county_name(snapshot, r->proposal.county, lang)) + "</span>";
            out += "</li>";
        }
    return out + "</ul></section>";
}

}  // namespace

std::string staff_home_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                            Lang lang) {
    std::string out = "<section class=\"panel\"><h1>" + escape_html(tr("staff.home", lang)) +
                      "</h1><p class=\"who\">" + escape_html(tr("staff.signed_in_as", lang)) + escape_html(tr("punct.colon", lang)) +
                      escape_html(who(snapshot, actor, lang)) + "</p>" + sign_out_form(csrf, lang) +
                      "<p class=\"staff-links\"><a href=\"/staff/new\">" + escape_html(tr("staff.new", lang)) + "</a> · <a href=\"/staff/raffle\">" +
                      escape_html(tr("raffle.staff_heading", lang)) + "</a>";
    if (actor.role == tracker::Role::admin)
        out += " · <a href=\"/staff/audit\">" + escape_html(tr("staff.audit", lang)) + "</a> · <a href=\"/staff/accounts\">" +
               escape_html(tr("staff.accounts", lang)) + "</a>";
    out += "</p>";
    std::vector<const tracker::ProposalRecord*> own, cooperating;
    for (const auto& r : snapshot.records) {
        if (tracker::may_edit(actor, r.proposal)) own.push_back(&r);
        else if (tracker::cooperates_on(actor, r.proposal)) cooperating.push_back(&r);
    }
    if (actor.role == tracker::Role::admin)
        return out + item_list_html(snapshot, own, "staff.all_items", "staff.all_items_note", "list-own", true, lang) + "</section>";
    return out + item_list_html(snapshot, own, "staff.own_items", "staff.own_items_note", "list-own", false, lang) +
           item_list_html(snapshot, cooperating, "staff.cooperating_items", "staff.cooperating_items_note", "list-cooperating",
                          true, lang) +
           "</section>";
}

std::string staff_edit_html(const StaffEditView& v) {
    const tracker::ProposalRecord& r = v.record;
    const content::Proposal& p = r.proposal;
    const Lang lang = v.lang;
    const tracker::Rights rights = tracker::rights_on(v.actor, p);
    const std::string action = "/staff/proposals/" + p.id;
    std::string out = "<section class=\"panel staff-edit\" data-id=\"" + escape_html(p.id) + "\" data-version=\"" +
                      std::to_string(r.version) + "\"><p><a href=\"/staff\">" + escape_html(tr("staff.home", lang)) +
                      "</a> · <a href=\"/proposals/" + escape_html(p.id) + "\">" + escape_html(p.id) + "</a></p><h1>" +
                      source_text(escape_html(p.title), lang) + "</h1>" + notice_html(v.notice);
    if (!rights.manage)
        out += "<p class=\"notice info\">" +
               escape_html(tracker::fill(tr("staff.cooperating_note", lang), "county",
                                         tracker::county_name(v.snapshot, p.county, lang))) +
               "</p>";
    if (v.conflict_from) out += conflict_html(v);
    out += status_html(v.snapshot, r, lang);

    // Progress first: the form everyone here may use, then the log it adds to.
    {
        FormPart part = form_part(v, "progress", {});
        FormBuilder f("progress", lang, part.values, part.problems);
        out += form_open(action, part, tr("staff.add_progress", lang), v.csrf, f, lang) +
               "<p class=\"hint\">" +
               fill_html(tr("staff.progress_as", lang), "agency", source_text(escape_html(v.actor.agency), lang)) + "</p>" +
               f.input("date", tr("staff.date", lang), "date", false, std::string(tr("staff.date_hint", lang))) +
               f.textarea("text", tr("staff.text", lang), true) + submit(tr("staff.save", lang));
    }
    out += "<section class=\"progress\" aria-labelledby=\"progress-log-h\"><h2 id=\"progress-log-h\">" +
           escape_html(tr("detail.progress", lang)) + "</h2>";
    if (p.progress.empty()) out += "<p>" + escape_html(tr("detail.progress_none", lang)) + "</p>";
    else out += progress_log_html(p, lang);
    out += "</section>";

    if (rights.manage) {
        if (p.status == content::Status::open) {
            std::vector<std::pair<std::string, std::string>> kinds;
            for (auto k : {content::ClosureKind::done, content::ClosureKind::no_need, content::ClosureKind::cancelled,
                           content::ClosureKind::central, content::ClosureKind::routine, content::ClosureKind::other})
                kinds.emplace_back(std::string(content::to_string(k)), tracker::closure_label(k, lang));
            FormPart part = form_part(v, "close", {});
            FormBuilder f("close", lang, part.values, part.problems);
            out += form_open(action, part, tr("staff.close", lang), v.csrf, f, lang) +
                   f.select("kind", tr("staff.kind", lang), kinds, true, tr("staff.choose", lang)) +
                   f.textarea("reason", tr("staff.reason", lang), true, std::string(tr("staff.reason_hint", lang))) +
                   f.input("decision", tr("staff.decision", lang)) +
                   f.input("date", tr("staff.date", lang), "date", false, std::string(tr("staff.date_hint", lang))) +
                   submit(tr("staff.close", lang));
        } else {
            FormPart part = form_part(v, "reopen", {});
            FormBuilder f("reopen", lang, part.values, part.problems);
            out += form_open(action, part, tr("staff.reopen", lang), v.csrf, f, lang) +
                   f.textarea("reason", tr("staff.reason", lang), true, std::string(tr("staff.reason_hint", lang))) +
                   f.input("date", tr("staff.date", lang), "date", false, std::string(tr("staff.date_hint", lang))) +
                   submit(tr("staff.reopen", lang));
        }
        FormPart part = form_part(v, "edit", proposal_values(p));
        FormBuilder f("edit", lang, part.values, part.problems);
        out += form_open(action, part, tr("staff.edit_fields", lang), v.csrf, f, lang) +
               proposal_fields(v.snapshot, f, lang, v.actor.role == tracker::Role::admin, false) +
               submit(tr("staff.save", lang));
    }
    return out + "</section>";
}

std::string staff_new_html(const tracker::Snapshot& snapshot, const tracker::Actor& actor, const std::string& csrf,
                           Lang lang, const Notice& notice, const std::optional<KeptForm>& kept) {
    content::Proposal blank;
    blank.county = actor.county;
    blank.agency = actor.agency;
    blank.year = 0;
    FormValues values = proposal_values(blank);
    std::vector<tracker::FieldProblem> problems;
    if (kept) {
        values = kept->values;
        problems = kept->problems;
    }
    FormBuilder f("new", lang, values, problems);
    return "<section class=\"panel\"><p><a href=\"/staff\">" + escape_html(tr("staff.home", lang)) + "</a></p><h1>" +
           escape_html(tr("staff.new", lang)) + "</h1>" + notice_html(notice) +
           "<form method=\"post\" action=\"/staff/proposals\" class=\"stack\" novalidate id=\"form-new\">" +
           error_summary_html(f, problems, lang) + csrf_field(csrf) + f.input("year", tr("detail.year", lang), "number", true) +
           proposal_fields(snapshot, f, lang, actor.role == tracker::Role::admin, true) + submit(tr("staff.save", lang)) +
           "</section>";
}

std::string audit_html(const tracker::Snapshot& snapshot, const std::vector<AuditRow>& rows, Lang lang) {
    std::string out = "<section class=\"panel audit-log\"><p><a href=\"/staff\">" + escape_html(tr("staff.home", lang)) +
                      "</a></p><h1>" + escape_html(tr("staff.audit", lang)) + "</h1><table class=\"audit\"><thead><tr>";
    for (const char* h : {"staff.when", "staff.who", "staff.action", "staff.item", "staff.detail"})
        out += "<th scope=\"col\">" + escape_html(tr(h, lang)) + "</th>";
    out += "</tr></thead><tbody>";
    // The account and the detail are the record's own words, as site/ wrote them (<samp>);
    // the time and the action are the page's, in its language.
    for (const auto& r : rows)
        out += "<tr data-seq=\"" + std::to_string(r.seq) + "\" data-action=\"" + escape_html(r.action) + "\"><td>" +
               time_html(r.at) + "</td><td><samp>" + escape_html(r.user) + "</samp></td><td>" +
               escape_html(action_label(r.action, lang)) + "</td><td>" + escape_html(r.proposal_id) + "</td><td>" +
               (r.detail.empty() ? "" : "<samp>" + escape_html(r.detail) + "</samp>") +
               (r.changes.empty() ? "" : "<dl class=\"changes\">" + field_changes_html(snapshot, r.changes, lang) + "</dl>") +
               "</td></tr>";
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
    std::vector<std::pair<std::string, std::string>> counties;
    for (const auto& c : snapshot.counties) counties.emplace_back(c.id, tracker::county_name(snapshot, c.id, lang));
    const FormValues values = {{"role", "editor"}};
    const std::vector<tracker::FieldProblem> none;
    FormBuilder f("account", lang, values, none);
    out += "</tbody></table><form method=\"post\" action=\"/staff/accounts\" class=\"stack\" id=\"form-account\"><h2>" +
           escape_html(tr("staff.create_account", lang)) + "</h2>" + csrf_field(csrf) +
           f.input("name", tr("staff.name", lang), "text", true) +
           "<div class=\"field\"><label for=\"s-account-password\">" + escape_html(tr("staff.password", lang)) + "（" +
           escape_html(tr("staff.password_rule", lang)) +
           "）</label><input id=\"s-account-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" "
           "minlength=\"12\" required></div>" +
           f.select("role", tr("staff.role", lang),
                    {{"editor", role_label(tracker::Role::editor, lang)}, {"admin", role_label(tracker::Role::admin, lang)}},
                    false) +
           f.select("county", tr("staff.county", lang), counties, false, "—") +
           f.input("agency", tr("staff.agency", lang), "text", true) + "<button type=\"submit\">" +
           escape_html(tr("staff.create_account", lang)) + "</button></form></section>";
    return out;
}

}  // namespace beitai::render
