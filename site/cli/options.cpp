#include <cstdio>

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
