// A WGS84 position. Latitude first, as people say it; GeoJSON's [lon, lat] order is
// handled where GeoJSON is read and written, nowhere else.
#pragma once

namespace beitai::geo {

struct LatLon {
    double lat = 0;
    double lon = 0;
};

inline bool is_valid(LatLon p) {
    return p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180;
}

}  // namespace beitai::geo
