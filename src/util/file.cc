#include "src/util/file.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>

#include "src/util/status.h"

namespace asanasim {

absl::Status WriteFileAtomically(const std::string& path, std::string_view text) {
  // Unique per process and call: several writers (cluster nodes filling one cache) never share
  // a temporary file.
  static std::atomic<uint64_t> counter{0};
  const std::string temp =
      path + ".partial." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) return ErrnoToStatus(errno, "cannot create", temp);
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const int err = errno;
  if (std::fclose(f) != 0 || !ok) {
    const int close_err = errno;
    std::remove(temp.c_str());
    return ErrnoToStatus(ok ? close_err : err, "cannot write", temp);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int rename_err = errno;
    std::remove(temp.c_str());
    return ErrnoToStatus(rename_err, "cannot rename onto", path);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return ErrnoToStatus(errno, "cannot read", path);
  std::string text;
  char buffer[1 << 14];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  std::fclose(f);
  if (failed) return ErrnoToStatus(err, "cannot read", path);
  return text;
}

}  // namespace asanasim
