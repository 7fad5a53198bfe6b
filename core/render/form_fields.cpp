#include "render/form_fields.h"

#include "text/html.h"

namespace beitai::render {

using text::escape_html;

std::string csrf_field(const std::string& csrf) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape_html(csrf) + "\">";
}

std::string form_notice_html(std::string_view text, bool error) {
    if (text.empty()) return {};
    return error ? "<p class=\"notice error\" role=\"alert\">" + escape_html(text) + "</p>"
                 : "<p class=\"notice ok\" role=\"status\">" + escape_html(text) + "</p>";
}

std::string field_html(const std::string& id, const std::string& name, std::string_view label, const std::string& value,
                       const char* type, bool required, const std::string& hint, const std::string& attributes) {
    const std::string hint_id = id + "-hint";
    std::string out = "<div class=\"field\"><label for=\"" + escape_html(id) + "\">" + escape_html(label) + "</label><input id=\"" +
                      escape_html(id) + "\" name=\"" + escape_html(name) + "\" type=\"" + type + "\" value=\"" +
                      escape_html(value) + "\"" + (required ? " required" : "") + attributes;
    if (!hint.empty()) out += " aria-describedby=\"" + escape_html(hint_id) + "\"";
    out += ">";
    if (!hint.empty()) out += "<p class=\"hint\" id=\"" + escape_html(hint_id) + "\">" + escape_html(hint) + "</p>";
    return out + "</div>";
}

}  // namespace beitai::render
