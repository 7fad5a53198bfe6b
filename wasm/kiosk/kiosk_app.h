// The lobby kiosk's screens, drawn with Dear ImGui. Platform-free: main_web.cpp owns the
// window, the GL context and the frame loop, and calls Frame() once per frame.
//
// Touch first: no keyboard, targets far above 44×44 px, text large enough to read from a
// step back. The content comes from the portal's API through LoadCounties().
#pragma once

#include <string>
#include <vector>

#include "content/county.h"

struct ImFont;

namespace beitai::kiosk {

class KioskApp {
public:
    // Builds the fonts from the embedded CJK subset. Call once after ImGui::CreateContext().
    void Init();
    // Text of GET /api/counties; returns an error message, or "" when loaded.
    std::string LoadCounties(const std::string& counties_json);
    // Draws one frame covering the whole display.
    void Frame();

    const std::string& SelectedCounty() const { return selected_; }

private:
    std::vector<content::County> counties_;
    std::string load_error_;
    std::string selected_;
    ImFont* body_font_ = nullptr;
    ImFont* title_font_ = nullptr;
};

}  // namespace beitai::kiosk
