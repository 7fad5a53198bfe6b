#include "store/raffle_store.h"
#include "store/store.h"
#include "store/store_location.h"

namespace beitai::site {

bool names_postgres(const std::string& location) {
    return location.rfind("postgres://", 0) == 0 || location.rfind("postgresql://", 0) == 0;
}

Result<std::unique_ptr<Store>> open_store(const std::string& location) {
    if (names_postgres(location)) return open_postgres_store(location);
    return open_sqlite_store(location);
}

Result<std::unique_ptr<RaffleStore>> open_raffle_store(const std::string& location) {
    if (names_postgres(location)) return open_postgres_raffle_store(location);
    return open_sqlite_raffle_store(location);
}

Result<ProposalWrite> Store::write_proposal(const tracker::ProposalRecord& next, long long expected_version,
                                            const std::optional<tracker::StatusEvent>& event, const AuditEntry& audit) {
    auto written = write_proposals({ProposalChange{&next, expected_version, &event, &audit}});
    if (!written) return Error{written.error()};
    if (written->size() != 1) return Error{"write_proposal: the store gave no result"};
    return written->front();
}

}  // namespace beitai::site
