#include "render/site_card.h"

#include "render/prose.h"
#include "text/html.h"

namespace beitai::render {

using text::escape_html;
using text::tr;

std::string sample_note_html(text::Lang lang) {
    return "<p class=\"sample-note\">" + sample_badge_html(lang) + " " + escape_html(tr("map.sample_title", lang)) + "</p>";
}

std::string sample_label_text(text::Lang lang) {
    return std::string("示範資料") + (lang == text::Lang::en ? " sample data" : "") + " · " + std::string(tr("map.sample_title", lang));
}

std::string sample_badge_html(text::Lang lang) {
    return "<span class=\"badge badge-sample\" title=\"" + escape_html(tr("map.sample_title", lang)) + "\">示範資料" +
           (lang == text::Lang::en ? std::string(" <span lang=\"en\">sample data</span>") : std::string()) + "</span>";
}

std::string site_card_html(const content::Site& s, const std::vector<content::County>* counties, text::Lang lang,
                           int heading) {
    const std::string h = "h" + std::to_string(heading);
    std::string county = s.county;
    if (counties)
        if (const auto* c = content::find_county(*counties, s.county)) county = lang == text::Lang::en ? c->name_en : c->name_zh;
    std::string out = "<div class=\"site-card\" data-site=\"" + escape_html(s.id) + "\"><" + h + ">" +
                      source_text(escape_html(s.name), lang) + "</" + h + ">";
    if (s.sample) out += "<p>" + sample_badge_html(lang) + "</p>";
    out += "<dl class=\"facts\"><div class=\"fact\"><dt>" + escape_html(tr("map.county", lang)) + "</dt><dd>" +
           escape_html(county) + "</dd></div><div class=\"fact\"><dt>" + escape_html(tr("map.address", lang)) +
           "</dt><dd>" + source_text(escape_html(s.address), lang) + "</dd></div>";
    if (!s.activities.empty())
        out += "<div class=\"fact\"><dt>" + escape_html(tr("map.activities", lang)) + "</dt><dd>" +
               source_text(escape_html(s.activities), lang) + "</dd></div>";
    if (!s.hours.empty())
        out += "<div class=\"fact\"><dt>" + escape_html(tr("map.hours", lang)) + "</dt><dd>" +
               source_text(escape_html(s.hours), lang) + "</dd></div>";
    out += "<div class=\"fact\"><dt>" + escape_html(tr("map.green_tourism", lang)) + "</dt><dd>" +
           escape_html(tr(s.green_tourism ? "yes" : "no", lang)) + "</dd></div>";
    // From the ministry's certified list: the licence and how long it holds.
    if (!s.licence.empty())
        out += "<div class=\"fact\"><dt>" + escape_html(tr("map.licence", lang)) + "</dt><dd>" +
               source_text(escape_html(s.licence), lang) + "</dd></div>";
    if (!s.valid_until.empty())
        out += "<div class=\"fact\"><dt>" + escape_html(tr("map.valid_until", lang)) + "</dt><dd>" + escape_html(s.valid_until) +
               (!s.certificate_expired           ? std::string()
                : lang == text::Lang::en ? " (" + escape_html(tr("map.certificate_expired", lang)) + ")"
                                         : "（" + escape_html(tr("map.certificate_expired", lang)) + "）") +
               "</dd></div>";
    out += "</dl></div>";
    return out;
}

}  // namespace beitai::render
