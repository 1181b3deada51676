#include "src/store/database_file.h"

#include "src/model/schema.h"
#include "src/store/sqlite_writer.h"
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
  return db;
}

absl::Status ReadOnlyDatabase::Error(int rc, const std::string& what) const {
  const int primary = rc & 0xff;
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

}  // namespace asanasim
