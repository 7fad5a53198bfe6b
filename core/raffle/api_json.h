// The raffle's JSON, reader and writer side by side (the API of issue 11):
//   GET /api/campaigns                   campaigns_json
//   GET /api/campaigns/{id}/stats        figures_json
//   GET /api/campaigns/{id}/draws/{d}    to_json(DrawRecord) / read_draw_record (the verify page)
// Times are ISO 8601 with +08:00, dates YYYY-MM-DD.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/campaign.h"
#include "text/json_reader.h"
#include "text/result.h"

namespace beitai::raffle {

enum class DrawStatus { open, frozen, drawn };
const char* draw_status_name(DrawStatus status);

struct PublishedWinner {
    std::string entry;
    size_t slot = 0;
    std::string prize;        // the prize's name and giver, in the page's language
    std::string name_masked;  // 王○明
};

// A draw as the store keeps it and the API publishes it.
struct DrawRecord {
    std::string campaign;
    std::string draw;
    DrawStatus status = DrawStatus::open;
    std::string entries_sha256;  // frozen and drawn
    std::string entries_url;     // "/api/campaigns/{id}/draws/{d}/entries.txt"
    std::string seed_source;     // named in advance
    std::string seed_value;      // drawn
    long long frozen_at = 0;
    long long drawn_at = 0;
    std::vector<PublishedWinner> winners;
};

// [{"id", "name_zh", "name_en", "start", "end", "min_counties", "sample", "external",
//   "draws": [{"id", "cutoff", "date", "status"}]}]; a draw's status from `records`
// (campaign and draw ids), "open" when it has none; an external campaign's past draws "drawn".
text::Json campaigns_json(const std::vector<content::Campaign>& campaigns, const std::vector<DrawRecord>& records);

// {"as_of", "source", "counties": [{"county", "participants_home", "participations",
//  "site_visits"}], "total": {…}}
text::Json figures_json(const content::CampaignFigures& figures);

text::Json to_json(const DrawRecord& record);
// The verify page reads what the API wrote; every problem named by field.
Result<DrawRecord> read_draw_record(const text::Json& json);

}  // namespace beitai::raffle
