// schema.sql is the one DDL; the writer's table descriptions must match it column for column.
#include "src/model/schema.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>
#include <string>
#include <vector>

#include "src/model/tables.h"

namespace asanasim {
namespace {

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, std::string(SchemaTablesSql()).c_str(), nullptr, nullptr, &err),
              SQLITE_OK)
        << (err ? err : "");
  }
  void TearDown() override { sqlite3_close(db_); }

  std::vector<std::string> Strings(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(s) == SQLITE_ROW)
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
  }

  sqlite3* db_ = nullptr;
};

TEST_F(SchemaTest, DescriptionsMatchSchemaColumns) {
  for (size_t t = 0; t < kTableCount; ++t) {
    const TableDesc& d = Describe(t);
    const std::vector<std::string> actual =
        Strings("SELECT name FROM pragma_table_info('" + std::string(d.name) + "')");
    ASSERT_EQ(actual.size(), d.columns.size()) << d.name;
    for (size_t c = 0; c < actual.size(); ++c) EXPECT_EQ(actual[c], d.columns[c]) << d.name;
  }
}

TEST_F(SchemaTest, KeyColumnsMatchThePrimaryKeys) {
  for (size_t t = 0; t < kTableCount; ++t) {
    const TableDesc& d = Describe(t);
    const std::vector<std::string> pk =
        Strings("SELECT name FROM pragma_table_info('" + std::string(d.name) +
                "') WHERE pk > 0 ORDER BY pk");
    ASSERT_EQ(pk.size(), static_cast<size_t>(d.key_columns)) << d.name;
    for (size_t c = 0; c < pk.size(); ++c) EXPECT_EQ(pk[c], d.columns[c]) << d.name;
  }
}

TEST_F(SchemaTest, EverySchemaTableIsDescribed) {
  std::set<std::string> described;
  for (size_t t = 0; t < kTableCount; ++t) described.insert(std::string(Describe(t).name));
  for (const std::string& name : Strings("SELECT name FROM sqlite_master WHERE type = 'table'")) {
    EXPECT_TRUE(described.count(name))
        << name << " is in schema.sql but not in src/model/tables.cc";
  }
}

// Secondary indexes are built after the load, except stories_by_task: its entries arrive in key
// order, so it is filled during the load (schema.sql says why).
TEST_F(SchemaTest, IndexesComeAfterTheLoadAndBuild) {
  EXPECT_EQ(Strings("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"),
            std::vector<std::string>{"stories_by_task"});
  EXPECT_FALSE(SchemaIndexesSql().empty());
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db_, std::string(SchemaIndexesSql()).c_str(), nullptr, nullptr, &err),
            SQLITE_OK)
      << (err ? err : "");
  EXPECT_GE(
      Strings("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").size(),
      10u);
}

TEST_F(SchemaTest, RecordsSchemaVersion) {
  EXPECT_EQ(Strings("PRAGMA user_version"),
            std::vector<std::string>{std::to_string(kSchemaVersion)});
  EXPECT_EQ(Strings("PRAGMA application_id"), std::vector<std::string>{"1095977293"});
}

TEST_F(SchemaTest, RejectsRowsBreakingInvariants) {
  const char* setup =
      "INSERT INTO organizations VALUES (1, 0, 'o', 'o.com', 'x', 'y', '2026-01-01T00:00:00.000Z');"
      "INSERT INTO users VALUES (2, 1, 'u', 'u@o.com', 't', 'd', 'UTC', 0, 1, "
      "'2026-01-01T00:00:00.000Z');"
      "INSERT INTO teams VALUES (3, 1, 't', '', 'd', 'public', '2026-01-01T00:00:00.000Z');"
      "INSERT INTO projects VALUES (4, 1, 3, 'p', '', 2, NULL, 'list', 'private', 0, NULL, NULL, "
      "0, NULL, NULL,"
      " '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');"
      "INSERT INTO sections VALUES (5, 4, 's', 0, '2026-01-01T00:00:00.000Z');";
  ASSERT_EQ(sqlite3_exec(db_, setup, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  const std::string ok_task =
      "INSERT INTO tasks VALUES (6, 1, 4, 5, NULL, 'n', '', 'default_task', NULL, NULL, 2,"
      " '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL, NULL, 0, NULL, NULL, NULL,"
      " NULL, NULL)";
  ASSERT_EQ(sqlite3_exec(db_, ok_task.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db_);
  // The 17 payload columns of a story, empty, and its text source.
#define ASANASIM_NO_PAYLOAD                                                                      \
  ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, " \
  "NULL, NULL, 'template')"
  const char* bad[] = {
      // completed without completed_at
      "INSERT INTO tasks VALUES (7, 1, 4, 5, NULL, 'n', '', 'default_task', NULL, NULL, 2,"
      " '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL, NULL, 1, NULL, 2, NULL, "
      "NULL, NULL)",
      // unknown subtype
      "INSERT INTO tasks VALUES (8, 1, 4, 5, NULL, 'n', '', 'epic', NULL, NULL, 2,"
      " '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL, NULL, 0, NULL, NULL, NULL, "
      "NULL, NULL)",
      // subtask with a section
      "INSERT INTO tasks VALUES (9, 1, 4, 5, 6, 'n', '', 'default_task', NULL, NULL, 2,"
      " '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL, NULL, 0, NULL, NULL, NULL, "
      "NULL, NULL)",
      // modified before created
      "INSERT INTO tasks VALUES (10, 1, 4, 5, NULL, 'n', '', 'default_task', NULL, NULL, 2,"
      " '2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, NULL, 0, NULL, NULL, NULL, "
      "NULL, NULL)",
      // story slots that are not JSON
      "INSERT INTO tasks VALUES (14, 1, 4, 5, NULL, 'n', '', 'default_task', NULL, NULL, 2,"
      " '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL, NULL, 0, NULL, NULL, NULL,"
      " 'a/b', '{service: 1')",
      // story slots on a subtask (its parent holds them)
      "INSERT INTO tasks VALUES (15, 1, 4, NULL, 6, 'n', '', 'default_task', NULL, NULL, 2,"
      " '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL, NULL, 0, NULL, NULL, NULL,"
      " 'a/b', '{}')",
      // wrong type in a STRICT table
      "INSERT INTO stories VALUES ('x', 6, 2, 'comment', 'comment_added', 't', "
      "'2026-01-02T00:00:00.000Z', 0, 'web'" ASANASIM_NO_PAYLOAD,
      // comment type with a system subtype
      "INSERT INTO stories VALUES (11, 6, 2, 'comment', 'assigned', 't', "
      "'2026-01-02T00:00:00.000Z', 0, 'web'" ASANASIM_NO_PAYLOAD,
      // a system story without its payload (assigned needs new_user_id)
      "INSERT INTO stories VALUES (12, 6, 2, 'system', 'assigned', 't', "
      "'2026-01-02T00:00:00.000Z', 0, 'web'" ASANASIM_NO_PAYLOAD,
  };
  // A well-formed story goes in, so the bad ones fail on their constraint, not on their shape.
  ASSERT_EQ(sqlite3_exec(db_,
                         "INSERT INTO stories VALUES (13, 6, 2, 'system', 'created', 't', "
                         "'2026-01-02T00:00:00.000Z', 0, 'web'" ASANASIM_NO_PAYLOAD,
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db_);
  for (const char* sql : bad) {
    EXPECT_NE(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    EXPECT_EQ(std::string(sqlite3_errmsg(db_)).find("values were supplied"), std::string::npos)
        << sql;
  }
}
#undef ASANASIM_NO_PAYLOAD

}  // namespace
}  // namespace asanasim
