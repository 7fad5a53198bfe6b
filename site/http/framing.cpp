#include "http/framing.h"

#include "http/field_values.h"

namespace beitai::site {

namespace {

bool is_chunked(std::string_view coding) { return iequals(coding, "chunked"); }

// A coding's name for a message: printable ASCII only, and short.
std::string shown(std::string_view coding) {
    std::string out;
    for (char c : coding.substr(0, 40)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
    return out;
}

}  // namespace

std::optional<FramingRefusal> refuse_transfer_coding(const std::vector<std::string_view>& values, unsigned http_version) {
    std::vector<std::string_view> codings;
    for (std::string_view value : values) {
        while (true) {
            const auto comma = value.find(',');
            // Taken whole: chunked has no parameters, so "chunked;x=1" is some other coding.
            const std::string_view coding = trim_ows(value.substr(0, comma));
            if (!coding.empty()) codings.push_back(coding);  // a list may hold empty elements (§5.6.1)
            if (comma == std::string_view::npos) break;
            value.remove_prefix(comma + 1);
        }
    }
    if (values.empty()) return std::nullopt;
    if (codings.empty()) return FramingRefusal{400, "Transfer-Encoding names no transfer coding"};
    if (http_version < 11) return FramingRefusal{400, "Transfer-Encoding in an HTTP/1.0 request"};
    // Without chunked last the body's length cannot be known: 400, whatever the codings (§6.3).
    if (!is_chunked(codings.back()))
        return FramingRefusal{400, "Transfer-Encoding \"" + shown(codings.back()) + "\" is not chunked last: the body's length cannot be known"};
    for (std::size_t i = 0; i + 1 < codings.size(); ++i) {
        if (is_chunked(codings[i])) return FramingRefusal{400, "Transfer-Encoding: chunked more than once"};
        return FramingRefusal{501, "transfer coding \"" + shown(codings[i]) + "\" is not supported (only chunked)"};
    }
    return std::nullopt;
}

std::optional<FramingRefusal> refuse_request_head(std::size_t target_length, const std::vector<std::string_view>& transfer_codings,
                                                  unsigned http_version) {
    if (target_length > kMaxTargetBytes) return header_too_large(target_length);
    return refuse_transfer_coding(transfer_codings, http_version);
}

FramingRefusal header_too_large(std::optional<std::size_t> target_length, std::size_t target_limit) {
    if (!target_length || *target_length > target_limit)
        return {414, "request target too long (at most " + std::to_string(target_limit) + " bytes)"};
    return {431, "request header fields too large"};
}

}  // namespace beitai::site
