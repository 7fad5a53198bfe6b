// /lang?to=en|zh-TW&back=PATH: the language switch, remembered in a cookie.
#include "routes/portal.h"

namespace beitai::site {

Response Portal::switch_language(const Call& call) {
    const Request& request = call.request;
    std::string to, back = "/";
    for (const auto& [k, v] : request.query) {
        if (k == "to") to = v;
        if (k == "back") back = v;
    }
    if (to != "en" && to != "zh-TW") return Response::json_error(400, "to: expected \"en\" or \"zh-TW\"");
    // Only paths of this site: "/x" but not "//host", "/\host", or anything with a control
    // character or space (browsers strip tabs, so "/\t/host" would become "//host").
    bool safe = !back.empty() && back[0] == '/' && !(back.size() > 1 && (back[1] == '/' || back[1] == '\\'));
    for (char c : back)
        safe = safe && static_cast<unsigned char>(c) > 0x20 && c != 0x7f && c != '\\';
    if (!safe) back = "/";
    Response r = redirect(back);
    r.headers.emplace_back("Set-Cookie", "lang=" + to + "; Path=/; Max-Age=31536000; SameSite=Lax" +
                                             std::string(config_.secure_cookies ? "; Secure" : ""));
    return r;
}

}  // namespace beitai::site
