// The last steps shared by `generate` and `merge` once the database is complete at `out`: hash
// its content, optionally compress it to `out.zst` (removing `out` only once the compressed file
// is complete), and describe the result in a manifest. Thread-compatible.
#ifndef ASANASIM_SRC_PIPELINE_OUTPUT_H_
#define ASANASIM_SRC_PIPELINE_OUTPUT_H_

#include <string>

#include "absl/status/status.h"
#include "asanasim/generate.h"
#include "src/pipeline/manifest.h"

namespace asanasim {

// Fills summary.hash (from `streamed` when it is ok, else by reading `out`), database_bytes,
// compressed_path/bytes and their timings.
absl::Status FinishOutput(const std::string& out, bool force, bool compress, int threads,
                          absl::StatusOr<DatabaseHash> streamed, GenerateSummary& summary);

// Copies the output facts of `summary` into `m`.
void FillManifest(const GenerateSummary& summary, const std::string& out, Manifest& m);

}  // namespace asanasim

#endif  // ASANASIM_SRC_PIPELINE_OUTPUT_H_
