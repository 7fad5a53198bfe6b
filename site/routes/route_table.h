// Every address the portal answers, in one list (route_table.cpp): its path pattern, the
// methods it takes, who may call it, how caches may keep the answer, and its handler.
// Portal::handle matches a request against the list and nothing else, so the list is the
// whole truth about the site's surface — the README's page table is checked against it
// (tests/site/unit/readme_pages_test.cpp).
//
// Patterns are matched segment by segment on the decoded path:
//   /proposals           a literal segment
//   /proposals/{id}      {id} takes one whole, non-empty segment
//   /proposals/{id}.atom a parameter followed by a literal suffix within the segment
//   /static/{path*}      the rest of the path, possibly empty (last segment only)
// The first route whose pattern and method both match wins, so a catch-all comes after the
// routes it covers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/sessions.h"
#include "http/message.h"
#include "http/server.h"

namespace beitai::site {

class Portal;

// HEAD is answered as GET by the server, so GET implies it.
enum Method : unsigned { GET = 1, POST = 2 };

enum class Access {
    anyone,         // public
    staff_sign_in,  // anyone, but a browser's cross-site POST is refused (the sign-in form)
    participant,    // the same, for a raffle participant's writes (their own cookie, read by the handler)
    staff,          // a signed-in staff member; a POST also needs the session's CSRF token
                    // and must not be cross-site
    admin,          // as staff, and the committee secretariat's role
};

// Whatever the column says, a public answer (handler or revalidate) then gets an entity tag
// and a 304 for a request that names it, and is gzip-compressed when worth it; a 200 that set
// no Cache-Control is revalidated (no-cache). A no_store answer gets neither tag nor
// compression (http/representation.h).
enum class Cache {
    handler,     // as the handler answers (e.g. the build's hashed files: a year, immutable)
    revalidate,  // "Cache-Control: no-cache" unless the handler set one: pages change with the data
    no_store,    // "Cache-Control: no-store" whatever the handler set: tokens, unpublished detail
};

struct RouteParams {
    std::vector<std::pair<std::string, std::string>> values;
    // The value of {name}, or "" when the pattern has none.
    const std::string& operator[](std::string_view name) const;
};

// What a handler is given: the request, its route's parameters, who is signed in (staff and
// admin routes only, otherwise null), whether the answer is JSON (the route is under /api/),
// and the time the request is answered at.
struct Call {
    const Request& request;
    const RouteParams& params;
    const auth::SignedIn* who;
    bool json;
    UnixTime now;
};

using RouteHandler = Response (Portal::*)(const Call&);

struct Route {
    const char* pattern;
    unsigned methods;  // Method bits
    Access access;
    Cache cache;
    RouteHandler handler;
};

// The outcome of matching one request. `route` is null when nothing takes the method; then
// `allowed` holds the methods of the routes whose pattern fits the path (0: no such address).
// `cache` is the policy of the first route that fits the path, whichever the method, so
// that a 405 from the staff area is not stored either.
struct RouteMatch {
    const Route* route = nullptr;
    RouteParams params;
    unsigned allowed = 0;
    std::optional<Cache> cache;
};

// The portal's routes (route_table.cpp).
const std::vector<Route>& route_table();

RouteMatch match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path);
// Whether `path` fits `pattern`; its parameters go to `params` when given.
bool path_matches(std::string_view pattern, std::string_view path, RouteParams* params = nullptr);
// How large a request's body may be (http/server.h), from its method and target as sent:
// kPhotoBodyLimit for the photo uploads, 1 MiB for everything else.
constexpr std::uint64_t kPhotoBodyLimit = 10 * 1024 * 1024;
BodyLimit body_limit_for(std::string_view method, std::string_view target);
// "GET, HEAD, POST": the value of an Allow header for Method bits.
std::string allow_header(unsigned methods);
const char* to_string(Access access);
const char* to_string(Cache cache);
// The methods as the table says them: "GET", "POST" or "GET POST".
std::string methods_text(unsigned methods);

}  // namespace beitai::site
