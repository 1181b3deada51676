// The run record written next to every output as `<out>.manifest.json`: what was generated (or
// merged), from what, how big, its content hash, how long it took and on which host. Unlike the
// database (whose bytes depend only on seed and options), the manifest holds wall-clock facts.
// Thread-compatible.
#ifndef ASANASIM_SRC_PIPELINE_MANIFEST_H_
#define ASANASIM_SRC_PIPELINE_MANIFEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "asanasim/hash.h"
#include "src/util/json.h"

namespace asanasim {

struct ManifestInput {
  std::string path;
  std::string content_hash;  // from the input's own manifest ("" if it has none)
  int64_t rows = 0;          // rows merged from it
  std::vector<std::pair<int64_t, int64_t>> org_ranges;  // [begin, end) pairs
};

struct Manifest {
  std::string command;  // "generate" or "merge"
  Json world;           // the universe's options (runs.options_json); null when unknown
  int64_t seed = 0;
  int64_t org_count = 0;
  std::vector<std::pair<int64_t, int64_t>> org_ranges;  // [begin, end) pairs
  int32_t threads = 0;
  std::string database_path;  // the SQLite file (removed when compressed)
  int64_t database_bytes = 0;
  std::string compressed_path;  // empty unless --compress
  int64_t compressed_bytes = 0;
  DatabaseHash hash;
  double seconds = 0;
  double index_seconds = 0;
  double hash_seconds = 0;
  double compress_seconds = 0;
  std::vector<ManifestInput> inputs;  // merge only
  Json llm;                           // the pool phase's figures; null when the tier is off
};

// `<out>.manifest.json` for output path `out`.
std::string ManifestPath(const std::string& out);

// The manifest's JSON text: `m` plus version, host, peak RSS and the wall-clock time now.
std::string ManifestText(const Manifest& m);

// The overall content hash recorded in the manifest at `manifest_path`. NotFound if the file
// cannot be read, InvalidArgument if it records no content hash.
absl::StatusOr<std::string> ReadManifestHash(const std::string& manifest_path);

// Peak resident set size of this process, in KiB.
int64_t PeakRssKib();

}  // namespace asanasim

#endif  // ASANASIM_SRC_PIPELINE_MANIFEST_H_
