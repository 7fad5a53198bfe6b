#include "content/issue_group.h"

namespace beitai::content {

bool IssueGroup::has_subgroup(const std::string& subgroup_id) const {
    for (const auto& s : subgroups)
        if (s.id == subgroup_id) return true;
    return false;
}

std::vector<IssueGroup> read_issue_groups(const text::Json& root, text::Diagnostics& diagnostics) {
    std::vector<IssueGroup> groups;
    if (!root.is_array()) {
        diagnostics.add("", "expected an array of issue groups");
        return groups;
    }
    for (size_t i = 0; i < root.size(); ++i) {
        text::ObjectReader r(root[i], text::index_path("", i), diagnostics);
        IssueGroup g;
        g.id = r.string("id");
        g.name_en = r.string("name_en");
        g.host_agencies = r.string_array("host_agencies");
        if (const text::Json* subs = r.array("subgroups")) {
            for (size_t k = 0; k < subs->size(); ++k) {
                text::ObjectReader s((*subs)[k], text::index_path(r.path_of("subgroups"), k), diagnostics);
                g.subgroups.push_back({s.string("id"), s.string("name_en")});
                s.reject_unknown_keys();
            }
        }
        if (const text::Json* meetings = r.array("meetings")) {
            for (size_t k = 0; k < meetings->size(); ++k) {
                text::ObjectReader m((*meetings)[k], text::index_path(r.path_of("meetings"), k), diagnostics);
                Meeting meeting;
                if (auto d = text::read_iso_date(m, "date", false)) meeting.date = *d;
                meeting.subgroup = m.optional_string("subgroup");
                meeting.title = m.string("title");
                m.reject_unknown_keys();
                if (meeting.subgroup && !g.has_subgroup(*meeting.subgroup))
                    m.error("subgroup", "\"" + *meeting.subgroup + "\" is not a sub-group of " + g.id);
                g.meetings.push_back(std::move(meeting));
            }
        }
        r.reject_unknown_keys();
        if (!g.id.empty() && find_group(groups, g.id))
            r.error("id", "duplicate issue group \"" + g.id + "\"");
        groups.push_back(std::move(g));
    }
    return groups;
}

text::Json to_json(const IssueGroup& g) {
    text::Json subs = text::Json::array();
    for (const auto& s : g.subgroups) subs.push_back({{"id", s.id}, {"name_en", s.name_en}});
    text::Json meetings = text::Json::array();
    for (const auto& m : g.meetings)
        meetings.push_back({{"date", text::to_iso(m.date)},
                            {"subgroup", m.subgroup ? text::Json(*m.subgroup) : text::Json(nullptr)},
                            {"title", m.title}});
    return text::Json{{"id", g.id},
                {"name_en", g.name_en},
                {"host_agencies", g.host_agencies},
                {"subgroups", subs},
                {"meetings", meetings}};
}

const IssueGroup* find_group(const std::vector<IssueGroup>& groups, const std::string& id) {
    for (const auto& g : groups)
        if (g.id == id) return &g;
    return nullptr;
}

}  // namespace beitai::content
