#include "text/json_reader.h"

namespace beitai::text {

namespace {

// Records where a syntax error is; nlohmann reports a byte offset, people want lines.
struct SyntaxErrorFinder : nlohmann::json_sax<Json> {
    size_t byte = 0;
    std::string what;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        byte = position;
        what = ex.what();
        // nlohmann's message starts with "[json.exception.parse_error.101] parse error at
        // line 1, column 2: "; keep only the reason after the last ": ".
        auto colon = what.rfind(": ");
        if (colon != std::string::npos) what = what.substr(colon + 2);
        if (!last_token.empty()) what += " (near '" + last_token.substr(0, 40) + "')";
        return false;
    }
};

}  // namespace

const char* json_type_name(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "an integer";
        case Json::value_t::number_float: return "a number";
        default: return "something else";
    }
}

void Diagnostics::add(const std::string& path, const std::string& reason) {
    messages_.push_back(file_ + ": " + (path.empty() ? std::string("(top)") : path) + ": " + reason);
}

std::string Diagnostics::joined() const {
    std::string out;
    for (const auto& m : messages_) {
        if (!out.empty()) out += '\n';
        out += m;
    }
    return out;
}

std::string index_path(const std::string& base, size_t index) {
    return base + "[" + std::to_string(index) + "]";
}

std::string key_path(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}

Result<Json> parse_json_text(std::string_view text, const std::string& file) {
    Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!value.is_discarded()) return value;
    return Error{json_syntax_error(text, file)};
}

std::string json_syntax_error(std::string_view text, const std::string& file) {
    SyntaxErrorFinder finder;
    Json::sax_parse(text.begin(), text.end(), &finder);
    size_t line = 1, column = 1;
    for (size_t i = 0; i < finder.byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count characters, not UTF-8 continuation bytes
        }
    }
    if (column > 1) --column;  // the offset points just past the offending character
    return file + ": line " + std::to_string(line) + ", column " + std::to_string(column) + ": invalid JSON: " +
           finder.what;
}

std::string to_json_text(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ObjectReader::ObjectReader(const Json& node, std::string path, Diagnostics& diagnostics)
    : path_(std::move(path)), diagnostics_(diagnostics) {
    if (node.is_object()) {
        object_ = &node;
    } else {
        diagnostics_.add(path_, std::string("expected an object, found ") + json_type_name(node));
    }
}

const Json* ObjectReader::member(const char* key, bool required) {
    known_.insert(key);
    if (!object_) return nullptr;
    auto it = object_->find(key);
    if (it == object_->end()) {
        if (required) error(key, "missing");
        return nullptr;
    }
    return &*it;
}

void ObjectReader::error(std::string_view key, const std::string& reason) {
    diagnostics_.add(path_of(key), reason);
}

std::string ObjectReader::string(const char* key) {
    const Json* j = member(key, true);
    if (!j) return {};
    if (!j->is_string()) {
        error(key, std::string("expected a string, found ") + json_type_name(*j));
        return {};
    }
    auto s = j->get<std::string>();
    if (s.empty()) error(key, "must not be empty");
    return s;
}

std::optional<std::string> ObjectReader::optional_string(const char* key) {
    const Json* j = member(key, false);
    if (!j || j->is_null()) return std::nullopt;
    if (!j->is_string()) {
        error(key, std::string("expected a string or null, found ") + json_type_name(*j));
        return std::nullopt;
    }
    return j->get<std::string>();
}

bool ObjectReader::boolean(const char* key) {
    const Json* j = member(key, true);
    if (!j) return false;
    if (!j->is_boolean()) {
        error(key, std::string("expected true or false, found ") + json_type_name(*j));
        return false;
    }
    return j->get<bool>();
}

long long ObjectReader::integer(const char* key) {
    const Json* j = member(key, true);
    if (!j) return 0;
    if (!j->is_number_integer()) {
        error(key, std::string("expected an integer, found ") + json_type_name(*j));
        return 0;
    }
    return j->get<long long>();
}

double ObjectReader::number(const char* key) {
    const Json* j = member(key, true);
    if (!j) return 0;
    if (!j->is_number()) {
        error(key, std::string("expected a number, found ") + json_type_name(*j));
        return 0;
    }
    return j->get<double>();
}

std::vector<std::string> ObjectReader::string_array(const char* key) {
    std::vector<std::string> out;
    const Json* j = array(key);
    if (!j) return out;
    for (size_t i = 0; i < j->size(); ++i) {
        const Json& item = (*j)[i];
        if (!item.is_string()) {
            diagnostics_.add(index_path(path_of(key), i),
                             std::string("expected a string, found ") + json_type_name(item));
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

const Json* ObjectReader::array(const char* key) {
    const Json* j = member(key, true);
    if (!j) return nullptr;
    if (!j->is_array()) {
        error(key, std::string("expected an array, found ") + json_type_name(*j));
        return nullptr;
    }
    return j;
}

const Json* ObjectReader::object(const char* key, bool nullable) {
    const Json* j = member(key, true);
    if (!j) return nullptr;
    if (nullable && j->is_null()) return nullptr;
    if (!j->is_object()) {
        error(key, std::string(nullable ? "expected an object or null, found "
                                        : "expected an object, found ") +
                       json_type_name(*j));
        return nullptr;
    }
    return j;
}

void ObjectReader::reject_unknown_keys() {
    if (!object_) return;
    for (auto it = object_->begin(); it != object_->end(); ++it) {
        if (known_.find(it.key()) == known_.end()) error(it.key(), "unknown field");
    }
}

void visit_json_text(const Json& root,
                     const std::function<bool(const std::string& path, const std::string& text, bool is_name)>& visit) {
    struct Item {
        const Json* node;
        std::string path;
    };
    std::vector<Item> stack = {{&root, ""}};
    while (!stack.empty()) {
        Item item = std::move(stack.back());
        stack.pop_back();
        const Json& j = *item.node;
        if (j.is_string()) {
            if (visit(item.path, j.get_ref<const std::string&>(), false)) return;
        } else if (j.is_object()) {
            // Names first, as they come; then the values, pushed last to first so that the
            // first member's value is visited first.
            std::vector<Item> members;
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (visit(item.path, it.key(), true)) return;
                members.push_back({&*it, key_path(item.path, it.key())});
            }
            for (auto m = members.rbegin(); m != members.rend(); ++m) stack.push_back(std::move(*m));
        } else if (j.is_array()) {
            for (std::size_t i = j.size(); i-- > 0;) stack.push_back({&j[i], index_path(item.path, i)});
        }
    }
}

bool nested_deeper_than(const Json& value, size_t limit) {
    std::vector<std::pair<const Json*, size_t>> stack = {{&value, 0}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        if (!node->is_structured()) continue;
        if (depth + 1 > limit) return true;
        for (const auto& child : *node) stack.emplace_back(&child, depth + 1);
    }
    return false;
}

std::optional<text::Date> read_iso_date(ObjectReader& r, const char* key, bool nullable) {
    auto s = nullable ? r.optional_string(key) : std::optional<std::string>(r.string(key));
    if (!s || s->empty()) return std::nullopt;
    auto d = text::parse_iso_date(*s);
    if (!d) r.error(key, "expected a date as YYYY-MM-DD, found \"" + *s + "\"");
    return d;
}

}  // namespace beitai::text
