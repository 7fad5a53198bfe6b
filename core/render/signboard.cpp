#include "render/signboard.h"

#include "text/html.h"
#include "text/url.h"

namespace beitai::render {

using text::escape_xml;

namespace {

std::string text_at(double x, double y, double size, const std::string& s, const char* weight = "normal") {
    return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" font-size=\"" + std::to_string(size) +
           "\" font-weight=\"" + weight + "\" text-anchor=\"middle\">" + escape_xml(s) + "</text>";
}

}  // namespace

std::string checkin_url(const std::string& public_url, const std::string& campaign, const std::string& site,
                        const std::string& code) {
    return public_url + "/raffle/" + text::percent_encode(campaign) + "?site=" + text::percent_encode(site) +
           "&code=" + text::percent_encode(code);
}

std::string signboard_svg(const SignboardSheet& s) {
    const auto& c = *s.campaign;
    // A4 in millimetres; the QR code 120 mm wide, centred, readable from arm's length.
    const double width = 210, qr_size = 120, qr_x = (210 - 120) / 2.0, qr_y = 92;
    const int span = s.qr.size + 8;
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"297mm\" viewBox=\"0 0 210 297\" "
                      "font-family=\"Noto Sans CJK TC, Noto Sans TC, sans-serif\" role=\"img\"><title>" +
                      escape_xml(c.name_zh + " · " + s.site->name) + "</title>";
    out += "<rect width=\"210\" height=\"297\" fill=\"#ffffff\"/><rect x=\"8\" y=\"8\" width=\"194\" height=\"281\" fill=\"none\" "
           "stroke=\"#2E7D32\" stroke-width=\"2\" rx=\"6\"/>";
    out += text_at(width / 2, 30, 11, c.name_zh, "bold");
    out += text_at(width / 2, 40, 6, c.name_en);
    out += text_at(width / 2, 58, 14, s.site->name, "bold");
    if (s.county) out += text_at(width / 2, 68, 6.5, s.county->name_zh + " · " + s.county->name_en);
    out += text_at(width / 2, 84, 8, "掃描打卡 · Scan to check in");
    out += "<svg x=\"" + std::to_string(qr_x) + "\" y=\"" + std::to_string(qr_y) + "\" width=\"" + std::to_string(qr_size) +
           "\" height=\"" + std::to_string(qr_size) + "\" viewBox=\"0 0 " + std::to_string(span) + " " + std::to_string(span) +
           "\" shape-rendering=\"crispEdges\"><path fill=\"#000000\" d=\"" + qr_path_data(s.qr) + "\"/></svg>";
    out += text_at(width / 2, 226, 6, "無法掃描時，請在活動網頁輸入代碼 · Or type this code on the campaign page:");
    out += "<text class=\"code\" x=\"105\" y=\"240\" font-size=\"11\" font-family=\"DejaVu Sans Mono, monospace\" "
           "text-anchor=\"middle\" font-weight=\"bold\">" + escape_xml(s.code) + "</text>";
    out += text_at(width / 2, 258, 6.5, "活動期間 " + text::to_iso(c.start) + " – " + text::to_iso(c.end) + " · " +
                                            std::to_string(c.min_counties) + " 縣市即可參加抽獎");
    out += text_at(width / 2, 267, 5.5, "Check in at sites in " + std::to_string(c.min_counties) + " counties between " +
                                            text::to_iso(c.start) + " and " + text::to_iso(c.end) + " to enter the draws");
    if (c.sample) out += text_at(width / 2, 280, 6, "示範資料 · Sample data", "bold");
    return out + "</svg>";
}

}  // namespace beitai::render
