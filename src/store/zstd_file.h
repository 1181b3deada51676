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
// complete zstd stream.
absl::Status DecompressFile(const std::string& src, const std::string& dst);

// An input database that may be compressed: a .zst file is decompressed into a temporary file in
// `scratch_dir`, removed when this object dies; any other path is used as it is.
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
  DatabaseInput(std::string path, bool temporary) : path_(std::move(path)), temporary_(temporary) {}
  std::string path_;
  bool temporary_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_STORE_ZSTD_FILE_H_
