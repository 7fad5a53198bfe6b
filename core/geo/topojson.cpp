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

}  // namespace

Result<std::vector<Feature>> read_topojson(const text::Json& topology, const std::string& object_name,
                                           const std::string& source) {
    if (!topology.is_object() || topology.value("type", "") != "Topology")
        return Error{source + ": not a TopoJSON Topology"};
    if (!topology.contains("arcs") || !topology["arcs"].is_array()) return Error{source + ": arcs: missing"};
    if (!topology.contains("objects") || !topology["objects"].contains(object_name))
        return Error{source + ": objects." + object_name + ": missing"};
    Decoder d{topology["arcs"], 1, 1, 0, 0, false, {}};
    if (topology.contains("transform")) {
        const auto& t = topology["transform"];
        if (!t.contains("scale") || !t.contains("translate") || t["scale"].size() != 2 || t["translate"].size() != 2)
            return Error{source + ": transform: expected scale and translate pairs"};
        d.sx = t["scale"][0].get<double>();
        d.sy = t["scale"][1].get<double>();
        d.tx = t["translate"][0].get<double>();
        d.ty = t["translate"][1].get<double>();
        d.quantized = true;
    }
    const auto& object = topology["objects"][object_name];
    if (object.value("type", "") != "GeometryCollection" || !object.contains("geometries"))
        return Error{source + ": objects." + object_name + ": expected a GeometryCollection"};
    std::vector<Feature> features;
    const auto& geometries = object["geometries"];
    for (size_t i = 0; i < geometries.size(); ++i) {
        const auto& g = geometries[i];
        const std::string where = source + ": objects." + object_name + ".geometries[" + std::to_string(i) + "]";
        const std::string type = g.value("type", "");
        Feature f;
        if (g.contains("properties") && g["properties"].is_object()) f.properties = g["properties"];
        if (type == "Polygon") {
            f.geometry.type = GeometryType::polygon;
            f.geometry.polygons.push_back(d.polygon(g.value("arcs", text::Json())));
        } else if (type == "MultiPolygon") {
            f.geometry.type = GeometryType::multi_polygon;
            const text::Json& parts = g.value("arcs", text::Json());
            if (!parts.is_array()) d.error = "arcs: expected an array of polygons";
            else
                for (const auto& part : parts) f.geometry.polygons.push_back(d.polygon(part));
        } else {
            continue;  // boundaries only; points and lines are not part of an atlas of areas
        }
        if (!d.error.empty()) return Error{where + ": " + d.error};
        features.push_back(std::move(f));
    }
    return features;
}

}  // namespace beitai::geo
