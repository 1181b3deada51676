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

}  // namespace asanasim
