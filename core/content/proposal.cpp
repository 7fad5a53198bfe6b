#include "content/proposal.h"

#include <algorithm>

namespace beitai::content {

namespace {

struct ClosureKindName {
    ClosureKind kind;
    std::string_view name;
};
constexpr ClosureKindName kClosureKinds[] = {
    {ClosureKind::done, "done"},       {ClosureKind::no_need, "no_need"},
    {ClosureKind::cancelled, "cancelled"}, {ClosureKind::central, "central"},
    {ClosureKind::routine, "routine"}, {ClosureKind::other, "other"},
};

text::Json optional_text(const std::optional<std::string>& s) { return s ? text::Json(*s) : text::Json(nullptr); }

bool is_proposal_id(const std::string& id) {
    // "NNN-NN": ROC year, a dash, a number within the year.
    auto dash = id.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 == id.size()) return false;
    for (size_t i = 0; i < id.size(); ++i)
        if (i != dash && (id[i] < '0' || id[i] > '9')) return false;
    return true;
}

}  // namespace

std::string_view to_string(Status status) { return status == Status::open ? "open" : "closed"; }

std::optional<Status> parse_status(std::string_view s) {
    if (s == "open") return Status::open;
    if (s == "closed") return Status::closed;
    return std::nullopt;
}

std::string_view to_string(ClosureKind kind) {
    for (const auto& k : kClosureKinds)
        if (k.kind == kind) return k.name;
    return "other";
}

std::optional<ClosureKind> parse_closure_kind(std::string_view s) {
    for (const auto& k : kClosureKinds)
        if (k.name == s) return k.kind;
    return std::nullopt;
}

const std::vector<std::string>& proposal_types() {
    static const std::vector<std::string> types = {
        "跨縣市實質合作議題", "促請中央修正法案", "申請中央補助經費", "縣市治理經驗與成果分享", "其他"};
    return types;
}

Proposal read_proposal(const text::Json& node, const std::string& path, text::Diagnostics& diagnostics) {
    text::ObjectReader r(node, path, diagnostics);
    Proposal p;
    p.id = r.string("id");
    if (!p.id.empty() && !is_proposal_id(p.id))
        r.error("id", "expected an id like \"112-07\", found \"" + p.id + "\"");
    p.year = static_cast<int>(r.integer("year"));
    if (r.is_object() && (p.year < 1 || p.year > 300))
        r.error("year", "expected an ROC year such as 112, found " + std::to_string(p.year));
    if (!p.id.empty() && p.year > 0 && p.id.rfind(std::to_string(p.year) + "-", 0) != 0)
        r.error("id", "\"" + p.id + "\" does not start with its year " + std::to_string(p.year));
    p.seed_ref = r.string("seed_ref");
    p.group = r.string("group");
    p.subgroup = r.optional_string("subgroup");
    p.agency = r.string("agency");
    p.county = r.string("county");
    if (const text::Json* co = r.array("co_proposers")) {
        for (size_t i = 0; i < co->size(); ++i) {
            text::ObjectReader c((*co)[i], text::index_path(r.path_of("co_proposers"), i), diagnostics);
            p.co_proposers.push_back({c.string("agency"), c.string("county")});
            c.reject_unknown_keys();
        }
    }
    p.title = r.string("title");
    p.types = r.string_array("types");
    for (size_t i = 0; i < p.types.size(); ++i) {
        const auto& known = proposal_types();
        if (std::find(known.begin(), known.end(), p.types[i]) == known.end())
            diagnostics.add(text::index_path(r.path_of("types"), i),
                            "unknown proposal type \"" + p.types[i] + "\"");
    }
    p.counties = r.string_array("counties");
    for (const char* key : {"types", "counties"}) {
        const auto& list = std::string(key) == "types" ? p.types : p.counties;
        for (size_t i = 0; i < list.size(); ++i)
            for (size_t k = 0; k < i; ++k)
                if (list[k] == list[i])
                    diagnostics.add(text::index_path(r.path_of(key), i), "\"" + list[i] + "\" is listed twice");
    }
    p.asks_central = r.boolean("asks_central");
    p.ministry = r.optional_string("ministry");
    if (const text::Json* sheet = r.object("sheet", /*nullable=*/true)) {
        text::ObjectReader s(*sheet, r.path_of("sheet"), diagnostics);
        p.sheet = ProposalSheet{s.string("description"), s.string("approach"),
                                s.string("benefits"), s.string("contact_unit")};
        s.reject_unknown_keys();
    }
    if (const text::Json* progress = r.array("progress")) {
        for (size_t i = 0; i < progress->size(); ++i) {
            text::ObjectReader e((*progress)[i], text::index_path(r.path_of("progress"), i), diagnostics);
            ProgressEntry entry;
            if (auto d = text::read_iso_date(e, "date", false)) entry.date = *d;
            entry.text = e.string("text");
            // Optional, so content and stores written before entries named their reporter read as before.
            entry.agency = e.optional_string("agency").value_or("");
            entry.county = e.optional_string("county").value_or("");
            e.reject_unknown_keys();
            p.progress.push_back(std::move(entry));
        }
    }
    std::string status = r.string("status");
    if (auto s = parse_status(status)) {
        p.status = *s;
    } else if (!status.empty()) {
        r.error("status", "expected \"open\" or \"closed\"");
    }
    if (const text::Json* closure = r.object("closure", /*nullable=*/true)) {
        text::ObjectReader c(*closure, r.path_of("closure"), diagnostics);
        Closure cl;
        std::string kind = c.string("kind");
        if (auto k = parse_closure_kind(kind)) {
            cl.kind = *k;
        } else if (!kind.empty()) {
            c.error("kind",
                    "expected one of done, no_need, cancelled, central, routine, other; found \"" +
                        kind + "\"");
        }
        cl.reason = c.string("reason");
        cl.decision = c.optional_string("decision");
        cl.date = text::read_iso_date(c, "date", true);
        c.reject_unknown_keys();
        p.closure = std::move(cl);
    }
    p.open_reason = r.optional_string("open_reason");
    p.notes = r.string_array("notes");
    r.reject_unknown_keys();

    if (r.is_object() && parse_status(status)) {
        if (p.status == Status::closed && !p.closure)
            r.error("closure", "a closed item needs its closure (kind, reason, decision)");
        if (p.status == Status::open && p.closure)
            r.error("closure", "an open item has no closure; use null");
    }
    if (p.asks_central && !p.ministry)
        r.error("ministry", "an item asking the central government names the ministry");
    return p;
}

