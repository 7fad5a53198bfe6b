#include "parking/tdx_xml.h"

#include <pugixml.hpp>

#include <algorithm>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parking/availability_stream.h"
#include "parking/tdx_json.h"
#include "text/url.h"
#include "text/text_position.h"

namespace beitai::parking {

using text::Json;

namespace {

constexpr std::string_view kTdxNamespace = "https://traffic.transportdata.tw/standard/parking/schema/";

// Elements whose children are the items of a list, even when there is one or none.
bool is_list_element(std::string_view name) {
    return name == "CarParks" || name == "ParkingAvailabilities" || name == "Availabilities" ||
           name == "ParkingSpaces" || name == "Spaces";
}

std::string_view trimmed(std::string_view s) {
    constexpr std::string_view ws = " \t\r\n";  // XML's white space
    const auto first = s.find_first_not_of(ws);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(ws) - first + 1);
}

// Where an element is, for messages: its name and place in a list, and its parent. Built on
// the stack as the walk descends and spelled out ("CarParkList/CarParks/CarPark[2]/…") only
// when there is an error to report — a document has tens of thousands of elements.
struct Place {
    const Place* parent;
    std::string_view name;
    size_t index;  // npos outside lists

    std::string path() const {
        std::string out = parent ? parent->path() + "/" : std::string();
        out += name;
        if (index != std::string::npos) out += "[" + std::to_string(index) + "]";
        return out;
    }
};

// The local name of an element: its name without the namespace prefix.
std::string_view local_name(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Walks the parsed document, resolving namespaces on the way, and sends the tree described
// in tdx_xml.h to a handler as JSON parser events: to TreeBuilder for the tree, or straight
// to the availability reader (availability_stream.h), which then needs no tree. Recursive,
// but never deeper than max_depth + 1 frames: the depth is checked before descending.
class Walker {
public:
    Walker(std::string_view xml, size_t max_depth, JsonEvents& sink) : xml_(xml), max_depth_(max_depth), sink_(sink) {}

    // Walks `node` at `depth` (the root element is 1). `parent` is where its parent is
    // (nullptr for the root), `index` the node's place in a list (npos outside lists);
    // `member`: the node is a member of an object, so its name is sent first, as the key.
    // False after setting error_.
    bool element(const pugi::xml_node& node, const Place* parent, size_t index, size_t depth, bool member) {
        const size_t scope = namespaces_.size();
        for (const pugi::xml_attribute& a : node.attributes()) {
            const std::string_view attr = a.name();
            if (attr == "xmlns")
                namespaces_.emplace_back("", a.value());
            else if (attr.substr(0, 6) == "xmlns:")
                namespaces_.emplace_back(std::string(attr.substr(6)), a.value());
        }
        const bool ok = walk(node, parent, index, depth, member);
        namespaces_.resize(scope);
        return ok;
    }

    const std::string& error() const { return error_; }

private:
    bool walk(const pugi::xml_node& node, const Place* parent, size_t index, size_t depth, bool member) {
        const std::string_view qname = node.name();
        const auto colon = qname.find(':');
        const std::string_view prefix = colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
        const std::string_view name = local_name(qname);
        const Place here{parent, name, index};

        if (depth > max_depth_)
            return fail(node, here.path() + ": elements nested deeper than " + std::to_string(max_depth_) + " levels");
        if (name.empty() || (colon != std::string_view::npos && prefix.empty()) || name.find(':') != std::string_view::npos ||
            !text::is_valid_utf8(name))
            return fail(node, "bad element name \"" + std::string(qname) + "\"");

        const std::string* uri = lookup(prefix);
        if (!uri && !prefix.empty())
            return fail(node, here.path() + ": undeclared namespace prefix \"" + std::string(prefix) + "\"");
        if (uri && !uri->empty() && *uri != kTdxNamespace)
            return fail(node, here.path() + ": element in namespace \"" + *uri +
                                  "\", not the TDX parking one (" + std::string(kTdxNamespace) + ")");

        // The text directly in the element, CDATA included: nearly always one piece, read in
        // place; pieces are joined only when there are several.
        bool has_children = false;
        std::string_view text;
        std::string joined;
        for (const pugi::xml_node& child : node.children()) {
            if (child.type() == pugi::node_element) has_children = true;
            if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
            if (text.empty() && joined.empty()) {
                text = child.value();
            } else {
                if (joined.empty()) joined = text;
                joined += child.value();
                text = joined;
            }
        }
        const std::string_view value = trimmed(text);

        if (is_list_element(name) && (has_children || value.empty())) {
            send_key(member, name);
            if (!muted_) sink_.start_array(std::string::npos);
            size_t i = 0;
            for (const pugi::xml_node& child : node.children()) {
                if (child.type() != pugi::node_element) continue;  // text between items is ignored
                if (!element(child, &here, i++, depth + 1, false)) return false;
            }
            if (!muted_) sink_.end_array();
            return true;
        }
        if (has_children || depth == 1) {  // the root is an object even when it is empty
            send_key(member, name);
            if (!muted_) sink_.start_object(std::string::npos);
            MemberNames names(seen_);
            for (const pugi::xml_node& child : node.children()) {
                if (child.type() != pugi::node_element) continue;  // mixed-in text is ignored
                // Outside the list elements the standard's schema has each member once. A
                // server that writes one twice has made a mistake the JSON shape cannot hold
                // (one key, one value). The first occurrence is kept — the one standing where
                // the schema's sequence puts it — rather than failing or turning the member
                // into an array, either of which would reject the whole item over a redundant
                // element. The repeat is still walked and checked (depth, names, UTF-8), unsent.
                const bool repeat = !names.add(local_name(child.name()));
                muted_ += repeat;
                const bool ok = element(child, &here, std::string::npos, depth + 1, true);
                muted_ -= repeat;
                if (!ok) return false;
            }
            if (!muted_) sink_.end_object();
            return true;
        }
        // A leaf; a list element holding text rather than items is one too, so that the
        // readers say "expected a list, got \"…\"" as they do for the same in JSON.
        // pugixml does not check UTF-8, and a character reference may name a surrogate.
        if (!text::is_valid_utf8(value)) return fail(node, here.path() + ": text is not valid UTF-8");
        send_key(member, name);
        if (!muted_) {
            scratch_.assign(value);
            sink_.string(scratch_);
        }
        return true;
    }

    void send_key(bool member, std::string_view name) {
        if (!member || muted_) return;
        scratch_.assign(name);
        sink_.key(scratch_);
    }

    // The member names of one object element seen so far. An item of the standard has a
    // dozen, looked up in a list shared by the whole walk (no allocation per object); past
    // kListed names (hostile input: thousands of distinct siblings) a hash set takes over, so
    // that the walk stays linear in the document.
    class MemberNames {
    public:
        explicit MemberNames(std::vector<std::string_view>& list) : list_(list), base_(list.size()) {}
        ~MemberNames() { list_.resize(base_); }
        // False when `name` was seen before.
        bool add(std::string_view name) {
            if (many_.empty() && list_.size() - base_ < kListed) {
                if (std::find(list_.begin() + static_cast<std::ptrdiff_t>(base_), list_.end(), name) != list_.end()) return false;
                list_.push_back(name);
                return true;
            }
            if (many_.empty()) many_.insert(list_.begin() + static_cast<std::ptrdiff_t>(base_), list_.end());
            return many_.insert(name).second;
        }

    private:
        static constexpr size_t kListed = 32;
        std::vector<std::string_view>& list_;  // this object's names from base_ on; nested objects' after them
        size_t base_;
        std::unordered_set<std::string_view> many_;
    };

    // The namespace a prefix ("" for the default) is bound to in scope; nullptr when unbound.
    const std::string* lookup(std::string_view prefix) const {
        for (auto it = namespaces_.rbegin(); it != namespaces_.rend(); ++it)
            if (it->first == prefix) return &it->second;
        return nullptr;
    }

    bool fail(const pugi::xml_node& node, const std::string& message) {
        const std::ptrdiff_t offset = node.offset_debug();
        error_ = offset >= 0 ? text::text_position(xml_, static_cast<size_t>(offset)) + ": " + message : message;
        return false;
    }

    std::string_view xml_;
    size_t max_depth_;
    JsonEvents& sink_;
    size_t muted_ = 0;     // inside a repeated member: walked, not sent
    std::vector<std::string_view> seen_;  // member names of the objects being walked (MemberNames)
    std::string scratch_;  // the text of a key or value being sent
    std::vector<std::pair<std::string, std::string>> namespaces_;  // (prefix, URI), innermost last
    std::string error_;
};

// Parses `xml` and sends its tree's events to `sink`: "" or what was wrong with it.
std::string walk_document(std::string_view xml, size_t max_depth, JsonEvents& sink) {
    // Parser settings as restrictive as reading the data allows. pugixml never processes a
    // DTD or loads an external entity (it has no code for either) and decodes only XML's five
    // predefined entities and character references: `&name;` for anything else stays literal
    // text, so entity expansion ("billion laughs") has nothing to expand. Of the default flags
    // this keeps CDATA sections (text), escapes (&amp; …) and end-of-line normalisation; a
    // DOCTYPE (with any internal subset), processing instructions, comments and the XML
    // declaration are skipped, not kept as nodes (no parse_doctype, parse_pi, parse_comments,
    // parse_declaration). parse_fragment only makes pugixml keep what it would
    // otherwise drop silently at the top level (text, further elements), so that the checks
    // below can refuse it. load_buffer parses a copy of the text it is given.
    constexpr unsigned flags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol | pugi::parse_fragment;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), flags, pugi::encoding_utf8);
    if (!parsed) return text::text_position(xml, static_cast<size_t>(parsed.offset)) + ": " + parsed.description();

