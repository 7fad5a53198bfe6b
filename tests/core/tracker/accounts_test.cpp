#include <doctest/doctest.h>

#include "test_content.h"
#include "tracker/accounts.h"

using namespace beitai::tracker;
using beitai::text::Json;

namespace {

const auto& counties() { return beitai::testing::repository_snapshot().counties; }

Json editor_body() {
    return Json{{"name", "ty.editor"},
                {"password", "correct horse battery"},
                {"role", "editor"},
                {"county", "Taoyuan"},
                {"agency", "桃園市政府研究發展考核委員會"}};
}

std::string refusal(const Json& body) {
    auto r = read_new_account(body, counties());
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("only the committee secretariat manages accounts") {
    CHECK(may_manage_accounts(Actor{"secretariat", Role::admin, "", "秘書處"}));
    CHECK_FALSE(may_manage_accounts(Actor{"ty.editor", Role::editor, "Taoyuan", "桃園市政府"}));
}

TEST_CASE("a valid editor account is read as it will be stored") {
    auto a = read_new_account(editor_body(), counties());
    REQUIRE_MESSAGE(a.ok(), a.error());
    CHECK(a->name == "ty.editor");
    CHECK(a->role == Role::editor);
    CHECK(a->county == "Taoyuan");
    CHECK(a->agency == "桃園市政府研究發展考核委員會");
    CHECK(a->password == "correct horse battery");
}

TEST_CASE("an admin acts for all counties: a county given is dropped") {
    Json body = editor_body();
    body["role"] = "admin";
    auto a = read_new_account(body, counties());
    REQUIRE_MESSAGE(a.ok(), a.error());
    CHECK(a->role == Role::admin);
    CHECK(a->county.empty());
}

TEST_CASE("a form's CSRF field is allowed beside the account's fields") {
    Json body = editor_body();
    body["csrf"] = "token";
    CHECK(read_new_account(body, counties()).ok());
}

TEST_CASE("each mistake in a new account is named by its field") {
    struct Case {
        const char* what;
        const char* key;
        Json value;  // null removes the key
        const char* message;
    };
    const Case cases[] = {
        {"an unknown field", "phone", "x", "phone: unknown field"},
        {"no name", "name", nullptr, "name: required, a string"},
        {"a name that is not a string", "name", 7, "name: required, a string"},
        {"no password", "password", nullptr, "password: required, a string"},
        {"no agency", "agency", nullptr, "agency: required, a string"},
        {"an unknown role", "role", "owner", "role: expected \"editor\" or \"admin\""},
        {"a name too short", "name", "ab", "name: 3 to 40 of a-z, 0-9, '.', '_' and '-'"},
        {"a name with capitals", "name", "Ty.Editor", "name: 3 to 40 of a-z, 0-9, '.', '_' and '-'"},
        {"a name with spaces", "name", "ty editor", "name: 3 to 40 of a-z, 0-9, '.', '_' and '-'"},
        {"a name too long", "name", std::string(41, 'a'), "name: 3 to 40 of a-z, 0-9, '.', '_' and '-'"},
        {"an editor without a county", "county", nullptr,
         "county: an editor belongs to one of the eight counties (a TDX id)"},
        {"an editor of no such county", "county", "Tainan",
         "county: an editor belongs to one of the eight counties (a TDX id)"},
        {"a county that is not a string", "county", 3, "county: expected a string"},
        {"an empty agency", "agency", "", "agency: required"},
        {"an agency with a control character", "agency", "桃園市\x01", "agency: This holds the control character U+0001; only tab and line breaks may be used: please remove it."},
        {"an agency with U+FFFF", "agency", "桃園市\xEF\xBF\xBF", "agency: This holds U+FFFF, which is not a character (a Unicode noncharacter): please remove it."},
        {"a short password", "password", "elevenchars", "password: at least 12 characters"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        Json body = editor_body();
        if (c.value.is_null()) body.erase(c.key);
        else body[c.key] = c.value;
        CHECK(refusal(body) == c.message);
    }
    CHECK(refusal(Json::array()) == "(body): expected an object");
}

TEST_CASE("the boundaries of a name and a password are inside the rule") {
    Json body = editor_body();
    body["name"] = "a.b";
    CHECK(read_new_account(body, counties()).ok());
    body["name"] = std::string(40, 'z');
    CHECK(read_new_account(body, counties()).ok());
    body["password"] = std::string(kMinPasswordLength, 'p');
    CHECK(read_new_account(body, counties()).ok());
}

TEST_CASE("the CLI's path checks the same rule without JSON") {
    NewAccount a{"ops", Role::editor, "Keelung", "基隆市政府", "twelve chars"};
    CHECK(check_new_account(a, counties()).ok());
    a.county = "";
    CHECK(check_new_account(a, counties()).error() == "county: an editor belongs to one of the eight counties (a TDX id)");
}
