// The checks every staff route passes before its handler, chosen by the route table's access
// column: a browser's cross-site POST is refused; then a session; then, for a POST, the
// session's CSRF token; then, for admin routes, the secretariat's role. Refusals are logged.
#include "auth/password.h"
#include "render/page.h"
#include "routes/staff_forms.h"
#include "routes/staff_support.h"

namespace beitai::site {

using namespace staff;

std::optional<Response> Portal::staff_gate(const Route& route, const Call& call, std::optional<auth::SignedIn>& who) {
    const Request& request = call.request;
    const bool post = request.method == "POST";
    if (post && cross_site(request)) return Response::json_error(403, "cross-site requests may not change anything");
    if (route.access == Access::staff_sign_in || route.access == Access::participant) return std::nullopt;

    who = sessions_.current(request, call.now);
    if (!who) return not_signed_in(call);
    const tracker::Actor actor = who->account.actor();
    if (post) {
        // Every state-changing request carries the session's CSRF token: a header for JSON,
        // a hidden field for forms.
        std::string token = request.header("x-csrf-token");
        if (token.empty() && is_form(request)) {
            if (auto form = text::parse_query_string(request.body)) token = form_value(*form, "csrf");
        }
        if (!auth::same_secret(token, who->session.csrf)) {
            store_.append_audit({0, call.now, actor.user, "refused:csrf", "", "", "", request.path});
            return Response::json_error(403, "missing or wrong CSRF token");
        }
    }
    if (route.access == Access::admin && actor.role != tracker::Role::admin) {
        if (post) store_.append_audit({0, call.now, actor.user, "refused:admin", "", "", "", request.path});
        if (call.json) return Response::json_error(403, "only the committee secretariat (admin) may do this");
        return staff_page(request, call.now, forbidden_html(request_lang(request)), 403);
    }
    return std::nullopt;
}

// Without a session: 401 for the JSON API; the sign-in form at /staff; from another staff
// page, a redirect to the sign-in form that says where to come back to. A form posted after
// the session ended (it times out after 30 idle minutes, often while someone types) gets the
// sign-in form at once, carrying what was typed as hidden fields, so that signing in brings
// the editor back to the same form with their text; nothing typed is stored meanwhile.
Response Portal::not_signed_in(const Call& call) {
    const Request& request = call.request;
    const text::Lang lang = request_lang(request);
    if (call.json) return Response::json_error(401, "sign in first (POST /api/staff/sign-in)");
    if (request.method == "POST") {
        if (!form_target(request.path) || !is_form(request)) return redirect("/staff");
        auto form = form_fields(request);
        if (!form) return redirect("/staff");
        return staff_page(request, call.now,
                          render::sign_in_html(lang, {std::string(text::tr("staff.session_expired", lang)), true}, "",
                                               {request.path, kept_values(*form)}),
                          401);
    }
    if (request.path != "/staff") {
        if (auto back = staff_return_path(request.path)) return redirect("/staff?return=" + *back);
        return redirect("/staff");
    }
    render::SignInReturn back;
    for (const auto& [k, v] : request.query)
        if (k == "return")
            if (auto path = staff_return_path(v)) back.path = *path;
    render::Notice notice;
    if (!back.path.empty()) notice = {std::string(text::tr("staff.sign_in_first", lang)), false};
    return staff_page(request, call.now, render::sign_in_html(lang, notice, "", back));
}

Response Portal::staff_page(const Request& request, UnixTime now, const std::string& main_html, int status) {
    render::PageFrame frame = page_frame(request, "staff");
    if (auto who = sessions_.current(request, now))
        frame.signed_in_as = std::string(text::tr("staff.signed_in_as", frame.lang)) +
                             std::string(text::tr("punct.colon", frame.lang)) + who->account.name;
    frame.title = std::string(text::tr("staff.home", frame.lang));
    frame.main_html = main_html;
    return html_page(status, render::page_html(frame));
}

Response Portal::staff_not_found(const Call& call) {
    if (call.request.method == "POST") return Response::json_error(404, "no such action: " + call.request.path);
    return Response::json_error(404, "no such resource: " + call.request.path);
}

}  // namespace beitai::site
