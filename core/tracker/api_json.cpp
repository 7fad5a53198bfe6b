#include "tracker/api_json.h"

namespace beitai::tracker {

using text::Json;

Json summary_json(const content::Proposal& p) {
    return Json{{"id", p.id},
                {"year", p.year},
                {"title", p.title},
                {"group", p.group},
                {"subgroup", p.subgroup ? Json(*p.subgroup) : Json(nullptr)},
                {"agency", p.agency},
                {"county", p.county},
                {"status", content::to_string(p.status)},
                {"asks_central", p.asks_central},
                {"ministry", p.ministry ? Json(*p.ministry) : Json(nullptr)},
                {"counties", p.counties},
                {"types", p.types}};
}

Json list_json(const std::vector<const ProposalRecord*>& records) {
    Json items = Json::array();
    for (const auto* r : records) items.push_back(summary_json(r->proposal));
    return Json{{"total", records.size()}, {"items", std::move(items)}};
}

Json written_json(const ProposalRecord& record, const std::optional<StatusEvent>& event) {
    Json j = to_json_without_history(record);
    j["status_event"] = event ? to_json(*event) : Json(nullptr);
    j["status_history_length"] = record.history.size();
    return j;
}

Result<std::vector<content::Proposal>> read_summary_list(const Json& list) {
    text::Diagnostics diagnostics("/api/proposals");
    text::ObjectReader r(list, "", diagnostics);
    std::vector<content::Proposal> out;
    long long total = r.integer("total");
    if (const Json* items = r.array("items")) {
        for (size_t i = 0; i < items->size(); ++i) {
            text::ObjectReader s((*items)[i], text::index_path("items", i), diagnostics);
            content::Proposal p;
            p.id = s.string("id");
            p.year = static_cast<int>(s.integer("year"));
            p.title = s.string("title");
            p.group = s.string("group");
            p.subgroup = s.optional_string("subgroup");
            p.agency = s.string("agency");
            p.county = s.string("county");
            std::string status = s.string("status");
            if (auto st = content::parse_status(status)) p.status = *st;
            else s.error("status", "expected \"open\" or \"closed\"");
            p.asks_central = s.boolean("asks_central");
            p.ministry = s.optional_string("ministry");
            p.counties = s.string_array("counties");
            p.types = s.string_array("types");
            s.reject_unknown_keys();
            out.push_back(std::move(p));
        }
        if (static_cast<long long>(items->size()) != total)
            r.error("total", "says " + std::to_string(total) + " but items holds " +
                                 std::to_string(items->size()));
    }
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return out;
}

}  // namespace beitai::tracker
