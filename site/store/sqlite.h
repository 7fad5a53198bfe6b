// A thin RAII layer over the SQLite C API: a connection and prepared statements, with
// errors as messages. Only store/ code includes this.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>

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
    Result<Statement> prepare(const char* sql);
    Result<Statement> prepare(const std::string& sql);
    // Runs `body` inside BEGIN IMMEDIATE … COMMIT — the write lock taken at once, so that two
    // writers never both read the same version — and rolls back when it fails. Errors read
    // "<what>: <reason>".
    Status transaction(const std::function<Status()>& body, const std::string& what);
    std::string last_error() const;
    sqlite3* handle() { return db_; }

private:
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
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
};

}  // namespace beitai::site::sqlite
