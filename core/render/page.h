// The frame around every server-rendered page: language, header and navigation, the
// language switch, the footer. Pages differ only in their main content and scripts.
#pragma once

#include <string>
#include <vector>

#include "render/asset_urls.h"
#include "text/lang.h"

namespace beitai::render {

struct PageFrame {
    text::Lang lang = text::Lang::zh_TW;
    std::string title;           // joined with the site name in <title>
    std::string path_and_query;  // where the language switch returns to
    std::string main_html;
    std::vector<std::string> scripts;  // loaded with defer, in order
    std::vector<std::string> styles;   // extra stylesheets
    // Data a script will fetch(): requested while the HTML is still parsing, so that it is
    // there when the deferred scripts run (same-origin, as fetch() asks for it).
    std::vector<std::string> preloads;
    // Feeds of what the page shows, for readers and browsers: <link rel="alternate">.
    struct Alternate {
        std::string href, type, title;
    };
    std::vector<Alternate> alternates;
    // Scripts the page's glue loads itself when it first needs them, never before (the
    // tracker's WASM core, loaded at the first filter): named for the glue in
    // <meta name="script:LOGICAL-URL" content="URL">.
    std::vector<std::string> on_demand_scripts;
    // Every file above (and the frame's own stylesheets) is given as its logical URL and
    // named by the URL these map it to (render/asset_urls.h): the build's hashed copies.
    const AssetUrls* assets = nullptr;
    std::string signed_in_as;          // staff account name, or empty
    std::string active_nav;            // "proposals", "staff", …
};

std::string page_html(const PageFrame& frame);

// The URL that switches the language and comes back to `path_and_query`.
std::string language_switch_url(text::Lang to, const std::string& path_and_query);

}  // namespace beitai::render
