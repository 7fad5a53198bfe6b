// The kiosk on the web: GLFW (Emscripten's built-in port) + WebGL2 + Dear ImGui's GLFW
// and OpenGL3 backends. web/kiosk.html loads it; web/js/kiosk.js feeds it the API's data.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/html5.h>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "kiosk_app.h"

namespace {

GLFWwindow* g_window = nullptr;
beitai::kiosk::KioskApp g_app;
int g_frames = 0;

// The canvas follows the browser window (the page sizes it); the GL surface follows the canvas.
void sync_canvas_size() {
    int w = 0, h = 0;
    emscripten_get_canvas_element_size("#canvas", &w, &h);
    int ww = 0, wh = 0;
    glfwGetWindowSize(g_window, &ww, &wh);
    if (w > 0 && h > 0 && (w != ww || h != wh)) glfwSetWindowSize(g_window, w, h);
}

void frame() {
    sync_canvas_size();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    g_app.Frame();
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(g_window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++g_frames;
}

std::string load_counties(const std::string& json) { return g_app.LoadCounties(json); }
int frames_drawn() { return g_frames; }
std::string selected_county() { return g_app.SelectedCounty(); }

}  // namespace

EMSCRIPTEN_BINDINGS(kiosk) {
    emscripten::function("loadCounties", &load_counties);
    emscripten::function("framesDrawn", &frames_drawn);
    emscripten::function("selectedCounty", &selected_county);
}

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    int w = 0, h = 0;
    emscripten_get_canvas_element_size("#canvas", &w, &h);
    g_window = glfwCreateWindow(w > 0 ? w : 1280, h > 0 ? h : 720, "北臺 kiosk", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    g_app.Init();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // Returns at once on the web; the browser calls frame() on every animation frame.
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
