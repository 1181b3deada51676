#include "src/store/output_target.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "src/util/file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

// Absent, or a regular file (absent unless `may_exist`).
absl::Status CheckName(const std::string& path, bool may_exist, std::string_view existing_hint) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return absl::OkStatus();
    if (errno == ENOTDIR) {
      return absl::InvalidArgumentError(Cat(path, ": a parent of it is not a directory"));
    }
    return ErrnoToStatus(errno, "cannot inspect", path);
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(
        Cat(path, " is ", KindOf(st.st_mode), "; asanasim replaces only regular files"));
  }
  if (!may_exist) return absl::AlreadyExistsError(Cat(path, " already exists", existing_hint));
  return absl::OkStatus();
}

// Removes `path` if it is a regular file.
void RemoveRegular(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::unlink(path.c_str());
}

bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

absl::Status OutputTarget::Check(const std::string& out, const Options& options) {
  namespace fs = std::filesystem;
  if (out.empty()) return absl::InvalidArgumentError("the output path is empty");
  if (out == "-") {
    return absl::InvalidArgumentError(
        "output '-': SQLite cannot write a database to standard output; give a file name");
  }
  const std::string name = fs::path(out).filename().string();
  if (name.empty() || name == "." || name == "..") {
    return absl::InvalidArgumentError(
        Cat(out, " names a directory; give a file name (such as ",
            (fs::path(out) / "asana_simulation.sqlite").lexically_normal().string(), ")"));
  }
  constexpr std::string_view kUseForce = " (use --force to replace it)";
  ASANASIM_RETURN_IF_ERROR(CheckName(out, options.force, kUseForce));
  if (options.compress) ASANASIM_RETURN_IF_ERROR(CheckName(out + ".zst", options.force, kUseForce));
  ASANASIM_RETURN_IF_ERROR(CheckName(out + ".manifest.json", /*may_exist=*/true, ""));
  ASANASIM_RETURN_IF_ERROR(CheckName(out + ".lock", /*may_exist=*/true, ""));
  std::error_code ec;
  fs::path dir = fs::path(out).parent_path();
  if (dir.empty()) dir = ".";
  while (!fs::exists(fs::symlink_status(dir, ec))) {
    dir = dir.has_parent_path() && dir.parent_path() != dir ? dir.parent_path() : fs::path(".");
  }
  if (!fs::is_directory(dir, ec)) {
    return absl::InvalidArgumentError(Cat(out, ": ", dir.string(), " is not a directory"));
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return absl::PermissionDeniedError(Cat(out, ": directory ", dir.string(), " is not writable"));
  }
  return absl::OkStatus();
}

OutputTarget::OutputTarget(std::string out, const Options& options)
    : out_(std::move(out)),
      options_(options),
      final_(options.compress ? out_ + ".zst" : out_),
      manifest_(out_ + ".manifest.json"),
      lock_path_(out_ + ".lock") {
  const std::string pid = std::to_string(::getpid());
  database_temp_ = Cat(out_, ".partial.", pid);
  compressed_temp_ = Cat(out_, ".zst.partial.", pid);
  manifest_temp_ = Cat(manifest_, ".partial.", pid);
}

absl::StatusOr<std::unique_ptr<OutputTarget>> OutputTarget::Acquire(const std::string& out,
                                                                    const Options& options) {
  ASANASIM_RETURN_IF_ERROR(Check(out, options));
  ASANASIM_RETURN_IF_ERROR(MakeDirectories(ParentDirectory(out)));
  std::unique_ptr<OutputTarget> target(new OutputTarget(out, options));
  ASANASIM_RETURN_IF_ERROR(target->Lock());
  target->RemoveLeftovers();
  return target;
}

absl::Status OutputTarget::Lock() {
  // The lock file may be removed by the run that held it between our open and our flock: then
  // we hold a lock on a name nobody else sees, so check the name still leads to our file.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return ErrnoToStatus(errno, "cannot create the lock file", lock_path_);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      char pid[32] = {};
      const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
      ::close(fd);
      if (err != EWOULDBLOCK) return ErrnoToStatus(err, "cannot lock", lock_path_);
      std::string holder(pid, n > 0 ? static_cast<size_t>(n) : 0);
      while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
      return absl::FailedPreconditionError(
          Cat(out_, " is being written by another asanasim run (pid ",
              holder.empty() ? std::string("unknown") : holder, ", lock ", lock_path_,
              "); wait for it to finish or choose another output"));
    }
    struct stat held {
    }, named{};
    if (::fstat(fd, &held) != 0 || ::lstat(lock_path_.c_str(), &named) != 0 ||
        !SameFile(held, named)) {
      ::close(fd);
      continue;
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 ||
        ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
      const int err = errno;
      ::unlink(lock_path_.c_str());
      ::close(fd);
      return ErrnoToStatus(err, "cannot write", lock_path_);
    }
    lock_fd_ = fd;
    return absl::OkStatus();
  }
  return absl::InternalError(Cat("cannot take ", lock_path_, ": it keeps being replaced"));
}

