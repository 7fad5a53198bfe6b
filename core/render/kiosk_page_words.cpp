#include "render/kiosk_page_words.h"

#include "tracker/labels.h"

namespace beitai::render {

KioskPageWords kiosk_page_words(text::Lang lang, KioskDataState state, std::optional<std::int64_t> data_age_s) {
    using text::tr;
    KioskPageWords w;
    w.lang = std::string(text::html_lang_tag(lang));
    w.title = std::string(tr("kiosk.page_title", lang));
    w.canvas_label = std::string(tr("kiosk.canvas_label", lang));
    switch (state) {
        case KioskDataState::loading: w.status = std::string(tr("kiosk.status_loading", lang)); break;
        case KioskDataState::fresh: w.status = std::string(tr("kiosk.status_fresh", lang)); break;
        case KioskDataState::offline:
            w.status = data_age_s && *data_age_s >= 0
                           ? tracker::fill(tr("kiosk.status_offline_age", lang), "minutes", std::to_string(*data_age_s / 60))
                           : std::string(tr("kiosk.status_offline", lang));
            break;
    }
    return w;
}

}  // namespace beitai::render