std::vector<Proposal> read_proposals(const text::Json& root, text::Diagnostics& diagnostics) {
    std::vector<Proposal> out;
    if (!root.is_array()) {
        diagnostics.add("", "expected an array of proposals");
        return out;
    }
    out.reserve(root.size());
    for (size_t i = 0; i < root.size(); ++i)
        out.push_back(read_proposal(root[i], text::index_path("", i), diagnostics));
    return out;
}

text::Json to_json(const Proposal& p) {
    text::Json co = text::Json::array();
    for (const auto& c : p.co_proposers) co.push_back({{"agency", c.agency}, {"county", c.county}});
    text::Json progress = text::Json::array();
    for (const auto& e : p.progress) {
        text::Json entry = {{"date", text::to_iso(e.date)}, {"text", e.text}};
        if (!e.agency.empty()) entry["agency"] = e.agency;
        if (!e.county.empty()) entry["county"] = e.county;
        progress.push_back(std::move(entry));
    }
    text::Json sheet = nullptr;
    if (p.sheet)
        sheet = {{"description", p.sheet->description},
                 {"approach", p.sheet->approach},
                 {"benefits", p.sheet->benefits},
                 {"contact_unit", p.sheet->contact_unit}};
    text::Json closure = nullptr;
    if (p.closure)
        closure = {{"kind", to_string(p.closure->kind)},
                   {"reason", p.closure->reason},
                   {"decision", optional_text(p.closure->decision)},
                   {"date", p.closure->date ? text::Json(text::to_iso(*p.closure->date)) : text::Json(nullptr)}};
    return text::Json{{"id", p.id},
                {"year", p.year},
                {"seed_ref", p.seed_ref},
                {"group", p.group},
                {"subgroup", optional_text(p.subgroup)},
                {"agency", p.agency},
                {"county", p.county},
                {"co_proposers", co},
                {"title", p.title},
                {"types", p.types},
                {"counties", p.counties},
                {"asks_central", p.asks_central},
                {"ministry", optional_text(p.ministry)},
                {"sheet", sheet},
                {"progress", progress},
                {"status", to_string(p.status)},
                {"closure", closure},
                {"open_reason", optional_text(p.open_reason)},
                {"notes", p.notes}};
}

}  // namespace beitai::content
