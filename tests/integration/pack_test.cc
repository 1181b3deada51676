// Vocabulary packs end to end: `pack export` writes the built-in packs, `pack check` judges a
// directory, and `generate --pack-dir` reads one (the same world from an unedited copy, the
// edited text from an edited one, and a clear one-line error from a broken one).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

const std::vector<std::string> kWorld = {"--seed", "3", "--users", "40", "--projects", "4"};

void Edit(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = ReadFile(path);
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Line of the first `needle` in file `path` (1-based).
int LineIn(const std::string& path, const std::string& needle) {
  const std::string text = ReadFile(path);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find(needle), '\n'));
}

TEST(PackTest, ExportedPacksCheckAndGenerateTheSameWorld) {
  ScratchDir dir;
  const RunResult exported = RunAsanasim({"pack", "export", "packs"}, dir.path());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "packs/common.toml"));
  EXPECT_TRUE(std::filesystem::exists(dir / "packs/saas/customer_success.toml"));
  const RunResult check = RunAsanasim({"pack", "check", "packs"}, dir.path());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("packs: ok ("), std::string::npos) << check.out;
  const RunResult built_in = RunAsanasim({"pack", "check"}, dir.path());
  EXPECT_EQ(built_in.exit_code, 0) << built_in.err;

  GenerateOrDie(kWorld, "built_in.sqlite", dir.path());
  GenerateOrDie(With(kWorld, {"--pack-dir", "packs"}), "from_dir.sqlite", dir.path());
  const RunResult a = RunAsanasim({"hash", "built_in.sqlite"}, dir.path());
  const RunResult b = RunAsanasim({"hash", "from_dir.sqlite"}, dir.path());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);

  // A second export refuses to overwrite, and changes nothing.
  const auto before = Snapshot(dir / "packs");
  const RunResult again = RunAsanasim({"pack", "export", "packs"}, dir.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already exists (--force overwrites)"), std::string::npos) << again.err;
  EXPECT_EQ(Snapshot(dir / "packs"), before);
  EXPECT_EQ(RunAsanasim({"pack", "export", "--force", "packs"}, dir.path()).exit_code, 0);
}

TEST(PackTest, AnEditedPackChangesTheTextAndTheRunRecord) {
  ScratchDir dir;
  ASSERT_EQ(RunAsanasim({"pack", "export", "packs"}, dir.path()).exit_code, 0);
  // Engineering now has one archetype: every task of it is named alike.
  const std::string eng = dir / "packs/saas/archetypes/engineering.toml";
  std::ofstream(eng, std::ios::binary | std::ios::trunc)
      << "[[archetype]]\n"
         "id = \"telemetry\"\n"
         "names = [\"Recalibrate {service} telemetry\"]\n"
         "descriptions = [\"The telemetry of {service} drifts; recalibrate it.\"]\n"
         "subtasks = [\"Measure the drift of {service}\"]\n"
         "[archetype.comments]\n"
         "progress = [\"{service} is recalibrated on staging.\"]\n";
  const RunResult check = RunAsanasim({"pack", "check", "packs"}, dir.path());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  GenerateOrDie(With(kWorld, {"--pack-dir", "packs"}), "edited.sqlite", dir.path());
  GenerateOrDie(kWorld, "built_in.sqlite", dir.path());
  Db edited(dir / "edited.sqlite");
  Db built_in(dir / "built_in.sqlite");
  const std::string eng_tasks =
      "SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id JOIN teams m ON "
      "m.id = p.team_id WHERE m.department = 'Engineering' AND t.parent_id IS NULL";
  ASSERT_GT(edited.Int(eng_tasks), 0);
  EXPECT_EQ(edited.Int(eng_tasks + " AND t.name LIKE 'Recalibrate % telemetry'"),
            edited.Int(eng_tasks));
  EXPECT_EQ(built_in.Int("SELECT count(*) FROM tasks WHERE name LIKE 'Recalibrate %'"), 0);
  EXPECT_EQ(edited.Int(eng_tasks + " AND t.archetype = 'saas/engineering/telemetry' AND "
                                   "json_extract(t.story_slots, '$.service') IS NOT NULL"),
            edited.Int(eng_tasks));
  // The run record names the packs by digest, so two worlds from different packs never pass
  // for one universe.
  const std::string packs = "SELECT json_extract(options_json, '$.packs') FROM runs";
  EXPECT_EQ(edited.Strings(packs)[0].size(), 32u);
  EXPECT_NE(edited.Strings(packs), built_in.Strings(packs));
}

