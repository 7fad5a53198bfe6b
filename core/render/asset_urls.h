// The browser's files named by the URLs pages should use. A file is known by its logical URL
// ("/static/css/portal.css"); the build also writes a copy whose name carries its content's
// hash ("/static/css/portal.3f9a1c2e.css", assets/web/fingerprint_assets.py), which browsers
// may keep for a year without asking again, since a change makes a new name. The site loads
// the build's manifest and hands the map to the pages as data; without one (a tree built
// without it, a unit test) every file is named by its logical URL.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace beitai::render {

// Logical URL → the URL to name in pages.
using AssetUrls = std::map<std::string, std::string, std::less<>>;

// The URL to name for `logical`: its hashed copy's, or `logical` itself (no map, or not in it).
const std::string& asset_url(const AssetUrls* urls, const std::string& logical);

// `html` with every double-quoted src="…" and href="…" value that is a logical URL of `urls`
// replaced by the URL to name: for the pages kept as static files (web/kiosk.html), which
// name their files by logical URL.
std::string with_asset_urls(std::string_view html, const AssetUrls& urls);

}  // namespace beitai::render
