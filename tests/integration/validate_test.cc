// `asanasim validate` through the real binary: generated databases pass; files that are not
// asanasim databases exit 2 with a message; a copy broken in one way fails that rule and no other.
#include "asanasim/validate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

TEST(ValidateTest, TenSeedsAtTwoSizesAreValid) {
  ScratchDir dir;
  for (int seed = 1; seed <= 10; ++seed) {
    for (const std::vector<std::string>& size :
         {std::vector<std::string>{"--users", "120", "--projects", "20"},
          std::vector<std::string>{}}) {
      std::string name =
          "s";  // built piecewise: GCC 12 warns falsely (-Wrestrict) on "s" + string&&
      name += std::to_string(seed);
      name += size.empty() ? "-default.sqlite" : "-small.sqlite";
      GenerateOrDie(With(size, {"--seed", std::to_string(seed)}), name, dir.path());
      const RunResult r = RunAsanasim({"validate", name}, dir.path());
      EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.out << r.err;
      std::filesystem::remove(dir / name);
    }
  }
}

TEST(ValidateTest, JsonAndCompressedInput) {
  ScratchDir dir;
  GenerateOrDie({"--users", "60", "--projects", "8", "--compress"}, "c.sqlite", dir.path());
  const RunResult r = RunAsanasim({"validate", "--json", "--quick", "c.sqlite.zst"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("\"ok\": true"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"assignee_in_team\""), std::string::npos);
  EXPECT_NE(r.out.find("\"due_on_weekday_share\""), std::string::npos);
}

TEST(ValidateTest, UnreadableInputsExitTwo) {
  ScratchDir dir;
  std::ofstream(dir / "empty.sqlite");
  std::ofstream(dir / "random.sqlite") << std::string(10000, '\x42');
  {
    sqlite3* db = nullptr;
    sqlite3_open((dir / "foreign.sqlite").c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  GenerateOrDie({"--users", "40", "--projects", "6"}, "good.sqlite", dir.path());
  const std::string good = ReadFile(dir / "good.sqlite");
  std::ofstream(dir / "truncated.sqlite", std::ios::binary) << good.substr(0, good.size() / 3);
  for (const auto& [file, message] : std::vector<std::pair<std::string, std::string>>{
           {"missing.sqlite", "no such file"},
           {"empty.sqlite", "not an asanasim database"},
           {"random.sqlite", "not a readable SQLite database"},
           {"foreign.sqlite", "not an asanasim database"},
           {"truncated.sqlite", "corrupt or truncated"}}) {
    const RunResult r = RunAsanasim({"validate", file}, dir.path());
    EXPECT_EQ(r.exit_code, 2) << file << ": " << r.out << r.err;
    EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << file << ": " << r.err;
  }
}

struct Corruption {
  std::string rule;
  std::string sql;
};

class CorruptionTest : public ::testing::TestWithParam<Corruption> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    GenerateOrDie({"--seed", "5"}, "base.sqlite", dir_->path());
  }
  static void TearDownTestSuite() { delete dir_; }
  static ScratchDir* dir_;
};
ScratchDir* CorruptionTest::dir_ = nullptr;

TEST_P(CorruptionTest, BreaksExactlyItsRule) {
  const Corruption& c = GetParam();
  const std::string copy = *dir_ / (c.rule + ".sqlite");
  std::filesystem::copy_file(*dir_ / "base.sqlite", copy,
                             std::filesystem::copy_options::overwrite_existing);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(copy.c_str(), &db), SQLITE_OK);
  const std::string sql = "PRAGMA ignore_check_constraints = ON; " + c.sql;
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  EXPECT_GT(sqlite3_changes(db), 0) << "the corruption changed nothing";
  sqlite3_close(db);

  absl::StatusOr<ValidationReport> report = Validate(copy);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->integrity_ok()) << report->integrity;
  for (const RuleResult& r : report->rules) {
    if (r.name == c.rule) {
      EXPECT_GT(r.violations, 0) << r.name;
      EXPECT_FALSE(r.examples.empty()) << r.name;
    } else {
      EXPECT_EQ(r.violations, 0) << "corrupting for " << c.rule << " also broke " << r.name;
    }
  }
  const RunResult cli = RunAsanasim({"validate", c.rule + ".sqlite"}, dir_->path());
  EXPECT_EQ(cli.exit_code, 1) << cli.out;
  EXPECT_NE(cli.out.find("FAIL " + c.rule), std::string::npos) << cli.out;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CorruptionTest,
    ::testing::Values(
        Corruption{"assignee_in_team",
                   "UPDATE tasks SET assignee_id = (SELECT u.id FROM users u WHERE NOT EXISTS "
                   "(SELECT 1 FROM "
                   "team_memberships m JOIN projects p ON p.team_id = m.team_id WHERE p.id = "
                   "tasks.project_id AND "
                   "m.user_id = u.id) ORDER BY u.id LIMIT 1) WHERE id = (SELECT min(id) FROM tasks "
                   "WHERE assignee_id "
                   "IS NOT NULL)"},
        Corruption{"one_admin_per_team",
                   "UPDATE team_memberships SET role = 'member' WHERE role = 'admin' AND team_id = "
                   "(SELECT "
                   "min(team_id) FROM team_memberships)"},
        Corruption{"email_on_org_domain",
                   "UPDATE users SET email = 'someone@elsewhere.example' WHERE id = (SELECT "
                   "min(id) FROM users)"},
        Corruption{"membership_dates",
                   "UPDATE team_memberships SET joined_at = '2001-01-01T00:00:00.000Z' WHERE "
                   "team_id = (SELECT "
                   "min(team_id) FROM team_memberships)"},
        Corruption{"completion_fields_agree",
                   "UPDATE tasks SET completed = 0 WHERE id = (SELECT min(t.id) FROM tasks t JOIN "
                   "projects p ON "
                   "p.id = t.project_id WHERE t.completed = 1 AND t.parent_id IS NULL AND "
                   "p.completed = 0 AND NOT "
                   "EXISTS (SELECT 1 FROM tasks c WHERE c.parent_id = t.id))"},
        Corruption{"story_time_order",
                   "UPDATE stories SET created_at = (SELECT created_at FROM tasks WHERE tasks.id = "
                   "stories.task_id) "
                   "WHERE id = (SELECT b.id FROM stories a JOIN stories b ON b.task_id = a.task_id "
                   "AND b.id = a.id "
                   "+ 1 JOIN tasks t ON t.id = a.task_id WHERE b.type = 'comment' AND a.created_at "
                   "> t.created_at "
                   "ORDER BY b.id LIMIT 1)"},
        Corruption{"modified_after_last_story",
                   "UPDATE tasks SET modified_at = created_at WHERE id = (SELECT min(t.id) FROM "
                   "tasks t WHERE "
                   "t.completed = 0 AND EXISTS (SELECT 1 FROM stories s WHERE s.task_id = t.id AND "
                   "s.created_at > "
                   "t.created_at))"},
        Corruption{"eav_one_value",
                   "UPDATE custom_field_values SET text_value = 'x' WHERE value_type = 'number' "
                   "AND task_id = "
                   "(SELECT min(task_id) FROM custom_field_values WHERE value_type = 'number')"},
        Corruption{"field_on_project",
                   "DELETE FROM project_custom_field_settings WHERE (project_id, custom_field_id) "
                   "= (SELECT "
                   "t.project_id, v.custom_field_id FROM custom_field_values v JOIN tasks t ON "
                   "t.id = v.task_id "
                   "ORDER BY v.task_id LIMIT 1)"},
        Corruption{
            "no_placeholder_text",
            "UPDATE tasks SET name = name || ' {object}' WHERE id = (SELECT min(id) FROM tasks)"}),
    [](const ::testing::TestParamInfo<Corruption>& info) { return info.param.rule; });

}  // namespace
}  // namespace asanasim::testing
