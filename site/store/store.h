// Where the portal keeps its state. SQLite is the embedded default; a PostgreSQL
// implementation of the same interface comes with the tracker's writes (issue 3).
//
// On first start the store is filled from content/ in one transaction; after that it is
// the source of truth, and content/ is only checked (staff edits live in the store).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "content/catalog.h"
#include "result.h"
#include "tracker/record.h"

namespace beitai::site {

class Store {
public:
    virtual ~Store() = default;

    // True once content has been imported.
    virtual Result<bool> is_seeded() = 0;
    // Imports the catalog and the history it implies, all or nothing.
    virtual Status seed(const content::Catalog& catalog) = 0;
    // Everything, read back through the core's readers (a damaged row is an error naming it).
    virtual Result<tracker::Snapshot> load() = 0;
};

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);

}  // namespace beitai::site
