#include "http/representation.h"

#include <algorithm>
#include <cctype>

#include "http/content_coding.h"
#include "http/etag.h"

namespace beitai::site {

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

Headers::iterator find_header(Headers& headers, std::string_view name) {
    return std::find_if(headers.begin(), headers.end(), [&](const auto& h) {
        return h.first.size() == name.size() && std::equal(h.first.begin(), h.first.end(), name.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               });
    });
}

void set_header(Headers& headers, std::string_view name, std::string value) {
    auto it = find_header(headers, name);
    if (it == headers.end()) headers.emplace_back(std::string(name), std::move(value));
    else it->second = std::move(value);
}

void add_vary(Headers& headers, const std::string& field) {
    auto it = find_header(headers, "Vary");
    if (it == headers.end()) headers.emplace_back("Vary", field);
    else if (it->second.find(field) == std::string::npos) it->second += ", " + field;
}

}  // namespace

void Representations::finish(const Request& request, Response& response, bool shared) {
    if (!shared || request.method != "GET" || response.status != 200 || response.stream || response.events) return;
    Headers& headers = response.headers;
    const std::string_view body = response.shared_body ? std::string_view(*response.shared_body) : response.body;
    const bool compressible = find_header(headers, "Content-Encoding") == headers.end() &&
                              body.size() >= kMinCompressBytes && is_compressible(response.content_type);
    if (compressible) add_vary(headers, "Accept-Encoding");
    const Coding coding = compressible ? choose_coding(accepted_codings(request), false, true) : Coding::identity;

    auto given = find_header(headers, "ETag");
    const std::string tag = given != headers.end() ? given->second : tag_of(response);
    const std::string sent_tag = coding == Coding::identity ? tag : etag_with_coding(tag, coding_suffix(coding));
    set_header(headers, "ETag", sent_tag);
    // Kept, then asked about each time: what the tag is for.
    if (find_header(headers, "Cache-Control") == headers.end()) headers.emplace_back("Cache-Control", "no-cache");

    const std::string& if_none_match = request.header("if-none-match");
    if (!if_none_match.empty() && if_none_match_matches(if_none_match, sent_tag)) {
        response.status = 304;
        response.body.clear();
        response.shared_body.reset();
        if (auto e = find_header(headers, "Content-Encoding"); e != headers.end()) headers.erase(e);
        return;
    }
    if (coding == Coding::gzip) {
        auto packed = gzipped(tag, body);
        response.body.clear();
        response.shared_body = std::move(packed);
        headers.emplace_back("Content-Encoding", coding_name(coding));
    }
}

std::string Representations::tag_of(const Response& response) {
    if (!response.shared_body) return etag_of(response.body);
    const std::string* key = response.shared_body.get();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = tags_.find(key);
        if (it != tags_.end() && it->second.body.lock() == response.shared_body) return it->second.tag;
    }
    std::string tag = etag_of(*response.shared_body);
    std::lock_guard<std::mutex> lock(mutex_);
    if (tags_.size() >= 4096) {
        // Bodies the snapshot's cache has let go of; all of them if that is not enough.
        for (auto it = tags_.begin(); it != tags_.end();) it = it->second.body.expired() ? tags_.erase(it) : std::next(it);
        if (tags_.size() >= 4096) tags_.clear();
    }
    tags_[key] = {response.shared_body, tag};
    return tag;
}

std::shared_ptr<const std::string> Representations::gzipped(const std::string& tag, std::string_view body) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = compressed_by_tag_.find(tag);
        if (it != compressed_by_tag_.end()) {
            compressed_.splice(compressed_.begin(), compressed_, it->second);
            return it->second->second;
        }
    }
    auto packed = std::make_shared<const std::string>(gzip_bytes(body));
    std::lock_guard<std::mutex> lock(mutex_);
    if (packed->size() > kMaxKeptBytes || compressed_by_tag_.count(tag)) return packed;
    compressed_.emplace_front(tag, packed);
    compressed_by_tag_[tag] = compressed_.begin();
    compressed_bytes_ += packed->size();
    while (compressed_bytes_ > kMaxKeptBytes) {
        compressed_bytes_ -= compressed_.back().second->size();
        compressed_by_tag_.erase(compressed_.back().first);
        compressed_.pop_back();
    }
    return packed;
}

}  // namespace beitai::site
