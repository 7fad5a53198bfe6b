// The `beitai` commands that live in files of their own, and what they share.
#pragma once

#include <map>
#include <string>

namespace beitai::site::cli {

using Options = std::map<std::string, std::string>;

// "--name value" pairs from argv[from] on, each name one of `options`' keys; false (after
// saying which) for anything else.
bool parse_options(int argc, char** argv, int from, Options& options);

// beitai signboards CAMPAIGN [--out DIR] [--db FILE|URL] [--content DIR] [--public-url URL]
int signboards(int argc, char** argv);

}  // namespace beitai::site::cli
