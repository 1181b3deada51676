// `asanasim validate` through the real binary: generated databases pass; files that are not
// asanasim databases exit 2 with a message; a copy broken in one way fails that rule and no other.
#include "asanasim/validate.h"

#include <gtest/gtest.h>

#include <algorithm>
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

TEST(ValidateTest, ReportIsOneSelfContainedPageWithCharts) {
  ScratchDir dir;
  GenerateOrDie({"--users", "60", "--projects", "8"}, "w.sqlite", dir.path());
  const RunResult r = RunAsanasim({"validate", "--report", "r.html", "w.sqlite"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string html = ReadFile(dir / "r.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("valid: every check holds"), std::string::npos);
  for (const char* chart :
       {"stories by local weekday and hour", "completion lag, log axis",
        "open and completed tasks by week", "tasks per assignee, most loaded first"}) {
    EXPECT_NE(html.find(chart), std::string::npos) << chart;
  }
  // Heatmap cells, lag bars, both lines, a chip per rule, a bullet per statistic.
  const auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t p = html.find(needle); p != std::string::npos; p = html.find(needle, p + 1)) ++n;
    return n;
  };
  EXPECT_GE(count("stories</title></rect>"), 7u * 24u);
  EXPECT_EQ(count("<polyline"), 2u);
  EXPECT_GE(count("class=\"rule good\""), 40u);
  EXPECT_GE(count("class=\"band\""), 15u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos) << "no external resources";
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos) << entry.path();

  // A broken database makes an INVALID report, naming the rule.
  std::filesystem::copy_file(dir / "w.sqlite", dir / "bad.sqlite");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "bad.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "DELETE FROM task_tags WHERE task_id = (SELECT min(task_id) FROM task_tags)",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  const RunResult bad = RunAsanasim({"validate", "--report", "bad.html", "bad.sqlite"}, dir.path());
  EXPECT_EQ(bad.exit_code, 1);
  const std::string bad_html = ReadFile(dir / "bad.html");
  EXPECT_NE(bad_html.find("INVALID: 1 rule(s) broken"), std::string::npos);
  EXPECT_NE(bad_html.find("class=\"rule bad\""), std::string::npos);
}

TEST(ValidateTest, ReportToStandardOutputIsThePageAlone) {
  ScratchDir dir;
  GenerateOrDie({"--users", "40", "--projects", "6"}, "w.sqlite", dir.path());
  const RunResult r = RunAsanasim({"validate", "--report", "-", "w.sqlite"}, dir.path());
  ASSERT_LE(r.exit_code, 1) << r.err;  // a world this small may miss a statistic's range
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u) << r.out.substr(0, 200);
  EXPECT_EQ(r.out.find("</html>"), r.out.size() - std::string("</html>\n").size());
  EXPECT_NE(r.out.find("<svg"), std::string::npos) << "the charts are there";
  const RunResult both =
      RunAsanasim({"validate", "--json", "--report", "-", "w.sqlite"}, dir.path());
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(both.err, "asanasim: --report - and --json both want standard output\n");
}

