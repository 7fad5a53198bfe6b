// The replay driver: a plain main() linked with one target's LLVMFuzzerTestOneInput in the
// normal (gcc) build, so every build runs the seed corpus and the regression inputs through
// the target's checks — no clang or libFuzzer needed.
//
//   replay_<target> DIR_OR_FILE...
//
// Feeds every regular file of each directory (sorted by name; hidden files and README.md
// skipped), or each file given. A directory that does not exist counts as empty (a target
// with no regressions yet), but no input at all is an error: the paths are wrong.
// Each input runs in a child process, so that a broken invariant (a trap) or a crash names
// its input and the others still run; the exit status is 1 when any input failed.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_support.h"

namespace {

namespace fs = std::filesystem;

bool skipped(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.empty() || name[0] == '.' || name == "README.md";
}

// Runs one input in a child; "" when it passed, else how it failed.
std::string run_one(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot be read";
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child < 0) return std::string("fork failed: ") + std::strerror(errno);
    if (child == 0) {
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        std::fflush(nullptr);
        _exit(0);
    }
    int status = 0;
    if (waitpid(child, &status, 0) < 0) return std::string("waitpid failed: ") + std::strerror(errno);
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        return std::string("killed by signal ") + std::to_string(sig) + " (" + strsignal(sig) +
               (sig == SIGILL || sig == SIGTRAP ? ": a broken invariant, see above)" : ")");
    }
    if (WEXITSTATUS(status) != 0) return "exited with status " + std::to_string(WEXITSTATUS(status));
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(arg))
                if (entry.is_regular_file() && !skipped(entry.path())) files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            std::printf("%s: %zu inputs\n", arg.c_str(), files.size());
            inputs.insert(inputs.end(), files.begin(), files.end());
        } else if (fs::is_regular_file(arg, ec)) {
            inputs.push_back(arg);
        } else {
            std::printf("%s: none (no such directory)\n", arg.c_str());
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "replay: no inputs at all (%s …): wrong path?\n", argv[1]);
        return 1;
    }

    std::vector<std::string> failures;
    for (const auto& path : inputs) {
        const std::string failure = run_one(path);
        if (failure.empty()) continue;
        failures.push_back(path.string() + ": " + failure);
        std::fprintf(stderr, "replay: FAILED %s\n", failures.back().c_str());
    }
    if (!failures.empty()) {
        std::printf("replay: %zu of %zu inputs failed:\n", failures.size(), inputs.size());
        for (const auto& f : failures) std::printf("  %s\n", f.c_str());
        return 1;
    }
    std::printf("replay: %zu inputs, every check held\n", inputs.size());
    return 0;
}
