// The `beitai` commands that live in files of their own, and what they share.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace beitai::site::cli {

using Options = std::map<std::string, std::string>;

// "--name value" pairs from argv[from] on, each name one of `options`' keys; false (after
// saying which) for anything else.
bool parse_options(int argc, char** argv, int from, Options& options);

// The repository the running `beitai` was built in (it lives in build/native/site/), else the
// one the working directory is in, else ".": where a command finds content/ and the basemap
// by default, so that it works from any directory.
std::filesystem::path repository_root();

// beitai import routes|sites FILE [options] (cli/import.cpp)
int import_command(int argc, char** argv);

// beitai signboards CAMPAIGN [--out DIR] [--db FILE|URL] [--content DIR] [--public-url URL]
int signboards(int argc, char** argv);

// beitai backup DEST [--db FILE] and beitai restore SRC [--db FILE] [--replace yes]
// (cli/backup.cpp)
int backup(int argc, char** argv);
int restore(int argc, char** argv);

}  // namespace beitai::site::cli
