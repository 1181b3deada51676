#include "src/store/sqlite_writer.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>

#include "src/model/schema.h"
#include "src/util/interrupt.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

// Parameters per multi-row statement aim at this many; SQLite allows 32,766.
constexpr int kTargetParameters = 1024;
constexpr int kMaxRowsPerStatement = 128;

std::string InsertSql(const TableDesc& desc, int rows) {
  std::string sql = Cat("INSERT INTO ", desc.name, " (");
  for (size_t c = 0; c < desc.columns.size(); ++c) {
    if (c > 0) sql += ", ";
    sql.append(desc.columns[c]);
  }
  sql += ") VALUES ";
  std::string one = "(";
  for (size_t c = 0; c < desc.columns.size(); ++c) one += c == 0 ? "?" : ",?";
  one += ")";
  for (int r = 0; r < rows; ++r) {
    if (r > 0) sql += ",";
    sql += one;
  }
  return sql;
}

}  // namespace

absl::Status SqliteStatus(sqlite3* db, int rc, const std::string& what) {
  std::string message = Cat("sqlite: ", what, ": ", sqlite3_errstr(rc));
  if (db != nullptr && sqlite3_errcode(db) == rc)
    message = Cat("sqlite: ", what, ": ", sqlite3_errmsg(db));
  switch (rc & 0xff) {
    case SQLITE_OK:
      return absl::OkStatus();
    case SQLITE_INTERRUPT:
      return absl::CancelledError("interrupted");
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return absl::FailedPreconditionError(message);
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return absl::ResourceExhaustedError(message);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      return absl::PermissionDeniedError(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::DataLossError(message);
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return absl::OutOfRangeError(message);
    default:
      return absl::InternalError(message);
  }
}

SqliteWriter::SqliteWriter(const Options& options)
    : options_(options), partial_path_(options.path) {}

SqliteWriter::~SqliteWriter() {
  if (!finished_) {
    CloseConnection();
    RemovePartial();
  }
}

namespace {
// SQLite counts every allocation under a global mutex unless told not to; the writer allocates a
// lot. And its sorter sorts in memory runs of at least 250 pages (SQLITE_SORTER_PMASZ) whatever
// the cache size: 16 MiB with 64 KiB pages, which raised the peak RSS of --orgs 30 from 53 to
// 77 MiB. Runs of 64 pages (4 MiB): --orgs 76 peaks at 67 MiB with its indexes built in 2.4 s;
// 16 pages (1 MiB) made more runs to merge, each read through a page-sized buffer (70 MiB,
// 3.6 s); 250 pages 77 MiB, 2.3 s. Must run before SQLite initializes (later a harmless no-op).
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_PMASZ, 64u);
    return true;
  }();
  (void)configured;
}
}  // namespace

absl::StatusOr<std::unique_ptr<SqliteWriter>> SqliteWriter::Create(const Options& options) {
  ConfigureSqliteOnce();
  std::unique_ptr<SqliteWriter> writer(new SqliteWriter(options));
  ASANASIM_RETURN_IF_ERROR(writer->Open());
  return writer;
}

void SqliteWriter::RemovePartial() {
  for (const char* suffix : {"", "-wal", "-journal", "-shm"}) {
    ::unlink((partial_path_ + suffix).c_str());
  }
}

