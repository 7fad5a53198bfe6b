#include "raffle/api_json.h"

namespace beitai::raffle {

namespace {

using text::Json;

Json datetime_or_null(const std::optional<long long>& t) {
    return t ? Json(text::to_iso_datetime_taipei(*t)) : Json(nullptr);
}

Json counts_json(const content::CountyFigures& row) {
    return {{"participants_home", row.participants_home},
            {"participations", row.participations},
            {"site_visits", row.site_visits}};
}

std::optional<DrawStatus> parse_draw_status(const std::string& name) {
    for (DrawStatus s : {DrawStatus::open, DrawStatus::frozen, DrawStatus::drawn})
        if (name == draw_status_name(s)) return s;
    return std::nullopt;
}

const DrawRecord* find_record(const std::vector<DrawRecord>& records, const std::string& campaign,
                              const std::string& draw) {
    for (const auto& r : records)
        if (r.campaign == campaign && r.draw == draw) return &r;
    return nullptr;
}

// A string member that must be present but may be empty (a draw not yet frozen has no digest).
std::string any_string(const Json& node, text::ObjectReader& r, const char* key) {
    if (node.is_object() && node.contains(key) && node.at(key).is_string()) {
        r.optional_string(key);  // marks it known
        return node.at(key).get<std::string>();
    }
    return r.string(key);  // records "missing" or "expected a string, found …"
}

// Unix seconds from an ISO time or null (0).
long long time_or_zero(text::ObjectReader& r, const Json& node, const char* key) {
    if (node.is_object() && !node.contains(key)) {
        r.error(key, "missing (null when there is none)");
        return 0;
    }
    auto s = r.optional_string(key);
    if (!s) return 0;
    auto t = text::parse_iso_datetime(*s);
    if (!t) {
        r.error(key, "expected a date and time as YYYY-MM-DDThh:mm:ss+08:00, found \"" + *s + "\"");
        return 0;
    }
    return *t;
}

bool is_digest(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

const char* draw_status_name(DrawStatus status) {
    switch (status) {
        case DrawStatus::open: return "open";
        case DrawStatus::frozen: return "frozen";
        case DrawStatus::drawn: return "drawn";
    }
    return "open";
}

Json campaigns_json(const std::vector<content::Campaign>& campaigns, const std::vector<DrawRecord>& records) {
    Json out = Json::array();
    for (const auto& c : campaigns) {
        Json draws = Json::array();
        for (const auto& d : c.draws) {
            // A history campaign was drawn elsewhere, long ago; the portal keeps no record of it.
            const DrawRecord* record = find_record(records, c.id, d.id);
            const char* status = record ? draw_status_name(record->status) : c.external ? "drawn" : "open";
            Json draw = {{"id", d.id}, {"cutoff", datetime_or_null(d.cutoff)}, {"date", datetime_or_null(d.date)},
                         {"status", status}};
            if (!d.month.empty()) draw["month"] = d.month;
            draws.push_back(std::move(draw));
        }
        out.push_back({{"id", c.id},
                       {"name_zh", c.name_zh},
                       {"name_en", c.name_en},
                       {"start", text::to_iso(c.start)},
                       {"end", text::to_iso(c.end)},
                       {"min_counties", c.min_counties},
                       {"sample", c.sample},
                       {"external", c.external},
                       {"draws", draws}});
    }
    return out;
}

Json figures_json(const content::CampaignFigures& figures) {
    Json rows = Json::array();
    for (const auto& row : figures.counties) {
        Json j = counts_json(row);
        j["county"] = row.county;
        rows.push_back(std::move(j));
    }
    return {{"as_of", text::to_iso(figures.as_of)},
            {"source", figures.source},
            {"counties", rows},
            {"total", counts_json(figures.total)}};
}

Json to_json(const DrawRecord& r) {
    Json winners = Json::array();
    for (const auto& w : r.winners)
        winners.push_back({{"entry", w.entry}, {"slot", w.slot}, {"prize", w.prize}, {"name_masked", w.name_masked}});
    auto time = [](long long t) { return t == 0 ? Json(nullptr) : Json(text::to_iso_datetime_taipei(t)); };
    return {{"campaign", r.campaign},
            {"draw", r.draw},
            {"status", draw_status_name(r.status)},
            {"entries_sha256", r.entries_sha256},
            {"entries_url", r.entries_url},
            {"seed_source", r.seed_source},
            {"seed_value", r.seed_value},
            {"frozen_at", time(r.frozen_at)},
            {"drawn_at", time(r.drawn_at)},
            {"winners", winners}};
}

Result<DrawRecord> read_draw_record(const Json& json) {
    // The file name prefix of Diagnostics is left off below: the messages name fields only.
    const std::string kPrefix = "draw";
    text::Diagnostics diagnostics(kPrefix);
    text::ObjectReader r(json, "", diagnostics);
    DrawRecord record;
    record.campaign = r.string("campaign");
    record.draw = r.string("draw");
    const std::string status = r.string("status");
    if (auto s = parse_draw_status(status)) record.status = *s;
    else if (!status.empty()) r.error("status", "expected \"open\", \"frozen\" or \"drawn\", found \"" + status + "\"");
    record.entries_sha256 = any_string(json, r, "entries_sha256");
    if (!record.entries_sha256.empty() && !is_digest(record.entries_sha256))
        r.error("entries_sha256", "expected 64 lower-case hexadecimal digits");
    record.entries_url = any_string(json, r, "entries_url");
    record.seed_source = any_string(json, r, "seed_source");
    record.seed_value = any_string(json, r, "seed_value");
    record.frozen_at = time_or_zero(r, json, "frozen_at");
    record.drawn_at = time_or_zero(r, json, "drawn_at");
    if (const Json* winners = r.array("winners")) {
        for (size_t i = 0; i < winners->size(); ++i) {
            const Json& node = (*winners)[i];
            text::ObjectReader w(node, text::index_path("winners", i), diagnostics);
            PublishedWinner winner;
            winner.entry = w.string("entry");
            const long long slot = w.integer("slot");
            if (slot < 0) w.error("slot", "must not be negative");
            winner.slot = static_cast<size_t>(slot < 0 ? 0 : slot);
            winner.prize = any_string(node, w, "prize");
            winner.name_masked = any_string(node, w, "name_masked");
            w.reject_unknown_keys();
            record.winners.push_back(std::move(winner));
        }
    }
    r.reject_unknown_keys();
    if (diagnostics.empty()) return record;
    std::string joined;
    for (const auto& m : diagnostics.messages())
        joined += (joined.empty() ? "" : "\n") + m.substr(kPrefix.size() + 2);
    return Error{joined};
}

}  // namespace beitai::raffle
