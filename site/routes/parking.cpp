// /api/parking, /api/parking/near, /api/parking/feeds and the live stream
// /api/parking/stream: reads of the ParkingHub's current snapshot, written by core/parking.
#include "parking/api_json.h"
#include "render/map_scene.h"
#include "text/decimal.h"
#include "routes/portal.h"

namespace beitai::site {

namespace {

// The whole query must be known: a typo must not silently widen an answer.
std::optional<std::string> unknown_parameter(const Request& request, std::initializer_list<const char*> known) {
    for (const auto& [k, v] : request.query) {
        bool ok = false;
        for (const char* name : known) ok = ok || k == name;
        if (ok) continue;
        std::string list;
        for (const char* name : known) list += std::string(list.empty() ? "" : ", ") + name;
        return "unknown parameter \"" + k + "\" (known: " + list + ")";
    }
    return std::nullopt;
}

// Plain decimals (text/decimal.h): "NaN", "inf" and "0x19" are not numbers here.
std::optional<double> number(const std::string& text) { return text::parse_decimal(text); }

Response no_feeds() {
    return Response::json_error(404, "this server polls no parking feeds (start it with --feeds FILE or URL)");
}

}  // namespace

Response Portal::api_parking_feeds(const Call& call) {
    const Request& request = call.request;
    if (!parking_) return no_feeds();
    const auto snapshot = parking_->snapshot();
    const std::int64_t now = call.now;
    if (auto bad = unknown_parameter(request, {})) return Response::json_error(400, *bad);
    return Response::json(200, text::to_json_text(parking::feeds_json(*snapshot, now)));
}

Response Portal::api_parking_near(const Call& call) {
    const Request& request = call.request;
    if (!parking_) return no_feeds();
    const auto snapshot = parking_->snapshot();
    const std::int64_t now = call.now;
    if (auto bad = unknown_parameter(request, {"lat", "lon", "n", "within_m"})) return Response::json_error(400, *bad);
    std::string lat, lon, n_text = "5", within_text = "5000";
    for (const auto& [k, v] : request.query) {
        if (k == "lat") lat = v;
        if (k == "lon") lon = v;
        if (k == "n") n_text = v;
        if (k == "within_m") within_text = v;
    }
    if (lat.empty() || lon.empty()) return Response::json_error(400, "lat and lon are required, e.g. ?lat=25.0478&lon=121.5170");
    if (!number(lat)) return Response::json_error(400, "lat: \"" + lat + "\" is not a number");
    if (!number(lon)) return Response::json_error(400, "lon: \"" + lon + "\" is not a number");
    auto at = render::parse_point(lat + "," + lon, "lat,lon");
    if (!at) return Response::json_error(400, at.error());
    auto n = number(n_text);
    if (!n || *n < 1 || *n > 50 || *n != static_cast<int>(*n))
        return Response::json_error(400, "n: expected a whole number from 1 to 50, got \"" + n_text + "\"");
    auto within = number(within_text);
    if (!within || *within <= 0 || *within > 50000)
        return Response::json_error(400, "within_m: expected metres from 1 to 50000, got \"" + within_text + "\"");
    auto nearby = snapshot->nearest_with_space(*at, static_cast<std::size_t>(*n), *within);
    return Response::json(200, text::to_json_text(parking::near_json(*snapshot, nearby, *at, now)));
}

Response Portal::api_parking_stream(const Call& call) {
    const Request& request = call.request;
    if (!parking_) return no_feeds();
    if (auto bad = unknown_parameter(request, {})) return Response::json_error(400, *bad);
    // How many streams one server holds is the server's to say (--max-streams: 503 past it).
    Response r;
    r.content_type = "text/event-stream; charset=utf-8";
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("X-Accel-Buffering", "no");  // nginx: pass events on at once
    r.events = std::make_shared<EventStream>();
    // First, how long to wait before reconnecting and that the stream is live; then
    // every change as it is taken from a feed.
    r.events->push(std::make_shared<const std::string>("retry: 2000\n\n" + EventStream::format("hello", "{}")));
    std::weak_ptr<EventStream> weak = r.events;
    const int id = parking_->subscribe([weak](const std::shared_ptr<const std::string>& event) {
        if (auto s = weak.lock()) s->push(event);
    });
    ParkingHub* hub = parking_;
    r.events->on_close([hub, id] { hub->unsubscribe(id); });
    return r;
}

// /api/parking?bbox=west,south,east,north (everything without a box)
Response Portal::api_parking(const Call& call) {
    const Request& request = call.request;
    if (!parking_) return no_feeds();
    const auto snapshot = parking_->snapshot();
    const std::int64_t now = call.now;
    if (auto bad = unknown_parameter(request, {"bbox"})) return Response::json_error(400, *bad);
    std::vector<std::size_t> indices;
    auto view = render::parse_map_view(request.query);
    if (!view) return Response::json_error(400, view.error());
    const std::string key = view->bbox ? text::to_query_string(render::to_params(*view)) : std::string("all");
    return Response::json(200, parking_->cached(snapshot, now, key, [&] {
        if (view->bbox) {
            indices = snapshot->within(*view->bbox);
        } else {
            for (std::size_t i = 0; i < snapshot->car_parks().size(); ++i) indices.push_back(i);
        }
        return text::to_json_text(parking::parking_json(*snapshot, indices, now));
    }));
}

}  // namespace beitai::site
