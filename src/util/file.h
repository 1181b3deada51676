// Small file helpers. Thread-safe (no shared state).
#ifndef ASANASIM_SRC_UTIL_FILE_H_
#define ASANASIM_SRC_UTIL_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace asanasim {

// Writes `text` to a temporary file beside `path` (`path.partial.<pid>.<n>`) and renames it onto
// `path`, so `path` is either its old self or complete; on failure the partial file is removed.
// Errors name the file.
absl::Status WriteFileAtomically(const std::string& path, std::string_view text);

// The whole of file `path`; errors (InvalidArgument) name the file and the reason.
absl::StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_FILE_H_
