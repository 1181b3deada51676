// validate's text section through the real binary: every zero-count text rule catches the one
// offence a copy of a generated world is given (and reports its id), the ratios equal what SQL
// counts on the same file, and no text check changes validate's verdict (none is gating yet).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "src/util/json.h"
#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

// Enough ids that every offender is listed, whichever ids the world's own offenders have.
constexpr const char* kAllExamples = "1000000";

// `validate --json` of `file` in `dir`; fails the test unless it exits 0 (text checks do not
// gate) with JSON.
Json ValidateJson(const std::string& dir, const std::string& file) {
  const RunResult r = RunAsanasim({"validate", "--json", "--examples", kAllExamples, file}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  absl::StatusOr<Json> j = ParseJson(r.out);
  EXPECT_TRUE(j.ok()) << j.status() << r.out;
  return j.ok() ? *j : Json();
}

const Json& TextCheck(const Json& report, const std::string& name) {
  static const Json kNone;
  for (const Json& t : report["text"]) {
    if (t["name"] == name) return t;
  }
  ADD_FAILURE() << "no text check " << name;
  return kNone;
}

bool Lists(const Json& check, int64_t id) {
  for (const Json& e : check["examples"]) {
    if (e.get<int64_t>() == id) return true;
  }
  return false;
}

void Exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, ("PRAGMA ignore_check_constraints = ON; " + sql).c_str(), nullptr,
                              nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "") << "\n" << sql;
  sqlite3_free(err);
  sqlite3_close(db);
}

// One offence: `sql` picks the row (into temp.target(id)) and changes it so that exactly that
// row breaks `check`.
struct TextCorruption {
  std::string check;
  std::string sql;
};

void PrintTo(const TextCorruption& c, std::ostream* os) { *os << c.check << ": " << c.sql; }

class TextCorruptionTest : public ::testing::TestWithParam<TextCorruption> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    GenerateOrDie({"--seed", "7", "--users", "120", "--projects", "20"}, "base.sqlite",
                  dir_->path());
    base_ = new Json(ValidateJson(dir_->path(), "base.sqlite"));
  }
  static void TearDownTestSuite() {
    delete base_;
    delete dir_;
  }
  static ScratchDir* dir_;
  static Json* base_;
};
ScratchDir* TextCorruptionTest::dir_ = nullptr;
Json* TextCorruptionTest::base_ = nullptr;

TEST_P(TextCorruptionTest, ReportsTheOffender) {
  const TextCorruption& c = GetParam();
  const std::string copy = c.check + ".sqlite";
  std::filesystem::copy_file(*dir_ / "base.sqlite", *dir_ / copy,
                             std::filesystem::copy_options::overwrite_existing);
  Exec(*dir_ / copy, "CREATE TABLE corruption_target AS " + c.sql);
  int64_t target = 0;
  {
    Db db(*dir_ / copy);
    target = db.Int("SELECT id FROM corruption_target");
  }
  ASSERT_NE(target, 0) << "no row to corrupt";
  Exec(*dir_ / copy, "DROP TABLE corruption_target");

  const Json report = ValidateJson(dir_->path(), copy);
  EXPECT_EQ(report["ok"], true) << "a text check must not change the verdict";
  const Json& before = TextCheck(*base_, c.check);
  const Json& after = TextCheck(report, c.check);
  EXPECT_FALSE(Lists(before, target)) << c.check << " already listed " << target;
  EXPECT_TRUE(Lists(after, target)) << c.check << " misses " << target << ": " << after.dump();
  EXPECT_GE(after["value"].get<double>(), before["value"].get<double>() + 1);
  EXPECT_EQ(after["met"], false);
  EXPECT_EQ(after["gating"], false);
  EXPECT_EQ(after["examples"].size(), after["example_texts"].size());
}

