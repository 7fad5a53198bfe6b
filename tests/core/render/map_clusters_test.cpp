// Clusters: markers too close to tell apart at a zoom gathered into one, the same for every
// renderer (render/map_clusters.h).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "render/map_clusters.h"
#include "render/map_fixture.h"

using namespace beitai;
using namespace beitai::map_fixture;

namespace {

render::SceneMarker marker(const std::string& id, const std::string& layer, geo::LatLon at, bool space = false) {
    render::SceneMarker m;
    m.id = id;
    m.layer = layer;
    m.at = at;
    m.has_space = space;
    m.has_card = true;
    return m;
}

const render::SceneMarker* find(const render::Scene& s, const std::string& id) {
    for (const auto& m : s.markers)
        if (m.id == id) return &m;
    return nullptr;
}

int represented(const render::Scene& s, const std::string& layer) {
    int n = 0;
    for (const auto& m : s.markers)
        if (m.layer == layer) n += m.cluster_count > 0 ? m.cluster_count : 1;
    return n;
}

// Three sites a few metres apart in Taipei, one in Yilan, two car parks near the Taipei
// sites (one with space), and a break's numbered box on top of them all.
render::Scene crowded() {
    render::Scene s;
    s.markers = {marker("a", "sites", {25.0400, 121.5600}), marker("gap-1", "gaps", {25.0401, 121.5601}),
                 marker("b", "sites", {25.0401, 121.5602}), marker("c", "sites", {25.0402, 121.5601}),
                 marker("y", "sites", {24.68, 121.77}), marker("parking:1", "parking", {25.0400, 121.5601}, true),
                 marker("parking:2", "parking", {25.0402, 121.5603}, false)};
    return s;
}

}  // namespace

TEST_CASE("markers in one cell at a zoom become one cluster that says how many, per layer") {
    auto s = crowded();
    render::cluster_markers(s, 10, text::Lang::zh_TW);
    // Sites a, b, c → one; y stays; the two car parks → one; the break's box is not gathered.
    REQUIRE(s.markers.size() == 4);
    CHECK(s.markers[0].cluster_count == 3);
    CHECK(s.markers[0].layer == "sites");
    CHECK(s.markers[0].label == "3");
    CHECK(s.markers[0].id.rfind("cluster:sites:10:", 0) == 0);
    CHECK(s.markers[0].title == "3 個環境教育場所 · 點選放大");
    CHECK(s.markers[0].focusable);
    CHECK(s.markers[0].labelled);
    CHECK_FALSE(s.markers[0].has_card);
    // Where its members are: their mean, and the box that holds them all.
    CHECK(s.markers[0].at.lat == doctest::Approx(25.0401));
    CHECK(s.markers[0].cluster_box.contains({25.0400, 121.5600}));
    CHECK(s.markers[0].cluster_box.contains({25.0402, 121.5601}));
    CHECK_FALSE(s.markers[0].cluster_box.contains({24.68, 121.77}));
    CHECK(s.markers[1].id == "gap-1");  // order kept: the cluster took its first member's place
    CHECK(s.markers[2].id == "y");
    CHECK(s.markers[2].cluster_count == 0);
    const auto& parks = s.markers[3];
    CHECK(parks.cluster_count == 2);
    CHECK(parks.has_space);
    CHECK(parks.title == "2 個停車場，其中 1 個有空位 · 點選放大");
    // The layer's hue and shape family stay: a car parks' cluster is not green.
    CHECK(parks.look.fill != s.markers[0].look.fill);

    auto en = crowded();
    render::cluster_markers(en, 10, text::Lang::en);
    CHECK(en.markers[0].title == "3 environmental-education sites · activate to zoom in");
    CHECK(en.markers[3].title == "2 car parks, 1 with free spaces · activate to zoom in");
}

