#include "raffle/participant.h"

#include <cstdint>

#include "raffle/crockford.h"

namespace beitai::raffle {

namespace {

constexpr size_t kMaxNicknameChars = 20;
constexpr size_t kMaxEmailBytes = 254;  // RFC 5321's limit on a path
constexpr const char* kMask = "○";      // U+25CB WHITE CIRCLE, as Taiwanese notices mask names

// One UTF-8 sequence at `pos`: its code point and length; length 0 when the bytes are not
// well-formed UTF-8 (overlong forms and surrogates included).
struct CodePoint {
    std::uint32_t value = 0;
    size_t length = 0;
};

CodePoint decode(std::string_view s, size_t pos) {
    const auto byte = [&](size_t i) { return static_cast<std::uint8_t>(s[i]); };
    const std::uint8_t lead = byte(pos);
    if (lead < 0x80) return {lead, 1};
    size_t length = 0;
    std::uint32_t value = 0;
    if ((lead & 0xE0) == 0xC0) length = 2, value = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0) length = 3, value = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0) length = 4, value = lead & 0x07;
    else return {};
    if (pos + length > s.size()) return {};
    for (size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return {};
        value = value << 6 | (byte(pos + i) & 0x3F);
    }
    static const std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
    return {value, length};
}

// The characters of a nickname, each as its bytes; false when the text is not UTF-8.
bool split_characters(std::string_view s, std::vector<std::string_view>& out) {
    for (size_t pos = 0; pos < s.size();) {
        const CodePoint cp = decode(s, pos);
        if (cp.length == 0) return false;
        out.push_back(s.substr(pos, cp.length));
        pos += cp.length;
    }
    return true;
}

// C0, DEL, C1, and the invisible direction overrides that would let a nickname rearrange
// the text around it on the winners' list.
bool is_control(std::uint32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_space_at(std::string_view s, size_t pos, size_t& length) {
    const char c = s[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return length = 1, true;
    if (s.substr(pos, 3) == "\xE3\x80\x80") return length = 3, true;  // U+3000 of CJK input
    return false;
}

std::string_view trim(std::string_view s) {
    size_t n = 0;
    while (!s.empty() && is_space_at(s, 0, n)) s.remove_prefix(n);
    while (!s.empty()) {
        if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
        else if (is_space_at(s, s.size() - 1, n) && n == 1) s.remove_suffix(1);
        else break;
    }
    return s;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }

// local@domain.tld, lower-cased already: the forms people really type, nothing exotic.
bool is_simple_email(const std::string& s) {
    if (s.size() > kMaxEmailBytes) return false;
    const size_t at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
    const std::string local = s.substr(0, at), domain = s.substr(at + 1);
    static const std::string kLocalMarks = ".!#$%&'*+/=?^_`{|}~-";
    for (char c : local)
        if (!is_alnum(c) && kLocalMarks.find(c) == std::string::npos) return false;
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) return false;
    // Labels of letters, digits and inner hyphens; the last (the TLD) of two letters or more.
    size_t start = 0, labels = 0;
    for (;;) {
        const size_t dot = domain.find('.', start);
        const std::string label = domain.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!is_alnum(c) && c != '-') return false;
        ++labels;
        if (dot == std::string::npos) {
            if (labels < 2 || label.size() < 2) return false;
            for (char c : label)
                if (!(c >= 'a' && c <= 'z')) return false;
            return true;
        }
        start = dot + 1;
    }
}

// "0912-345-678", "+886 912 345 678" → "0912345678"; "" when not a Taiwan mobile number.
std::string normalise_phone(std::string_view s) {
    std::string digits;
    for (char c : s) {
        if (c == ' ' || c == '-') continue;
        if (c == '+' && digits.empty()) {  // only first: the +886 of an international form
            digits += '+';
            continue;
        }
        if (!is_digit(c)) return "";
        digits += c;
    }
    if (digits.compare(0, 4, "+886") == 0) {
        digits = digits.substr(4);
        if (digits.empty() || digits[0] != '9') return "";
        digits = "0" + digits;
    }
    if (digits.size() != 10 || digits.compare(0, 2, "09") != 0) return "";
    for (char c : digits)
        if (!is_digit(c)) return "";
    return digits;
}

struct Words {
    const char* nickname_missing;
    const char* nickname_too_long;
    const char* nickname_control;
    const char* nickname_not_utf8;
    const char* home_county;
    const char* contact;
    const char* unknown_field;
    const char* not_object;
};

