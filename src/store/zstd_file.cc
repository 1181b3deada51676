#include "src/store/zstd_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "src/util/interrupt.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != nullptr) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

absl::Status ZstdError(size_t code, std::string_view what, const std::string& path) {
  return absl::DataLossError(Cat(what, " ", path, ": ", ZSTD_getErrorName(code)));
}

// Writes through `dst.partial`; Commit() syncs and renames it onto `dst`.
class PartialOutput {
 public:
  PartialOutput(std::string dst, bool overwrite)
      : dst_(std::move(dst)), partial_(dst_ + ".partial"), overwrite_(overwrite) {}
  ~PartialOutput() {
    file_.reset();
    if (!committed_) ::unlink(partial_.c_str());
  }
  absl::Status Open() {
    if (!overwrite_ && std::filesystem::exists(dst_)) {
      return absl::AlreadyExistsError(Cat(dst_, " already exists (use --force to replace it)"));
    }
    // open(2) with 0644, not fopen's 0666: under umask 000 nothing written is world-writable.
    const int fd = ::open(partial_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoToStatus(errno, "cannot create", partial_);
    file_.reset(::fdopen(fd, "wb"));
    if (!file_) {
      const int err = errno;
      ::close(fd);
      return ErrnoToStatus(err, "cannot create", partial_);
    }
    return absl::OkStatus();
  }
  std::FILE* file() { return file_.get(); }
  absl::Status Commit() {
    if (std::fflush(file_.get()) != 0 || ::fsync(::fileno(file_.get())) != 0) {
      return ErrnoToStatus(errno, "cannot write", partial_);
    }
    if (std::fclose(file_.release()) != 0) return ErrnoToStatus(errno, "cannot close", partial_);
    const unsigned flags = overwrite_ ? 0 : RENAME_NOREPLACE;
    if (::renameat2(AT_FDCWD, partial_.c_str(), AT_FDCWD, dst_.c_str(), flags) != 0) {
      return ErrnoToStatus(errno, "cannot rename onto", dst_);
    }
    committed_ = true;
    return absl::OkStatus();
  }
  const std::string& partial() const { return partial_; }

 private:
  std::string dst_;
  std::string partial_;
  bool overwrite_;
  File file_;
  bool committed_ = false;
};

std::atomic<uint64_t> g_temp_counter{0};

}  // namespace

bool IsZstdPath(std::string_view path) {
  return path.size() > 4 && path.substr(path.size() - 4) == ".zst";
}

absl::Status CompressFile(const std::string& src, const std::string& dst, int threads,
                          bool overwrite, int level) {
  File in(std::fopen(src.c_str(), "rb"));
  if (!in) return ErrnoToStatus(errno, "cannot read", src);
  PartialOutput out(dst, overwrite);
  ASANASIM_RETURN_IF_ERROR(out.Open());
  std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_enableLongDistanceMatching, 1);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_windowLog, kZstdWindowLog);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
  if (threads > 0) ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_nbWorkers, threads);
  std::vector<char> in_buf(ZSTD_CStreamInSize());
  std::vector<char> out_buf(ZSTD_CStreamOutSize());
  for (;;) {
    if (Interrupted()) return InterruptedError(Cat("compressing ", src));
    const size_t read = std::fread(in_buf.data(), 1, in_buf.size(), in.get());
    if (std::ferror(in.get())) return ErrnoToStatus(errno, "cannot read", src);
    const bool last = read < in_buf.size();
    const ZSTD_EndDirective mode = last ? ZSTD_e_end : ZSTD_e_continue;
    ZSTD_inBuffer input = {in_buf.data(), read, 0};
    bool finished = false;
    do {
      ZSTD_outBuffer output = {out_buf.data(), out_buf.size(), 0};
      const size_t remaining = ZSTD_compressStream2(cctx.get(), &output, &input, mode);
      if (ZSTD_isError(remaining)) return ZstdError(remaining, "cannot compress", src);
      if (std::fwrite(out_buf.data(), 1, output.pos, out.file()) != output.pos) {
        return ErrnoToStatus(errno, "cannot write", out.partial());
      }
      finished = last ? remaining == 0 : input.pos == input.size;
    } while (!finished);
    if (last) break;
  }
  return out.Commit();
}

