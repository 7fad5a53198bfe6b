// A cooperation proposal (合作提案) as the committee tracks it: who proposed it, with which
// counties, what it asks, its dated progress, and whether it is open (列管) or closed
// (解除列管) and why. The rules about changing status live in core/tracker/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/json_reader.h"
#include "text/date.h"

namespace beitai::content {

enum class Status { open, closed };

// Why an item was closed. "Closed because done" must never read as "closed because dropped".
enum class ClosureKind {
    done,       // 執行完竣 — carried out
    no_need,    // 無需求 — no longer needed
    cancelled,  // 取消 — called off (e.g. the epidemic)
    central,    // 中央 — the central government took it over or decided it
    routine,    // 常態性合作 — became routine cooperation
    other,
};

std::string_view to_string(Status status);
std::optional<Status> parse_status(std::string_view s);
std::string_view to_string(ClosureKind kind);
std::optional<ClosureKind> parse_closure_kind(std::string_view s);

// The proposal types of the committee's form (提案類型), in the form's order.
const std::vector<std::string>& proposal_types();

struct Closure {
    ClosureKind kind = ClosureKind::other;
    std::string reason;                   // the seed's words
    std::optional<std::string> decision;  // 依112年6月12日第3次工作會議決議
    std::optional<text::Date> date;       // the deciding meeting's date
};

// One dated report. `agency` and `county` say who reported it when staff added it online: the
// proposing county's agency, or a cooperating county's reporting what it did itself. Entries
// transcribed from a meeting record have neither (the record speaks for the committee).
struct ProgressEntry {
    text::Date date;
    std::string text;
    std::string agency;  // "" for the meeting record's entries
    std::string county;  // TDX id of the reporting county; "" for the secretariat or the record
};

// The proposal sheet (合作提案單). Contact people are not published: only their unit.
struct ProposalSheet {
    std::string description;  // 說明
    std::string approach;     // 具體作法
    std::string benefits;     // 合作效益
    std::string contact_unit;
};

struct CoProposer {
    std::string agency;
    std::string county;
};

struct Proposal {
    std::string id;  // "112-07"
    int year = 0;    // ROC year filed
    std::string seed_ref;
    std::string group;
    std::optional<std::string> subgroup;
    std::string agency;
    std::string county;  // proposing county (TDX id)
    std::vector<CoProposer> co_proposers;
    std::string title;
    std::vector<std::string> types;
    std::vector<std::string> counties;  // cooperating counties
    bool asks_central = false;
    std::optional<std::string> ministry;
    std::optional<ProposalSheet> sheet;
    std::vector<ProgressEntry> progress;
    Status status = Status::open;
    std::optional<Closure> closure;
    std::optional<std::string> open_reason;
    std::vector<std::string> notes;
};

// Reads one content file's array of proposals. Cross-references (county and group ids)
// are checked by the catalog, which knows the other files.
std::vector<Proposal> read_proposals(const text::Json& root, text::Diagnostics& diagnostics);
Proposal read_proposal(const text::Json& node, const std::string& path, text::Diagnostics& diagnostics);

// The whole item, in the content file's own form (read_proposal reads it back).
text::Json to_json(const Proposal& proposal);

}  // namespace beitai::content
