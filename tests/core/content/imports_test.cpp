// What every importer shares: the county a place name or address names, and the report.
#include <doctest/doctest.h>

#include "content/imports.h"
#include "test_content.h"

using namespace beitai;

namespace {
const std::vector<content::County>& counties() { return testing::repository_catalog().counties; }
}  // namespace

TEST_CASE("the county of an address, whichever way 臺 is written and whatever it was called") {
    CHECK(content::county_of_address("臺北市北投區關渡路55號", counties()) == "Taipei");
    CHECK(content::county_of_address("台北市北投區關渡路55號", counties()) == "Taipei");
    CHECK(content::county_of_address("112台北市北投區", counties()) == "Taipei");  // postcode first
    CHECK(content::county_of_address(" 10491 臺北市中山區", counties()) == "Taipei");
    CHECK(content::county_of_address("臺灣省宜蘭縣羅東鎮", counties()) == "YilanCounty");
    CHECK(content::county_of_address("新北市新店區", counties()) == "NewTaipei");
    CHECK(content::county_of_address("臺北縣新店市北宜路", counties()) == "NewTaipei");  // before 2010
    CHECK(content::county_of_address("台北縣三重市", counties()) == "NewTaipei");
    CHECK(content::county_of_address("桃園縣大溪鎮", counties()) == "Taoyuan");  // before 2014
    CHECK(content::county_of_address("新竹縣竹北市", counties()) == "HsinchuCounty");
    CHECK(content::county_of_address("新竹市東區", counties()) == "Hsinchu");
    CHECK(content::county_of_address("臺中市西屯區", counties()).empty());
    CHECK(content::county_of_address("臺中縣大甲鎮", counties()).empty());
    CHECK(content::county_of_address("", counties()).empty());
    CHECK(content::county_of_address("北市", counties()).empty());
}

TEST_CASE("a county named by id, English or Chinese name") {
    CHECK(content::county_id_of("Taoyuan", counties()) == "Taoyuan");
    CHECK(content::county_id_of("taoyuan city", counties()) == "Taoyuan");
    CHECK(content::county_id_of("桃園縣", counties()) == "Taoyuan");
    CHECK(content::county_id_of("台北市", counties()) == "Taipei");
    CHECK(content::county_id_of("Tainan", counties()).empty());
    CHECK(content::county_id_of("", counties()).empty());
}

TEST_CASE("the report: counts first, then every record") {
    std::vector<content::ImportLine> report = {{0, true, "甲", "Taipei"}, {1, false, "乙", "why"}};
    CHECK(content::report_text(report, "f.json") ==
          "f.json: taken 1, refused 1\nf.json: took record 0 (甲): Taipei\nf.json: refused record 1 (乙): why\n");
}
