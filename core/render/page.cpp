#include "render/page.h"

#include "text/html.h"
#include "text/url.h"

namespace beitai::render {

using text::escape_html;
using text::tr;

std::string language_switch_url(text::Lang to, const std::string& path_and_query) {
    return "/lang?" + text::to_query_string({{"to", std::string(text::lang_tag(to))}, {"back", path_and_query}});
}

std::string page_html(const PageFrame& f) {
    const text::Lang other = f.lang == text::Lang::en ? text::Lang::zh_TW : text::Lang::en;
    auto nav = [&](const char* id, const char* href, std::string_view label) {
        bool current = f.active_nav == id;
        return "<li><a href=\"" + std::string(href) + "\"" + (current ? " aria-current=\"page\"" : "") + ">" +
               escape_html(label) + "</a></li>";
    };
    std::string out = "<!doctype html><html lang=\"" + std::string(text::html_lang_tag(f.lang)) +
                      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                      "initial-scale=1\"><title>" +
                      escape_html(f.title) + " · " + escape_html(tr("site.name", f.lang)) +
                      "</title><link rel=\"icon\" href=\"data:,\">";
    auto url = [&](const std::string& logical) { return escape_html(asset_url(f.assets, logical)); };
    std::vector<std::string> styles = {"/static/css/portal.css", "/generated/css/parking.css"};
    styles.insert(styles.end(), f.styles.begin(), f.styles.end());
    for (const auto& s : styles) out += "<link rel=\"stylesheet\" href=\"" + url(s) + "\">";
    for (const auto& s : f.preloads) out += "<link rel=\"preload\" href=\"" + url(s) + "\" as=\"fetch\" crossorigin>";
    for (const auto& a : f.alternates)
        out += "<link rel=\"alternate\" type=\"" + escape_html(a.type) + "\" href=\"" + escape_html(a.href) +
               "\" title=\"" + escape_html(a.title) + "\">";
    for (const auto& s : f.scripts) out += "<script src=\"" + url(s) + "\" defer></script>";
    for (const auto& s : f.on_demand_scripts)
        out += "<meta name=\"script:" + escape_html(s) + "\" content=\"" + url(s) + "\">";
    out += "</head><body><a class=\"skip-link\" href=\"#main\">" + escape_html(tr("site.skip", f.lang)) +
           "</a><header class=\"site-header\"><p class=\"site-name\"><a href=\"/\">" +
           escape_html(tr("site.name", f.lang)) + "</a></p><nav aria-label=\"" + escape_html(tr("site.short", f.lang)) +
           "\"><ul class=\"nav\">" + nav("home", "/", tr("nav.home", f.lang)) +
           nav("proposals", "/proposals", tr("nav.proposals", f.lang)) + nav("map", "/map", tr("nav.map", f.lang)) +
           nav("raffle", "/raffle", tr("nav.raffle", f.lang)) +
           nav("kiosk", "/kiosk", tr("nav.kiosk", f.lang)) +
           nav("staff", "/staff", tr("nav.staff", f.lang)) + "<li><a class=\"lang-switch\" lang=\"" +
           std::string(text::html_lang_tag(other)) + "\" hreflang=\"" + std::string(text::html_lang_tag(other)) +
           "\" href=\"" + escape_html(language_switch_url(other, f.path_and_query)) + "\" aria-label=\"" +
           escape_html(tr("nav.language_label", f.lang)) + "\">" + escape_html(tr("nav.language", f.lang)) +
           "</a></li></ul></nav>";
    if (!f.signed_in_as.empty())
        out += "<p class=\"signed-in\">" + escape_html(f.signed_in_as) + "</p>";
    out += "</header><main id=\"main\">" + f.main_html + "</main><footer class=\"site-footer\"><p>" +
           escape_html(tr("site.name", f.lang)) + "</p></footer></body></html>";
    return out;
}

}  // namespace beitai::render
