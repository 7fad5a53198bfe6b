#include "bikenet/plan_words.h"

#include <array>
#include <utility>

namespace beitai::bikenet {

namespace {

struct KindWords {
    LegKind kind;
    std::string_view id;
    const char* label_key;
};

constexpr std::array<KindWords, 5> kKinds = {{
    {LegKind::to_network, "to_network", "map.leg.to_network"},
    {LegKind::route, "route", "map.leg.route"},
    {LegKind::across_break, "across_break", "map.leg.across_break"},
    {LegKind::on_roads, "on_roads", "map.leg.on_roads"},
    {LegKind::from_network, "from_network", "map.leg.from_network"},
}};

}  // namespace

std::string plan_failure_text(PlanFailure failure, const PlanOptions& options, text::Lang lang) {
    if (failure == PlanFailure::none) return {};
    std::string why(text::tr(failure == PlanFailure::start_far ? "map.plan.start_far"
                             : failure == PlanFailure::end_far ? "map.plan.end_far"
                                                                : "map.plan.unconnected",
                             lang));
    for (const auto& [field, metres] : {std::pair<std::string, double>{"{m}", options.max_snap_m}, {"{road}", options.fragment_link_max_m}}) {
        const std::size_t at = why.find(field);
        if (at != std::string::npos) why.replace(at, field.size(), std::to_string(static_cast<long long>(metres)));
    }
    return why;
}

std::string_view leg_kind_id(LegKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.id;
    return "route";
}

bool parse_leg_kind(std::string_view id, LegKind& out) {
    for (const auto& k : kKinds)
        if (k.id == id) {
            out = k.kind;
            return true;
        }
    return false;
}

std::string_view leg_kind_label(LegKind kind, text::Lang lang) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return text::tr(k.label_key, lang);
    return {};
}

}  // namespace beitai::bikenet
