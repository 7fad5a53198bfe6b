#include "test_content.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace beitai::testing {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<content::SourceFile> repository_content() {
    std::vector<content::SourceFile> files;
    for (const char* name : {"counties.json", "groups.json", "proposals/111.json", "proposals/112.json"}) {
        std::string rel = std::string("content/") + name;
        files.push_back({rel, read_text_file(std::string(BEITAI_SOURCE_DIR) + "/" + rel)});
    }
    return files;
}

const content::Catalog& repository_catalog() {
    static const auto catalog = content::read_catalog(repository_content());
    REQUIRE_MESSAGE(catalog.ok(), catalog.error());
    return *catalog;
}

geo::Feature square_area(const char* name, double south, double west, double size) {
    geo::Feature f;
    f.geometry.type = geo::GeometryType::polygon;
    f.geometry.polygons = {{{{south, west}, {south, west + size}, {south + size, west + size}, {south + size, west}, {south, west}}}};
    f.properties = {{"COUNTYNAME", name}};
    return f;
}

const tracker::Snapshot& repository_snapshot() {
    static const auto snapshot = tracker::snapshot_from_catalog(repository_catalog());
    return snapshot;
}

}  // namespace beitai::testing
