#include "tracker/labels.h"

#include <iterator>

namespace beitai::tracker {

std::string county_name(const Snapshot& snapshot, const std::string& id, text::Lang lang) {
    const content::County* c = content::find_county(snapshot.counties, id);
    if (!c) return id;
    return lang == text::Lang::en ? c->name_en : c->name_zh;
}

std::string group_name(const Snapshot& snapshot, const std::string& id, text::Lang lang) {
    const content::IssueGroup* g = content::find_group(snapshot.groups, id);
    if (!g || lang == text::Lang::zh_TW) return id;
    return g->name_en;
}

std::string subgroup_name(const Snapshot& snapshot, const std::string& id, text::Lang lang) {
    if (lang == text::Lang::zh_TW) return id;
    for (const auto& g : snapshot.groups)
        for (const auto& s : g.subgroups)
            if (s.id == id) return s.name_en;
    return id;
}

std::string status_label(content::Status status, text::Lang lang) {
    return std::string(text::tr(status == content::Status::open ? "status.open" : "status.closed", lang));
}

std::string closure_label(content::ClosureKind kind, text::Lang lang) {
    return std::string(text::tr("closure." + std::string(content::to_string(kind)), lang));
}

std::string type_name(const std::string& type, text::Lang lang) {
    // In content::proposal_types()' order.
    static const char* const kKeys[] = {"type.joint", "type.law", "type.subsidy", "type.sharing", "type.other"};
    const auto& types = content::proposal_types();
    for (size_t i = 0; i < types.size() && i < std::size(kKeys); ++i)
        if (types[i] == type) return std::string(text::tr(kKeys[i], lang));
    return type;
}

std::string county_names(const Snapshot& snapshot, const std::vector<std::string>& ids, text::Lang lang) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : std::string(text::tr("punct.list", lang))) + county_name(snapshot, id, lang);
    return out;
}

std::string yes_no(bool value, text::Lang lang) { return std::string(text::tr(value ? "yes" : "no", lang)); }

}  // namespace beitai::tracker
