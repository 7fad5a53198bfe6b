#include "routes/staff_forms.h"

namespace beitai::site {

using text::Json;

std::string form_value(const QueryParams& form, const std::string& name) {
    for (const auto& [k, v] : form)
        if (k == name) return v;
    return {};
}

namespace {

Json all_values(const QueryParams& form, const std::string& name) {
    Json out = Json::array();
    for (const auto& [k, v] : form)
        if (k == name && !v.empty()) out.push_back(v);
    return out;
}

Json text_or_null(const QueryParams& form, const std::string& name) {
    std::string v = form_value(form, name);
    return v.empty() ? Json(nullptr) : Json(v);
}

Json number_or_text(const std::string& v) {
    if (v.empty() || v.size() > 12) return v;
    for (char c : v)
        if (c < '0' || c > '9') return v;
    return std::stoll(v);
}

void proposal_fields(Json& out, const QueryParams& form, bool include_agency) {
    out["title"] = form_value(form, "title");
    out["group"] = form_value(form, "group");
    out["subgroup"] = text_or_null(form, "subgroup");
    out["types"] = all_values(form, "types");
    out["counties"] = all_values(form, "counties");
    out["asks_central"] = form_value(form, "asks_central") == "true";
    out["ministry"] = text_or_null(form, "ministry");
    if (include_agency) {
        std::string agency = form_value(form, "agency");
        if (!agency.empty()) out["agency"] = agency;
        std::string county = form_value(form, "county");
        if (!county.empty()) out["county"] = county;
    }
    const std::string d = form_value(form, "description"), a = form_value(form, "approach"),
                      b = form_value(form, "benefits"), c = form_value(form, "contact_unit");
    if (d.empty() && a.empty() && b.empty() && c.empty()) out["sheet"] = nullptr;
    else out["sheet"] = {{"description", d}, {"approach", a}, {"benefits", b}, {"contact_unit", c}};
}

}  // namespace

Json form_to_action_json(tracker::ActionKind kind, const QueryParams& form) {
    Json out = Json::object();
    if (kind != tracker::ActionKind::create) out["version"] = number_or_text(form_value(form, "version"));
    switch (kind) {
        case tracker::ActionKind::progress:
            out["date"] = text_or_null(form, "date");
            out["text"] = form_value(form, "text");
            break;
        case tracker::ActionKind::close:
            out["kind"] = form_value(form, "kind");
            out["reason"] = form_value(form, "reason");
            out["decision"] = text_or_null(form, "decision");
            out["date"] = text_or_null(form, "date");
            break;
        case tracker::ActionKind::reopen:
            out["reason"] = form_value(form, "reason");
            out["date"] = text_or_null(form, "date");
            break;
        case tracker::ActionKind::edit: proposal_fields(out, form, true); break;
        case tracker::ActionKind::create:
            out["year"] = number_or_text(form_value(form, "year"));
            proposal_fields(out, form, true);
            break;
    }
    return out;
}

}  // namespace beitai::site
