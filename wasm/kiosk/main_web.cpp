// The kiosk on the web: GLFW (Emscripten's built-in port) + WebGL2 + Dear ImGui's GLFW
// and OpenGL3 backends. web/kiosk.html loads it; web/js/kiosk.js feeds it the API's data,
// the address's settings, two-finger gestures and whether the server answers.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/html5.h>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

#include <malloc.h>

#include "allocation_count.h"
#include "kiosk_app.h"

namespace {

GLFWwindow* g_window = nullptr;
beitai::kiosk::KioskApp g_app;
int g_frames = 0;
// The CPU time of the last frames (ms), for the benchmark: the app's frame, ImGui's render
// and the GL calls that hand the draw lists over.
constexpr int kFrameSamples = 600;
double g_frame_ms[kFrameSamples] = {};
// The tests' fake clock: added to both clocks, so that 90 s of idleness take no 90 s.
double g_clock_offset_ms = 0;

// Frozen, both clocks stand still but for advanceClock(): a test of many frames then sees
// no second pass by itself.
bool g_clock_frozen = false;
double g_frozen_monotonic_ms = 0, g_frozen_wall_ms = 0;

std::int64_t monotonic_ms() {
    return static_cast<std::int64_t>((g_clock_frozen ? g_frozen_monotonic_ms : emscripten_get_now()) + g_clock_offset_ms);
}
std::int64_t wall_s() {
    const double wall = g_clock_frozen ? g_frozen_wall_ms : emscripten_date_now();
    return static_cast<std::int64_t>(std::floor((wall + g_clock_offset_ms) / 1000));
}

// The canvas follows the browser window (the page sizes it); the GL surface follows the canvas.
void sync_canvas_size() {
    int w = 0, h = 0;
    emscripten_get_canvas_element_size("#canvas", &w, &h);
    int ww = 0, wh = 0;
    glfwGetWindowSize(g_window, &ww, &wh);
    if (w > 0 && h > 0 && (w != ww || h != wh)) glfwSetWindowSize(g_window, w, h);
}

void frame() {
    const double started = emscripten_get_now();
    sync_canvas_size();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    g_app.Frame(monotonic_ms(), wall_s());
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(g_window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g_frame_ms[g_frames % kFrameSamples] = emscripten_get_now() - started;
    // The page's own words follow the visit's language: the glue hears of a change (a tap on
    // the toggle, a reset) and asks for them again (pageWordsJson). No allocation per frame.
    static int shown_lang = -1;
    if (static_cast<int>(g_app.Lang()) != shown_lang) {
        shown_lang = static_cast<int>(g_app.Lang());
        EM_ASM(document.dispatchEvent(new Event('kiosklanguage')));
    }
    // The first frame's time since navigation, for the start-up figure (tests/bench).
    if (g_frames == 0) EM_ASM(document.body.dataset.firstFrameMs = String(Math.round(performance.now())));
    ++g_frames;
}

// ---- What the glue calls ------------------------------------------------------------------
std::string configure(const std::string& query) { return g_app.Configure(query, monotonic_ms()); }
std::string load_data(const std::string& part, const std::string& text, double fetched_at_s) {
    return g_app.Load(part, text, static_cast<std::int64_t>(fetched_at_s), monotonic_ms());
}
std::string confirm_data(const std::string& part, double fetched_at_s) {
    return g_app.data().Confirm(part, static_cast<std::int64_t>(fetched_at_s));
}
std::string apply_parking_event(const std::string& text) { return g_app.data().ApplyParkingEvent(text, wall_s()); }
void set_origin(const std::string& origin) { g_app.SetOrigin(origin); }
void set_reachable(bool reachable) { g_app.SetReachable(reachable); }
// Two fingers moved from (ax0, ay0), (bx0, by0) to (ax1, ay1), (bx1, by1), canvas pixels.
void pinch(double ax0, double ay0, double bx0, double by0, double ax1, double ay1, double bx1, double by1) {
    g_app.ApplyPinch({{ax0, ay0}, {bx0, by0}, {ax1, ay1}, {bx1, by1}});
}
std::string state_json() { return g_app.StateJson(wall_s()); }
std::string handoff_url() { return g_app.HandoffUrl(); }
std::string page_words_json() { return g_app.PageWordsJson(wall_s()); }
void advance_clock(double ms) { g_clock_offset_ms += ms; }
void freeze_clock(bool frozen) {
    if (frozen && !g_clock_frozen) {
        g_frozen_monotonic_ms = emscripten_get_now();
        g_frozen_wall_ms = emscripten_date_now();
    } else if (!frozen && g_clock_frozen) {
        // Thawed where it stood: the clocks go on from the frozen time, never back.
        g_clock_offset_ms += g_frozen_monotonic_ms - emscripten_get_now();
    }
    g_clock_frozen = frozen;
}
int frames_drawn() { return g_frames; }

// ---- For the long-run test: frames without the browser's pace --------------------------------
// `n` frames of the app and ImGui (no GL: the draw lists are built, not handed to WebGL),
// each `ms_per_frame` of both clocks later, the finger as simulateTouch() left it.
struct SimulatedPointer {
    float x = -1, y = -1;
    int press_frames = 0;  // frames the finger stays down
};
SimulatedPointer g_pointer;
void simulate_touch(double x, double y) { g_pointer = {static_cast<float>(x), static_cast<float>(y), 2}; }
void simulate_frames(int n, double ms_per_frame) {
    ImGuiIO& io = ImGui::GetIO();
    int w = 0, h = 0;
    emscripten_get_canvas_element_size("#canvas", &w, &h);
    for (int i = 0; i < n; ++i) {
        g_clock_offset_ms += ms_per_frame;
        io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
        io.DeltaTime = static_cast<float>(std::max(ms_per_frame, 1.0) / 1000);
        io.MousePos = ImVec2(g_pointer.x, g_pointer.y);
        io.MouseDown[0] = g_pointer.press_frames > 0;
        if (g_pointer.press_frames > 0) --g_pointer.press_frames;
        ImGui::NewFrame();
        g_app.Frame(monotonic_ms(), wall_s());
        ImGui::Render();
    }
}
double allocations() { return static_cast<double>(beitai::kiosk::AllocationCount()); }
double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }
// The CPU times of the last `n` frames (at most 600), oldest first, as a JS array.
emscripten::val frame_times(int n) {
    n = std::min({n, g_frames, kFrameSamples});
    emscripten::val out = emscripten::val::array();
    for (int i = g_frames - n; i < g_frames; ++i) out.call<void>("push", g_frame_ms[i % kFrameSamples]);
    return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(kiosk) {
    emscripten::function("configure", &configure);
    emscripten::function("loadData", &load_data);
    emscripten::function("confirmData", &confirm_data);
    emscripten::function("applyParkingEvent", &apply_parking_event);
    emscripten::function("setOrigin", &set_origin);
    emscripten::function("setReachable", &set_reachable);
    emscripten::function("pinch", &pinch);
    emscripten::function("stateJson", &state_json);
    emscripten::function("handoffUrl", &handoff_url);
    emscripten::function("pageWordsJson", &page_words_json);
    emscripten::function("advanceClock", &advance_clock);
    emscripten::function("freezeClock", &freeze_clock);
    emscripten::function("framesDrawn", &frames_drawn);
    emscripten::function("frameTimes", &frame_times);
    emscripten::function("simulateTouch", &simulate_touch);
    emscripten::function("simulateFrames", &simulate_frames);
    emscripten::function("allocations", &allocations);
    emscripten::function("heapInUse", &heap_in_use);
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
    beitai::kiosk::CountImGuiAllocations();
    ImGui::CreateContext();
    g_app.Init();
    // The glyph atlas, built here rather than inside the first frame, so that its cost shows
    // on its own in the start-up figure (tests/bench/kiosk_frame.mjs).
    const double atlas_started = emscripten_get_now();
    unsigned char* pixels = nullptr;
    int atlas_w = 0, atlas_h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &atlas_w, &atlas_h);
    EM_ASM({ document.body.dataset.fontAtlas = $0 + 'x' + $1 + ' in ' + Math.round($2) + ' ms'; }, atlas_w, atlas_h,
           emscripten_get_now() - atlas_started);
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // Returns at once on the web; the browser calls frame() on every animation frame.
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