void SqliteWriter::CloseConnection() {
  for (Statements& s : statements_) {
    sqlite3_finalize(s.multi);
    sqlite3_finalize(s.single);
    s = Statements{};
  }
  if (db_ != nullptr) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

absl::Status SqliteWriter::Error(int rc, const std::string& what) const {
  return SqliteStatus(db_, rc, Cat(partial_path_, ": ", what));
}

absl::Status SqliteWriter::Exec(const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return absl::OkStatus();
  std::string text = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  absl::Status status = SqliteStatus(nullptr, rc, Cat(partial_path_, ": ", text));
  return status;
}

absl::Status SqliteWriter::Open() {
  if (!options_.overwrite && std::filesystem::exists(options_.path)) {
    return absl::AlreadyExistsError(Cat(options_.path, " already exists"));
  }
  RemovePartial();
  const int rc = sqlite3_open_v2(
      partial_path_.c_str(), &db_,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
      nullptr);
  if (rc != SQLITE_OK) return Error(rc, "cannot open");
  // Foreign keys and CHECK constraints are declared in the file but not evaluated on the load:
  // tests prove foreign_key_check empty and integrity_check (which evaluates every CHECK) ok on
  // generated worlds, and `asanasim validate` runs both. Evaluating the schema's ~70 CHECKs (IN
  // lists, CASE invariants, json_valid, length) per row was 40% of the whole run on 8 orgs (end
  // to end 2.16 s with, 1.30 s without; docs/reference/sqlite-write-path.md).
  // A signal stops any statement within a few thousand steps (the index build and a merge's
  // copies are single statements that run for seconds).
  sqlite3_progress_handler(db_, 4096, InterruptProgressHandler, nullptr);
  ASANASIM_RETURN_IF_ERROR(Exec(Cat("PRAGMA page_size = ", std::to_string(options_.page_size),
                                    ";"
                                    "PRAGMA locking_mode = EXCLUSIVE;"
                                    "PRAGMA journal_mode = WAL;"
                                    "PRAGMA synchronous = OFF;"
                                    "PRAGMA foreign_keys = OFF;"
                                    "PRAGMA ignore_check_constraints = ON;"
                                    "PRAGMA temp_store = FILE;"
                                    "PRAGMA cache_size = -",
                                    std::to_string(options_.load_cache_kib), ";")));
  ASANASIM_RETURN_IF_ERROR(Exec(std::string(SchemaTablesSql())));
  return absl::OkStatus();
}

absl::StatusOr<sqlite3_stmt*> SqliteWriter::Prepare(Table table, int rows) {
  const std::string sql = InsertSql(Describe(table), rows);
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, Cat("cannot prepare insert into ", Describe(table).name));
  return stmt;
}

