// What a plan says in words, the same in the API's JSON, the map page and the browser: why
// no way was found, and what each leg is — in the reader's language, from the core's table.
#pragma once

#include <string>
#include <string_view>

#include "bikenet/route_planner.h"
#include "text/lang.h"

namespace beitai::bikenet {

// "The start is more than 2000 m from any bike route." and the like; empty for none.
std::string plan_failure_text(PlanFailure failure, const PlanOptions& options, text::Lang lang);

// The leg's kind as the API names it: "to_network", "route", "across_break", "on_roads",
// "from_network"; and back (false for another word).
std::string_view leg_kind_id(LegKind kind);
bool parse_leg_kind(std::string_view id, LegKind& out);

// The leg's kind for a reader: "自行車道", "斷點（須離開路網）", "一般道路（直線距離）", …
std::string_view leg_kind_label(LegKind kind, text::Lang lang);

}  // namespace beitai::bikenet
