// The ceiling: pre-generated batches of the real schema pushed through the real writer into a
// real file (indexes, checkpoint and rename included), and beside it the same rows inserted by
// the simplest loop (one single-row prepared INSERT per table, same pragmas, CHECKs off as the
// writer has them, same transactions, same index build). writer rows/s over bare rows/s is the
// writer's efficiency.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <string>

#include "bench/bench_world.h"
#include "src/model/schema.h"
#include "src/model/tables.h"
#include "src/store/sqlite_writer.h"

namespace asanasim::bench {
namespace {

const std::vector<std::unique_ptr<Batch>>& Batches(uint32_t orgs) {
  static std::vector<std::unique_ptr<Batch>> cache;
  static uint32_t cached_orgs = 0;
  if (cached_orgs != orgs) {
    cache = MakeBatches(BenchWorld(orgs));
    cached_orgs = orgs;
  }
  return cache;
}

void RemoveFiles(const std::string& path) {
  for (const char* suffix : {"", ".partial", ".partial-wal", "-wal"})
    ::unlink((path + suffix).c_str());
}

void BM_Writer(benchmark::State& state) {
  const auto& batches = Batches(static_cast<uint32_t>(state.range(0)));
  int64_t rows = 0;
  for (const auto& b : batches) rows += static_cast<int64_t>(b->total_rows());
  const std::string path = ScratchPath("writer.sqlite");
  double index_seconds = 0;
  for (auto _ : state) {
    RemoveFiles(path);
    auto writer = SqliteWriter::Create({.path = path, .overwrite = true});
    if (!writer.ok()) {
      state.SkipWithError(std::string(writer.status().message()).c_str());
      break;
    }
    for (const auto& b : batches) {
      if (!(*writer)->Write(*b).ok()) state.SkipWithError("write failed");
    }
    if (!(*writer)->Finish().ok()) state.SkipWithError("finish failed");
    index_seconds += (*writer)->index_seconds();
  }
  RemoveFiles(path);
  state.SetItemsProcessed(state.iterations() * rows);
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["index_s"] = index_seconds / std::max<int64_t>(1, state.iterations());
  for (Table t : {Table::kTasks, Table::kStories, Table::kTaskFollowers}) {
    state.counters[std::string(Describe(t).name) + "/s"] = benchmark::Counter(
        static_cast<double>(RowsOf(batches, t) * state.iterations()), benchmark::Counter::kIsRate);
  }
}
BENCHMARK(BM_Writer)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond)->UseRealTime();

bool Exec(sqlite3* db, const std::string& sql) {
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

void BM_BareLoop(benchmark::State& state) {
  const auto& batches = Batches(static_cast<uint32_t>(state.range(0)));
  int64_t rows = 0;
  for (const auto& b : batches) rows += static_cast<int64_t>(b->total_rows());
  const std::string path = ScratchPath("bare.sqlite");
  for (auto _ : state) {
    RemoveFiles(path);
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    bool ok =
        Exec(db,
             "PRAGMA page_size = 65536; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;"
             "PRAGMA ignore_check_constraints = ON; PRAGMA cache_size = -65536;") &&
        Exec(db, std::string(SchemaTablesSql())) && Exec(db, "BEGIN");
    std::array<sqlite3_stmt*, kTableCount> stmts{};
    for (size_t t = 0; t < kTableCount && ok; ++t) {
      const TableDesc& d = Describe(t);
      std::string sql = "INSERT INTO " + std::string(d.name) + " VALUES (";
      for (size_t c = 0; c < d.columns.size(); ++c) sql += c == 0 ? "?" : ",?";
      sql += ")";
      ok = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmts[t], nullptr) == SQLITE_OK;
    }
    int64_t since_commit = 0;
    for (const auto& b : batches) {
      for (size_t t = 0; t < kTableCount && ok; ++t) {
        const TableRows& r = b->rows(static_cast<Table>(t));
        const size_t width = r.width();
        for (size_t row = 0; row < r.rows(); ++row) {
          for (size_t c = 0; c < width; ++c) {
            const Cell& cell = r.cell(row * width + c);
            const int p = static_cast<int>(c + 1);
            switch (cell.kind) {
              case Cell::Kind::kNull:
                sqlite3_bind_null(stmts[t], p);
                break;
              case Cell::Kind::kInt:
                sqlite3_bind_int64(stmts[t], p, cell.i);
                break;
              case Cell::Kind::kReal:
                sqlite3_bind_double(stmts[t], p, cell.d);
                break;
              case Cell::Kind::kText: {
                const std::string_view v = r.text(cell);
                sqlite3_bind_text(stmts[t], p, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
                break;
              }
            }
          }
          ok = sqlite3_step(stmts[t]) == SQLITE_DONE;
          sqlite3_reset(stmts[t]);
        }
        since_commit += static_cast<int64_t>(r.rows());
      }
      if (since_commit >= 500000) {
        ok = ok && Exec(db, "COMMIT; BEGIN");
        since_commit = 0;
      }
    }
    ok = ok && Exec(db, "COMMIT") && Exec(db, "PRAGMA cache_size = -4096") &&
         Exec(db, "BEGIN;" + std::string(SchemaIndexesSql()) + ";COMMIT;") &&
         Exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
    for (sqlite3_stmt* s : stmts) sqlite3_finalize(s);
    sqlite3_close(db);
    if (!ok) state.SkipWithError("bare loop failed");
  }
  RemoveFiles(path);
  state.SetItemsProcessed(state.iterations() * rows);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_BareLoop)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace asanasim::bench
