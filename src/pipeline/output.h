// The last steps shared by `generate` and `merge` once the database is complete at the target's
// temporary name: hash its content, optionally compress it to the target's compressed
// temporary, and describe the result in a manifest (the target then puts both in place).
// Thread-compatible.
#ifndef ASANASIM_SRC_PIPELINE_OUTPUT_H_
#define ASANASIM_SRC_PIPELINE_OUTPUT_H_

#include <string>

#include "absl/status/status.h"
#include "asanasim/generate.h"
#include "src/pipeline/manifest.h"
#include "src/store/output_target.h"

namespace asanasim {

// Fills summary.hash (from `streamed` when it is ok, else by reading the database), database_bytes,
// compressed_path/bytes and their timings. Cancelled when the process is interrupted
// (src/util/interrupt.h) while it hashes or compresses.
absl::Status FinishOutput(const OutputTarget& target, bool compress, int threads,
                          absl::StatusOr<DatabaseHash> streamed, GenerateSummary& summary);

// Copies the output facts of `summary` into `m`.
void FillManifest(const GenerateSummary& summary, const std::string& out, Manifest& m);

}  // namespace asanasim

#endif  // ASANASIM_SRC_PIPELINE_OUTPUT_H_
