// Benchmark: status changes acknowledged durably per second, over HTTP, as the server makes
// them — POST /api/staff/proposals/{id}/close and …/reopen answered 200 by the real portal
// (sessions, CSRF, the core's rules, the store's transaction, the snapshot moved on) behind the
// real HTTP server, in this process, on a loopback port. Every change counted here was
// committed (WAL + synchronous=FULL on SQLite; a committed transaction on PostgreSQL) before its
// answer was sent.
//
// Two stores of 10,000 proposals each (tests/bench/synthetic_proposals.h), alike but for the
// status history of the 1,000 items written to: 10 entries in one, 500 in the other (made
// with SQL in one transaction before the server starts, as if written one by one). Rounds
// alternate between the two, so that the machine's drift falls on both alike; the figure is
// the median of the rounds, and their ratio says how flat the write path is. Each round adds
// a few entries to the histories: the lengths at the end are printed.
//
// Also printed, per change: the growth of the store (SQLite: the file after a checkpoint;
// PostgreSQL: pg_database_size, dead row versions included), and the audit row's two
// documents against what the old form — both whole records — held for the same item.
//
// SQLite on a file in a temporary folder; PostgreSQL on a database of its own beside
// BEITAI_PG_URL's (skipped when that is not set). Asserts nothing about time.
//
//   proposal_write_bench [seconds per round, default 2] [clients, default 16] [rounds, default 3]
#include <curl/curl.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "../support/scratch_store.h"
#include "auth/password.h"
#include "bench_support.h"
#include "clock/clock.h"
#include "http/server.h"
#include "routes/portal.h"
#include "routes/route_table.h"
#include "store/postgres.h"
#include "store/store.h"
#include "synthetic_proposals.h"
#include "tracker/history.h"

using namespace beitai;
using namespace beitai::site;

namespace {

constexpr int kProposals = 10000;
constexpr int kWritten = 1000;  // the items written to: the first of the catalog
const char* kAdmin = "bench-admin";
const char* kPassword = "bench-admin-password";

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// `length` status changes of an open item, the last one reopening it, each a day after the one
// before, all long past (a new change is dated today).
std::string history_sql(const std::vector<std::string>& ids, int length) {
    std::string sql;
    for (const auto& id : ids) {
        for (int i = 0; i < length; ++i) {
            tracker::StatusEvent e;
            e.date = text::Date{2015 + i / 336, 1 + i / 28 % 12, 1 + i % 28};
            const bool closing = i % 2 == 0;
            e.from = closing ? content::Status::open : content::Status::closed;
            e.to = closing ? content::Status::closed : content::Status::open;
            if (closing) e.kind = content::ClosureKind::done;
            e.reason = closing ? "依工作會議決議解除列管" : "依工作會議決議重新列管";
            e.decision = "第" + std::to_string(i + 1) + "次工作會議";
            e.agency = "北臺區域發展推動委員會秘書處";
            sql += "INSERT INTO status_events (proposal_id, doc) VALUES (" + quoted(id) + ", " +
                   quoted(text::to_json_text(tracker::to_json(e))) + ");\n";
        }
        sql += "UPDATE proposals SET version = " + std::to_string(length + 1) + " WHERE id = " + quoted(id) + ";\n";
    }
    return sql;
}

size_t body_to_string(char* data, size_t size, size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

size_t header_line(char* data, size_t size, size_t n, void* out) {
    std::string line(data, size * n);
    if (line.rfind("Set-Cookie:", 0) == 0 || line.rfind("set-cookie:", 0) == 0) {
        const auto start = line.find(':') + 1;
        const auto end = line.find(';');
        std::string cookie = line.substr(start, end - start);
        cookie.erase(0, cookie.find_first_not_of(' '));
        *static_cast<std::string*>(out) = cookie;
    }
    return size * n;
}

// One keep-alive connection, as one client.
struct Client {
    CURL* curl = curl_easy_init();
    std::string cookie, csrf;
    ~Client() { curl_easy_cleanup(curl); }

    long post(const std::string& url, const std::string& json, std::string& body, std::string* set_cookie = nullptr) {
        body.clear();
        curl_easy_reset(curl);
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(json.size()));
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, body_to_string);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        if (set_cookie) {
            curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, header_line);
            curl_easy_setopt(curl, CURLOPT_HEADERDATA, set_cookie);
        }
        struct curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
        if (!cookie.empty()) headers = curl_slist_append(headers, ("Cookie: " + cookie).c_str());
        if (!csrf.empty()) headers = curl_slist_append(headers, ("X-CSRF-Token: " + csrf).c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        long status = 0;
        if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(headers);
        return status;
    }
};

