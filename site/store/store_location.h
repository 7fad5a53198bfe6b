// What kind of store a --db location names: the one reading of it, for open_store and for the
// commands that must say which tool backs up which store (cli/backup.cpp).
#pragma once

#include <string>

namespace beitai::site {

// A postgres:// or postgresql:// URL; anything else is a SQLite file.
bool names_postgres(const std::string& location);

}  // namespace beitai::site
