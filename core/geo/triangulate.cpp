// Ear clipping with holes. The rings become one circular list of vertices: the outer ring
// counter-clockwise, each hole clockwise and joined to it by a two-way cut (a "bridge",
// after D. Eberly, "Triangulation by Ear Clipping"), so the polygon is one weakly simple
// ring. Then ears — a convex vertex whose triangle holds no other vertex — are cut off one
// by one.
//
// Index of this file:
// [SECTION] Vertex list
// [SECTION] Holes
// [SECTION] Ears

#include "geo/triangulate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace beitai::geo {

// -----------------------------------------------------------------------------------------
// [SECTION] Vertex list
// -----------------------------------------------------------------------------------------

namespace {

struct Node {
    double x = 0, y = 0;
    std::uint32_t index = 0;  // into the caller's points; a bridge's copies share it
    int prev = -1, next = -1;
};

// > 0 when c lies to the left of a→b (a counter-clockwise turn a, b, c).
double cross(const Node& a, const Node& b, const Node& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool same_place(const Node& a, const Node& b) { return a.x == b.x && a.y == b.y; }

// Inclusive: a point on an edge or a corner is inside (a vertex there may block the ear).
bool in_triangle(const Node& a, const Node& b, const Node& c, const Node& p) {
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

class VertexList {
public:
    explicit VertexList(size_t capacity) { nodes_.reserve(capacity); }

    Node& operator[](int i) { return nodes_[static_cast<size_t>(i)]; }
    const Node& operator[](int i) const { return nodes_[static_cast<size_t>(i)]; }

    // Links points[begin, end) into a ring wound counter-clockwise or clockwise, dropping
    // repeated points (and a closing copy of the first). Returns a vertex of the ring, or
    // -1 when fewer than three distinct points remain.
    int add_ring(const std::vector<Projected>& points, size_t begin, size_t end, bool counter_clockwise,
                 Projected origin) {
        const bool reverse = (twice_signed_area(points, begin, end) > 0) != counter_clockwise;
        int first = -1, last = -1, count = 0;
        for (size_t k = begin; k < end; ++k) {
            const size_t i = reverse ? end - 1 - (k - begin) : k;
            Node n;
            n.x = points[i].x - origin.x;
            n.y = points[i].y - origin.y;
            n.index = static_cast<std::uint32_t>(i);
            if (last >= 0 && same_place(nodes_[static_cast<size_t>(last)], n)) continue;
            const int id = static_cast<int>(nodes_.size());
            nodes_.push_back(n);
            if (last >= 0) {
                nodes_[static_cast<size_t>(last)].next = id;
                nodes_.back().prev = last;
            } else {
                first = id;
            }
            last = id;
            ++count;
        }
        if (count > 1 && same_place(nodes_[static_cast<size_t>(first)], nodes_[static_cast<size_t>(last)])) {
            last = nodes_[static_cast<size_t>(last)].prev;  // the closing copy: leave it unlinked
            --count;
        }
        if (count < 3) return -1;
        nodes_[static_cast<size_t>(last)].next = first;
        nodes_[static_cast<size_t>(first)].prev = last;
        return first;
    }

    // A copy of vertex i, not yet linked: a bridge passes each of its ends twice.
    int copy(int i) {
        Node n = nodes_[static_cast<size_t>(i)];
        nodes_.push_back(n);
        return static_cast<int>(nodes_.size()) - 1;
    }

    void unlink(int i) {
        Node& n = nodes_[static_cast<size_t>(i)];
        nodes_[static_cast<size_t>(n.prev)].next = n.next;
        nodes_[static_cast<size_t>(n.next)].prev = n.prev;
    }

    double turn(int i) const {
        const Node& n = nodes_[static_cast<size_t>(i)];
        return cross(nodes_[static_cast<size_t>(n.prev)], n, nodes_[static_cast<size_t>(n.next)]);
    }

    // Whether the direction from vertex i towards p leaves i into the polygon's inside
    // (counter-clockwise ring: the inside is on the left of each edge).
    bool leads_inside(int i, const Node& p) const {
        const Node& a = nodes_[static_cast<size_t>(nodes_[static_cast<size_t>(i)].prev)];
        const Node& b = nodes_[static_cast<size_t>(i)];
        const Node& c = nodes_[static_cast<size_t>(b.next)];
        if (cross(a, b, c) >= 0) return cross(a, b, p) > 0 && cross(b, c, p) > 0;  // convex corner
        return cross(a, b, p) > 0 || cross(b, c, p) > 0;                           // reflex corner
    }

private:
    std::vector<Node> nodes_;
};

// -----------------------------------------------------------------------------------------
// [SECTION] Holes
// -----------------------------------------------------------------------------------------

// The outer vertex that hole vertex m (the hole's rightmost) can see: cast a ray from m
// towards +x, take the nearest edge it crosses, then the edge's end furthest along the
// ray, unless a reflex vertex inside the triangle (m, crossing, end) hides it — then the
// one of those nearest the ray's direction. -1 when the ray meets nothing (a hole outside
// its outer ring: bad data, left unfilled-around rather than guessed at).
int find_bridge(const VertexList& v, int outer, int m) {
    const Node& M = v[m];
    double best_x = std::numeric_limits<double>::infinity();
    int edge = -1;
    int p = outer;
    do {
        const Node& a = v[p];
        const Node& b = v[a.next];
        // Only edges going up: on a counter-clockwise ring (and a clockwise hole already
        // joined to it) those are the ones with the inside to their left, towards m.
        if (a.y <= M.y && M.y <= b.y && a.y < b.y) {
            const double x = a.x + (M.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (x >= M.x && x < best_x) {
                best_x = x;
                edge = p;
            }
        }
        p = a.next;
    } while (p != outer);
    if (edge < 0) return -1;

    const Node& a = v[edge];
    const Node& b = v[a.next];
    int candidate = a.x > b.x ? edge : a.next;
    if (b.x == best_x && b.y == M.y) candidate = a.next;
    if (a.x == best_x && a.y == M.y) candidate = edge;
    Node hit;
    hit.x = best_x;
    hit.y = M.y;

    // Reflex vertices inside the triangle m, hit, candidate would cut the bridge.
    const Node& c = v[candidate];
    const bool upper = c.y >= M.y;
    int chosen = candidate;
    double best_tan = std::numeric_limits<double>::infinity(), best_d = best_tan;
    p = outer;
    do {
        const Node& r = v[p];
        if (p != candidate && r.x >= M.x && v.turn(p) <= 0) {
            const bool inside = upper ? in_triangle(M, hit, c, r) : in_triangle(M, c, hit, r);
            if (inside && v.leads_inside(p, M)) {
                const double dx = r.x - M.x, dy = std::fabs(r.y - M.y);
                const double tan = dx > 0 ? dy / dx : std::numeric_limits<double>::infinity();
                const double d = dx * dx + dy * dy;
                if (tan < best_tan || (tan == best_tan && d < best_d)) {
                    best_tan = tan;
                    best_d = d;
                    chosen = p;
                }
            }
        }
        p = r.next;
    } while (p != outer);

    // An earlier bridge may have left two vertices at the chosen place: take the one whose
    // corner opens towards m, or the new cut would cross the old one.
    p = outer;
    do {
        if (same_place(v[p], v[chosen]) && v.leads_inside(p, M)) return p;
        p = v[p].next;
    } while (p != outer);
    return chosen;
}

// Joins hole vertex m to outer vertex o: … o → m → (around the hole) → m′ → o′ → …
void bridge(VertexList& v, int o, int m) {
    const int o2 = v.copy(o), m2 = v.copy(m);
    const int o_next = v[o].next, m_prev = v[m].prev;
    v[o].next = m;
    v[m].prev = o;
    v[m_prev].next = m2;
    v[m2].prev = m_prev;
    v[m2].next = o2;
    v[o2].prev = m2;
    v[o2].next = o_next;
    v[o_next].prev = o2;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Ears
// -----------------------------------------------------------------------------------------

// Stages, each tried only when the one before finds no ear all the way round the ring:
// 0 the textbook test (no reflex vertex in the triangle, a copy of the ear's first corner
//   aside); 1 copies of any corner aside (bridges put two vertices at one place);
// 2 any convex corner (a self-crossing ring has no true ear); 3 any corner at all.
bool is_ear(const VertexList& v, int b, int stage) {
    const Node& B = v[b];
    const Node& A = v[B.prev];
    const Node& C = v[B.next];
    const double area = cross(A, B, C);
    if (stage >= 3) return true;
    if (area <= 0) return false;
    if (stage == 2) return true;
    const double min_x = std::min({A.x, B.x, C.x}), max_x = std::max({A.x, B.x, C.x});
    const double min_y = std::min({A.y, B.y, C.y}), max_y = std::max({A.y, B.y, C.y});
    for (int p = C.next; p != B.prev; p = v[p].next) {
        const Node& P = v[p];
        if (P.x < min_x || P.x > max_x || P.y < min_y || P.y > max_y) continue;
        if (same_place(P, A) || (stage >= 1 && (same_place(P, B) || same_place(P, C)))) continue;
        if (v.turn(p) <= 0 && in_triangle(A, B, C, P)) return false;
    }
    return true;
}

}  // namespace

double twice_signed_area(const std::vector<Projected>& points, size_t begin, size_t end) {
    double sum = 0;
    if (end - begin < 3) return 0;
    const Projected o = points[begin];  // relative to a point of the ring: no cancellation
    for (size_t i = begin; i < end; ++i) {
        const Projected& a = points[i];
        const Projected& b = points[i + 1 < end ? i + 1 : begin];
        sum += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
    }
    return sum;
}

std::vector<std::uint32_t> triangulate(const std::vector<Projected>& points, const std::vector<size_t>& ring_starts) {
    std::vector<std::uint32_t> out;
    if (ring_starts.empty() || points.size() < 3) return out;
    auto ring_end = [&](size_t r) { return r + 1 < ring_starts.size() ? ring_starts[r + 1] : points.size(); };
    // Coordinates relative to the first point: Web Mercator metres are ~10⁷ and the
    // differences that decide a turn are a few metres.
    const Projected origin = points[ring_starts[0]];
    VertexList v(points.size() + 2 * ring_starts.size());
    int outer = v.add_ring(points, ring_starts[0], ring_end(0), true, origin);
    if (outer < 0) return out;

    // Holes from the rightmost in: a later hole's ray may then meet an earlier one, already
    // part of the ring, as it should.
    std::vector<int> holes;
    for (size_t r = 1; r < ring_starts.size(); ++r) {
        int h = v.add_ring(points, ring_starts[r], ring_end(r), false, origin);
        if (h < 0) continue;
        int rightmost = h;
        for (int p = v[h].next; p != h; p = v[p].next)
            if (v[p].x > v[rightmost].x || (v[p].x == v[rightmost].x && v[p].y < v[rightmost].y)) rightmost = p;
        holes.push_back(rightmost);
    }
    std::sort(holes.begin(), holes.end(), [&](int a, int b) { return v[a].x > v[b].x; });
    for (int m : holes) {
        const int o = find_bridge(v, outer, m);
        if (o >= 0) bridge(v, o, m);
    }

    size_t count = 1;
    for (int p = v[outer].next; p != outer; p = v[p].next) ++count;
    out.reserve(3 * count);
    int ear = outer, stop = outer, stage = 0;
    while (count > 2) {
        const int a = v[ear].prev, c = v[ear].next;
        const double area = v.turn(ear);
        if (area == 0 || is_ear(v, ear, stage)) {
            // A vertex in line with its neighbours (or a repeat) goes without a triangle.
            if (area > 0) {
                out.push_back(v[a].index);
                out.push_back(v[ear].index);
                out.push_back(v[c].index);
            }
            v.unlink(ear);
            --count;
            if (outer == ear) outer = c;
            ear = stop = c;
            stage = 0;
            continue;
        }
        ear = c;
        if (ear == stop) ++stage;  // once round without an ear: relax the test
    }
    return out;
}

}  // namespace beitai::geo
