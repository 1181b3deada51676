#include "src/pipeline/output.h"

#include <chrono>
#include <filesystem>

#include "src/store/zstd_file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

absl::Status FinishOutput(const OutputTarget& target, bool compress, int threads,
                          absl::StatusOr<DatabaseHash> streamed, GenerateSummary& summary) {
  const std::string& database = target.database_temp();
  std::error_code ec;
  summary.database_bytes = static_cast<int64_t>(std::filesystem::file_size(database, ec));
  auto start = std::chrono::steady_clock::now();
  if (streamed.ok()) {
    summary.hash = *std::move(streamed);
  } else {
    ASANASIM_ASSIGN_OR_RETURN(summary.hash, HashDatabase(database));
  }
  summary.hash_seconds = Since(start);
  if (compress) {
    start = std::chrono::steady_clock::now();
    summary.compressed_path = target.final_path();
    ASANASIM_RETURN_IF_ERROR(
        CompressFile(database, target.compressed_temp(), threads, /*overwrite=*/true));
    summary.compressed_bytes =
        static_cast<int64_t>(std::filesystem::file_size(target.compressed_temp(), ec));
    summary.compress_seconds = Since(start);
  }
  return absl::OkStatus();
}

void FillManifest(const GenerateSummary& summary, const std::string& out, Manifest& m) {
  m.database_path = out;
  m.database_bytes = summary.database_bytes;
  m.compressed_path = summary.compressed_path;
  m.compressed_bytes = summary.compressed_bytes;
  m.hash = summary.hash;
  m.seconds = summary.seconds;
  m.index_seconds = summary.index_seconds;
  m.hash_seconds = summary.hash_seconds;
  m.compress_seconds = summary.compress_seconds;
}

}  // namespace asanasim