TEST_CASE("from the cluster zoom on, and for the feature shown, every marker is itself") {
    auto close = crowded();
    render::cluster_markers(close, render::kClusterMaxZoom, text::Lang::zh_TW);
    CHECK(close.markers.size() == 7);
    auto nan = crowded();
    render::cluster_markers(nan, std::numeric_limits<double>::quiet_NaN(), text::Lang::zh_TW);
    CHECK(nan.markers.size() == 7);

    auto shown = crowded();
    render::cluster_markers(shown, 10, text::Lang::zh_TW, "b");
    REQUIRE(find(shown, "b"));
    CHECK(find(shown, "b")->cluster_count == 0);
    CHECK(represented(shown, "sites") == 4);
    // The two left beside it still gather.
    CHECK(shown.markers[0].cluster_count == 2);

    // A zoom below the world's (a hostile parameter) groups as zoom 0 does: everything in
    // northern Taiwan in one cell per layer.
    auto far = crowded();
    render::cluster_markers(far, -40, text::Lang::zh_TW);
    CHECK(represented(far, "sites") == 4);
    CHECK(far.markers[0].cluster_count == 4);
}

TEST_CASE("the groups are fixed to the world: the same at a fractional zoom, after a pan, whatever the order") {
    auto whole = crowded();
    render::cluster_markers(whole, 12, text::Lang::zh_TW);
    auto fractional = crowded();
    render::cluster_markers(fractional, 12.75, text::Lang::zh_TW);
    REQUIRE(whole.markers.size() == fractional.markers.size());
    for (size_t i = 0; i < whole.markers.size(); ++i) CHECK(whole.markers[i].id == fractional.markers[i].id);

    // Without Yilan's site (a view that does not reach it), Taipei's cluster keeps its id.
    auto part = crowded();
    part.markers.erase(part.markers.begin() + 4);
    render::cluster_markers(part, 12, text::Lang::zh_TW);
    CHECK(part.markers[0].id == whole.markers[0].id);
}

TEST_CASE("the map's scene gathers only when it is given a zoom, and counts every site once") {
    Fixture f;
    // Forty sites on a line 10 m apart beside the fixture's two.
    for (int i = 0; i < 40; ++i)
        f.sites.sites.push_back({"g" + std::to_string(i), "場所" + std::to_string(i), "Taipei", "臺北市", geo::LatLon{25.02, 121.53 + i * 0.0001}, "", "", false, true, "", "", false});
    auto view = *render::parse_map_view({{"layers", "sites"}});
    const auto plain = render::map_scene(f.data(), view);
    CHECK(plain.markers.size() == 42);
    view.zoom = 11;
    const auto gathered = render::map_scene(f.data(), view);
    CHECK(gathered.markers.size() < 10);
    CHECK(represented(gathered, "sites") == 42);
    // The fit box is the same: it is about the sites, not their clusters.
    CHECK(gathered.fit_south_west.lat == plain.fit_south_west.lat);
    CHECK(gathered.fit_north_east.lon == plain.fit_north_east.lon);
    view.focus = "g7";
    const auto focused = render::map_scene(f.data(), view);
    REQUIRE(find(focused, "g7"));
    CHECK(find(focused, "g7")->has_card);
}

TEST_CASE("/map.svg gathers at the zoom its picture comes to, and draws car parks and breaks as squares") {
    Fixture f;
    for (int i = 0; i < 40; ++i)
        f.sites.sites.push_back({"g" + std::to_string(i), "場所" + std::to_string(i), "Taipei", "臺北市", geo::LatLon{25.02, 121.53 + i * 0.0001}, "", "", false, true, "", "", false});
    render::SvgOptions options;
    options.width = 960;
    options.height = 720;
    const auto view = *render::parse_map_view({{"layers", "sites,gaps,routes"}});
    const std::string svg = render::map_svg(f.data(), view, options);
    // Every site is counted once: as itself or inside a cluster that says how many.
    const size_t clusters = count(svg, "class=\"marker layer-sites cluster\"");
    CHECK(clusters >= 1);
    size_t counted = 0;
    for (size_t at = svg.find("data-count=\""); at != std::string::npos; at = svg.find("data-count=\"", at + 1))
        counted += std::stoul(svg.substr(at + 12));
    CHECK(counted + count(svg, "class=\"marker layer-sites\"") == 42);
    CHECK(svg.find("個環境教育場所 · 點選放大") != std::string::npos);
    // A break's numbered box is a square, a site a dot.
    if (!f.gaps.empty()) CHECK(svg.find("<g class=\"marker layer-gaps\" data-id=\"gap-1\"><title>") != std::string::npos);
    const size_t gap = svg.find("data-id=\"gap-1\"><title>");
    if (gap != std::string::npos) CHECK(svg.find("<rect", gap) < svg.find("</g>", gap));
}