namespace {

// Decompresses `src` into `out` (named `out_name` in errors), refusing to write more than the
// space a database can plausibly need: kMaxExpansion times the compressed size (asanasim's
// databases compress 4-8x), at least kMinCap.
absl::Status DecompressInto(const std::string& src, std::FILE* out, const std::string& out_name) {
  constexpr uint64_t kMaxExpansion = 100;
  constexpr uint64_t kMinCap = uint64_t{64} << 20;
  File in(std::fopen(src.c_str(), "rb"));
  if (!in) return ErrnoToStatus(errno, "cannot read", src);
  std::error_code ec;
  const uint64_t cap =
      std::max<uint64_t>(kMinCap, kMaxExpansion * std::filesystem::file_size(src, ec));
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, kZstdWindowLog);
  std::vector<char> in_buf(ZSTD_DStreamInSize());
  std::vector<char> out_buf(ZSTD_DStreamOutSize());
  size_t last_ret = 0;
  bool any = false;
  uint64_t written = 0;
  for (;;) {
    if (Interrupted()) return InterruptedError(Cat("decompressing ", src));
    const size_t read = std::fread(in_buf.data(), 1, in_buf.size(), in.get());
    if (std::ferror(in.get())) return ErrnoToStatus(errno, "cannot read", src);
    if (read == 0) break;
    any = true;
    ZSTD_inBuffer input = {in_buf.data(), read, 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output = {out_buf.data(), out_buf.size(), 0};
      last_ret = ZSTD_decompressStream(dctx.get(), &output, &input);
      if (ZSTD_isError(last_ret)) return ZstdError(last_ret, "cannot decompress", src);
      written += output.pos;
      if (written > cap) {
        return absl::DataLossError(Cat(src, " expands to more than ", std::to_string(cap >> 20),
                                       " MiB (", std::to_string(kMaxExpansion),
                                       "x its size): not a plausible asanasim database"));
      }
      if (std::fwrite(out_buf.data(), 1, output.pos, out) != output.pos) {
        return ErrnoToStatus(errno, "cannot write", out_name);
      }
    }
  }
  if (!any || last_ret != 0)
    return absl::DataLossError(Cat(src, " is not a complete zstd stream (truncated?)"));
  if (std::fflush(out) != 0) return ErrnoToStatus(errno, "cannot write", out_name);
  return absl::OkStatus();
}

constexpr std::string_view kInputPrefix = ".asanasim-input-";

// Temporary inputs of dead runs in `dir`: each live one is flock-ed by its run, so one that can
// be locked is a leftover (a run killed with SIGKILL).
void RemoveDeadInputs(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name.substr(0, kInputPrefix.size()) != kInputPrefix) continue;
    const std::string path = Cat(dir, "/", name);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) continue;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ::flock(fd, LOCK_EX | LOCK_NB) == 0)
      ::unlink(path.c_str());
    ::close(fd);
  }
  ::closedir(d);
}

}  // namespace

absl::Status DecompressFile(const std::string& src, const std::string& dst) {
  PartialOutput out(dst, /*overwrite=*/true);
  ASANASIM_RETURN_IF_ERROR(out.Open());
  ASANASIM_RETURN_IF_ERROR(DecompressInto(src, out.file(), out.partial()));
  return out.Commit();
}

absl::StatusOr<DatabaseInput> DatabaseInput::Open(const std::string& path,
                                                  const std::string& scratch_dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return absl::NotFoundError(Cat(path, ": no such file"));
  if (!IsZstdPath(path)) return DatabaseInput(path, -1);
  const std::string dir = scratch_dir.empty() ? "." : scratch_dir;
  RemoveDeadInputs(dir);
  const std::string temp = Cat(dir, "/", kInputPrefix, std::to_string(::getpid()), "-",
                               std::to_string(g_temp_counter.fetch_add(1)), ".sqlite");
  // Locked before it has the name a sweeping run looks for (RemoveDeadInputs would take an
  // unlocked file for a dead run's): made under a name outside the prefix, then renamed.
  const std::string fresh = Cat(dir, "/.asanasim-new-", std::to_string(::getpid()), "-",
                                std::to_string(g_temp_counter.fetch_add(1)));
  const int fd = ::open(fresh.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoToStatus(errno, "cannot create", fresh);
  if (::flock(fd, LOCK_EX) != 0 || ::rename(fresh.c_str(), temp.c_str()) != 0) {
    const int err = errno;
    ::unlink(fresh.c_str());
    ::close(fd);
    return ErrnoToStatus(err, "cannot create", temp);
  }
  DatabaseInput input(temp, fd);  // removes the file on every way out
  File out(::fdopen(::dup(fd), "wb"));
  if (!out) return ErrnoToStatus(errno, "cannot write", temp);
  ASANASIM_RETURN_IF_ERROR(DecompressInto(path, out.get(), temp));
  return input;
}

DatabaseInput::DatabaseInput(DatabaseInput&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_) {
  other.fd_ = -1;
}

DatabaseInput& DatabaseInput::operator=(DatabaseInput&& other) noexcept {
  if (this != &other) {
    Release();
    path_ = std::move(other.path_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

void DatabaseInput::Release() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // before the lock goes: a sweeping run never sees it unlocked
  ::close(fd_);
  fd_ = -1;
}

DatabaseInput::~DatabaseInput() { Release(); }

}  // namespace asanasim
