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

// Writes `text` to a new file `path` (mode 0644 less the umask) and syncs it to disk.
absl::Status WriteFileSynced(const std::string& path, std::string_view text);

// fsync of a file or (with `directory`) a directory, by path.
absl::Status SyncPath(const std::string& path, bool directory);

// The directory part of `path` ("." for a bare file name).
std::string ParentDirectory(const std::string& path);

// Creates `dir` and its missing parents with mode 0755 (less the umask: never more open than
// that, whatever the umask). OK if it exists as a directory.
absl::Status MakeDirectories(const std::string& dir);

// The whole of file `path`; errors (InvalidArgument) name the file and the reason.
absl::StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_FILE_H_
