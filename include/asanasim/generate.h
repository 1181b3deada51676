// Generate: the product's main job. Plans each organization, generates its teams in parallel on
// a oneTBB flow graph, and writes every row through one writer thread into one SQLite file.
// Thread-safe: concurrent calls are independent (but must not share an output path).
#ifndef ASANASIM_INCLUDE_ASANASIM_GENERATE_H_
#define ASANASIM_INCLUDE_ASANASIM_GENERATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "asanasim/hash.h"
#include "asanasim/llm.h"
#include "asanasim/options.h"

namespace asanasim {

struct TableRowCount {
  std::string table;
  int64_t rows = 0;
};

struct GenerateSummary {
  std::vector<TableRowCount> tables;  // in schema order
  int64_t total_rows = 0;
  int64_t jobs = 0;
  double seconds = 0.0;        // wall time of the whole run
  double index_seconds = 0.0;  // of which building secondary indexes
  double hash_seconds = 0.0;
  double compress_seconds = 0.0;
  DatabaseHash hash;  // content hash of the output
  int64_t database_bytes = 0;
  std::string compressed_path;  // set with options.compress
  int64_t compressed_bytes = 0;

  // Tier 3: the pool phase's figures; empty when the tier was off.
  std::optional<LlmStats> llm;
  // The run's record as JSON (the manifest's text, also with --discard or no manifest file).
  std::string manifest;
};

// Checks `options` without touching the disk: ranges, the org range, the id space.
absl::Status ValidateOptions(const GenerateOptions& options);

// Checks that `out` (and `out.zst` when `compress`) can be written: each absent or a regular file
// (absent unless `force`), a file name (not "-" or "dir/"), and its nearest existing ancestor
// directory writable. Creates nothing. (The protocol: src/store/output_target.h.)
absl::Status CheckOutputPath(const std::string& out, bool force, bool compress);

// Runs the generation. On success `options.out` holds the complete database. On failure it is
// untouched and no temporary file remains. REQUIRES: nothing; options are validated first.
absl::StatusOr<GenerateSummary> Generate(const GenerateOptions& options);

// The generator's version ("0.1.0").
const char* Version();

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_GENERATE_H_
