#include "src/store/sqlite_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "asanasim/hash.h"
#include "src/gen/jobs.h"
#include "src/plan/org_plan.h"

namespace asanasim {
namespace {

class SqliteWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/asanasim_writer_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/w.sqlite";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The batches of a small org, in job order.
  std::vector<std::unique_ptr<Batch>> Batches() {
    WorldConfig world{.seed = 9,
                      .org_count = 1,
                      .users = 25,
                      .projects = 4,
                      .tasks_per_project = 6,
                      .months = 6,
                      .as_of_ms = 1782864000000};
    auto plan = PlanOrganization(world, 0);
    EXPECT_TRUE(plan.ok());
    std::vector<std::unique_ptr<Batch>> out;
    out.push_back(std::make_unique<Batch>(0));
    GenerateOrgRows(**plan, *out.back());
    for (uint32_t t = 0; t < (*plan)->teams.size(); ++t) {
      out.push_back(std::make_unique<Batch>(t + 1));
      GenerateTeamRows(**plan, t, *out.back());
    }
    return out;
  }

  std::string dir_;
  std::string path_;
};

TEST_F(SqliteWriterTest, StreamedHashEqualsTheFilesHash) {
  auto writer = SqliteWriter::Create({.path = path_});
  ASSERT_TRUE(writer.ok()) << writer.status();
  for (const auto& b : Batches()) ASSERT_TRUE((*writer)->Write(*b).ok());
  ASSERT_TRUE((*writer)->Finish().ok());
  absl::StatusOr<DatabaseHash> streamed = (*writer)->ContentHash();
  ASSERT_TRUE(streamed.ok()) << streamed.status();
  absl::StatusOr<DatabaseHash> read = HashDatabase(path_);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(streamed->overall, read->overall);
  ASSERT_EQ(streamed->tables.size(), read->tables.size());
  for (size_t t = 0; t < read->tables.size(); ++t) {
    EXPECT_EQ(streamed->tables[t].hash, read->tables[t].hash) << read->tables[t].table;
    EXPECT_EQ(streamed->tables[t].rows, read->tables[t].rows) << read->tables[t].table;
  }
  EXPECT_GT(read->total_rows, 500);
  EXPECT_FALSE(std::filesystem::exists(path_ + "-wal"));  // one self-contained file
}

TEST_F(SqliteWriterTest, OutOfOrderRowsInvalidateTheStreamedHash) {
  auto batches = Batches();
  auto writer = SqliteWriter::Create({.path = path_});
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Write(*batches[1]).ok());  // a team job before the org job is fine...
  Batch late(99);
  late.rows(Table::kTags).Int(1).Int(1).Text("x").Null().Text("").Text("2026-01-01T00:00:00.000Z");
  ASSERT_TRUE((*writer)->Write(late).ok());  // ...but a tag id below the ones written is not
  Batch later(100);
  later.rows(Table::kTags).Int(0).Int(1).Text("y").Null().Text("").Text("2026-01-01T00:00:00.000Z");
  ASSERT_TRUE((*writer)->Write(later).ok());
  EXPECT_TRUE(absl::IsFailedPrecondition((*writer)->ContentHash().status()));
}

TEST_F(SqliteWriterTest, AnAbandonedWriterLeavesNoFiles) {
  {
    auto writer = SqliteWriter::Create({.path = path_});
    ASSERT_TRUE(writer.ok());
    for (const auto& b : Batches()) ASSERT_TRUE((*writer)->Write(*b).ok());
    EXPECT_TRUE(std::filesystem::exists(path_));
    EXPECT_TRUE(std::filesystem::exists(path_ + "-wal"));
  }
  EXPECT_FALSE(std::filesystem::exists(path_));
  EXPECT_FALSE(std::filesystem::exists(path_ + "-wal"));
}

TEST_F(SqliteWriterTest, RefusesAnExistingFileUnlessOverwriting) {
  std::ofstream(path_) << "keep";
  EXPECT_TRUE(absl::IsAlreadyExists(SqliteWriter::Create({.path = path_}).status()));
  auto writer = SqliteWriter::Create({.path = path_, .overwrite = true});
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Finish().ok());
  EXPECT_GT(std::filesystem::file_size(path_), 4u);
}

}  // namespace
}  // namespace asanasim
