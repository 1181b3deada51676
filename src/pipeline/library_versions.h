// The versions of the libraries this binary runs with, for `asanasim --version` and bug reports:
// the runtime ones (SQLite, oneTBB, zstd, libcurl, xxHash: shared libraries that may differ from
// the headers it was built with) and the build-time ones of header-only libraries. Thread-safe.
#ifndef ASANASIM_SRC_PIPELINE_LIBRARY_VERSIONS_H_
#define ASANASIM_SRC_PIPELINE_LIBRARY_VERSIONS_H_

#include <string>
#include <utility>
#include <vector>

namespace asanasim {

// (library, version) in a fixed order, e.g. ("SQLite", "3.40.1").
std::vector<std::pair<std::string, std::string>> LibraryVersions();

}  // namespace asanasim

#endif  // ASANASIM_SRC_PIPELINE_LIBRARY_VERSIONS_H_
