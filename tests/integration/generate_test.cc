// The default run, end to end: the real binary writes the database, then every business rule is
// one SQL query that must find no violation, and the realism statistics must be in range.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "asanasim/validate.h"
#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

class DefaultRunTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    // The README's default: no flags at all, writing output/asana_simulation.sqlite.
    const RunResult r = RunAsanasim({"generate"}, dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    summary_ = new std::string(r.out);
    db_ = new Db(*dir_ / "output/asana_simulation.sqlite");
  }
  static void TearDownTestSuite() {
    delete db_;
    delete summary_;
    delete dir_;
  }
  static int64_t Count(const std::string& sql) { return db_->Int(sql); }

  static ScratchDir* dir_;
  static Db* db_;
  static std::string* summary_;
};
ScratchDir* DefaultRunTest::dir_ = nullptr;
Db* DefaultRunTest::db_ = nullptr;
std::string* DefaultRunTest::summary_ = nullptr;

TEST_F(DefaultRunTest, IntegrityAndForeignKeys) {
  EXPECT_EQ(db_->Strings("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  EXPECT_TRUE(db_->Strings("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(db_->Strings("PRAGMA journal_mode"), std::vector<std::string>{"delete"});
  EXPECT_FALSE(std::filesystem::exists(*dir_ / "output/asana_simulation.sqlite.partial"));
}

TEST_F(DefaultRunTest, MidSizedCompany) {
  EXPECT_EQ(db_->Strings("SELECT name FROM organizations"),
            std::vector<std::string>{"TechFlow Solutions"});
  EXPECT_EQ(Count("SELECT count(*) FROM users"), 300);
  EXPECT_EQ(Count("SELECT count(*) FROM projects"), 60);
  EXPECT_GT(Count("SELECT count(*) FROM teams"), 15);
  EXPECT_GT(Count("SELECT count(*) FROM tasks WHERE parent_id IS NULL"), 1500);
  EXPECT_GT(Count("SELECT count(*) FROM tasks WHERE parent_id IS NOT NULL"), 500);
  EXPECT_GT(Count("SELECT count(*) FROM stories WHERE type = 'comment'"), 1500);
  EXPECT_GT(Count("SELECT count(*) FROM custom_field_values"), 1000);
  EXPECT_GT(Count("SELECT count(*) FROM task_tags"), 50);
  EXPECT_GT(Count("SELECT count(DISTINCT department) FROM teams"), 6);
  EXPECT_NE(summary_->find("total rows"), std::string::npos);
}

// Business rules: each query counts violations.
struct Rule {
  const char* name;
  const char* sql;
};
const Rule kRules[] = {
    {"assignee is a member of the project's team",
     "SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.assignee_id IS "
     "NOT NULL AND "
     "NOT EXISTS (SELECT 1 FROM team_memberships m WHERE m.team_id = p.team_id AND m.user_id = "
     "t.assignee_id)"},
    {"creator and completer are members of the project's team",
     "SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id WHERE "
     "NOT EXISTS (SELECT 1 FROM team_memberships m WHERE m.team_id = p.team_id AND m.user_id = "
     "t.created_by_id) OR "
     "(t.completed_by_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM team_memberships m WHERE "
     "m.team_id = p.team_id "
     "AND m.user_id = t.completed_by_id))"},
    {"commenters and story authors are members of the project's team",
     "SELECT count(*) FROM stories s JOIN tasks t ON t.id = s.task_id JOIN projects p ON p.id = "
     "t.project_id "
     "WHERE NOT EXISTS (SELECT 1 FROM team_memberships m WHERE m.team_id = p.team_id AND m.user_id "
     "= s.created_by_id)"},
    {"followers are members of the project's team",
     "SELECT count(*) FROM task_followers f JOIN tasks t ON t.id = f.task_id JOIN projects p ON "
     "p.id = t.project_id "
     "WHERE NOT EXISTS (SELECT 1 FROM team_memberships m WHERE m.team_id = p.team_id AND m.user_id "
     "= f.user_id)"},
    {"project members are members of the project's team",
     "SELECT count(*) FROM project_memberships pm JOIN projects p ON p.id = pm.project_id WHERE "
     "NOT EXISTS "
     "(SELECT 1 FROM team_memberships m WHERE m.team_id = p.team_id AND m.user_id = pm.user_id)"},
    {"subtasks start no earlier than their parent",
     "SELECT count(*) FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.created_at < "
     "p.created_at"},
    {"subtasks of a completed parent are completed no later than it",
     "SELECT count(*) FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE p.completed = 1 AND "
     "(c.completed = 0 OR c.completed_at > p.completed_at OR c.created_at > p.completed_at)"},
    {"subtasks stay in their parent's project",
     "SELECT count(*) FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.project_id <> "
     "p.project_id"},
    {"subtask due dates within the parent's",
     "SELECT count(*) FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.due_on > p.due_on "
     "AND "
     "c.due_on > substr(c.created_at, 1, 10)"},
    {"completed iff completed_at iff completed_by",
     "SELECT count(*) FROM tasks WHERE (completed = 1) <> (completed_at IS NOT NULL) OR "
     "(completed = 1) <> (completed_by_id IS NOT NULL)"},
    {"completion after creation, before as_of",
     "SELECT count(*) FROM tasks, runs WHERE completed_at < created_at OR completed_at > "
     "runs.as_of OR "
     "created_at > runs.as_of"},
    {"stories between the task's creation and as_of",
     "SELECT count(*) FROM stories s JOIN tasks t ON t.id = s.task_id, runs WHERE s.created_at < "
     "t.created_at OR "
     "s.created_at > runs.as_of"},
    {"stories in time order of their ids",
     "SELECT count(*) FROM stories a JOIN stories b ON b.task_id = a.task_id AND b.id = a.id + 1 "
     "WHERE b.created_at < a.created_at"},
    {"modified_at not before the last story",
     "SELECT count(*) FROM tasks t WHERE t.modified_at < (SELECT max(created_at) FROM stories s "
     "WHERE s.task_id = t.id)"},
    {"a completed task has a marked_complete story by its completer at completion",
     "SELECT count(*) FROM tasks t WHERE t.completed = 1 AND NOT EXISTS (SELECT 1 FROM stories s "
     "WHERE "
     "s.task_id = t.id AND s.resource_subtype = 'marked_complete' AND s.created_by_id = "
     "t.completed_by_id AND "
     "s.created_at = t.completed_at)"},
    {"every task has a created story by its creator",
     "SELECT count(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.task_id = "
     "t.id AND "
     "s.resource_subtype = 'created' AND s.created_by_id = t.created_by_id AND s.created_at = "
     "t.created_at)"},
    {"tasks created within their project's life",
     "SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.created_at < "
     "p.created_at OR "
     "(p.completed = 1 AND t.parent_id IS NULL AND t.created_at > p.completed_at)"},
    {"top-level tasks of a completed project are done by its completion",
     "SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.completed = 1 "
     "AND "
     "t.parent_id IS NULL AND (t.completed = 0 OR t.completed_at > p.completed_at)"},
    {"section belongs to the task's project",
     "SELECT count(*) FROM tasks t JOIN sections s ON s.id = t.section_id WHERE s.project_id <> "
     "t.project_id"},
    {"field values only for fields the project carries",
     "SELECT count(*) FROM custom_field_values v JOIN tasks t ON t.id = v.task_id WHERE NOT EXISTS "
     "(SELECT 1 FROM "
     "project_custom_field_settings s WHERE s.project_id = t.project_id AND s.custom_field_id = "
     "v.custom_field_id)"},
    {"enum values belong to their field",
     "SELECT count(*) FROM custom_field_values v JOIN custom_field_enum_options o ON o.id = "
     "v.enum_option_id "
     "WHERE o.custom_field_id <> v.custom_field_id"},
    {"value column matches the field type",
     "SELECT count(*) FROM custom_field_values v JOIN custom_field_definitions d ON d.id = "
     "v.custom_field_id "
     "WHERE d.resource_subtype <> v.value_type"},
    {"people values are members of the project's team",
     "SELECT count(*) FROM custom_field_values v JOIN tasks t ON t.id = v.task_id JOIN projects p "
     "ON "
     "p.id = t.project_id WHERE v.people_value_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
     "team_memberships m "
     "WHERE m.team_id = p.team_id AND m.user_id = v.people_value_id)"},
    {"emails on the organization's domain",
     "SELECT count(*) FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.email "
     "NOT LIKE "
     "'%@' || o.email_domain"},
    {"people joined before the history and their teams",
     "SELECT count(*) FROM team_memberships m JOIN users u ON u.id = m.user_id JOIN teams t ON "
     "t.id = m.team_id, runs "
     "WHERE m.joined_at < u.created_at OR m.joined_at < t.created_at OR m.joined_at > "
     "runs.history_start"},
    {"no template placeholder reaches the database",
     "SELECT (SELECT count(*) FROM tasks WHERE name GLOB '*[{}]*' OR notes GLOB '*[{}]*') + "
     "(SELECT count(*) FROM stories WHERE text GLOB '*[{}]*') + "
     "(SELECT count(*) FROM projects WHERE name GLOB '*[{}]*' OR notes GLOB '*[{}]*')"},
    {"one admin per team",
     "SELECT count(*) FROM (SELECT team_id FROM team_memberships GROUP BY team_id "
     "HAVING sum(role = 'admin') <> 1)"},
};

TEST_F(DefaultRunTest, EveryBusinessRuleHolds) {
  for (const Rule& r : kRules) EXPECT_EQ(Count(r.sql), 0) << r.name;
}

// Realism: statistics of tier 1 within the ranges the profile aims at.
TEST_F(DefaultRunTest, RealismStatistics) {
  const double weekday_due = db_->Real(
      "SELECT avg(strftime('%w', due_on) NOT IN ('0', '6')) FROM tasks WHERE due_on IS NOT NULL");
  EXPECT_GT(weekday_due, 0.80);
  EXPECT_LT(weekday_due, 0.90);
  const double unassigned = db_->Real("SELECT avg(assignee_id IS NULL) FROM tasks");
  EXPECT_GT(unassigned, 0.08);
  EXPECT_LT(unassigned, 0.22);
  // The statistics that need local time (the author's real zone, DST included) or a story
  // replay: validate's scorecard, every one in its band.
  absl::StatusOr<ValidationReport> report = Validate(*dir_ / "output/asana_simulation.sqlite");
  ASSERT_TRUE(report.ok()) << report.status();
  for (const StatResult& stat : report->stats) {
    EXPECT_TRUE(stat.judged) << stat.name;
    EXPECT_TRUE(stat.in_range) << stat.name << " = " << stat.value << ", not in [" << stat.lo
                               << ", " << stat.hi << "]";
  }
  // Old work mostly done, recent work mostly open.
  const double old_done = db_->Real(
      "SELECT avg(completed) FROM tasks, runs WHERE created_at < datetime(runs.as_of, '-60 days')");
  const double recent_done = db_->Real(
      "SELECT avg(completed) FROM tasks, runs WHERE created_at > datetime(runs.as_of, '-7 days')");
  EXPECT_GT(old_done, 0.85);
  EXPECT_LT(recent_done, 0.5);
  // Creation-to-completion lag is right-skewed: mean well above median.
  const std::vector<std::string> lags = db_->Strings(
      "SELECT julianday(completed_at) - julianday(created_at) AS d FROM tasks WHERE completed = 1 "
      "AND parent_id IS NULL ORDER BY d");
  ASSERT_GT(lags.size(), 100u);
  double mean = 0;
  for (const std::string& l : lags) mean += std::stod(l) / lags.size();
  const double median = std::stod(lags[lags.size() / 2]);
  EXPECT_GT(median, 1.5);
  EXPECT_LT(median, 10.0);
  EXPECT_GT(mean, 1.3 * median);
  // Some people belong to two or three teams.
  const int64_t multi = Count(
      "SELECT count(*) FROM (SELECT user_id FROM team_memberships GROUP BY user_id "
      "HAVING count(*) > 1)");
  EXPECT_GT(multi, 20);
  // Names are varied.
  const double distinct_names = db_->Real(
      "SELECT CAST(count(DISTINCT name) AS REAL) / count(*) FROM tasks WHERE parent_id IS NULL");
  EXPECT_GT(distinct_names, 0.6);
}

}  // namespace
}  // namespace asanasim::testing
