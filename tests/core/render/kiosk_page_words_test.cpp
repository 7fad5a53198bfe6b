// The kiosk page's own words: one language at a time, from the language table.
#include <doctest/doctest.h>

#include "page_language.h"
#include "render/kiosk_page_words.h"

using namespace beitai;
using render::KioskDataState;

TEST_CASE("the kiosk page's words are in the kiosk's language, the data's state said in it") {
    const auto zh = render::kiosk_page_words(text::Lang::zh_TW, KioskDataState::loading);
    CHECK(zh.lang == "zh-Hant-TW");
    CHECK(zh.title == "北臺區域發展推動委員會 觸控導覽");
    CHECK(zh.status == "載入中");
    CHECK(render::kiosk_page_words(text::Lang::zh_TW, KioskDataState::fresh).status == "資料已更新");
    CHECK(render::kiosk_page_words(text::Lang::zh_TW, KioskDataState::offline).status == "無法連線，顯示先前的資料");
    CHECK(render::kiosk_page_words(text::Lang::zh_TW, KioskDataState::offline, 12 * 60 + 59).status ==
          "無法連線，顯示 12 分鐘前的資料");
    const auto en = render::kiosk_page_words(text::Lang::en, KioskDataState::offline, 3 * 60);
    CHECK(en.lang == "en");
    CHECK(en.status == "Offline: showing data from 3 min ago");
    CHECK(render::kiosk_page_words(text::Lang::en, KioskDataState::fresh).status == "Data up to date");
    // An age from a clock that went backwards is not said.
    CHECK(render::kiosk_page_words(text::Lang::en, KioskDataState::offline, -5).status == "Offline: showing earlier data");
    for (auto state : {KioskDataState::loading, KioskDataState::fresh, KioskDataState::offline}) {
        const auto w = render::kiosk_page_words(text::Lang::en, state, 60);
        CAPTURE(w.status);
        CHECK(testing::first_chinese(w.title + " " + w.canvas_label + " " + w.status) == "");
        const auto z = render::kiosk_page_words(text::Lang::zh_TW, state, 60);
        for (const std::string& s : {z.title, z.canvas_label, z.status}) {
            CAPTURE(s);
            CHECK(s.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == std::string::npos);
        }
    }
}
