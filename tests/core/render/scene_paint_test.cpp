// core/render/scene_paint: the kiosk's paint list of a Scene. The first case is the issue's:
// for the same Scene and the same view, the kiosk's colours and shapes are the SVG's — read
// back out of the SVG text, not out of the code that wrote it.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "allocation_count.h"
#include "render/map_fixture.h"
#include "render/scene_paint.h"
#include "render/svg.h"
#include "test_content.h"

using namespace beitai;
using render::FeatureKind;
using render::PaintList;
using render::Pixel;

namespace {

// ---- Reading the SVG back ------------------------------------------------------------------

struct Element {
    std::map<std::string, std::string> attrs;
    std::string text;  // what follows the start tag up to the next tag (a <text>'s label)
    bool has(const std::string& name) const { return attrs.count(name) != 0; }
    const std::string& operator[](const std::string& name) const {
        static const std::string none;
        auto it = attrs.find(name);
        return it == attrs.end() ? none : it->second;
    }
};

// Every <tag …> in `svg` from `from` to `to`, with its attributes (values are escaped, so
// they hold no quote).
std::vector<Element> elements(const std::string& svg, const std::string& tag, size_t from = 0,
                              size_t to = std::string::npos) {
    std::vector<Element> out;
    const std::string open = "<" + tag + " ";
    for (size_t at = svg.find(open, from); at != std::string::npos && at < to; at = svg.find(open, at + 1)) {
        Element e;
        size_t i = at + open.size();
        while (i < svg.size() && svg[i] != '>' && svg[i] != '/') {
            while (svg[i] == ' ') ++i;
            const size_t eq = svg.find('=', i);
            const size_t q1 = svg.find('"', eq), q2 = svg.find('"', q1 + 1);
            e.attrs[svg.substr(i, eq - i)] = svg.substr(q1 + 1, q2 - q1 - 1);
            i = q2 + 1;
        }
        if (svg[i] == '>') e.text = svg.substr(i + 1, svg.find('<', i) - i - 1);
        out.push_back(e);
    }
    return out;
}

std::vector<Pixel> point_list(const std::string& s) {
    std::vector<Pixel> out;
    double x, y;
    int used = 0;
    for (const char* p = s.c_str(); std::sscanf(p, " %lf,%lf%n", &x, &y, &used) == 2; p += used) out.push_back({x, y});
    return out;
}

// The elements whose class starts with `kind` ("area", "line").
std::vector<Element> of_class(const std::vector<Element>& all, const std::string& kind) {
    std::vector<Element> out;
    for (const auto& e : all)
        if (e.attrs.count("class") && e.attrs.at("class").rfind(kind + " ", 0) == 0) out.push_back(e);
    return out;
}

// A line's "Mx,y x,y …Mx,y …" as its parts.
std::vector<std::vector<Pixel>> line_parts(const std::string& d) {
    std::vector<std::vector<Pixel>> out;
    for (size_t at = d.find('M'); at != std::string::npos;) {
        const size_t next = d.find('M', at + 1);
        out.push_back(point_list(d.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1)));
        at = next;
    }
    return out;
}

// A path's "Mx,y x,y …ZMx,y …Z" as rings, a closing copy of the first point dropped.
std::vector<Pixel> path_points(const std::string& d) {
    std::vector<Pixel> out;
    size_t at = 0;
    while ((at = d.find('M', at)) != std::string::npos) {
        const size_t end = d.find('Z', at);
        auto ring = point_list(d.substr(at + 1, end - at - 1));
        if (ring.size() > 1 && std::hypot(ring.back().x - ring[0].x, ring.back().y - ring[0].y) < 0.11) ring.pop_back();
        out.insert(out.end(), ring.begin(), ring.end());
        at = end;
    }
    return out;
}

std::string hex(render::Rgba c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
    return buf;
}

std::string width(double w) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", w);
    return buf;
}

// A fill or stroke attribute with the element's opacity, as the paint list would hold it.
std::string svg_colour(const Element& e, const std::string& attr) {
    const std::string& value = e[attr];
    if (value.empty() || value == "none") return "";
    auto c = render::parse_css_colour(value, e.has("opacity") ? std::stod(e["opacity"]) : 1);
    REQUIRE_MESSAGE(c.ok(), c.error());
    return hex(*c);
}

