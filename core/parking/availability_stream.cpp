// read_availability_json (tdx_json.h): availability read as nlohmann's parser streams it.
//
// The poller reads every county's availability every few seconds, and a document of 5,000
// car parks is 1.5 MB. Building the whole tree first cost twice the parse itself (a map node
// and a string per member, then as many frees). Here the items are read one at a time from
// the parser's events into buffers reused from item to item, and the field rules of
// tdx_fields.h are applied to each as it ends — the same rules, and so the same model and
// messages, as read_availability gives for the tree (tests/core/parking/stream_test.cpp and
// the fuzz target check both readers against each other).
//
// The tree's meaning is kept where the stream sees it differently: a member given twice
// counts as its last occurrence (as in the tree), null is absent, and a value where a
// scalar belongs is kept whole (only then is a small tree built) so that the message can
// quote it.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "parking/availability_stream.h"
#include "parking/tdx_fields.h"
#include "parking/tdx_json.h"

namespace beitai::parking {

using text::Json;
using namespace tdx;

namespace {

// The members read, by place; anything else is skipped unread.
enum EnvelopeKey { kUpdateTime, kUpdateInterval, kSrcUpdateInterval, kEnvelopeKeys, kWrapper = kEnvelopeKeys };
enum ItemKey { kCarParkId, kTotal, kAvailable, kService, kFull, kCharge, kCollected, kItemKeys, kByType = kItemKeys };
enum EntryKey { kSpaceType, kNumberOfSpaces, kEntryAvailable, kEntryKeys };
constexpr int kOther = -1;

int envelope_key(const std::string& k) {
    if (k == "ParkingAvailabilities") return kWrapper;
    if (k == "UpdateTime") return kUpdateTime;
    if (k == "UpdateInterval") return kUpdateInterval;
    if (k == "SrcUpdateInterval") return kSrcUpdateInterval;
    return kOther;
}

int item_key(const std::string& k) {
    switch (k.size()) {
        case 9: return k == "CarParkID" ? kCarParkId : kOther;
        case 10: return k == "FullStatus" ? kFull : kOther;
        case 11: return k == "TotalSpaces" ? kTotal : kOther;
        case 12: return k == "ChargeStatus" ? kCharge : kOther;
        case 13: return k == "ServiceStatus" ? kService : kOther;
        case 14: return k == "Availabilities" ? kByType : kOther;
        case 15: return k == "AvailableSpaces" ? kAvailable : k == "DataCollectTime" ? kCollected : kOther;
        default: return kOther;
    }
}

int entry_key(const std::string& k) {
    if (k == "SpaceType") return kSpaceType;
    if (k == "NumberOfSpaces") return kNumberOfSpaces;
    if (k == "AvailableSpaces") return kEntryAvailable;
    return kOther;
}

// Values kept between the events that bring them and the end of their item. A string slot
// keeps its buffer from item to item.
template <size_t N>
struct Slots {
    std::array<Json, N> values;
    std::array<bool, N> given{};

    void clear() { given.fill(false); }
    const Json* at(int k) const { return given[k] && !values[k].is_null() ? &values[k] : nullptr; }
};

class AvailabilityStream final : public nlohmann::json_sax<Json> {
public:
    explicit AvailabilityStream(const ReadLimits& limits) : limits_(limits) {}

