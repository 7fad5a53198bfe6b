#include "text/lang.h"

#include <cstdio>

namespace beitai::text {

namespace {

struct Entry {
    std::string_view key;
    std::string_view zh;
    std::string_view en;
};

constexpr Entry kStrings[] = {
    // site
    {"site.name", "北臺區域發展推動委員會", "Northern Taiwan Regional Development Promotion Committee"},
    {"site.short", "北臺", "Beitai"},
    {"site.skip", "跳到主要內容", "Skip to main content"},
    {"nav.home", "首頁", "Home"},
    {"nav.proposals", "合作提案", "Proposals"},
    {"nav.map", "地圖", "Map"},
    {"nav.kiosk", "觸控導覽", "Kiosk"},
    {"nav.staff", "工作人員", "Staff"},
    {"nav.language", "English", "中文"},
    {"nav.language_label", "Switch to English", "切換為中文"},
    // statuses and closure kinds
    {"status.open", "列管", "Open"},
    {"status.closed", "解除列管", "Closed"},
    {"status.any", "全部狀態", "Any status"},
    {"closure.done", "執行完竣", "Done"},
    {"closure.no_need", "已無需求", "No longer needed"},
    {"closure.cancelled", "取消辦理", "Cancelled"},
    {"closure.central", "由中央辦理或決定", "Taken over or decided by the central government"},
    {"closure.routine", "轉為常態合作", "Became routine cooperation"},
    {"closure.other", "其他", "Other"},
    {"closure.any", "全部結案類型", "Any kind of closure"},
    // summary
    {"summary.total", "提案總數", "All proposals"},
    {"summary.at_a_glance", "統計概況", "At a glance"},
    {"punct.colon", "：", ": "},
    {"summary.heading", "合作提案追蹤", "Cooperation proposals"},
    {"summary.caption", "依狀態統計（資料來源：112年度副首長會議紀錄）",
     "By status (source: the 112 vice-mayors' meeting record)"},
    {"summary.by_year", "各年度提案", "Proposals by year"},
    {"summary.by_group", "各議題組", "By issue group"},
    {"summary.by_closure", "解除列管原因類型", "Closed items by kind of closure"},
    {"summary.year", "年度", "Year"},
    {"summary.items", "件數", "Items"},
    {"summary.central", "請求中央協助", "Asking the central government"},
    {"summary.joint", "八縣市共同合作", "Joint among the counties"},
    {"summary.group", "議題組", "Issue group"},
    {"summary.shown", "符合條件", "matching"},
    // filters
    {"filter.heading", "篩選", "Filter"},
    {"filter.year", "年度", "Year"},
    {"filter.group", "議題組", "Issue group"},
    {"filter.subgroup", "分組", "Sub-group"},
    {"filter.county", "提案縣市", "Proposing county"},
    {"filter.partner", "合作縣市", "Cooperating county"},
    {"filter.status", "狀態", "Status"},
    {"filter.closure", "結案類型", "Kind of closure"},
    {"filter.type", "提案類型", "Proposal type"},
    {"filter.track", "合作方式", "Kind of cooperation"},
    {"filter.q", "關鍵字", "Search"},
    {"filter.q_hint", "標題、提案單位、說明或進度", "title, agency or text"},
    {"filter.sort", "排序", "Sort by"},
    {"filter.any", "全部", "Any"},
    {"filter.apply", "套用篩選", "Apply filters"},
    {"filter.reset", "清除篩選", "Clear filters"},
    {"track.central", "請求中央協助", "Asks the central government"},
    {"track.joint", "八縣市共同合作", "Joint among the counties"},
    {"sort.year", "年度（新到舊）", "Year (newest first)"},
    {"sort.group", "議題組", "Issue group"},
    {"sort.updated", "最近更新", "Last update"},
    // list
    {"list.heading", "提案清單", "Proposals"},
    {"list.none", "沒有符合條件的提案。", "No proposal matches these filters."},
    {"list.count", "共 {n} 件", "{n} proposals"},
    {"list.page", "第 {p} 頁，共 {t} 頁", "Page {p} of {t}"},
    {"list.previous", "上一頁", "Previous page"},
    {"list.next", "下一頁", "Next page"},
    {"list.updated", "更新", "Updated"},
    {"list.exports", "下載目前的清單", "Download this list"},
    {"list.feed", "訂閱更新（Atom）", "Follow changes (Atom)"},
    // detail
    {"detail.year", "提案年度", "Year filed"},
    {"detail.group", "議題組", "Issue group"},
    {"detail.agency", "提案單位", "Proposing agency"},
    {"detail.co_proposers", "共同提案單位", "Co-proposing agencies"},
    {"detail.types", "提案類型", "Proposal types"},
    {"detail.counties", "合作縣市", "Cooperating counties"},
    {"detail.counties_all", "北臺八縣市", "All eight counties"},
    {"detail.counties_unknown", "會議紀錄未載明", "Not stated in the meeting record"},
    {"detail.central", "請求中央協助", "Asks the central government"},
    {"detail.ministry", "對應中央部會", "Ministry"},
    {"detail.status", "列管狀態", "Status"},
    {"detail.closure_kind", "結案類型", "Kind of closure"},
    {"detail.reason", "理由", "Reason"},
    {"detail.decision", "決議", "Decision"},
    {"detail.open_reason", "持續列管原因", "Why it stays open"},
    {"detail.description", "說明", "Description"},
    {"detail.approach", "具體作法", "Approach"},
    {"detail.benefits", "合作效益", "Expected benefits"},
    {"detail.contact_unit", "聯絡單位", "Contact unit"},
    {"detail.progress", "辦理進度", "Progress"},
    {"detail.progress_none", "尚無辦理進度。", "No progress recorded yet."},
    {"detail.history", "列管狀態紀錄", "Status history"},
    {"detail.history_none", "尚無狀態變更。", "No change of status yet."},
    {"detail.history_date", "日期", "Date"},
    {"detail.history_change", "變更", "Change"},
    {"detail.history_by", "變更機關", "Changed by"},
    {"detail.notes", "轉錄附註", "Transcription notes"},
    {"detail.no_sheet", "會議紀錄未附提案單。", "The meeting record has no proposal sheet for this item."},
    {"detail.map", "合作縣市位置", "Where the cooperating counties are"},
    {"detail.feed", "訂閱本案更新（Atom）", "Follow this proposal (Atom)"},
    {"detail.source", "資料出處", "Source"},
    {"detail.version", "版本", "Version"},
    {"detail.back", "回到提案清單", "Back to the list"},
    // staff
    {"staff.sign_in", "工作人員登入", "Staff sign-in"},
    {"staff.name", "帳號", "Account name"},
    {"staff.password", "密碼", "Password"},
    {"staff.submit_sign_in", "登入", "Sign in"},
    {"staff.sign_out", "登出", "Sign out"},
    {"staff.bad_credentials", "帳號或密碼錯誤。", "Wrong account name or password."},
    {"staff.too_many", "登入失敗次數過多，請稍後再試。", "Too many failed sign-ins; try again later."},
    {"staff.home", "工作人員專區", "Staff area"},
    {"staff.signed_in_as", "登入身分", "Signed in as"},
    {"staff.role.editor", "縣市編輯", "County editor"},
    {"staff.role.admin", "秘書處管理者", "Secretariat administrator"},
    {"staff.your_items", "可編輯的提案", "Proposals you can edit"},
    {"staff.new", "新增提案", "New proposal"},
    {"staff.audit", "稽核紀錄", "Audit log"},
    {"staff.accounts", "帳號管理", "Accounts"},
    {"staff.edit", "編輯", "Edit"},
    {"staff.add_progress", "新增辦理進度", "Add a progress entry"},
    {"staff.close", "解除列管", "Close"},
    {"staff.reopen", "恢復列管", "Reopen"},
    {"staff.edit_fields", "修改提案內容", "Edit the proposal"},
    {"staff.date", "日期", "Date"},
    {"staff.text", "內容", "Text"},
    {"staff.kind", "結案類型", "Kind of closure"},
    {"staff.reason", "理由", "Reason"},
    {"staff.decision", "決議會議（例：依112年6月12日第3次工作會議決議）", "Deciding meeting (e.g. 依112年6月12日第3次工作會議決議)"},
    {"staff.save", "儲存", "Save"},
    {"staff.saved", "已儲存。", "Saved."},
    {"staff.conflict", "此提案在您開啟後已被更新。以下是目前的內容與其後的變更；請確認後再送出。",
     "This proposal changed after you opened it. Below are its current state and the changes since; check them and submit again."},
    {"staff.changes_since", "您開啟之後的變更", "Changes since you opened it"},
    {"staff.forbidden", "您沒有權限編輯此提案。", "You may not edit this proposal."},
    {"staff.title", "提案名稱", "Title"},
    {"staff.when", "時間", "When"},
    {"staff.who", "帳號", "Account"},
    {"staff.action", "動作", "Action"},
    {"staff.item", "提案", "Proposal"},
    {"staff.detail", "說明", "Detail"},
    {"staff.role", "角色", "Role"},
    {"staff.county", "縣市", "County"},
    {"staff.agency", "機關", "Agency"},
    {"staff.create_account", "建立帳號", "Create an account"},
    {"staff.disabled", "已停用", "Disabled"},
    {"staff.password_rule", "至少12個字元", "at least 12 characters"},
    // maps
    {"map.title", "自行車路網與環境教育場所", "Bike network and environmental-education sites"},
    {"map.sample_title", "此為示意用的示範資料，非官方資料", "Illustrative sample data, not official data"},
    {"map.county", "縣市", "County"},
    {"map.address", "地址", "Address"},
    {"map.activities", "活動內容", "What visitors do"},
    {"map.hours", "開放時間", "Opening hours"},
    {"map.green_tourism", "參與北臺綠色旅遊", "In the green-tourism programme"},
    {"map.layers", "圖層", "Layers"},
    {"map.layer.basemap", "底圖（縣市界）", "Basemap (county areas)"},
    {"map.layer.routes", "自行車道", "Bike routes"},
    {"map.layer.gaps", "跨縣市斷點", "Breaks between counties"},
    {"map.layer.sites", "環境教育場所", "Environmental-education sites"},
    {"map.sites_by_county", "各縣市環境教育場所", "Sites by county"},
    {"map.routes_list", "自行車道與長度", "Routes and their lengths"},
    {"map.gaps_list", "跨縣市斷點（依距離）", "Breaks between counties, by distance"},
    {"map.all_gaps", "所有斷點", "Every break"},
    {"map.route_name", "路線", "Route"},
    {"map.length", "長度", "Length"},
    {"map.between", "縣市", "Between"},
    {"map.distance", "距離", "Distance"},
    {"map.where", "位置", "Where"},
    {"map.plan", "路線規劃", "Plan a route"},
    {"map.plan_hint", "在地圖上點選起點與終點，或輸入座標（緯度,經度）。", "Pick a start and an end on the map, or type coordinates (lat,lon)."},
    {"map.from", "起點", "From"},
    {"map.to", "終點", "To"},
    {"map.plan_go", "規劃", "Plan"},
    {"map.locate", "我的位置", "Locate me"},
    {"map.apply", "套用", "Apply"},
    {"map.no_js", "互動地圖需要 JavaScript；下方為同一地圖的靜態圖與清單。", "The interactive map needs JavaScript; below are the same map as a picture and as lists."},
    // parking
    {"map.layer.parking", "停車場即時車位", "Car parks, live free spaces"},
    {"parking.level.plenty", "尚有空位", "Spaces free"},
    {"parking.level.few", "車位將滿", "Few spaces"},
    {"parking.level.full", "車位已滿", "Full"},
    {"parking.level.closed", "暫停服務", "Closed"},
    {"parking.level.unknown", "車位不明", "Free spaces unknown"},
    {"parking.no_live", "無即時資料", "No live data"},
    {"parking.free", "剩餘車位", "Free spaces"},
    {"parking.of", "共", "of"},
    {"parking.updated", "資料時間", "Data from"},
    {"parking.seconds_ago", "秒前", "s ago"},
    {"parking.minutes_ago", "分鐘前", "min ago"},
    {"parking.stale", "資料逾時", "Out of date"},
    {"parking.fare", "收費", "Fares"},
    {"parking.wheelchair", "無障礙車位", "Wheelchair spaces"},
    {"parking.ev", "電動車充電", "EV charging"},
    {"parking.near_site", "附近有空位的停車場", "Car parks with space nearby"},
    {"parking.none_near", "3 公里內目前沒有有空位的停車場。", "No car park within 3 km has space right now."},
    {"parking.list", "各縣市停車場即時車位", "Car parks by county, live"},
    {"parking.feeds", "各縣市資料更新狀態", "How fresh each county's data is"},
    {"parking.feed_ok", "正常更新", "Updating"},
    {"parking.feed_never", "尚未取得資料", "No data yet"},
    {"parking.breaker", "暫停查詢，稍後重試", "Paused after repeated failures; retrying later"},
    {"parking.last_error", "最近錯誤", "Last error"},
    {"parking.name", "停車場", "Car park"},
    {"parking.level", "狀態", "Status"},
    {"yes", "是", "Yes"},
    {"no", "否", "No"},
};

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

Lang parse_lang(std::string_view tag) { return tag == "en" ? Lang::en : Lang::zh_TW; }
std::string_view lang_tag(Lang lang) { return lang == Lang::en ? "en" : "zh-TW"; }
std::string_view html_lang_tag(Lang lang) { return lang == Lang::en ? "en" : "zh-Hant-TW"; }

std::string_view tr(std::string_view key, Lang lang) {
    for (const auto& e : kStrings)
        if (e.key == key) return lang == Lang::en ? e.en : e.zh;
    return key;
}

std::string format_date(const Date& d, Lang lang) {
    if (!is_valid(d)) return "—";
    if (lang == Lang::zh_TW) return to_roc_zh(d) + "（" + to_iso(d) + "）";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d %s %d (ROC %d)", d.day, kMonths[d.month - 1], d.year, d.roc_year());
    return buf;
}

}  // namespace beitai::text
