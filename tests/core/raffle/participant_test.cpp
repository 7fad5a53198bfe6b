// raffle/participant: the least data that runs a raffle — read strictly, contacts normalised,
// names and contacts masked for the public, recovery codes that survive being copied by hand.
#include <doctest/doctest.h>

#include "fixture.h"
#include "raffle/participant.h"

using namespace beitai;
using namespace beitai::raffle;
using text::Json;

namespace {

RegistrationRead read(const Json& body, text::Lang lang = text::Lang::zh_TW) {
    return read_registration(body, fixture::counties(), lang);
}

}  // namespace

TEST_CASE("a registration reads trimmed and normalised") {
    const auto r = read({{"nickname", "  王小明\xE3\x80\x80"}, {"home_county", "Taipei"}, {"contact", " 0912-345-678 "}});
    REQUIRE(r.ok());
    CHECK(r.registration.nickname == "王小明");
    CHECK(r.registration.home_county == "Taipei");
    CHECK(r.registration.contact == "0912345678");
    const auto other = read({{"nickname", "Ming"}, {"home_county", "other"}, {"contact", "Ming@Example.COM"}});
    REQUIRE(other.ok());
    CHECK(other.registration.home_county == "other");
    CHECK(other.registration.contact == "ming@example.com");
}

TEST_CASE("every problem of a registration is named by field, in the reader's language") {
    const Json bad = {{"nickname", "   "}, {"home_county", "Tainan"}, {"contact", "12345"}, {"age", 30}};
    const auto zh = read(bad);
    CHECK(zh.problems == std::vector<std::string>{"nickname: 請填暱稱", "home_county: 請選擇居住的縣市（八縣市以外請選「其他」）",
                                                  "contact: 請填手機號碼（09 開頭 10 碼）或電子郵件", "age: 不明的欄位"});
    const auto en = read(bad, text::Lang::en);
    CHECK(en.problems.size() == 4);
    CHECK(en.problems[0] == "nickname: enter a nickname");
    CHECK(en.problems[2] == "contact: enter a mobile number (10 digits starting 09) or an e-mail address");
    CHECK(en.problems[3] == "age: unknown field");
    CHECK(read(Json::array(), text::Lang::en).problems == std::vector<std::string>{"(top): the registration must be a JSON object"});
    const auto missing = read(Json::object());
    CHECK(missing.problems.size() == 3);
    const auto wrong_types = read({{"nickname", 5}, {"home_county", true}, {"contact", nullptr}});
    CHECK(wrong_types.problems.size() == 3);
}

TEST_CASE("a nickname has 1 to 20 characters, counted as characters, without control characters") {
    auto with = [](const std::string& nickname) {
        return read({{"nickname", nickname}, {"home_county", "Keelung"}, {"contact", "0912345678"}}, text::Lang::en);
    };
    // 20 CJK characters are 60 bytes, and fine.
    CHECK(with("一二三四五六七八九十一二三四五六七八九十").ok());
    CHECK(with("一二三四五六七八九十一二三四五六七八九十一").problems ==
          std::vector<std::string>{"nickname: a nickname has at most 20 characters"});
    CHECK(with(std::string(20, 'a')).ok());
    CHECK_FALSE(with(std::string(21, 'a')).ok());
    CHECK(with("明").ok());
    CHECK(with("a\tb").problems == std::vector<std::string>{"nickname: a nickname may not contain control characters"});
    CHECK_FALSE(with("a\x7f" "b").ok());
    CHECK_FALSE(with("a\xC2\x85" "b").ok());              // U+0085, a C1 control
    CHECK_FALSE(with("a\xE2\x80\xAE" "b").ok());          // U+202E, right-to-left override
    CHECK(with("a\xC3").problems == std::vector<std::string>{"nickname: the nickname is not valid UTF-8 text"});
    CHECK_FALSE(with("\xC0\xAF").ok());                  // an overlong '/'
    CHECK_FALSE(with("\xED\xA0\x80").ok());              // a surrogate
}

