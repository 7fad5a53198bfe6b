// Issue groups (議題組) and their sub-groups, each with the meetings the seed lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "text/date.h"

namespace beitai::content {

struct Subgroup {
    std::string id;  // 教育組
    std::string name_en;
};

struct Meeting {
    text::Date date;
    std::optional<std::string> subgroup;  // null: the whole group
    std::string title;                    // 第1次工作會議
};

struct IssueGroup {
    std::string id;  // 文化教育組 — the name as the seed writes it
    std::string name_en;
    std::vector<std::string> host_agencies;
    std::vector<Subgroup> subgroups;
    std::vector<Meeting> meetings;

    bool has_subgroup(const std::string& subgroup_id) const;
};

std::vector<IssueGroup> read_issue_groups(const text::Json& root, text::Diagnostics& diagnostics);
text::Json to_json(const IssueGroup& group);

const IssueGroup* find_group(const std::vector<IssueGroup>& groups, const std::string& id);

}  // namespace beitai::content
