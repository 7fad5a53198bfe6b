// A thin RAII layer over libpq: a connection and results, parameters passed as text.
// Only store/ code includes this.
#pragma once

#include <libpq-fe.h>

#include <initializer_list>
#include <memory>
#include <functional>
#include <string>
#include <vector>

#include "text/result.h"

namespace beitai::site::pg {

// The advisory lock keys of the portal's processes, in one list so that no two uses share one.
namespace lock_key {
constexpr long long schema = 7263501;         // creating the tracker's tables
constexpr long long raffle_schema = 7263502;  // creating the raffle's tables
constexpr long long feeds_lead = 7263503;     // held by the process that polls the feeds
}  // namespace lock_key

class Rows {
public:
    explicit Rows(PGresult* r) : result_(r, &PQclear) {}
    int size() const { return PQntuples(result_.get()); }
    std::string text(int row, int column) const { return PQgetvalue(result_.get(), row, column); }
    long long integer(int row, int column) const { return std::atoll(PQgetvalue(result_.get(), row, column)); }
    long long affected() const { return std::atoll(PQcmdTuples(result_.get())); }

private:
    std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class Connection {
public:
    Connection() = default;
    Connection(const Connection&) = delete;
    ~Connection();

    Status open(const std::string& conninfo);
    // Re-establishes a connection the server dropped (a restart, a failover). Called at the
    // start of each store operation, never inside a transaction, so a half-done write is
    // never continued on a fresh connection.
    void reconnect_if_lost();
    // Runs one statement with $1… parameters; the error names the SQLSTATE when there is one.
    Result<Rows> exec(const std::string& sql, const std::vector<std::string>& params = {});
    // Several statements, no parameters (schema).
    Status exec_script(const std::string& sql);
    // Runs `body` inside BEGIN … COMMIT and rolls back when it fails. Errors read
    // "<what>: <reason>" ("" for no prefix).
    Status transaction(const std::function<Status()>& body, const std::string& what = "");
    // The SQLSTATE of the last failure ("23505" unique violation, "40001" serialization…).
    const std::string& last_state() const { return last_state_; }

private:
    PGconn* conn_ = nullptr;
    std::string last_state_;
};

}  // namespace beitai::site::pg
