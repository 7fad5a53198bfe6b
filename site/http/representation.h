// What every answer goes through before it is sent (Portal::handle): a public answer gets an
// entity tag (http/etag.h), and a request that names it gets 304 Not Modified with no body;
// a public text answer of at least kMinCompressBytes is sent gzip-compressed when the request
// allows it, with "Vary: Accept-Encoding" whether or not this request allowed it.
//
// Private answers (the route table's no-store: staff pages, a participant's pages, the event
// stream) get neither. No tag: nothing may be kept. No compression: they carry secrets (CSRF
// tokens, recovery codes) next to what a request can make them echo, and compressing such a
// page lets an attacker who watches its size guess the secret byte by byte (BREACH).
//
// Only gzip is made here: brotli's gain over gzip at a speed fit for every answer is a few
// percent on these pages, while the files that weigh (scripts, styles, WebAssembly) are
// compressed with brotli's best setting at build time (http/asset_manifest.h). The work is
// done once per distinct answer: tags of answers shared with the snapshot's cache are kept
// with them, and compressed bodies are kept by tag (at most kMaxKeptBytes, least recently
// used first out).
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/message.h"

namespace beitai::site {

class Representations {
public:
    static constexpr std::size_t kMinCompressBytes = 1024;  // below, a packet either way
    static constexpr std::size_t kMaxKeptBytes = 32 * 1024 * 1024;

    // `shared`: the answer may be kept by browsers and caches (the route is not no-store).
    void finish(const Request& request, Response& response, bool shared);

private:
    std::string tag_of(const Response& response);
    std::shared_ptr<const std::string> gzipped(const std::string& tag, std::string_view body);

    std::mutex mutex_;
    struct KnownBody {
        std::weak_ptr<const std::string> body;  // to tell a new body at a reused address
        std::string tag;
    };
    std::unordered_map<const std::string*, KnownBody> tags_;
    std::list<std::pair<std::string, std::shared_ptr<const std::string>>> compressed_;  // most recent first
    std::unordered_map<std::string, decltype(compressed_)::iterator> compressed_by_tag_;
    std::size_t compressed_bytes_ = 0;
};

}  // namespace beitai::site
