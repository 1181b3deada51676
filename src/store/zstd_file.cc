#include "src/store/zstd_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <zstd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

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
    file_.reset(std::fopen(partial_.c_str(), "wb"));
    if (!file_) return ErrnoToStatus(errno, "cannot create", partial_);
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

absl::Status DecompressFile(const std::string& src, const std::string& dst) {
  File in(std::fopen(src.c_str(), "rb"));
  if (!in) return ErrnoToStatus(errno, "cannot read", src);
  PartialOutput out(dst, /*overwrite=*/true);
  ASANASIM_RETURN_IF_ERROR(out.Open());
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, kZstdWindowLog);
  std::vector<char> in_buf(ZSTD_DStreamInSize());
  std::vector<char> out_buf(ZSTD_DStreamOutSize());
  size_t last_ret = 0;
  bool any = false;
  for (;;) {
    const size_t read = std::fread(in_buf.data(), 1, in_buf.size(), in.get());
    if (std::ferror(in.get())) return ErrnoToStatus(errno, "cannot read", src);
    if (read == 0) break;
    any = true;
    ZSTD_inBuffer input = {in_buf.data(), read, 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output = {out_buf.data(), out_buf.size(), 0};
      last_ret = ZSTD_decompressStream(dctx.get(), &output, &input);
      if (ZSTD_isError(last_ret)) return ZstdError(last_ret, "cannot decompress", src);
      if (std::fwrite(out_buf.data(), 1, output.pos, out.file()) != output.pos) {
        return ErrnoToStatus(errno, "cannot write", out.partial());
      }
    }
  }
  if (!any || last_ret != 0)
    return absl::DataLossError(Cat(src, " is not a complete zstd stream (truncated?)"));
  return out.Commit();
}

absl::StatusOr<DatabaseInput> DatabaseInput::Open(const std::string& path,
                                                  const std::string& scratch_dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return absl::NotFoundError(Cat(path, ": no such file"));
  if (!IsZstdPath(path)) return DatabaseInput(path, false);
  const std::string temp =
      Cat(scratch_dir.empty() ? "." : scratch_dir, "/.asanasim-input-", std::to_string(::getpid()),
          "-", std::to_string(g_temp_counter.fetch_add(1)), ".sqlite");
  absl::Status s = DecompressFile(path, temp);
  if (!s.ok()) {
    ::unlink(temp.c_str());
    return s;
  }
  return DatabaseInput(temp, true);
}

DatabaseInput::DatabaseInput(DatabaseInput&& other) noexcept
    : path_(std::move(other.path_)), temporary_(other.temporary_) {
  other.temporary_ = false;
}

DatabaseInput& DatabaseInput::operator=(DatabaseInput&& other) noexcept {
  if (this != &other) {
    if (temporary_) ::unlink(path_.c_str());
    path_ = std::move(other.path_);
    temporary_ = other.temporary_;
    other.temporary_ = false;
  }
  return *this;
}

DatabaseInput::~DatabaseInput() {
  if (temporary_) ::unlink(path_.c_str());
}

}  // namespace asanasim
