// Golden per-table content hashes at a tiny scale. A change here means the output for a seed
// changed: if that is deliberate, say so in the commit message and update
// tests/golden/tiny.txt with the values this test prints.
#include <gtest/gtest.h>

#include <sstream>

#include "asanasim/hash.h"
#include "tests/integration/harness.h"

namespace asanasim::testing {
namespace {

TEST(GoldenTest, TinyWorldHashes) {
  ScratchDir dir;
  GenerateOrDie({"--seed", "2026", "--orgs", "2", "--users", "24", "--projects", "4",
                 "--tasks-per-project", "8"},
                "tiny.sqlite", dir.path());
  auto hashes = HashDatabase(dir / "tiny.sqlite", {"runs"});
  ASSERT_TRUE(hashes.ok()) << hashes.status();
  std::ostringstream actual;
  for (const TableHash& h : hashes->tables)
    actual << h.table << " " << h.rows << " " << h.hash << "\n";
  const std::string expected = ReadFile(std::string(ASANASIM_GOLDEN_DIR) + "/tiny.txt");
  EXPECT_EQ(actual.str(), expected) << "actual hashes:\n" << actual.str();
}

}  // namespace
}  // namespace asanasim::testing
