#include "store/sqlite.h"

#include <chrono>

#include "http/metrics.h"

namespace beitai::site::sqlite {

Database::~Database() {
    for (auto& [sql, stmt] : kept_) sqlite3_finalize(stmt);
    if (db_) sqlite3_close_v2(db_);
}

void Database::keep(sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    {
        std::lock_guard<std::mutex> lock(kept_mutex_);
        if (kept_.size() < kMaxKept && kept_.emplace(sqlite3_sql(stmt), stmt).second) return;
    }
    sqlite3_finalize(stmt);  // one of that text is kept already (two were in use at once)
}

std::string Database::last_error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

Status Database::open(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK)
        return Error{"cannot open " + path + ": " + last_error()};
    sqlite3_busy_timeout(db_, 5000);
    return ok_status();
}

Status Database::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string m = message ? message : last_error();
        sqlite3_free(message);
        return Error{m};
    }
    return ok_status();
}

Result<Statement> Database::prepare(const char* sql) {
    {
        std::lock_guard<std::mutex> lock(kept_mutex_);
        if (auto it = kept_.find(sql); it != kept_.end()) {
            sqlite3_stmt* kept = it->second;
            kept_.erase(it);
            return Statement(kept, this);
        }
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return Error{std::string("cannot prepare \"") + sql + "\": " + last_error()};
    return Statement(stmt, this);
}

Statement::~Statement() {
    if (!stmt_) return;
    if (kept_by_) kept_by_->keep(stmt_);
    else sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, long long value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Result<bool> Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Error{sqlite3_errmsg(sqlite3_db_handle(stmt_))};
}

Status Statement::run() {
    auto r = step();
    while (r.ok() && *r) r = step();
    reset();
    if (!r.ok()) return Error{r.error()};
    return ok_status();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

long long Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::blob(int column) const {
    auto p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

}  // namespace beitai::site::sqlite

namespace beitai::site::sqlite {
Result<Statement> Database::prepare(const std::string& sql) { return prepare(sql.c_str()); }
Status Database::transaction(const std::function<Status()>& body, const std::string& what) {
    const auto started = std::chrono::steady_clock::now();  // for /metrics: the write's latency
    if (auto s = exec("BEGIN IMMEDIATE;"); !s) return Error{what + ": " + s.error()};
    Status result = body();
    if (!result) {
        exec("ROLLBACK;");
        return Error{what + ": " + result.error()};
    }
    if (auto s = exec("COMMIT;"); !s) {
        exec("ROLLBACK;");
        return Error{what + ": " + s.error()};
    }
    metrics().observe_store_write("sqlite", seconds_since(started));
    return ok_status();
}

}  // namespace beitai::site::sqlite