struct Item {
    std::string id;
    bool open = true;
    long long version = 0;
};

// A store with its portal served on a loopback port.
struct Served {
    std::string engine, location;
    int history = 0;
    std::unique_ptr<Store> store;
    SystemClock clock;
    std::unique_ptr<Portal> portal;
    std::unique_ptr<HttpServer> server;
    std::thread serving;
    std::string base;
    std::vector<Item> items;
    std::vector<std::unique_ptr<Client>> clients;  // signed in before the rounds (argon2id takes its time)
    long long writes = 0;

    ~Served() {
        if (server) server->stop();
        if (serving.joinable()) serving.join();
    }
};

Status run_sql(const std::string& engine, const std::string& location, const std::string& sql) {
    if (engine == "SQLite") {
        sqlite3* db = nullptr;
        if (sqlite3_open(location.c_str(), &db) != SQLITE_OK) return Error{"cannot open " + location};
        char* message = nullptr;
        const std::string script = "BEGIN;\n" + sql + "COMMIT;";
        const int rc = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &message);
        const std::string error = message ? message : "";
        sqlite3_free(message);
        sqlite3_close(db);
        if (rc != SQLITE_OK) return Error{error};
        return ok_status();
    }
    pg::Connection db;
    if (auto s = db.open(location); !s) return s;
    return db.exec_script("BEGIN;\n" + sql + "COMMIT;");
}

// Bytes of the store: SQLite's file after a checkpoint, PostgreSQL's database.
long long store_bytes(const Served& s) {
    if (s.engine == "SQLite") {
        sqlite3* db = nullptr;
        if (sqlite3_open(s.location.c_str(), &db) == SQLITE_OK)
            sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        std::error_code ec;
        return static_cast<long long>(std::filesystem::file_size(s.location, ec));
    }
    pg::Connection db;
    if (!db.open(s.location)) return 0;
    auto r = db.exec("SELECT pg_database_size(current_database())");
    return r && r->size() ? r->integer(0, 0) : 0;
}

Result<std::unique_ptr<Served>> serve(const std::string& engine, const std::string& location, int history) {
    auto served = std::make_unique<Served>();
    served->engine = engine;
    served->location = location;
    served->history = history;
    content::Catalog catalog = bench::synthetic_catalog(kProposals);
    std::vector<std::string> written;
    for (auto& p : catalog.proposals) p.seed_ref = "示範資料（效能測試）";
    for (int i = 0; i < kWritten; ++i) {
        auto& p = catalog.proposals[static_cast<size_t>(i)];
        p.status = content::Status::open;
        p.closure.reset();
        written.push_back(p.id);
    }
    auto store = open_store(location);
    if (!store) return Error{store.error()};
    served->store = std::move(*store);
    if (auto s = served->store->seed(catalog); !s) return Error{s.error()};
    if (auto s = run_sql(engine, location, history_sql(written, history)); !s) return Error{"histories: " + s.error()};
    auto hash = auth::hash_password(kPassword);
    if (!hash) return Error{hash.error()};
    Account admin;
    admin.name = kAdmin;
    admin.role = tracker::Role::admin;
    admin.agency = "北臺區域發展推動委員會秘書處";
    admin.password_hash = *hash;
    if (auto id = served->store->add_account(admin); !id) return Error{id.error()};
    auto snapshot = served->store->load();
    if (!snapshot) return Error{snapshot.error()};
    auto map = build_map_state(catalog, "", "");
    if (!map) return Error{map.error()};
    served->portal = std::make_unique<Portal>(*served->store, served->clock, std::move(*snapshot), StaticFiles{},
                                              PortalConfig{}, std::move(*map));
    Portal* portal = served->portal.get();
    served->server = std::make_unique<HttpServer>([portal](const Request& r) { return portal->handle(r); });
    served->server->set_threads(2).set_body_limit_for(body_limit_for);
    std::uint16_t port = 0;
    if (auto err = served->server->listen("127.0.0.1", 0, port); !err.empty()) return Error{err};
    served->serving = std::thread([s = served.get()] { s->server->run(); });
    served->base = "http://127.0.0.1:" + std::to_string(port);
    for (const auto& id : written) served->items.push_back({id, true, history + 1});
    return served;
}

