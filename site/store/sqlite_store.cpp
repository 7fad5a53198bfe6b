// The SQLite store. Rows hold each item as the core's JSON (so the core's readers, with
// their path-naming errors, are the only decoders) next to the columns queries need.
#include <mutex>
#include <unordered_map>

#include "store/sqlite.h"
#include "store/store.h"

namespace beitai::site {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counties (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issue_groups (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS proposals (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  year INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  county TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  updated TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS status_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  doc TEXT NOT NULL
);
)sql";

class SqliteStore : public Store {
public:
    Status open(const std::string& path) {
        if (auto s = db_.open(path); !s) return s;
        // WAL with synchronous=FULL: an acknowledged write survives a power cut.
        for (const char* pragma : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA foreign_keys=ON;"})
            if (auto s = db_.exec(pragma); !s) return Error{path + ": " + s.error()};
        if (auto s = db_.exec(kSchema); !s) return Error{path + ": cannot create the schema: " + s.error()};
        path_ = path;
        return ok_status();
    }

    Result<bool> is_seeded() override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto stmt = db_.prepare("SELECT value FROM meta WHERE key = 'seeded_at'");
        if (!stmt) return Error{stmt.error()};
        auto row = stmt->step();
        if (!row) return Error{row.error()};
        return *row;
    }

    Status seed(const content::Catalog& catalog) override {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto s = db_.exec("BEGIN IMMEDIATE;"); !s) return s;
        auto result = insert_all(catalog);
        if (!result) {
            db_.exec("ROLLBACK;");
            return Error{path_ + ": import failed, nothing stored: " + result.error()};
        }
        return db_.exec("COMMIT;");
    }

    Result<tracker::Snapshot> load() override {
        std::lock_guard<std::mutex> lock(mutex_);
        tracker::Snapshot state;
        content::Diagnostics diagnostics(path_);

        auto county_docs = read_docs("counties", diagnostics);
        if (!county_docs) return Error{county_docs.error()};
        state.counties = content::read_counties(as_array(*county_docs), diagnostics);

        auto group_docs = read_docs("issue_groups", diagnostics);
        if (!group_docs) return Error{group_docs.error()};
        state.groups = content::read_issue_groups(as_array(*group_docs), diagnostics);

        auto proposal_docs = read_docs("proposals", diagnostics);
        if (!proposal_docs) return Error{proposal_docs.error()};
        auto versions = db_.prepare("SELECT version, updated FROM proposals ORDER BY position");
        if (!versions) return Error{versions.error()};
        for (const auto& [id, doc] : *proposal_docs) {
            tracker::ProposalRecord record;
            record.proposal = content::read_proposal(doc, "proposals[" + id + "]", diagnostics);
            auto row = versions->step();
            if (!row || !*row) return Error{path_ + ": proposals changed while reading"};
            record.version = versions->integer(0);
            auto updated = text::parse_iso_date(versions->text(1));
            if (!updated) diagnostics.add("proposals[" + id + "].updated", "expected a date as YYYY-MM-DD");
            else record.updated = *updated;
            state.records.push_back(std::move(record));
        }

        std::unordered_map<std::string, size_t> index;
        for (size_t i = 0; i < state.records.size(); ++i) index[state.records[i].id()] = i;
        auto events = db_.prepare("SELECT proposal_id, doc, seq FROM status_events ORDER BY seq");
        if (!events) return Error{events.error()};
        while (true) {
            auto row = events->step();
            if (!row) return Error{row.error()};
            if (!*row) break;
            auto doc = parse_doc("status_events", std::to_string(events->integer(2)), events->text(1), diagnostics);
            auto event = tracker::status_event_from_json(doc);
            if (!event) {
                diagnostics.add("status_events[" + std::to_string(events->integer(2)) + "]", event.error());
                continue;
            }
            auto found = index.find(events->text(0));
            if (found == index.end()) {
                diagnostics.add("status_events[" + std::to_string(events->integer(2)) + "]",
                                "belongs to no proposal (\"" + events->text(0) + "\")");
                continue;
            }
            state.records[found->second].history.push_back(std::move(*event));
        }

        if (!diagnostics.empty()) return Error{diagnostics.joined()};
        for (const auto& r : state.records)
            for (const auto& p : content::check_proposal_references(r.proposal, state.counties, state.groups))
                diagnostics.add("proposals[" + r.id() + "]", p);
        if (!diagnostics.empty()) return Error{diagnostics.joined()};
        return state;
    }

private:
    using Rows = std::vector<std::pair<std::string, content::Json>>;

    // Every row of a table as (id, document), in position order. `table` is one of ours.
    Result<Rows> read_docs(const std::string& table, content::Diagnostics& diagnostics) {
        auto stmt = db_.prepare(("SELECT id, doc FROM " + table + " ORDER BY position").c_str());
        if (!stmt) return Error{stmt.error()};
        Rows rows;
        while (true) {
            auto row = stmt->step();
            if (!row) return Error{row.error()};
            if (!*row) break;
            std::string id = stmt->text(0);
            rows.emplace_back(id, parse_doc(table.c_str(), id, stmt->text(1), diagnostics));
        }
        return rows;
    }

    static content::Json as_array(const Rows& rows) {
        content::Json array = content::Json::array();
        for (const auto& row : rows) array.push_back(row.second);
        return array;
    }

    static content::Json parse_doc(const char* table, const std::string& key, const std::string& text,
                                   content::Diagnostics& diagnostics) {
        auto parsed = content::parse_json_text(text, std::string(table) + "[" + key + "]");
        if (!parsed) {
            diagnostics.add(std::string(table) + "[" + key + "]", "stored document is not JSON: " + parsed.error());
            return nullptr;
        }
        return *parsed;
    }

    Status insert_all(const content::Catalog& catalog) {
        auto county = db_.prepare("INSERT INTO counties (id, position, doc) VALUES (?, ?, ?)");
        auto group = db_.prepare("INSERT INTO issue_groups (id, position, doc) VALUES (?, ?, ?)");
        auto proposal = db_.prepare(
            "INSERT INTO proposals (id, position, year, status, county, version, updated, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        auto event = db_.prepare("INSERT INTO status_events (proposal_id, doc) VALUES (?, ?)");
        auto meta = db_.prepare("INSERT INTO meta (key, value) VALUES ('seeded_at', datetime('now'))");
        for (auto* s : {&county, &group, &proposal, &event, &meta})
            if (!s->ok()) return Error{s->error()};

        long long position = 0;
        for (const auto& c : catalog.counties)
            if (auto s = county->bind(1, c.id).bind(2, position++).bind(3, content::to_json_text(content::to_json(c))).run(); !s)
                return s;
        position = 0;
        for (const auto& g : catalog.groups)
            if (auto s = group->bind(1, g.id).bind(2, position++).bind(3, content::to_json_text(content::to_json(g))).run(); !s)
                return s;
        position = 0;
        for (const auto& p : catalog.proposals) {
            auto record = tracker::record_from_content(p);
            if (auto s = proposal->bind(1, p.id)
                             .bind(2, position++)
                             .bind(3, p.year)
                             .bind(4, content::to_string(p.status))
                             .bind(5, p.county)
                             .bind(6, record.version)
                             .bind(7, text::to_iso(record.updated))
                             .bind(8, content::to_json_text(content::to_json(p)))
                             .run();
                !s)
                return Error{"proposal " + p.id + ": " + s.error()};
            for (const auto& e : record.history)
                if (auto s = event->bind(1, p.id).bind(2, content::to_json_text(tracker::to_json(e))).run(); !s)
                    return s;
        }
        return meta->run();
    }

    sqlite::Database db_;
    std::string path_;
    std::mutex mutex_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
    auto store = std::make_unique<SqliteStore>();
    if (auto s = store->open(path); !s) return Error{s.error()};
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace beitai::site