// "fill #rrggbbaa" and "stroke #rrggbbaa width" (plus " dashed") for an SVG element…
std::set<std::string> svg_looks(const Element& e) {
    std::set<std::string> out;
    if (!svg_colour(e, "fill").empty()) out.insert("fill " + svg_colour(e, "fill"));
    if (!svg_colour(e, "stroke").empty())
        out.insert("stroke " + svg_colour(e, "stroke") + " " + width(std::stod(e["stroke-width"])) +
                   (e.has("stroke-dasharray") ? " dashed" : ""));
    return out;
}

double line_length(const PaintList& p, const render::PaintLine& l) {
    double sum = 0;
    for (std::uint32_t k = 1; k < l.point_count; ++k) {
        const auto a = p.points[l.first_point + k - 1], b = p.points[l.first_point + k];
        sum += std::hypot(b.x - a.x, b.y - a.y);
    }
    return sum;
}

bool same_feature(render::FeatureRef f, FeatureKind kind, size_t index) { return f.kind == kind && f.index == index; }

// …and the same for one feature of the paint list. A feature's stroke is dashed when it
// came as dashes: open lines, none longer than a dash.
std::set<std::string> paint_looks(const PaintList& p, FeatureKind kind, size_t index) {
    std::set<std::string> out;
    for (const auto& f : p.fills)
        if (same_feature(f.feature, kind, index)) out.insert("fill " + hex(f.colour));
    for (const auto& c : p.circles)
        if (same_feature(c.feature, kind, index)) {
            if (c.fill.visible()) out.insert("fill " + hex(c.fill));
            if (c.stroke.visible()) out.insert("stroke " + hex(c.stroke) + " " + width(c.stroke_width));
        }
    bool dashes = false, solid = false;
    std::string stroke;
    for (const auto& l : p.lines)
        if (same_feature(l.feature, kind, index)) {
            const bool dash = !l.closed && line_length(p, l) <= render::kDashOnPx + 0.01;
            (dash ? dashes : solid) = true;
            stroke = "stroke " + hex(l.colour) + " " + width(l.width);
        }
    if (dashes || solid) out.insert(stroke + (dashes && !solid ? " dashed" : ""));
    return out;
}