struct Round {
    double per_second = 0;
    long long failures = 0;
    std::string first_failure;
};

// Signs `clients` clients in (once: the rounds reuse them and their connections).
Status sign_in(Served& s, int clients) {
    while (static_cast<int>(s.clients.size()) < clients) {
        auto c = std::make_unique<Client>();
        std::string body, cookie;
        if (c->post(s.base + "/api/staff/sign-in",
                    std::string("{\"name\":\"") + kAdmin + "\",\"password\":\"" + kPassword + "\"}", body, &cookie) != 200)
            return Error{"sign-in: " + body};
        c->cookie = cookie;
        const auto at = body.find("\"csrf\":\"");
        if (at == std::string::npos) return Error{"sign-in: no CSRF token in " + body};
        c->csrf = body.substr(at + 8, body.find('"', at + 8) - at - 8);
        s.clients.push_back(std::move(c));
    }
    return ok_status();
}

// `clients` clients, each closing and reopening its own share of the items in turn, for `seconds`.
Round run_round(Served& s, int clients, double seconds) {
    std::atomic<bool> stop{false};
    std::atomic<long long> done{0}, failures{0};
    std::vector<std::string> first_failure(static_cast<size_t>(clients));
    std::vector<std::thread> threads;
    const auto start = std::chrono::steady_clock::now();
    for (int t = 0; t < clients; ++t)
        threads.emplace_back([&, t] {
            Client& c = *s.clients[static_cast<size_t>(t)];
            std::string body;
            for (size_t k = static_cast<size_t>(t); !stop.load(std::memory_order_relaxed); k += static_cast<size_t>(clients)) {
                Item& item = s.items[k % s.items.size()];
                const std::string v = std::to_string(item.version);
                const std::string url = s.base + "/api/staff/proposals/" + item.id + (item.open ? "/close" : "/reopen");
                const std::string json = item.open
                    ? "{\"version\":" + v + ",\"kind\":\"done\",\"reason\":\"依工作會議決議解除列管\",\"decision\":\"第3次工作會議\"}"
                    : "{\"version\":" + v + ",\"reason\":\"依工作會議決議重新列管\"}";
                const long status = c.post(url, json, body);
                const auto vat = body.find("\"version\":");
                if (status == 200 && vat != std::string::npos) {
                    item.version = std::atoll(body.c_str() + vat + 10);
                    item.open = !item.open;
                    done++;
                } else {
                    if (first_failure[static_cast<size_t>(t)].empty())
                        first_failure[static_cast<size_t>(t)] = std::to_string(status) + " " + body.substr(0, 300);
                    failures++;
                }
            }
        });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& th : threads) th.join();
    Round r;
    r.per_second = static_cast<double>(done.load()) / (bench::ms_since(start) / 1000.0);
    r.failures = failures.load();
    for (const auto& f : first_failure)
        if (!f.empty()) r.first_failure = f;
    s.writes += done.load();
    return r;
}

