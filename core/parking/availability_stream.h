// Reading availability from a stream of parser events (nlohmann's SAX interface) instead of
// a tree: internal to core/parking. The JSON parser is one source (read_availability_json);
// the XML walker of tdx_xml.cpp is the other (read_availability_xml), so both formats go
// through the same reader and the same field rules (tdx_fields.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "text/json_reader.h"
#include "parking/model.h"
#include "text/result.h"

namespace beitai::parking {

using JsonEvents = nlohmann::json_sax<text::Json>;

// Sends one document's events to the handler it is given; returns "" or what was wrong
// with the document (then the result of the read).
using EventSource = std::function<std::string(JsonEvents&)>;

Result<AvailabilityList> read_availability_events(const EventSource& produce, const ReadLimits& limits = {});

// Builds one value from events into a tree. Pointers are kept only to open containers,
// which nothing else grows meanwhile. A member given twice keeps its last value, as in a
// parsed JSON object.
class ValueBuilder {
public:
    bool active() const { return !open_.empty(); }

    // Starts an object or array at `target`.
    void start(text::Json& target, bool object) {
        target = object ? text::Json::object() : text::Json::array();
        open_.assign(1, &target);
    }
    void key(const std::string& k) { key_ = k; }
    void scalar(text::Json v) { add(std::move(v)); }
    void open(bool object) { open_.push_back(&add(object ? text::Json::object() : text::Json::array())); }
    // Closes the innermost; true when that finished the whole value.
    bool close() {
        open_.pop_back();
        return open_.empty();
    }

private:
    text::Json& add(text::Json v) {
        text::Json& parent = *open_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return parent.back();
        }
        text::Json& member = parent[key_];
        member = std::move(v);
        return member;
    }

    std::vector<text::Json*> open_;
    std::string key_;
};

// A handler that builds the whole document's tree (tdx_xml_to_json, from the same walker).
class TreeBuilder final : public JsonEvents {
public:
    bool null() override { return scalar(text::Json()); }
    bool boolean(bool v) override { return scalar(text::Json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(text::Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(text::Json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(text::Json(v)); }
    bool string(string_t& v) override { return scalar(text::Json(v)); }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return start(true); }
    bool key(string_t& k) override { return builder_.key(k), true; }
    bool end_object() override { return builder_.close(), true; }
    bool start_array(std::size_t) override { return start(false); }
    bool end_array() override { return builder_.close(), true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

    text::Json& tree() { return tree_; }

private:
    bool start(bool object);
    bool scalar(text::Json v);

    ValueBuilder builder_;
    text::Json tree_;
};

}  // namespace beitai::parking
