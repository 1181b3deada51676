// Determinism: the same seed and options give the same bytes at any thread count, and an
// --org-range run gives exactly the rows those orgs get in a full run.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "asanasim/hash.h"
#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

const std::vector<std::string> kWorld = {
    "--seed", "7", "--orgs", "4", "--users", "60", "--projects", "10", "--tasks-per-project", "15"};

TEST(DeterminismTest, SameBytesAtOneTwoAndEightThreads) {
  ScratchDir dir;
  GenerateOrDie(With(kWorld, {"--threads", "1"}), "t1.sqlite", dir.path());
  GenerateOrDie(With(kWorld, {"--threads", "2"}), "t2.sqlite", dir.path());
  GenerateOrDie(With(kWorld, {"--threads", "8"}), "t8.sqlite", dir.path());
  const std::string one = ReadFile(dir / "t1.sqlite");
  ASSERT_GT(one.size(), 100000u);
  EXPECT_TRUE(one == ReadFile(dir / "t2.sqlite")) << "1 vs 2 threads differ";
  EXPECT_TRUE(one == ReadFile(dir / "t8.sqlite")) << "1 vs 8 threads differ";
}

TEST(DeterminismTest, DifferentSeedsDiffer) {
  ScratchDir dir;
  GenerateOrDie({"--seed", "1", "--users", "30", "--projects", "3"}, "a.sqlite", dir.path());
  GenerateOrDie({"--seed", "2", "--users", "30", "--projects", "3"}, "b.sqlite", dir.path());
  auto a = HashDatabase(dir / "a.sqlite", {"runs"});
  auto b = HashDatabase(dir / "b.sqlite", {"runs"});
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t t = 0; t < a->tables.size(); ++t) {
    if (a->tables[t].table == "organizations") continue;  // org 0 is TechFlow whatever the seed
    if (a->tables[t].rows > 3) {
      EXPECT_NE(a->tables[t].hash, b->tables[t].hash) << a->tables[t].table;
    }
  }
}

// Rows of the full run whose org (from the id) is in [begin, end) equal the range run's rows.
TEST(DeterminismTest, OrgRangeReproducesThoseOrgsOfAFullRun) {
  ScratchDir dir;
  GenerateOrDie(kWorld, "full.sqlite", dir.path());
  GenerateOrDie(With(kWorld, {"--org-range", "1:3"}), "part.sqlite", dir.path());
  Db db(dir / "full.sqlite");
  ASSERT_EQ(sqlite3_exec(db.raw(), ("ATTACH '" + (dir / "part.sqlite") + "' AS part").c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  const std::vector<std::string> tables = db.Strings(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'runs' ORDER BY name");
  ASSERT_GT(tables.size(), 15u);
  int64_t part_rows = 0;
  for (const std::string& t : tables) {
    const std::string first =
        db.Strings("SELECT name FROM pragma_table_info('" + t + "') WHERE cid = 0")[0];
    const std::string in_range = " WHERE ((" + first + " >> 48) - 1) BETWEEN 1 AND 2";
    const int64_t full_only = db.Int("SELECT count(*) FROM (SELECT * FROM main." + t + in_range +
                                     " EXCEPT SELECT * FROM part." + t + ")");
    const int64_t part_only = db.Int("SELECT count(*) FROM (SELECT * FROM part." + t +
                                     " EXCEPT SELECT * FROM main." + t + in_range + ")");
    EXPECT_EQ(full_only, 0) << t;
    EXPECT_EQ(part_only, 0) << t;
    const int64_t n = db.Int("SELECT count(*) FROM part." + t);
    EXPECT_EQ(n, db.Int("SELECT count(*) FROM main." + t + in_range)) << t;
    part_rows += n;
  }
  EXPECT_GT(part_rows, 1000);
  EXPECT_EQ(db.Strings("SELECT org_index FROM part.organizations ORDER BY 1"),
            (std::vector<std::string>{"1", "2"}));
}

}  // namespace
}  // namespace asanasim::testing

namespace asanasim::testing {
namespace {

// A profile file is part of the world: the printed defaults give the built-in profile's bytes;
// an override changes what it governs and is recorded in the run row.
TEST(ProfileRunTest, DefaultsFileIsTheBuiltInProfileAndOverridesTakeEffect) {
  ScratchDir dir;
  const RunResult printed = RunAsanasim({"profile"}, dir.path());
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  std::ofstream(dir / "defaults.profile") << printed.out;
  std::ofstream(dir / "reopen.profile") << "reopened_share = 0.6\nmulti_home_share = 0.5\n";
  // Enough projects per team for second homes (each team has one project before any second).
  const std::vector<std::string> world = {"--users", "60", "--projects", "30"};
  GenerateOrDie(world, "plain.sqlite", dir.path());
  GenerateOrDie(With(world, {"--profile", "defaults.profile"}), "defaults.sqlite", dir.path());
  GenerateOrDie(With(world, {"--profile", "reopen.profile"}), "reopen.sqlite", dir.path());
  EXPECT_TRUE(ReadFile(dir / "plain.sqlite") == ReadFile(dir / "defaults.sqlite"));

  Db plain(dir / "plain.sqlite");
  Db reopen(dir / "reopen.sqlite");
  const auto count = [](Db& db, const std::string& sql) { return db.Int(sql); };
  const std::string reopened =
      "SELECT count(*) FROM stories WHERE resource_subtype = 'marked_incomplete'";
  EXPECT_GT(count(reopen, reopened), 5 * std::max<int64_t>(1, count(plain, reopened)));
  EXPECT_GT(count(reopen, "SELECT count(*) FROM task_projects"),
            3 * std::max<int64_t>(1, count(plain, "SELECT count(*) FROM task_projects")));
  EXPECT_NE(reopen.Strings("SELECT options_json FROM runs")
                .at(0)
                .find("\"profile\":{\"reopened_share\":0.6,\"multi_home_share\":0.5}"),
            std::string::npos);
  EXPECT_NE(plain.Strings("SELECT options_json FROM runs").at(0).find("\"profile\":{}"),
            std::string::npos);
  const RunResult v = RunAsanasim({"validate", "reopen.sqlite"}, dir.path());
  EXPECT_NE(v.out.find("replay_completion"), std::string::npos);
  // Every rule holds (the scorecard may leave its bands: this profile is extreme on purpose).
  EXPECT_EQ(v.out.find("  FAIL "), std::string::npos) << v.out;
}

}  // namespace
}  // namespace asanasim::testing
