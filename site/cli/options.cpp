#include <cstdio>
#include <filesystem>

#include "cli/commands.h"

namespace beitai::site::cli {

bool parse_options(int argc, char** argv, int from, Options& options) {
    for (int i = from; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0 || i + 1 >= argc || !options.count(arg.substr(2))) {
            std::fprintf(stderr, "beitai: unknown or incomplete option \"%s\"\n", arg.c_str());
            return false;
        }
        options[arg.substr(2)] = argv[++i];
    }
    return true;
}

}  // namespace beitai::site::cli

namespace beitai::site::cli {

namespace {

bool holds_repository(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "content" / "counties.json", ec) &&
           std::filesystem::is_regular_file(dir / "CMakeLists.txt", ec);
}

std::filesystem::path up_to_repository(std::filesystem::path dir) {
    for (; !dir.empty(); dir = dir.parent_path()) {
        if (holds_repository(dir)) return dir;
        if (dir == dir.parent_path()) break;
    }
    return {};
}

}  // namespace

std::filesystem::path repository_root() {
    std::error_code ec;
    const auto binary = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        if (auto root = up_to_repository(binary.parent_path()); !root.empty()) return root;
    const auto here = std::filesystem::current_path(ec);
    if (!ec)
        if (auto root = up_to_repository(here); !root.empty()) return root;
    return ".";
}

}  // namespace beitai::site::cli
