#include "store/postgres.h"

#include <chrono>

#include "http/metrics.h"

namespace beitai::site::pg {

Connection::~Connection() {
    if (conn_) PQfinish(conn_);
}

Status Connection::open(const std::string& conninfo) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn_);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        return Error{"cannot connect to PostgreSQL: " + message};
    }
    // Quiet NOTICEs ("relation already exists, skipping") on every start.
    exec_script("SET client_min_messages TO WARNING;");
    return ok_status();
}

void Connection::reconnect_if_lost() {
    if (conn_ && PQstatus(conn_) == CONNECTION_BAD) {
        PQreset(conn_);
        if (PQstatus(conn_) == CONNECTION_OK) exec_script("SET client_min_messages TO WARNING;");
    }
}

Result<Rows> Connection::exec(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p.c_str());
    PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        last_state_.clear();
        return Rows(r);
    }
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    last_state_ = state ? state : "";
    std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    PQclear(r);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return Error{message};
}

Status Connection::exec_script(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    ExecStatusType status = PQresultStatus(r);
    std::string message = PQresultErrorMessage(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Error{message};
    return ok_status();
}

Status Connection::transaction(const std::function<Status()>& body, const std::string& what) {
    const std::string prefix = what.empty() ? "" : what + ": ";
    const auto started = std::chrono::steady_clock::now();  // for /metrics: the write's latency
    if (auto s = exec_script("BEGIN;"); !s) return Error{prefix + s.error()};
    Status result = body();
    if (!result) {
        exec_script("ROLLBACK;");
        return Error{prefix + result.error()};
    }
    if (auto s = exec_script("COMMIT;"); !s) return Error{prefix + s.error()};
    metrics().observe_store_write("postgres", seconds_since(started));
    return ok_status();
}

}  // namespace beitai::site::pg
