#include <doctest/doctest.h>

#include "map_fixture.h"
#include "render/staff_views.h"
#include "test_content.h"

using namespace beitai;
using map_fixture::count;
using render::Notice;
using tracker::Actor;
using tracker::Role;

namespace {

const tracker::Snapshot& snapshot() { return testing::repository_snapshot(); }
const Actor kTaoyuan{"ty.editor", Role::editor, "Taoyuan", "桃園市政府研究發展考核委員會"};
const Actor kAdmin{"secretariat", Role::admin, "", "北臺區域發展推動委員會秘書處"};

const tracker::ProposalRecord& first_with(content::Status status) {
    for (const auto& r : snapshot().records)
        if (r.proposal.status == status) return r;
    FAIL("no record with that status");
    return snapshot().records.front();
}

}  // namespace

TEST_CASE("an editor's home lists exactly the items they may edit, each linked to its edit page") {
    const std::string html = render::staff_home_html(snapshot(), kTaoyuan, "tok", text::Lang::zh_TW);
    size_t editable = 0;
    for (const auto& r : snapshot().records) {
        CAPTURE(r.id());
        const bool listed = html.find("href=\"/staff/proposals/" + r.id() + "\"") != std::string::npos;
        CHECK(listed == tracker::may_edit(kTaoyuan, r.proposal));
        editable += listed;
    }
    CHECK(editable > 0);
    CHECK(html.find("/staff/accounts") == std::string::npos);  // the secretariat's links only
    CHECK(render::staff_home_html(snapshot(), kAdmin, "tok", text::Lang::zh_TW).find("/staff/accounts") != std::string::npos);
}

TEST_CASE("every form of the edit page carries the escaped CSRF token and the version it was made from") {
    const auto& open = first_with(content::Status::open);
    const std::string csrf = "a\"b<c";
    const std::string html = render::staff_edit_html(snapshot(), open, kAdmin, csrf, text::Lang::zh_TW, {});
    const size_t forms = count(html, "<form method=\"post\"");
    CHECK(forms >= 3);
    CHECK(count(html, "<input type=\"hidden\" name=\"csrf\" value=\"a&quot;b&lt;c\">") == forms);
    CHECK(count(html, "name=\"version\" value=\"" + std::to_string(open.version) + "\"") == forms);
    CHECK(html.find("a\"b<c") == std::string::npos);
    // An open item can be closed, not reopened; a closed one the other way round.
    CHECK(html.find("id=\"form-close\"") != std::string::npos);
    CHECK(html.find("id=\"form-reopen\"") == std::string::npos);
    const std::string closed =
        render::staff_edit_html(snapshot(), first_with(content::Status::closed), kAdmin, csrf, text::Lang::zh_TW, {});
    CHECK(closed.find("id=\"form-reopen\"") != std::string::npos);
    CHECK(closed.find("id=\"form-close\"") == std::string::npos);
}

TEST_CASE("a refused save shows its message as an alert, and the changes stored since, escaped") {
    const auto& open = first_with(content::Status::open);
    const std::vector<render::AuditRow> changes = {
        {7, "2026-12-06T10:00:00+08:00", "tp.editor", "progress", open.id(), "<b>x</b>"}};
    const std::string html = render::staff_edit_html(snapshot(), open, kAdmin, "tok", text::Lang::en,
                                                     Notice{"version 2 < 3", true}, changes);
    CHECK(html.find("<p class=\"notice error\" role=\"alert\">version 2 &lt; 3</p>") != std::string::npos);
    CHECK(html.find("<ul class=\"changes\"><li>2026-12-06T10:00:00+08:00 · progress · tp.editor · &lt;b&gt;x&lt;/b&gt;</li></ul>") !=
          std::string::npos);
    const std::string saved = render::staff_edit_html(snapshot(), open, kAdmin, "tok", text::Lang::en, Notice{"Saved.", false});
    CHECK(saved.find("<p class=\"notice ok\" role=\"status\">Saved.</p>") != std::string::npos);
    CHECK(saved.find("class=\"changes\"") == std::string::npos);
}

TEST_CASE("the sign-in form keeps the typed name, escaped, and announces a refusal") {
    const std::string html = render::sign_in_html(text::Lang::zh_TW, Notice{"wrong name or password", true}, "\"><script>");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;script&gt;") != std::string::npos);
    CHECK(html.find("role=\"alert\">wrong name or password</p>") != std::string::npos);
    CHECK(html.find("action=\"/staff/sign-in\"") != std::string::npos);
}