// Each `sql` is "SELECT <id> AS id ...; <statements changing that row>": the first statement
// becomes the corruption_target table, the rest run after it.
const std::vector<TextCorruption>& TextCorruptions() {
  static const std::vector<TextCorruption> kAll = {
      {"self_mentions",
       "SELECT min(s.id) AS id FROM stories s JOIN users u ON u.id = s.created_by_id WHERE "
       "s.type = 'comment' AND instr(s.text, substr(u.name, 1, instr(u.name, ' ') - 1)) = 0; "
       "UPDATE stories SET text = 'Looping in ' || (SELECT name FROM users WHERE id = "
       "stories.created_by_id) || ' here.' WHERE id = (SELECT id FROM corruption_target)"},
      // Wednesday 10:00-13:59 UTC is Tuesday, Wednesday or Thursday in every zone, so Monday
      // has passed in the author's week whatever their zone.
      {"past_day_references",
       "SELECT min(id) AS id FROM stories WHERE type = 'comment' AND strftime('%w', created_at) "
       "= '3' AND CAST(strftime('%H', created_at) AS INTEGER) BETWEEN 10 AND 13 AND text NOT "
       "LIKE '%day%'; UPDATE stories SET text = 'I will have the draft this Monday.' WHERE id = "
       "(SELECT id FROM corruption_target)"},
      {"singular_count_plural",
       "SELECT min(id) AS id FROM tasks WHERE parent_id IS NULL AND name NOT LIKE '%1 %' AND "
       "notes NOT LIKE '%1 %'; UPDATE tasks SET name = 'Interview 1 customers' WHERE id = "
       "(SELECT id FROM corruption_target)"},
      {"doubled_words",
       "SELECT min(id) AS id FROM tasks WHERE parent_id IS NOT NULL AND notes = ''; UPDATE tasks "
       "SET name = 'Warm the cache Cache' WHERE id = (SELECT id FROM corruption_target)"},
      {"repeated_consecutive_comments",
       "SELECT min(b.id) AS id FROM stories a JOIN stories b ON b.task_id = a.task_id AND b.type "
       "= 'comment' AND (b.created_at, b.id) > (a.created_at, a.id) WHERE a.type = 'comment' AND "
       "a.text <> b.text AND NOT EXISTS (SELECT 1 FROM stories m WHERE m.task_id = a.task_id AND "
       "m.type = 'comment' AND (m.created_at, m.id) > (a.created_at, a.id) AND (m.created_at, "
       "m.id) < (b.created_at, b.id)); UPDATE stories SET text = (SELECT a.text FROM stories a "
       "WHERE a.task_id = stories.task_id AND a.type = 'comment' AND (a.created_at, a.id) < "
       "(stories.created_at, stories.id) ORDER BY a.created_at DESC, a.id DESC LIMIT 1) WHERE id "
       "= (SELECT id FROM corruption_target)"},
      {"repeated_description_lines",
       "SELECT min(id) AS id FROM tasks WHERE notes = ''; UPDATE tasks SET notes = 'Steps:' || "
       "char(10) || '- Check the logs' || char(10) || '- Check the logs', notes_source = "
       "'template' WHERE id = (SELECT id FROM corruption_target)"},
      {"wrong_direction_metrics",
       "SELECT min(id) AS id FROM stories WHERE type = 'comment'; UPDATE stories SET text = "
       "'Health score dropped to red: churn is down.' WHERE id = (SELECT id FROM "
       "corruption_target)"},
      {"foreign_department_tools",
       "SELECT min(s.id) AS id FROM stories s JOIN tasks t ON t.id = s.task_id JOIN projects p ON "
       "p.id = t.project_id JOIN teams te ON te.id = p.team_id WHERE s.type = 'comment' AND "
       "te.department = 'Sales'; UPDATE stories SET text = 'Qualification notes in Okta.' WHERE "
       "id = (SELECT id FROM corruption_target)"},
      {"miscased_product_names",
       "SELECT min(id) AS id FROM tasks WHERE parent_id IS NULL; UPDATE tasks SET name = 'Ship "
       "the Ios app' WHERE id = (SELECT id FROM corruption_target)"},
      // Ten days after the update's UTC date is nine to eleven days after its local date.
      {"status_title_off_local_date",
       "SELECT min(id) AS id FROM status_updates; UPDATE status_updates SET title = 'Status "
       "update: ' || date(created_at, '+10 days') WHERE id = (SELECT id FROM corruption_target)"},
  };
  return kAll;
}