TEST(ValidateTest, ReportPathProblemsExitTwoAndWriteNothing) {
  ScratchDir dir;
  GenerateOrDie({"--users", "40", "--projects", "6"}, "w.sqlite", dir.path());
  std::filesystem::create_directory(dir / "adir");
  std::ofstream(dir / "old.html") << "kept";
  std::filesystem::create_symlink("/proc/self/fd/1", dir / "link.html");
  const auto before = Snapshot(dir.path());
  for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"validate", "--report", "adir", "w.sqlite"}, "adir is a directory"},
           {{"validate", "--report", "old.html", "w.sqlite"},
            "--report old.html already exists (use --force to replace it)"},
           {{"validate", "--force", "--report", "link.html", "w.sqlite"},
            "--report link.html is not a regular file"},
           {{"validate", "--report", "nodir/r.html", "w.sqlite"}, "no directory nodir"},
           {{"validate", "--report", "r.html", "missing.sqlite"}, "missing.sqlite"},
           {{"validate", "--report"}, "--report"}}) {
    const RunResult r = RunAsanasim(args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << message << ": " << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
  EXPECT_EQ(Snapshot(dir.path()), before);
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
  std::vector<std::string> also;  // rules that necessarily break with it
  std::string sql;
};

// What ctest and gtest print for a case: the rule it breaks and how.
void PrintTo(const Corruption& c, std::ostream* os) { *os << c.rule << ": " << c.sql; }

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
  // The file stays sound; a corruption that a composite foreign key also catches (a section of
  // another project, a value of the wrong type or field) shows in foreign_key_check as well.
  EXPECT_EQ(report->integrity, "ok");
  for (const RuleResult& r : report->rules) {
    if (r.name == c.rule || std::find(c.also.begin(), c.also.end(), r.name) != c.also.end()) {
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

// One corruption per rule. A rule that other rules imply cannot fail alone: `also` names the
// rules its corruption must break with it, and why is said beside it.
const std::vector<Corruption>& Corruptions() {
  static const std::vector<Corruption> kAll = {
      // Everyone assigned follows the task (replay_followers), so an outside assignee is also
      // an outside follower.
      Corruption{
          "assignee_in_team",
          {"follower_in_team"},
          "CREATE TEMP TABLE c AS SELECT t.id AS task, t.assignee_id AS a, (SELECT "
          "min(u.id) FROM users u WHERE NOT EXISTS (SELECT 1 FROM team_memberships m JOIN "
          "projects p ON p.team_id = m.team_id WHERE p.id = t.project_id AND m.user_id = "
          "u.id)) AS x FROM tasks t WHERE t.completed = 0 AND t.assignee_id IS NOT NULL AND "
          "t.assignee_id <> t.created_by_id AND NOT EXISTS (SELECT 1 FROM stories s WHERE "
          "s.task_id = t.id AND s.created_by_id = t.assignee_id) AND NOT EXISTS (SELECT 1 "
          "FROM custom_field_values v WHERE v.task_id = t.id AND v.people_value_id IS NOT "
          "NULL) ORDER BY t.id LIMIT 1; UPDATE stories SET new_user_id = (SELECT x FROM c) "
          "WHERE task_id = (SELECT task FROM c) AND new_user_id = (SELECT a FROM c); UPDATE "
          "stories SET old_user_id = (SELECT x FROM c) WHERE task_id = (SELECT task FROM c) "
          "AND old_user_id = (SELECT a FROM c); UPDATE task_followers SET user_id = (SELECT "
          "x FROM c) WHERE task_id = (SELECT task FROM c) AND user_id = (SELECT a FROM c); "
          "UPDATE tasks SET assignee_id = (SELECT x FROM c) WHERE id = (SELECT task FROM c)"},
      // Creator and completer author the created and marked_complete stories (created_story,
      // replay_completion): an outside completer is an outside story author.
      Corruption{"creator_in_team",
                 {"story_author_in_team"},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, (SELECT min(u.id) FROM users u WHERE "
                 "NOT EXISTS (SELECT 1 FROM team_memberships m JOIN projects p ON p.team_id = "
                 "m.team_id WHERE p.id = t.project_id AND m.user_id = u.id)) AS x FROM tasks t "
                 "WHERE t.completed = 1 AND t.completed_by_id <> t.created_by_id ORDER BY t.id "
                 "LIMIT 1; UPDATE stories SET created_by_id = (SELECT x FROM c) WHERE task_id = "
                 "(SELECT task FROM c) AND resource_subtype = 'marked_complete'; UPDATE tasks SET "
                 "completed_by_id = (SELECT x FROM c) WHERE id = (SELECT task FROM c)"},
      Corruption{"story_author_in_team",
                 {},
                 "UPDATE stories SET created_by_id = (SELECT min(u.id) FROM users u WHERE NOT "
                 "EXISTS (SELECT 1 FROM team_memberships m JOIN projects p ON p.team_id = "
                 "m.team_id WHERE p.id = (SELECT t.project_id FROM tasks t WHERE t.id = "
                 "stories.task_id) AND m.user_id = u.id)) WHERE id = (SELECT min(id) FROM stories "
                 "WHERE resource_subtype = 'due_date_changed')"},
      Corruption{"follower_in_team",
                 {},
                 "CREATE TEMP TABLE c AS SELECT s.id AS story, s.task_id AS task, s.new_user_id AS "
                 "a, (SELECT min(u.id) FROM users u WHERE NOT EXISTS (SELECT 1 FROM "
                 "team_memberships m JOIN projects p ON p.team_id = m.team_id WHERE p.id = "
                 "t.project_id AND m.user_id = u.id)) AS x FROM stories s JOIN tasks t ON t.id = "
                 "s.task_id WHERE s.resource_subtype = 'follower_added' ORDER BY s.id LIMIT 1; "
                 "UPDATE stories SET new_user_id = (SELECT x FROM c) WHERE id = (SELECT story FROM "
                 "c); UPDATE task_followers SET user_id = (SELECT x FROM c) WHERE task_id = "
                 "(SELECT task FROM c) AND user_id = (SELECT a FROM c)"},
      Corruption{"project_member_in_team",
                 {},
                 "UPDATE project_memberships SET user_id = (SELECT min(u.id) FROM users u WHERE "
                 "NOT EXISTS (SELECT 1 FROM team_memberships m JOIN projects p ON p.team_id = "
                 "m.team_id WHERE p.id = project_memberships.project_id AND m.user_id = u.id)) "
                 "WHERE (project_id, user_id) = (SELECT project_id, user_id FROM "
                 "project_memberships WHERE access_level <> 'admin' ORDER BY project_id, user_id "
                 "LIMIT 1)"},
      Corruption{"people_value_in_team",
                 {},
                 "UPDATE custom_field_values SET people_value_id = (SELECT min(u.id) FROM users u "
                 "WHERE NOT EXISTS (SELECT 1 FROM team_memberships m JOIN projects p ON p.team_id "
                 "= m.team_id WHERE p.id = (SELECT t.project_id FROM tasks t WHERE t.id = "
                 "custom_field_values.task_id) AND m.user_id = u.id)) WHERE (task_id, "
                 "custom_field_id) = (SELECT task_id, custom_field_id FROM custom_field_values "
                 "WHERE people_value_id IS NOT NULL ORDER BY task_id LIMIT 1)"},
      Corruption{"one_admin_per_team",
                 {},
                 "UPDATE team_memberships SET role = 'member' WHERE role = 'admin' AND team_id = "
                 "(SELECT min(team_id) FROM team_memberships)"},
      Corruption{"email_on_org_domain",
                 {},
                 "UPDATE users SET email = 'someone@elsewhere.example' WHERE id = (SELECT min(id) "
                 "FROM users)"},
      Corruption{"membership_dates",
                 {},
                 "UPDATE team_memberships SET joined_at = '2001-01-01T00:00:00.000Z' WHERE team_id "
                 "= (SELECT min(team_id) FROM team_memberships)"},
      Corruption{"completion_fields_agree",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, t.completed_by_id AS who, "
                 "t.completed_at AS at FROM tasks t JOIN tasks p ON p.id = t.parent_id WHERE "
                 "t.completed = 1 AND p.completed = 0 ORDER BY t.id LIMIT 1; INSERT INTO stories "
                 "(id, task_id, created_by_id, type, resource_subtype, text, created_at, "
                 "is_pinned, source, text_source) SELECT (SELECT max(id) + 1 FROM stories), task, "
                 "who, 'system', 'marked_incomplete', 'Someone marked this task incomplete', at, "
                 "0, 'web', 'template' FROM c; UPDATE tasks SET completed = 0 WHERE id = (SELECT "
                 "task FROM c)"},
      // The created story sits at created_at, so modified_at before created_at is also before
      // a story.
      Corruption{"task_times_in_history",
                 {"modified_after_last_story"},
                 "UPDATE tasks SET modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '-1 "
                 "day') WHERE id = (SELECT min(id) FROM tasks)"},
      Corruption{"subtask_after_parent",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, strftime('%Y-%m-%dT%H:%M:%fZ', "
                 "p.created_at, '-1 second') AS at FROM tasks t JOIN tasks p ON p.id = t.parent_id "
                 "ORDER BY t.id LIMIT 1; UPDATE stories SET created_at = (SELECT at FROM c) WHERE "
                 "task_id = (SELECT task FROM c) AND resource_subtype = 'created'; UPDATE tasks "
                 "SET created_at = (SELECT at FROM c) WHERE id = (SELECT task FROM c)"},
      Corruption{"subtask_within_done_parent",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, t.completed_at AS old, "
                 "strftime('%Y-%m-%dT%H:%M:%fZ', p.completed_at, '+1 second') AS at FROM tasks t "
                 "JOIN tasks p ON p.id = t.parent_id WHERE p.completed = 1 AND t.completed = 1 AND "
                 "(SELECT max(created_at) FROM stories s WHERE s.task_id = t.id) = t.completed_at "
                 "ORDER BY t.id LIMIT 1; UPDATE stories SET created_at = (SELECT at FROM c) WHERE "
                 "task_id = (SELECT task FROM c) AND created_at = (SELECT old FROM c); UPDATE "
                 "tasks SET completed_at = (SELECT at FROM c), modified_at = max(modified_at, "
                 "(SELECT at FROM c)) WHERE id = (SELECT task FROM c)"},
      Corruption{"subtask_in_parent_project",
                 {},
                 "UPDATE tasks SET project_id = (SELECT o.id FROM projects o JOIN projects h ON "
                 "h.team_id = o.team_id AND o.id <> h.id WHERE h.id = tasks.project_id AND "
                 "o.created_at < tasks.created_at ORDER BY o.id LIMIT 1) WHERE id = (SELECT "
                 "min(t.id) FROM tasks t JOIN projects h ON h.id = t.project_id WHERE t.parent_id "
                 "IS NOT NULL AND EXISTS (SELECT 1 FROM projects o WHERE o.team_id = h.team_id AND "
                 "o.id <> h.id AND o.created_at < t.created_at))"},
      Corruption{"subtask_due_within_parent",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, date(p.due_on, '+3 days') AS due "
                 "FROM tasks t JOIN tasks p ON p.id = t.parent_id WHERE t.due_on IS NOT NULL AND "
                 "p.due_on IS NOT NULL AND p.due_on > substr(t.created_at, 1, 10) ORDER BY t.id "
                 "LIMIT 1; UPDATE stories SET new_due_on = (SELECT due FROM c) WHERE id = (SELECT "
                 "s.id FROM stories s WHERE s.task_id = (SELECT task FROM c) AND "
                 "s.resource_subtype = 'due_date_changed' ORDER BY s.created_at DESC, s.id DESC "
                 "LIMIT 1); UPDATE tasks SET due_on = (SELECT due FROM c) WHERE id = (SELECT task "
                 "FROM c)"},
      Corruption{"task_within_project_life",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, strftime('%Y-%m-%dT%H:%M:%fZ', "
                 "p.created_at, '-1 hour') AS at FROM tasks t JOIN projects p ON p.id = "
                 "t.project_id WHERE t.parent_id IS NULL AND NOT EXISTS (SELECT 1 FROM "
                 "task_dependencies d WHERE t.id IN (d.task_id, d.depends_on_id)) AND NOT EXISTS "
                 "(SELECT 1 FROM task_projects tp WHERE tp.task_id = t.id) ORDER BY t.id LIMIT 1; "
                 "UPDATE stories SET created_at = (SELECT at FROM c) WHERE task_id = (SELECT task "
                 "FROM c) AND resource_subtype = 'created'; UPDATE tasks SET created_at = (SELECT "
                 "at FROM c) WHERE id = (SELECT task FROM c)"},
      Corruption{"done_project_tasks_done",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, t.completed_at AS old, "
                 "strftime('%Y-%m-%dT%H:%M:%fZ', p.completed_at, '+1 second') AS at FROM tasks t "
                 "JOIN projects p ON p.id = t.project_id WHERE p.completed = 1 AND t.parent_id IS "
                 "NULL AND NOT EXISTS (SELECT 1 FROM task_dependencies d WHERE t.id IN (d.task_id, "
                 "d.depends_on_id)) AND NOT EXISTS (SELECT 1 FROM task_projects tp WHERE "
                 "tp.task_id = t.id) AND (SELECT max(created_at) FROM stories s WHERE s.task_id = "
                 "t.id) = t.completed_at ORDER BY t.id LIMIT 1; UPDATE stories SET created_at = "
                 "(SELECT at FROM c) WHERE task_id = (SELECT task FROM c) AND created_at = (SELECT "
                 "old FROM c); UPDATE tasks SET completed_at = (SELECT at FROM c), modified_at = "
                 "max(modified_at, (SELECT at FROM c)) WHERE id = (SELECT task FROM c)"},
      Corruption{
          "section_in_task_project",
          {},
          "CREATE TEMP TABLE m AS SELECT s.id AS old, o.id AS new FROM tasks t JOIN "
          "sections s ON s.project_id = t.project_id JOIN sections o ON o.project_id = "
          "(SELECT min(x.id) FROM projects x WHERE x.id <> t.project_id) AND o.position = "
          "s.position WHERE t.id = (SELECT min(id) FROM tasks WHERE parent_id IS NULL AND "
          "id NOT IN (SELECT task_id FROM task_projects)); UPDATE stories SET "
          "old_section_id = (SELECT new FROM m WHERE old = old_section_id) WHERE task_id = "
          "(SELECT min(id) FROM tasks WHERE parent_id IS NULL AND id NOT IN (SELECT task_id "
          "FROM task_projects)) AND old_section_id IS NOT NULL; UPDATE stories SET "
          "new_section_id = (SELECT new FROM m WHERE old = new_section_id) WHERE task_id = "
          "(SELECT min(id) FROM tasks WHERE parent_id IS NULL AND id NOT IN (SELECT task_id "
          "FROM task_projects)) AND new_section_id IS NOT NULL; UPDATE tasks SET section_id "
          "= (SELECT new FROM m WHERE old = section_id) WHERE id = (SELECT min(id) FROM "
          "tasks WHERE parent_id IS NULL AND id NOT IN (SELECT task_id FROM task_projects))"},
      Corruption{"story_in_history",
                 {},
                 "CREATE TEMP TABLE c AS SELECT s.id AS story, s.task_id AS task, "
                 "strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT max(as_of) FROM runs), '+1 day') AS at "
                 "FROM stories s JOIN tasks t ON t.id = s.task_id WHERE t.completed = 0 AND s.type "
                 "= 'comment' AND s.id = (SELECT max(x.id) FROM stories x WHERE x.task_id = "
                 "s.task_id) ORDER BY s.id LIMIT 1; UPDATE stories SET created_at = (SELECT at "
                 "FROM c) WHERE id = (SELECT story FROM c); UPDATE tasks SET modified_at = (SELECT "
                 "at FROM c) WHERE id = (SELECT task FROM c)"},
      Corruption{"story_time_order",
                 {},
                 "UPDATE stories SET created_at = (SELECT created_at FROM tasks WHERE tasks.id = "
                 "stories.task_id) WHERE id = (SELECT b.id FROM stories a JOIN stories b ON "
                 "b.task_id = a.task_id AND b.id = a.id + 1 JOIN tasks t ON t.id = a.task_id WHERE "
                 "b.type = 'comment' AND a.created_at > t.created_at ORDER BY b.id LIMIT 1)"},
      Corruption{"modified_after_last_story",
                 {},
                 "UPDATE tasks SET modified_at = created_at WHERE id = (SELECT min(t.id) FROM "
                 "tasks t WHERE t.completed = 0 AND EXISTS (SELECT 1 FROM stories s WHERE "
                 "s.task_id = t.id AND s.created_at > t.created_at))"},
      Corruption{"created_story",
                 {},
                 "UPDATE stories SET created_by_id = (SELECT m.user_id FROM tasks t JOIN projects "
                 "p ON p.id = t.project_id JOIN team_memberships m ON m.team_id = p.team_id WHERE "
                 "t.id = stories.task_id AND m.user_id <> t.created_by_id ORDER BY m.user_id LIMIT "
                 "1) WHERE id = (SELECT min(id) FROM stories WHERE resource_subtype = 'created')"},
      // An open task never moved: start it in the second section and keep it there (so the
      // replay still agrees).
      Corruption{"created_in_first_section",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, (SELECT id FROM sections WHERE "
                 "project_id = t.project_id AND position = 1) AS sec FROM tasks t WHERE "
                 "t.parent_id IS NULL AND t.completed = 0 AND NOT EXISTS (SELECT 1 FROM stories s "
                 "WHERE s.task_id = t.id AND s.resource_subtype = 'section_changed') ORDER BY t.id "
                 "LIMIT 1; UPDATE stories SET new_section_id = (SELECT sec FROM c) WHERE task_id = "
                 "(SELECT task FROM c) AND resource_subtype = 'created'; UPDATE tasks SET "
                 "section_id = (SELECT sec FROM c) WHERE id = (SELECT task FROM c)"},
      Corruption{"eav_one_value",
                 {},
                 "UPDATE custom_field_values SET text_value = 'x' WHERE value_type = 'number' AND "
                 "task_id = (SELECT min(task_id) FROM custom_field_values WHERE value_type = "
                 "'number')"},
      Corruption{"eav_type_matches_field",
                 {},
                 "UPDATE custom_field_values SET value_type = 'text' WHERE value_type = 'number' "
                 "AND task_id = (SELECT min(task_id) FROM custom_field_values WHERE value_type = "
                 "'number')"},
      Corruption{"enum_option_of_field",
                 {},
                 "UPDATE custom_field_values SET enum_option_id = (SELECT min(o.id) FROM "
                 "custom_field_enum_options o WHERE o.custom_field_id <> "
                 "custom_field_values.custom_field_id) WHERE (task_id, custom_field_id) = (SELECT "
                 "v.task_id, v.custom_field_id FROM custom_field_values v WHERE v.enum_option_id "
                 "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.task_id = v.task_id "
                 "AND s.custom_field_id = v.custom_field_id) ORDER BY v.task_id LIMIT 1)"},
      Corruption{"field_on_project",
                 {},
                 "DELETE FROM project_custom_field_settings WHERE (project_id, custom_field_id) = "
                 "(SELECT t.project_id, v.custom_field_id FROM custom_field_values v JOIN tasks t "
                 "ON t.id = v.task_id ORDER BY v.task_id LIMIT 1)"},
      Corruption{"section_matches_completion",
                 {},
                 "CREATE TEMP TABLE c AS SELECT t.id AS task, (SELECT x.id FROM sections x WHERE "
                 "x.project_id = t.project_id ORDER BY x.position DESC LIMIT 1) AS done FROM tasks "
                 "t WHERE t.parent_id IS NULL AND t.completed = 0 AND t.id NOT IN (SELECT task_id "
                 "FROM task_projects) ORDER BY t.id LIMIT 1; UPDATE stories SET new_section_id = "
                 "(SELECT done FROM c) WHERE id = (SELECT s.id FROM stories s WHERE s.task_id = "
                 "(SELECT task FROM c) AND s.resource_subtype IN ('created', 'section_changed') "
                 "ORDER BY s.created_at DESC, s.id DESC LIMIT 1); UPDATE tasks SET section_id = "
                 "(SELECT done FROM c) WHERE id = (SELECT task FROM c)"},
      Corruption{"second_home_in_team",
                 {},
                 "UPDATE task_projects SET added_at = '2001-01-01T00:00:00.000Z' WHERE task_id = "
                 "(SELECT min(task_id) FROM task_projects)"},
      Corruption{"dependency_respects_time",
                 {},
                 "UPDATE task_dependencies SET created_at = '2001-01-01T00:00:00.000Z' WHERE "
                 "task_id = (SELECT min(task_id) FROM task_dependencies)"},
      Corruption{"status_update_in_project_life",
                 {},
                 "UPDATE status_updates SET created_at = '2001-01-01T00:00:00.000Z' WHERE id = "
                 "(SELECT min(id) FROM status_updates)"},
      Corruption{"status_author_in_team",
                 {},
                 "UPDATE status_updates SET author_id = (SELECT min(u.id) FROM users u WHERE NOT "
                 "EXISTS (SELECT 1 FROM team_memberships m JOIN projects p ON p.team_id = "
                 "m.team_id WHERE p.id = status_updates.project_id AND m.user_id = u.id)) WHERE id "
                 "= (SELECT min(id) FROM status_updates)"},
      Corruption{"status_complete_iff_done",
                 {},
                 "UPDATE status_updates SET status_type = 'complete' WHERE id = (SELECT max(u.id) "
                 "FROM status_updates u JOIN projects p ON p.id = u.project_id WHERE p.completed = "
                 "0)"},
      Corruption{"project_modified_after_status",
                 {},
                 "UPDATE projects SET modified_at = created_at WHERE id = (SELECT min(project_id) "
                 "FROM status_updates)"},
      Corruption{"no_placeholder_text",
                 {},
                 "UPDATE tasks SET name = name || ' {object}' WHERE id = (SELECT min(id) FROM "
                 "tasks)"},
      Corruption{"replay_assignee",
                 {},
                 "UPDATE tasks SET assignee_id = created_by_id WHERE id = (SELECT min(id) FROM "
                 "tasks WHERE assignee_id <> created_by_id)"},
      Corruption{"replay_dates",
                 {},
                 "UPDATE tasks SET due_on = date(due_on, '+1 day') WHERE id = (SELECT min(id) FROM "
                 "tasks WHERE due_on IS NOT NULL AND parent_id IS NULL)"},
      Corruption{"replay_section",
                 {},
                 "UPDATE tasks SET section_id = (SELECT x.id FROM sections x WHERE x.project_id = "
                 "tasks.project_id AND x.position = 1) WHERE id = (SELECT min(t.id) FROM tasks t "
                 "JOIN sections s ON s.id = t.section_id WHERE s.position = 0)"},
      Corruption{"replay_completion",
                 {},
                 "UPDATE tasks SET completed_by_id = created_by_id WHERE id = (SELECT min(id) FROM "
                 "tasks WHERE completed = 1 AND completed_by_id <> created_by_id)"},
      Corruption{"replay_approval",
                 {},
                 "UPDATE tasks SET approval_status = 'rejected' WHERE id = (SELECT min(id) FROM "
                 "tasks WHERE approval_status = 'approved')"},
      Corruption{"replay_tags",
                 {},
                 "DELETE FROM task_tags WHERE task_id = (SELECT min(task_id) FROM task_tags)"},
      Corruption{"replay_followers",
                 {},
                 "DELETE FROM task_followers WHERE (task_id, user_id) = (SELECT task_id, "
                 "new_user_id FROM stories WHERE resource_subtype = 'follower_added' ORDER BY id "
                 "LIMIT 1)"},
      Corruption{"replay_dependencies",
                 {},
                 "DELETE FROM task_dependencies WHERE task_id = (SELECT min(task_id) FROM "
                 "task_dependencies)"},
      Corruption{"replay_projects",
                 {},
                 "DELETE FROM task_projects WHERE task_id = (SELECT min(task_id) FROM "
                 "task_projects)"},
      Corruption{"replay_custom_fields",
                 {},
                 "UPDATE custom_field_values SET enum_option_id = (SELECT min(o.id) FROM "
                 "custom_field_enum_options o WHERE o.custom_field_id = "
                 "custom_field_values.custom_field_id AND o.id <> "
                 "custom_field_values.enum_option_id) WHERE (task_id, custom_field_id) = (SELECT "
                 "task_id, custom_field_id FROM stories WHERE resource_subtype = "
                 "'enum_custom_field_changed' ORDER BY id LIMIT 1)"}};
  return kAll;
}

TEST(ValidateTest, EveryRuleHasACorruption) {
  ScratchDir dir;
  GenerateOrDie({"--users", "40", "--projects", "6"}, "r.sqlite", dir.path());
  absl::StatusOr<ValidationReport> report = Validate(dir / "r.sqlite");
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_GE(report->rules.size(), 40u);
  for (const RuleResult& r : report->rules) {
    bool found = false;
    for (const Corruption& c : Corruptions()) found |= c.rule == r.name;
    EXPECT_TRUE(found) << "no corruption test for rule " << r.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, CorruptionTest, ::testing::ValuesIn(Corruptions()),
                         [](const ::testing::TestParamInfo<Corruption>& info) {
                           return info.param.rule;
                         });

}  // namespace
}  // namespace asanasim::testing
