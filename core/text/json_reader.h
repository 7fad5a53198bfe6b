// Reading domain types out of nlohmann::json with errors that say where.
//
// Content files are edited by hand, so a reader must tell a person exactly what is wrong:
// every problem is recorded as "<file>: <json path>: <reason>" (for example
// `content/proposals/112.json: [17].status: expected "open" or "closed"`) and reading goes
// on, so one run of the checker lists every problem in a file, not only the first.
//
// No exceptions: the core is also compiled to WebAssembly without them. Accessors check
// the JSON type before converting and return a default after recording an error.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "text/result.h"
#include "text/date.h"

namespace beitai::text {

using Json = nlohmann::json;

// Collected problems of one read. `file` prefixes every message.
class Diagnostics {
public:
    explicit Diagnostics(std::string file) : file_(std::move(file)) {}

    void add(const std::string& path, const std::string& reason);
    bool empty() const { return messages_.empty(); }
    const std::vector<std::string>& messages() const { return messages_; }
    const std::string& file() const { return file_; }
    // All messages, one per line.
    std::string joined() const;

private:
    std::string file_;
    std::vector<std::string> messages_;
};

// "[3]" at the root, "progress[3]" below a key.
std::string index_path(const std::string& base, size_t index);
// "status" at the root, "[3].status" below an element.
std::string key_path(const std::string& base, std::string_view key);

// Parses JSON text; on a syntax error the message names the line and column.
Result<Json> parse_json_text(std::string_view text, const std::string& file);
// The message parse_json_text gives for text that is not JSON, for readers that parse in
// other ways (a SAX handler): "<file>: line 3, column 9: invalid JSON: …".
std::string json_syntax_error(std::string_view text, const std::string& file);

// "a string", "an integer", "an object"…: what a value is, for messages that say what was
// found where something else was expected.
const char* json_type_name(const Json& value);

// Compact JSON text; invalid UTF-8 is replaced rather than aborting.
std::string to_json_text(const Json& value);

// Reads the members of one JSON object. Each accessor marks its key as known;
// `reject_unknown_keys` then reports the keys nobody asked for (a typo in a key name
// must not pass silently).
class ObjectReader {
public:
    ObjectReader(const Json& node, std::string path, Diagnostics& diagnostics);

    bool is_object() const { return object_ != nullptr; }
    const std::string& path() const { return path_; }
    std::string path_of(std::string_view key) const { return key_path(path_, key); }
    Diagnostics& diagnostics() { return diagnostics_; }

    std::string string(const char* key);                         // required, non-empty
    std::optional<std::string> optional_string(const char* key);  // absent or null → nullopt
    bool boolean(const char* key);
    long long integer(const char* key);
    double number(const char* key);
    std::vector<std::string> string_array(const char* key);
    // Required array; nullptr (after recording an error) when absent or not an array.
    const Json* array(const char* key);
    // Required object; nullptr when absent or not an object. Null allowed when `nullable`.
    const Json* object(const char* key, bool nullable = false);

    void error(std::string_view key, const std::string& reason);
    void reject_unknown_keys();

private:
    const Json* member(const char* key, bool required);

    const Json* object_ = nullptr;
    std::string path_;
    Diagnostics& diagnostics_;
    std::set<std::string, std::less<>> known_;
};

// Every string of a JSON value, in document order — each member's name, then its value — with
// the path key_path and index_path write ("progress[2].note"; a member's name is given with the
// path of the object holding it, "" at the root), until `visit` returns true. Walked without
// recursion, so a hostile body nested a million levels deep is walked like any other.
void visit_json_text(const Json& root,
                     const std::function<bool(const std::string& path, const std::string& text, bool is_name)>& visit);

// True when arrays and objects nest deeper than `limit`. Checked iteratively: a hostile body
// nested a million levels deep must not exhaust the stack of whoever checks it.
bool nested_deeper_than(const Json& value, size_t limit);

// A date member as ISO "YYYY-MM-DD"; records an error for any other form.
std::optional<text::Date> read_iso_date(ObjectReader& r, const char* key, bool nullable);

}  // namespace beitai::text
