// What both raffle stores share between their rows and the API's types: the names the
// check-in columns hold, secrets as hex, and the campaign and draw documents decoded by the
// core's own readers. A damaged row is an error naming its table and key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/campaign.h"
#include "raffle/api_json.h"
#include "raffle/checkin.h"
#include "store/raffle_store.h"
#include "text/hex.h"
#include "text/result.h"

namespace beitai::site {

const char* proof_name(raffle::Proof proof);  // "code", "position", "photo"
std::optional<raffle::Proof> parse_proof(std::string_view name);

// The proof and state columns of check-in `id`, read into `checkin`; `source` prefixes the
// message ("build/data/beitai.sqlite", "postgresql").
Status read_checkin_names(StoredCheckin& checkin, const std::string& proof, const std::string& state,
                          const std::string& source);

// Secrets are raw bytes in the API; the tables hold them as lower-case hex.
std::string hex_of(std::string_view bytes);
using text::bytes_of_hex;  // text/hex.h

std::string campaign_doc(const content::Campaign& campaign);
Result<content::Campaign> campaign_from_doc(const std::string& id, const std::string& doc, const std::string& source);

std::string draw_doc(const raffle::DrawRecord& record);
Result<raffle::DrawRecord> draw_record_from_doc(const std::string& campaign, const std::string& draw,
                                                const std::string& doc, const std::string& source);

}  // namespace beitai::site
