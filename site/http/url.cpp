#include "http/url.h"

#include "text/url.h"

namespace beitai::site {

std::optional<Target> parse_target(std::string_view target) {
    if (target.empty() || target[0] != '/') return std::nullopt;
    Target t;
    auto qmark = target.find('?');
    auto path = text::percent_decode(target.substr(0, qmark), false);
    if (!path) return std::nullopt;
    t.path = std::move(*path);
    if (qmark == std::string_view::npos) return t;
    auto query = text::parse_query_string(target.substr(qmark + 1));
    if (!query) return std::nullopt;
    t.query = std::move(*query);
    return t;
}

}  // namespace beitai::site
