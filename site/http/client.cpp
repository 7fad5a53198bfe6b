#include "http/client.h"

namespace beitai::site {

namespace {

struct Sink {
    std::string body;
    std::size_t max = 0;
    bool too_large = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const size_t n = size * count;
    if (sink->body.size() + n > sink->max) {
        sink->too_large = true;
        return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    sink->body.append(data, n);
    return n;
}

}  // namespace

void set_common_options(CURL* easy, const HttpLimits& limits) {
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, limits.connect_timeout_ms);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, limits.timeout_ms);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_body_bytes));
    curl_easy_setopt(easy, CURLOPT_USERAGENT, limits.user_agent.c_str());
}

HttpAnswer http_request(const std::string& url, const HttpLimits& limits, const std::vector<std::string>& headers,
                        const std::string* form) {
    HttpAnswer answer;
    CURL* easy = curl_easy_init();
    if (!easy) {
        answer.error = "libcurl did not start";
        return answer;
    }
    Sink sink;
    sink.max = limits.max_body_bytes;
    curl_slist* list = nullptr;
    for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
    set_common_options(easy, limits);
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    if (list) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, list);
    if (form) curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, form->c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &sink);
    const CURLcode rc = curl_easy_perform(easy);
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &answer.status);
    curl_easy_cleanup(easy);
    curl_slist_free_all(list);
    if (sink.too_large) answer.error = "the answer is larger than " + std::to_string(limits.max_body_bytes) + " bytes";
    else if (rc != CURLE_OK) answer.error = curl_easy_strerror(rc);
    answer.body = std::move(sink.body);
    return answer;
}

}  // namespace beitai::site
