// Bad input: one line naming the culprit, exit 2, and nothing on disk created or changed.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <ostream>

#include "src/util/json.h"
#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

struct BadCase {
  std::vector<std::string> args;
  std::string culprit;
  std::map<std::string, std::string> env = {};
  std::string dotenv = "";
  std::map<std::string, std::string> files = {};  // written into the directory first
};

void PrintTo(const BadCase& c, std::ostream* os) {
  for (const std::string& a : c.args) *os << a << " ";
  for (const auto& [k, v] : c.env) *os << k << "=" << v << " ";
  if (!c.dotenv.empty()) *os << ".env: " << c.dotenv;
}

class BadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInputTest, ExitsTwoNamingTheCulpritAndTouchesNothing) {
  const BadCase& c = GetParam();
  ScratchDir dir;
  std::ofstream(dir / "existing.sqlite") << "precious";
  std::ofstream(dir / "a_file") << "x";
  if (!c.dotenv.empty()) std::ofstream(dir / ".env") << c.dotenv;
  for (const auto& [name, text] : c.files) std::ofstream(dir / name) << text;
  const auto before = Snapshot(dir.path());
  std::vector<std::string> args = {"generate"};
  args.insert(args.end(), c.args.begin(), c.args.end());
  const RunResult r = RunAsanasim(args, dir.path(), c.env);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(c.culprit), std::string::npos) << "stderr: " << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "stderr: " << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Snapshot(dir.path()), before);
  EXPECT_EQ(ReadFile(dir / "existing.sqlite"), "precious");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputTest,
    ::testing::Values(
        BadCase{{"--users", "-5"}, "--users"}, BadCase{{"--users", "0"}, "--users"},
        BadCase{{"--users", "12x"}, "--users"}, BadCase{{"--users", "999999999999"}, "--users"},
        BadCase{{"--projects", "0"}, "--projects"},
        BadCase{{"--tasks-per-project", "-1"}, "--tasks-per-project"},
        BadCase{{"--projects", "100000", "--tasks-per-project", "100000"}, "--projects"},
        BadCase{{"--months", "0"}, "--months"}, BadCase{{"--months", "1000"}, "--months"},
        BadCase{{"--as-of", "2026-02-30"}, "--as-of"}, BadCase{{"--as-of", "tomorrow"}, "--as-of"},
        BadCase{{"--seed", "1.5"}, "--seed"}, BadCase{{"--orgs", "0"}, "--orgs"},
        BadCase{{"--orgs", "4", "--org-range", "2:9"}, "--org-range"},
        BadCase{{"--org-range", "3:3"}, "--org-range"}, BadCase{{"--threads", "-2"}, "--threads"},
        BadCase{{"--frobnicate"}, "--frobnicate"}, BadCase{{"--users"}, "--users"},
        BadCase{{"--out", "existing.sqlite"}, "existing.sqlite"},
        BadCase{{"--out", "a_file/db.sqlite"}, "a_file"}, BadCase{{"--out", "."}, "directory"},
        BadCase{{"--config", "nope.conf"}, "nope.conf"},
        BadCase{{}, "SEED_COUNT_USERS", {{"SEED_COUNT_USERS", "many"}}},
        BadCase{{}, "SEED_COUNT_PROJECTS", {}, "SEED_COUNT_PROJECTS=0\n"},
        BadCase{{}, "ASANASIM_USRS", {}, "ASANASIM_USRS=4\n"},
        BadCase{
            {}, "environment variable ASANASIM_USRS: no option reads it", {{"ASANASIM_USRS", "4"}}},
        BadCase{{}, "environment variable SEED_COUNT_USRS", {{"SEED_COUNT_USRS", "4"}}},
        BadCase{{},
                ".env:3: key 'ASANASIM_USERS' repeats line 1",
                {},
                "ASANASIM_USERS=40\nOTHER_TOOL=1\nASANASIM_USERS=50\n"},
        BadCase{{"--config", "c.conf"},
                "c.conf:2: key 'users' repeats line 1",
                {},
                "",
                {{"c.conf", "users = 40\nusers = 50\n"}}},
        BadCase{{"--config", "."}, "--config: cannot read .: Is a directory"},
        BadCase{{"--profile", "."}, "profile .: cannot read: Is a directory"},
        BadCase{{"--users", "40", "--users", "50"}, "--users is given twice ('40' and '50')"},
        BadCase{{"--out", "-"}, "SQLite cannot write a database to standard output"},
        BadCase{{"--out", "newdir/"}, "newdir/ names a directory"},
        BadCase{{"--profile", "missing.profile"}, "missing.profile: cannot read"},
        BadCase{{"--profile", "p"},
                "p line 1: unknown parameter 'bogus'",
                {},
                "",
                {{"p", "bogus = 1\n"}}},
        BadCase{{"--profile", "p"},
                "p line 2: reopened_share = 1.5 is out of range",
                {},
                "",
                {{"p", "# comment\nreopened_share = 1.5\n"}}},
        BadCase{{"--profile", "p"},
                "weekday_weight' takes 7 numbers, got 2",
                {},
                "",
                {{"p", "weekday_weight = [1, 1]\n"}}},
        BadCase{{"--profile", "p"},
                "milestone_share + approval_share is above 1",
                {},
                "",
                {{"p", "milestone_share = 0.7\napproval_share = 0.6\n"}}},
        BadCase{{},
                "p line 1: dependency_max = 2.5 is not a whole number",
                {{"ASANASIM_PROFILE", "p"}},
                "",
                {{"p", "dependency_max = 2.5\n"}}}),
    [](const ::testing::TestParamInfo<BadCase>& info) {
      // "3_users_999999999999": the case's number, then its arguments (or its culprit).
      std::string words;
      for (const std::string& a : info.param.args) words += a + " ";
      if (words.empty()) words = info.param.culprit;
      std::string name = std::to_string(info.index);
      for (char ch : words) {
        const bool alnum = std::isalnum(static_cast<unsigned char>(ch)) != 0;
        if (alnum) {
          name += ch;
        } else if (name.back() != '_') {
          name += '_';
        }
      }
      while (name.back() == '_') name.pop_back();
      return name;
    });

