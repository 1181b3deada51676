#include "src/util/file.h"

#include <cerrno>
#include <cstdio>

#include "src/util/status.h"

namespace asanasim {

absl::Status WriteFileAtomically(const std::string& path, std::string_view text) {
  const std::string temp = path + ".partial";
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
