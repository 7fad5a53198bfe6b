// Geocoders' wire formats: the request for an address and the position in the answer. The
// asking (HTTP, pacing, keys) is site/'s (site/geocode/geocoder.h); what is asked and what
// an answer means is here, so both are tested in both builds.
//
//  - Nominatim and services compatible with it: GET <url>/search?q=<address>&format=json&limit=1
//    → [{"lat": "25.01", "lon": "121.53", …}, …] (strings or numbers); [] when not found.
//  - TGOS-style (the Ministry of the Interior's address service; we read a minimal shape):
//    GET <url>?oAddress=<address>&oSRS=EPSG:4326&oResultDataType=JSON (plus the keys the
//    config names) → {"AddressList": [{"X": 121.53, "Y": 25.01, …}]} (X longitude, Y latitude,
//    strings or numbers); an empty list when not found. TGOS's service wraps that JSON in an
//    XML <string> element: the JSON is taken from inside it.
#pragma once

#include <string>
#include <string_view>

#include "geo/latlon.h"
#include "text/url.h"
#include "text/result.h"

namespace beitai::content {

enum class GeocoderKind { nominatim, tgos };

// The address to ask for, as a geocoder finds it best: the postcode in front removed, 台
// written 臺 (both services know the official form).
std::string geocoder_address(const std::string& address);

// The request's URL: `base` (the service's address, without a query) and `extra` parameters
// (keys, …) before the address's.
std::string geocode_url(GeocoderKind kind, const std::string& base, const text::QueryParams& extra,
                        const std::string& address);

// The first position of an answer; an error when the answer is not the format, or says
// nothing was found ("not found").
Result<geo::LatLon> read_geocode_answer(GeocoderKind kind, std::string_view body);

}  // namespace beitai::content
