// merge, hash and --compress through the real binary: slices merge into exactly a single run;
// bad shards (missing, truncated, foreign, another version or universe, overlapping) give exit 2,
// a message naming the shard, and no output at all.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "asanasim/hash.h"
#include "src/util/json.h"
#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

const std::vector<std::string> kWorld = {
    "--seed", "3", "--orgs", "3", "--users", "30", "--projects", "5", "--tasks-per-project", "10"};

class MergeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ScratchDir();
    GenerateOrDie(kWorld, "single.sqlite", dir_->path());
    GenerateOrDie(With(kWorld, {"--org-range", "0:1"}), "s0.sqlite", dir_->path());
    GenerateOrDie(With(kWorld, {"--org-range", "1:2", "--compress"}), "s1.sqlite", dir_->path());
    GenerateOrDie(With(kWorld, {"--org-range", "2:3"}), "s2.sqlite", dir_->path());
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string P(const std::string& name) { return *dir_ / name; }
  static std::string Overall(const std::string& path) {
    auto h = HashDatabase(path);
    EXPECT_TRUE(h.ok()) << h.status();
    return h.ok() ? h->overall : "";
  }

  static ScratchDir* dir_;
};
ScratchDir* MergeTest::dir_ = nullptr;

TEST_F(MergeTest, SlicesMergeIntoTheSingleRun) {
  EXPECT_FALSE(std::filesystem::exists(P("s1.sqlite")));  // --compress removed the raw file
  ASSERT_TRUE(std::filesystem::exists(P("s1.sqlite.zst")));
  const RunResult r = RunAsanasim(
      {"merge", "--compress", "m.sqlite", "s2.sqlite", "s0.sqlite", "s1.sqlite.zst"}, dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(P("m.sqlite")));
  ASSERT_TRUE(std::filesystem::exists(P("m.sqlite.zst")));
  EXPECT_EQ(Overall(P("m.sqlite.zst")), Overall(P("single.sqlite")));
  const std::string manifest = ReadFile(P("m.sqlite.manifest.json"));
  EXPECT_NE(manifest.find("\"command\": \"merge\""), std::string::npos);
  EXPECT_NE(manifest.find("s1.sqlite.zst"), std::string::npos);
  EXPECT_NE(manifest.find("\"ratio\""), std::string::npos);
  // No scratch copies of decompressed inputs are left behind.
  for (const auto& e : std::filesystem::directory_iterator(dir_->path())) {
    EXPECT_EQ(e.path().filename().string().find(".asanasim-input"), std::string::npos) << e.path();
  }
  // Every input is listed with its rows and its own content hash (a .zst shard's manifest is
  // under its uncompressed name).
  const absl::StatusOr<Json> record = ParseJson(manifest);
  ASSERT_TRUE(record.ok()) << manifest;
  const Json& inputs = (*record)["inputs"];
  ASSERT_EQ(inputs.size(), 3u) << manifest;
  int64_t input_rows = 0;
  for (const Json& in : inputs) {
    EXPECT_GT(in["rows"].get<int64_t>(), 0) << in.dump();
    EXPECT_EQ(in["content_hash"].get<std::string>().size(), 32u) << in.dump();
    EXPECT_EQ(in["org_ranges"].size(), 1u) << in.dump();
    input_rows += in["rows"].get<int64_t>();
  }
  EXPECT_EQ(input_rows + 1, (*record)["total_rows"].get<int64_t>()) << "all but the run record";
  // `hash --check` against the single run's manifest.
  const RunResult check =
      RunAsanasim({"hash", "--check", "single.sqlite.manifest.json", "m.sqlite.zst"}, dir_->path());
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

TEST_F(MergeTest, AGapStillMergesWithOneRunRecordPerRange) {
  const RunResult r =
      RunAsanasim({"merge", "--quiet", "gap.sqlite", "s0.sqlite", "s2.sqlite"}, dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Db db(P("gap.sqlite"));
  EXPECT_EQ(db.Strings("SELECT org_begin || ':' || org_end FROM runs ORDER BY id"),
            (std::vector<std::string>{"0:1", "2:3"}));
  EXPECT_EQ(db.Strings("PRAGMA foreign_key_check").size(), 0u);
  EXPECT_EQ(db.Strings("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
}

TEST_F(MergeTest, HashCheckDetectsADifference) {
  const RunResult r =
      RunAsanasim({"hash", "--check", "s0.sqlite.manifest.json", "s2.sqlite"}, dir_->path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("differs"), std::string::npos);
  const RunResult missing = RunAsanasim({"hash", "nope.sqlite"}, dir_->path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.sqlite"), std::string::npos);
}

struct BadShard {
  std::string name;
  std::function<void(const std::string& dir)> make;  // creates bad.sqlite (or bad.sqlite.zst)
  std::string file;
  std::string message;
};

void CopyFile(const std::string& from, const std::string& to, size_t limit = SIZE_MAX) {
  const std::string bytes = ReadFile(from);
  std::ofstream(to, std::ios::binary) << bytes.substr(0, std::min(limit, bytes.size()));
}

void Sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST_F(MergeTest, BadShardsAreRefusedAndNothingIsWritten) {
  const std::string s0 = P("s0.sqlite");
  const std::vector<BadShard> cases = {
      {"missing", [](const std::string&) {}, "bad.sqlite", "no such file"},
      {"empty", [](const std::string& d) { std::ofstream(d + "/bad.sqlite"); }, "bad.sqlite",
       "not an asanasim database"},
      {"random bytes",
       [](const std::string& d) { std::ofstream(d + "/bad.sqlite") << std::string(8192, '\x5a'); },
       "bad.sqlite", "not a readable SQLite database"},
      {"truncated",
       [&](const std::string& d) { CopyFile(s0, d + "/bad.sqlite", ReadFile(s0).size() / 2); },
       "bad.sqlite", "corrupt or truncated"},
      {"foreign sqlite",
       [](const std::string& d) {
         Sql(d + "/bad.sqlite", "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
       },
       "bad.sqlite", "not an asanasim database"},
      {"other version",
       [&](const std::string& d) {
         CopyFile(P("s2.sqlite"), d + "/bad.sqlite");
         Sql(d + "/bad.sqlite", "UPDATE runs SET generator_version = '0.0.1'");
       },
       "bad.sqlite", "0.0.1"},
      {"other schema",
       [&](const std::string& d) {
         CopyFile(P("s2.sqlite"), d + "/bad.sqlite");
         Sql(d + "/bad.sqlite", "PRAGMA user_version = 99");
       },
       "bad.sqlite", "schema version 99"},
      {"other universe",
       [&](const std::string& d) {
         CopyFile(P("s2.sqlite"), d + "/bad.sqlite");
         Sql(d + "/bad.sqlite", "UPDATE runs SET seed = 4");
       },
       "bad.sqlite", "another universe"},
      {"overlap", [&](const std::string& d) { CopyFile(s0, d + "/bad.sqlite"); }, "bad.sqlite",
       "both hold org 0"},
      {"truncated zst",
       [&](const std::string& d) {
         CopyFile(P("s1.sqlite.zst"), d + "/bad.sqlite.zst",
                  ReadFile(P("s1.sqlite.zst")).size() / 2);
       },
       "bad.sqlite.zst", "truncated"},
  };
  for (const BadShard& c : cases) {
    ScratchDir d;
    CopyFile(s0, d / "s0.sqlite");
    c.make(d.path());
    const auto before = Snapshot(d.path());
    const RunResult r = RunAsanasim({"merge", "out/merged.sqlite", "s0.sqlite", c.file}, d.path());
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(c.file), std::string::npos) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.name << ": " << r.err;
    EXPECT_FALSE(std::filesystem::exists(d / "out/merged.sqlite")) << c.name;
    EXPECT_FALSE(std::filesystem::exists(d / "out/merged.sqlite.partial")) << c.name;
    EXPECT_FALSE(std::filesystem::exists(d / "out/merged.sqlite.manifest.json")) << c.name;
    auto after = Snapshot(d.path());
    after.erase(d / "out");  // an empty scratch directory for decompressed inputs may remain
    EXPECT_EQ(after, before) << c.name;
  }
}

TEST_F(MergeTest, CompressedGenerateHashesLikeThePlainOne) {
  ScratchDir d;
  GenerateOrDie({"--users", "20", "--projects", "3", "--compress"}, "c.sqlite", d.path());
  GenerateOrDie({"--users", "20", "--projects", "3"}, "p.sqlite", d.path());
  EXPECT_FALSE(std::filesystem::exists(d / "c.sqlite"));
  EXPECT_EQ(Overall(d / "c.sqlite.zst"), Overall(d / "p.sqlite"));
  EXPECT_LT(std::filesystem::file_size(d / "c.sqlite.zst"),
            std::filesystem::file_size(d / "p.sqlite") / 3);
  const std::string manifest = ReadFile(d / "c.sqlite.manifest.json");
  for (const char* key :
       {"\"generator_version\"", "\"seed\": 42", "\"org_ranges\"", "\"total_rows\"",
        "\"content_hash\"", "\"peak_rss_kib\"", "\"host\"", "\"timings_s\"", "\"compressed\""}) {
    EXPECT_NE(manifest.find(key), std::string::npos) << key;
  }
}

TEST_F(MergeTest, JsonPrintsTheRecordThatTheManifestHolds) {
  const RunResult r =
      RunAsanasim({"merge", "--json", "j.sqlite", "s0.sqlite", "s2.sqlite"}, dir_->path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(P("j.sqlite.manifest.json")));
  ASSERT_TRUE(ParseJson(r.out).ok()) << r.out;
}

}  // namespace
}  // namespace asanasim::testing