// An interrupted run exits 130 and leaves neither the output nor its temporary files behind.
TEST(CliTest, InterruptLeavesNothingBehind) {
  ScratchDir dir;
  const std::string cmd =
      "cd '" + dir.path() + "' && timeout --preserve-status -s INT 0.5 '" + ASANASIM_BINARY +
      "' generate --quiet --orgs 40 --users 2000 --projects 400 --out big.sqlite";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_FALSE(std::filesystem::exists(dir / "big.sqlite"));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "no partial file, lock or manifest";
}

// --json: the run's record on stdout, the very text of the manifest (--discard: rows counted).
TEST(CliTest, JsonPrintsTheRunsRecord) {
  ScratchDir dir;
  const RunResult r = RunAsanasim(
      {"generate", "--json", "--users", "40", "--projects", "4", "--out", "j.sqlite"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(dir / "j.sqlite.manifest.json"));
  const absl::StatusOr<Json> record = ParseJson(r.out);
  ASSERT_TRUE(record.ok()) << r.out;
  EXPECT_EQ((*record)["content_hash"]["overall"].get<std::string>().size(), 32u);
  const RunResult d = RunAsanasim(
      {"generate", "--json", "--discard", "--users", "40", "--projects", "4"}, dir.path());
  ASSERT_EQ(d.exit_code, 0) << d.err;
  const absl::StatusOr<Json> discarded = ParseJson(d.out);
  ASSERT_TRUE(discarded.ok()) << d.out;
  EXPECT_EQ((*discarded)["total_rows"], (*record)["total_rows"]);
}

// Not a terminal: progress is a line every few seconds plus a final one; --quiet silences both
// progress and summary.
TEST(CliTest, ProgressAndSummaryUnlessQuiet) {
  ScratchDir dir;
  RunResult r = RunAsanasim({"generate", "--users", "20", "--projects", "2", "--out", "a.sqlite"},
                            dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("[asanasim] 100%"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("rows/s"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("total rows"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("content hash"), std::string::npos) << r.out;
  r = RunAsanasim({"generate", "--quiet", "--users", "20", "--projects", "2", "--out", "b.sqlite"},
                  dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  // --discard writes nothing at all.
  r = RunAsanasim(
      {"generate", "--discard", "--users", "20", "--projects", "2", "--out", "c.sqlite"},
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("discarded"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "c.sqlite"));
  EXPECT_FALSE(std::filesystem::exists(dir / "c.sqlite.manifest.json"));
}

TEST(CliTest, UnknownCommandAndVersion) {
  ScratchDir dir;
  RunResult r = RunAsanasim({"frobnicate"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos);
  r = RunAsanasim({"--version"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("asanasim ", 0), 0u);
  r = RunAsanasim({"generate", "--help"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--org-range"), std::string::npos);
}

TEST(CliTest, ForceReplacesAndDotenvKeysWork) {
  ScratchDir dir;
  std::ofstream(dir / ".env")
      << "SEED_COUNT_USERS=25\nSEED_COUNT_PROJECTS=3\nSEED_COUNT_TASKS_PER_PROJECT=5\n"
         "DB_PATH=out/db.sqlite\nGROQ_API_KEY=gsk_not_used_here\nGROQ_BASE_URL=http://"
         "127.0.0.1:9\n";
  std::filesystem::create_directory(dir / "out");
  std::ofstream(dir / "out/db.sqlite") << "old";
  RunResult r = RunAsanasim({"generate", "--quiet"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(ReadFile(dir / "out/db.sqlite"), "old");
  r = RunAsanasim({"generate", "--quiet", "--force"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The key in .env turns the LLM tier on; the server is unreachable, so after a few refused
  // connections the run says so once and completes on templates.
  EXPECT_NE(r.err.find("LLM tier stopped: cannot reach Groq at http://127.0.0.1:9"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("gsk_not_used_here"), std::string::npos);
  Db db(dir / "out/db.sqlite");
  EXPECT_EQ(db.Int("SELECT count(*) FROM users"), 25);
  EXPECT_EQ(db.Int("SELECT count(*) FROM projects"), 3);
  // The environment beats .env; flags beat both.
  r = RunAsanasim({"generate", "--quiet", "--out", "b.sqlite", "--projects", "2", "--llm", "off"},
                  dir.path(), {{"SEED_COUNT_USERS", "12"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Db b(dir / "b.sqlite");
  EXPECT_EQ(b.Int("SELECT count(*) FROM users"), 12);
  EXPECT_EQ(b.Int("SELECT count(*) FROM projects"), 2);
  EXPECT_EQ(b.Int("SELECT count(*) FROM runs WHERE options_json LIKE '%gsk%'"), 0);
}

}  // namespace
}  // namespace asanasim::testing
