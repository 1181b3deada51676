#include "src/store/database_file.h"

#include <sys/stat.h>

#include "src/model/schema.h"
#include "src/model/tables.h"
#include "src/store/sqlite_writer.h"
#include "src/util/interrupt.h"
#include "src/util/status.h"

namespace asanasim {

ReadOnlyDatabase::~ReadOnlyDatabase() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

absl::StatusOr<ReadOnlyDatabase> ReadOnlyDatabase::Open(const std::string& path,
                                                        const std::string& display,
                                                        int oldest_version) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, nullptr);
  ReadOnlyDatabase db(raw, display);
  if (rc != SQLITE_OK) return db.Error(rc, "cannot open");
  sqlite3_progress_handler(raw, 4096, InterruptProgressHandler, nullptr);
  absl::StatusOr<int64_t> app = db.Int("PRAGMA application_id");
  if (!app.ok()) return app.status();
  if (*app != kApplicationId) {
    return absl::FailedPreconditionError(Cat(display, " is not an asanasim database"));
  }
  ASANASIM_ASSIGN_OR_RETURN(const int64_t version, db.Int("PRAGMA user_version"));
  if (version < oldest_version || version > kSchemaVersion) {
    return absl::FailedPreconditionError(
        Cat(display, " has schema version ", std::to_string(version), "; this asanasim reads ",
            oldest_version == kSchemaVersion ? Cat("version ", std::to_string(kSchemaVersion))
                                             : Cat("versions ", std::to_string(oldest_version),
                                                   " to ", std::to_string(kSchemaVersion))));
  }
  // A file cut short (a copy that stopped, a disk that filled): SQLite reads what is there and
  // reports a missing page only if a query reaches it.
  ASANASIM_ASSIGN_OR_RETURN(const int64_t pages, db.Int("PRAGMA page_count"));
  ASANASIM_ASSIGN_OR_RETURN(const int64_t page_size, db.Int("PRAGMA page_size"));
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && st.st_size < pages * page_size) {
    return absl::DataLossError(Cat(display, " is corrupt or truncated (",
                                   std::to_string(st.st_size), " bytes of the ",
                                   std::to_string(pages * page_size), " its header gives)"));
  }
  // Every table of this schema (older versions, which some readers accept, had fewer).
  if (version == kSchemaVersion) {
    for (size_t t = 0; t < kTableCount; ++t) {
      const std::string_view name = Describe(t).name;
      ASANASIM_ASSIGN_OR_RETURN(
          const int64_t found,
          db.Int(Cat("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '", name,
                     "'")));
      if (found == 0) {
        return absl::FailedPreconditionError(
            Cat(display, " has no table ", name, ": not a complete asanasim database"));
      }
    }
  }
  return db;
}

absl::Status ReadOnlyDatabase::Error(int rc, const std::string& what) const {
  const int primary = rc & 0xff;
  if (primary == SQLITE_INTERRUPT)
    return absl::CancelledError(Cat("interrupted reading ", display_));
  if (primary == SQLITE_NOTADB)
    return absl::DataLossError(Cat(display_, " is not a readable SQLite database"));
  if (primary == SQLITE_CORRUPT) {
    return absl::DataLossError(Cat(display_, " is corrupt or truncated (", what, ": ",
                                   db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc), ")"));
  }
  return SqliteStatus(db_, rc, Cat(display_, ": ", what));
}

absl::StatusOr<Statement> ReadOnlyDatabase::Prepare(const std::string& sql) const {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr);
  if (rc != SQLITE_OK) return Error(rc, sql);
  return Statement(s);
}

absl::StatusOr<int64_t> ReadOnlyDatabase::Int(const std::string& sql) const {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, Prepare(sql));
  const int rc = sqlite3_step(s.get());
  if (rc == SQLITE_ROW) return sqlite3_column_int64(s.get(), 0);
  if (rc == SQLITE_DONE) return absl::NotFoundError(Cat(display_, ": no row for ", sql));
  return Error(rc, sql);
}

absl::StatusOr<std::string> ReadOnlyDatabase::PrimaryKeyOrder(std::string_view table) const {
  ASANASIM_ASSIGN_OR_RETURN(Statement info, Prepare(Cat("SELECT name FROM pragma_table_info('",
                                                        table, "') WHERE pk > 0 ORDER BY pk")));
  std::string order;
  int rc;
  while ((rc = sqlite3_step(info.get())) == SQLITE_ROW) {
    order += Cat(order.empty() ? "" : ", ",
                 reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0)));
  }
  if (rc != SQLITE_DONE) return Error(rc, Cat("reading the schema of ", table));
  return order.empty() ? std::string("rowid") : order;
}

absl::Status ReadOnlyDatabase::QuickCheck() const {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, Prepare("PRAGMA quick_check"));
  const int rc = sqlite3_step(s.get());
  if (rc != SQLITE_ROW) return Error(rc, "quick_check");
  const std::string result = reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0));
  if (result != "ok")
    return absl::DataLossError(Cat(display_, " is corrupt or truncated (", result, ")"));
  return absl::OkStatus();
}

absl::Status ReadOnlyDatabase::IntegrityCheck() const {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, Prepare("PRAGMA integrity_check(1)"));
  const int rc = sqlite3_step(s.get());
  if (rc != SQLITE_ROW) return Error(rc, "integrity_check");
  std::string result = reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0));
  if (result == "ok") return absl::OkStatus();
  if (const size_t nl = result.find('\n'); nl != std::string::npos) result.resize(nl);
  return absl::DataLossError(Cat(display_, " fails SQLite's integrity check (", result, ")"));
}

}  // namespace asanasim
