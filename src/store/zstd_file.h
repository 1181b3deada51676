// Whole-file zstd compression of databases: multi-threaded, long-window, streaming (constant
// memory), and crash-safe (writes `dst.partial`, renames when complete). Thread-compatible.
#ifndef ASANASIM_SRC_STORE_ZSTD_FILE_H_
#define ASANASIM_SRC_STORE_ZSTD_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace asanasim {

inline constexpr int kDefaultZstdLevel = 6;
// 2^27 = 128 MiB: the largest window decoders accept by default.
inline constexpr int kZstdWindowLog = 27;

// True when `path` ends in ".zst".
bool IsZstdPath(std::string_view path);

// Compresses `src` into `dst` with `threads` worker threads (0 = single-threaded). `dst` is
// replaced only if `overwrite`; it never holds a partial stream.
absl::Status CompressFile(const std::string& src, const std::string& dst, int threads,
                          bool overwrite, int level = kDefaultZstdLevel);

// Decompresses the zstd file `src` into `dst` (same crash-safety). DataLoss if `src` is not a
// complete zstd stream, or expands to more than 100 times its size (at least 64 MiB): no
// database is that sparse, so it is refused before it fills the disk.
absl::Status DecompressFile(const std::string& src, const std::string& dst);

// An input database that may be compressed: a .zst file is decompressed into a temporary file in
// `scratch_dir` (.asanasim-input-PID-N.sqlite), flock-ed while it lives and removed when this
// object dies; a run killed before that leaves it unlocked, and the next Open in that directory
// removes it. Any other path is used as it is.
class DatabaseInput {
 public:
  static absl::StatusOr<DatabaseInput> Open(const std::string& path,
                                            const std::string& scratch_dir);
  DatabaseInput(DatabaseInput&& other) noexcept;
  DatabaseInput& operator=(DatabaseInput&& other) noexcept;
  DatabaseInput(const DatabaseInput&) = delete;
  ~DatabaseInput();

  // The SQLite file to open.
  const std::string& path() const { return path_; }

 private:
  DatabaseInput(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  void Release();
  std::string path_;
  int fd_;  // the temporary file's, holding its lock; -1: not a temporary
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_STORE_ZSTD_FILE_H_
