#include "content/campaign.h"

namespace beitai::content {

namespace {

// A member that must be present but may be null: an ISO date and time with its offset.
std::optional<long long> read_datetime(const text::Json& node, text::ObjectReader& r, const char* key) {
    if (node.is_object() && !node.contains(key)) {
        r.error(key, "missing (write null when there is none)");
        return std::nullopt;
    }
    auto s = r.optional_string(key);
    if (!s) return std::nullopt;
    auto t = text::parse_iso_datetime(*s);
    if (!t) r.error(key, "expected a date and time as YYYY-MM-DDThh:mm:ss+08:00, found \"" + *s + "\"");
    return t;
}

// "2023-09": a month as a history source states it.
bool is_iso_month(const std::string& s) {
    return s.size() == 7 && s[4] == '-' && text::parse_iso_date(s + "-01").has_value();
}

Prize read_prize(const text::Json& node, const std::string& path, text::Diagnostics& diagnostics) {
    text::ObjectReader r(node, path, diagnostics);
    Prize p;
    p.county = r.string("county");
    p.count = static_cast<int>(r.integer("count"));
    p.name_zh = r.string("name_zh");
    p.name_en = r.string("name_en");
    r.reject_unknown_keys();
    return p;
}

CampaignDraw read_draw(const text::Json& node, const std::string& path, text::Diagnostics& diagnostics) {
    text::ObjectReader r(node, path, diagnostics);
    CampaignDraw d;
    d.id = r.string("id");
    d.cutoff = read_datetime(node, r, "cutoff");
    d.date = read_datetime(node, r, "date");
    d.month = r.optional_string("month").value_or("");
    if (!d.month.empty() && !is_iso_month(d.month))
        r.error("month", "expected a month as YYYY-MM, found \"" + d.month + "\"");
    d.seed_source_zh = r.optional_string("seed_source_zh").value_or("");
    d.seed_source_en = r.optional_string("seed_source_en").value_or("");
    if (const text::Json* prizes = r.array("prizes"))
        for (size_t i = 0; i < prizes->size(); ++i)
            d.prizes.push_back(read_prize((*prizes)[i], text::index_path(r.path_of("prizes"), i), diagnostics));
    r.reject_unknown_keys();
    return d;
}

// The three counts of one row; the total row has no county.
void read_counts(text::ObjectReader& r, CountyFigures& row) {
    auto count = [&r](const char* key) {
        const long long value = r.integer(key);
        if (value < 0) r.error(key, "must not be negative");
        return value;
    };
    row.participants_home = count("participants_home");
    row.participations = count("participations");
    row.site_visits = count("site_visits");
}

CampaignFigures read_figures(const text::Json& node, const std::string& path, text::Diagnostics& diagnostics) {
    text::ObjectReader r(node, path, diagnostics);
    CampaignFigures f;
    if (auto d = text::read_iso_date(r, "as_of", false)) f.as_of = *d;
    f.source = r.string("source");
    CountyFigures sum;
    const size_t problems_before = diagnostics.messages().size();
    if (const text::Json* rows = r.array("counties")) {
        for (size_t i = 0; i < rows->size(); ++i) {
            text::ObjectReader row_reader((*rows)[i], text::index_path(r.path_of("counties"), i), diagnostics);
            CountyFigures row;
            row.county = row_reader.string("county");
            read_counts(row_reader, row);
            row_reader.reject_unknown_keys();
            sum.participants_home += row.participants_home;
            sum.participations += row.participations;
            sum.site_visits += row.site_visits;
            f.counties.push_back(std::move(row));
        }
    }
    if (const text::Json* total = r.object("total")) {
        text::ObjectReader t(*total, r.path_of("total"), diagnostics);
        read_counts(t, f.total);
        t.reject_unknown_keys();
        // A table whose total disagrees with its rows was copied wrong: say which column.
        auto check = [&](const char* key, long long stated, long long summed) {
            if (stated != summed)
                t.error(key, std::to_string(stated) + " is not the sum of the rows (" + std::to_string(summed) + ")");
        };
        // Only when every row read: a sum over a broken row would blame the total wrongly.
        if (diagnostics.messages().size() == problems_before) {
            check("participants_home", f.total.participants_home, sum.participants_home);
            check("participations", f.total.participations, sum.participations);
            check("site_visits", f.total.site_visits, sum.site_visits);
        }
    }
    r.reject_unknown_keys();
    return f;
}

text::Json counts_json(const CountyFigures& row) {
    return {{"participants_home", row.participants_home},
            {"participations", row.participations},
            {"site_visits", row.site_visits}};
}

text::Json datetime_json(const std::optional<long long>& t) {
    return t ? text::Json(text::to_iso_datetime_taipei(*t)) : text::Json(nullptr);
}

}  // namespace

Campaign read_campaign(const text::Json& root, text::Diagnostics& diagnostics) {
    text::ObjectReader r(root, "", diagnostics);
    Campaign c;
    c.id = r.string("id");
    c.proposal = r.string("proposal");
    c.name_zh = r.string("name_zh");
    c.name_en = r.string("name_en");
    if (auto d = text::read_iso_date(r, "start", false)) c.start = *d;
    if (auto d = text::read_iso_date(r, "end", false)) c.end = *d;
    c.min_counties = static_cast<int>(r.integer("min_counties"));
    c.winners_stay = r.boolean("winners_stay");
    if (auto d = text::read_iso_date(r, "contacts_erased_after", false)) c.contacts_erased_after = *d;
    if (const text::Json* sites = r.array("sites")) {
        for (size_t i = 0; i < sites->size(); ++i) {
            text::ObjectReader s((*sites)[i], text::index_path("sites", i), diagnostics);
            CampaignSite site;
            site.site = s.string("site");
            site.radius_m = s.number("radius_m");
            if (s.is_object() && !(site.radius_m > 0)) s.error("radius_m", "must be more than 0");
            s.reject_unknown_keys();
            c.sites.push_back(std::move(site));
        }
    }
    if (root.is_object() && root.contains("sites_stated")) {
        c.sites_stated = static_cast<int>(r.integer("sites_stated"));
        if (c.sites_stated < 0) r.error("sites_stated", "must not be negative");
    }
    if (const text::Json* draws = r.array("draws"))
        for (size_t i = 0; i < draws->size(); ++i)
            c.draws.push_back(read_draw((*draws)[i], text::index_path("draws", i), diagnostics));
    if (const text::Json* figures = r.object("figures", /*nullable=*/true))
        c.figures = read_figures(*figures, "figures", diagnostics);
    c.external = r.boolean("external");
    c.sample = r.boolean("sample");
    c.note = r.optional_string("note").value_or("");
    r.reject_unknown_keys();
    return c;
}

text::Json to_json(const Campaign& c) {
    text::Json sites = text::Json::array();
    for (const auto& s : c.sites) sites.push_back({{"site", s.site}, {"radius_m", s.radius_m}});
    text::Json draws = text::Json::array();
    for (const auto& d : c.draws) {
        text::Json prizes = text::Json::array();
        for (const auto& p : d.prizes)
            prizes.push_back({{"county", p.county}, {"count", p.count}, {"name_zh", p.name_zh}, {"name_en", p.name_en}});
        text::Json draw = {{"id", d.id},
                           {"cutoff", datetime_json(d.cutoff)},
                           {"date", datetime_json(d.date)},
                           {"seed_source_zh", d.seed_source_zh},
                           {"seed_source_en", d.seed_source_en},
                           {"prizes", prizes}};
        if (!d.month.empty()) draw["month"] = d.month;
        draws.push_back(std::move(draw));
    }
    text::Json figures = nullptr;
    if (c.figures) {
        text::Json rows = text::Json::array();
        for (const auto& row : c.figures->counties) {
            text::Json j = counts_json(row);
            j["county"] = row.county;
            rows.push_back(std::move(j));
        }
        figures = {{"as_of", text::to_iso(c.figures->as_of)},
                   {"source", c.figures->source},
                   {"counties", rows},
                   {"total", counts_json(c.figures->total)}};
    }
    text::Json out = {{"id", c.id},
                      {"proposal", c.proposal},
                      {"name_zh", c.name_zh},
                      {"name_en", c.name_en},
                      {"start", text::to_iso(c.start)},
                      {"end", text::to_iso(c.end)},
                      {"min_counties", c.min_counties},
                      {"winners_stay", c.winners_stay},
                      {"contacts_erased_after", text::to_iso(c.contacts_erased_after)},
                      {"sites", sites},
                      {"draws", draws},
                      {"figures", figures},
                      {"external", c.external},
                      {"sample", c.sample},
                      {"note", c.note}};
    if (c.sites_stated != 0) out["sites_stated"] = c.sites_stated;
    return out;
}

const CampaignDraw* find_draw(const Campaign& campaign, const std::string& draw_id) {
    for (const auto& d : campaign.draws)
        if (d.id == draw_id) return &d;
    return nullptr;
}

}  // namespace beitai::content
