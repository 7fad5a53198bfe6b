// How the parking hub is filled apart from fetching: its counties from the feeds config, and
// their data from the documents kept in the store — at start (the last run's, served with
// their true age until the feeds answer) and, in a process that does not poll, each time the
// polling process keeps new ones (feeds/feed_leader.h).
#pragma once

#include <vector>

#include "clock/clock.h"
#include "feeds/feed_config.h"
#include "feeds/parking_hub.h"
#include "store/store.h"

namespace beitai::site {

// Adds each county of the config to the hub (a county already there is left as it is).
void add_feed_counties(const FeedsConfig& config, ParkingHub& hub);

// Puts the kept documents into the hub; their age is the time since `fetched_at`. A document
// of a county the config does not name, from a sample feed for a real one or the other way
// round, or of live data the county's config does not poll, is skipped; one that does not
// read is said on stderr and skipped. With `restoring` (a start, or a takeover), each one taken
// is said on stdout with its age at `now`. Returns how many were taken. The caller publishes.
size_t load_kept_documents(const std::vector<ParkingDocument>& documents, const FeedsConfig& config, ParkingHub& hub,
                           bool restoring = false, UnixTime now = 0);

}  // namespace beitai::site
