// A participant as little as possible: a nickname, a home county (the seed's table counts
// it), one contact for the prize. The contact is kept apart from the check-ins and shown
// only to the admin after a draw; publicly a winner is a masked nickname.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/county.h"
#include "text/json_reader.h"
#include "text/lang.h"

namespace beitai::raffle {

// "other": a home outside the eight counties, which may take part as well.
constexpr const char* kOtherCounty = "other";

struct Registration {
    std::string nickname;     // 1–20 characters, no control characters
    std::string home_county;  // a county id or kOtherCounty
    std::string contact;      // normalised: "0912345678" or a lower-cased e-mail address
};

// Reads {"nickname", "home_county", "contact"}; every problem named by field and in the
// reader's language ("contact: 請填手機號碼（09 開頭 10 碼）或電子郵件").
struct RegistrationRead {
    Registration registration;
    std::vector<std::string> problems;  // "field: message"
    bool ok() const { return problems.empty(); }
};
RegistrationRead read_registration(const text::Json& body, const std::vector<content::County>& counties,
                                   text::Lang lang);

enum class ContactKind { phone, email, invalid };
ContactKind contact_kind(std::string_view contact);
// "0912-345-678", "0912 345678" → "0912345678"; "A@B.TW" → "a@b.tw"; "" when unusable.
std::string normalise_contact(std::string_view contact);

// 王小明 → 王○明, 王明 → 王○, 明 → ○; Latin nicknames keep the first and last letter.
std::string mask_name(std::string_view nickname);
// 0912345678 → 09xx-xxx-678; ming@example.com → m***@example.com.
std::string mask_contact(std::string_view contact);

// A recovery code to carry the participation to another device: 20 characters of Crockford
// base32 from 12 random bytes the caller supplies, grouped "XXXXX-XXXXX-XXXXX-XXXXX".
std::string format_recovery_code(std::string_view random_bytes);
// Upper-cases, drops spaces and dashes, maps I/L→1 and O→0 (Crockford); "" when not a code.
std::string normalise_recovery_code(std::string_view typed);

}  // namespace beitai::raffle
