// Content hashes of an asanasim database: one per table over its rows in primary-key order, so
// two files holding the same rows hash the same whatever their page layout. Used by the golden
// tests (and by `asanasim hash`). Thread-compatible (opens its own read-only connection).
#ifndef ASANASIM_SRC_SINK_CONTENT_HASH_H_
#define ASANASIM_SRC_SINK_CONTENT_HASH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace asanasim {

struct TableHash {
  std::string table;
  int64_t rows = 0;
  std::string hash;  // 16 hex digits
};

// Hashes every table of the schema (in schema order) in the database at `path`. Each value is
// hashed with its type, so NULL, 0, 0.0 and '0' differ. `skip` names tables to leave out.
absl::StatusOr<std::vector<TableHash>> HashTables(const std::string& path,
                                                  const std::vector<std::string>& skip = {});

}  // namespace asanasim

#endif  // ASANASIM_SRC_SINK_CONTENT_HASH_H_
