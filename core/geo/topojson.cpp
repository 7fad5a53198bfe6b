#include "geo/topojson.h"

namespace beitai::geo {

namespace {

struct Decoder {
    const text::Json& arcs;
    double sx = 1, sy = 1, tx = 0, ty = 0;
    bool quantized = false;
    std::string error;

    // Arc `index` as positions, reversed when index < 0.
    Polyline arc(long long index) {
        const bool reversed = index < 0;
        const size_t i = static_cast<size_t>(reversed ? ~index : index);
        Polyline out;
        if (i >= arcs.size() || !arcs[i].is_array()) {
            error = "arc " + std::to_string(i) + " does not exist";
            return out;
        }
        double x = 0, y = 0;
        for (const auto& p : arcs[i]) {
            if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
                error = "arc " + std::to_string(i) + " has a malformed position";
                return {};
            }
            double px = p[0].get<double>(), py = p[1].get<double>();
            if (quantized) {
                x += px;
                y += py;
                px = x * sx + tx;
                py = y * sy + ty;
            }
            out.push_back({py, px});
        }
        if (reversed) std::reverse(out.begin(), out.end());
        return out;
    }

    Ring ring(const text::Json& indices) {
        Ring out;
        if (!indices.is_array()) {
            error = "a ring is not an array of arc indices";
            return out;
        }
        for (const auto& index : indices) {
            if (!index.is_number_integer()) {
                error = "an arc index is not an integer";
                return {};
            }
            Polyline part = arc(index.get<long long>());
            if (!error.empty()) return {};
            // Consecutive arcs share their joining position: drop the repeat.
            out.insert(out.end(), out.empty() ? part.begin() : part.begin() + (part.empty() ? 0 : 1), part.end());
        }
        return out;
    }

    Polygon polygon(const text::Json& rings) {
        Polygon out;
        if (!rings.is_array()) {
            error = "a polygon is not an array of rings";
            return out;
        }
        for (const auto& r : rings) {
            out.push_back(ring(r));
            if (!error.empty()) return {};
        }
        return out;
    }
};

// Members looked up without exceptions (the core is built without them): a member of
// another type than expected is treated as absent, and the caller says what it expected.
const text::Json* member(const text::Json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

std::string string_member(const text::Json& j, const char* key) {
    const text::Json* m = member(j, key);
    return m && m->is_string() ? m->get<std::string>() : std::string();
}

bool number_pair(const text::Json* j) {
    return j && j->is_array() && j->size() == 2 && (*j)[0].is_number() && (*j)[1].is_number();
}

}  // namespace

Result<std::vector<Feature>> read_topojson(const text::Json& topology, const std::string& object_name,
                                           const std::string& source) {
    if (string_member(topology, "type") != "Topology") return Error{source + ": not a TopoJSON Topology"};
    const text::Json* arcs = member(topology, "arcs");
    if (!arcs || !arcs->is_array()) return Error{source + ": arcs: missing"};
    const text::Json* objects = member(topology, "objects");
    const text::Json* object = objects ? member(*objects, object_name.c_str()) : nullptr;
    if (!object) return Error{source + ": objects." + object_name + ": missing"};
    Decoder d{*arcs, 1, 1, 0, 0, false, {}};
    if (const text::Json* t = member(topology, "transform")) {
        const text::Json* scale = member(*t, "scale");
        const text::Json* translate = member(*t, "translate");
        if (!number_pair(scale) || !number_pair(translate))
            return Error{source + ": transform: expected scale and translate pairs"};
        d.sx = (*scale)[0].get<double>();
        d.sy = (*scale)[1].get<double>();
        d.tx = (*translate)[0].get<double>();
        d.ty = (*translate)[1].get<double>();
        d.quantized = true;
    }
    const text::Json* geometries = member(*object, "geometries");
    if (string_member(*object, "type") != "GeometryCollection" || !geometries || !geometries->is_array())
        return Error{source + ": objects." + object_name + ": expected a GeometryCollection"};
    const text::Json none;
    std::vector<Feature> features;
    for (size_t i = 0; i < geometries->size(); ++i) {
        const auto& g = (*geometries)[i];
        const std::string where = source + ": objects." + object_name + ".geometries[" + std::to_string(i) + "]";
        const std::string type = string_member(g, "type");
        const text::Json* properties = member(g, "properties");
        const text::Json* g_arcs = member(g, "arcs");
        Feature f;
        if (properties && properties->is_object()) f.properties = *properties;
        if (type == "Polygon") {
            f.geometry.type = GeometryType::polygon;
            f.geometry.polygons.push_back(d.polygon(g_arcs ? *g_arcs : none));
        } else if (type == "MultiPolygon") {
            f.geometry.type = GeometryType::multi_polygon;
            if (!g_arcs || !g_arcs->is_array()) d.error = "arcs: expected an array of polygons";
            else
                for (const auto& part : *g_arcs) f.geometry.polygons.push_back(d.polygon(part));
        } else {
            continue;  // boundaries only; points and lines are not part of an atlas of areas
        }
        if (!d.error.empty()) return Error{where + ": " + d.error};
        features.push_back(std::move(f));
    }
    return features;
}

}  // namespace beitai::geo
