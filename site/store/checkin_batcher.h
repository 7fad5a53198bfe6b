// Group commit for check-ins (store/raffle_store.h): concurrent add_checkin callers share one
// transaction and one fsync (store/group_commit.h).
#pragma once

#include "store/group_commit.h"
#include "store/raffle_store.h"

namespace beitai::site {

using CheckinBatcher = GroupCommit<StoredCheckin, AddResult>;

}  // namespace beitai::site
