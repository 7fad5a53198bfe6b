#include "content/imports.h"

namespace beitai::content {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

std::string county_of_address(const std::string& address, const std::vector<County>& counties) {
    std::string a = replace_all(address, "台", "臺");
    // Spaces (ASCII and the ideographic one) say nothing about the place.
    a = replace_all(replace_all(a, "\xE3\x80\x80", ""), " ", "");
    a = replace_all(a, "\t", "");
    // A postcode may come first ("100臺北市…", "10491臺北市…"), then the old province.
    size_t digits = 0;
    while (digits < a.size() && a[digits] >= '0' && a[digits] <= '9') ++digits;
    a = a.substr(digits);
    if (starts_with(a, "臺灣省")) a = a.substr(std::string("臺灣省").size());
    // The names before the mergers: 臺北縣 became 新北市 in 2010, 桃園縣 桃園市 in 2014.
    if (starts_with(a, "臺北縣")) a = "新北市" + a.substr(std::string("臺北縣").size());
    if (starts_with(a, "桃園縣")) a = "桃園市" + a.substr(std::string("桃園縣").size());
    for (const auto& c : counties)
        if (starts_with(a, c.name_zh)) return c.id;
    return {};
}

std::string county_id_of(const std::string& name, const std::vector<County>& counties) {
    const std::string lower = lower_ascii(name);
    for (const auto& c : counties)
        if (name == c.id || lower == lower_ascii(c.name_en)) return c.id;
    return county_of_address(name, counties);
}

std::string report_text(const std::vector<ImportLine>& report, const std::string& source) {
    size_t taken = 0;
    for (const auto& l : report) taken += l.taken;
    std::string out = source + ": taken " + std::to_string(taken) + ", refused " + std::to_string(report.size() - taken) + "\n";
    for (const auto& l : report)
        out += source + ": " + std::string(l.taken ? "took " : "refused ") + "record " + std::to_string(l.record) + " (" +
               l.what + "): " + l.detail + "\n";
    return out;
}

}  // namespace beitai::content
