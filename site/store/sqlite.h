// A thin RAII layer over the SQLite C API: a connection and prepared statements, with
// errors as messages. Only store/ code includes this.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/result.h"

namespace beitai::site::sqlite {

class Statement;

class Database {
public:
    Database() = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Status open(const std::string& path);
    Status exec(const char* sql);
    // A statement for `sql`, compiled once per connection: when the Statement goes, the
    // compiled statement is kept (reset, its bindings cleared) for the next prepare of the
    // same text. Compiling cost more than running most of the store's statements.
    Result<Statement> prepare(const char* sql);
    Result<Statement> prepare(const std::string& sql);
    // Runs `body` inside BEGIN IMMEDIATE … COMMIT — the write lock taken at once, so that two
    // writers never both read the same version — and rolls back when it fails. Errors read
    // "<what>: <reason>".
    Status transaction(const std::function<Status()>& body, const std::string& what);
    std::string last_error() const;
    sqlite3* handle() { return db_; }

private:
    friend class Statement;
    void keep(sqlite3_stmt* stmt);

    sqlite3* db_ = nullptr;
    // Compiled statements not in use, by their text; a few dozen texts in all (the stores'
    // SQL is fixed), bounded all the same.
    static constexpr std::size_t kMaxKept = 128;
    std::mutex kept_mutex_;
    std::unordered_map<std::string, sqlite3_stmt*> kept_;
};

class Statement {
public:
    explicit Statement(sqlite3_stmt* stmt, Database* kept_by = nullptr) : stmt_(stmt), kept_by_(kept_by) {}
    Statement(Statement&& other) noexcept : stmt_(other.stmt_), kept_by_(other.kept_by_) { other.stmt_ = nullptr; }
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, long long value);
    Statement& bind_blob(int index, std::string_view bytes);
    // SQLITE_ROW → true, SQLITE_DONE → false; anything else is an error.
    Result<bool> step();
    Status run();  // step to completion, then reset for reuse
    void reset();
    std::string text(int column) const;
    long long integer(int column) const;
    std::string blob(int column) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
    Database* kept_by_ = nullptr;  // given back to it when done, not finalized
};

}  // namespace beitai::site::sqlite
