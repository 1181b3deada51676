// SqliteWriter: the one writer of a run. It owns the run's only SQLite connection and turns
// Batches into rows with cached, multi-row prepared INSERTs inside large transactions.
// Thread-hostile: create it, write to it and finish it from one thread (the writer thread).
//
// The file
// --------
// 1. Create() opens a new file at `path` (removing one there, and its -wal/-journal, only with
//    `overwrite`) with locking_mode=EXCLUSIVE (so WAL needs no shared memory), journal_mode=WAL,
//    synchronous=OFF, foreign_keys=OFF, ignore_check_constraints=ON (the schema's constraints
//    are proven on the output by integrity_check and foreign_key_check, not evaluated per row),
//    a small page cache, and runs the table part of schema.sql.
// 2. Write() appends a batch's tables in Table order; a transaction is committed every
//    `rows_per_transaction` rows.
// 3. Finish() commits, builds the secondary indexes of schema.sql's index part (stories_by_task,
//    in the table part, was filled during the load) with a small cache and 4 MiB sorter runs
//    (SQLITE_CONFIG_PMASZ, see sqlite_writer.cc), checkpoints the WAL into the file, switches
//    the file back to journal_mode=DELETE so that it is one self-contained file, and closes it.
// The path is a temporary name: putting the file in place (sync, rename, manifest) is
// OutputTarget's job (src/store/output_target.h). A writer destroyed before Finish() removes its
// file.
#ifndef ASANASIM_SRC_STORE_SQLITE_WRITER_H_
#define ASANASIM_SRC_STORE_SQLITE_WRITER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "asanasim/hash.h"
#include "src/model/batch.h"
#include "src/model/row_hasher.h"
#include "src/model/tables.h"

struct sqlite3;
struct sqlite3_stmt;

namespace asanasim {

class SqliteWriter {
 public:
  struct Options {
    // The file to write (a temporary name; see above).
    std::string path;
    // Remove a file already at `path` (else AlreadyExists).
    bool overwrite = false;
    // Rows per committed transaction.
    int64_t rows_per_transaction = 500000;
    // Page cache for the load, in KiB. Small on purpose: every insert appends at the right edge
    // of its b-tree, so a few pages per table suffice; a big cache only costs memory (it grows
    // with the file) and time (measured: 2 MiB ran ~1.4x faster than 64 MiB).
    int64_t load_cache_kib = 2048;
    // Page cache for the index build, in KiB. SQLite's sorter runs are this size or its minimum
    // run (64 pages, 4 MiB with 64 KiB pages; sqlite_writer.cc), whichever is larger: with 64
    // KiB pages, the minimum.
    int64_t index_cache_kib = 1024;
    // The file's page size in bytes (a power of two, 512-65536). The largest: a page holds 16
    // times the rows of a 4 KiB one, so the load, the WAL and the checkpoint make a sixteenth of
    // the page writes (and system calls), b-trees are shallower, and a reader's query touches
    // fewer pages. Measured on 4 and 8 orgs against 4096: writer +18%, index build 0.07 s vs
    // 0.12 s, end to end +18%; readers 1.5-4x the queries/s on a fresh connection (bench/
    // reader_bench.cc); the file 3% larger. (PRAGMA threads for the index build's sorter was
    // slower at these sizes, 0.14 s vs 0.12 s, so the sorter stays on the writer's thread.)
    int page_size = 65536;
  };

  static absl::StatusOr<std::unique_ptr<SqliteWriter>> Create(const Options& options);

  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;
  ~SqliteWriter();

  absl::Status Write(const Batch& batch);
  // Runs `sql` on the writer's connection (e.g. ATTACH and INSERT ... SELECT for merges). Commits
  // any open transaction of Write() first.
  absl::Status Execute(const std::string& sql);
  absl::Status Finish();

  const std::array<int64_t, kTableCount>& rows_written() const { return rows_written_; }
  int64_t total_rows() const { return total_rows_; }
  // Rows inserted, updated or deleted on the connection so far (by Write() and Execute()).
  int64_t total_changes() const;
  // Seconds Finish() spent building indexes.
  double index_seconds() const { return index_seconds_; }

  // The content hash of everything written, computed while writing (as HashDatabase would
  // compute it from the file). FailedPrecondition if it cannot be trusted: some table's rows did
  // not arrive in primary-key order, or rows were added with Execute().
  absl::StatusOr<DatabaseHash> ContentHash() const;

 private:
  struct Statements {
    sqlite3_stmt* multi = nullptr;   // rows_per_statement rows
    sqlite3_stmt* single = nullptr;  // one row
    int rows_per_statement = 0;
  };

  explicit SqliteWriter(const Options& options);
  absl::Status Open();
  absl::Status Exec(const std::string& sql);
  absl::Status WriteTable(Table table, const TableRows& rows);
  void HashRows(size_t table, const TableRows& rows);
  absl::StatusOr<sqlite3_stmt*> Prepare(Table table, int rows);
  absl::Status Bind(sqlite3_stmt* stmt, const TableRows& rows, size_t first_cell, size_t cells);
  absl::Status Error(int rc, const std::string& what) const;
  void CloseConnection();
  void RemovePartial();

  Options options_;
  std::string partial_path_;
  sqlite3* db_ = nullptr;
  std::array<Statements, kTableCount> statements_{};
  bool in_transaction_ = false;
  bool finished_ = false;
  int64_t rows_since_commit_ = 0;
  int64_t total_rows_ = 0;
  double index_seconds_ = 0.0;
  std::array<int64_t, kTableCount> rows_written_{};
  // Streaming content hash: per table, its hasher and the last primary key seen.
  std::array<RowHasher, kTableCount> hashers_;
  std::array<std::array<int64_t, 2>, kTableCount> last_key_{};
  bool hash_valid_ = true;
};

// Maps an SQLite result code (and the connection's message, when `db` is given) to a Status.
absl::Status SqliteStatus(sqlite3* db, int rc, const std::string& what);

}  // namespace asanasim

#endif  // ASANASIM_SRC_STORE_SQLITE_WRITER_H_
