// The readers an environment relies on: on a generated file, each of the three queries of
// bench/reader_bench.cc is served by an index, with no sort of its own (no temporary b-tree),
// and returns its rows in the order asked for. A change of layout (page size, clustering,
// indexes) that slows or breaks one fails here before the reader benchmark shows it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

struct ReaderQuery {
  const char* name;
  const char* sql;  // ?1 = the key
  const char* index;
};

constexpr ReaderQuery kQueries[] = {
    {"a user's open tasks",
     "SELECT id, name, due_on, section_id, project_id FROM tasks"
     " WHERE assignee_id = ?1 AND completed = 0 ORDER BY due_on",
     "tasks_by_assignee"},
    {"a task's stories in order",
     "SELECT id, created_at, created_by_id, resource_subtype, text FROM stories"
     " WHERE task_id = ?1 ORDER BY created_at, id",
     "stories_by_task"},
    {"a project's tasks by section",
     "SELECT id, name, section_id, assignee_id, due_on, completed FROM tasks"
     " WHERE project_id = ?1 AND parent_id IS NULL ORDER BY section_id, id",
     "tasks_by_project_section"},
};

// The plan's detail lines of `sql`.
std::vector<std::string> Plan(const Db& db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db.raw(), ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &stmt, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db.raw());
  while (sqlite3_step(stmt) == SQLITE_ROW)
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
  sqlite3_finalize(stmt);
  return out;
}

TEST(Readers, EachQueryIsServedByItsIndexWithoutASort) {
  ScratchDir dir;
  GenerateOrDie({"--users", "60", "--projects", "6"}, dir / "w.sqlite", dir.path());
  Db db(dir / "w.sqlite");
  for (const ReaderQuery& q : kQueries) {
    const std::vector<std::string> plan = Plan(db, q.sql);
    std::string text;
    for (const std::string& line : plan) text += line + "\n";
    EXPECT_NE(text.find(std::string("USING INDEX ") + q.index), std::string::npos)
        << q.name << ":\n"
        << text;
    EXPECT_EQ(text.find("TEMP B-TREE"), std::string::npos) << q.name << ":\n" << text;
  }
}

TEST(Readers, StoriesComeBackInTimeOrder) {
  ScratchDir dir;
  GenerateOrDie({"--users", "60", "--projects", "6"}, dir / "w.sqlite", dir.path());
  Db db(dir / "w.sqlite");
  const int64_t task = db.Int(
      "SELECT task_id FROM stories GROUP BY task_id ORDER BY count(*) DESC, task_id LIMIT 1");
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db.raw(), kQueries[1].sql, -1, &stmt, nullptr), SQLITE_OK);
  sqlite3_bind_int64(stmt, 1, task);
  std::string last_time;
  int64_t last_id = 0;
  int rows = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const std::string time = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
    const int64_t id = sqlite3_column_int64(stmt, 0);
    EXPECT_TRUE(time > last_time || (time == last_time && id > last_id))
        << "story " << id << " at " << time << " after " << last_id << " at " << last_time;
    last_time = time;
    last_id = id;
    ++rows;
  }
  sqlite3_finalize(stmt);
  EXPECT_GE(rows, 5) << "the busiest task has only " << rows << " stories";
}

}  // namespace
}  // namespace asanasim::testing