void OutputTarget::RemoveLeftovers() const {
  const std::string dir = ParentDirectory(out_);
  const std::string base = std::filesystem::path(out_).filename().string();
  const std::string prefixes[] = {base + ".partial", base + ".zst.partial",
                                  base + ".manifest.json.partial"};
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    for (const std::string& prefix : prefixes) {
      if (name.substr(0, prefix.size()) == prefix) {
        RemoveRegular(Cat(dir, "/", name));
        break;
      }
    }
  }
  ::closedir(d);
}

void OutputTarget::RemoveTemporaries() const {
  for (const char* suffix : {"", "-wal", "-journal", "-shm"})
    RemoveRegular(database_temp_ + suffix);
  RemoveRegular(compressed_temp_);
  RemoveRegular(compressed_temp_ + ".partial");
  RemoveRegular(manifest_temp_);
}

OutputTarget::~OutputTarget() {
  if (held_fd_ >= 0) ::close(held_fd_);
  if (!committed_) RemoveTemporaries();
  if (lock_fd_ >= 0) {
    ::unlink(lock_path_.c_str());  // while held: a waiting run re-checks the name and retries
    ::close(lock_fd_);
  }
}

std::string OutputTarget::directory() const { return ParentDirectory(out_); }

absl::Status OutputTarget::Hold() {
  if (held_fd_ >= 0) ::close(held_fd_);
  held_fd_ = ::open(database_temp_.c_str(), O_RDONLY | O_CLOEXEC);
  if (held_fd_ < 0) return ErrnoToStatus(errno, "cannot open", database_temp_);
  return absl::OkStatus();
}

absl::Status OutputTarget::Commit(std::string_view manifest) {
  if (committed_) return absl::FailedPreconditionError(Cat(out_, " is already committed"));
  if (held_fd_ >= 0) {
    struct stat held {
    }, named{};
    if (::fstat(held_fd_, &held) != 0 || ::lstat(database_temp_.c_str(), &named) != 0 ||
        !SameFile(held, named)) {
      return absl::InternalError(
          Cat(database_temp_, " was replaced during the run; ", out_, " is left as it was"));
    }
  }
  const std::string& data = options_.compress ? compressed_temp_ : database_temp_;
  ASANASIM_RETURN_IF_ERROR(SyncPath(data, /*directory=*/false));
  if (!manifest.empty()) {
    ASANASIM_RETURN_IF_ERROR(WriteFileSynced(manifest_temp_, manifest));
  }
  // What is at the final names now: still absent or regular (and absent without --force).
  constexpr std::string_view kAppeared = " (it appeared during the run; use --force to replace it)";
  ASANASIM_RETURN_IF_ERROR(CheckName(final_, options_.force, kAppeared));
  ASANASIM_RETURN_IF_ERROR(CheckName(manifest_, /*may_exist=*/true, ""));
  // SQLite would read a stale journal or WAL beside OUT as part of the new file.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) RemoveRegular(out_ + suffix);
  RemoveRegular(manifest_);
  const unsigned flags = options_.force ? 0 : RENAME_NOREPLACE;
  if (::renameat2(AT_FDCWD, data.c_str(), AT_FDCWD, final_.c_str(), flags) != 0) {
    const int err = errno;
    if (err == EEXIST) return absl::AlreadyExistsError(Cat(final_, " already exists", kAppeared));
    return ErrnoToStatus(err, "cannot rename onto", final_);
  }
  committed_ = true;
  if (!manifest.empty() && ::rename(manifest_temp_.c_str(), manifest_.c_str()) != 0) {
    const int err = errno;
    RemoveRegular(manifest_temp_);
    return ErrnoToStatus(err, "cannot rename onto", manifest_);
  }
  if (options_.compress) {
    RemoveTemporaries();
    if (options_.force) RemoveRegular(out_);  // --compress replaces OUT by OUT.zst
  }
  return SyncPath(ParentDirectory(out_), /*directory=*/true);
}

}  // namespace asanasim
