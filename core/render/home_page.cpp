#include "render/home_page.h"

#include "render/county_list.h"
#include "render/live_figures.h"
#include "render/site_card.h"
#include "text/html.h"
#include "text/url.h"

namespace beitai::render {

namespace {

using text::escape_html;
using text::Lang;
using text::tr;

std::string state_id(FigureState state) {
    switch (state) {
        case FigureState::shown: return "shown";
        case FigureState::not_loaded: return "not-loaded";
        case FigureState::stale: return "stale";
        case FigureState::none: return "none";
    }
    return "none";
}

// One figure as a card that leads to where it is counted.
std::string figure_card(const char* id, const LiveFigure& f, const std::string& href, Lang lang) {
    std::string out = "<li class=\"figure-card\" data-figure=\"" + std::string(id) + "\" data-state=\"" +
                      state_id(f.state) + "\"";
    if (f.value) out += " data-value=\"" + std::to_string(*f.value) + "\"";
    out += "><a href=\"" + escape_html(href) + "\"><span class=\"figure-title\">" + escape_html(f.title(lang)) +
           "</span>";
    if (!f.figure(lang).empty()) out += "<strong class=\"figure-value\">" + escape_html(f.figure(lang)) + "</strong>";
    out += "<span class=\"figure-line\">" + escape_html(f.line(lang)) + "</span></a>";
    if (f.sample) out += sample_badge_html(lang);
    return out + "</li>";
}

std::string section_card(const char* href, const char* key, Lang lang) {
    const std::string k(key);
    return "<li><a href=\"" + std::string(href) + "\">" + escape_html(tr(k + ".title", lang)) + "</a><p>" +
           escape_html(tr(k + ".text", lang)) + "</p></li>";
}

}  // namespace

std::string home_main_html(const HomeData& data, Lang lang) {
    std::string out = "<section class=\"home-intro\" aria-labelledby=\"home-heading\"><h1 id=\"home-heading\">" +
                      escape_html(tr("site.name", lang)) + "</h1><p class=\"lede\">" +
                      escape_html(tr("home.lede", lang)) + "</p>";
    if (data.counties) {
        out += "<h2 id=\"members-heading\">" + escape_html(tr("home.members", lang)) + "</h2>" +
               county_list_html(*data.counties, lang);
    }
    out += "</section>";

    out += "<section class=\"home-figures\" aria-labelledby=\"figures-heading\"><h2 id=\"figures-heading\">" +
           escape_html(tr("home.figures", lang)) + "</h2><ul class=\"figures\">";
    out += figure_card("proposals", proposals_figure(data.proposals), "/proposals?status=open", lang);
    if (data.parking)
        out += figure_card("parking", parking_figure(data.parking, std::nullopt, data.now), "/map?layers=parking", lang);
    if (data.campaigns) {
        const content::Campaign* featured = featured_campaign(*data.campaigns, data.now);
        out += figure_card("campaign", campaign_figure(data.campaigns, data.now),
                           featured ? "/raffle/" + text::percent_encode(featured->id) : std::string("/raffle"), lang);
    }
    out += "</ul></section>";

    out += "<section class=\"home-sections\" aria-labelledby=\"sections-heading\"><h2 id=\"sections-heading\">" +
           escape_html(tr("home.sections", lang)) + "</h2><ul class=\"sections\">";
    out += section_card("/proposals", "home.proposals", lang);
    out += section_card("/map", "home.map", lang);
    if (data.campaigns) out += section_card("/raffle", "home.raffle", lang);
    out += section_card("/kiosk", "home.kiosk", lang);
    out += section_card("/staff", "home.staff", lang);
    out += "</ul><p class=\"feeds\"><a href=\"/proposals.atom\" type=\"application/atom+xml\">" +
           escape_html(tr("home.feed", lang)) + "</a></p></section>";
    return out;
}

}  // namespace beitai::render
