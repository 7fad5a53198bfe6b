// GET /api/snapshot, as a writer and its reader: the whole tracker at one moment —
// {"counties": [...], "groups": [...], "records": [record…]} — which the server writes and the
// browser's WASM reads once to re-render the proposal list for every filter change.
// read(write(s)) written again is the same text.
#pragma once

#include <string>

#include "text/json_reader.h"
#include "text/result.h"
#include "tracker/record.h"

namespace beitai::tracker {

text::Json snapshot_json(const Snapshot& snapshot);
// Every problem, one a line, each prefixed with `source` (e.g. "/api/snapshot").
Result<Snapshot> read_snapshot_json(const text::Json& root, const std::string& source);

}  // namespace beitai::tracker