// The audit rows' documents, bytes per row, over the rows the rounds wrote.
double audit_bytes_per_row(const Served& s) {
    const std::string sql =
        "SELECT COALESCE(AVG(LENGTH(before_doc) + LENGTH(after_doc)), 0) FROM audit WHERE action IN ('close', 'reopen')";
    if (s.engine == "SQLite") {
        sqlite3* db = nullptr;
        double out = 0;
        if (sqlite3_open(s.location.c_str(), &db) == SQLITE_OK) {
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
                out = sqlite3_column_double(stmt, 0);
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return out;
    }
    pg::Connection db;
    if (!db.open(s.location)) return 0;
    auto r = db.exec(sql);
    return r && r->size() ? std::atof(r->text(0, 0).c_str()) : 0;
}

// What an audit row of the old form (the record before and after, whole) held for an item.
long long old_form_bytes(Served& s) {
    Client c;
    std::string body;
    curl_easy_setopt(c.curl, CURLOPT_URL, (s.base + "/api/proposals/" + s.items[0].id).c_str());
    curl_easy_setopt(c.curl, CURLOPT_WRITEFUNCTION, body_to_string);
    curl_easy_setopt(c.curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(c.curl, CURLOPT_ACCEPT_ENCODING, "identity");
    curl_easy_perform(c.curl);
    return 2 * static_cast<long long>(body.size());
}

int bench_engine(const std::string& engine, const std::string& short_location, const std::string& long_location,
                 double seconds, int clients, int rounds) {
    std::vector<std::unique_ptr<Served>> served;
    for (auto [location, history] : {std::pair{short_location, 10}, std::pair{long_location, 500}}) {
        const auto start = std::chrono::steady_clock::now();
        auto s = serve(engine, location, history);
        if (!s) {
            std::fprintf(stderr, "%s: %s\n", engine.c_str(), s.error().c_str());
            return 1;
        }
        if (auto signed_in = sign_in(**s, clients); !signed_in) {
            std::fprintf(stderr, "%s: %s\n", engine.c_str(), signed_in.error().c_str());
            return 1;
        }
        std::printf("%-10s  store of %d proposals, %d of them with %3d status changes behind them: ready in %.1f s\n",
                    engine.c_str(), kProposals, kWritten, history, bench::ms_since(start) / 1000.0);
        std::fflush(stdout);
        served.push_back(std::move(*s));
    }
    std::vector<long long> bytes_before;
    for (auto& s : served) bytes_before.push_back(store_bytes(*s));
    std::vector<std::vector<double>> figures(served.size());
    long long failures = 0;
    for (int round = 0; round < rounds; ++round)
        for (size_t i = 0; i < served.size(); ++i) {
            auto r = run_round(*served[i], clients, seconds);
            figures[i].push_back(r.per_second);
            failures += r.failures;
            if (!r.first_failure.empty()) std::fprintf(stderr, "  %s: a write failed: %s\n", engine.c_str(), r.first_failure.c_str());
        }
    double medians[2] = {0, 0};
    for (size_t i = 0; i < served.size(); ++i) {
        Served& s = *served[i];
        medians[i] = bench::median(figures[i]);
        const long long grown = store_bytes(s) - bytes_before[i];
        const double added = static_cast<double>(s.writes) / kWritten;
        std::printf("%-10s  histories %3d → %3.0f entries: %6.0f status changes/s (median of %d rounds of %.1f s, %d clients)%s\n",
                    engine.c_str(), s.history, s.history + added, medians[i], rounds, seconds, clients,
                    failures ? "  SOME FAILED" : "");
        std::printf("%-10s      store +%.0f bytes per change; audit row %.0f bytes (the old form, both whole records: %lld)\n",
                    engine.c_str(), s.writes ? static_cast<double>(grown) / static_cast<double>(s.writes) : 0.0,
                    audit_bytes_per_row(s), old_form_bytes(s));
        std::fflush(stdout);
    }
    std::printf("%-10s  500 entries vs 10: %.2f× the rate (1.00 = flat)\n", engine.c_str(), medians[1] / medians[0]);
    std::fflush(stdout);
    return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    const int clients = argc > 2 ? std::atoi(argv[2]) : 16;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    if (seconds <= 0 || clients <= 0 || rounds <= 0) {
        std::fprintf(stderr, "usage: proposal_write_bench [seconds per round] [clients] [rounds]\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (!auth::init_crypto()) {
        std::fprintf(stderr, "libsodium failed to start\n");
        return 1;
    }
    std::printf("durable status changes (close, reopen) acknowledged per second over HTTP, %u cores\n",
                std::thread::hardware_concurrency());
    int failed = 0;
    {
        testing::ScratchSqlite short_store, long_store;
        failed |= bench_engine("SQLite", short_store.path(), long_store.path(), seconds, clients, rounds);
    }
    const std::string admin = testing::ScratchPostgres::admin_url();
    if (admin.empty()) {
        std::printf("PostgreSQL  skipped: BEITAI_PG_URL is not set (portal.sh starts a server and sets it)\n");
        return failed;
    }
    testing::ScratchPostgres short_store, long_store;
    for (auto* s : {&short_store, &long_store})
        if (auto made = s->create(admin); !made) {
            std::fprintf(stderr, "PostgreSQL: %s\n", made.error().c_str());
            return 1;
        }
    failed |= bench_engine("PostgreSQL", short_store.url(), long_store.url(), seconds, clients, rounds);
    return failed;
}
