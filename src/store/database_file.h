// ReadOnlyDatabase: a read-only connection to an existing asanasim database, checked when opened
// (an SQLite file, with asanasim's application id and this build's schema version), for the
// commands that read databases (hash, merge). Thread-hostile: one thread uses a connection.
#ifndef ASANASIM_SRC_STORE_DATABASE_FILE_H_
#define ASANASIM_SRC_STORE_DATABASE_FILE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "src/model/schema.h"

namespace asanasim {

// sqlite3's application_id of asanasim files ('ASIM').
inline constexpr int64_t kApplicationId = 0x4153494d;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

class ReadOnlyDatabase {
 public:
  // Opens `path`; `display` is the name used in errors (e.g. the user's .zst path). The file's
  // schema version must lie in [oldest_version, kSchemaVersion] (readers that know what changed
  // may accept older files).
  static absl::StatusOr<ReadOnlyDatabase> Open(const std::string& path, const std::string& display,
                                               int oldest_version = kSchemaVersion);

  ReadOnlyDatabase(ReadOnlyDatabase&& other) noexcept
      : db_(other.db_), display_(std::move(other.display_)) {
    other.db_ = nullptr;
  }
  ReadOnlyDatabase& operator=(ReadOnlyDatabase&&) = delete;
  ReadOnlyDatabase(const ReadOnlyDatabase&) = delete;
  ~ReadOnlyDatabase();

  absl::StatusOr<Statement> Prepare(const std::string& sql) const;
  absl::StatusOr<int64_t> Int(const std::string& sql) const;
  // "a, b" for a composite primary key, "rowid" for a plain rowid table.
  absl::StatusOr<std::string> PrimaryKeyOrder(std::string_view table) const;
  // PRAGMA quick_check: DataLoss naming the file unless "ok".
  absl::Status QuickCheck() const;
  // PRAGMA integrity_check (also compares every index with its table, so altered rows show):
  // DataLoss naming the file and the first problem unless "ok".
  absl::Status IntegrityCheck() const;
  // An error for result code `rc` that names the file.
  absl::Status Error(int rc, const std::string& what) const;

  sqlite3* get() const { return db_; }
  const std::string& display() const { return display_; }

 private:
  ReadOnlyDatabase(sqlite3* db, std::string display) : db_(db), display_(std::move(display)) {}
  sqlite3* db_;
  std::string display_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_STORE_DATABASE_FILE_H_