TEST_CASE("contacts: Taiwan mobile numbers in their written forms, and simple e-mail addresses") {
    CHECK(normalise_contact("0912345678") == "0912345678");
    CHECK(normalise_contact("0912 345 678") == "0912345678");
    CHECK(normalise_contact("0912-345678") == "0912345678");
    CHECK(normalise_contact("+886 912 345 678") == "0912345678");
    CHECK(normalise_contact("+886-912-345-678") == "0912345678");
    CHECK(normalise_contact("+886912345678") == "0912345678");
    CHECK(normalise_contact("091234567").empty());     // 9 digits
    CHECK(normalise_contact("09123456789").empty());   // 11
    CHECK(normalise_contact("0212345678").empty());    // a landline
    CHECK(normalise_contact("+886 2 1234 5678").empty());
    CHECK(normalise_contact("+1 912 345 678").empty());
    CHECK(normalise_contact("0912.345.678").empty());
    CHECK(normalise_contact("09123+45678").empty());

    CHECK(normalise_contact("A@B.TW") == "a@b.tw");
    CHECK(normalise_contact("  ming.wang+raffle@mail.example.com.tw ") == "ming.wang+raffle@mail.example.com.tw");
    for (const char* bad : {"ming@", "@example.com", "ming@example", "ming@@example.com", "ming wang@example.com",
                            "ming@exa mple.com", "ming@example.c", "ming@example.123", ".ming@example.com",
                            "mi..ng@example.com", "ming@-example.com", "ming@example..com", "ming@a@b.com"})
        CHECK_MESSAGE(normalise_contact(bad).empty(), bad);
    const std::string long_local(64, 'a');
    std::string too_long = long_local + "@" + std::string(187, 'b') + ".tw";  // 255 bytes
    CHECK(normalise_contact(too_long).empty());
    CHECK(normalise_contact(too_long.substr(1)) == too_long.substr(1));       // 254 bytes

    CHECK(contact_kind("0912-345-678") == ContactKind::phone);
    CHECK(contact_kind("ming@example.com") == ContactKind::email);
    CHECK(contact_kind("ming") == ContactKind::invalid);
    CHECK(contact_kind("") == ContactKind::invalid);
}

TEST_CASE("mask_name keeps the first and last character and masks the rest") {
    CHECK(mask_name("王小明") == "王○明");
    CHECK(mask_name("歐陽小明") == "歐○○明");
    CHECK(mask_name("王明") == "王○");
    CHECK(mask_name("明") == "○");
    CHECK(mask_name("Ming") == "M○○g");
    CHECK(mask_name("Al") == "A○");
    CHECK(mask_name("").empty());
}

TEST_CASE("mask_contact shows only enough to recognise one's own") {
    CHECK(mask_contact("0912345678") == "09xx-xxx-678");
    CHECK(mask_contact("0912-345-678") == "09xx-xxx-678");
    CHECK(mask_contact("ming@example.com") == "m***@example.com");
    CHECK(mask_contact("nonsense").empty());
}

TEST_CASE("recovery codes: 20 Crockford characters in groups of five, read back however typed") {
    std::string bytes;
    for (int i = 1; i <= 12; ++i) bytes += static_cast<char>(i);
    // base32 of 01 02 … 0C with Crockford's alphabet (Python: base64.b32encode, alphabet swapped).
    const std::string code = format_recovery_code(bytes);
    CHECK(code == "04106-1050R-3GG28-A1C60");
    CHECK(normalise_recovery_code(code) == "041061050R3GG28A1C60");
    CHECK(normalise_recovery_code("o41o6 105or 3gg28 aic6o") == "041061050R3GG28A1C60");
    CHECK(normalise_recovery_code("04106-1050R-3GG28-A1C6").empty());   // 19
    CHECK(normalise_recovery_code("04106-1050R-3GG28-A1C6U").empty());  // U is not in the alphabet
    CHECK(normalise_recovery_code("04106-1050R-3GG28-A1C6!").empty());
    CHECK(format_recovery_code(std::string(12, '\xff')) == "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZG");
}
