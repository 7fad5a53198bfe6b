// The feed simulator (see simulator.h for what it serves and why).
//
// Index of this file:
// [SECTION] Availability over time (pure)
// [SECTION] Documents and faults
// [SECTION] Requests: data, token, control
#include "simulator/simulator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <regex>
#include <sstream>

#include "parking/county_write.h"
#include "parking/tdx_write.h"
#include "text/date.h"
#include "text/url.h"

namespace beitai::site::feeds {

using parking::Availability;
using parking::AvailabilityList;
using parking::CarPark;
using parking::CarParkList;
using parking::Fullness;
using parking::Service;
using Json = nlohmann::json;

namespace {

constexpr const char* kCarParkKind = "CarPark";
constexpr const char* kAvailabilityKind = "ParkingAvailability";
// The counties' own open data, at the paths their servers use (Taipei's TCMSV files on the
// city's blob store; Yilan's API under a path of ours).
constexpr const char* kTaipeiCarParksPath = "/blobtcmsv/TCMSV_alldesc.json";
constexpr const char* kTaipeiAvailabilityPath = "/blobtcmsv/TCMSV_allavailable.json";
constexpr const char* kYilanPath = "/yilan/parking";
constexpr auto kSlow = std::chrono::seconds(3);
constexpr auto kHang = std::chrono::hours(1);
constexpr std::size_t kHugePiece = 64 * 1024;

// ----------------------------------------------------------------------------------------
// [SECTION] Availability over time (pure)
// ----------------------------------------------------------------------------------------

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint64_t hash_text(const std::string& s) {  // FNV-1a
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
    return h;
}

double unit(std::uint64_t h) { return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Spaces by type (car, disabled car, EV car) and the overall figures from one available count.
void fill_counts(Availability& a, const CarPark& c, std::optional<int> available) {
    const int total = c.total_spaces.value_or(100);
    const int disabled = std::max(1, total / 50);
    const int ev = c.ev_charging ? std::max(2, total / 25) : 0;
    const int cars = std::max(0, total - disabled - ev);
    a.total_spaces = total;
    a.by_type.clear();
    if (!available) {
        a.available_spaces.reset();
        a.by_type.push_back({1, cars, std::nullopt});
        a.by_type.push_back({9, disabled, std::nullopt});
        if (ev) a.by_type.push_back({11, ev, std::nullopt});
        return;
    }
    const int n = std::max(0, *available);
    const int disabled_free = std::min(disabled, static_cast<int>(std::lround(double(n) * disabled / std::max(1, total))));
    const int ev_free = std::min(ev, static_cast<int>(std::lround(double(n) * ev / std::max(1, total))));
    const int cars_free = std::max(0, n - disabled_free - ev_free);
    a.available_spaces = cars_free + disabled_free + ev_free;
    a.by_type.push_back({1, cars, cars_free});
    a.by_type.push_back({9, disabled, disabled_free});
    if (ev) a.by_type.push_back({11, ev, ev_free});
}

Fullness fullness_of(const Availability& a) {
    if (!a.available_spaces || a.service != Service::open) return Fullness::unknown;
    const int total = a.total_spaces.value_or(100);
    if (*a.available_spaces == 0) return Fullness::full;
    if (*a.available_spaces < std::max(3, total * 8 / 100)) return Fullness::nearly_full;
    return Fullness::space;
}

}  // namespace

Availability simulated_availability(const CarPark& c, std::int64_t step, int step_seconds) {
    const std::uint64_t h = hash_text(c.county + "/" + c.id);
    const auto s = static_cast<std::uint64_t>(step);
    // Occupancy: a per-car-park base level and a slow wave (12–60 steps long), with noise;
    // one car park in six runs near capacity and fills up at the top of its wave.
    const bool busy = h % 6 == 0;
    const double base = busy ? 0.9 : 0.35 + 0.5 * unit(mix(h ^ 1));
    const double period = 12 + 48 * unit(mix(h ^ 2));
    const double phase = period * unit(mix(h ^ 3));
    const double wave = std::sin(2 * 3.14159265358979 * (static_cast<double>(step) + phase) / period);
    const double noise = unit(mix(h ^ mix(s))) - 0.5;
    const double occupied = std::clamp(base + 0.22 * wave + 0.08 * noise, 0.0, 1.0);
    const int total = c.total_spaces.value_or(100);

    Availability a;
    a.car_park_id = c.id;
    a.service = Service::open;
    std::optional<int> available = static_cast<int>(std::lround(total * (1 - occupied)));
    // Now and then, for a stretch of steps: suspended (one in 40 per 24-step window) or a
    // sensor that reports nothing (-1; one in 50 per 16-step window).
    if (mix(h ^ mix(static_cast<std::uint64_t>(floor_div(step, 24)) + 101)) % 40 == 0) {
        a.service = Service::suspended;
        available = 0;
    } else if (mix(h ^ mix(static_cast<std::uint64_t>(floor_div(step, 16)) + 202)) % 50 == 0) {
        available.reset();
    }
    fill_counts(a, c, available);
    a.fullness = fullness_of(a);
    // Collected a little before the step's end, as a county's server would have polled it:
    // up to two steps (at most 20 s) earlier, so that short test steps keep data fresh.
    const std::uint64_t lag = static_cast<std::uint64_t>(std::min(20, 2 * step_seconds));
    a.collected_at = step * step_seconds - static_cast<std::int64_t>(h % lag);
    a.collected = text::to_iso_datetime_taipei(*a.collected_at);
    return a;
}

const char* fault_name(Fault f) {
    switch (f) {
        case Fault::none: return "none";
        case Fault::slow: return "slow";
        case Fault::hang: return "hang";
        case Fault::http500: return "http500";
        case Fault::truncated: return "truncated";
        case Fault::malformed: return "malformed";
        case Fault::wrong_types: return "wrong_types";
        case Fault::huge: return "huge";
        case Fault::empty: return "empty";
    }
    return "none";
}

std::optional<Fault> parse_fault(const std::string& name) {
    for (Fault f : {Fault::none, Fault::slow, Fault::hang, Fault::http500, Fault::truncated, Fault::malformed,
                    Fault::wrong_types, Fault::huge, Fault::empty})
        if (name == fault_name(f)) return f;
    return std::nullopt;
}

// ----------------------------------------------------------------------------------------
// [SECTION] Documents and faults
// ----------------------------------------------------------------------------------------

namespace {

const char* content_type(bool xml) { return xml ? "application/xml; charset=utf-8" : "application/json; charset=utf-8"; }

Response document(int status, std::string body, bool xml) {
    Response r;
    r.status = status;
    r.content_type = content_type(xml);
    r.body = std::move(body);
    return r;
}

// Where the items sit in a document of to_tdx_json / to_tdx_xml: the text before the first
// item and after the last, so a huge document can be made of many batches' items.
struct Frame {
    std::string head, tail;
};

Frame frame_of(const std::string& doc, const std::string& list_element, bool xml) {
    if (list_element.empty()) return {"[", "]"};  // a bare array (Yilan's)
    if (xml) {
        const std::string open = "<" + list_element + ">\n", close = "  </" + list_element + ">\n";
        const auto start = doc.find(open) + open.size();
        return {doc.substr(0, start), doc.substr(doc.rfind(close))};
    }
    const std::string open = "\"" + list_element + "\":[";
    const auto start = doc.find(open) + open.size();
    return {doc.substr(0, start), doc.substr(doc.rfind(']'))};
}

std::string items_text(const std::string& doc, const std::string& list_element, bool xml) {
    const Frame f = frame_of(doc, list_element, xml);
    return doc.substr(f.head.size(), doc.size() - f.head.size() - f.tail.size());
}

// Pieces of a document of `target` bytes or more: the head, batches of items, the tail.
struct HugeBody {
    Frame frame;
    std::function<std::string(std::uint64_t)> batch;  // the items of batch n, as text
    bool xml = false;
    std::uint64_t target = 0;
    std::uint64_t produced = 0;
    std::uint64_t batches = 0;
    int phase = 0;  // 0 head, 1 items, 2 done