TEST(ValidateTextTest, EveryCountedTextCheckHasACorruption) {
  ScratchDir dir;
  GenerateOrDie({"--users", "40", "--projects", "6"}, "w.sqlite", dir.path());
  const Json report = ValidateJson(dir.path(), "w.sqlite");
  ASSERT_GE(report["text"].size(), 14u);
  for (const Json& t : report["text"]) {
    if (t["count"] != true) continue;
    bool found = false;
    for (const TextCorruption& c : TextCorruptions()) found |= c.check == t["name"];
    EXPECT_TRUE(found) << "no corruption test for text check " << t["name"];
  }
}

INSTANTIATE_TEST_SUITE_P(TextChecks, TextCorruptionTest, ::testing::ValuesIn(TextCorruptions()),
                         [](const ::testing::TestParamInfo<TextCorruption>& info) {
                           return info.param.check;
                         });

double Value(const Json& report, const std::string& name) {
  const Json& v = TextCheck(report, name)["value"];
  return v.is_number() ? v.get<double>() : std::nan("");
}

// The ratios equal what SQL counts, on a generated world of several industries and on a copy
// whose comments, descriptions and subtask names are all the same text.
TEST(ValidateTextTest, RatiosAreWhatSqlCounts) {
  ScratchDir dir;
  GenerateOrDie({"--seed", "3", "--orgs", "3", "--users", "60", "--projects", "10"}, "w.sqlite",
                dir.path());
  {
    const Json report = ValidateJson(dir.path(), "w.sqlite");
    Db db(dir / "w.sqlite");
    ASSERT_GE(db.Int("SELECT count(DISTINCT industry) FROM organizations"), 2);
    EXPECT_DOUBLE_EQ(Value(report, "comments_distinct_in_file"),
                     db.Real("SELECT CAST(count(DISTINCT text) AS REAL) / count(*) FROM stories "
                             "WHERE type = 'comment'"));
    EXPECT_DOUBLE_EQ(Value(report, "comments_distinct_within_org"),
                     db.Real("SELECT min(d) FROM (SELECT CAST(count(DISTINCT s.text) AS REAL) / "
                             "count(*) AS d FROM stories s JOIN tasks t ON t.id = s.task_id WHERE "
                             "s.type = 'comment' GROUP BY t.organization_id HAVING count(*) >= "
                             "20)"));
    EXPECT_DOUBLE_EQ(Value(report, "top_comment_share"),
                     db.Real("SELECT CAST(max(n) AS REAL) / sum(n) FROM (SELECT count(*) AS n "
                             "FROM stories WHERE type = 'comment' GROUP BY text)"));
    EXPECT_DOUBLE_EQ(Value(report, "descriptions_distinct"),
                     db.Real("SELECT CAST(count(DISTINCT notes) AS REAL) / count(*) FROM tasks "
                             "WHERE notes <> ''"));
    EXPECT_DOUBLE_EQ(Value(report, "subtask_names_distinct"),
                     db.Real("SELECT CAST(count(DISTINCT name) AS REAL) / count(*) FROM tasks "
                             "WHERE parent_id IS NOT NULL"));
    EXPECT_DOUBLE_EQ(
        Value(report, "task_names_shared_across_industries"),
        db.Real("WITH n AS (SELECT DISTINCT t.organization_id AS org, o.industry AS ind, t.name "
                "FROM tasks t JOIN organizations o ON o.id = t.organization_id WHERE t.parent_id "
                "IS NULL) SELECT max(s) FROM (SELECT avg(EXISTS (SELECT 1 FROM n b WHERE b.name "
                "= a.name AND b.ind <> a.ind)) AS s FROM n a GROUP BY a.org)"));
    EXPECT_TRUE(TextCheck(report, "task_names_shared_across_industries")["judged"]);
    const Json& top = TextCheck(report, "top_comment_share");
    ASSERT_EQ(top["examples"].size(), 1u);
    EXPECT_EQ(top["example_texts"][0],
              db.Strings("SELECT text FROM stories WHERE type = 'comment' GROUP BY text ORDER BY "
                         "count(*) DESC, min(id) LIMIT 1")[0]);
  }

  std::filesystem::copy_file(dir / "w.sqlite", dir / "same.sqlite");
  Exec(dir / "same.sqlite",
       "UPDATE stories SET text = 'Same here.' WHERE type = 'comment'; UPDATE tasks SET notes = "
       "'Same notes.' WHERE notes <> ''; UPDATE tasks SET name = 'Same step' WHERE parent_id IS "
       "NOT NULL");
  const Json report = ValidateJson(dir.path(), "same.sqlite");
  EXPECT_EQ(report["ok"], true);
  Db db(dir / "same.sqlite");
  const int64_t comments = db.Int("SELECT count(*) FROM stories WHERE type = 'comment'");
  ASSERT_GT(comments, 100);
  EXPECT_DOUBLE_EQ(Value(report, "comments_distinct_in_file"), 1.0 / comments);
  EXPECT_DOUBLE_EQ(Value(report, "top_comment_share"), 1.0);
  EXPECT_DOUBLE_EQ(Value(report, "comments_distinct_within_org"),
                   1.0 / db.Real("SELECT max(n) FROM (SELECT count(*) AS n FROM stories s JOIN "
                                 "tasks t ON t.id = s.task_id WHERE s.type = 'comment' GROUP BY "
                                 "t.organization_id HAVING n >= 20)"));
  EXPECT_DOUBLE_EQ(Value(report, "descriptions_distinct"),
                   1.0 / db.Real("SELECT count(*) FROM tasks WHERE notes <> ''"));
  EXPECT_DOUBLE_EQ(Value(report, "subtask_names_distinct"),
                   1.0 / db.Real("SELECT count(*) FROM tasks WHERE parent_id IS NOT NULL"));
  // Every comment after a task's first repeats the one before it; none says anything on topic.
  EXPECT_DOUBLE_EQ(Value(report, "repeated_consecutive_comments"),
                   db.Real("SELECT count(*) - count(DISTINCT task_id) FROM stories WHERE type = "
                           "'comment'"));
  EXPECT_DOUBLE_EQ(Value(report, "comment_coherence"), 0.0);
  for (const char* name :
       {"comments_distinct_in_file", "top_comment_share", "descriptions_distinct",
        "subtask_names_distinct", "repeated_consecutive_comments", "comment_coherence"}) {
    EXPECT_EQ(TextCheck(report, name)["met"], false) << name;
  }
}