double distance_to_polyline(Pixel p, const std::vector<Pixel>& line) {
    double best = 1e300;
    for (size_t i = 1; i < line.size(); ++i) {
        const Pixel a = line[i - 1], b = line[i];
        const double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
        const double t = l2 > 0 ? std::fmax(0.0, std::fmin(1.0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
        best = std::fmin(best, std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
    }
    return best;
}

// ---- The Scene -----------------------------------------------------------------------------

// Every kind of look the portal draws: the cooperation map's seats (plain teal, active,
// muted, origin, with labels beside), the map's routes (opacity 0.9), breaks (dashed, with
// numbered markers) and sites, a concave county area with a hole, a dashed translucent
// area, and a stale car park (a dashed, translucent, labelled dot).
render::Scene comparison_scene() {
    const auto& counties = testing::repository_catalog().counties;
    render::Scene scene = render::cooperation_scene(counties, {"Taipei", "NewTaipei", "Keelung"}, "Taipei", text::Lang::zh_TW);
    scene.markers.push_back(render::county_seats_scene(counties, text::Lang::zh_TW).markers[4]);  // plain 桃園市
    scene.markers.back().id = "plain";
    map_fixture::Fixture f;
    const render::Scene map = render::map_scene(f.data(), *render::parse_map_view({}));
    scene.polylines = map.polylines;
    scene.markers.insert(scene.markers.end(), map.markers.begin(), map.markers.end());
    scene.polylines.push_back({"gap-x", "gaps", "a break", {{{24.80, 121.00}, {24.86, 121.12}, {24.95, 121.10}}},
                               render::Style{"#C1121F", "", 4, 1, true, 0}});
    // A county's routes drawn together: one feature of two parts.
    scene.polylines.push_back({"routes:Taoyuan", "routes", "two routes",
                               {{{24.62, 121.02}, {24.66, 121.08}}, {{24.70, 121.12}, {24.74, 121.14}, {24.78, 121.20}}},
                               render::Style{"#0072B2", "", 4, 0.9, false, 0}});
    render::ScenePolygon area;
    area.id = "area";
    area.layer = "basemap";
    // A "C" open to the east with a square hole in its back.
    area.rings = {{{24.60, 121.30}, {24.60, 121.60}, {24.70, 121.60}, {24.70, 121.40}, {24.90, 121.40}, {24.90, 121.60},
                   {25.00, 121.60}, {25.00, 121.30}, {24.60, 121.30}},
                  {{24.75, 121.32}, {24.85, 121.32}, {24.85, 121.36}, {24.75, 121.36}}};
    area.look = render::Style{"#8aa1a8", "#eef2ea", 1, 1, false, 0};
    scene.polygons.push_back(area);
    render::ScenePolygon dashed_area;
    dashed_area.id = "dashed-area";
    dashed_area.layer = "zones";
    dashed_area.rings = {{{24.55, 120.85}, {24.55, 121.05}, {24.68, 121.05}}};
    dashed_area.look = render::Style{"#C1121F", "#fde8ec", 2, 0.6, true, 0};
    scene.polygons.push_back(dashed_area);
    render::SceneMarker park;
    park.id = "parking:stale";
    park.layer = "parking";
    park.at = {24.99, 121.31};
    park.label = "12";
    park.labelled = true;
    park.look = render::Style{"#ffffff", "#2E7D32", 1.5, 0.55, true, 8};
    scene.markers.push_back(park);
    render::fit_to_contents(scene);
    return scene;
}

}  // namespace

TEST_CASE("the kiosk paints the SVG's colours and shapes for the same Scene and view") {
    const render::Scene scene = comparison_scene();
    const render::SvgOptions options{960, 720, "map"};
    const std::string svg = render::scene_svg(scene, options);
    const render::PreparedScene prepared = render::prepare_scene(scene);
    CHECK(prepared.problems.empty());
    PaintList paint;
    render::paint_scene(prepared, render::scene_svg_view(scene, options), paint);

    SUBCASE("areas: one each, same fill and stroke, same vertices within a pixel") {
        const auto paths = of_class(elements(svg, "path"), "area");
        REQUIRE(paths.size() == scene.polygons.size());
        REQUIRE(paths.size() == 2);
        for (size_t i = 0; i < paths.size(); ++i) {
            CAPTURE(scene.polygons[i].id);
            CHECK(paint_looks(paint, FeatureKind::polygon, i) == svg_looks(paths[i]));
            const auto want = path_points(paths[i]["d"]);
            const render::PaintFill* fill = nullptr;
            for (const auto& f : paint.fills)
                if (same_feature(f.feature, FeatureKind::polygon, i)) fill = &f;
            REQUIRE(fill != nullptr);
            REQUIRE(fill->point_count == want.size());
            for (size_t k = 0; k < want.size(); ++k) {
                CAPTURE(k);
                CHECK(std::fabs(paint.points[fill->first_point + k].x - want[k].x) <= 1);
                CHECK(std::fabs(paint.points[fill->first_point + k].y - want[k].y) <= 1);
            }
        }
        CHECK(svg_looks(paths[0]) == std::set<std::string>{"fill #eef2eaff", "stroke #8aa1a8ff 1.0"});
        CHECK(svg_looks(paths[1]) == std::set<std::string>{"fill #fde8ec99", "stroke #c1121f99 2.0 dashed"});
    }

    SUBCASE("lines: one each, same colour, width and dashes, same vertices within a pixel") {
        const auto lines = of_class(elements(svg, "path"), "line");
        REQUIRE(lines.size() == scene.polylines.size());
        REQUIRE(lines.size() >= 3);
        bool saw_dashed = false, saw_translucent = false, saw_parts = false;
        for (size_t i = 0; i < lines.size(); ++i) {
            CAPTURE(scene.polylines[i].id);
            CHECK(lines[i]["data-id"] == scene.polylines[i].id);
            CHECK(paint_looks(paint, FeatureKind::polyline, i) == svg_looks(lines[i]));
            const auto parts = line_parts(lines[i]["d"]);
            REQUIRE(parts.size() == scene.polylines[i].parts.size());
            for (size_t k = 0; k < parts.size(); ++k) REQUIRE(parts[k].size() == scene.polylines[i].parts[k].size());
            const auto& want = parts[0];
            std::vector<const render::PaintLine*> mine;
            for (const auto& l : paint.lines)
                if (same_feature(l.feature, FeatureKind::polyline, i)) mine.push_back(&l);
            REQUIRE_FALSE(mine.empty());
            if (lines[i].has("stroke-dasharray")) {
                saw_dashed = true;
                CHECK(lines[i]["stroke-dasharray"] == "6 4");
                // Ends cut square, as the kiosk's lines are: round caps would fill the gaps.
                CHECK(lines[i]["stroke-linecap"] == "butt");
                // Every dash lies on the SVG's line; the first starts at its first vertex.
                const auto first = paint.points[mine.front()->first_point];
                CHECK(std::hypot(first.x - want[0].x, first.y - want[0].y) <= 1);
                for (const auto* l : mine)
                    for (std::uint32_t k = 0; k < l->point_count; ++k) {
                        const auto q = paint.points[l->first_point + k];
                        CHECK(distance_to_polyline({q.x, q.y}, want) <= 1);
                    }
            } else {
                saw_translucent |= lines[i].has("opacity");
                saw_parts |= parts.size() > 1;
                // One painted line per part, point for point.
                REQUIRE(mine.size() == parts.size());
                for (size_t p = 0; p < parts.size(); ++p) {
                    REQUIRE(mine[p]->point_count == parts[p].size());
                    for (size_t k = 0; k < parts[p].size(); ++k) {
                        CHECK(std::fabs(paint.points[mine[p]->first_point + k].x - parts[p][k].x) <= 1);
                        CHECK(std::fabs(paint.points[mine[p]->first_point + k].y - parts[p][k].y) <= 1);
                    }
                }
            }
        }
        CHECK(saw_dashed);
        CHECK(saw_translucent);
        CHECK(saw_parts);
    }

    SUBCASE("markers: one dot each at the same centre and radius, same colours; the same labels in the same places") {
        const std::string open = "<g class=\"marker";
        std::vector<size_t> starts;
        for (size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) starts.push_back(at);
        REQUIRE(starts.size() == scene.markers.size());
        REQUIRE(paint.circles.size() == scene.markers.size());
        size_t labels = 0;
        std::set<std::string> fills;
        for (size_t i = 0; i < starts.size(); ++i) {
            const size_t end = svg.find("</g>", starts[i]);
            CAPTURE(scene.markers[i].id);
            // A round dot is a circle; a square box (a break's number, a car park) a rect.
            const bool square = scene.markers[i].look.square;
            const auto circles = elements(svg, square ? "rect" : "circle", starts[i], end);
            REQUIRE(circles.size() == 1);
            const auto& dot = paint.circles[i];
            REQUIRE(same_feature(dot.feature, FeatureKind::marker, i));
            CHECK(dot.square == square);
            const double half = square ? std::stod(circles[0]["width"]) / 2 : std::stod(circles[0]["r"]);
            CHECK(std::fabs(dot.centre.x - (square ? std::stod(circles[0]["x"]) + half : std::stod(circles[0]["cx"]))) <= 1);
            CHECK(std::fabs(dot.centre.y - (square ? std::stod(circles[0]["y"]) + half : std::stod(circles[0]["cy"]))) <= 1);
            CHECK(dot.radius == doctest::Approx(half));
            CHECK(paint_looks(paint, FeatureKind::marker, i) == svg_looks(circles[0]));
            fills.insert(svg_colour(circles[0], "fill"));
            const auto texts = elements(svg, "text", starts[i], end);
            if (texts.empty()) continue;
            REQUIRE(texts.size() == 1);
            const auto& t = texts[0];
            REQUIRE(labels < paint.labels.size());
            const auto& l = paint.labels[labels++];
            REQUIRE(same_feature(l.feature, FeatureKind::marker, i));
            CHECK(std::string(paint.label_text(l)) == t.text);
            CHECK(std::fabs(l.at.x - std::stod(t["x"])) <= 1);
            CHECK(std::fabs(l.at.y - std::stod(t["y"])) <= 1);
            CHECK((l.anchor == render::LabelAnchor::middle) == (t["text-anchor"] == "middle"));
            CHECK(l.size == doctest::Approx(std::stod(t["font-size"])));
            CHECK(hex(l.colour) == svg_colour(t, "fill"));
            CHECK((l.halo.visible() ? hex(l.halo) : "") == svg_colour(t, "stroke"));
            if (l.halo.visible()) CHECK(l.halo_width == doctest::Approx(std::stod(t["stroke-width"])));
        }
        CHECK(labels == paint.labels.size());
        CHECK(labels >= 10);  // nine seats and the car park, besides any break numbers
        // The four seat looks, a green-tourism site's green and the stale car park's.
        for (const char* c : {"#0b3d4fff", "#136b79ff", "#9fb0b6ff", "#b45f06ff", "#2e7d32ff", "#2e7d328c"}) {
            CAPTURE(c);
            CHECK(fills.count(c) == 1);
        }
    }
}

TEST_CASE("a dashed line is 6 px dashes 4 px apart, going round corners and stopping at the screen") {
    render::Scene scene;
    const render::Viewport view({25, 121.5}, 12, 800, 600);
    // 100 px east from the centre, then 20 px south: the pattern runs on round the corner.
    const geo::LatLon a = view.unproject({400, 300}), b = view.unproject({500, 300}), c = view.unproject({500, 320});
    scene.polylines.push_back({"d", "gaps", "", {{a, b, c}}, render::Style{"#C1121F", "", 4, 1, true, 0}});
    PaintList p = render::paint_scene(scene, view);
    // 120 px of 10 px periods: twelve dashes, the tenth (at 90–96 px) before the corner, the
    // eleventh (100–106) starting on it.
    REQUIRE(p.lines.size() == 12);
    for (const auto& l : p.lines) CHECK(line_length(p, l) == doctest::Approx(6).epsilon(1e-3));
    CHECK(p.points[p.lines[0].first_point].x == doctest::Approx(400));
    CHECK(p.points[p.lines[1].first_point].x == doctest::Approx(410));
    CHECK(p.points[p.lines[9].first_point].x == doctest::Approx(490));

    // Round the corner: with 93 px before it, the dash from 90 to 96 px keeps the corner.
    render::Scene shifted;
    const geo::LatLon a2 = view.unproject({407, 300});
    shifted.polylines.push_back({"d", "gaps", "", {{a2, b, c}}, render::Style{"#C1121F", "", 4, 1, true, 0}});
    PaintList q = render::paint_scene(shifted, view);
    bool cornered = false;
    for (const auto& l : q.lines)
        if (l.point_count == 3) {
            cornered = true;
            CHECK(q.points[l.first_point + 1].x == doctest::Approx(500));
            CHECK(q.points[l.first_point + 1].y == doctest::Approx(300));
            CHECK(line_length(q, l) == doctest::Approx(6).epsilon(1e-3));
        }
    CHECK(cornered);

    // A dashed line 100 km long across a street-level screen: only the screen's dashes.
    render::Scene long_one;
    long_one.polylines.push_back({"long", "gaps", "", {{{25, 121.0}, {25, 122.0}}}, render::Style{"#C1121F", "", 4, 1, true, 0}});
    const render::Viewport close({25, 121.5}, 17, 800, 600);
    PaintList r = render::paint_scene(long_one, close);
    CHECK(r.lines.size() >= 80);
    CHECK(r.lines.size() <= 82);  // 808 px of screen (4 px beyond each side), one dash per 10 px
}

TEST_CASE("what the view does not show is not painted") {
    render::Scene scene;
    render::SceneMarker in, out;
    in.id = "in";
    in.at = {25.03, 121.56};
    out.id = "out";
    out.at = {24.56, 120.82};  // Miaoli, far off a Taipei street view
    scene.markers = {in, out};
    scene.polylines.push_back({"far", "routes", "", {{{24.5, 120.8}, {24.6, 120.9}}}, render::Style{}});
    scene.polylines.push_back({"across", "routes", "", {{{25.03, 121.0}, {25.03, 122.0}}}, render::Style{}});
    const render::Viewport view({25.03, 121.56}, 14, 1080, 1920);
    PaintList p = render::paint_scene(scene, view);
    REQUIRE(p.circles.size() == 1);
    CHECK(p.circles[0].feature.index == 0);
    REQUIRE(p.lines.size() == 1);
    CHECK(p.lines[0].feature.index == 1);  // its box reaches the screen though its ends do not
}

TEST_CASE("a tap finds the marker first, then the line, then the area; a fingertip hits a 3 px line") {
    render::Scene scene;
    const render::Viewport view({25, 121.5}, 14, 1920, 1080);
    auto at = [&](double x, double y) { return view.unproject({x, y}); };
    render::ScenePolygon area;
    area.id = "area";
    area.rings = {{at(100, 100), at(1800, 100), at(1800, 1000), at(100, 1000)}, {at(1500, 800), at(1700, 800), at(1700, 950), at(1500, 950)}};
    area.look = render::Style{"#8aa1a8", "#eef2ea", 1, 1, false, 0};
    scene.polygons.push_back(area);
    scene.polylines.push_back({"route", "routes", "", {{at(200, 500), at(1200, 500)}}, render::Style{"#0072B2", "", 3, 1, false, 0}});
    render::SceneMarker m;
    m.id = "site";
    m.at = at(700, 520);
    m.look = render::Style{"#ffffff", "#2E7D32", 1.5, 1, false, 6};
    scene.markers.push_back(m);
    m.id = "site-2";
    m.at = at(740, 520);
    scene.markers.push_back(m);
    const render::PreparedScene prepared = render::prepare_scene(scene);
    auto tap = [&](double x, double y) { return render::hit_test(prepared, view, {x, y}); };

    // 20 px off the line's middle: a finger still hits it.
    auto h = tap(400, 520);
    REQUIRE(h.has_value());
    CHECK(h->kind == FeatureKind::polyline);
    CHECK(h->id == "route");
    CHECK(h->distance_px == doctest::Approx(18.5).epsilon(1e-3));  // 20 less the half width
    // 30 px off it: the area under the finger.
    h = tap(400, 530);
    REQUIRE(h.has_value());
    CHECK(h->kind == FeatureKind::polygon);
    // A tap between the line and a dot near it goes to the dot, the nearer of two dots.
    h = tap(705, 505);
    REQUIRE(h.has_value());
    CHECK(h->kind == FeatureKind::marker);
    CHECK(h->id == "site");
    h = tap(728, 520);
    REQUIRE(h.has_value());
    CHECK(h->id == "site-2");
    // In the hole, and outside everything: nothing.
    CHECK_FALSE(tap(1600, 900).has_value());
    CHECK_FALSE(tap(50, 50).has_value());
    // A smaller tolerance makes the same tap a miss.
    CHECK(render::hit_test(prepared, view, {400, 520}, 8)->kind == FeatureKind::polygon);
    // The Scene overload gives the same answer.
    CHECK(render::hit_test(scene, view, {400, 520})->id == "route");
}

TEST_CASE("an idle frame allocates nothing: the same view painted again into the same list") {
    const render::PreparedScene prepared = render::prepare_scene(comparison_scene());
    const render::Viewport view = render::scene_svg_view(prepared.scene, {1920, 1080, ""});
    PaintList list;
    render::paint_scene(prepared, view, list);
    const size_t points = list.points.size(), lines = list.lines.size(), labels = list.labels.size();
    REQUIRE(points > 0);
    const size_t before = testing::allocations();
    render::paint_scene(prepared, view, list);
    render::paint_scene(prepared, view.panned({3, -2}), list);
    const size_t after = testing::allocations();
    CHECK(after - before == 0);
    CHECK(list.lines.size() == lines);
    CHECK(list.labels.size() == labels);
    // The counter counts: one more paint into a new list does allocate.
    PaintList fresh;
    render::paint_scene(prepared, view, fresh);
    CHECK(testing::allocations() > after);
    CHECK(fresh.points.size() == points);
}

TEST_CASE("a colour that does not parse is named and drawn as nothing") {
    render::Scene scene;
    scene.polylines.push_back({"bad", "routes", "", {{{25, 121}, {25.1, 121.1}}}, render::Style{"teal", "", 3, 1, false, 0}});
    const auto prepared = render::prepare_scene(scene);
    REQUIRE(prepared.problems.size() == 1);
    CHECK(prepared.problems[0].find("polyline \"bad\" stroke: colour \"teal\"") == 0);
    PaintList p;
    render::paint_scene(prepared, render::fit_box({25, 121}, {25.1, 121.1}, 400, 300), p);
    CHECK(p.lines.empty());
}