const Words kZh = {"請填暱稱", "暱稱最多 20 個字", "暱稱不可包含控制字元", "暱稱不是有效的 UTF-8 文字",
                   "請選擇居住的縣市（八縣市以外請選「其他」）", "請填手機號碼（09 開頭 10 碼）或電子郵件",
                   "不明的欄位", "報名資料應為 JSON 物件"};
const Words kEn = {"enter a nickname", "a nickname has at most 20 characters",
                   "a nickname may not contain control characters", "the nickname is not valid UTF-8 text",
                   "choose your home county (\"other\" for one outside the eight)",
                   "enter a mobile number (10 digits starting 09) or an e-mail address", "unknown field",
                   "the registration must be a JSON object"};

}  // namespace

std::string normalise_contact(std::string_view contact) {
    const std::string_view s = trim(contact);
    if (s.find('@') != std::string_view::npos) {
        std::string email;
        for (char c : s) email += lower(c);
        return is_simple_email(email) ? email : "";
    }
    return normalise_phone(s);
}

ContactKind contact_kind(std::string_view contact) {
    const std::string normal = normalise_contact(contact);
    if (normal.empty()) return ContactKind::invalid;
    return normal.find('@') != std::string::npos ? ContactKind::email : ContactKind::phone;
}

RegistrationRead read_registration(const text::Json& body, const std::vector<content::County>& counties,
                                   text::Lang lang) {
    const Words& w = lang == text::Lang::en ? kEn : kZh;
    RegistrationRead read;
    auto problem = [&read](const std::string& field, const char* message) { read.problems.push_back(field + ": " + message); };
    if (!body.is_object()) {
        problem("(top)", w.not_object);
        return read;
    }
    auto string_of = [&body](const char* key) -> std::string {
        auto it = body.find(key);
        return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
    };

    const std::string nickname(trim(string_of("nickname")));
    std::vector<std::string_view> characters;
    if (nickname.empty()) {
        problem("nickname", w.nickname_missing);
    } else if (!split_characters(nickname, characters)) {
        problem("nickname", w.nickname_not_utf8);
    } else {
        bool control = false;
        for (auto c : characters) control = control || is_control(decode(c, 0).value);
        if (control) problem("nickname", w.nickname_control);
        else if (characters.size() > kMaxNicknameChars) problem("nickname", w.nickname_too_long);
        else read.registration.nickname = nickname;
    }

    const std::string home = string_of("home_county");
    if (home == kOtherCounty || (!home.empty() && content::find_county(counties, home)))
        read.registration.home_county = home;
    else
        problem("home_county", w.home_county);

    read.registration.contact = normalise_contact(string_of("contact"));
    if (read.registration.contact.empty()) problem("contact", w.contact);

    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != "nickname" && it.key() != "home_county" && it.key() != "contact") problem(it.key(), w.unknown_field);
    return read;
}

std::string mask_name(std::string_view nickname) {
    std::vector<std::string_view> characters;
    if (!split_characters(nickname, characters)) {
        // Not UTF-8 (never stored so): mask it all rather than cut a character in two.
        return nickname.empty() ? "" : kMask;
    }
    const size_t n = characters.size();
    if (n == 0) return "";
    if (n == 1) return kMask;
    std::string out(characters.front());
    if (n == 2) return out + kMask;
    for (size_t i = 1; i + 1 < n; ++i) out += kMask;
    out += characters.back();
    return out;
}

std::string mask_contact(std::string_view contact) {
    const std::string normal = normalise_contact(contact);
    if (normal.empty()) return "";
    const size_t at = normal.find('@');
    if (at == std::string::npos) return "09xx-xxx-" + normal.substr(7);
    return normal.substr(0, 1) + "***" + normal.substr(at);
}

std::string format_recovery_code(std::string_view random_bytes) {
    const std::string chars = crockford::encode(random_bytes.substr(0, 12), 20);
    return chars.substr(0, 5) + "-" + chars.substr(5, 5) + "-" + chars.substr(10, 5) + "-" + chars.substr(15, 5);
}

std::string normalise_recovery_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        const char canonical = crockford::canonical(c);
        if (!canonical) return "";
        out += canonical;
    }
    return out.size() == 20 ? out : "";
}

}  // namespace beitai::raffle
