#include "kiosk_app.h"

#include <imgui.h>

#include <cmath>

#include "text/json_reader.h"
#include "kiosk_font.h"

namespace beitai::kiosk {

namespace {

// The kiosk's own words. Every character here is baked into the font at build time.
constexpr const char* kTitle = "北臺區域發展推動委員會";
constexpr const char* kSubtitle = "北臺八縣市 跨縣市合作 Northern Taiwan cooperation";
constexpr const char* kLoading = "資料載入中… Loading";
constexpr const char* kTouchHint = "請觸碰縣市 Touch a county";

const ImVec4 kBackground(0.043f, 0.239f, 0.310f, 1.0f);  // deep teal
const ImVec4 kTile(0.075f, 0.420f, 0.475f, 1.0f);
const ImVec4 kTileActive(0.933f, 0.600f, 0.180f, 1.0f);   // amber

}  // namespace

void KioskApp::Init() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no state between visits

    static ImVector<ImWchar> ranges;  // must outlive the atlas build
    ImFontGlyphRangesBuilder builder;
    builder.AddText(kKioskFontChars);
    builder.BuildRanges(&ranges);

    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes are static data
    config.OversampleH = 1;
    body_font_ = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kKioskFont),
                                                static_cast<int>(kKioskFontSize), 36.0f, &config, ranges.Data);
    title_font_ = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kKioskFont),
                                                 static_cast<int>(kKioskFontSize), 64.0f, &config, ranges.Data);

    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 12;
    style.WindowPadding = ImVec2(48, 40);
    style.ItemSpacing = ImVec2(24, 24);
    style.Colors[ImGuiCol_WindowBg] = kBackground;
    style.Colors[ImGuiCol_Button] = kTile;
    style.Colors[ImGuiCol_ButtonHovered] = kTile;
    style.Colors[ImGuiCol_ButtonActive] = kTileActive;
}

std::string KioskApp::LoadCounties(const std::string& counties_json) {
    auto parsed = text::parse_json_text(counties_json, "/api/counties");
    if (!parsed) return load_error_ = parsed.error();
    text::Diagnostics diagnostics("/api/counties");
    auto counties = content::read_counties(*parsed, diagnostics);
    if (!diagnostics.empty()) return load_error_ = diagnostics.joined();
    counties_ = std::move(counties);
    load_error_.clear();
    return {};
}

void KioskApp::Frame() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    ImGui::PushFont(title_font_);
    ImGui::TextUnformatted(kTitle);
    ImGui::PopFont();
    ImGui::TextUnformatted(kSubtitle);
    ImGui::Spacing();

    if (counties_.empty()) {
        ImGui::TextUnformatted(load_error_.empty() ? kLoading : load_error_.c_str());
    } else {
        // Four tiles a row on a landscape screen, two on a portrait one.
        const float width = ImGui::GetContentRegionAvail().x;
        const int columns = width > 900 ? 4 : 2;
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float tile_w = std::floor((width - spacing * (columns - 1)) / columns);
        const ImVec2 tile(tile_w, 140.0f);
        for (size_t i = 0; i < counties_.size(); ++i) {
            const auto& c = counties_[i];
            if (i % columns != 0) ImGui::SameLine();
            bool active = c.id == selected_;
            if (active) ImGui::PushStyleColor(ImGuiCol_Button, kTileActive);
            ImGui::PushID(c.id.c_str());
            if (ImGui::Button(c.name_zh.c_str(), tile)) selected_ = c.id;
            ImGui::PopID();
            if (active) ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        ImGui::TextUnformatted(kTouchHint);
    }
    ImGui::End();
}

}  // namespace beitai::kiosk
