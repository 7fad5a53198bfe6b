#include "store/raffle_rows.h"

#include "text/sha256.h"

namespace beitai::site {

const char* proof_name(raffle::Proof proof) {
    switch (proof) {
        case raffle::Proof::code: return "code";
        case raffle::Proof::position: return "position";
        case raffle::Proof::photo: return "photo";
    }
    return "code";
}

std::optional<raffle::Proof> parse_proof(std::string_view name) {
    for (auto p : {raffle::Proof::code, raffle::Proof::position, raffle::Proof::photo})
        if (name == proof_name(p)) return p;
    return std::nullopt;
}

Status read_checkin_names(StoredCheckin& checkin, const std::string& proof, const std::string& state,
                          const std::string& source) {
    const std::string where = source + ": raffle_checkins[" + std::to_string(checkin.id) + "]";
    auto p = parse_proof(proof);
    if (!p) return Error{where + ".proof: unknown proof \"" + proof + "\""};
    auto s = raffle::parse_state(state);
    if (!s) return Error{where + ".state: unknown state \"" + state + "\""};
    checkin.proof = *p;
    checkin.state = *s;
    return ok_status();
}

std::string hex_of(std::string_view bytes) {
    return text::to_hex(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::string campaign_doc(const content::Campaign& campaign) { return text::to_json_text(content::to_json(campaign)); }

Result<content::Campaign> campaign_from_doc(const std::string& id, const std::string& doc, const std::string& source) {
    const std::string where = source + ": raffle_campaigns[" + id + "]";
    auto json = text::parse_json_text(doc, where);
    if (!json) return Error{json.error()};
    text::Diagnostics diagnostics(where);
    auto campaign = content::read_campaign(*json, diagnostics);
    if (!diagnostics.empty()) return Error{diagnostics.joined()};
    return campaign;
}

std::string draw_doc(const raffle::DrawRecord& record) { return text::to_json_text(raffle::to_json(record)); }

Result<raffle::DrawRecord> draw_record_from_doc(const std::string& campaign, const std::string& draw,
                                                const std::string& doc, const std::string& source) {
    const std::string where = source + ": raffle_draws[" + campaign + "/" + draw + "]";
    auto json = text::parse_json_text(doc, where);
    if (!json) return Error{json.error()};
    auto record = raffle::read_draw_record(*json);
    if (!record) return Error{where + ": " + record.error()};
    return record;
}

}  // namespace beitai::site