    bool next(std::string& piece) {
        if (phase == 2) return false;
        if (phase == 0) {
            piece = frame.head;
            phase = 1;
        } else if (produced >= target) {
            piece = frame.tail;
            phase = 2;
        } else {
            if (batches > 0 && !xml) piece += ',';
            piece += batch(batches++);
        }
        produced += piece.size();
        return true;
    }
};

// The count `field` of every item as objects and booleans, alternately.
void wrong_types(Json& items, const char* field) {
    if (!items.is_array()) return;
    size_t i = 0;
    for (auto& item : items) {
        const Json value = item.value(field, Json(0));
        item[field] = i++ % 2 == 0 ? Json{{"value", value}} : Json(true);
        if (item.contains("Availabilities"))
            for (auto& entry : item["Availabilities"]) entry["AvailableSpaces"] = false;
    }
}

// AvailableSpaces (or TotalSpaces) as objects and booleans, alternately.
std::string wrong_types_json(const std::string& doc, bool car_parks) {
    Json j = Json::parse(doc, nullptr, false);
    const char* list = car_parks ? "CarParks" : "ParkingAvailabilities";
    if (j.is_discarded() || !j.contains(list)) return doc;
    wrong_types(j[list], car_parks ? "TotalSpaces" : "AvailableSpaces");
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The same in the counties' own documents: Taipei's totalcar / availablecar, Yilan's AvailableCar.
std::string wrong_types_county_json(const std::string& doc, bool taipei, bool car_parks) {
    Json j = Json::parse(doc, nullptr, false);
    if (j.is_discarded()) return doc;
    if (!taipei) wrong_types(j, "AvailableCar");
    else if (j.contains("data") && j["data"].contains("park")) wrong_types(j["data"]["park"], car_parks ? "totalcar" : "availablecar");
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string wrong_types_xml(const std::string& doc, bool car_parks) {
    const std::string field = car_parks ? "TotalSpaces" : "AvailableSpaces";
    const std::regex number("<" + field + ">(-?[0-9]+)</" + field + ">");
    std::string out;
    size_t i = 0;
    auto last = doc.cbegin();
    for (std::sregex_iterator it(doc.begin(), doc.end(), number), end; it != end; ++it) {
        out.append(last, (*it)[0].first);
        out += i++ % 2 == 0 ? "<" + field + "><Value>" + (*it)[1].str() + "</Value></" + field + ">"
                            : "<" + field + ">true</" + field + ">";
        last = (*it)[0].second;
    }
    out.append(last, doc.cend());
    return out;
}

// Cut two thirds in and finished with what no parser takes.
std::string malformed(const std::string& doc, bool xml) {
    std::string out = doc.substr(0, doc.size() * 2 / 3);
    out += xml ? "<CarParkID>broken</Wrong>&bogus;<" : "\"CarParkID\": ,, {]";
    return out;
}

}  // namespace

FeedSimulator::FeedSimulator(std::vector<std::string> counties, std::vector<CarPark> car_parks, SimulatorOptions options,
                             std::function<std::int64_t()> now)
    : counties_(std::move(counties)), options_(std::move(options)), now_(std::move(now)) {
    options_.step_seconds = std::max(1, options_.step_seconds);
    for (const auto& county : counties_) by_county_[county];
    for (auto& c : car_parks)
        if (by_county_.count(c.county)) by_county_[c.county].push_back(std::move(c));
    started_ = now_();
}

CarParkList FeedSimulator::car_park_list(const std::string& city) const {
    const bool no_live =
        std::find(options_.no_live.begin(), options_.no_live.end(), city) != options_.no_live.end();
    CarParkList list;
    list.updated_at = started_ - started_ % 3600;  // static data: refreshed hourly
    list.update_time = text::to_iso_datetime_taipei(*list.updated_at);
    list.car_parks = by_county_.at(city);
    if (no_live)
        for (auto& c : list.car_parks) c.live_data = false;
    return list;
}

AvailabilityList FeedSimulator::availability_list(const std::string& city, bool live_only) const {
    const std::int64_t step = floor_div(now_(), options_.step_seconds);
    AvailabilityList list;
    list.updated_at = step * options_.step_seconds;
    list.update_time = text::to_iso_datetime_taipei(*list.updated_at);
    list.update_interval_s = options_.step_seconds;
    list.src_update_interval_s = options_.step_seconds;
    const bool no_live =
        std::find(options_.no_live.begin(), options_.no_live.end(), city) != options_.no_live.end();
    if (live_only && no_live) return list;
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& c : by_county_.at(city)) {
        if (live_only && !c.live_data) continue;
        Availability a = simulated_availability(c, step, options_.step_seconds);
        if (auto pin = pins_.find({city, c.id}); pin != pins_.end()) {
            a.service = Service::open;
            fill_counts(a, c, pin->second < 0 ? std::nullopt : std::optional<int>(pin->second));
            a.fullness = fullness_of(a);
        }
        list.items.push_back(std::move(a));
    }
    return list;
}

// A county's document in `format`: TDX's JSON or XML of one list, Taipei's of one list, or
// Yilan's of both.
std::string FeedSimulator::written(Format format, bool parks, const CarParkList& car_parks, const AvailabilityList& live) {
    switch (format) {
        case Format::json: return parks ? parking::to_tdx_json(car_parks) : parking::to_tdx_json(live);
        case Format::xml: return parks ? parking::to_tdx_xml(car_parks) : parking::to_tdx_xml(live);
        case Format::taipei: return parks ? parking::to_taipei_json(car_parks) : parking::to_taipei_json(live);
        case Format::yilan: break;
    }
    return parking::to_yilan_json(car_parks, live);
}

// The member holding the items ("" for a bare array).
std::string FeedSimulator::list_element(Format format, bool parks) {
    switch (format) {
        case Format::json:
        case Format::xml: return parks ? "CarParks" : "ParkingAvailabilities";
        case Format::taipei: return "park";
        case Format::yilan: break;
    }
    return {};
}

// The `huge` fault: every car park of the county again and again under new ids, one batch of
// items per piece: only the current piece is in memory, whatever the size. (Yilan's items pair
// each car park with its availability: the k-th of each batch share an id.)
Response FeedSimulator::huge_document(bool parks, const std::string& city, Format format) const {
    const bool xml = format == Format::xml;
    auto body = std::make_shared<HugeBody>();
    body->xml = xml;
    body->target = options_.huge_bytes;
    const std::string element = list_element(format, parks);
    CarParkList park_template = car_park_list(city), no_parks = park_template;
    AvailabilityList live_template = availability_list(city, false), no_live = live_template;
    no_parks.car_parks.clear();
    no_live.items.clear();
    body->frame = frame_of(written(format, parks, no_parks, no_live), element, xml);
    body->batch = [park_template, live_template, no_parks, no_live, format, parks, element, xml](std::uint64_t n) {
        CarParkList batch_parks = no_parks;
        AvailabilityList batch_live = no_live;
        const size_t per_round = parks ? park_template.car_parks.size() : live_template.items.size();
        for (size_t round = 0; per_round > 0 && round * per_round * 300 < kHugePiece; ++round) {
            for (size_t k = 0; k < park_template.car_parks.size(); ++k) {
                CarPark c = park_template.car_parks[k];
                c.id += "-H" + std::to_string(n) + "-" + std::to_string(round * per_round + k);
                batch_parks.car_parks.push_back(std::move(c));
            }
            for (size_t k = 0; k < live_template.items.size(); ++k) {
                Availability a = live_template.items[k];
                a.car_park_id += "-H" + std::to_string(n) + "-" + std::to_string(round * per_round + k);
                batch_live.items.push_back(std::move(a));
            }
        }
        return items_text(written(format, parks, batch_parks, batch_live), element, xml);
    };
    Response r = document(200, {}, xml);
    r.stream = [body](std::string& piece) { return body->next(piece); };
    return r;
}

Response FeedSimulator::faulty(Fault fault, const std::string& kind, const std::string& city, Format format) const {
    const bool xml = format == Format::xml;
    const bool parks = kind == kCarParkKind;
    auto normal = [&] {
        // Yilan's one document holds both lists; the others one of them.
        CarParkList car_parks;
        AvailabilityList live;
        if (parks || format == Format::yilan) car_parks = car_park_list(city);
        if (!parks || format == Format::yilan) live = availability_list(city, true);
        if (fault == Fault::empty) {
            car_parks.car_parks.clear();
            live.items.clear();
        }
        return written(format, parks, car_parks, live);
    };
    switch (fault) {
        case Fault::none:
        case Fault::empty: return document(200, normal(), xml);
        case Fault::slow: {
            Response r = document(200, normal(), xml);
            r.delay = kSlow;
            return r;
        }
        case Fault::hang: {
            Response r = document(200, normal(), xml);
            r.delay = kHang;
            return r;
        }
        case Fault::http500: {
            Response r = Response::json(500, R"({"Message":"An error has occurred."})");
            return r;
        }
        case Fault::truncated: {
            // The whole document's Content-Length, half of its bytes, then the connection closes.
            auto full = std::make_shared<std::string>(normal());
            Response r = document(200, {}, xml);
            r.stream_length = full->size();
            auto sent = std::make_shared<bool>(false);
            r.stream = [full, sent](std::string& piece) {
                if (*sent) return false;
                piece = full->substr(0, full->size() / 2);
                *sent = true;
                return true;
            };
            return r;
        }
        case Fault::malformed: return document(200, malformed(normal(), xml), xml);
        case Fault::wrong_types: {
            const std::string doc = normal();
            switch (format) {
                case Format::xml: return document(200, wrong_types_xml(doc, parks), xml);
                case Format::json: return document(200, wrong_types_json(doc, parks), xml);
                case Format::taipei:
                case Format::yilan: break;
            }
            return document(200, wrong_types_county_json(doc, format == Format::taipei, parks), xml);
        }
        case Fault::huge: return huge_document(parks, city, format);
    }
    return document(200, normal(), xml);
}

// ----------------------------------------------------------------------------------------
// [SECTION] Requests: data, token, control
// ----------------------------------------------------------------------------------------

namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(path);
    while (std::getline(in, part, '/'))
        if (!part.empty()) parts.push_back(part);
    return parts;
}

std::string query_value(const QueryParams& q, const std::string& name) {
    for (const auto& [k, v] : q)
        if (k == name) return v;
    return {};
}

bool is_loopback(const std::string& address) {
    return address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1";
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

Response tdx_error(int status, const std::string& message) {
    return Response::json(status, Json{{"Message", message}}.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace

Response FeedSimulator::handle(const Request& request) {
    auto parts = split_path(request.path);
    if (parts.size() >= 2 && parts[0] == "api" && parts[1] == "basic") parts.erase(parts.begin(), parts.begin() + 2);
    // /v1/Parking/OffStreet/{CarPark|ParkingAvailability}/City/{City}
    if (parts.size() == 6 && parts[0] == "v1" && parts[1] == "Parking" && parts[2] == "OffStreet" && parts[4] == "City" &&
        (parts[3] == kCarParkKind || parts[3] == kAvailabilityKind)) {
        if (request.method != "GET") return tdx_error(405, "only GET is served here");
        return data(request, parts[3], parts[5]);
    }
    if (request.path == kTaipeiCarParksPath || request.path == kTaipeiAvailabilityPath || request.path == kYilanPath) {
        if (request.method != "GET") return tdx_error(405, "only GET is served here");
        if (request.path == kYilanPath) return serve(request, "YilanCounty", kAvailabilityKind, Format::yilan);
        return serve(request, "Taipei", request.path == kTaipeiCarParksPath ? kCarParkKind : kAvailabilityKind, Format::taipei);
    }
    if (request.path == "/auth/realms/TDXConnect/protocol/openid-connect/token") {
        if (request.method != "POST") return tdx_error(405, "POST the client credentials");
        return token(request);
    }
    if (!parts.empty() && parts[0] == "control") {
        if (!is_loopback(request.remote_address)) return Response::json_error(403, "control endpoints are for loopback only");
        return control(request, parts);
    }
    return tdx_error(404, "no such resource in the feed simulator: " + request.path);
}

Response FeedSimulator::data(const Request& request, const std::string& kind, const std::string& city) {
    if (!by_county_.count(city)) return tdx_error(404, "unknown City \"" + city + "\"");
    const std::string format_name = upper(query_value(request.query, "$format"));
    if (!format_name.empty() && format_name != "JSON" && format_name != "XML")
        return tdx_error(400, "$format must be JSON or XML");
    return serve(request, city, kind, format_name == "XML" ? Format::xml : Format::json);
}

// A county's document in `format`, with the county's fault if one is set. Only TDX's paths
// ask for a token (--require-token): the counties' own servers publish without one.
Response FeedSimulator::serve(const Request& request, const std::string& city, const std::string& kind, Format format) {
    if (!by_county_.count(city)) return tdx_error(404, "this simulator serves no " + city);
    const bool tdx = format == Format::json || format == Format::xml;
    Fault fault = Fault::none;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++data_requests_;
        if (tdx && options_.require_token) {
            const std::string& auth = request.header("authorization");
            const std::string prefix = "Bearer ";
            if (auth.compare(0, prefix.size(), prefix) != 0 || !tokens_.count(auth.substr(prefix.size()))) {
                Response r = tdx_error(401, "a valid Bearer token is required (POST /auth/realms/TDXConnect/"
                                            "protocol/openid-connect/token)");
                r.headers.emplace_back("WWW-Authenticate", "Bearer");
                return r;
            }
        }
        if (auto f = faults_.find(city); f != faults_.end()) fault = f->second;
    }
    return faulty(fault, kind, city, format);
}

Response FeedSimulator::token(const Request& request) {
    auto form = text::parse_query_string(request.body);
    std::lock_guard<std::mutex> lock(mutex_);
    ++token_requests_;
    if (!form) return Response::json(400, R"({"error":"invalid_request","error_description":"malformed form body"})");
    if (query_value(*form, "grant_type") != "client_credentials")
        return Response::json(400, R"({"error":"unsupported_grant_type","error_description":"only client_credentials"})");
    if (query_value(*form, "client_id").empty() || query_value(*form, "client_secret").empty())
        return Response::json(401, R"({"error":"invalid_client","error_description":"client_id and client_secret required"})");
    // Opaque to clients, like TDX's JWT; unique per issue.
    static thread_local std::mt19937_64 random{std::random_device{}()};
    char buf[64];
    std::snprintf(buf, sizeof buf, "sim.%llu.%016llx", static_cast<unsigned long long>(++issued_),
                  static_cast<unsigned long long>(random()));
    tokens_.insert(buf);
    return Response::json(200, Json{{"access_token", buf},
                                    {"expires_in", 86400},
                                    {"refresh_expires_in", 0},
                                    {"token_type", "Bearer"},
                                    {"not-before-policy", 0},
                                    {"scope", "profile email"}}
                                   .dump());
}

Response FeedSimulator::control(const Request& request, const std::vector<std::string>& parts) {
    if (parts.size() == 2 && parts[1] == "state") {
        if (request.method != "GET") return Response::json_error(405, "GET /control/state");
        return state();
    }
    if (request.method != "POST") return Response::json_error(405, "control changes are POSTed");
    if (parts.size() == 2 && parts[1] == "reset") {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            faults_.clear();
            pins_.clear();
            token_requests_ = data_requests_ = 0;
        }
        return state();
    }
    if (parts.size() == 3 && parts[1] == "tokens" && parts[2] == "revoke") {
        std::lock_guard<std::mutex> lock(mutex_);
        tokens_.clear();
        return Response::json(200, R"({"revoked":true})");
    }
    if (parts.size() == 3 && by_county_.count(parts[1])) {
        const std::string& city = parts[1];
        if (parts[2] == "fault") {
            auto fault = parse_fault(query_value(request.query, "kind"));
            if (!fault)
                return Response::json_error(400, "kind: one of none, slow, hang, http500, truncated, malformed, "
                                                 "wrong_types, huge, empty");
            std::lock_guard<std::mutex> lock(mutex_);
            if (*fault == Fault::none) faults_.erase(city);
            else faults_[city] = *fault;
            return Response::json(200, Json{{"city", city}, {"fault", fault_name(*fault)}}.dump());
        }
        if (parts[2] == "set") {
            const std::string id = query_value(request.query, "car_park");
            const auto& parks = by_county_.at(city);
            if (std::none_of(parks.begin(), parks.end(), [&](const CarPark& c) { return c.id == id; }))
                return Response::json_error(404, "no car park \"" + id + "\" in " + city);
            const std::string text = query_value(request.query, "available");
            char* end = nullptr;
            const long n = std::strtol(text.c_str(), &end, 10);
            if (text.empty() || *end || n < -1 || n > 100000)
                return Response::json_error(400, "available: a count of spaces, or -1 for unknown");
            std::lock_guard<std::mutex> lock(mutex_);
            pins_[{city, id}] = static_cast<int>(n);
            return Response::json(200, Json{{"city", city}, {"car_park", id}, {"available", n}}.dump());
        }
    }
    return Response::json_error(404, "no such control: " + request.path);
}

Response FeedSimulator::state() const {
    std::lock_guard<std::mutex> lock(mutex_);
    Json faults = Json::object();
    for (const auto& [city, f] : faults_) faults[city] = fault_name(f);
    Json pins = Json::array();
    for (const auto& [key, n] : pins_) pins.push_back({{"city", key.first}, {"car_park", key.second}, {"available", n}});
    Json j{{"faults", faults},
           {"pins", pins},
           {"token_requests", token_requests_},
           {"tokens_issued", issued_},
           {"data_requests", data_requests_},
           {"require_token", options_.require_token},
           {"no_live", options_.no_live},
           {"step_seconds", options_.step_seconds},
           {"step", floor_div(now_(), options_.step_seconds)}};
    return Response::json(200, j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace beitai::site::feeds
