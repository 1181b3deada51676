// The readers: the three queries an environment asks of a generated world most, each through the
// index that serves it, on a real file:
//   a user's open tasks, soonest due first      (tasks_by_assignee)
//   a task's stories in order                   (stories_by_task)
//   a project's top-level tasks by section      (tasks_by_project_section)
// Each iteration runs the query for a fixed sample of keys (every k-th key, so the same keys for
// the same file) on a fresh read-only connection: SQLite's page cache starts cold, the operating
// system's is warm, as for an environment that opens the file per episode.
//
// The file is ASANASIM_READER_DB when set (scripts/bench.sh points it at files written by two
// builds, to compare layouts on one machine in one run), else a 4-org world (the writer_bench
// world) generated once into a scratch file.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "asanasim/generate.h"
#include "bench/bench_world.h"

namespace asanasim::bench {
namespace {

// The database the benchmarks read; generated on first use unless ASANASIM_READER_DB names one.
const std::string& Database() {
  static const std::string path = [] {
    if (const char* given = std::getenv("ASANASIM_READER_DB"); given != nullptr && *given != '\0')
      return std::string(given);
    GenerateOptions options;
    options.out = ScratchPath("reader.sqlite");
    options.force = true;
    options.manifest = false;
    options.orgs = 4;
    if (!Generate(options).ok()) return std::string();
    std::atexit([] { ::unlink(ScratchPath("reader.sqlite").c_str()); });
    return options.out;
  }();
  return path;
}

sqlite3* Open() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(Database().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return nullptr;
  }
  return db;
}

// Every `stride`-th value of the first column of `sql`, at most `limit` of them.
std::vector<int64_t> SampleKeys(const std::string& sql, int stride, size_t limit) {
  std::vector<int64_t> keys;
  sqlite3* db = Open();
  sqlite3_stmt* stmt = nullptr;
  if (db != nullptr && sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
    for (int i = 0; sqlite3_step(stmt) == SQLITE_ROW && keys.size() < limit; ++i) {
      if (i % stride == 0) keys.push_back(sqlite3_column_int64(stmt, 0));
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return keys;
}

// Runs `sql` once per key per iteration, reading every column of every row.
void RunQueries(benchmark::State& state, const std::string& sql, const std::vector<int64_t>& keys) {
  if (Database().empty() || keys.empty()) {
    state.SkipWithError("no database to read (generation failed or ASANASIM_READER_DB is empty)");
    return;
  }
  int64_t rows = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    sqlite3* db = Open();
    sqlite3_stmt* stmt = nullptr;
    if (db == nullptr || sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      state.SkipWithError("cannot open or prepare");
      sqlite3_close(db);
      break;
    }
    for (int64_t key : keys) {
      sqlite3_bind_int64(stmt, 1, key);
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        ++rows;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) bytes += sqlite3_column_bytes(stmt, c);
      }
      sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
  }
  benchmark::DoNotOptimize(bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(keys.size()));
  state.counters["keys"] = static_cast<double>(keys.size());
  state.counters["rows/query"] =
      static_cast<double>(rows) / static_cast<double>(state.iterations() * keys.size());
}

void BM_UserOpenTasks(benchmark::State& state) {
  static const std::vector<int64_t> users = SampleKeys(
      "SELECT DISTINCT assignee_id FROM tasks WHERE assignee_id IS NOT NULL ORDER BY 1", 7, 200);
  RunQueries(state,
             "SELECT id, name, due_on, section_id, project_id FROM tasks"
             " WHERE assignee_id = ?1 AND completed = 0 ORDER BY due_on",
             users);
}
BENCHMARK(BM_UserOpenTasks)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_TaskStories(benchmark::State& state) {
  static const std::vector<int64_t> tasks = SampleKeys("SELECT id FROM tasks ORDER BY id", 37, 500);
  RunQueries(state,
             "SELECT id, created_at, created_by_id, resource_subtype, text FROM stories"
             " WHERE task_id = ?1 ORDER BY created_at, id",
             tasks);
}
BENCHMARK(BM_TaskStories)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_ProjectTasksBySection(benchmark::State& state) {
  static const std::vector<int64_t> projects =
      SampleKeys("SELECT id FROM projects ORDER BY id", 3, 100);
  RunQueries(state,
             "SELECT id, name, section_id, assignee_id, due_on, completed FROM tasks"
             " WHERE project_id = ?1 AND parent_id IS NULL ORDER BY section_id, id",
             projects);
}
BENCHMARK(BM_ProjectTasksBySection)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
}  // namespace asanasim::bench