TEST(PackTest, CheckListsEveryProblemWithFileAndLine) {
  ScratchDir dir;
  ASSERT_EQ(RunAsanasim({"pack", "export", "packs"}, dir.path()).exit_code, 0);
  const std::string sales = dir / "packs/saas/sales.toml";
  const int name_line = LineIn(sales, "name = ");
  Edit(sales, "name = ", "nmae = ");
  const std::string tmpl = ReadFile(sales).substr(ReadFile(sales).find("tasks = [\n  \"") + 13);
  const std::string first_task = tmpl.substr(0, tmpl.find('"'));
  const int task_line = LineIn(sales, "\"" + first_task + "\"");
  Edit(sales, "\"" + first_task + "\"", "\"Call {no_such_slot}\"");

  const RunResult check = RunAsanasim({"pack", "check", "packs"}, dir.path());
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(
      check.out.find("packs/saas/sales.toml:" + std::to_string(name_line) + ": unknown key 'nmae'"),
      std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("packs/saas/sales.toml:1: missing key 'name'"), std::string::npos);
  EXPECT_NE(check.out.find("packs/saas/sales.toml:" + std::to_string(task_line) +
                           ": template \"Call {no_such_slot}\": slot {no_such_slot} does not "
                           "resolve"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.err.find("packs: 3 problems"), std::string::npos) << check.err;

  // generate refuses the directory with one line naming the first problem, before any output.
  const auto before = Snapshot(dir.path());
  const RunResult g =
      RunAsanasim({"generate", "--quiet", "--pack-dir", "packs", "--out", "w.sqlite"}, dir.path());
  EXPECT_EQ(g.exit_code, 2);
  EXPECT_EQ(std::count(g.err.begin(), g.err.end(), '\n'), 1) << g.err;
  EXPECT_NE(g.err.find("packs/saas/sales.toml:" + std::to_string(name_line) +
                       ": unknown key 'nmae' (and 2 more problems"),
            std::string::npos)
      << g.err;
  EXPECT_EQ(Snapshot(dir.path()), before);

  const RunResult missing = RunAsanasim({"generate", "--pack-dir", "nowhere"}, dir.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("pack directory nowhere: not a directory"), std::string::npos)
      << missing.err;
  EXPECT_EQ(RunAsanasim({"pack", "check", "nowhere"}, dir.path()).exit_code, 1);
  EXPECT_EQ(RunAsanasim({"pack"}, dir.path()).exit_code, 2);
  EXPECT_EQ(RunAsanasim({"pack", "check", "--help"}, dir.path()).exit_code, 0);
}

}  // namespace
}  // namespace asanasim::testing

namespace asanasim::testing {
namespace {

// An archetype's hints decide its tasks' tags and, most of the time, its choice fields: a mobile
// crash spike is Urgent and S1 where the base rates are 8% and 5%.
TEST(PackTest, ArchetypeHintsChooseTagsAndFields) {
  ScratchDir dir;
  GenerateOrDie({"--seed", "5"}, "w.sqlite", dir.path());
  Db db(dir / "w.sqlite");
  // Every tag of a story's task is one its archetype names.
  EXPECT_GT(db.Int("SELECT count(*) FROM task_tags tt JOIN tasks t ON t.id = tt.task_id WHERE "
                   "t.archetype = 'saas/engineering/memory-leak'"),
            0);
  EXPECT_EQ(db.Int("SELECT count(*) FROM task_tags tt JOIN tasks t ON t.id = tt.task_id JOIN "
                   "tags g ON g.id = tt.tag_id WHERE t.archetype = 'saas/engineering/memory-leak' "
                   "AND g.name NOT IN ('bug', 'performance')"),
            0);
  const auto share = [&](const std::string& archetype, const std::string& field,
                         const std::string& options) {
    return db.Real(
        "SELECT avg(o.name IN (" + options +
        ")) FROM custom_field_values v JOIN tasks t ON t.id = v.task_id JOIN "
        "custom_field_definitions d ON d.id = v.custom_field_id JOIN custom_field_enum_options o "
        "ON o.id = v.enum_option_id WHERE d.name = '" +
        field + "' AND t.archetype = '" + archetype + "'");
  };
  EXPECT_GT(share("saas/engineering/mobile-crash-spike", "Priority", "'Urgent'"), 0.7);
  EXPECT_GT(share("saas/engineering/mobile-crash-spike", "Severity", "'S1 - Critical'"), 0.7);
  EXPECT_GT(share("saas/customer_success/churn-save", "Health", "'Red'"), 0.7);
  // Without hints, the field's own weights: Urgent stays rare.
  EXPECT_LT(share("saas/engineering/slow-query", "Priority", "'Urgent'"), 0.3);
  // A typical duration: a crash spike (2 days) is done far sooner than a runtime upgrade (15).
  const auto median_lag = [&](const std::string& archetype) {
    const std::string done = "FROM tasks WHERE archetype = '" + archetype +
                             "' AND parent_id IS NULL AND completed = 1 AND resource_subtype "
                             "<> 'milestone'";
    const int64_t n = db.Int("SELECT count(*) " + done);
    EXPECT_GE(n, 5) << archetype;
    return db.Real("SELECT julianday(completed_at) - julianday(created_at) " + done +
                   " ORDER BY 1 LIMIT 1 OFFSET " + std::to_string(n / 2));
  };
  const double quick = median_lag("saas/engineering/mobile-crash-spike");
  const double slow = median_lag("saas/engineering/runtime-upgrade");
  EXPECT_LT(quick, 4.0);
  EXPECT_GT(slow, 8.0);
}

}  // namespace
}  // namespace asanasim::testing