    // A document is one root element, with nothing but markup around it.
    pugi::xml_node root;
    for (const pugi::xml_node& node : doc.children()) {
        std::ptrdiff_t offset = node.offset_debug();
        if (node.type() != pugi::node_element) {  // text: point at its first visible character
            while (offset >= 0 && static_cast<size_t>(offset) < xml.size() && trimmed(xml.substr(offset, 1)).empty())
                ++offset;
        }
        const std::string where = offset >= 0 ? text::text_position(xml, static_cast<size_t>(offset)) + ": " : std::string();
        if (node.type() != pugi::node_element) return where + "text outside the root element";
        if (root) return where + "a second root element <" + node.name() + ">";
        root = node;
    }
    if (!root) return "no root element";

    Walker walker(xml, max_depth, sink);
    if (!walker.element(root, nullptr, std::string::npos, 1, false)) return walker.error();
    return {};
}

}  // namespace

Result<Json> tdx_xml_to_json(std::string_view xml, size_t max_depth) {
    TreeBuilder tree;
    if (std::string error = walk_document(xml, max_depth, tree); !error.empty()) return Error{error};
    return std::move(tree.tree());
}

Result<CarParkList> read_car_parks_xml(std::string_view xml, const std::string& county, const ReadLimits& limits) {
    auto tree = tdx_xml_to_json(xml);
    if (!tree) return Error{"car parks: " + tree.error()};
    return read_car_parks(*tree, county, limits);
}

// Straight from the walk to the availability reader: no tree between (availability_stream.h).
Result<AvailabilityList> read_availability_xml(std::string_view xml, const ReadLimits& limits) {
    return read_availability_events(
        [&](JsonEvents& reader) {
            std::string error = walk_document(xml, 32, reader);
            return error.empty() ? error : "availability: " + error;
        },
        limits);
}

}  // namespace beitai::parking