absl::Status SqliteWriter::Bind(sqlite3_stmt* stmt, const TableRows& rows, size_t first_cell,
                                size_t cells) {
  for (size_t i = 0; i < cells; ++i) {
    const Cell& c = rows.cell(first_cell + i);
    const int param = static_cast<int>(i + 1);
    int rc;
    switch (c.kind) {
      case Cell::Kind::kNull:
        rc = sqlite3_bind_null(stmt, param);
        break;
      case Cell::Kind::kInt:
        rc = sqlite3_bind_int64(stmt, param, c.i);
        break;
      case Cell::Kind::kReal:
        rc = sqlite3_bind_double(stmt, param, c.d);
        break;
      case Cell::Kind::kText: {
        const std::string_view t = rows.text(c);
        rc = sqlite3_bind_text(stmt, param, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
        break;
      }
      default:
        rc = SQLITE_MISUSE;
    }
    if (rc != SQLITE_OK) return Error(rc, "cannot bind");
  }
  return absl::OkStatus();
}

absl::Status SqliteWriter::WriteTable(Table table, const TableRows& rows) {
  const TableDesc& desc = Describe(table);
  const size_t width = desc.columns.size();
  if (rows.cell_count() % width != 0) {
    return absl::InternalError(Cat("batch for ", desc.name, " has a partial row"));
  }
  const size_t index = static_cast<size_t>(table);
  Statements& st = statements_[index];
  if (st.single == nullptr) {
    st.rows_per_statement =
        std::clamp(kTargetParameters / static_cast<int>(width), 1, kMaxRowsPerStatement);
    ASANASIM_ASSIGN_OR_RETURN(st.single, Prepare(table, 1));
    ASANASIM_ASSIGN_OR_RETURN(st.multi, Prepare(table, st.rows_per_statement));
  }
  const size_t n = rows.rows();
  size_t row = 0;
  while (row < n) {
    const bool multi = n - row >= static_cast<size_t>(st.rows_per_statement);
    sqlite3_stmt* stmt = multi ? st.multi : st.single;
    const size_t count = multi ? st.rows_per_statement : 1;
    ASANASIM_RETURN_IF_ERROR(Bind(stmt, rows, row * width, count * width));
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return Error(rc, Cat("insert into ", desc.name, " failed"));
    row += count;
  }
  if (hash_valid_) HashRows(index, rows);
  rows_written_[index] += static_cast<int64_t>(n);
  total_rows_ += static_cast<int64_t>(n);
  rows_since_commit_ += static_cast<int64_t>(n);
  return absl::OkStatus();
}

void SqliteWriter::HashRows(size_t table, const TableRows& rows) {
  const TableDesc& desc = Describe(table);
  const size_t width = desc.columns.size();
  RowHasher& h = hashers_[table];
  std::array<int64_t, 2>& last = last_key_[table];
  for (size_t row = 0; row < rows.rows(); ++row) {
    const size_t first = row * width;
    // Keys must grow strictly, or the file's primary-key order would differ from this one.
    std::array<int64_t, 2> key = {rows.cell(first).i,
                                  desc.key_columns > 1 ? rows.cell(first + 1).i : 0};
    if (rows_written_[table] + static_cast<int64_t>(row) > 0 && key <= last) {
      hash_valid_ = false;
      return;
    }
    last = key;
    for (size_t c = 0; c < width; ++c) {
      const Cell& cell = rows.cell(first + c);
      switch (cell.kind) {
        case Cell::Kind::kNull:
          h.Null();
          break;
        case Cell::Kind::kInt:
          h.Integer(cell.i);
          break;
        case Cell::Kind::kReal:
          h.Float(cell.d);
          break;
        case Cell::Kind::kText:
          h.Text(rows.text(cell));
          break;
      }
    }
  }
}

absl::StatusOr<DatabaseHash> SqliteWriter::ContentHash() const {
  if (!hash_valid_) return absl::FailedPreconditionError("rows were not written in key order");
  DatabaseHash out;
  for (size_t t = 0; t < kTableCount; ++t) {
    out.tables.push_back({std::string(Describe(t).name), rows_written_[t], hashers_[t].Hex()});
  }
  CombineTableHashes(out);
  return out;
}

absl::Status SqliteWriter::Write(const Batch& batch) {
  if (db_ == nullptr || finished_) return absl::FailedPreconditionError("writer is closed");
  if (!in_transaction_) {
    ASANASIM_RETURN_IF_ERROR(Exec("BEGIN"));
    in_transaction_ = true;
  }
  for (size_t t = 0; t < kTableCount; ++t) {
    const TableRows& rows = batch.rows(static_cast<Table>(t));
    if (rows.cell_count() > 0) ASANASIM_RETURN_IF_ERROR(WriteTable(static_cast<Table>(t), rows));
  }
  if (rows_since_commit_ >= options_.rows_per_transaction) {
    ASANASIM_RETURN_IF_ERROR(Exec("COMMIT"));
    in_transaction_ = false;
    rows_since_commit_ = 0;
  }
  return absl::OkStatus();
}

int64_t SqliteWriter::total_changes() const {
  return db_ != nullptr ? static_cast<int64_t>(sqlite3_total_changes64(db_)) : 0;
}

absl::Status SqliteWriter::Execute(const std::string& sql) {
  if (db_ == nullptr || finished_) return absl::FailedPreconditionError("writer is closed");
  hash_valid_ = false;  // Rows may be added that the writer does not see.
  if (in_transaction_) {
    ASANASIM_RETURN_IF_ERROR(Exec("COMMIT"));
    in_transaction_ = false;
    rows_since_commit_ = 0;
  }
  return Exec(sql);
}

absl::Status SqliteWriter::Finish() {
  if (db_ == nullptr || finished_) return absl::FailedPreconditionError("writer is closed");
  if (in_transaction_) {
    ASANASIM_RETURN_IF_ERROR(Exec("COMMIT"));
    in_transaction_ = false;
  }
  const auto index_start = std::chrono::steady_clock::now();
  ASANASIM_RETURN_IF_ERROR(
      Exec(Cat("PRAGMA cache_size = -", std::to_string(options_.index_cache_kib), ";")));
  ASANASIM_RETURN_IF_ERROR(Exec(Cat("BEGIN;", SchemaIndexesSql(), ";COMMIT;")));
  index_seconds_ =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - index_start).count();
  ASANASIM_RETURN_IF_ERROR(Exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;"));
  for (Statements& s : statements_) {
    sqlite3_finalize(s.multi);
    sqlite3_finalize(s.single);
    s = Statements{};
  }
  const int rc = sqlite3_close(db_);
  if (rc != SQLITE_OK) return Error(rc, "cannot close");
  db_ = nullptr;
  finished_ = true;
  return absl::OkStatus();
}

}  // namespace asanasim