    bool null() override { return scalar(Json()); }
    bool boolean(bool v) override { return scalar(Json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(Json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(Json(v)); }
    bool binary(binary_t&) override { return true; }  // JSON text has none

    bool string(string_t& v) override {
        if (skipping_ || building_.active()) return scalar(Json(std::move(v)));
        // The common case, a string member of an item: into its slot, reusing the slot's buffer.
        Json* slot = slot_for_value();
        if (slot) {
            if (slot->is_string())
                slot->get_ref<std::string&>().assign(v);
            else
                *slot = std::move(v);
            return true;
        }
        return scalar(Json(std::move(v)));
    }

    bool key(string_t& k) override {
        if (skipping_) return true;
        if (building_.active()) return building_.key(k), true;
        switch (frames_.back()) {
            case Frame::envelope: pending_ = envelope_key(k); break;
            case Frame::item: pending_ = item_key(k); break;
            case Frame::entry: pending_ = entry_key(k); break;
            default: break;
        }
        return true;
    }

    bool start_object(std::size_t) override { return start(true); }
    bool start_array(std::size_t) override { return start(false); }
    bool end_object() override { return end(); }
    bool end_array() override { return end(); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

    Result<AvailabilityList> finish() {
        if (!wrapper_error_.empty()) return Error{wrapper_error_};
        read_update_time(envelope_.at(kUpdateTime), out_.update_time, out_.updated_at);
        out_.update_interval_s = envelope_seconds(envelope_.at(kUpdateInterval));
        out_.src_update_interval_s = envelope_seconds(envelope_.at(kSrcUpdateInterval));
        if (wrapper_ == Wrapper::missing) return Error{"no \"ParkingAvailabilities\" in the document"};
        if (wrapper_ == Wrapper::null) {
            out_.items.clear();
            out_.rejected.clear();
            return std::move(out_);
        }
        if (items_seen_ > limits_.max_items) return Error{too_many_items("ParkingAvailabilities", items_seen_, limits_)};
        if (auto share = check_share(out_.rejected.size(), items_seen_, limits_, out_.rejected); !share)
            return Error{share.error()};
        return std::move(out_);
    }

private:
    // Where the parser is, among the places this reader looks into.
    enum class Frame : std::uint8_t { top, envelope, items, item, entries, entry };
    // The state of the ParkingAvailabilities member (a bare array is a list).
    enum class Wrapper : std::uint8_t { missing, null, list };
    // What a value kept whole is for, once it ends.
    enum class Kept : std::uint8_t { slot, wrapper, item };

    // The slot a scalar at this place goes into; nullptr where it is used at once or ignored.
    Json* slot_for_value() {
        switch (frames_.back()) {
            case Frame::envelope:
                if (pending_ < kEnvelopeKeys && pending_ != kOther) return envelope_.given[pending_] = true, &envelope_.values[pending_];
                return nullptr;
            case Frame::item:
                if (!taking_items() || pending_ == kOther || pending_ == kByType) return nullptr;
                return item_.given[pending_] = true, &item_.values[pending_];
            case Frame::entry:
                if (pending_ == kOther) return nullptr;
                return current_entry().given[pending_] = true, &current_entry().values[pending_];
            default: return nullptr;
        }
    }

    bool scalar(Json v) {
        if (skipping_) return true;
        if (building_.active()) return building_.scalar(std::move(v)), true;
        if (Json* slot = slot_for_value()) {
            *slot = std::move(v);
            return true;
        }
        switch (frames_.back()) {
            case Frame::top: wrapper_error_ = "expected an object with \"ParkingAvailabilities\", got " + shown(v); break;
            case Frame::envelope:
                if (pending_ == kWrapper) set_wrapper_scalar(v);
                break;
            case Frame::items:
                if (begin_item()) reject_item(v);
                break;
            case Frame::item:
                if (taking_items() && pending_ == kByType) {
                    by_type_ = v.is_null() ? ByType::absent : ByType::not_list;
                    by_type_value_ = std::move(v);
                }
                break;
            case Frame::entries:
                begin_entry(false).not_object = std::move(v);
                break;
            default: break;
        }
        return true;
    }

    bool start(bool object) {
        if (skipping_) return ++skipping_, true;
        if (building_.active()) return building_.open(object), true;
        switch (frames_.back()) {
            case Frame::top:
                if (object) {
                    frames_.push_back(Frame::envelope);
                } else {
                    begin_list("");
                }
                return true;
            case Frame::envelope:
                if (pending_ == kWrapper) {
                    if (object) return keep(Kept::wrapper, scratch_, true), true;
                    return begin_list("ParkingAvailabilities"), true;
                }
                if (pending_ != kOther) envelope_.values[pending_] = nullptr;  // an object or list here is absent
                return ++skipping_, true;
            case Frame::items:
                if (!begin_item()) return ++skipping_, true;
                if (!object) return keep(Kept::item, scratch_, false), true;
                item_.clear();
                by_type_ = ByType::absent;
                entries_used_ = 0;
                frames_.push_back(Frame::item);
                return true;
            case Frame::item:
                if (!taking_items() || pending_ == kOther) return ++skipping_, true;
                if (pending_ == kByType) {
                    if (object) {
                        by_type_ = ByType::not_list;
                        return keep(Kept::slot, by_type_value_, true), true;
                    }
                    by_type_ = ByType::list;
                    entries_used_ = 0;
                    frames_.push_back(Frame::entries);
                    return true;
                }
                item_.given[pending_] = true;
                return keep(Kept::slot, item_.values[pending_], object), true;
            case Frame::entries: {
                EntrySlots& entry = begin_entry(object);
                if (!object) return keep(Kept::slot, entry.not_object, false), true;
                frames_.push_back(Frame::entry);
                return true;
            }
            case Frame::entry:
                if (pending_ == kOther) return ++skipping_, true;
                current_entry().given[pending_] = true;
                return keep(Kept::slot, current_entry().values[pending_], object), true;
        }
        return true;
    }

    bool end() {
        if (skipping_) return --skipping_, true;
        if (building_.active()) {
            if (building_.close()) kept_ended();
            return true;
        }
        if (frames_.back() == Frame::item) end_item();
        frames_.pop_back();
        return true;
    }

    // Keeps the value starting here whole, in `target`, for `what`.
    void keep(Kept what, Json& target, bool object) {
        kept_ = what;
        building_.start(target, object);
    }

    void kept_ended() {
        switch (kept_) {
            case Kept::wrapper: wrapper_error_ = "ParkingAvailabilities: expected a list, got " + shown(scratch_); break;
            case Kept::item: reject_item(scratch_); break;
            case Kept::slot: break;
        }
    }

    // A list of items begins; a second ParkingAvailabilities replaces the first, as in the tree.
    void begin_list(const char* base) {
        wrapper_ = Wrapper::list;
        wrapper_error_.clear();
        base_ = base;
        items_seen_ = 0;
        out_.items.clear();
        out_.rejected.clear();
        frames_.push_back(Frame::items);
    }

    void set_wrapper_scalar(const Json& v) {
        if (v.is_null()) {
            wrapper_ = Wrapper::null;
            wrapper_error_.clear();
        } else {
            wrapper_error_ = "ParkingAvailabilities: expected a list, got " + shown(v);
        }
    }

    // Counts an item; false once past the limit (the rest are only counted, for the message).
    bool begin_item() {
        item_path_ = base_ + "[" + std::to_string(items_seen_) + "]";
        return ++items_seen_ <= limits_.max_items;
    }
    bool taking_items() const { return items_seen_ <= limits_.max_items; }

    void reject_item(const Json& v) { out_.rejected.push_back(item_path_ + ": expected an object, got " + shown(v)); }

    void end_item() {
        if (!taking_items()) return;
        fields_.id = item_.at(kCarParkId);
        fields_.total = item_.at(kTotal);
        fields_.available = item_.at(kAvailable);
        fields_.service = item_.at(kService);
        fields_.full = item_.at(kFull);
        fields_.charge = item_.at(kCharge);
        fields_.collected = item_.at(kCollected);
        fields_.by_type_not_list = by_type_ == ByType::not_list ? &by_type_value_ : nullptr;
        fields_.by_type.clear();
        if (by_type_ == ByType::list) {
            for (size_t k = 0; k < entries_used_; ++k) {
                const EntrySlots& e = entries_[k];
                AvailabilityEntryFields f;
                if (e.is_object) {
                    f.space_type = e.at(kSpaceType);
                    f.total = e.at(kNumberOfSpaces);
                    f.available = e.at(kEntryAvailable);
                } else {
                    f.not_object = &e.not_object;
                }
                fields_.by_type.push_back(f);
            }
        }
        Availability a;
        if (read_availability_item(fields_, item_path_, a, problem_))
            out_.items.push_back(std::move(a));
        else
            out_.rejected.push_back(problem_);
    }

    struct EntrySlots : Slots<kEntryKeys> {
        bool is_object = true;
        Json not_object;  // the entry, when it is not an object
    };

    EntrySlots& current_entry() { return entries_[entries_used_ - 1]; }
    EntrySlots& begin_entry(bool is_object) {
        if (entries_used_ == entries_.size()) entries_.emplace_back();
        EntrySlots& e = entries_[entries_used_++];
        e.clear();
        e.is_object = is_object;
        e.not_object = nullptr;
        return e;
    }

    const ReadLimits& limits_;
    AvailabilityList out_;
    std::vector<Frame> frames_{Frame::top};
    int pending_ = kOther;  // the key whose value comes next
    size_t skipping_ = 0;   // depth inside a value skipped unread
    ValueBuilder building_;
    Kept kept_ = Kept::slot;
    Json scratch_;  // a value kept whole for a message

    Slots<kEnvelopeKeys> envelope_;
    Wrapper wrapper_ = Wrapper::missing;
    std::string wrapper_error_;
    std::string base_;
    size_t items_seen_ = 0;
    std::string item_path_;

    Slots<kItemKeys> item_;
    enum class ByType : std::uint8_t { absent, list, not_list } by_type_ = ByType::absent;
    Json by_type_value_;
    std::vector<EntrySlots> entries_;
    size_t entries_used_ = 0;

    AvailabilityFields fields_;
    std::string problem_;
};

}  // namespace

bool TreeBuilder::start(bool object) {
    if (builder_.active())
        builder_.open(object);
    else
        builder_.start(tree_, object);
    return true;
}

bool TreeBuilder::scalar(Json v) {
    if (builder_.active())
        builder_.scalar(std::move(v));
    else
        tree_ = std::move(v);
    return true;
}

Result<AvailabilityList> read_availability_events(const EventSource& produce, const ReadLimits& limits) {
    AvailabilityStream stream(limits);
    if (std::string error = produce(stream); !error.empty()) return Error{error};
    return stream.finish();
}

Result<AvailabilityList> read_availability_json(std::string_view text, const ReadLimits& limits) {
    AvailabilityStream stream(limits);
    if (!Json::sax_parse(text.begin(), text.end(), &stream)) return Error{text::json_syntax_error(text, "availability")};
    return stream.finish();
}

}  // namespace beitai::parking
