// A store location of its own for a test or a benchmark, removed at the end: a SQLite file
// in a fresh temporary folder, or a fresh PostgreSQL database beside BEITAI_PG_URL's (which
// portal.sh sets after starting its server; the database named there is only connected to).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "store/postgres.h"
#include "text/result.h"

namespace beitai::testing {

class ScratchSqlite {
public:
    ScratchSqlite() {
        std::random_device random;
        dir_ = std::filesystem::temp_directory_path() / ("beitai-raffle-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(dir_);
    }
    ~ScratchSqlite() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    ScratchSqlite(const ScratchSqlite&) = delete;
    ScratchSqlite& operator=(const ScratchSqlite&) = delete;

    std::string path() const { return (dir_ / "beitai.sqlite").string(); }

private:
    std::filesystem::path dir_;
};

class ScratchPostgres {
public:
    // BEITAI_PG_URL, or "" when it is not set.
    static std::string admin_url() {
        const char* url = std::getenv("BEITAI_PG_URL");
        return url ? url : "";
    }

    ScratchPostgres() = default;
    ScratchPostgres(const ScratchPostgres&) = delete;
    ScratchPostgres& operator=(const ScratchPostgres&) = delete;
    ~ScratchPostgres() {
        if (name_.empty()) return;
        site::pg::Connection admin;
        if (admin.open(admin_)) admin.exec_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE);");
    }

    // Makes the database; the error names what failed (the server unreachable, say).
    Status create(const std::string& admin_url) {
        std::random_device random;
        const std::string name = "beitai_test_" + std::to_string(random()) + std::to_string(random());
        site::pg::Connection admin;
        if (auto s = admin.open(admin_url); !s) return Error{"BEITAI_PG_URL " + admin_url + ": " + s.error()};
        if (auto s = admin.exec_script("CREATE DATABASE " + name + ";"); !s)
            return Error{"cannot create the database " + name + ": " + s.error()};
        admin_ = admin_url;
        name_ = name;
        url_ = admin_url.substr(0, admin_url.rfind('/') + 1) + name;
        return ok_status();
    }

    const std::string& url() const { return url_; }

private:
    std::string admin_, name_, url_;
};

}  // namespace beitai::testing
