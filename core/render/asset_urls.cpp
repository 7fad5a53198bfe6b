#include "render/asset_urls.h"

namespace beitai::render {

const std::string& asset_url(const AssetUrls* urls, const std::string& logical) {
    if (!urls) return logical;
    auto it = urls->find(logical);
    return it == urls->end() ? logical : it->second;
}

std::string with_asset_urls(std::string_view html, const AssetUrls& urls) {
    std::string out;
    out.reserve(html.size());
    std::size_t done = 0;
    for (std::size_t at = 0; (at = html.find("=\"", at)) != std::string_view::npos;) {
        const std::size_t value = at + 2;
        const std::size_t end = html.find('"', value);
        if (end == std::string_view::npos) break;
        // The attribute's name ends at '=': src or href, after a space (so data-src is not one).
        const std::size_t name = html.find_last_of(" \t\r\n", at);
        const std::string_view attribute = name == std::string_view::npos ? "" : html.substr(name + 1, at - name - 1);
        if (attribute == "src" || attribute == "href") {
            auto it = urls.find(html.substr(value, end - value));
            if (it != urls.end()) {
                out.append(html, done, value - done);
                out += it->second;
                done = end;
            }
        }
        at = end + 1;
    }
    out.append(html, done, std::string_view::npos);
    return out;
}

}  // namespace beitai::render
