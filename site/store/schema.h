// The tables both stores share, written once. SQLite and PostgreSQL differ only in a few
// words (auto-increment keys), filled in by each store.
#pragma once

#include <string>

namespace beitai::site {

// `serial_key` is "INTEGER PRIMARY KEY AUTOINCREMENT" (SQLite) or "BIGSERIAL PRIMARY KEY"
// (PostgreSQL).
inline std::string store_schema(const std::string& serial_key) {
    return R"sql(
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
  seq )sql" + serial_key + R"sql(,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  doc TEXT NOT NULL
);
-- The store's revision at each item's last write: another process catches up by reading only
-- the items written since the revision it holds (Store::changed_since). An item written
-- before this table existed has no row: it is older than any revision a process holds.
CREATE TABLE IF NOT EXISTS proposal_revisions (
  proposal_id TEXT PRIMARY KEY REFERENCES proposals(id),
  revision BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS proposal_revisions_by_revision ON proposal_revisions (revision);
CREATE TABLE IF NOT EXISTS audit (
  seq )sql" + serial_key + R"sql(,
  at BIGINT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  before_doc TEXT NOT NULL,
  after_doc TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS accounts (
  id )sql" + serial_key + R"sql(,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
  county TEXT NOT NULL,
  agency TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
  token_digest TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  csrf TEXT NOT NULL,
  created BIGINT NOT NULL,
  last_seen BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sign_ins (
  seq )sql" + serial_key + R"sql(,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  ok INTEGER NOT NULL,
  at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS parking_documents (
  county TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('car_parks', 'availability')),
  sample INTEGER NOT NULL,
  fetched_at BIGINT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (county, kind)
);
CREATE INDEX IF NOT EXISTS sign_ins_by_name ON sign_ins (name, at);
CREATE INDEX IF NOT EXISTS sign_ins_by_address ON sign_ins (address, at);
CREATE INDEX IF NOT EXISTS status_events_by_proposal ON status_events (proposal_id, seq);
)sql";
}

// The statements on the parking cache, the same in both (placeholders written "?"; the
// PostgreSQL store numbers them). The upsert is SQLite 3.24+ and PostgreSQL 9.5+.
constexpr const char* kSaveParkingDocument =
    "INSERT INTO parking_documents (county, kind, sample, fetched_at, body) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (county, kind) DO UPDATE SET sample = excluded.sample, fetched_at = excluded.fetched_at, "
    "body = excluded.body";
// Bumped in the same transaction as each save (written to work in both: the column is TEXT).
constexpr const char* kBumpParkingRevision =
    "INSERT INTO meta (key, value) VALUES ('parking_revision', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)";
constexpr const char* kParkingRevision = "SELECT value FROM meta WHERE key = 'parking_revision'";
constexpr const char* kParkingDocuments =
    "SELECT county, kind, sample, fetched_at, body FROM parking_documents ORDER BY county, kind";

}  // namespace beitai::site
