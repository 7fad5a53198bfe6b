#include "http/message.h"

#include <nlohmann/json.hpp>

namespace beitai::site {

const std::string& Request::header(const std::string& name) const {
    static const std::string none;
    for (const auto& [k, v] : headers)
        if (k == name) return v;
    return none;
}

std::string Request::cookie(const std::string& name) const {
    const std::string& all = header("cookie");
    size_t pos = 0;
    while (pos < all.size()) {
        size_t end = all.find(';', pos);
        std::string pair = all.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        size_t start = pair.find_first_not_of(' ');
        if (start != std::string::npos) pair = pair.substr(start);
        if (pair.compare(0, name.size() + 1, name + "=") == 0) return pair.substr(name.size() + 1);
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return {};
}

Response Response::json(int status, std::string body) {
    Response r;
    r.status = status;
    r.content_type = "application/json; charset=utf-8";
    r.body = std::move(body);
    return r;
}

Response Response::json(int status, std::shared_ptr<const std::string> body) {
    Response r;
    r.status = status;
    r.content_type = "application/json; charset=utf-8";
    r.shared_body = std::move(body);
    return r;
}

Response Response::json_error(int status, const std::string& message) {
    nlohmann::json j = {{"error", message}};
    return json(status, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response Response::text(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

}  // namespace beitai::site
