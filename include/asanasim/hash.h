// Content hashes of an asanasim database: one per table over its rows in primary-key order, and
// one overall, so anyone can check that two databases hold the same rows whatever their page
// layout, compression or how they were produced (one run, or shards merged). Thread-safe.
#ifndef ASANASIM_INCLUDE_ASANASIM_HASH_H_
#define ASANASIM_INCLUDE_ASANASIM_HASH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace asanasim {

struct TableHash {
  std::string table;
  int64_t rows = 0;
  std::string hash;  // 32 hex digits (XXH3-128)
};

struct DatabaseHash {
  std::vector<TableHash> tables;  // every table of the schema, in schema order
  int64_t total_rows = 0;
  std::string overall;  // XXH3-128 over (name, rows, hash) of every table
};

// Hashes the database at `path` (a .zst file is decompressed into `scratch_dir` first). Each
// value is hashed with its type, so NULL, 0, 0.0 and '0' differ. Tables named in `skip` are left
// out (of `tables` and of `overall`). Errors name the file: NotFound, DataLoss for a corrupt or
// truncated file, FailedPrecondition for a database that is not asanasim's.
absl::StatusOr<DatabaseHash> HashDatabase(const std::string& path,
                                          const std::vector<std::string>& skip = {},
                                          const std::string& scratch_dir = "");

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_HASH_H_
