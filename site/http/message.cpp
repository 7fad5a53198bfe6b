#include "http/message.h"

#include <nlohmann/json.hpp>

namespace beitai::site {

const std::string& Request::header(const std::string& name) const {
    static const std::string none;
    for (const auto& [k, v] : headers)
        if (k == name) return v;
    return none;
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
