#include "src/util/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "src/util/status.h"

namespace asanasim {

absl::Status WriteFileAtomically(const std::string& path, std::string_view text) {
  // Unique per process and call: several writers (cluster nodes filling one cache) never share
  // a temporary file.
  static std::atomic<uint64_t> counter{0};
  const std::string temp =
      path + ".partial." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  // open(2) with 0644, not fopen's 0666: under umask 000 nothing written is world-writable.
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoToStatus(errno, "cannot create", temp);
  std::FILE* f = ::fdopen(fd, "wb");
  if (f == nullptr) {
    const int err = errno;
    ::close(fd);
    std::remove(temp.c_str());
    return ErrnoToStatus(err, "cannot create", temp);
  }
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

absl::Status WriteFileSynced(const std::string& path, std::string_view text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return ErrnoToStatus(errno, "cannot create", path);
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(path.c_str());
      return ErrnoToStatus(err, "cannot write", path);
    }
    done += static_cast<size_t>(n);
  }
  const int rc = ::fsync(fd);
  const int err = errno;
  if (::close(fd) != 0 || rc != 0) {
    ::unlink(path.c_str());
    return ErrnoToStatus(rc != 0 ? err : errno, "cannot write", path);
  }
  return absl::OkStatus();
}

absl::Status SyncPath(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoToStatus(errno, "cannot open", path);
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return ErrnoToStatus(err, "cannot sync", path);
  return absl::OkStatus();
}

std::string ParentDirectory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

absl::Status MakeDirectories(const std::string& dir) {
  if (dir.empty() || dir == ".") return absl::OkStatus();
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return absl::OkStatus();
    return absl::InvalidArgumentError(Cat(dir, " is not a directory"));
  }
  const std::string parent = ParentDirectory(dir);
  if (parent != dir) ASANASIM_RETURN_IF_ERROR(MakeDirectories(parent));
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
    return ErrnoToStatus(errno, "cannot create directory", dir);
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
