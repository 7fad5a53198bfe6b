// The feed simulator: the eight counties' TDX parking feeds, imitated on 127.0.0.1 from the
// sample car parks (content/parking/car_parks.json), with faults to order. The portal's feed
// client and its tests run against it instead of the real TDX, which needs credentials,
// rate-limits and cannot be made to fail on purpose.
//
//   beitai-feed-simulator [--port N (8090; 0 picks one)] [--content DIR] [--no-live COUNTY,…]
//                         [--step-seconds N] [--require-token] [--threads N]
//
// A program of its own (main.cpp), never linked into the server: `./portal.sh serve` starts
// it beside `beitai serve --feeds http://127.0.0.1:PORT`; tests/support/server.mjs starts it
// for the tests.
//
// Implemented features:
//  [X] GET /v1/Parking/OffStreet/CarPark/City/{City}?$format=JSON|XML               car parks
//  [X] GET /v1/Parking/OffStreet/ParkingAvailability/City/{City}?$format=JSON|XML   availability
//      (also under /api/basic/…, TDX's own base path; $format defaults to JSON)
//  [X] the counties' own open data, from the same sample car parks and moving availability
//      (core/parking/county_write.h), for a feeds config with "format": "taipei" / "yilan":
//        GET /blobtcmsv/TCMSV_alldesc.json       Taipei's car parks (TWD97 positions)
//        GET /blobtcmsv/TCMSV_allavailable.json  Taipei's availability (-9: no data, CST time)
//        GET /yilan/parking                      Yilan's one document (car parks with free spaces)
//      No token is asked for there; the county's faults and pins apply as to its TDX paths.
//  [X] availability that moves: a pure function of the car park and the time step
//      (now / step-seconds): occupancy drifts on a per-car-park wave, some fill up, now and
//      then one is suspended (ServiceStatus 2) or its sensor reports -1 for a while
//  [X] counties with car parks but no live numbers (--no-live; MiaoliCounty by default, as
//      public clients report real coverage gaps): their availability is a valid empty list and
//      their car parks say LiveOccuppancyAvailable 0
//  [X] OAuth2 client credentials like TDX's Keycloak (POST /auth/realms/TDXConnect/protocol/
//      openid-connect/token); with --require-token the data endpoints answer 401 without a
//      Bearer token it issued
//  [X] control endpoints, loopback only (403 otherwise):
//        POST /control/{City}/fault?kind=none|slow|hang|http500|truncated|malformed|wrong_types|huge|empty
//        POST /control/{City}/set?car_park=ID&available=N   (pinned until reset; -1 = unknown)
//        POST /control/reset          faults, pins and counters
//        POST /control/tokens/revoke  every issued token stops working (clients must fetch anew)
//        GET  /control/state          {"faults", "pins", "token_requests", "data_requests", …}
//
// The faults, for every data endpoint of the county:
//   slow        the normal answer after 3 s          hang   no answer for an hour
//   http500     500 with a TDX-like error body        empty  a valid document with no items
//   truncated   Content-Length of the whole document, half of it sent, then the connection closes
//   malformed   200 with broken JSON / XML            wrong_types  AvailableSpaces (TotalSpaces
//               for car parks) as objects and booleans
//   huge        a valid document of 64 MiB, chunked (no Content-Length to trust), generated
//               piece by piece as the client reads: the simulator holds one 64 KiB piece per
//               connection, never the document
// slow and hang use Response::delay, a timer in the server: a hanging request holds no thread,
// so any number of them cannot starve the simulator (or stop it from shutting down).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "http/message.h"
#include "parking/model.h"

namespace beitai::site::feeds {

enum class Fault { none, slow, hang, http500, truncated, malformed, wrong_types, huge, empty };

const char* fault_name(Fault f);
std::optional<Fault> parse_fault(const std::string& name);

struct SimulatorOptions {
    std::vector<std::string> no_live{"MiaoliCounty"};  // TDX city ids publishing no availability
    int step_seconds = 5;                              // availability changes once per step
    bool require_token = false;
    std::uint64_t huge_bytes = 64ull << 20;            // the `huge` fault's document size
};

// The availability of one car park at one time step: deterministic, so a test (or a person
// comparing two runs) sees the same numbers for the same step.
parking::Availability simulated_availability(const parking::CarPark& car_park, std::int64_t step, int step_seconds);

class FeedSimulator {
public:
    // `counties`: the TDX city ids served; car parks of other ids are ignored. `now` gives
    // Unix seconds (the tests of the steps use the real clock with short steps).
    FeedSimulator(std::vector<std::string> counties, std::vector<parking::CarPark> car_parks, SimulatorOptions options,
                  std::function<std::int64_t()> now);

    // The server's handler; safe to call from several threads.
    Response handle(const Request& request);

private:
    enum class Format { json, xml, taipei, yilan };

    Response data(const Request& request, const std::string& kind, const std::string& city);
    Response serve(const Request& request, const std::string& city, const std::string& kind, Format format);
    Response token(const Request& request);
    Response control(const Request& request, const std::vector<std::string>& parts);
    Response state() const;

    parking::CarParkList car_park_list(const std::string& city) const;
    parking::AvailabilityList availability_list(const std::string& city, bool live_only) const;
    Response faulty(Fault fault, const std::string& kind, const std::string& city, Format format) const;
    Response huge_document(bool parks, const std::string& city, Format format) const;
    static std::string written(Format format, bool parks, const parking::CarParkList& car_parks,
                               const parking::AvailabilityList& live);
    static std::string list_element(Format format, bool parks);

    std::vector<std::string> counties_;
    std::map<std::string, std::vector<parking::CarPark>> by_county_;
    SimulatorOptions options_;
    std::function<std::int64_t()> now_;
    std::int64_t started_;

    mutable std::mutex mutex_;  // guards everything below
    std::map<std::string, Fault> faults_;
    std::map<std::pair<std::string, std::string>, int> pins_;  // (city, car park id) → available
    std::set<std::string> tokens_;
    std::uint64_t token_requests_ = 0;
    std::uint64_t data_requests_ = 0;
    std::uint64_t issued_ = 0;
};


}  // namespace beitai::site::feeds
