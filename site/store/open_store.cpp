#include "store/store.h"

namespace beitai::site {

Result<std::unique_ptr<Store>> open_store(const std::string& location) {
    if (location.rfind("postgres://", 0) == 0 || location.rfind("postgresql://", 0) == 0)
        return open_postgres_store(location);
    return open_sqlite_store(location);
}

}  // namespace beitai::site
