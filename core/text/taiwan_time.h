// Times as the counties' own open-data servers write them, beside TDX's ISO 8601 with an
// offset (date.h). Their servers are in Taiwan and often leave the zone out, or name it the
// way Java's Date.toString does:
//
//   "2025-07-27T16:12:00+08:00"      ISO 8601 with an offset (or Z): taken as it says
//   "2025-07-27 16:12:00"            no offset: Taiwan time (UTC+8, no daylight saving)
//   "2025/07/27 16:12:00"            the same with slashes; "T" or a space between, and
//   "2025-07-27T16:12:00.123"        fractional seconds, are all taken
//   "Sun Jul 27 16:12:00 CST 2025"   Java's Date.toString (Taipei's TCMSV UPDATETIME). "CST"
//                                    there is China Standard Time, UTC+8 — what a JVM set
//                                    to Asia/Taipei prints — never US Central; "GMT" and
//                                    "UTC" are UTC. The weekday is read but not checked.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace beitai::text {

// Unix seconds, or nullopt when `s` is none of the forms above or an impossible date/time.
std::optional<long long> parse_taiwan_datetime(std::string_view s);

// Unix seconds as Java's Date.toString in Taiwan: "Sun Jul 27 16:12:00 CST 2025" (what
// Taipei's feeds send; the feed simulator writes it).
std::string to_java_date_taipei(long long unix_seconds);

}  // namespace beitai::text
