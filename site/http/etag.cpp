#include "http/etag.h"

#include <sodium.h>

namespace beitai::site {

std::string etag_of(std::string_view bytes) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "\"" + std::string(hex) + "\"";
}

std::string etag_with_coding(std::string_view etag, std::string_view coding) {
    if (etag.size() < 2 || etag.back() != '"') return std::string(etag);
    return std::string(etag.substr(0, etag.size() - 1)) + "-" + std::string(coding) + "\"";
}

bool if_none_match_matches(std::string_view value, std::string_view etag) {
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
    while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
    if (value == "*") return true;  // any current representation: there is one
    bool matched = false;
    std::size_t i = 0;
    while (i < value.size()) {
        if (value[i] == ',' || is_space(value[i])) {
            ++i;
            continue;
        }
        if (value.compare(i, 2, "W/") == 0) i += 2;
        if (i >= value.size() || value[i] != '"') return false;  // not a tag: the header is ignored
        const std::size_t close = value.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        if (value.substr(i, close + 1 - i) == etag) matched = true;
        i = close + 1;
        while (i < value.size() && is_space(value[i])) ++i;
        if (i < value.size() && value[i] != ',') return false;
    }
    return matched;
}

}  // namespace beitai::site
