// The raffle's tables (store/raffle_store.h), written once for both engines, beside the
// proposal store's (store/schema.h) in the same file or database.
//
// Campaigns and draw records are kept as the core's JSON (content::to_json,
// raffle::to_json(DrawRecord)) so the core's readers are the only decoders; the columns
// beside them are what the queries need. Secrets are raw bytes in the API and hex here.
// raffle_entries.participant_id has no foreign key on purpose: a participant's erasure must
// not rewrite an entry list that was frozen and published.
//
// Entries are written once, at the freeze, so they can afford an index by participant (the
// campaign page shows a participant their entry ids).
//
// One index on check-ins serves both reads by state: a campaign's counted ones (its prefix)
// and the waiting ones of a county, oldest first (all of it). Every further index would cost
// each check-in's insert, the one write that comes by the thousand.
#pragma once

#include <string>

namespace beitai::site {

// `serial_key` as for store_schema: "INTEGER PRIMARY KEY AUTOINCREMENT" (SQLite) or
// "BIGSERIAL PRIMARY KEY" (PostgreSQL); `blob` the engine's bytes type: BLOB or BYTEA.
//
// raffle_photos holds a photo check-in's re-encoded photo until it is reviewed (then it is
// deleted; store/raffle_store.h); erasing the check-in takes it along (ON DELETE CASCADE,
// and the stores delete it explicitly too).
inline std::string raffle_schema(const std::string& serial_key, const std::string& blob = "BLOB") {
    return R"sql(
CREATE TABLE IF NOT EXISTS raffle_campaigns (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('content', 'admin')),
  doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS raffle_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS raffle_signboard_keys (
  version INTEGER PRIMARY KEY,
  secret TEXT NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS raffle_participants (
  id )sql" + serial_key + R"sql(,
  campaign TEXT NOT NULL,
  token_digest TEXT NOT NULL UNIQUE,
  recovery_digest TEXT NOT NULL UNIQUE,
  nickname TEXT NOT NULL,
  home_county TEXT NOT NULL,
  created BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS raffle_contacts (
  participant_id BIGINT PRIMARY KEY REFERENCES raffle_participants(id) ON DELETE CASCADE,
  contact TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS raffle_checkins (
  id )sql" + serial_key + R"sql(,
  campaign TEXT NOT NULL,
  participant_id BIGINT NOT NULL REFERENCES raffle_participants(id) ON DELETE CASCADE,
  site TEXT NOT NULL,
  county TEXT NOT NULL,
  at BIGINT NOT NULL,
  proof TEXT NOT NULL CHECK (proof IN ('code', 'position', 'photo')),
  state TEXT NOT NULL CHECK (state IN ('counted', 'held', 'photo_pending', 'refused')),
  note TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  reviewed_at BIGINT NOT NULL,
  UNIQUE (participant_id, site)
);
CREATE TABLE IF NOT EXISTS raffle_photos (
  checkin_id BIGINT PRIMARY KEY REFERENCES raffle_checkins(id) ON DELETE CASCADE,
  content_type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes )sql" + blob + R"sql( NOT NULL
);
CREATE TABLE IF NOT EXISTS raffle_draws (
  campaign TEXT NOT NULL,
  draw TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('frozen', 'drawn')),
  doc TEXT NOT NULL,
  entries_document TEXT NOT NULL,
  PRIMARY KEY (campaign, draw)
);
CREATE TABLE IF NOT EXISTS raffle_entries (
  campaign TEXT NOT NULL,
  draw TEXT NOT NULL,
  entry TEXT NOT NULL,
  participant_id BIGINT NOT NULL,
  PRIMARY KEY (campaign, draw, entry)
);
CREATE INDEX IF NOT EXISTS raffle_participants_by_campaign ON raffle_participants (campaign);
CREATE INDEX IF NOT EXISTS raffle_entries_by_participant ON raffle_entries (campaign, participant_id);
CREATE INDEX IF NOT EXISTS raffle_checkins_by_state ON raffle_checkins (campaign, state, county, at);
)sql";
}

}  // namespace beitai::site
