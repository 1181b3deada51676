// Merge: combines shard databases of one universe (the same generator version, schema, seed and
// options; disjoint org ranges) into one database, with indexes built once at the end. Ids never
// collide by construction, so the result holds exactly the rows a single run over the union of the
// ranges writes; when the ranges are contiguous it also has that run's `runs` row, so its content
// hash equals the single run's. Thread-safe (concurrent merges must not share an output).
#ifndef ASANASIM_INCLUDE_ASANASIM_MERGE_H_
#define ASANASIM_INCLUDE_ASANASIM_MERGE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "asanasim/generate.h"

namespace asanasim {

struct MergeOptions {
  std::string out;                  // output database
  std::vector<std::string> shards;  // input databases (.zst accepted)
  bool force = false;               // replace an existing output
  bool compress = false;            // also write out.zst and remove out
  int32_t threads = 0;              // compression threads; 0 = all cores
  bool manifest = true;             // write out.manifest.json listing the inputs
};

// Checks every shard (readable, an asanasim database of this schema, not corrupt, one universe,
// disjoint org ranges) before anything is written. On failure nothing is created: errors are
// NotFound, DataLoss (corrupt or truncated), FailedPrecondition (other version, schema or
// universe; overlapping ranges) or InvalidArgument, and name the shard.
absl::StatusOr<GenerateSummary> Merge(const MergeOptions& options);

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_MERGE_H_