// One industry: the cross-industry share is not judged. The text section shows in the human
// output and in the report page, and missed text checks leave the verdict alone.
TEST(ValidateTextTest, ShownEverywhereAndNotGating) {
  ScratchDir dir;
  GenerateOrDie({"--users", "60", "--projects", "8"}, "w.sqlite", dir.path());
  const Json report = ValidateJson(dir.path(), "w.sqlite");
  EXPECT_EQ(report["ok"], true);
  EXPECT_EQ(report["text_ok"], true);
  const Json& shared = TextCheck(report, "task_names_shared_across_industries");
  EXPECT_EQ(shared["judged"], false);
  EXPECT_TRUE(shared["value"].is_null());
  for (const Json& t : report["text"]) EXPECT_EQ(t["gating"], false) << t["name"];

  const RunResult r = RunAsanasim({"validate", "--report", "r.html", "w.sqlite"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("\ntext realism"), std::string::npos) << r.out;
  for (const Json& t : report["text"])
    EXPECT_NE(r.out.find(t["name"].get<std::string>()), std::string::npos) << t["name"];
  EXPECT_NE(r.out.find("valid: every check holds"), std::string::npos) << r.out;
  const std::string html = ReadFile(dir / "r.html");
  EXPECT_NE(html.find("valid: every check holds"), std::string::npos);
  EXPECT_NE(html.find("<h2>Text realism"), std::string::npos);
  for (const Json& t : report["text"])
    EXPECT_NE(html.find(t["name"].get<std::string>()), std::string::npos) << t["name"];
}

}  // namespace
}  // namespace asanasim::testing
