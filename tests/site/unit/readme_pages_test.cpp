// The README's page table (section "## Pages", addresses in backticks in the first column)
// against the route table: every address it names is served, and every public page and API
// route is named there — a new route needs its line in the README.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "routes/route_table.h"

using namespace beitai::site;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The addresses of the first column of the "## Pages" table. "`/proposals.csv` `.json`"
// names /proposals.csv and /proposals.json; a query ("/lang?to=en") is dropped; a trailing
// "…" ("/api/staff/…") stays, for a prefix.
std::vector<std::string> readme_addresses(const std::string& readme) {
    std::vector<std::string> out;
    const auto start = readme.find("\n## Pages\n");
    REQUIRE(start != std::string::npos);
    const auto end = readme.find("\n## ", start + 1);
    std::istringstream lines(readme.substr(start, end - start));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("| `", 0) != 0) continue;
        const std::string cell = line.substr(1, line.find('|', 1) - 1);
        std::string previous;
        for (std::size_t open = cell.find('`'); open != std::string::npos; open = cell.find('`', open)) {
            const std::size_t close = cell.find('`', open + 1);
            std::string address = cell.substr(open + 1, close - open - 1);
            open = close + 1;
            address = address.substr(0, address.find('?'));
            if (address.rfind(".", 0) == 0 && !previous.empty()) address = previous.substr(0, previous.rfind('.')) + address;
            out.push_back(address);
            previous = address;
        }
    }
    return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether the README's `address` names a route: the same pattern, or for "/x/…" a route
// under /x/.
bool names(const std::string& address, const Route& route) {
    const std::string pattern = route.pattern;
    if (ends_with(address, "…")) return pattern.rfind(address.substr(0, address.size() - std::string("…").size()), 0) == 0;
    return pattern == address;
}

}  // namespace

TEST_CASE("the README's page table and the route table agree") {
    const std::string readme = read_file(std::string(BEITAI_SOURCE_DIR) + "/README.md");
    REQUIRE_FALSE(readme.empty());
    const auto addresses = readme_addresses(readme);
    REQUIRE(addresses.size() > 20);

    SUBCASE("every address in the README is served") {
        for (const auto& address : addresses) {
            CAPTURE(address);
            bool served = false;
            for (const Route& route : route_table()) served = served || names(address, route);
            CHECK(served);
        }
    }
    SUBCASE("every public page and API route is in the README") {
        for (const Route& route : route_table()) {
            const std::string pattern = route.pattern;
            // Files under a folder (scripts, styles, the WASM build) are not pages.
            if (route.access != Access::anyone || pattern.find("*}") != std::string::npos) continue;
            CAPTURE(pattern);
            bool named = false;
            for (const auto& address : addresses) named = named || names(address, route);
            CHECK(named);
        }
    }
    SUBCASE("the staff area is there too") {
        bool staff_api = false, staff_pages = false;
        for (const auto& address : addresses) {
            staff_api = staff_api || address == "/api/staff/…";
            staff_pages = staff_pages || address == "/staff";
        }
        CHECK(staff_api);
        CHECK(staff_pages);
    }
}

TEST_CASE("reading the README's addresses") {
    const auto addresses = readme_addresses(
        "intro\n## Pages\n\n| address | what |\n|---|---|\n"
        "| `/proposals.csv` `.json` | downloads |\n| `/lang?to=en` | language |\n| `/api/staff/…` | staff |\n"
        "\n## Next\n| `/not-this` | later table |\n");
    CHECK(addresses == std::vector<std::string>{"/proposals.csv", "/proposals.json", "/lang", "/api/staff/…"});
}
